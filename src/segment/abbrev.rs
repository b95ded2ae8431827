//! The abbreviation lists of the repair pass: one union list for all languages, in
//! the spirit of CLDR's sentence-break suppressions.
//!
//! Entries are match forms: lowercase, without the final period (`"e.g"` for
//! `e.g.`). Three kinds:
//!
//! - [`Kind::Title`]: titles that stand before a name (`Mr.`, `Dr.`, `डॉ.`, `د.`); a
//!   sentence does not end after them.
//! - [`Kind::Number`]: words that stand before a number (`p. 55`, `No. 5`, `Nr. 3`);
//!   no break when a digit follows, a break otherwise (`I said no. Everyone left.`).
//! - [`Kind::General`]: everything else (`etc.`, `Co.`, `U.S.`, `z.B.`); no break
//!   unless the next word is a common sentence starter (`The`, `It`, `How`, …).
//!
//! Words that are also common words at the end of a sentence (`sun`, `sat`, `me`,
//! `est`, `min`, `ft`) are left out, or listed only before numbers.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// How an abbreviation affects a following sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Stands before a name: never ends a sentence.
    Title,
    /// Stands before a number: no break when a digit follows, a break otherwise.
    Number,
    /// Ends a sentence only when a sentence starter follows.
    General,
}

/// Titles before names, across languages.
const TITLES: &[&str] = &[
    // English
    "mr",
    "mrs",
    "ms",
    "messrs",
    "dr",
    "prof",
    "st",
    "mt",
    "gen",
    "sen",
    "rep",
    "gov",
    "pres",
    "capt",
    "col",
    "lt",
    "maj",
    "sgt",
    "cpl",
    "adm",
    "cmdr",
    "rev",
    "hon",
    "supt",
    "insp",
    "fr",
    // German
    "hr",
    "hrn",
    "frl",
    "dipl",
    "ing",
    "hl",
    // French
    "mme",
    "mmes",
    "mlle",
    "mlles",
    "mgr",
    // Spanish
    "sra",
    "srta",
    "sres",
    "dra",
    "lic",
    "ud",
    "uds",
    "sta",
    "sto",
    "excmo",
    "excma",
    "dña",
    "dn",
    // Russian
    "проф",
    "акад",
    "ген",
    "им",
    "ул",
    "пр-т",
    "гр",
    "тов",
    // Hindi (डॉ. = Dr., प्रो. = Prof., श्री = Shri)
    "डॉ",
    "डा",
    "प्रो",
    "श्री",
    "श्रीमती",
    "सुश्री",
    // Arabic (د. = Dr., أ. = Prof./Mr., م. = Eng.), Persian (دکتر is written in full)
    "د",
    "أ",
    "أ.د",
    "ا.د",
];

/// Words before numbers.
const NUMBERS: &[&str] = &[
    "p",
    "pp",
    "no",
    "nos",
    "nr",
    "n°",
    "nº",
    "art",
    "arts",
    "vol",
    "vols",
    "fig",
    "figs",
    "ch",
    "chap",
    "sec",
    "sect",
    "tab",
    "eq",
    "ed",
    "op",
    "par",
    "abs",
    "bd",
    "s",
    "núm",
    "pág",
    "págs",
    "cap",
    "ca",
    "approx",
    "tel",
    "ex",
    "rev",
    "с",
    "стр",
    "т",
    "рис",
    "гл",
    "ص",
    "ج",
    "ص.ص",
    "पृ",
    "सं",
    "ક્ર",
];

/// Everything else.
const GENERAL: &[&str] = &[
    // English
    "etc",
    "co",
    "inc",
    "ltd",
    "corp",
    "llc",
    "plc",
    "bros",
    "vs",
    "v",
    "cf",
    "al",
    "approx",
    "dept",
    "jr",
    "sr",
    "esq",
    "ave",
    "blvd",
    "rd",
    "hwy",
    "univ",
    "assn",
    "misc",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "thu",
    "thur",
    "thurs",
    "fri",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "viz",
    "ibid",
    "intl",
    "natl",
    "govt",
    "a.d",
    "b.c",
    // German
    "usw",
    "bzw",
    "vgl",
    "ggf",
    "evtl",
    "inkl",
    "zzgl",
    "ca",
    "z.b",
    "d.h",
    "u.a",
    "o.ä",
    "u.ä",
    "s.o",
    "s.u",
    "v.a",
    "i.d.r",
    "str",
    "jh",
    "jhd",
    "mio",
    "mrd",
    "tsd",
    "bspw",
    "lt",
    "ff",
    "z",
    // French
    "env",
    "av",
    "apr",
    "boul",
    "mm",
    "éd",
    "chap",
    "c.-à-d",
    "p.ex",
    "svp",
    // Spanish
    "aprox",
    "ej",
    "pág",
    "ee",
    "uu",
    "ee.uu",
    "p.ej",
    "a.c",
    "d.c",
    "av",
    "avda",
    "dpto",
    "admón",
    "ss",
    "sig",
    "atte",
    "cía",
    // Russian
    "т.е",
    "т.д",
    "т.п",
    "т.к",
    "т.н",
    "др",
    "пр",
    "тыс",
    "млн",
    "млрд",
    "руб",
    "коп",
    "долл",
    "г",
    "гг",
    "вв",
    "н.э",
    "до н.э",
    "см",
    "напр",
    "англ",
    "ок",
    "обл",
    "р-н",
    "кв",
    "д",
    "стр",
];

