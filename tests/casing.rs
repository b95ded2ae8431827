//! Sentences in text as it comes: lower case, ALL CAPS, mixed scripts, and text with no
//! punctuation at all. Golden cases in `tests/data/casing/*.jsonl`; measurements on the
//! CNN/DM articles of `../shared/eval`; property tests for the invariants.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod eval_data;

use proptest::prelude::*;
use salience::split_sentences;
use salience::{sentence_spans, MAX_SENTENCE_BYTES};

/// The most words of a pseudo-sentence.
const MAX_WORDS: usize = 80;

fn golden(name: &str) {
    let path = format!(
        "{}/tests/data/casing/{name}.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let input = case["text"].as_str().unwrap();
        let want: Vec<&str> = case["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let got = split_sentences(input);
        if got != want {
            failures.push(format!(
                "{} ({}):\n  want {want:?}\n  got  {got:?}",
                case["id"], case["note"]
            ));
        }
        count += 1;
    }
    assert!(count >= 5, "{name}: at least 5 cases");
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[test]
fn golden_lowercase() {
    golden("lowercase");
}

#[test]
fn golden_allcaps() {
    golden("allcaps");
}

#[test]
fn golden_cased() {
    golden("cased");
}

#[test]
fn golden_mixed_scripts() {
    golden("mixed");
}

#[test]
fn golden_unpunctuated() {
    golden("unpunctuated");
}

/// The texts of the first `n` CNN/DM articles, or `None` without the evaluation data.
fn cnndm(n: usize) -> Option<Vec<String>> {
    let text = eval_data::read("summarization/cnndm_250.jsonl")?;
    Some(
        text.lines()
            .take(n)
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["text"].as_str().unwrap().to_owned()
            })
            .collect(),
    )
}

/// `text` with every character mapped by `f` where that gives exactly one character
/// (so character offsets stay aligned; the rare others are kept as they are).
fn recase(text: &str, f: fn(char) -> Vec<char>) -> String {
    text.chars()
        .map(|c| match f(c).as_slice() {
            [one] => *one,
            _ => c,
        })
        .collect()
}

fn lower(c: char) -> Vec<char> {
    c.to_lowercase().collect()
}

fn upper(c: char) -> Vec<char> {
    c.to_uppercase().collect()
}

/// The sentence boundaries of `text` as character offsets (the end of every sentence
/// but the last).
fn boundaries(text: &str) -> Vec<usize> {
    let spans = sentence_spans(text);
    let mut out: Vec<usize> = spans
        .iter()
        .take(spans.len().saturating_sub(1))
        .map(|s| text[..s.end].chars().count())
        .collect();
    out.dedup();
    out
}

/// Micro-averaged boundary F1 of `f(text)` against `text` over the articles.
fn boundary_f1(docs: &[String], f: fn(char) -> Vec<char>) -> f64 {
    let (mut hits, mut got, mut want) = (0usize, 0usize, 0usize);
    for doc in docs {
        let gold = boundaries(doc);
        let test = boundaries(&recase(doc, f));
        hits += test
            .iter()
            .filter(|b| gold.binary_search(b).is_ok())
            .count();
        got += test.len();
        want += gold.len();
    }
    2.0 * hits as f64 / (got + want) as f64
}

#[test]
fn recasing_news_keeps_its_boundaries() {
    let Some(docs) = cnndm(100) else {
        return;
    };
    let lower_f1 = boundary_f1(&docs, lower);
    let upper_f1 = boundary_f1(&docs, upper);
    println!(
        "boundary F1 on 100 CNN/DM articles: lower-cased {lower_f1:.3}, upper-cased {upper_f1:.3}"
    );
    assert!(lower_f1 >= 0.95, "lower-cased: {lower_f1:.3}");
    assert!(upper_f1 >= 0.95, "upper-cased: {upper_f1:.3}");
}

