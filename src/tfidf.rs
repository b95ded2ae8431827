//! Term statistics: a vocabulary, sparse per-sentence term counts and IDF.
//!
//! Memory is linear in the input: each sentence keeps only the terms it contains.

use crate::idf::IdfModel;
use crate::parallel::map_indices;
use crate::tokens::for_each_term;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;

/// One sentence's terms: `(term id, count)`, sorted by id, ids unique.
pub(crate) type SparseCounts = Vec<(u32, f32)>;

/// The term statistics of one document.
#[derive(Debug, Default)]
pub(crate) struct TermStats {
    /// Per-sentence sparse term counts.
    pub sentences: Vec<SparseCounts>,
    /// Per-sentence number of content words (tokens that are not stopwords).
    pub lengths: Vec<usize>,
    /// Inverse document frequency per term id (sentences as documents).
    pub idf: Vec<f32>,
}

/// Counts the content words of each sentence and derives IDF from the sentences.
///
/// With a corpus model, IDF comes from the corpus instead of the sentences.
pub(crate) fn term_stats(
    text: &str,
    spans: &[Range<usize>],
    stopwords: &[&FxHashSet<String>],
    corpus: Option<&IdfModel>,
    parallel: bool,
) -> TermStats {
    let keyed: Vec<Vec<Cow<'_, str>>> = map_indices(spans.len(), parallel, |i| {
        let sentence = spans
            .get(i)
            .and_then(|s| text.get(s.clone()))
            .unwrap_or_default();
        content_keys(sentence, stopwords)
    });
    let lengths = keyed.iter().map(Vec::len).collect();
    let mut vocab: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut sentences = Vec::with_capacity(keyed.len());
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
        for &(id, _) in &counts {
            let slot = id as usize;
            if slot >= df.len() {
                df.resize(slot + 1, 0);
            }
            if let Some(d) = df.get_mut(slot) {
                *d += 1;
            }
        }
        sentences.push(counts);
    }
    let n = sentences.len() as f32;
    let mut idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    if let Some(model) = corpus {
        for (term, &id) in &vocab {
            if let Some(slot) = idf.get_mut(id as usize) {
                *slot = model.idf(term);
            }
        }
    }
    TermStats {
        sentences,
        lengths,
        idf,
    }
}

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

/// Collapses sorted ids into `(id, count)` pairs.
fn run_lengths(sorted: &[u32]) -> SparseCounts {
    let mut out: SparseCounts = Vec::new();
    for &id in sorted {
        match out.last_mut() {
            Some((last, count)) if *last == id => *count += 1.0,
            _ => out.push((id, 1.0)),
        }
    }
    out
}
