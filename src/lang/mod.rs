//! Languages: stopword lists and detection from the script and stopword hits.
//!
//! Every list is built in; nothing is downloaded. English and Urdu lists are our own
//! (see [`en`] and [`ur`]); the others come from the `stop-words` crate, which
//! compiles its data into the binary (the NLTK lists where NLTK has one, otherwise
//! the stopwords-iso lists). Lists are turned into match keys with
//! [`crate::normalize::key`] once, on first use.

mod am;
mod en;
mod my;
mod script;
mod ur;

use crate::error::{Error, ErrorKind};
use crate::util::keytable::{self, KeyTable};
use crate::normalize::{key, key_into};
use crate::segment::word_iter;
use rustc_hash::FxHashSet;
use script::Script;
use std::sync::OnceLock;

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

/// How much of a text detection counts the letters of, in bytes.
const DETECT_BYTES: usize = 8192;

/// How much of a text detection looks up the words of, in bytes.
const DETECT_WORD_BYTES: usize = 3072;

/// The longest prefix of `text` of at most `max` bytes that ends on a character
/// boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

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

/// How many more stopword hits than the runner-up make the leader certain.
const CLEAR_LEAD: usize = 16;

/// Whether one language has [`CLEAR_LEAD`] more hits than every other.
fn clear_lead(hits: &[usize; 64]) -> bool {
    let (mut first, mut second) = (0, 0);
    for &h in hits {
        if h > first {
            (first, second) = (h, first);
        } else if h > second {
            second = h;
        }
    }
    first >= second + CLEAR_LEAD
}

/// Every stopword of every language, with the set of languages that list it (bit
/// `i` for `SPECS[i]`), so that detection needs one look-up per word; looked up by
/// the hash term building computes for its own vocabulary anyway.
pub(crate) struct StopwordIndex {
    table: KeyTable,
    /// The words, one after the other.
    letters: String,
    /// Where each id's word ends in `letters`.
    ends: Vec<usize>,
    /// The languages that list each id's word.
    listed: Vec<u64>,
}

impl StopwordIndex {
    /// The languages that list `key` (hashed `hash` by [`keytable::hash`]), as bits;
    /// 0 when none does.
    #[inline]
    pub(crate) fn get(&self, hash: u64, key: &str) -> u64 {
        match self
            .table
            .find(hash, |id| keytable::same(self.word(id), key))
        {
            Ok(id) => self.listed.get(id as usize).copied().unwrap_or(0),
            Err(_) => 0,
        }
    }

    /// The word of `id`.
    fn word(&self, id: usize) -> &str {
        let start = match id.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(0);
        self.letters.get(start..end).unwrap_or_default()
    }

    /// Adds `language` (bit `bit`) to those that list `word`.
    fn add(&mut self, word: &str, bit: u64) {
        let hash = keytable::hash(word);
        match self.table.find(hash, |id| self.word(id) == word) {
            Ok(id) => {
                if let Some(listed) = self.listed.get_mut(id as usize) {
                    *listed |= bit;
                }
            }
            Err(slot) => {
                self.table.insert(slot, hash);
                self.letters.push_str(word);
                self.ends.push(self.letters.len());
                self.listed.push(bit);
            }
        }
    }
}

/// The [`StopwordIndex`] of every language, built on first use.
pub(crate) fn stopword_index() -> &'static StopwordIndex {
    static INDEX: OnceLock<StopwordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = StopwordIndex {
            table: KeyTable::with_capacity(1 << 14),
            letters: String::new(),
            ends: Vec::new(),
            listed: Vec::new(),
        };
        for (i, spec) in SPECS.iter().enumerate() {
            for word in spec.language.stopwords() {
                index.add(word, 1 << i);
            }
        }
        index
    })
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
                vote.read(prefix(text, DETECT_WORD_BYTES));
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
                vote.read(prefix(text, DETECT_WORD_BYTES));
                let language = vote.result()?;
                Some(Likely {
                    language,
                    set: vote.likely(),
                    exact: true,
                })
            }
        }
    }

    /// The bit of this language in the sets of [`stopword_index`].
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

/// Where [`Language::detect`] stands once it has counted the letters.
pub(crate) enum Detection {
    /// The letters settle it (or the text has none).
    Decided(Option<Language>),
    /// Several languages share the script: their stopwords among the first words
    /// of the text decide (see [`Vote`]).
    Vote(Box<Vote>),
}

