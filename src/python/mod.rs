//! The Python binding (`salience._salience`), compiled only with the `python` feature.
//!
//! Arguments are extracted into Rust values first; all work then runs with the GIL
//! released (`Python::detach`), so Python threads summarize in parallel.

use crate::util::pool::chunk_len;
use crate::{Analysis, Error, IdfModel, Language, Length, Summarizer, FEATURES};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PySequence, PyString, PyTuple};
use std::sync::OnceLock;

pyo3::create_exception!(
    salience,
    SalienceError,
    PyValueError,
    "Raised for invalid arguments or options, e.g. a negative `n` or an unknown language."
);

impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        SalienceError::new_err(err.to_string())
    }
}

/// At most this many documents per worker thread between two checks for Ctrl-C in
/// a batch.
const CHUNK_DOCS_PER_THREAD: usize = 64;

/// At most this many bytes of text per worker thread between two checks for Ctrl-C
/// (a document longer than this is a chunk of its own).
const CHUNK_BYTES_PER_THREAD: usize = 1 << 20;

/// `n` as a call gave it: `GivenCount(None)` when left out, so that a length budget
/// can replace it (Python's `None` is refused like any other non-`int`).
#[derive(Clone, Copy)]
struct GivenCount(Option<usize>);

impl<'a, 'py> FromPyObject<'a, 'py> for GivenCount {
    type Error = PyErr;

    fn extract(n: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        count(&n, "n", "sentences").map(|c| GivenCount(Some(c)))
    }
}

/// A `TypeError` saying `what`, then the type `obj` has instead (", not str").
fn wrong_type(obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let kind = obj
        .get_type()
        .name()
        .map_or_else(|_| "another type".to_owned(), |k| k.to_string());
    PyTypeError::new_err(format!("{what}, not {kind}"))
}

/// `ratio=` as a call gave it: a real number (a `float`, an `int`, or any object with
/// `__float__`, such as numpy's `float32`), but not a `bool`, which is refused as it is
/// for `n`.
#[derive(Clone, Copy)]
struct GivenRatio(f64);

impl<'a, 'py> FromPyObject<'a, 'py> for GivenRatio {
    type Error = PyErr;

    fn extract(r: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let not_a_number = || wrong_type(&r, "ratio must be a number");
        if r.is_instance_of::<PyBool>() {
            return Err(not_a_number());
        }
        r.extract::<f64>()
            .map(GivenRatio)
            .map_err(|_| not_a_number())
    }
}

/// numpy's `bool` (`bool_` before numpy 2), whose `__index__` numpy < 2.3 still honours
/// (deprecated): refused like Python's `bool` whatever numpy is installed.
fn is_numpy_bool(n: &Bound<'_, PyAny>) -> PyResult<bool> {
    let ty = n.get_type();
    Ok(ty.module()?.to_str()? == "numpy" && matches!(ty.name()?.to_str()?, "bool" | "bool_"))
}

/// A count read from Python (`n`, `words=`, `chars=`): a non-negative `int` (or an
/// integer of another library, such as numpy's `int64`, through `__index__`), not a
/// `bool`; an `int` too large for the machine means "all of them".
fn count(n: &Bound<'_, PyAny>, name: &str, unit: &str) -> PyResult<usize> {
    {
        let not_an_int = || wrong_type(n, &format!("{name} must be an int"));
        if n.is_instance_of::<PyBool>() || is_numpy_bool(n)? {
            return Err(not_an_int());
        }
        let int = if n.is_instance_of::<PyInt>() {
            n.to_owned()
        } else if n.hasattr("__index__")? {
            n.call_method0("__index__")
                .ok()
                .filter(|i| i.is_instance_of::<PyInt>() && !i.is_instance_of::<PyBool>())
                .ok_or_else(not_an_int)?
        } else {
            return Err(not_an_int());
        };
        if int.lt(0)? {
            return Err(SalienceError::new_err(format!(
                "{name} must be a non-negative number of {unit}, got {name}={}",
                int.str()?
            )));
        }
        Ok(int
            .extract::<u64>()
            .map_or(usize::MAX, |v| usize::try_from(v).unwrap_or(usize::MAX)))
    }
}

