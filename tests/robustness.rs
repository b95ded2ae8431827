//! Hostile inputs: each one gets a defined result, never a panic, and nothing but white
//! space is ever dropped from the sentences.
//!
//! Sizes here stay fast in debug builds; the full-size inputs (a 20 MB
//! sentence, 200,000 sentences) are `#[ignore]`d and run by hand in release:
//! `cargo test --release --test robustness -- --ignored`. The Python tests run them at
//! full size on every CI run (the extension is built in release).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

mod invariants;

use invariants::{check_everything, check_summary, checked_sentences};
use salience::MAX_SENTENCE_BYTES;
use salience::{ErrorKind, Summarizer, Weights};

#[test]
fn empty_and_white_space_text_give_nothing() {
    let s = Summarizer::default();
    for text in [
        "",
        " ",
        "\n\n\n",
        "\t\r\n\x0b\x0c",
        "\u{a0}\u{3000}\u{2028}\u{2029}\u{85}\u{1680}\u{202f}",
        "\x1c\x1d\x1e\x1f",
    ] {
        assert!(checked_sentences(text).is_empty(), "{text:?}");
        for n in [0, 1, 3, usize::MAX] {
            assert!(salience::summarize(text, n).is_empty());
            assert!(s
                .summarize_batch(&[text, text], n)
                .iter()
                .all(Vec::is_empty));
        }
        let analysis = s.analyze(text);
        assert_eq!(analysis.features().nrows(), 0);
        assert!(analysis.scores().is_empty());
        assert!(s.select(text, 3).is_empty());
    }
}

#[test]
fn zero_sentences_gives_nothing_and_a_huge_count_gives_all() {
    let text = "One here. Two there. Three everywhere.";
    assert!(check_summary(text, 0).is_empty());
    assert_eq!(check_summary(text, usize::MAX).len(), 3);
    let s = Summarizer::default();
    assert!(s.summarize_batch(&[text], 0)[0].is_empty());
    assert_eq!(s.summarize_batch(&[text], usize::MAX)[0].len(), 3);
    assert_eq!(s.select(text, usize::MAX).len(), 3);
}

#[test]
fn nul_bytes_are_ordinary_characters() {
    let text = "First\0 sentence. \0Second sentence.\0 \0";
    assert_eq!(
        checked_sentences(text),
        ["First\0 sentence.", "\0Second sentence.\0 \0"]
    );
    let only = "\0".repeat(10_000);
    let pieces = checked_sentences(&only);
    assert_eq!(pieces.len(), 10_000usize.div_ceil(MAX_SENTENCE_BYTES));
    assert_eq!(check_summary(&only, 1), [pieces[0]]);
}

#[test]
fn text_of_only_punctuation_is_kept_not_dropped() {
    for text in [
        "?!... ;; ---",
        "...",
        "。。。！？",
        "۔۔۔ ؟؟",
        "!!!\n\n???\n\n...",
        "\"\"\"''' ((( ))) [[[ ]]]",
        "• • • 1. 2. 3.",
        ". . . . . . .",
    ] {
        let sentences = checked_sentences(text);
        assert!(!sentences.is_empty(), "{text:?}");
        assert_eq!(check_summary(text, usize::MAX), sentences);
    }
}

/// `len` bytes of words with no sentence terminator at all.
fn no_terminator(len: usize) -> String {
    "word ".repeat(len / 5)
}

#[test]
fn a_long_sentence_without_terminator_is_cut_into_bounded_pieces() {
    let text = no_terminator(300_000);
    let sentences = checked_sentences(&text);
    // Cut at white space into pseudo-sentences of at most 40 words, none lost.
    assert!(sentences.iter().all(|s| s.split(' ').count() <= 40));
    let words: usize = sentences.iter().map(|s| s.split(' ').count()).sum();
    assert_eq!(words, text.len() / 5);
    assert!(sentences
        .iter()
        .all(|s| s.starts_with("word") && s.ends_with("word")));
    assert_eq!(check_summary(&text, 3).len(), 3);
    // Without any white space, pieces are cut at a character boundary.
    let glued = "ب".repeat(150_000);
    let pieces = checked_sentences(&glued);
    let (last, full) = pieces.split_last().unwrap();
    assert!(full.iter().all(|p| p.len() >= MAX_SENTENCE_BYTES - 1));
    assert!(!last.is_empty());
}

