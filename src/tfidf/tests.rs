//! Term building against the reference it replaced (keys per sentence, then ids),
//! and the stopword vote counted during term building against detection first.

use super::build::*;
use super::terms::{SentenceTerms, SparseCounts, TermStats};
use super::vocabulary::Vocabulary;
use crate::idf::IdfModel;
use crate::segment::sentence_spans;
use crate::tokens::for_each_term;
use crate::util::keytable;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;

/// Match keys of the terms of `sentence` that are not stopwords: words, and
/// character bigrams for scripts written without spaces (see [`crate::tokens`]).
fn content_keys<'t>(sentence: &'t str, stopwords: &[&FxHashSet<String>]) -> Vec<Cow<'t, str>> {
    let mut out = Vec::new();
    for_each_term(sentence, |k| {
        if !stopwords.iter().any(|s| s.contains(k.as_ref())) {
            out.push(k);
        }
    });
    out
}

/// Adds one sentence's distinct terms to the document frequencies.
fn count_sentence_in_df(df: &mut Vec<u32>, counts: &[(u32, f32)]) {
    for &(id, _) in counts {
        let slot = id as usize;
        if slot >= df.len() {
            df.resize(slot + 1, 0);
        }
        if let Some(d) = df.get_mut(slot) {
            *d += 1;
        }
    }
}

/// Collapses sorted ids into `(id, count)` pairs, appended to `out`.
fn run_lengths_into(sorted: &[u32], out: &mut Vec<(u32, f32)>) {
    let mut last = None;
    for &id in sorted {
        match out.last_mut() {
            Some((_, count)) if last == Some(id) => *count += 1.0,
            _ => out.push((id, 1.0)),
        }
        last = Some(id);
    }
}

/// Collapses sorted ids into `(id, count)` pairs.
fn run_lengths(sorted: &[u32]) -> SparseCounts {
    let mut out = Vec::new();
    run_lengths_into(sorted, &mut out);
    out
}

