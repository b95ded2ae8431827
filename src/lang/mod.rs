//! Languages: stopword lists and detection from the script and stopword hits.
//!
//! Every list is built in; nothing is downloaded. English and Urdu lists are our own
//! (see [`en`] and [`ur`]); the others come from the `stop-words` crate, which
//! compiles its data into the binary (the NLTK lists where NLTK has one, otherwise
//! the stopwords-iso lists). Lists are turned into match keys with
//! [`crate::normalize::key`] once, on first use.

mod am;
mod en;
mod letters;
mod my;
mod ur;
pub(crate) mod vote;

use crate::error::{Error, ErrorKind};
use crate::normalize::key;
use crate::script::Script;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use vote::Detection;

/// A language whose stopwords salience knows.
///
/// ```
/// use salience::Language;
///
/// assert_eq!(Language::from_code("ur").unwrap(), Language::Urdu);
/// assert_eq!(Language::Urdu.code(), "ur");
/// assert_eq!(Language::detect("یہ ایک جملہ ہے جو اردو میں لکھا گیا ہے۔"), Some(Language::Urdu));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    English,
    /// Urdu (`ur`).
    Urdu,
    /// Mandarin Chinese (`zh`).
    Chinese,
    /// Hindi (`hi`).
    Hindi,
    /// Spanish (`es`).
    Spanish,
    /// French (`fr`).
    French,
    /// Arabic (`ar`).
    Arabic,
    /// Bengali (`bn`).
    Bengali,
    /// Portuguese (`pt`).
    Portuguese,
    /// Russian (`ru`).
    Russian,
    /// Indonesian (`id`).
    Indonesian,
    /// German (`de`).
    German,
    /// Japanese (`ja`).
    Japanese,
    /// Marathi (`mr`).
    Marathi,
    /// Turkish (`tr`).
    Turkish,
    /// Tamil (`ta`).
    Tamil,
    /// Vietnamese (`vi`).
    Vietnamese,
    /// Korean (`ko`).
    Korean,
    /// Persian (`fa`).
    Persian,
    /// Italian (`it`).
    Italian,
    /// Swahili (`sw`).
    Swahili,
    /// Hausa (`ha`).
    Hausa,
    /// Tagalog (`tl`).
    Tagalog,
    /// Thai (`th`).
    Thai,
    /// Gujarati (`gu`).
    Gujarati,
    /// Polish (`pl`).
    Polish,
    /// Ukrainian (`uk`).
    Ukrainian,
    /// Malay (`ms`).
    Malay,
    /// Dutch (`nl`).
    Dutch,
    /// Romanian (`ro`).
    Romanian,
    /// Greek (`el`).
    Greek,
    /// Hebrew (`he`).
    Hebrew,
    /// Swedish (`sv`).
    Swedish,
    /// Czech (`cs`).
    Czech,
    /// Hungarian (`hu`).
    Hungarian,
    /// Danish (`da`).
    Danish,
    /// Finnish (`fi`).
    Finnish,
    /// Slovak (`sk`).
    Slovak,
    /// Bulgarian (`bg`).
    Bulgarian,
    /// Kazakh (`kk`).
    Kazakh,
    /// Armenian (`hy`).
    Armenian,
    /// Amharic (`am`).
    Amharic,
    /// Burmese (`my`).
    Burmese,
}

/// Where a language's stopwords come from.
enum Source {
    /// Our own list.
    Own(&'static [&'static str]),
    /// The `stop-words` crate, by code.
    Crate,
}

/// One row of the language table.
struct Spec {
    language: Language,
    code: &'static str,
    name: &'static str,
    script: Script,
    source: Source,
}

macro_rules! spec {
    ($lang:ident, $code:literal, $name:literal, $script:ident) => {
        spec!($lang, $code, $name, $script, Source::Crate)
    };
    ($lang:ident, $code:literal, $name:literal, $script:ident, $source:expr) => {
        Spec {
            language: Language::$lang,
            code: $code,
            name: $name,
            script: Script::$script,
            source: $source,
        }
    };
}