/// The length a call asks for: `n` sentences (3 by default), or one budget.
fn length(
    GivenCount(n): GivenCount,
    ratio: Option<GivenRatio>,
    words: Option<&Bound<'_, PyAny>>,
    chars: Option<&Bound<'_, PyAny>>,
) -> PyResult<Length> {
    let given = [
        n.is_some(),
        ratio.is_some(),
        words.is_some(),
        chars.is_some(),
    ];
    if given.iter().filter(|&&g| g).count() > 1 {
        return Err(SalienceError::new_err(
            "give at most one of n, ratio, words and chars",
        ));
    }
    let length = match (n, ratio, words, chars) {
        (_, Some(GivenRatio(r)), _, _) => Length::Ratio(r),
        (_, _, Some(w), _) => Length::Words(count(w, "words", "words")?),
        (_, _, _, Some(c)) => Length::Chars(count(c, "chars", "characters")?),
        (Some(n), _, _, _) => Length::Sentences(n),
        (None, None, None, None) => Length::Sentences(3),
    };
    Ok(length.check()?)
}

/// A corpus IDF model from `Summarizer(idf=...)`: the bytes of a saved model, or the
/// path of one (`str` or `os.PathLike`).
fn read_idf(source: &Bound<'_, PyAny>) -> PyResult<IdfModel> {
    let invalid = |e: std::io::Error| -> PyErr {
        if e.kind() == std::io::ErrorKind::InvalidData {
            SalienceError::new_err(e.to_string())
        } else {
            e.into()
        }
    };
    if let Ok(bytes) = source.cast::<pyo3::types::PyBytes>() {
        return IdfModel::read_from(bytes.as_bytes()).map_err(invalid);
    }
    let path: std::path::PathBuf = source.extract()?;
    IdfModel::load(path).map_err(invalid)
}

fn default_summarizer() -> &'static Summarizer {
    static DEFAULT: OnceLock<Summarizer> = OnceLock::new();
    DEFAULT.get_or_init(Summarizer::default)
}

fn summarize_one(
    py: Python<'_>,
    s: &Summarizer,
    text: &PyBackedStr,
    length: Length,
) -> PyResult<Vec<String>> {
    let text: &str = text;
    Ok(py.detach(|| s.summarize_to(text, length).map(owned))?)
}

/// The documents of a batch as Python gave them: each a `str`, or missing (`None`,
/// a float NaN such as `float("nan")` or numpy's `nan`, or `pandas.NA`).
struct BatchTexts(Vec<Option<PyBackedStr>>);

impl BatchTexts {
    /// Reads `texts` (extracted by hand, so that a `TypeError` says only what is wrong).
    fn read(texts: &Bound<'_, PyAny>) -> PyResult<Self> {
        let not_a_sequence =
            || wrong_type(texts, "texts must be a sequence (list or tuple) of str");
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(not_a_sequence());
        }
        let sequence = texts.cast::<PySequence>().map_err(|_| not_a_sequence())?;
        let na = pandas_na(texts.py());
        let mut out = Vec::with_capacity(sequence.len().unwrap_or(0));
        for (index, item) in sequence.try_iter()?.enumerate() {
            out.push(batch_text(&item?, index, na.as_ref())?);
        }
        Ok(BatchTexts(out))
    }
}

