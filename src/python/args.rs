//! Python arguments read into Rust values, with the errors Python users expect.

use super::SalienceError;
use crate::{IdfModel, Length};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PySequence, PyString};

/// `n` as a call gave it: `GivenCount(None)` when left out, so that a length budget
/// can replace it (Python's `None` is refused like any other non-`int`).
#[derive(Clone, Copy)]
pub(super) struct GivenCount(pub(super) Option<usize>);

impl<'a, 'py> FromPyObject<'a, 'py> for GivenCount {
    type Error = PyErr;

    fn extract(n: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        count(&n, "n", "sentences").map(|c| GivenCount(Some(c)))
    }
}

/// A `TypeError` saying `what`, then the type `obj` has instead (", not str").
pub(super) fn wrong_type(obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
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
pub(super) struct GivenRatio(pub(super) f64);

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
pub(super) fn is_numpy_bool(n: &Bound<'_, PyAny>) -> PyResult<bool> {
    let ty = n.get_type();
    Ok(ty.module()?.to_str()? == "numpy" && matches!(ty.name()?.to_str()?, "bool" | "bool_"))
}

/// A count read from Python (`n`, `words=`, `chars=`): a non-negative `int` (or an
/// integer of another library, such as numpy's `int64`, through `__index__`), not a
/// `bool`; an `int` too large for the machine means "all of them".
pub(super) fn count(n: &Bound<'_, PyAny>, name: &str, unit: &str) -> PyResult<usize> {
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
pub(super) fn length(
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
    Ok(match (n, ratio, words, chars) {
        (_, Some(GivenRatio(r)), _, _) => Length::ratio(r)?,
        (_, _, Some(w), _) => Length::words(count(w, "words", "words")?),
        (_, _, _, Some(c)) => Length::chars(count(c, "chars", "characters")?),
        (Some(n), _, _, _) => Length::sentences(n),
        (None, None, None, None) => Length::sentences(3),
    })
}

/// A corpus IDF model from `Summarizer(idf=...)`: the bytes of a saved model, or the
/// path of one (`str` or `os.PathLike`).
pub(super) fn read_idf(source: &Bound<'_, PyAny>) -> PyResult<IdfModel> {
    if let Ok(bytes) = source.cast::<pyo3::types::PyBytes>() {
        return Ok(IdfModel::read_from(bytes.as_bytes())?);
    }
    let path: std::path::PathBuf = source.extract()?;
    Ok(IdfModel::load(path)?)
}

/// The documents of a batch as Python gave them: each a `str`, or missing (`None`,
/// a float NaN such as `float("nan")` or numpy's `nan`, or `pandas.NA`).
pub(super) struct BatchTexts(pub(super) Vec<Option<PyBackedStr>>);

impl BatchTexts {
    /// Reads `texts` (extracted by hand, so that a `TypeError` says only what is wrong).
    pub(super) fn read(texts: &Bound<'_, PyAny>) -> PyResult<Self> {
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
pub(super) fn pandas_na(py: Python<'_>) -> Option<Bound<'_, PyAny>> {
    let modules = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .ok()?;
    let pandas = modules.get_item("pandas").ok()?;
    pandas.getattr("NA").ok()
}

/// One document of a batch: `Some` text, `None` when missing, or a `TypeError` that
/// names its index.
pub(super) fn batch_text(
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