/// Every language, most spoken first (ties in detection go to the earlier one).
const SPECS: &[Spec] = &[
    spec!(English, "en", "English", Latin, Source::Own(en::STOPWORDS)),
    spec!(Chinese, "zh", "Chinese", Han),
    spec!(Hindi, "hi", "Hindi", Devanagari),
    spec!(Spanish, "es", "Spanish", Latin),
    spec!(French, "fr", "French", Latin),
    spec!(Arabic, "ar", "Arabic", Arabic),
    spec!(Bengali, "bn", "Bengali", Bengali),
    spec!(Portuguese, "pt", "Portuguese", Latin),
    spec!(Russian, "ru", "Russian", Cyrillic),
    spec!(Urdu, "ur", "Urdu", Arabic, Source::Own(ur::STOPWORDS)),
    spec!(Indonesian, "id", "Indonesian", Latin),
    spec!(German, "de", "German", Latin),
    spec!(Japanese, "ja", "Japanese", Kana),
    spec!(Marathi, "mr", "Marathi", Devanagari),
    spec!(Turkish, "tr", "Turkish", Latin),
    spec!(Tamil, "ta", "Tamil", Tamil),
    spec!(Vietnamese, "vi", "Vietnamese", Latin),
    spec!(Korean, "ko", "Korean", Hangul),
    spec!(Persian, "fa", "Persian", Arabic),
    spec!(Italian, "it", "Italian", Latin),
    spec!(Swahili, "sw", "Swahili", Latin),
    spec!(Hausa, "ha", "Hausa", Latin),
    spec!(Tagalog, "tl", "Tagalog", Latin),
    spec!(Thai, "th", "Thai", Thai),
    spec!(Gujarati, "gu", "Gujarati", Gujarati),
    spec!(Polish, "pl", "Polish", Latin),
    spec!(Ukrainian, "uk", "Ukrainian", Cyrillic),
    spec!(Malay, "ms", "Malay", Latin),
    spec!(Dutch, "nl", "Dutch", Latin),
    spec!(Romanian, "ro", "Romanian", Latin),
    spec!(Greek, "el", "Greek", Greek),
    spec!(Hebrew, "he", "Hebrew", Hebrew),
    spec!(Swedish, "sv", "Swedish", Latin),
    spec!(Czech, "cs", "Czech", Latin),
    spec!(Hungarian, "hu", "Hungarian", Latin),
    spec!(Danish, "da", "Danish", Latin),
    spec!(Finnish, "fi", "Finnish", Latin),
    spec!(Slovak, "sk", "Slovak", Latin),
    spec!(Bulgarian, "bg", "Bulgarian", Cyrillic),
    spec!(Kazakh, "kk", "Kazakh", Cyrillic),
    spec!(Armenian, "hy", "Armenian", Armenian),
    spec!(
        Amharic,
        "am",
        "Amharic",
        Ethiopic,
        Source::Own(am::STOPWORDS)
    ),
    spec!(
        Burmese,
        "my",
        "Burmese",
        Myanmar,
        Source::Own(my::STOPWORDS)
    ),
];

/// The answer of [`Language::detect_likely`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Likely {
    /// The most likely language.
    pub(crate) language: Language,
    /// The languages the text may be in.
    pub(crate) set: u64,
    /// Whether the letters decided, so that `language` is what
    /// [`Language::detect`] answers.
    pub(crate) exact: bool,
}

impl Language {
    /// Every supported language, most spoken first.
    ///
    /// ```
    /// assert!(salience::Language::all().count() >= 20);
    /// ```
    pub fn all() -> impl Iterator<Item = Language> {
        SPECS.iter().map(|s| s.language)
    }

