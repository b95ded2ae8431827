//! Languages: stopword lists and detection from the script.

mod en;
mod ur;

use crate::error::{Error, ErrorKind};
use crate::normalize::key;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A language whose stopwords salience knows.
///
/// ```
/// use salience::Language;
///
/// assert_eq!(Language::from_code("ur").unwrap(), Language::Urdu);
/// assert_eq!(Language::Urdu.code(), "ur");
/// assert_eq!(Language::detect("یہ ایک جملہ ہے۔"), Some(Language::Urdu));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    English,
    /// Urdu (`ur`).
    Urdu,
}

const ALL: &[Language] = &[Language::English, Language::Urdu];

impl Language {
    /// The ISO 639-1 code, e.g. `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Urdu => "ur",
        }
    }

    /// Every supported code, sorted.
    ///
    /// ```
    /// assert!(salience::Language::codes().contains(&"en"));
    /// ```
    pub fn codes() -> Vec<&'static str> {
        let mut codes: Vec<_> = ALL.iter().map(|l| l.code()).collect();
        codes.sort_unstable();
        codes
    }

    /// The language for an ISO 639-1 code (case-insensitive).
    ///
    /// # Errors
    /// [`ErrorKind::UnknownLanguage`] when the code is not supported.
    ///
    /// ```
    /// assert!(salience::Language::from_code("EN").is_ok());
    /// assert!(salience::Language::from_code("klingon").is_err());
    /// ```
    pub fn from_code(code: &str) -> Result<Language, Error> {
        let wanted = code.trim().to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|l| l.code() == wanted)
            .ok_or_else(|| ErrorKind::UnknownLanguage(code.to_owned()).into())
    }

    /// Guesses the language from the letters of `text` (its first few kilobytes).
    ///
    /// Returns `None` when no supported language fits, e.g. for Chinese text.
    ///
    /// ```
    /// use salience::Language;
    /// assert_eq!(Language::detect("The cat sat on the mat."), Some(Language::English));
    /// assert_eq!(Language::detect("猫が座った。"), None);
    /// ```
    pub fn detect(text: &str) -> Option<Language> {
        let (mut latin, mut arabic, mut other) = (0usize, 0usize, 0usize);
        for c in text.chars().take(4096).filter(|c| c.is_alphabetic()) {
            match c {
                'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => latin += 1,
                '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FEFF}' => {
                    arabic += 1
                }
                _ => other += 1,
            }
        }
        if latin == 0 && arabic == 0 {
            None
        } else if arabic > latin && arabic >= other {
            Some(Language::Urdu)
        } else if latin >= other {
            Some(Language::English)
        } else {
            None
        }
    }

    /// The stopword set, as match keys (see [`crate::normalize`]).
    pub(crate) fn stopwords(self) -> &'static FxHashSet<String> {
        static EN: OnceLock<FxHashSet<String>> = OnceLock::new();
        static UR: OnceLock<FxHashSet<String>> = OnceLock::new();
        let (cell, words) = match self {
            Language::English => (&EN, en::STOPWORDS),
            Language::Urdu => (&UR, ur::STOPWORDS),
        };
        cell.get_or_init(|| words.iter().map(|w| key(w).into_owned()).collect())
    }
}

impl std::str::FromStr for Language {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        Language::from_code(code)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
