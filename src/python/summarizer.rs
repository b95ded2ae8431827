//! `salience.Summarizer`: the configurable summarizer.

use super::args::{length, read_idf, GivenCount, GivenRatio};
use super::rows::{analyze_with_offsets, char_offsets, sentence_rows};
use super::run::{in_chunks, split, summarize_many, summarize_one};
use super::SalienceError;
use crate::{Error, IdfModel, Summarizer, FEATURES};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};

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
pub(super) struct PySummarizer {
    pub(super) inner: Summarizer,
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
        let mut model = IdfModel::default();
        in_chunks(
            py,
            &self.inner,
            &corpus,
            |chunk| self.inner.count_documents(chunk),
            |part| {
                model = std::mem::take(&mut model).merge(part);
                Ok(())
            },
        )?;
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
    fn score<'py>(&self, py: Python<'py>, text: PyBackedStr) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let body: &str = &text;
        let (analysis, offsets) = py.detach(|| analyze_with_offsets(&self.inner, body));
        sentence_rows(py, body, &analysis, &offsets)
    }

    /// Everything behind a summary of `n` sentences (or of one budget, as
    /// :meth:`summarize` takes): a :class:`salience.Summary`, as
    /// :func:`salience.explain` returns, whose sentences carry the scores this length
    /// is chosen by.
    ///
    /// Example:
    ///     >>> import salience
    ///     >>> summary = salience.Summarizer().explain("Tidal power grows. Bread is cheap.", 1)
    ///     >>> summary.selected, summary.language
    ///     ((0,), 'en')
    #[pyo3(
        signature = (text, n = GivenCount(None), *, ratio = None, words = None, chars = None),
        text_signature = "($self, text, n=3, *, ratio=None, words=None, chars=None)"
    )]
    fn explain<'py>(
        slf: &Bound<'py, Self>,
        text: PyBackedStr,
        n: GivenCount,
        ratio: Option<GivenRatio>,
        words: Option<Bound<'py, PyAny>>,
        chars: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let length = length(n, ratio, words.as_ref(), chars.as_ref())?;
        let body: &str = &text;
        let inner = &slf.get().inner;
        let (analysis, offsets, selected) = py.detach(|| {
            let (analysis, selected) = inner.explain(body, length);
            let offsets = char_offsets(body, &analysis);
            Ok::<_, Error>((analysis, offsets, selected))
        })?;
        let raw = PyDict::new(py);
        raw.set_item("sentences", sentence_rows(py, body, &analysis, &offsets)?)?;
        raw.set_item("selected", selected)?;
        raw.set_item("language", analysis.language().map(|l| l.code()))?;
        raw.set_item("feature_names", FEATURES.to_vec())?;
        // The budget keywords the call gave, which the summary keeps as its options.
        let budget = PyDict::new(py);
        if let Some(GivenRatio(r)) = ratio {
            budget.set_item("ratio", r)?;
        }
        for (key, value) in [("words", &words), ("chars", &chars)] {
            if let Some(value) = value {
                budget.set_item(key, value)?;
            }
        }
        // The summary type lives in Python (a dataclass with its notebook view); one
        // import, on the first call.
        static FROM_EXPLANATION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        FROM_EXPLANATION
            .import(py, "salience._summary", "from_explanation")?
            .call1((slf, text, raw, n.0, budget))
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