    fn spec(self) -> &'static Spec {
        // Every variant has a row; the fallback only keeps the code panic-free.
        const FALLBACK: Spec = spec!(English, "en", "English", Latin, Source::Own(en::STOPWORDS));
        SPECS
            .iter()
            .find(|s| s.language == self)
            .unwrap_or(&FALLBACK)
    }

    /// The ISO 639-1 code, e.g. `"en"`.
    ///
    /// ```
    /// assert_eq!(salience::Language::Persian.code(), "fa");
    /// ```
    pub fn code(self) -> &'static str {
        self.spec().code
    }

    /// The English name, e.g. `"Persian"`.
    ///
    /// ```
    /// assert_eq!(salience::Language::Persian.name(), "Persian");
    /// ```
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Every supported code, sorted.
    ///
    /// ```
    /// assert!(salience::Language::codes().contains(&"en"));
    /// ```
    pub fn codes() -> Vec<&'static str> {
        let mut codes: Vec<_> = SPECS.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes
    }

    /// The language for an ISO 639-1 code (case-insensitive; a region such as
    /// `pt-BR` or `zh_Hans` is ignored).
    ///
    /// # Errors
    /// [`ErrorKind::UnknownLanguage`] when the code is not supported.
    ///
    /// ```
    /// use salience::Language;
    /// assert_eq!(Language::from_code("EN").unwrap(), Language::English);
    /// assert_eq!(Language::from_code("pt-BR").unwrap(), Language::Portuguese);
    /// assert!(Language::from_code("klingon").is_err());
    /// ```
    pub fn from_code(code: &str) -> Result<Language, Error> {
        let wanted = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        SPECS
            .iter()
            .find(|s| s.code == wanted)
            .map(|s| s.language)
            .ok_or_else(|| ErrorKind::UnknownLanguage(code.to_owned()).into())
    }

    /// Guesses the language of `text` from its first few kilobytes: the dominant
    /// script picks the candidates, and the candidate whose stopwords occur most
    /// often wins. Letters that only one language of a script uses (Urdu `ے ں ٹ ڈ ڑ ھ ہ`,
    /// which settle it; Persian `پ چ ژ گ` without them; Japanese kana; Ukrainian
    /// `і ї є ґ`) count too.
    ///
    /// Returns `None` when the text has no letters, or its script is none of those
    /// supported.
    ///
    /// ```
    /// use salience::Language;
    /// assert_eq!(Language::detect("The cat sat on the mat with the dog."), Some(Language::English));
    /// assert_eq!(Language::detect("Der Hund und die Katze sind nicht im Haus."), Some(Language::German));
    /// assert_eq!(Language::detect("猫が座った。"), Some(Language::Japanese));
    /// assert_eq!(Language::detect("这是一个句子。"), Some(Language::Chinese));
    /// assert_eq!(Language::detect("این یک جمله است که به فارسی نوشته شده است."), Some(Language::Persian));
    /// assert_eq!(Language::detect("1234 !!"), None);
    /// ```
    pub fn detect(text: &str) -> Option<Language> {
        match Detection::start(text) {
            Detection::Decided(language) => language,
            Detection::Vote(mut vote) => {
                vote.read_opening(text);
                vote.result()
            }
        }
    }

    /// A quick guess at the languages `text` may be in, for choosing abbreviation
    /// lists: the winner of the vote of [`Language::detect`]
    /// and the set (as [`Language::bit`] sets) of every candidate with at least
    /// half its score, so that a short text whose stopwords several languages share
    /// keeps all their lists. `exact` tells whether the letters alone decided, as
    /// [`Language::detect`] would. `None` when no language is found.
    pub(crate) fn detect_likely(text: &str) -> Option<Likely> {
        match Detection::start(text) {
            Detection::Decided(language) => language.map(|l| Likely {
                language: l,
                set: l.bit(),
                exact: true,
            }),
            Detection::Vote(mut vote) => {
                vote.read_opening(text);
                let language = vote.result()?;
                Some(Likely {
                    language,
                    set: vote.likely(),
                    exact: true,
                })
            }
        }
    }

    /// The bit of this language in the sets of [`vote::stopword_index`].
    pub(crate) fn bit(self) -> u64 {
        SPECS
            .iter()
            .position(|s| s.language == self)
            .map_or(0, |i| 1 << i)
    }

    /// The stopword set, as match keys (see [`crate::normalize`]).
    pub(crate) fn stopwords(self) -> &'static FxHashSet<String> {
        static SETS: [OnceLock<FxHashSet<String>>; 64] = [const { OnceLock::new() }; 64];
        static FALLBACK: OnceLock<FxHashSet<String>> = OnceLock::new();
        let index = SPECS
            .iter()
            .position(|s| s.language == self)
            .unwrap_or(usize::MAX);
        let cell = SETS.get(index).unwrap_or(&FALLBACK);
        cell.get_or_init(|| {
            let spec = self.spec();
            let list: &[&str] = match spec.source {
                Source::Own(list) => list,
                Source::Crate => stop_words::lookup(spec.code).unwrap_or(&[]),
            };
            list.iter()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .map(|w| key(w.trim()).into_owned())
                .collect()
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_stopwords() {
        for spec in SPECS {
            let n = spec.language.stopwords().len();
            assert!(n >= 25, "{}: only {n} stopwords", spec.code);
        }
        // Detection keeps one bit per language in a u64.
        assert!(SPECS.len() <= 64);
    }

    #[test]
    fn codes_round_trip() {
        for spec in SPECS {
            assert_eq!(Language::from_code(spec.code).ok(), Some(spec.language));
            assert_eq!(spec.language.code(), spec.code);
        }
        let mut codes = Language::codes();
        codes.dedup();
        assert_eq!(codes.len(), SPECS.len());
    }
}
