//! Term statistics: a vocabulary, sparse per-sentence term counts and IDF.
//!
//! Memory is linear in the input: each sentence keeps only the terms it contains.

use crate::idf::IdfModel;
use crate::normalize::key_into;
use crate::parallel::map_items;
use crate::segment::word_iter;
use crate::tokens::for_each_term;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;

/// One sentence's terms, as the tests build them.
#[cfg(test)]
pub(crate) type SparseCounts = Vec<(u32, f32)>;

/// Every sentence's terms, `(term id, count)` sorted by id with ids unique, in one
/// array cut by sentence: one allocation for the document, not one per sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SentenceTerms {
    pairs: Vec<(u32, f32)>,
    /// Where each sentence's pairs end in `pairs`.
    ends: Vec<usize>,
}

impl SentenceTerms {
    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The terms of sentence `i` (empty beyond the last).
    pub fn get(&self, i: usize) -> &[(u32, f32)] {
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(usize::MAX),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.pairs.get(start..end).unwrap_or_default()
    }

    /// The terms of every sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[(u32, f32)]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Appends a sentence's terms.
    pub fn push(&mut self, terms: &[(u32, f32)]) {
        self.pairs.extend_from_slice(terms);
        self.ends.push(self.pairs.len());
    }
}

impl<'a> FromIterator<&'a [(u32, f32)]> for SentenceTerms {
    fn from_iter<I: IntoIterator<Item = &'a [(u32, f32)]>>(sentences: I) -> Self {
        let mut out = SentenceTerms::default();
        for terms in sentences {
            out.push(terms);
        }
        out
    }
}

/// The term statistics of one document.
#[derive(Debug, Default)]
pub(crate) struct TermStats {
    /// Per-sentence sparse term counts.
    pub sentences: SentenceTerms,
    /// Per-sentence number of content words (tokens that are not stopwords).
    pub lengths: Vec<usize>,
    /// Inverse document frequency per term id (sentences as documents).
    pub idf: Vec<f32>,
}

/// The id given to stopwords when chunks are merged: they count for nothing.
const STOPWORD: u32 = u32::MAX;

/// Counts the content words of each sentence and derives IDF from the sentences.
///
/// The sentences are cut into a few chunks of about equal size (one when `parallel`
/// is off or the document is short), and each chunk gets a vocabulary of its own, in
/// parallel: one hash lookup per token, stopwords included in the vocabulary (marked
/// [`STOPWORD`]) so that the stopword list is asked once per distinct key, and keys
/// borrowed from the text (copied only when a key differs from its word and is new).
/// The chunks' vocabularies are then merged in order, so a content term's id is its
/// rank of first occurrence in the document, whatever the number of chunks or threads.
///
/// With a corpus model, IDF comes from the corpus instead of the sentences.
pub(crate) fn term_stats(
    text: &str,
    spans: &[Range<usize>],
    stopwords: &[&FxHashSet<String>],
    corpus: Option<&IdfModel>,
    parallel: bool,
) -> TermStats {
    let chunks = chunks(spans, parallel);
    let locals = map_items(&chunks, |chunk| {
        local_terms(
            text,
            spans.get(chunk.clone()).unwrap_or_default(),
            stopwords,
        )
    });
    // Content terms by global id; the map from key to id is only needed to merge
    // the chunks after the first (whose content terms take ids in order).
    let mut terms: Vec<Cow<'_, str>> = Vec::new();
    let mut global: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let merge = locals.len() > 1;
    let mut df: Vec<u32> = Vec::new();
    let mut sentences = SentenceTerms {
        pairs: Vec::with_capacity(locals.iter().map(|l| l.ids.len()).sum()),
        ends: Vec::with_capacity(spans.len()),
    };
    let mut lengths = Vec::with_capacity(spans.len());
    let mut ids: Vec<u32> = Vec::new();
    for local in locals {
        let remap: Vec<u32> = local
            .keys
            .into_iter()
            .zip(local.stop)
            .map(|(key, stop)| {
                if stop {
                    return STOPWORD;
                }
                let next = u32::try_from(terms.len()).unwrap_or(STOPWORD - 1);
                if merge {
                    let id = *global.entry(key.clone()).or_insert(next);
                    if id != next {
                        return id;
                    }
                }
                terms.push(key);
                next
            })
            .collect();
        let mut from = 0;
        for end in local.ends {
            let terms = local.ids.get(from..end).unwrap_or_default();
            from = end;
            ids.clear();
            ids.extend(
                terms
                    .iter()
                    .map(|&id| remap.get(id as usize).copied().unwrap_or(STOPWORD)),
            );
            lengths.push(ids.len());
            ids.sort_unstable();
            let from = sentences.pairs.len();
            run_lengths_into(&ids, &mut sentences.pairs);
            count_sentence_in_df(&mut df, sentences.pairs.get(from..).unwrap_or_default());
            sentences.ends.push(sentences.pairs.len());
        }
    }
    let n = sentences.len() as f32;
    let mut idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    if let Some(model) = corpus {
        for (slot, term) in idf.iter_mut().zip(&terms) {
            *slot = model.idf(term);
        }
    }
    TermStats {
        sentences,
        lengths,
        idf,
    }
}