impl Detection {
    /// Counts the letters of the first [`DETECT_BYTES`] of `text`: the dominant
    /// script, Japanese kana and the letters only one language uses may settle the
    /// language; otherwise the candidates are the languages of the script.
    pub(crate) fn start(text: &str) -> Detection {
        let counts = script::count(prefix(text, DETECT_BYTES));
        let Some(dominant) = counts.dominant() else {
            return Detection::Decided(None);
        };
        if dominant == Script::Han || dominant == Script::Kana {
            // Japanese writes kana between its kanji; Chinese never does.
            let kana_share = counts.get(Script::Kana) * 20;
            return Detection::Decided(Some(if kana_share >= counts.get(Script::Han) {
                Language::Japanese
            } else {
                Language::Chinese
            }));
        }
        if dominant == Script::Arabic {
            if let Some(language) = script::decisive(&counts) {
                return Detection::Decided(Some(language));
            }
        }
        let mut candidates: u64 = 0;
        for (i, spec) in SPECS.iter().enumerate() {
            if spec.script == dominant {
                candidates |= 1 << i;
            }
        }
        if candidates.count_ones() <= 1 {
            let only = SPECS.get(candidates.trailing_zeros() as usize);
            return Detection::Decided(only.map(|s| s.language));
        }
        Detection::Vote(Box::new(Vote {
            counts,
            candidates,
            hits: [0; 64],
            words: 0,
            over: false,
        }))
    }
}

/// The number of bytes at the start of `text` whose words [`Vote`] reads: at most
/// [`DETECT_WORD_BYTES`], ending on a character boundary.
pub(crate) fn vote_bytes(text: &str) -> usize {
    prefix(text, DETECT_WORD_BYTES).len()
}

/// A vote among the candidate languages of a script: each word of the first
/// [`DETECT_WORD_BYTES`] of the text is a hit for every candidate that lists it as a
/// stopword, and the vote ends early once one candidate leads clearly. The words
/// may come from [`Vote::read`] or from a caller that segments the same words anyway
/// (term building), in the same order.
pub(crate) struct Vote {
    counts: script::Counts,
    candidates: u64,
    hits: [usize; 64],
    /// The words counted.
    words: usize,
    /// Whether the vote ended early.
    over: bool,
}

impl Vote {
    /// Counts the next word, given the languages that list it (its value in
    /// [`stopword_index`], 0 when it has none). Returns `false`, without counting
    /// the word, once the vote is over: then no later word counts either.
    #[inline]
    pub(crate) fn word(&mut self, listed: u64) -> bool {
        // Checked before every 32nd word, as long as there is one.
        if self.over || (self.words % 32 == 31 && clear_lead(&self.hits)) {
            self.over = true;
            return false;
        }
        self.words += 1;
        let mut bits = listed & self.candidates;
        while bits != 0 {
            if let Some(h) = self.hits.get_mut(bits.trailing_zeros() as usize) {
                *h += 1;
            }
            bits &= bits - 1;
        }
        true
    }

    /// Counts the words of `text` (which continues the words counted so far).
    pub(crate) fn read(&mut self, text: &str) {
        let index = stopword_index();
        // Keys built in one reused buffer, and none for a plain lowercase word.
        let mut lower = String::new();
        let mut found = word_iter(text);
        while let Some((_, word)) = found.next() {
            let key = if found.plain() || key_into(word, &mut lower) {
                word
            } else {
                lower.as_str()
            };
            if !self.word(index.get(keytable::hash(key), key)) {
                break;
            }
        }
    }

    /// Forgets every word counted, to count again from the start of the text.
    pub(crate) fn restart(&mut self) {
        self.hits = [0; 64];
        self.words = 0;
        self.over = false;
    }

    /// The candidates with at least half the best score (hits plus letter bonus);
    /// the winner alone when no candidate scores.
    pub(crate) fn likely(&self) -> u64 {
        let scores: Vec<(usize, u64)> = SPECS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.candidates & (1 << i) != 0)
            .map(|(i, spec)| {
                let hits = self.hits.get(i).copied().unwrap_or(0);
                (
                    hits + script::letter_bonus(spec.language, &self.counts),
                    1 << i,
                )
            })
            .collect();
        let best = scores.iter().map(|(score, _)| *score).max().unwrap_or(0);
        if best == 0 {
            return self.result().map_or(0, Language::bit);
        }
        scores
            .iter()
            .filter(|(score, _)| score * 2 >= best)
            .fold(0, |set, (_, bit)| set | bit)
    }

    /// The candidate with the most hits plus its letter bonus (the first listed on
    /// a tie).
    pub(crate) fn result(&self) -> Option<Language> {
        let mut best: Option<(usize, Language)> = None;
        for (i, spec) in SPECS.iter().enumerate() {
            if self.candidates & (1 << i) == 0 {
                continue;
            }
            let score = self.hits.get(i).copied().unwrap_or(0)
                + script::letter_bonus(spec.language, &self.counts);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, spec.language));
            }
        }
        best.map(|(_, language)| language)
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
