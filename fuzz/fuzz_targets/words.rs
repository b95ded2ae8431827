//! The word splitter's ASCII fast path against the UAX #29 tables it stands in for:
//! `salience::word_indices` must equal `unicode_word_indices` on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let fast: Vec<(usize, &str)> = salience::word_indices(&text).collect();
    let tables: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    assert_eq!(fast, tables, "{text:?}");
});
