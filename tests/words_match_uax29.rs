//! The fast paths of `segment` give exactly what `unicode_segmentation` gives.
//!
//! Sentence boundaries are checked inside the crate (`segment::sentence_bounds`, its
//! fast path is private); words are public, so they are checked here, on text that is
//! all ASCII, on text of the characters the fast rules know (Latin, Cyrillic, the
//! Arabic script, typographic quotes and dashes), and on such text with other
//! characters mixed in (regions cut at white space). Every known character is also
//! checked on its own, in context, inside the crate (`segment::tests`). Last, a small
//! alphabet of the borders between ASCII and other scripts, many cases each.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod eval_data;

use proptest::prelude::*;
use salience::word_indices;
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
    fn known_characters(text in "[a-cA1_.,;:'’‘·‧․\"“”—–… \n\t\u{a0}éÉßçœŒĳжЖکہ۵٣،؟۔×¿«»]{0,40}") {
        same(&text)?;
    }

    #[test]
    fn known_with_others(
        text in "[a1_.,:'’·“— \n\u{a0}éжک۵،\u{301}\u{64e}\u{ad}\u{b8}²\u{200d}\u{2060}\u{3000}😀カא\u{85}]{0,40}"
    ) {
        same(&text)?;
    }

    #[test]
    fn any_string(text in any::<String>()) {
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
    for file in [
        "corpora/gutenberg/alice_in_wonderland.txt",
        "corpora/gutenberg/moby_dick.txt",
        "corpora/gutenberg/pride_and_prejudice.txt",
        "corpora/gutenberg/war_and_peace.txt",
        "summarization/cnndm_250.jsonl",
        "summarization/bbc_news_2225.jsonl",
        "summarization/urdu_usc_50.jsonl",
        "summarization/xlsum_urdu_244.jsonl",
        "samples/urdu_news_sco_summit.txt",
    ] {
        let Some(raw) = eval_data::read(file) else {
            continue;
        };
        if file.ends_with(".jsonl") {
            for line in raw.lines() {
                let doc: serde_json::Value = serde_json::from_str(line).unwrap();
                same(doc["text"].as_str().unwrap()).unwrap();
            }
        } else {
            same(&raw).unwrap();
        }
    }
}

/// Characters that meet every rule the ASCII fast path implements, and the
/// borders between ASCII and other scripts (combining marks after spaces,
/// ZWJ, Hebrew quotes, kana, Han).
const ALPHABET: &[char] = &[
    'a',
    'Z',
    'q',
    '1',
    '9',
    '_',
    '.',
    '\'',
    ':',
    ',',
    ';',
    '-',
    '"',
    '!',
    '(',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r',
    'é',
    'ß',
    '\u{301}',
    '\u{93E}',
    'क',
    '्',
    'ی',
    '۔',
    '\u{64E}',
    '\u{200C}',
    '\u{200D}',
    '中',
    'カ',
    'ー',
    'の',
    'א',
    '״',
    '😀',
    '\u{1F1E6}',
    '\u{A0}',
    '\u{3000}',
    '٫',
    '٣',
    '\u{FEFF}',
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn same_words_and_offsets(s in text()) {
        let ours: Vec<(usize, &str)> = salience::word_indices(&s).collect();
        let theirs: Vec<(usize, &str)> = s.unicode_word_indices().collect();
        prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn ascii_examples() {
    for s in [
        "Don't stop, Mr. Smith!",
        "e.g. 3.14, 1,000;2 a:b a::b _x_ __ x__y 3_a a.1 1.a",
        "He said 'no' -- then left.",
        "U.S.A. and e-mail: a.b@c.com http://x.y/z?q=1",
    ] {
        let ours: Vec<&str> = salience::words(s).collect();
        let theirs: Vec<&str> = s.unicode_words().collect();
        assert_eq!(ours, theirs, "{s}");
    }
}
