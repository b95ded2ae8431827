//! The crate's error type.

use std::fmt;

/// An error from building or using a [`Summarizer`](crate::Summarizer).
///
/// The error is opaque: match on [`Error::kind`] to tell causes apart.
///
/// ```
/// use salience::{ErrorKind, Summarizer};
///
/// let err = Summarizer::builder().language("xx").build().unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::UnknownLanguage("xx".into()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

/// The cause of an [`Error`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The language code is not one of [`crate::Language::codes`].
    UnknownLanguage(String),
    /// A numeric option is out of its range or not finite.
    InvalidOption {
        /// The option's name.
        name: &'static str,
        /// Why the value was refused.
        reason: String,
    },
    /// A saved IDF model is not one: the text is not what
    /// [`IdfModel::write_to`](crate::IdfModel::write_to) writes.
    InvalidModel(String),
    /// Reading a saved IDF model failed: the kind and message of the I/O error.
    Io {
        /// The kind of the I/O error.
        kind: std::io::ErrorKind,
        /// What the I/O error said.
        message: String,
    },
}

impl Error {
    /// The cause of this error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn invalid_option(name: &'static str, reason: impl Into<String>) -> Self {
        ErrorKind::InvalidOption {
            name,
            reason: reason.into(),
        }
        .into()
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        ErrorKind::Io {
            kind: err.kind(),
            message: err.to_string(),
        }
        .into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error { kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownLanguage(code) => write!(
                f,
                "unknown language {code:?}; supported codes: {}",
                crate::Language::codes().join(", ")
            ),
            ErrorKind::InvalidOption { name, reason } => write!(f, "invalid {name}: {reason}"),
            ErrorKind::InvalidModel(reason)
            | ErrorKind::Io {
                message: reason, ..
            } => f.write_str(reason),
        }
    }
}

impl std::error::Error for Error {}