/// The term statistics as first written: keys per sentence, then ids.
fn reference(text: &str, spans: &[Range<usize>], stopwords: &[&FxHashSet<String>]) -> TermStats {
    let keyed: Vec<Vec<Cow<'_, str>>> = spans
        .iter()
        .map(|s| content_keys(text.get(s.clone()).unwrap_or_default(), stopwords))
        .collect();
    let lengths = keyed.iter().map(Vec::len).collect();
    let mut vocab: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut sentences = Vec::new();
    for keys in keyed {
        let mut ids: Vec<u32> = keys
            .into_iter()
            .map(|k| {
                let next = u32::try_from(vocab.len()).unwrap_or(u32::MAX);
                *vocab.entry(k).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        let counts = run_lengths(&ids);
        count_sentence_in_df(&mut df, &counts);
        sentences.push(counts);
    }
    let sentences: SentenceTerms = sentences.iter().map(Vec::as_slice).collect();
    let n = sentences.len() as f32;
    let idf = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    TermStats {
        sentences,
        lengths,
        idf,
    }
}

pub(crate) fn assert_same(text: &str, stopwords: &[&FxHashSet<String>]) {
    let spans = sentence_spans(text);
    let want = reference(text, &spans, stopwords);
    let got = term_stats(text, &spans, stopwords, None, false);
    assert_eq!(got.lengths, want.lengths);
    assert_eq!(got.sentences, want.sentences);
    assert_eq!(got.idf, want.idf);
    // Cut into chunks on a pool of 3 threads: the same.
    if let Some(pool) = crate::util::pool::Pool::new(3) {
        let got = crate::util::pool::run_in(pool.get(), || {
            term_stats(text, &spans, stopwords, None, true)
        });
        assert_eq!(got.lengths, want.lengths);
        assert_eq!(got.sentences, want.sentences);
        assert_eq!(got.idf, want.idf);
    }
}

/// Every text of the evaluation sets (each one absent is skipped with a message), with
/// the stopwords of its language.
#[test]
fn same_as_the_reference_on_the_evaluation_texts() {
    for (file, lang) in [
        (
            "corpora/gutenberg/alice_in_wonderland.txt",
            crate::Language::English,
        ),
        ("summarization/cnndm_250.jsonl", crate::Language::English),
        ("samples/urdu_news_sco_summit.txt", crate::Language::Urdu),
        ("summarization/xlsum_urdu_244.jsonl", crate::Language::Urdu),
    ] {
        if let Some(text) = crate::eval_data::read(file) {
            assert_same(&text, &[lang.stopwords()]);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    #[test]
    fn same_as_the_reference_on_mixed_text(
        text in "[ .!?a-zA-Z0-9ÉéßİıΣσ’“”—\\n\\u{301}\\u{600}-\\u{6ff}\\u{e00}-\\u{e10}\\u{3040}-\\u{3050}\\u{4e00}-\\u{4e10}\\u{ff21}-\\u{ff30}\\u{fb01}]{0,60}"
    ) {
        let stop: FxHashSet<String> =
            ["the", "a", "is", "و", "کا"].iter().map(|s| s.to_string()).collect();
        assert_same(&text, &[&stop]);
        assert_same(&text, &[]);
    }
}

proptest::proptest! {
    #[test]
    fn spaced_by_bytes_as_by_chars(text in "[a .é\u{7ff}\u{800}\u{dff}\u{e00}\u{1fff}\u{2000}\u{206f}\u{2070}\u{4e00}\u{10000}]{0,12}") {
        let by_chars = text.chars().all(|c| c < '\u{E00}' || ('\u{2000}'..='\u{206F}').contains(&c));
        proptest::prop_assert_eq!(is_spaced(&text), by_chars);
    }
}

/// With a corpus model, term `id` gets the corpus IDF of its key, on one chunk and
/// on several.
#[test]
fn corpus_idf_follows_the_ids() {
    let text = "Alpha beta gamma. Beta delta alpha epsilon. Zeta eta theta iota. ".repeat(300);
    let spans = sentence_spans(&text);
    let model = IdfModel::from_counts(
        10,
        [
            ("alpha", 1u64),
            ("beta", 2),
            ("gamma", 3),
            ("delta", 4),
            ("zeta", 5),
        ],
    );
    let want = term_stats(&text, &spans, &[], None, false);
    // Ids in order of first occurrence: alpha, beta, gamma, delta, epsilon, zeta, ...
    let keys = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
    ];
    assert_eq!(want.idf.len(), keys.len());
    let expected: Vec<f32> = keys.iter().map(|k| model.idf(k)).collect();
    let one = term_stats(&text, &spans, &[], Some(&model), false);
    assert_eq!(one.idf, expected);
    if let Some(pool) = crate::util::pool::Pool::new(3) {
        let three = crate::util::pool::run_in(pool.get(), || {
            term_stats(&text, &spans, &[], Some(&model), true)
        });
        assert_eq!(three.idf, expected);
        assert_eq!(three.sentences, one.sentences);
    }
}

/// Detects the language the old way (every word of the text read by the vote
/// itself), then builds the terms with its lists.
fn detect_then_count(
    text: &str,
    choice: StopwordChoice<'_>,
    parallel: bool,
) -> (Option<crate::Language>, TermStats) {
    let spans = sentence_spans(text);
    let language = crate::Language::detect(text);
    let sets = choice.sets(language);
    (language, term_stats(text, &spans, &sets, None, parallel))
}

/// The vote counted during term building: the same language and statistics as
/// detection first, for stopwords on, off and with extra words, on 1 and 3 threads.
fn assert_vote_same(text: &str) {
    let extra: FxHashSet<String> = ["the", "news", "یہ"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let spans = sentence_spans(text);
    for choice in [
        StopwordChoice {
            on: true,
            extra: None,
        },
        StopwordChoice {
            on: false,
            extra: None,
        },
        StopwordChoice {
            on: true,
            extra: Some(&extra),
        },
    ] {
        let (want_language, want) = detect_then_count(text, choice, false);
        let run = |parallel: bool| match crate::lang::vote::Detection::start(text) {
            crate::lang::vote::Detection::Decided(language) => (
                language,
                term_stats(text, &spans, &choice.sets(language), None, parallel),
            ),
            crate::lang::vote::Detection::Vote(vote) => {
                term_stats_voting(text, &spans, vote, choice, None, parallel)
            }
        };
        let (language, got) = run(false);
        assert_eq!(language, want_language, "{text:?}");
        assert_eq!(got.lengths, want.lengths);
        assert_eq!(got.sentences, want.sentences);
        assert_eq!(got.idf, want.idf);
        if let Some(pool) = crate::util::pool::Pool::new(3) {
            let (language, got) = crate::util::pool::run_in(pool.get(), || run(true));
            assert_eq!(language, want_language);
            assert_eq!(got.sentences, want.sentences);
            assert_eq!(got.idf, want.idf);
        }
    }
}

/// Words that several languages list as stopwords, and some that none does, with
/// the characters that decide whether the vote may take term building's words:
/// combining marks and format characters at a sentence start, sentences glued
/// together, unspaced scripts.
const PIECES: &[&str] = &[
    "the",
    "The",
    "and",
    "of",
    "de",
    "la",
    "le",
    "die",
    "der",
    "und",
    "el",
    "en",
    "y",
    "que",
    "et",
    "les",
    "het",
    "een",
    "van",
    "il",
    "di",
    "che",
    "não",
    "em",
    "é",
    "ist",
    "nicht",
    "est",
    "pas",
    "in",
    "on",
    "a",
    "A",
    "to",
    "is",
    "و",
    "کا",
    "کی",
    "ہے",
    "است",
    "این",
    "من",
    "في",
    "cat",
    "Haus",
    "maison",
    "casa",
    "Tokyo",
    "x.com/A.B",
    "U.S.",
    "Mr.",
    "3.5",
    "can't",
    "l'homme",
    "e\u{301}te\u{301}",
    "\u{301}",
    "\u{AD}",
    "\u{200D}",
    "\u{93E}",
    "東京都",
    "สวัสดี",
    "“",
    "”",
    "‘",
    "—",
    "(",
    ")",
    "•",
    "1.",
];
const GLUE: &[&str] = &[
    "", " ", " ", " ", ", ", ". ", "! ", "? ", ".", "!", "\n", "\n\n", "。", " \u{301}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    #[test]
    fn vote_during_term_building_same_as_detection_first(
        parts in proptest::collection::vec(
            (proptest::sample::select(PIECES), proptest::sample::select(GLUE)),
            0..900,
        )
    ) {
        let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
        assert_vote_same(&text);
    }
}

/// The vote on the evaluation texts, and on each news article alone.
#[test]
fn vote_same_on_the_evaluation_texts() {
    for file in [
        "summarization/cnndm_250.jsonl",
        "summarization/bbc_news_2225.jsonl",
        "summarization/xlsum_urdu_244.jsonl",
        "samples/urdu_news_sco_summit.txt",
    ] {
        let Some(text) = crate::eval_data::read(file) else {
            continue;
        };
        // The whole file as one document too: cut into chunks on 3 threads, where
        // the vote reads for itself.
        assert_vote_same(&text);
        if !file.ends_with(".jsonl") {
            continue;
        }
        for line in text.lines().take(300) {
            let doc = serde_json::from_str::<serde_json::Value>(line).ok();
            let text = doc.as_ref().and_then(|d| d.get("text")?.as_str());
            assert_vote_same(text.unwrap_or_default());
        }
    }
}

/// Ids in order of first occurrence, kept as the table grows, for keys in the
/// text and copied ones alike.
#[test]
fn vocabulary_keeps_ids_as_it_grows() {
    let text = (0..3000).map(|i| format!("w{i} ")).collect::<String>();
    let mut vocab = Vocabulary::new(&text, 8);
    let mut at = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        let copied = i % 3 == 0;
        let (id, new) = vocab.id(word, keytable::hash(word), (!copied).then_some(at));
        assert_eq!((id as usize, new), (i, true));
        at += word.len() + 1;
    }
    for (i, word) in text.split_whitespace().enumerate() {
        assert_eq!(
            vocab.id(word, keytable::hash(word), None),
            (i as u32, false)
        );
        assert_eq!(vocab.key(i), word);
    }
    assert_eq!(vocab.key(3000), "");
}

#[test]
fn same_as_the_reference() {
    let stop: FxHashSet<String> = ["the", "a", "is", "و", "کا"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for text in [
        "The Cat sat. THE cat sat on the Mat! Der Hund, ß and É. “Quoted” words’ end.",
        "یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟ کا کا",
        "東京都にサミット。上海合作组织峰会。 Mixed Tokyo 東京 text.",
        "สวัสดีครับ ภาษาไทย. Ｆｕｌｌ width ＡＢＣ and ﬁle.",
        "",
    ] {
        assert_same(text, &[&stop]);
        assert_same(text, &[]);
    }
}
