//! The work the functions and classes hand to the core, with the GIL released:
//! one document, or a batch in chunks with a check for Ctrl-C between them.

use crate::util::pool::{chunk_len, ChunkSize};
use crate::{Language, Length, Summarizer};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use std::sync::OnceLock;

use super::args::BatchTexts;

/// The summarizer of the module-level functions.
pub(super) fn default_summarizer() -> &'static Summarizer {
    static DEFAULT: OnceLock<Summarizer> = OnceLock::new();
    DEFAULT.get_or_init(Summarizer::default)
}

/// The summary of one document.
pub(super) fn summarize_one(
    py: Python<'_>,
    s: &Summarizer,
    text: &PyBackedStr,
    length: Length,
) -> PyResult<Vec<String>> {
    let text: &str = text;
    Ok(py.detach(|| owned(s.summarize(text, length))))
}

pub(super) fn summarize_many(
    py: Python<'_>,
    s: &Summarizer,
    texts: &Bound<'_, PyAny>,
    length: Length,
) -> PyResult<Vec<Option<Vec<String>>>> {
    let BatchTexts(texts) = BatchTexts::read(texts)?;
    let present: Vec<&PyBackedStr> = texts.iter().flatten().collect();
    let mut done = Vec::with_capacity(present.len());
    in_chunks(
        py,
        s,
        &present,
        |chunk| {
            s.summarize_batch(chunk, length)
                .into_iter()
                .map(owned)
                .collect::<Vec<_>>()
        },
        |summaries| {
            done.extend(summaries);
            Ok(())
        },
    )?;
    let mut done = done.into_iter();
    Ok(texts
        .iter()
        .map(|t| t.as_ref().and_then(|_| done.next()))
        .collect())
}

/// Runs `work` over `items` a chunk at a time on `s`'s threads, each chunk with the
/// GIL released, hands each chunk's result to `done`, and checks for Ctrl-C between
/// chunks, so that a long batch can be interrupted.
pub(super) fn in_chunks<T, R>(
    py: Python<'_>,
    s: &Summarizer,
    items: &[T],
    work: impl Fn(&[T]) -> R + Sync,
    mut done: impl FnMut(R) -> PyResult<()>,
) -> PyResult<()>
where
    T: AsRef<str> + Sync,
    R: Send,
{
    let (max_docs, max_bytes) = ChunkSize::BATCH.limits(s.threads());
    let mut rest = items;
    while !rest.is_empty() {
        let len = chunk_len(rest, max_docs, max_bytes);
        let (chunk, tail) = rest.split_at_checked(len).unwrap_or((rest, &[]));
        rest = tail;
        done(py.detach(|| work(chunk)))?;
        py.check_signals()?;
    }
    Ok(())
}

/// The sentences of `text`.
pub(super) fn split(py: Python<'_>, text: &PyBackedStr, language: Option<Language>) -> Vec<String> {
    let text: &str = text;
    py.detach(|| owned(crate::segment::split_sentences_in(text, language)))
}

/// The sentences, copied out of the text for Python.
pub(super) fn owned(sentences: Vec<&str>) -> Vec<String> {
    sentences.into_iter().map(str::to_owned).collect()
}
