//! Invariants of `summarize` over generated documents (proptest).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use salience::{split_sentences, Summarizer};

const WORDS: &[&str] = &[
    "plant",
    "tidal",
    "energy",
    "city",
    "council",
    "water",
    "مٹی",
    "شہر",
    "میٹرو",
    "地铁",
    "power",
    "the",
    "of",
    "and",
    "کے",
    "ہے",
    "river",
    "bank",
    "loan",
    "fish",
];
const ENDS: &[&str] = &[". ", "? ", "! ", "۔ ", "؟ ", "。", ".\n\n"];

/// A document of `sentences` sentences built from a small vocabulary, so that terms
/// repeat and scores tie often.
fn document(max_sentences: usize) -> impl Strategy<Value = String> {
    let sentence = (
        prop::collection::vec(prop::sample::select(WORDS), 1..8),
        prop::sample::select(ENDS),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            s + end
        });
    prop::collection::vec(sentence, 0..max_sentences).prop_map(|v| v.concat())
}

/// Bytes past which a document is analysed on the pool rather than on the calling
/// thread (16 KiB in the crate), with room to spare.
const LONG: usize = 20_000;

/// `text` repeated to at least [`LONG`] bytes (empty stays empty).
fn tile(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    text.repeat(LONG / text.len() + 1)
}

/// A document long enough to be split between threads: a [`document`] tiled, with at
/// least one sentence.
fn long_document() -> impl Strategy<Value = String> {
    document(300)
        .prop_filter("at least one sentence", |t| !t.trim().is_empty())
        .prop_map(|t| tile(&t))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn summary_is_an_ordered_subsequence_of_the_sentences(text in document(40), n in 0usize..12) {
        let all = split_sentences(&text);
        let summary = salience::summarize(&text, n);
        prop_assert_eq!(summary.len(), n.min(all.len()));
        let mut rest = all.iter();
        for s in &summary {
            prop_assert!(rest.any(|a| a == s), "{:?} out of order or not a sentence", s);
        }
    }

    #[test]
    fn same_output_on_one_two_and_four_threads(text in long_document(), n in 1usize..20) {
        let one = Summarizer::builder().threads(1).build().unwrap();
        let two = Summarizer::builder().threads(2).build().unwrap();
        let four = Summarizer::builder().threads(4).build().unwrap();
        let (a, b, c) = (one.analyze(&text), two.analyze(&text), four.analyze(&text));
        prop_assert_eq!(a.scores(), b.scores());
        prop_assert_eq!(a.scores(), c.scores());
        let summary = two.summarize(&text, n);
        prop_assert_eq!(&one.summarize(&text, n), &summary);
        // A batch analyses each document on one thread: the same result again.
        let docs = [text.as_str()];
        prop_assert_eq!(&four.summarize_batch(&docs, n)[0], &summary);
    }

    #[test]
    fn short_and_long_documents_agree_with_their_batch(text in document(300), n in 1usize..20) {
        // Short documents run on the calling thread, long ones on the pool; a document
        // and the same document tiled past the threshold are both checked.
        let s = Summarizer::builder().threads(2).build().unwrap();
        for doc in [text.clone(), tile(&text)] {
            let docs = [doc.as_str()];
            prop_assert_eq!(&s.summarize_batch(&docs, n)[0], &s.summarize(&doc, n));
        }
    }

    #[test]
    fn batch_equals_a_loop(docs in prop::collection::vec(document(80), 0..6), n in 0usize..5) {
        let s = Summarizer::default();
        let looped: Vec<Vec<&str>> = docs.iter().map(|d| s.summarize(d, n)).collect();
        prop_assert_eq!(s.summarize_batch(&docs, n), looped);
    }

    #[test]
    fn arbitrary_text_never_panics_and_quotes_the_input(text in "\\PC{0,400}", n in 0usize..6) {
        let summary = salience::summarize(&text, n);
        prop_assert!(summary.len() <= n);
        for s in summary {
            prop_assert!(text.contains(s));
            prop_assert!(!s.is_empty());
            prop_assert_eq!(s, s.trim());
        }
    }
}
