//! `salience._salience._Corpus`: the corpus loop behind the command line.

use super::args::{length, GivenCount, GivenRatio};
use super::summarizer::PySummarizer;
use super::SalienceError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// What `_Corpus.next_chunk` returns: output bytes, records, and failed records.
type ChunkResult<'py> = (Bound<'py, PyBytes>, usize, Vec<(usize, usize, String)>);

/// The corpus loop behind the command line (``salience.__main__``): records read,
/// summarized and rendered in Rust, one chunk per call, with the GIL released.
///
/// Args:
///     summarizer: The summarizer (its threads do the work).
///     inputs: ``(path, jsonl)`` pairs, read in order; a ``None`` path is stdin.
///     field: The field of a JSON Lines object that holds the text.
///     json: Render JSON Lines (else the summary's sentences, one per line).
///     sentences: With ``json``: every sentence's offsets, score, rank and features.
///     headers: Text output: a ``==> PATH:LINE <==`` line before each record.
///     encoding_errors: ``"strict"`` (a record that is not UTF-8 fails) or
///         ``"replace"`` (invalid bytes read as U+FFFD).
#[pyclass(name = "_Corpus", module = "salience._salience")]
pub(super) struct PyCorpus {
    corpus: crate::corpus::Corpus,
    summarizer: Py<PySummarizer>,
}

#[pymethods]
impl PyCorpus {
    #[new]
    #[pyo3(
        signature = (summarizer, inputs, *, field = "text".to_owned(), json = false, sentences = false, headers = false, encoding_errors = "strict", n = GivenCount(None), ratio = None, words = None, chars = None),
        text_signature = "(summarizer, inputs, *, field='text', json=False, sentences=False, headers=False, encoding_errors='strict', n=3, ratio=None, words=None, chars=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        summarizer: Py<PySummarizer>,
        inputs: Vec<(Option<std::path::PathBuf>, bool)>,
        field: String,
        json: bool,
        sentences: bool,
        headers: bool,
        encoding_errors: &str,
        n: GivenCount,
        ratio: Option<GivenRatio>,
        words: Option<Bound<'_, PyAny>>,
        chars: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        use crate::corpus::{EncodingErrors, Input, Options, Source};
        let encoding_errors = match encoding_errors {
            "strict" => EncodingErrors::Strict,
            "replace" => EncodingErrors::Replace,
            other => {
                return Err(SalienceError::new_err(format!(
                    "encoding_errors must be 'strict' or 'replace', got {other:?}"
                )))
            }
        };
        let inputs = inputs
            .into_iter()
            .map(|(path, jsonl)| Input {
                source: path.map_or(Source::Stdin, Source::Path),
                jsonl,
            })
            .collect();
        let options = Options {
            field,
            length: length(n, ratio, words.as_ref(), chars.as_ref())?,
            json,
            sentences,
            headers,
            encoding_errors,
            ..Options::default()
        };
        Ok(PyCorpus {
            corpus: crate::corpus::Corpus::new(inputs, options),
            summarizer,
        })
    }

    /// Read past the next `records` records (done by a run being resumed); returns
    /// how many there were.
    fn skip(&mut self, py: Python<'_>, records: u64) -> u64 {
        let corpus = &mut self.corpus;
        py.detach(|| corpus.skip(records))
    }

    /// The bytes of input read so far (line breaks and blank lines included).
    #[getter]
    fn bytes_read(&self) -> u64 {
        self.corpus.bytes_read()
    }

    /// Go on after output that a run being resumed wrote already.
    fn continue_after_output(&mut self) {
        self.corpus.continue_after_output();
    }

    /// Summarize the next chunk (at most `max_docs` records and about `max_bytes`
    /// bytes): ``(output, records, errors)`` with the chunk's output as UTF-8 bytes,
    /// its number of records, and ``(index, offset, message)`` for each failed
    /// record (its index in the chunk, where its output starts in ``output``, and
    /// ``PATH:LINE: reason``); ``None`` when no record is left.
    fn next_chunk<'py>(
        &mut self,
        py: Python<'py>,
        max_docs: usize,
        max_bytes: usize,
    ) -> Option<ChunkResult<'py>> {
        let PyCorpus { corpus, summarizer } = self;
        let summarizer = &summarizer.get().inner;
        let (output, records, errors) = py.detach(|| {
            let outcomes = corpus.next_chunk(summarizer, max_docs, max_bytes)?;
            let size = outcomes.iter().map(|o| o.output.len()).sum();
            let mut output = Vec::with_capacity(size);
            let mut errors = Vec::new();
            for (index, outcome) in outcomes.iter().enumerate() {
                if let Some(e) = &outcome.error {
                    errors.push((index, output.len(), e.clone()));
                }
                output.extend_from_slice(outcome.output.as_bytes());
            }
            Some((output, outcomes.len(), errors))
        })?;
        Some((PyBytes::new(py, &output), records, errors))
    }
}