/// Sentences per chunk below which a document is not cut.
const MIN_CHUNK_SENTENCES: usize = 256;

/// Ranges of sentence indices of about equal byte size: two per thread (for balance),
/// or one on one thread.
fn chunks(spans: &[Range<usize>], parallel: bool) -> Vec<Range<usize>> {
    let threads = rayon::current_num_threads();
    let wanted = if parallel && threads > 1 {
        (threads * 2).min(spans.len() / MIN_CHUNK_SENTENCES)
    } else {
        1
    };
    if wanted <= 1 {
        return std::iter::once(0..spans.len()).collect();
    }
    let total: usize = spans.iter().map(|s| s.len()).sum();
    let per_chunk = total / wanted + 1;
    let mut out = Vec::with_capacity(wanted + 1);
    let (mut start, mut bytes) = (0, 0);
    for (i, span) in spans.iter().enumerate() {
        bytes += span.len();
        if bytes >= per_chunk {
            out.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < spans.len() {
        out.push(start..spans.len());
    }
    out
}

/// The terms of a run of sentences against a vocabulary of its own.
struct Local<'t> {
    /// Keys by local id, in order of first occurrence.
    keys: Vec<Cow<'t, str>>,
    /// Whether each key is a stopword.
    stop: Vec<bool>,
    /// Local ids of the content terms of the sentences, in text order.
    ids: Vec<u32>,
    /// Where each sentence's ids end in `ids`.
    ends: Vec<usize>,
}

fn local_terms<'t>(
    text: &'t str,
    spans: &[Range<usize>],
    stopwords: &[&FxHashSet<String>],
) -> Local<'t> {
    // Room for the distinct words of a short document from the start (a word
    // takes 8 bytes or more with its space), so that its map does not grow.
    let bytes: usize = spans.iter().map(|s| s.len()).sum();
    let mut vocab = Vocabulary {
        ids: FxHashMap::with_capacity_and_hasher((bytes / 8).min(1 << 12), Default::default()),
        stop: Vec::new(),
        stopwords,
    };
    let mut ids: Vec<u32> = Vec::new();
    let mut ends = Vec::with_capacity(spans.len());
    let mut lower = String::new();
    for span in spans {
        let sentence = text.get(span.clone()).unwrap_or_default();
        let mut push = |id: u32, vocab: &Vocabulary<'_, '_>| {
            if !vocab.stop.get(id as usize).copied().unwrap_or(true) {
                ids.push(id);
            }
        };
        if is_spaced(sentence) {
            let mut found = word_iter(sentence);
            while let Some((_, word)) = found.next() {
                let id = if found.plain() || key_into(word, &mut lower) {
                    vocab.id_of(word, || Cow::Borrowed(word))
                } else {
                    vocab.id_of(&lower, || Cow::Owned(lower.clone()))
                };
                push(id, &vocab);
            }
        } else {
            for_each_term(sentence, |k| {
                let id = vocab.id(k);
                push(id, &vocab);
            });
        }
        ends.push(ids.len());
    }
    let mut keys: Vec<Option<Cow<'t, str>>> = vec![None; vocab.stop.len()];
    for (key, id) in vocab.ids {
        if let Some(slot) = keys.get_mut(id as usize) {
            *slot = Some(key);
        }
    }
    Local {
        keys: keys.into_iter().map(Option::unwrap_or_default).collect(),
        stop: vocab.stop,
        ids,
        ends,
    }
}

