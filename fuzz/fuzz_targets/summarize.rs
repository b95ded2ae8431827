//! Summarization of any text: the first byte picks `n`, the rest is the document
//! (invalid UTF-8 replaced). Checks the summary, the same scores on pools of 1, 2 and
//! 4 threads, and `summarize_batch` against `summarize`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let n = match first {
        255 => usize::MAX,
        b => usize::from(b % 16),
    };
    let text = String::from_utf8_lossy(rest);
    invariants::check_everything(&text, n);
});