#[test]
#[ignore = "20 MB: run in release (cargo test --release -- --ignored)"]
fn a_20_mb_sentence_without_terminator() {
    let text = no_terminator(20_000_000);
    let sentences = checked_sentences(&text);
    assert!(sentences.len() >= text.len() / MAX_SENTENCE_BYTES);
    assert_eq!(check_summary(&text, 3).len(), 3);
}

/// `count` one-word sentences.
fn one_word_sentences(count: usize) -> String {
    (0..count).map(|i| format!("Word{}. ", i % 1000)).collect()
}

#[test]
fn many_one_word_sentences() {
    let text = one_word_sentences(20_000);
    assert_eq!(checked_sentences(&text).len(), 20_000);
    assert_eq!(check_summary(&text, 5).len(), 5);
    assert_eq!(check_summary(&text, usize::MAX).len(), 20_000);
}

#[test]
#[ignore = "200,000 sentences: run in release (cargo test --release -- --ignored)"]
fn two_hundred_thousand_one_word_sentences() {
    let text = one_word_sentences(200_000);
    assert_eq!(checked_sentences(&text).len(), 200_000);
    assert_eq!(check_summary(&text, 3).len(), 3);
}

#[test]
fn bidi_controls_stay_inside_the_sentences_they_wrap() {
    // Right-to-left embedding … pop, and an isolate around an Urdu sentence: each
    // control belongs to the sentence it wraps, never to its neighbour.
    let text = "\u{202b}پہلا جملہ۔\u{202c} \u{2067}دوسرا جملہ؟\u{2069} Third \u{200f}one.";
    assert_eq!(
        check_summary(text, 9),
        [
            "\u{202b}پہلا جملہ۔\u{202c}",
            "\u{2067}دوسرا جملہ؟\u{2069}",
            "Third \u{200f}one."
        ]
    );
    let overrides = "\u{202e}txet desrever\u{202c}. \u{202d}Forced left to right.\u{202c}";
    assert_eq!(
        checked_sentences(overrides),
        [
            "\u{202e}txet desrever\u{202c}.",
            "\u{202d}Forced left to right.\u{202c}"
        ]
    );
    let hebrew = "\u{2068}שלום עולם.\u{2069} \u{2066}Hello world.\u{2069}";
    assert_eq!(checked_sentences(hebrew).len(), 2);
}

#[test]
fn mixed_scripts_in_one_sentence_stay_one_sentence() {
    let text = "The Urdu word شہر means city, 城市 in Chinese, नगर in Hindi and город in Russian. \
                Next one.";
    let sentences = checked_sentences(text);
    assert_eq!(sentences.len(), 2);
    assert!(sentences[0].ends_with("Russian."));
    assert_eq!(check_summary(text, 1).len(), 1);
}

#[test]
fn a_hundred_thousand_combining_marks_on_one_letter() {
    let text = format!("a{} End.", "\u{301}".repeat(100_000));
    let sentences = checked_sentences(&text);
    // The cluster is longer than the cap: it is cut at character boundaries.
    assert!(sentences.len() >= 200_000 / MAX_SENTENCE_BYTES);
    assert_eq!(check_summary(&text, 2).len(), 2);
    let many = format!("{} Done.", "e\u{301}\u{302}\u{303}\u{304} ".repeat(20_000));
    checked_sentences(&many);
    check_summary(&many, 3);
}