/// `pandas.NA` when pandas has been imported (it cannot be in a batch otherwise), without
/// importing it.
fn pandas_na(py: Python<'_>) -> Option<Bound<'_, PyAny>> {
    let modules = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .ok()?;
    let pandas = modules.get_item("pandas").ok()?;
    pandas.getattr("NA").ok()
}

/// One document of a batch: `Some` text, `None` when missing, or a `TypeError` that
/// names its index.
fn batch_text(
    item: &Bound<'_, PyAny>,
    index: usize,
    na: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<PyBackedStr>> {
    if let Ok(text) = item.cast::<PyString>() {
        return Ok(Some(PyBackedStr::try_from(text.to_owned())?));
    }
    let missing = item.is_none()
        || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
        || na.is_some_and(|na| item.is(na));
    if missing {
        return Ok(None);
    }
    Err(wrong_type(
        item,
        &format!("texts[{index}] must be a str (or None, NaN or pandas.NA for a missing one)"),
    ))
}

fn summarize_many(
    py: Python<'_>,
    s: &Summarizer,
    texts: &Bound<'_, PyAny>,
    length: Length,
) -> PyResult<Vec<Option<Vec<String>>>> {
    let BatchTexts(texts) = BatchTexts::read(texts)?;
    let present: Vec<&PyBackedStr> = texts.iter().flatten().collect();
    let threads = s.threads().max(1);
    let max_docs = CHUNK_DOCS_PER_THREAD.saturating_mul(threads);
    let max_bytes = CHUNK_BYTES_PER_THREAD.saturating_mul(threads);
    let mut done = Vec::with_capacity(present.len());
    let mut rest: &[&PyBackedStr] = &present;
    while !rest.is_empty() {
        let len = chunk_len(rest, max_docs, max_bytes);
        let (chunk, tail) = rest.split_at_checked(len).unwrap_or((rest, &[]));
        rest = tail;
        let summaries = py.detach(|| {
            s.summarize_batch_to(chunk, length)
                .map(|all| all.into_iter().map(owned).collect::<Vec<_>>())
        })?;
        done.extend(summaries);
        py.check_signals()?;
    }
    let mut done = done.into_iter();
    Ok(texts
        .iter()
        .map(|t| t.as_ref().and_then(|_| done.next()))
        .collect())
}

fn split(py: Python<'_>, text: &PyBackedStr, language: Option<Language>) -> Vec<String> {
    let text: &str = text;
    py.detach(|| owned(crate::segment::split_sentences_in(text, language)))
}

fn owned(sentences: Vec<&str>) -> Vec<String> {
    sentences.into_iter().map(str::to_owned).collect()
}

fn analyze_with_offsets(s: &Summarizer, text: &str) -> (Analysis, Vec<(usize, usize)>) {
    let analysis = s.analyze(text);
    let offsets = char_offsets(text, &analysis);
    (analysis, offsets)
}

/// One dict per sentence: index, text, Python offsets, score, rank and features.
fn sentence_rows<'py>(
    py: Python<'py>,
    text: &str,
    analysis: &Analysis,
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
fn char_offsets(text: &str, analysis: &Analysis) -> Vec<(usize, usize)> {
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

/// What `_Corpus.next_chunk` returns: output bytes, records, and failed records.
type ChunkResult<'py> = (Bound<'py, PyBytes>, usize, Vec<(usize, usize, String)>);

/// Summarize text with a Rust core.
#[pymodule]
mod _salience {
    use super::*;

    #[pymodule_export]
    use super::SalienceError;

    /// Names of the feature columns, in order.
    #[pymodule_export]
    const FEATURES: [&str; crate::FEATURES.len()] = crate::FEATURES;

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

    /// A configurable summarizer; immutable once built and safe to share across threads.
    ///
    /// Args:
    ///     language: ISO 639-1 code of the stopword list (e.g. ``"en"``, ``"ur"``);
    ///         ``None`` detects it per document.
    ///     position_weight: Weight of the lead-position feature (≥ 0; 0 ignores
    ///         position); ``None`` keeps the default (1.2). It fades out for summaries
    ///         of more than a fifth of the document.
    ///     stopwords: Whether to drop stopwords before weighing terms.
    ///     extra_stopwords: More words to ignore, in addition to the language's list.
    ///     threads: Size of a thread pool of its own (``None`` shares the default pool,
    ///         sized by ``SALIENCE_NUM_THREADS``).
    ///
    /// Raises:
    ///     SalienceError: an unknown language or an invalid weight.
    ///
    /// Example:
    ///     >>> import salience
    ///     >>> s = salience.Summarizer(language="en", position_weight=0.0)
    ///     >>> s.summarize("Cats purr. Dogs bark. Cats and dogs play.", 1)
    ///     ['Cats and dogs play.']
    #[pyclass(frozen, name = "Summarizer", module = "salience")]
    struct PySummarizer {
        inner: Summarizer,
        extra_stopwords: Vec<String>,
        /// The `threads` argument as given, for `__getnewargs_ex__`.
        threads: Option<usize>,
    }

    #[pymethods]
    impl PySummarizer {
        #[new]
        #[pyo3(signature = (language = None, position_weight = None, stopwords = true, extra_stopwords = None, threads = None, redundancy = None, idf = None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            language: Option<String>,
            position_weight: Option<f32>,
            stopwords: bool,
            extra_stopwords: Option<Vec<String>>,
            threads: Option<usize>,
            redundancy: Option<f32>,
            idf: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let extra_stopwords = extra_stopwords.unwrap_or_default();
            let mut builder = Summarizer::builder()
                .stopwords(stopwords)
                .extra_stopwords(&extra_stopwords);
            if let Some(code) = &language {
                builder = builder.language(code);
            }
            if let Some(w) = position_weight {
                builder = builder.position_weight(w);
            }
            if let Some(t) = threads {
                builder = builder.threads(t);
            }
            if let Some(r) = redundancy {
                builder = builder.redundancy(r);
            }
            if let Some(source) = idf {
                builder = builder.idf(read_idf(&source)?);
            }
            Ok(PySummarizer {
                inner: builder.build()?,
                extra_stopwords,
                threads,
            })
        }

        /// The forced language code, or ``None`` when detected per document.
        #[getter]
        fn language(&self) -> Option<&'static str> {
            self.inner.language().map(|l| l.code())
        }

        /// Weight of the lead-position feature.
        #[getter]
        fn position_weight(&self) -> f32 {
            self.inner.weights().position
        }

        /// How much a sentence that repeats one already chosen is held back, from 0
        /// (not at all) to 1 (maximal marginal relevance); 0.2 by default.
        #[getter]
        fn redundancy(&self) -> f32 {
            self.inner.redundancy()
        }

        /// How many documents the corpus IDF model was fitted on, or ``None`` when the
        /// summarizer uses each document's own IDF.
        #[getter]
        fn idf_documents(&self) -> Option<u64> {
            self.inner.idf().map(IdfModel::documents)
        }

        /// Learn document frequencies from `corpus` (a sequence of documents), in
        /// parallel with the GIL released, and return a new summarizer that weighs
        /// terms with them; this one is unchanged (summarizers are immutable). Save the
        /// model with :meth:`save_idf` and load it with ``Summarizer(idf=path)``.
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> corpus = ["Tidal power grows.", "Solar power is cheap.", "Wind power too."]
        ///     >>> fitted = salience.Summarizer().fit(corpus)
        ///     >>> fitted.idf_documents, salience.Summarizer().idf_documents
        ///     (3, None)
        fn fit(&self, py: Python<'_>, corpus: Vec<PyBackedStr>) -> PyResult<PySummarizer> {
            let threads = self.inner.threads().max(1);
            let max_docs = CHUNK_DOCS_PER_THREAD.saturating_mul(threads);
            let max_bytes = CHUNK_BYTES_PER_THREAD.saturating_mul(threads);
            let mut model = IdfModel::default();
            let mut rest: &[PyBackedStr] = &corpus;
            while !rest.is_empty() {
                let len = chunk_len(rest, max_docs, max_bytes);
                let (chunk, tail) = rest.split_at_checked(len).unwrap_or((rest, &[]));
                rest = tail;
                let part = py.detach(|| self.inner.count_documents(chunk));
                model = model.merge(part);
                py.check_signals()?;
            }
            Ok(PySummarizer {
                inner: self.inner.with_idf(model),
                extra_stopwords: self.extra_stopwords.clone(),
                threads: self.threads,
            })
        }

        /// Save the corpus IDF model (from :meth:`fit`) to a file, as UTF-8 text.
        ///
        /// Raises:
        ///     SalienceError: the summarizer has no corpus IDF model.
        ///     OSError: the file cannot be written.
        ///
        /// Example:
        ///     >>> import os, tempfile, salience
        ///     >>> fitted = salience.Summarizer().fit(["Tidal power grows.", "Solar is cheap."])
        ///     >>> path = os.path.join(tempfile.mkdtemp(), "idf.txt")
        ///     >>> fitted.save_idf(path)
        ///     >>> salience.Summarizer(idf=path).idf_documents
        ///     2
        fn save_idf(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
            let model = self.inner.idf().ok_or_else(|| {
                SalienceError::new_err("this summarizer has no corpus IDF model: fit it first")
            })?;
            Ok(py.detach(|| model.save(path))?)
        }

        /// Return the `n` most salient sentences of `text`, in document order.
        ///
        /// Give `n` (3 by default) or one length budget instead: `ratio` (a share of
        /// the document's sentences, in (0, 1], rounded up), `words` or `chars` (the
        /// most words or characters, the chosen sentences joined by spaces). A budget
        /// never cuts a sentence and never gives an empty summary of a text that has a
        /// sentence: when no sentence fits, the best one alone is returned.
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> s = salience.Summarizer()
        ///     >>> text = "Tidal power grows fast. Tidal power is clean. The sky was grey."
        ///     >>> len(s.summarize(text, 2)), len(s.summarize(text, ratio=0.34))
        ///     (2, 2)
        ///     >>> s.summarize(text, chars=5)  # nothing fits: the best sentence alone
        ///     ['Tidal power grows fast.']
        #[pyo3(
            signature = (text, n = GivenCount(None), *, ratio = None, words = None, chars = None),
            text_signature = "($self, text, n=3, *, ratio=None, words=None, chars=None)"
        )]
        fn summarize(
            &self,
            py: Python<'_>,
            text: PyBackedStr,
            n: GivenCount,
            ratio: Option<GivenRatio>,
            words: Option<Bound<'_, PyAny>>,
            chars: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Vec<String>> {
            let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
            summarize_one(py, &self.inner, &text, length)
        }

        /// Summarize many documents in parallel.
        ///
        /// Takes `n` or one budget (`ratio`, `words`, `chars`), as :meth:`summarize`. A
        /// missing document (`None`, a float NaN or `pandas.NA`) gives `None`.
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> salience.Summarizer().summarize_batch(["One. Two.", "Three."], n=5)
        ///     [['One.', 'Two.'], ['Three.']]
        ///     >>> salience.Summarizer().summarize_batch(["One. Two.", None, float("nan")], 1)
        ///     [['One.'], None, None]
        #[pyo3(
            signature = (texts, n = GivenCount(None), *, ratio = None, words = None, chars = None),
            text_signature = "($self, texts, n=3, *, ratio=None, words=None, chars=None)"
        )]
        fn summarize_batch(
            &self,
            py: Python<'_>,
            texts: Bound<'_, PyAny>,
            n: GivenCount,
            ratio: Option<GivenRatio>,
            words: Option<Bound<'_, PyAny>>,
            chars: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Vec<Option<Vec<String>>>> {
            let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
            summarize_many(py, &self.inner, &texts, length)
        }

        /// Split `text` into the sentences the summarizer sees, with the lists of the
        /// summarizer's language (detected per document when it has none).
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> salience.Summarizer().split_sentences("Dr. Ali arrived. He spoke.")
        ///     ['Dr. Ali arrived.', 'He spoke.']
        ///     >>> salience.Summarizer(language="da").split_sentences("Den 3. oktober kom han. Det regnede.")
        ///     ['Den 3. oktober kom han.', 'Det regnede.']
        fn split_sentences(&self, py: Python<'_>, text: PyBackedStr) -> Vec<String> {
            split(py, &text, self.inner.language())
        }

        /// Score every sentence: a list of dicts with ``index``, ``text``, ``start`` and
        /// ``end`` (offsets into the Python string), ``score``, ``rank`` and
        /// ``features`` (a dict by feature name). These are the scores of a short
        /// summary; a summary of more than a fifth of the document weighs the lead less
        /// (:meth:`explain` shows the scores a given length is chosen by).
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> text = "Tidal power grows. Tidal power is clean."
        ///     >>> rows = salience.Summarizer().score(text)
        ///     >>> [(r["index"], r["rank"], text[r["start"]:r["end"]]) for r in rows]
        ///     [(0, 0, 'Tidal power grows.'), (1, 1, 'Tidal power is clean.')]
        ///     >>> sorted(rows[0]["features"]) == sorted(salience.FEATURES)
        ///     True
        fn score<'py>(
            &self,
            py: Python<'py>,
            text: PyBackedStr,
        ) -> PyResult<Vec<Bound<'py, PyDict>>> {
            let body: &str = &text;
            let (analysis, offsets) = py.detach(|| analyze_with_offsets(&self.inner, body));
            sentence_rows(py, body, &analysis, &offsets)
        }

        /// Everything behind a summary of `n` sentences (or of one budget, as
        /// :meth:`summarize` takes): a dict with ``sentences`` (as from :meth:`score`, with
        /// the scores this length is chosen by),
        /// ``selected`` (indices of the chosen sentences, in document order),
        /// ``language`` (the stopword language used, or ``None``) and ``feature_names``.
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> info = salience.Summarizer().explain("Tidal power grows. Bread is cheap.", 1)
        ///     >>> info["selected"], info["language"]
        ///     ([0], 'en')
        #[pyo3(
            signature = (text, n = GivenCount(None), *, ratio = None, words = None, chars = None),
            text_signature = "($self, text, n=3, *, ratio=None, words=None, chars=None)"
        )]
        fn explain<'py>(
            &self,
            py: Python<'py>,
            text: PyBackedStr,
            n: GivenCount,
            ratio: Option<GivenRatio>,
            words: Option<Bound<'_, PyAny>>,
            chars: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Bound<'py, PyDict>> {
            let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
            let body: &str = &text;
            let (analysis, offsets, selected) = py.detach(|| {
                let (analysis, selected) = self.inner.analyze_to(body, length)?;
                let offsets = char_offsets(body, &analysis);
                Ok::<_, Error>((analysis, offsets, selected))
            })?;
            let out = PyDict::new(py);
            out.set_item("sentences", sentence_rows(py, body, &analysis, &offsets)?)?;
            out.set_item("selected", selected)?;
            out.set_item("language", analysis.language().map(|l| l.code()))?;
            out.set_item("feature_names", FEATURES.to_vec())?;
            Ok(out)
        }

        /// The feature matrix of `text` as a ``numpy.ndarray`` of ``float32``, one row
        /// per sentence and one column per name in ``salience.FEATURES``; the array
        /// takes over the buffer Rust computed, without a copy. Requires numpy.
        ///
        /// Example:
        ///     >>> import salience
        ///     >>> m = salience.Summarizer().features("Tidal power grows. Bread is cheap.")
        ///     >>> m.shape == (2, len(salience.FEATURES)), str(m.dtype)
        ///     (True, 'float32')
        fn features<'py>(
            &self,
            py: Python<'py>,
            text: PyBackedStr,
        ) -> Bound<'py, numpy::PyArray2<f32>> {
            let body: &str = &text;
            let matrix = py.detach(|| self.inner.analyze(body).into_features());
            numpy::PyArray2::from_owned_array(py, matrix)
        }

        /// The constructor's keyword arguments that rebuild this summarizer, so that it
        /// pickles (for `multiprocessing`, Dask and Spark). Every argument of `new` must
        /// be here: `test_summarizer_pickles_with_every_constructor_option` checks it.
        fn __getnewargs_ex__<'py>(
            &self,
            py: Python<'py>,
        ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
            let kwargs = PyDict::new(py);
            kwargs.set_item("language", self.language())?;
            kwargs.set_item("position_weight", self.inner.weights().position)?;
            kwargs.set_item("stopwords", self.inner.stopwords_enabled())?;
            kwargs.set_item("extra_stopwords", self.extra_stopwords.clone())?;
            kwargs.set_item("threads", self.threads)?;
            kwargs.set_item("redundancy", self.inner.redundancy())?;
            if let Some(model) = self.inner.idf() {
                let mut bytes = Vec::new();
                model.write_to(&mut bytes)?;
                kwargs.set_item("idf", pyo3::types::PyBytes::new(py, &bytes))?;
            }
            Ok((PyTuple::empty(py), kwargs))
        }

        fn __repr__(&self) -> String {
            format!(
                "Summarizer(language={}, position_weight={:?}, stopwords={}, extra_stopwords={:?})",
                self.language()
                    .map_or("None".to_owned(), |c| format!("'{c}'")),
                self.inner.weights().position,
                if self.inner.stopwords_enabled() {
                    "True"
                } else {
                    "False"
                },
                self.extra_stopwords,
            )
        }
    }

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
    struct PyCorpus {
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
                corpus: crate::corpus::Corpus::new(inputs, options)?,
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
}
