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
    static TABLE: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| STARTERS.iter().copied().collect())
        .contains(word)
}

/// Whether `word` is the Urdu name of a Latin letter.
pub(crate) fn is_urdu_letter_name(word: &str) -> bool {
    URDU_LETTER_NAMES.contains(&word)
}
