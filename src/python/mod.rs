//! The Python binding (`salience._salience`), compiled only with the `python` feature.
//!
//! Arguments are extracted into Rust values first; all work then runs with the GIL
//! released (`Python::detach`), so Python threads summarize in parallel.

mod args;
mod corpus;
mod rows;
mod run;
mod summarizer;

use crate::{Error, ErrorKind, Language};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

pyo3::create_exception!(
    salience,
    SalienceError,
    PyValueError,
    "Raised for invalid arguments or options, e.g. a negative `n` or an unknown language."
);

impl From<Error> for PyErr {
    /// An I/O error becomes the `OSError` subclass of its kind (`FileNotFoundError`,
    /// ...), as Python's own file functions raise; every other error is a
    /// `SalienceError`.
    fn from(err: Error) -> PyErr {
        match err.kind() {
            ErrorKind::Io { kind, message } => std::io::Error::new(*kind, message.clone()).into(),
            _ => SalienceError::new_err(err.to_string()),
        }
    }
}

/// Summarize text with a Rust core.
#[pymodule]
mod _salience {
    use super::args::{length, GivenCount, GivenRatio};
    use super::run::{default_summarizer, split, summarize_many, summarize_one};
    use super::*;

    #[pymodule_export]
    use super::SalienceError;

