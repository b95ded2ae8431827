//! The invariants every input must keep, shared by the robustness tests, the
//! long-running harness (`tests/fuzz_harness.rs`) and the cargo-fuzz targets
//! (`fuzz/`), which include this file by path.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used
)]

use salience::{sentence_spans, MAX_SENTENCE_BYTES};
use salience::{split_sentences, Summarizer};
use std::sync::OnceLock;

/// White space as the segmenter trims it (Python's `str.strip`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The sentences of `text`, after checking every invariant of their spans: in order,
/// not overlapping, on character boundaries, trimmed, not empty, at most
/// [`MAX_SENTENCE_BYTES`], and together holding every character that is not white
/// space, in order (nothing is lost).
pub fn checked_sentences(text: &str) -> Vec<&str> {
    let spans = sentence_spans(text);
    let mut prev_end = 0;
    for span in &spans {
        assert!(
            prev_end <= span.start,
            "spans overlap or go backwards: {spans:?}"
        );
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(span.end <= text.len(), "span {span:?} past the end");
        let s = text
            .get(span.clone())
            .expect("a span is not on character boundaries");
        assert_eq!(s, s.trim_matches(is_space), "not trimmed");
        assert!(s.len() <= MAX_SENTENCE_BYTES, "{} bytes", s.len());
        prev_end = span.end;
    }
    let sentences: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
    let visible = |s: &str| s.chars().filter(|c| !is_space(*c)).collect::<String>();
    assert!(
        visible(text) == sentences.iter().map(|s| visible(s)).collect::<String>(),
        "characters other than white space were lost"
    );
    assert_eq!(split_sentences(text), sentences);
    sentences
}

/// Checks that `summary` is `min(n, k)` of the `k` `sentences`, in document order.
pub fn check_summary_of(sentences: &[&str], summary: &[&str], n: usize) {
    assert_eq!(summary.len(), n.min(sentences.len()));
    let mut rest = sentences.iter();
    for s in summary {
        assert!(
            rest.any(|x| x == s),
            "{s:?} is not a sentence, or out of order"
        );
    }
}

/// Checks the default summary of `text` and returns it.
pub fn check_summary(text: &str, n: usize) -> Vec<&str> {
    let sentences = checked_sentences(text);
    let summary = salience::summarize(text, n);
    check_summary_of(&sentences, &summary, n);
    summary
}

/// Summarizers on pools of 1, 2 and 4 threads, built once.
pub fn pooled() -> &'static [Summarizer; 3] {
    static POOLS: OnceLock<[Summarizer; 3]> = OnceLock::new();
    POOLS.get_or_init(|| [1, 2, 4].map(|k| Summarizer::builder().threads(k).build().unwrap()))
}

/// Every invariant on one document: the sentences, the summary, the same scores and
/// summary on 1, 2 and 4 threads, and `summarize_batch` equal to `summarize`.
pub fn check_everything(text: &str, n: usize) {
    let sentences = checked_sentences(text);
    let default = Summarizer::default();
    let summary = default.summarize(text, n);
    check_summary_of(&sentences, &summary, n);
    assert_eq!(salience::summarize(text, n), summary);
    let analysis = default.analyze(text);
    assert_eq!(analysis.spans().len(), sentences.len());
    assert!(
        analysis.scores().iter().all(|s| s.is_finite()),
        "a score is not finite: {:?}",
        analysis.scores()
    );
    for s in pooled() {
        // Thread pools must not change a single bit of the scores.
        let scores: Vec<u32> = s
            .analyze(text)
            .scores()
            .iter()
            .map(|x| x.to_bits())
            .collect();
        let expected: Vec<u32> = analysis.scores().iter().map(|x| x.to_bits()).collect();
        assert_eq!(scores, expected);
        assert_eq!(s.summarize(text, n), summary);
        let docs = [text, "", text];
        let batch = s.summarize_batch(&docs, n);
        assert_eq!(batch, [summary.clone(), Vec::new(), summary.clone()]);
    }
}

/// Adversarial documents of about `bytes` bytes each, by name: every pattern that
/// could push a stage past linear time or memory (no terminator, no space, one-word
/// sentences, a giant grapheme, runs of marks, quotes, brackets, abbreviations,
/// initials, list markers, ellipses, unspaced scripts, blank lines, controls).
pub fn adversarial(bytes: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| unit.repeat((bytes / unit.len()).max(1));
    let numbered = |f: &dyn Fn(usize) -> String| {
        let mut s = String::new();
        let mut i = 0;
        while s.len() < bytes {
            s.push_str(&f(i));
            i += 1;
        }
        s
    };
    vec![
        ("no terminator", fill("word ")),
        ("no white space", fill("x")),
        ("no white space, Urdu", fill("ب")),
        ("one-word sentences", fill("Word. ")),
        (
            "distinct one-word sentences",
            numbered(&|i| format!("W{i}. ")),
        ),
        (
            "distinct words, no terminator",
            numbered(&|i| format!("w{i} ")),
        ),
        (
            "one giant grapheme",
            format!("a{}", "\u{301}".repeat(bytes / 2)),
        ),
        (
            "combining marks on every letter",
            fill("e\u{301}\u{302}\u{303} "),
        ),
        (
            "emoji ZWJ sequences",
            fill("👩🏽\u{200d}💻 👨\u{200d}👩\u{200d}👧 "),
        ),
        (
            "bidi controls",
            fill("\u{202e}abc\u{202c} \u{2067}שלום\u{2069}. "),
        ),
        ("punctuation only", fill("?!.,;:")),
        ("full stops and spaces", fill(". ")),
        ("terminators of every script", fill("۔؟।॥。！？．።။")),
        ("line breaks only", fill("\n")),
        ("one-letter lines", fill("a\n")),
        ("blank-line paragraphs", fill("a\n\n")),
        (
            "wrapped prose",
            fill("this line of prose is wrapped at a width\n"),
        ),
        ("double quotes", fill("\"")),
        ("closing marks after terminators", fill("x.\") ")),
        ("opening brackets", fill("(")),
        ("opening quotes after terminators", fill("x. “")),
        ("abbreviations", fill("Mr. ")),
        ("initials", fill("A. ")),
        (
            "abbreviations, initials and ellipses in prose",
            fill("He met Dr. J. R. R. Smith at 5 p.m. in the U.S. . . . It was fine. "),
        ),
        ("lowercase after full stops", fill("a. b. ")),
        ("numbered list", numbered(&|i| format!("{}. item ", i + 1))),
        (
            "numbered list, one per line",
            numbered(&|i| format!("{}. item\n", i + 1)),
        ),
        ("bullets", fill("• x ")),
        ("spaced ellipses", fill(". . . . ")),
        ("ellipses before capitals", fill("word . . . . Next ")),
        ("Han without punctuation", fill("中文句子没有标点")),
        ("Thai without spaces", fill("ภาษาไทย")),
        ("hiragana", fill("ひらがなのぶん")),
        ("Urdu letter names", fill("پی۔ ایچ۔ ڈی ")),
        ("NUL bytes", fill("\0")),
        ("spaces only", fill(" ")),
        ("information separators", fill("x\x1c")),
        ("URLs", fill("x.com/A.B ")),
    ]
}
