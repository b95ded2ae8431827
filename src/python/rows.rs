//! Per-sentence rows for `score` and `explain`: Python offsets, scores, features.

use crate::{Analysis, Summarizer, FEATURES};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The analysis of `text` and the Python offsets of its sentences.
pub(super) fn analyze_with_offsets<'t>(
    s: &Summarizer,
    text: &'t str,
) -> (Analysis<'t>, Vec<(usize, usize)>) {
    let analysis = s.analyze(text);
    let offsets = char_offsets(text, &analysis);
    (analysis, offsets)
}

/// One dict per sentence: index, text, Python offsets, score, rank and features.
pub(super) fn sentence_rows<'py>(
    py: Python<'py>,
    text: &str,
    analysis: &Analysis<'_>,
    offsets: &[(usize, usize)],
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    analysis
        .sentences()
        .zip(offsets)
        .zip(analysis.features().outer_iter())
        .map(|((s, &(start, end)), row)| {
            let d = PyDict::new(py);
            d.set_item("index", s.index)?;
            d.set_item("text", text.get(s.span.clone()).unwrap_or_default())?;
            d.set_item("start", start)?;
            d.set_item("end", end)?;
            d.set_item("score", s.score)?;
            d.set_item("rank", s.rank)?;
            let features = PyDict::new(py);
            for (name, value) in FEATURES.iter().zip(row.iter()) {
                features.set_item(*name, *value)?;
            }
            d.set_item("features", features)?;
            Ok(d)
        })
        .collect()
}

/// The Python string (code point) offsets of every sentence's start and end.
pub(super) fn char_offsets(text: &str, analysis: &Analysis<'_>) -> Vec<(usize, usize)> {
    let mut boundaries: Vec<usize> = analysis
        .spans()
        .iter()
        .flat_map(|s| [s.start, s.end])
        .collect();
    boundaries.sort_unstable();
    let mut chars_before = Vec::with_capacity(boundaries.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    for b in boundaries {
        let gap = text.get(byte..b).unwrap_or_default();
        chars += gap.chars().count();
        byte = b.max(byte);
        chars_before.push((b, chars));
    }
    let lookup = |b: usize| {
        chars_before
            .binary_search_by_key(&b, |&(k, _)| k)
            .ok()
            .and_then(|i| chars_before.get(i))
            .map_or(0, |&(_, c)| c)
    };
    analysis
        .spans()
        .iter()
        .map(|s| (lookup(s.start), lookup(s.end)))
        .collect()
}