#[test]
fn emoji_sequences_are_never_split() {
    let sequences = [
        "👩🏽\u{200d}💻",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "🏳\u{fe0f}\u{200d}🌈",
        "👍🏿",
        "🇵🇰",
        "1\u{fe0f}\u{20e3}",
    ];
    let text: String = sequences
        .iter()
        .map(|e| format!("Look {e} here. {e} Starts one. Ends with {e}. "))
        .collect();
    let sentences = checked_sentences(&text);
    let joined = sentences.concat();
    for e in sequences {
        assert_eq!(joined.matches(e).count(), 3, "{e} was split");
    }
    check_summary(&text, 4);
}

#[test]
fn invalid_options_are_errors_not_panics() {
    let bad = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -1.0, -0.001];
    for value in bad {
        for field in 0..4 {
            let mut w = Weights::default();
            *[
                &mut w.tfidf,
                &mut w.centroid,
                &mut w.position,
                &mut w.length,
            ][field] = value;
            let err = Summarizer::builder().weights(w).build().unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::InvalidOption { name: "weight", .. }),
                "{err}"
            );
        }
        let err = Summarizer::builder()
            .position_weight(value)
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("position"), "{err}");
    }
    for code in ["", "xx", "english", "\0", "😀"] {
        let err = Summarizer::builder().language(code).build().unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::UnknownLanguage(code.to_owned()));
    }
    let err = Summarizer::builder().threads(1 << 20).build().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::InvalidOption {
                name: "threads",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn zero_weights_are_valid_and_tie_by_position() {
    let w = Weights {
        tfidf: 0.0,
        centroid: 0.0,
        position: 0.0,
        length: 0.0,
    };
    let s = Summarizer::builder().weights(w).build().unwrap();
    let text = "Alpha beta. Gamma delta. Epsilon zeta.";
    assert_eq!(s.summarize(text, 2), ["Alpha beta.", "Gamma delta."]);
}

#[test]
fn line_and_paragraph_separators() {
    let text = "a\r\nb\r\n\r\nc\u{2028}d\u{2029}e\x0cf\u{85}g\rh";
    let sentences = checked_sentences(text);
    assert!(sentences.len() >= 3);
    check_summary(text, 2);
}

#[test]
fn control_characters_and_noncharacters() {
    let text: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .chain([0xfdd0, 0xfffe, 0xffff, 0x1fffe, 0x10ffff, 0xe000, 0xfeff])
        .filter_map(char::from_u32)
        .map(|c| format!("x{c}y. "))
        .collect();
    checked_sentences(&text);
    check_summary(&text, 5);
}

#[test]
fn every_small_hostile_input_is_the_same_on_any_pool_and_in_a_batch() {
    let inputs = [
        String::new(),
        " \n\t ".to_owned(),
        "\0\0 \0. \0".to_owned(),
        "?!... ;; ---".to_owned(),
        no_terminator(10_000),
        one_word_sentences(300),
        "\u{202b}پہلا جملہ۔\u{202c} \u{2067}دوسرا جملہ؟\u{2069} Third \u{200f}one.".to_owned(),
        "The Urdu word شہر means city, 城市 in Chinese, नगर in Hindi. Next one.".to_owned(),
        format!("a{} End.", "\u{301}".repeat(5_000)),
        "👩🏽\u{200d}💻 codes. 👨\u{200d}👩\u{200d}👧\u{200d}👦 Family! 🏳\u{fe0f}\u{200d}🌈 Flag?"
            .repeat(20),
        "Mr. A. B. Smith Jr. went to Washington D.C. on Jan. 5. He met Dr. J. R. R. Tolkien."
            .repeat(20),
        "1. One. 2. Two. 3. Three.\n• a\n• b\n\n. . . . Next.".repeat(10),
    ];
    for text in &inputs {
        for n in [0, 2, usize::MAX] {
            check_everything(text, n);
        }
    }
}