    /// Warns at import when `SALIENCE_NUM_THREADS` breaks its rule: the default pool,
    /// which no call can report to, then runs one thread per CPU, and a user who set
    /// the variable should hear that it was not obeyed.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        if let Err(err) = crate::util::pool::env_threads() {
            let py = m.py();
            let message = format!("{err}; salience runs one thread per CPU instead");
            let message = std::ffi::CString::new(message).unwrap_or_default();
            let category = py.get_type::<pyo3::exceptions::PyRuntimeWarning>();
            PyErr::warn(py, &category, &message, 1)?;
        }
        Ok(())
    }

    /// Names of the feature columns, in order.
    #[pymodule_export]
    const FEATURES: [&str; crate::FEATURES.len()] = crate::FEATURES;

    /// At most this many records per thread in a chunk of the corpus loop.
    #[pymodule_export]
    const CHUNK_DOCS_PER_THREAD: usize = crate::corpus::CHUNK_DOCS_PER_THREAD;

    /// At most this many bytes per thread in a chunk of the corpus loop (a longer
    /// record is a chunk of its own).
    #[pymodule_export]
    const CHUNK_BYTES_PER_THREAD: usize = crate::corpus::CHUNK_BYTES_PER_THREAD;

    /// Return the `n` most salient sentences of `text`, in document order.
    ///
    /// Each sentence is returned exactly as it appears in `text`, stripped of
    /// surrounding white space. A text with fewer than `n` sentences gives all of
    /// them; empty text or `n == 0` gives `[]`.
    ///
    /// Every input has a defined outcome, reached in time and memory proportional
    /// to its length, the same on any number of threads; no input crashes:
    ///
    /// - empty or white-space-only text, or `n == 0`: `[]`;
    /// - `n` larger than the number of sentences (an `int` of any size): all of them;
    /// - `n` negative: `SalienceError`; `n` a `float`, a `bool` or any other
    ///   non-`int`: `TypeError` (an `int` subclass, or an integer with `__index__`
    ///   such as numpy's `int64`, counts as an `int`);
    /// - `text` not a `str` (`bytes`, `None`, a number, a list): `TypeError` (a
    ///   `str` subclass counts as a `str`);
    /// - lone surrogates (`"\ud800"`, or a pair written as two code points):
    ///   `UnicodeEncodeError`, a `ValueError`;
    /// - NUL bytes and other control characters: ordinary characters, kept;
    /// - only punctuation (`"?!... ;; ---"`): kept as sentences, never dropped;
    /// - a sentence longer than 4096 UTF-8 bytes (a 20 MB text with no terminator,
    ///   a letter with 100,000 combining marks): cut into pieces of at most 4096
    ///   bytes, at white space where there is some, else between code points;
    /// - 200,000 one-word sentences: 200,000 sentences, scored in linear time;
    /// - right-to-left text and bidi controls: kept verbatim; an embedding or isolate
    ///   (U+202A to U+202E, U+2066 to U+2069) stays with the sentence it wraps;
    /// - several scripts in one sentence, emoji with skin tones and ZWJ sequences:
    ///   kept whole, one sentence;
    /// - nothing but white space is ever dropped: the sentences hold every other
    ///   character of `text`, in order;
    /// - budgets: a `ratio` outside (0, 1] (NaN and infinity included), a negative
    ///   `words` or `chars`, or two of `n`, `ratio`, `words`, `chars` at once:
    ///   `SalienceError`; a budget of the wrong type: `TypeError`; a huge one: all;
    /// - options (on `Summarizer`): an unknown language, a weight that is NaN,
    ///   infinite or negative, a `redundancy` outside [0, 1], or more than 1024
    ///   threads: `SalienceError`;
    /// - Ctrl-C: one document is finished first; `summarize_batch` raises
    ///   `KeyboardInterrupt` between chunks of at most 64 documents or 1 MiB of
    ///   text per thread;
    /// - threads and processes: calls from many Python threads run at once (the GIL
    ///   is released); after a `fork` (multiprocessing's `fork` start method) the
    ///   child starts thread pools of its own instead of waiting on its parent's.
    ///
    /// Args:
    ///     text: The document.
    ///     n: How many sentences to return (a non-negative int).
    ///
    /// Returns:
    ///     The chosen sentences, in the order they appear in the text.
    ///
    /// Raises:
    ///     TypeError: `text` is not a `str`, or `n` is not an `int`.
    ///     SalienceError: `n` is negative.
    ///     UnicodeEncodeError: `text` holds lone surrogates (a `ValueError`).
    ///
    /// Example:
    ///     >>> import salience
    ///     >>> text = "Rust is fast. Rust is safe. The sky is blue. Rust is fast and safe."
    ///     >>> salience.summarize(text, 1)
    ///     ['Rust is fast.']
    ///     >>> salience.summarize("", 3)
    ///     []
    ///     >>> salience.summarize("One here. Two there.", 10**100)
    ///     ['One here.', 'Two there.']
    ///     >>> [len(s) for s in salience.summarize("x" * 10_000, 5)]
    ///     [4096, 4096, 1808]
    ///     >>> salience.summarize("?!... ;; ---")
    ///     ['?!... ;; ---']
    ///     >>> def outcome(*args):
    ///     ...     try:
    ///     ...         return salience.summarize(*args)
    ///     ...     except (TypeError, ValueError) as e:
    ///     ...         return type(e).__name__
    ///     >>> outcome("One. Two.", -1), outcome("One.", 1.5), outcome("One.", True)
    ///     ('SalienceError', 'TypeError', 'TypeError')
    ///     >>> outcome(b"bytes"), outcome(None), outcome("\ud800 lone surrogate")
    ///     ('TypeError', 'TypeError', 'UnicodeEncodeError')
    ///     >>> outcome("\x00\x00. \u202bRTL.\u202c \U0001F469\U0001F3FD\u200d\U0001F4BB Codes!", 9)
    ///     ['\x00\x00.', '\u202bRTL.\u202c', '👩🏽\u200d💻 Codes!']
    #[pyfunction]
    #[pyo3(
        signature = (text, n = GivenCount(None), *, ratio = None, words = None, chars = None),
        text_signature = "(text, n=3, *, ratio=None, words=None, chars=None)"
    )]
    fn summarize(
        py: Python<'_>,
        text: PyBackedStr,
        n: GivenCount,
        ratio: Option<GivenRatio>,
        words: Option<Bound<'_, PyAny>>,
        chars: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Vec<String>> {
        let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
        summarize_one(py, default_summarizer(), &text, length)
    }

    /// Summarize many documents in parallel; equal to `[summarize(t, n) for t in texts]`.
    ///
    /// A missing document (`None`, a float NaN or `pandas.NA`) gives `None` in its
    /// place, as pandas' `.str` methods do.
    ///
    /// Args:
    ///     texts: A sequence of documents (each a `str`, or missing).
    ///     n: How many sentences to return per document.
    ///
    /// Returns:
    ///     One list of sentences per document (`None` for a missing one), in input order.
    ///
    /// Raises:
    ///     TypeError: `texts` is a `str` or holds something that is neither a `str` nor
    ///         missing (the message names its index), or `n` is not an `int`.
    ///     SalienceError: `n` is negative.
    ///
    /// Example:
    ///     >>> import salience
    ///     >>> salience.summarize_batch(["One. Two.", "Three."], n=5)
    ///     [['One.', 'Two.'], ['Three.']]
    #[pyfunction]
    #[pyo3(
        signature = (texts, n = GivenCount(None), *, ratio = None, words = None, chars = None),
        text_signature = "(texts, n=3, *, ratio=None, words=None, chars=None)"
    )]
    fn summarize_batch(
        py: Python<'_>,
        texts: Bound<'_, PyAny>,
        n: GivenCount,
        ratio: Option<GivenRatio>,
        words: Option<Bound<'_, PyAny>>,
        chars: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Option<Vec<String>>>> {
        let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
        summarize_many(py, default_summarizer(), &texts, length)
    }

    /// Split `text` into the sentences the summarizer sees.
    ///
    /// The abbreviation, title and ordinal lists are those of ``language`` (an ISO
    /// 639-1 code, as for :class:`Summarizer`) plus a universal list; ``None``
    /// detects the language when a boundary depends on it. Each script's own full
    /// stop ends a sentence (Urdu ``۔``, Hindi ``।``, Armenian ``։``, Amharic ``።``,
    /// Burmese ``။``, Greek ``;``, ...).
    ///
    /// Args:
    ///     text: The text.
    ///     language: ISO 639-1 code (e.g. ``"de"``, ``"da"``); ``None`` detects it.
    ///
    /// Raises:
    ///     SalienceError: If ``language`` is not a supported code.
    ///
    /// Example:
    ///     >>> import salience
    ///     >>> salience.split_sentences("یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟")
    ///     ['یہ پہلا جملہ ہے۔', 'کیا یہ دوسرا ہے؟']
    ///     >>> salience.split_sentences("Am 3. Oktober kam er. Er blieb.", language="de")
    ///     ['Am 3. Oktober kam er.', 'Er blieb.']
    ///     >>> salience.split_sentences("Τι ώρα είναι; Είναι αργά.")
    ///     ['Τι ώρα είναι;', 'Είναι αργά.']
    #[pyfunction]
    #[pyo3(signature = (text, language = None))]
    fn split_sentences(
        py: Python<'_>,
        text: PyBackedStr,
        language: Option<String>,
    ) -> PyResult<Vec<String>> {
        let language = language
            .map(|code| Language::from_code(&code))
            .transpose()?;
        Ok(split(py, &text, language))
    }

    /// The number of threads of the default pool (the one a :class:`Summarizer`
    /// without ``threads`` runs on): ``SALIENCE_NUM_THREADS``, or one per CPU when
    /// it is unset, empty or 0.
    ///
    /// Raises:
    ///     SalienceError: ``SALIENCE_NUM_THREADS`` is not a whole number from 0 to
    ///         1024.
    ///
    /// Example:
    ///     >>> import salience._salience
    ///     >>> salience._salience.default_threads() >= 1
    ///     True
    #[pyfunction]
    fn default_threads() -> PyResult<usize> {
        Ok(crate::util::pool::default_threads()?)
    }

    #[pymodule_export]
    use super::summarizer::PySummarizer;

    #[pymodule_export]
    use super::corpus::PyCorpus;
}
