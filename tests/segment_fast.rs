//! The fast paths of `segment` give exactly what `unicode_segmentation` gives.
//!
//! Sentence boundaries are checked inside the crate (`segment::sentence_bounds`, its
//! fast path is private); words are public, so they are checked here, on text that is
//! all ASCII (one region for the ASCII rules) and on ASCII with a few other
//! characters mixed in (regions cut at white space).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use salience::segment::word_indices;
use unicode_segmentation::UnicodeSegmentation;

fn same(text: &str) -> Result<(), TestCaseError> {
    let ours: Vec<(usize, &str)> = word_indices(text).collect();
    let theirs: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    prop_assert_eq!(ours, theirs);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn ascii_words(text in "[ -~\t\n\r\u{0b}\u{0c}]{0,80}") {
        same(&text)?;
    }

    #[test]
    fn ascii_word_joiners(text in "[aZ09_.,;:' \n]{0,40}") {
        same(&text)?;
    }

    #[test]
    fn ascii_with_others(text in "[a-c1-2_.,;:'\" \n\u{301}\u{200d}é’—\u{3000}\u{a0}۔ک]{0,40}") {
        same(&text)?;
    }

    #[test]
    fn spaces_before_marks(text in "[ab1 \t\n\u{64e}\u{301}\u{200d}\u{3000}\u{a0}کé]{0,24}") {
        same(&text)?;
    }
}

#[test]
fn space_runs_stay_whole() {
    for text in [
        "a  \u{64e}",
        "ab \t \u{301}x",
        "a\u{3000} \u{64e}",
        "x y  \u{200d}z",
    ] {
        same(text).unwrap();
    }
}

#[test]
fn evaluation_texts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    for file in [
        "corpora/gutenberg/alice_in_wonderland.txt",
        "summarization/cnndm_250.jsonl",
        "samples/urdu_news_sco_summit.txt",
    ] {
        if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
            for line in text.lines() {
                same(line).unwrap();
            }
        }
    }
}