/// Words that begin a new sentence after a general abbreviation: `the U.S. How`
/// breaks, `the U.S. Government` does not.
const STARTERS: &[&str] = &[
    // English (the Pragmatic Segmenter's list, plus a few)
    "A",
    "Being",
    "Did",
    "For",
    "He",
    "How",
    "However",
    "I",
    "In",
    "It",
    "Millions",
    "More",
    "She",
    "That",
    "The",
    "There",
    "They",
    "We",
    "What",
    "When",
    "Where",
    "Who",
    "Why",
    "This",
    "These",
    "Those",
    "But",
    "And",
    "So",
    "Then",
    "Yet",
    "If",
    "After",
    "As",
    "On",
    "At",
    "You",
    "His",
    "Her",
    "Its",
    "Our",
    "Their",
    "My",
    "Is",
    "Are",
    "Was",
    "Were",
    // German
    "Der",
    "Die",
    "Das",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Dann",
    "Aber",
    "Und",
    "Ein",
    "Eine",
    "Auch",
    "Dies",
    "Diese",
    // French
    "Le",
    "La",
    "Les",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "Nous",
    "Je",
    "Mais",
    "Puis",
    "Un",
    "Une",
    "Ce",
    "Cette",
    // Spanish
    "El",
    "Los",
    "Las",
    "Él",
    "Ella",
    "Ellos",
    "Pero",
    "Luego",
    "Una",
    "Esto",
    "Este",
    "Esta",
    // Russian
    "Он",
    "Она",
    "Они",
    "Оно",
    "Это",
    "Но",
    "Мы",
    "Я",
    "В",
    "На",
    "Так",
    "Потом",
];

/// Urdu spellings of the names of Latin letters: `پی۔ ایچ۔ ڈی` (Ph.D.) and
/// `پی۔ٹی۔آئی` (PTI) do not end sentences between the letters.
const URDU_LETTER_NAMES: &[&str] = &[
    "اے",
    "بی",
    "سی",
    "ڈی",
    "ای",
    "ایف",
    "جی",
    "ایچ",
    "آئی",
    "جے",
    "کے",
    "ایل",
    "ایم",
    "این",
    "او",
    "پی",
    "کیو",
    "آر",
    "ایس",
    "ٹی",
    "یو",
    "وی",
    "ڈبلیو",
    "ڈبلیو",
    "ایکس",
    "وائی",
    "زیڈ",
];

/// The longest entry, in bytes; longer tokens are not looked up.
pub(crate) const MAX_LEN: usize = 24;

/// The kind of the abbreviation `token` (already lowercase, without its final
/// period), if it is one.
pub(crate) fn kind(token: &str) -> Option<Kind> {
    static TABLE: OnceLock<FxHashMap<&'static str, Kind>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        // Titles win over number words, number words over the rest.
        for (list, kind) in [
            (GENERAL, Kind::General),
            (NUMBERS, Kind::Number),
            (TITLES, Kind::Title),
        ] {
            for &entry in list {
                map.insert(entry, kind);
            }
        }
        map
    });
    table.get(token).copied()
}

/// Whether `word` commonly begins a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    if word.len() > MAX_STARTER_LEN {
        return false;
    }
    static TABLE: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| STARTERS.iter().copied().collect())
        .contains(word)
}

/// The length in bytes of the longest starter.
pub(crate) const MAX_STARTER_LEN: usize = {
    let mut longest = 0;
    let mut rest = STARTERS;
    while let [first, tail @ ..] = rest {
        if first.len() > longest {
            longest = first.len();
        }
        rest = tail;
    }
    longest
};

/// The longest ASCII starter, in bytes: ASCII words are packed into a `u64`.
const MAX_ASCII_STARTER_LEN: usize = 8;

/// Whether the ASCII `word` is a starter in any casing (`and`, `AND`, `And`): the
/// same answer as looking its title-cased form up, without building it.
pub(crate) fn is_ascii_starter_any_case(word: &[u8]) -> bool {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    let Some(key) = ascii_key(word) else {
        return false;
    };
    KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = STARTERS
            .iter()
            .filter(|s| s.is_ascii())
            .filter_map(|s| ascii_key(s.as_bytes()))
            .collect();
        keys.sort_unstable();
        keys
    })
    .binary_search(&key)
    .is_ok()
}

/// An ASCII word of letters only, lower-cased and packed into a `u64`; `None` when it
/// has another byte or is too long to be a starter.
fn ascii_key(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > MAX_ASCII_STARTER_LEN {
        return None;
    }
    word.iter().try_fold(0u64, |key, &b| {
        b.is_ascii_alphabetic()
            .then(|| key << 8 | u64::from(b.to_ascii_lowercase()))
    })
}

/// Whether `word` is the Urdu name of a Latin letter.
pub(crate) fn is_urdu_letter_name(word: &str) -> bool {
    URDU_LETTER_NAMES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::casing::title_case;

    /// The packed lookup answers as the title-cased one would, for every ASCII
    /// starter in every casing and for near misses.
    #[test]
    fn ascii_starters_in_any_case() {
        let mut buf = [0u8; 16];
        for s in STARTERS.iter().filter(|s| s.is_ascii()) {
            assert!(s.len() <= MAX_ASCII_STARTER_LEN, "{s}");
            assert_eq!(title_case(s, &mut buf), None, "{s} is not in title case");
            for w in [s.to_string(), s.to_lowercase(), s.to_uppercase()] {
                assert!(is_ascii_starter_any_case(w.as_bytes()), "{w}");
            }
        }
        for w in [
            "an",
            "th",
            "andy",
            "and,",
            "",
            "\0a",
            "millions1",
            "However!",
        ] {
            let titled = title_case(w, &mut buf).unwrap_or(w).to_string();
            assert_eq!(
                is_ascii_starter_any_case(w.as_bytes()),
                is_starter(&titled),
                "{w}"
            );
        }
        assert!(STARTERS.iter().all(|s| s.len() <= MAX_STARTER_LEN));
    }
}
