//! Sentence segmentation of any UTF-8 text (invalid bytes are replaced, as a reader
//! of scraped pages would): spans in order, on character boundaries, trimmed, capped,
//! and nothing but white space lost.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::checked_sentences(&text);
});