/// Local ids by match key, with each key's stopword flag.
struct Vocabulary<'t, 's> {
    ids: FxHashMap<Cow<'t, str>, u32>,
    stop: Vec<bool>,
    stopwords: &'s [&'s FxHashSet<String>],
}

impl<'t> Vocabulary<'t, '_> {
    /// The id of `key`; `owned` makes the key to store when it is new.
    fn id_of(&mut self, key: &str, owned: impl FnOnce() -> Cow<'t, str>) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.fresh(key);
        self.ids.insert(owned(), id);
        id
    }

    /// The id of `key`.
    fn id(&mut self, key: Cow<'t, str>) -> u32 {
        if let Some(&id) = self.ids.get(key.as_ref()) {
            return id;
        }
        let id = self.fresh(&key);
        self.ids.insert(key, id);
        id
    }

    fn fresh(&mut self, key: &str) -> u32 {
        let id = u32::try_from(self.stop.len()).unwrap_or(STOPWORD - 1);
        self.stop
            .push(self.stopwords.iter().any(|s| s.contains(key)));
        id
    }
}

/// Whether every term of `sentence` is a word keyed on its own ([`crate::segment::words`] and
/// [`crate::normalize::key`]), which holds when no character belongs to a script that
/// [`for_each_term`] splits into bigrams or segments: those all lie at U+0E00 and
/// above, outside General Punctuation (quotes, dashes, which are never terms).
fn is_spaced(sentence: &str) -> bool {
    // Characters below U+0800 have lead bytes below 0xE0: only the others are decoded.
    let bytes = sentence.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xE0))
    {
        let i = from + at;
        let Some(c) = sentence.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if !(c < '\u{E00}' || ('\u{2000}'..='\u{206F}').contains(&c)) {
            return false;
        }
        from = i + c.len_utf8();
    }
    true
}

/// Match keys of the terms of `sentence` that are not stopwords: words, and
/// character bigrams for scripts written without spaces (see [`crate::tokens`]).
#[cfg(test)]
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
#[cfg(test)]
fn run_lengths(sorted: &[u32]) -> SparseCounts {
    let mut out = Vec::new();
    run_lengths_into(sorted, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentence_spans;

    /// The term statistics as first written: keys per sentence, then ids.
    fn reference(
        text: &str,
        spans: &[Range<usize>],
        stopwords: &[&FxHashSet<String>],
    ) -> TermStats {
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
        if let Some(pool) = crate::parallel::Pool::new(3) {
            let got = crate::parallel::run_in(pool.get(), || {
                term_stats(text, &spans, stopwords, None, true)
            });
            assert_eq!(got.lengths, want.lengths);
            assert_eq!(got.sentences, want.sentences);
            assert_eq!(got.idf, want.idf);
        }
    }

    /// Every text of the evaluation sets, when they are there, with the stopwords of
    /// its language.
    #[test]
    fn same_as_the_reference_on_the_evaluation_texts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        for (file, lang) in [
            (
                "corpora/gutenberg/alice_in_wonderland.txt",
                crate::Language::English,
            ),
            ("summarization/cnndm_250.jsonl", crate::Language::English),
            ("samples/urdu_news_sco_summit.txt", crate::Language::Urdu),
            ("summarization/xlsum_urdu_244.jsonl", crate::Language::Urdu),
        ] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
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
        if let Some(pool) = crate::parallel::Pool::new(3) {
            let three = crate::parallel::run_in(pool.get(), || {
                term_stats(&text, &spans, &[], Some(&model), true)
            });
            assert_eq!(three.idf, expected);
            assert_eq!(three.sentences, one.sentences);
        }
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
}