/// `text` lower-cased, without any character that is neither a letter, a digit nor
/// white space, on one line.
fn unpunctuated(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[test]
fn unpunctuated_news_comes_out_in_readable_pieces() {
    let Some(docs) = cnndm(100) else {
        return;
    };
    let mut lengths: Vec<usize> = Vec::new();
    for doc in &docs {
        let text = unpunctuated(doc);
        let pieces = split_sentences(&text);
        assert_eq!(
            pieces.iter().map(|p| word_count(p)).sum::<usize>(),
            word_count(&text),
            "no word lost or split"
        );
        lengths.extend(pieces.iter().map(|p| word_count(p)));
    }
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    let max = *lengths.last().unwrap();
    println!(
        "unpunctuated CNN/DM: {} pieces, median {median} words, max {max}",
        lengths.len()
    );
    assert!((8..=40).contains(&median), "median {median}");
    assert!(max <= MAX_WORDS, "max {max}");
}

#[test]
fn wrapped_unpunctuated_text_comes_out_in_readable_pieces() {
    let Some(docs) = cnndm(20) else {
        return;
    };
    for doc in &docs {
        // Wrapped at 70 columns, the way a plain-text export would.
        let mut wrapped = String::new();
        let mut col = 0;
        for word in unpunctuated(doc).split(' ') {
            if col > 0 && col + word.len() > 70 {
                wrapped.push('\n');
                col = 0;
            } else if col > 0 {
                wrapped.push(' ');
                col += 1;
            }
            wrapped.push_str(word);
            col += word.len();
        }
        for piece in split_sentences(&wrapped) {
            assert!(word_count(piece) <= MAX_WORDS, "{piece:?}");
        }
    }
}

#[test]
fn punctuated_sentences_are_cut_only_when_absurdly_long() {
    let sixty = "word ".repeat(59) + "end.";
    assert_eq!(split_sentences(&sixty), [sixty.as_str()]);
    let long = "word, ".repeat(99) + "end.";
    let pieces = split_sentences(&long);
    assert!(pieces.len() > 1);
    assert!(pieces.iter().all(|p| word_count(p) <= MAX_WORDS));
    assert_eq!(pieces.iter().map(|p| word_count(p)).sum::<usize>(), 100);
}

#[test]
fn text_without_white_space_keeps_the_byte_cap() {
    let thai = "ภาษาไทย".repeat(2_000);
    let pieces = split_sentences(&thai);
    assert!(pieces.len() > 1);
    assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
}

#[test]
fn subtitles_split_at_their_cues() {
    let srt = "1\n00:00:01,000 --> 00:00:04,000\nwell i think we should go\n\n\
               2\n00:00:04,500 --> 00:00:07,000\nand then we can see what happens\n";
    let got = split_sentences(srt);
    assert!(got.contains(&"well i think we should go"), "{got:?}");
    assert!(got.contains(&"and then we can see what happens"), "{got:?}");
}

#[test]
fn subtitle_summaries_take_what_is_said_not_the_cue_lines() {
    let lines = [
        "welcome back everyone to the show",
        "today we are talking about tidal power and how it works",
        "the tides move huge amounts of water twice a day",
        "engineers build barrages across estuaries to capture that energy",
        "the first large tidal plant opened in france in 1966",
    ];
    let mut srt = String::new();
    for (i, line) in lines.iter().enumerate() {
        let (from, to) = (i * 4, i * 4 + 3);
        srt.push_str(&format!(
            "{}\n00:00:{from:02},000 --> 00:00:{to:02},500\n{line}\n\n",
            i + 1
        ));
    }
    let said = |s: &&str| lines.contains(s);
    for n in 1..=lines.len() {
        let summary = salience::summarize(&srt, n);
        assert_eq!(summary.len(), n);
        assert!(summary.iter().all(said), "{n}: {summary:?}");
    }
    // Asked for more than is said, the cue lines fill the rest, in document order.
    let all = salience::summarize(&srt, 3 * lines.len());
    assert_eq!(all, split_sentences(&srt));
}

/// Words that no rule takes for an abbreviation, a starter or a number.
const VOCAB: &[&str] = &[
    "apple", "river", "stone", "green", "walked", "quickly", "garden", "window", "people",
    "winter", "market", "silver", "ocean", "bright", "country", "letter", "yellow", "mountain",
];

/// A sentence of `words` with a capital first letter and a terminator.
fn sentence(words: &[usize], term: char) -> String {
    let mut s = words
        .iter()
        .map(|&i| VOCAB[i % VOCAB.len()])
        .collect::<Vec<_>>()
        .join(" ");
    s[..1].make_ascii_uppercase();
    s.push(term);
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Where capitals mark nothing but sentence starts, lower-casing or upper-casing the
    /// text keeps every boundary.
    #[test]
    fn recasing_loses_no_boundary(
        sentences in prop::collection::vec(
            (prop::collection::vec(0usize..100, 1..12), prop::sample::select(vec!['.', '!', '?'])),
            1..12,
        ),
    ) {
        let text = sentences
            .iter()
            .map(|(w, t)| sentence(w, *t))
            .collect::<Vec<_>>()
            .join(" ");
        let cased = split_sentences(&text);
        prop_assert_eq!(cased.len(), sentences.len());
        let lowered = text.to_lowercase();
        let uppered = text.to_uppercase();
        prop_assert_eq!(split_sentences(&lowered).len(), sentences.len());
        prop_assert_eq!(split_sentences(&uppered).len(), sentences.len());
    }

    /// Spans are in order, do not overlap, are trimmed, hold every character that is not
    /// white space, and no piece has more than 80 words.
    #[test]
    fn spans_cover_the_text_in_readable_pieces(
        text in "([a-zA-Z]{1,8}|[.,;:!?]|[ \n]|JOHN: |\\[00:01:02\\] |U\\.S\\. |e\\.g\\. ){0,300}",
    ) {
        let spans = sentence_spans(&text);
        let mut last = 0;
        let mut covered = 0;
        for s in &spans {
            prop_assert!(s.start >= last && s.start < s.end, "{:?}", spans);
            let piece = &text[s.clone()];
            prop_assert_eq!(piece, piece.trim());
            prop_assert!(word_count(piece) <= MAX_WORDS);
            covered += piece.chars().filter(|c| !c.is_whitespace()).count();
            last = s.end;
        }
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    /// A sentence without a letter (a figure, a timestamp, a row of marks) is never
    /// chosen while a sentence with content words is left.
    #[test]
    fn sentences_without_letters_wait_for_the_rest(
        doc in prop::collection::vec(
            prop_oneof![
                prop::collection::vec(0usize..VOCAB.len(), 1..12).prop_map(|w| sentence(&w, '.')),
                prop::sample::select(vec![
                    "12", "* * *", "00:00:01,000 --> 00:00:04,000", "[00:01:02]", "2024.", "$5",
                    "—", "1.", "٣", "😀",
                ])
                .prop_map(String::from),
            ],
            1..30,
        ),
        n in 1usize..30,
    ) {
        let text = doc.join("\n\n");
        let sentences = split_sentences(&text);
        let lettered = sentences.iter().filter(|s| s.chars().any(char::is_alphabetic)).count();
        let summary = salience::summarize(&text, n);
        let bare = summary.iter().filter(|s| !s.chars().any(char::is_alphabetic)).count();
        prop_assert_eq!(bare, n.min(sentences.len()).saturating_sub(lettered), "{:?}", summary);
    }

    /// Runs without terminators come out in pieces of at most 40 words, none lost.
    #[test]
    fn unpunctuated_runs_are_cut(
        words in prop::collection::vec(prop::sample::select(VOCAB.to_vec()), 0..400),
        breaks in prop::collection::vec(0usize..400, 0..20),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push(if breaks.contains(&i) { '\n' } else { ' ' });
            }
            text.push_str(w);
        }
        let pieces = split_sentences(&text);
        prop_assert!(pieces.iter().all(|p| word_count(p) <= 40), "{:?}", pieces);
        prop_assert_eq!(pieces.iter().map(|p| word_count(p)).sum::<usize>(), words.len());
    }
}
