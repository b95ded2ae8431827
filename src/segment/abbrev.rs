//! The abbreviation lists of the repair pass: a universal list and one list per
//! language, read from the data files in `lists/` (see `lists/README.md` for the
//! format and the sources) and parsed once into one table.
//!
//! Entries are match forms: lowercase, without the final period (`"e.g"` for
//! `e.g.`). Each entry tells, per language, what kind of abbreviation it is:
//!
//! - [`Kind::Title`]: stands before a name (`Mr.`, `Dr.`, `डॉ.`, `د.`); a sentence
//!   does not end after it.
//! - [`Kind::Number`]: stands before a number (`p. 55`, `No. 5`, `Nr. 3`); no break
//!   when a digit follows, a break otherwise (`I said no. Everyone left.`).
//! - [`Kind::Final`]: often ends a sentence (`etc.`, `usw.`, `ecc.`, `т.д.`): a
//!   break before a capital or a sentence starter.
//! - [`Kind::General`]: everything else (`Co.`, `z.B.`, `bl.a.`); no break unless
//!   the next word is a common sentence starter of any language (`The`, `Der`, …).
//!
//! A word listed in some languages only (English `art.`, `no.`, `min.`) counts only
//! in a text of one of them; [`Langs`] detects the text's language the first time a
//! boundary depends on it, so most texts are never detected here. Without a
//! language (a text no detection recognises) every list applies, as one union.

use crate::lang::{Language, Likely};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// How an abbreviation affects a following sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Stands before a name: never ends a sentence.
    Title,
    /// Stands before a number: no break when a digit follows, a break otherwise.
    Number,
    /// Often ends a sentence: a break before a capital or a sentence starter.
    Final,
    /// Ends a sentence only when a sentence starter follows.
    General,
}

/// The kinds in the order they win when a word has several (in the languages that
/// apply): titles over number words over final words over the rest.
const KINDS: [Kind; 4] = [Kind::Title, Kind::Number, Kind::Final, Kind::General];

/// Every language of the lists.
const ALL: u64 = u64::MAX;

/// The data files: the universal list first, then one per language code.
const FILES: &[(&str, &str)] = &[
    ("*", include_str!("lists/universal.txt")),
    ("am", include_str!("lists/am.txt")),
    ("ar", include_str!("lists/ar.txt")),
    ("bg", include_str!("lists/bg.txt")),
    ("bn", include_str!("lists/bn.txt")),
    ("cs", include_str!("lists/cs.txt")),
    ("da", include_str!("lists/da.txt")),
    ("de", include_str!("lists/de.txt")),
    ("el", include_str!("lists/el.txt")),
    ("en", include_str!("lists/en.txt")),
    ("es", include_str!("lists/es.txt")),
    ("fa", include_str!("lists/fa.txt")),
    ("fi", include_str!("lists/fi.txt")),
    ("fr", include_str!("lists/fr.txt")),
    ("gu", include_str!("lists/gu.txt")),
    ("ha", include_str!("lists/ha.txt")),
    ("he", include_str!("lists/he.txt")),
    ("hi", include_str!("lists/hi.txt")),
    ("hu", include_str!("lists/hu.txt")),
    ("hy", include_str!("lists/hy.txt")),
    ("id", include_str!("lists/id.txt")),
    ("it", include_str!("lists/it.txt")),
    ("ja", include_str!("lists/ja.txt")),
    ("kk", include_str!("lists/kk.txt")),
    ("ko", include_str!("lists/ko.txt")),
    ("mr", include_str!("lists/mr.txt")),
    ("ms", include_str!("lists/ms.txt")),
    ("my", include_str!("lists/my.txt")),
    ("nl", include_str!("lists/nl.txt")),
    ("pl", include_str!("lists/pl.txt")),
    ("pt", include_str!("lists/pt.txt")),
    ("ro", include_str!("lists/ro.txt")),
    ("ru", include_str!("lists/ru.txt")),
    ("sk", include_str!("lists/sk.txt")),
    ("sv", include_str!("lists/sv.txt")),
    ("sw", include_str!("lists/sw.txt")),
    ("ta", include_str!("lists/ta.txt")),
    ("th", include_str!("lists/th.txt")),
    ("tl", include_str!("lists/tl.txt")),
    ("tr", include_str!("lists/tr.txt")),
    ("uk", include_str!("lists/uk.txt")),
    ("ur", include_str!("lists/ur.txt")),
    ("vi", include_str!("lists/vi.txt")),
    ("zh", include_str!("lists/zh.txt")),
];

/// One word of the lists: the languages (as [`Language::bit`] sets) in which it is
/// each kind of abbreviation, an ordinal noun, a sentence starter, or a Latin letter
/// spelled out.
#[derive(Debug, Default, Clone, Copy)]
struct Entry {
    /// By [`KINDS`] order.
    kinds: [u64; 4],
    /// Follows an ordinal number (`3. Oktober`, `20. Jahrhundert`).
    ordinal: u64,
    /// Begins a sentence after a general abbreviation.
    starter: u64,
    /// The name of a Latin letter spelled in the script (Urdu `پی۔ ایچ۔ ڈی`).
    letter: u64,
}

impl Entry {
    /// The kind of the entry in the languages of `mask` (those of the universal
    /// list in every one), by the order of [`KINDS`].
    fn kind_in(&self, mask: u64) -> Option<Kind> {
        KINDS
            .iter()
            .zip(self.kinds)
            .find(|(_, set)| *set == ALL || set & mask != 0)
            .map(|(kind, _)| *kind)
    }

    /// What `decide` answers for every kind the entry may have in one text (and for
    /// none, when some language lists it as no kind), if that is one answer.
    fn same_decision<R: PartialEq>(&self, decide: impl Fn(Option<Kind>) -> R) -> Option<R> {
        let listed = self.kinds.iter().fold(0, |all, set| all | set);
        let unlisted = (listed != ALL).then_some(None);
        let mut kinds = KINDS
            .iter()
            .zip(self.kinds)
            .filter(|(_, set)| *set != 0)
            .map(|(kind, _)| Some(*kind))
            .chain(unlisted);
        let first = decide(kinds.next()?);
        kinds.all(|kind| decide(kind) == first).then_some(first)
    }
}

/// The parsed lists, and the longest entry in bytes.
struct Lists {
    words: FxHashMap<&'static str, Entry>,
    longest: usize,
    /// The first bytes of the sentence starters.
    starter_leads: [bool; 256],
}

/// A problem in a data file, found by the test that parses them all.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ListError(pub(crate) String);

/// Parses the data files into one table: `Err` names the first bad line.
fn parse(files: &[(&'static str, &'static str)]) -> Result<Lists, ListError> {
    let mut words: FxHashMap<&'static str, Entry> = FxHashMap::default();
    let mut longest = 0;
    for &(code, data) in files {
        let bit = if code == "*" {
            ALL
        } else {
            Language::from_code(code)
                .map_err(|_| ListError(format!("{code}: not a supported language")))?
                .bit()
        };
        for (n, line) in data.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let Some((field, list)) = line.split_once(':') else {
                return Err(ListError(format!("{code}:{}: no `field:`", n + 1)));
            };
            for word in list.split_whitespace() {
                if word.to_lowercase() != word || word.ends_with('.') {
                    return Err(ListError(format!(
                        "{code}:{}: `{word}` is not a match form",
                        n + 1
                    )));
                }
                let entry = words.entry(word).or_default();
                let set = match field.trim() {
                    "title" => &mut entry.kinds[0],
                    "number" => &mut entry.kinds[1],
                    "final" => &mut entry.kinds[2],
                    "general" => &mut entry.kinds[3],
                    "ordinal" => &mut entry.ordinal,
                    "starter" => &mut entry.starter,
                    "letter" => &mut entry.letter,
                    other => {
                        return Err(ListError(format!(
                            "{code}:{}: unknown field `{other}`",
                            n + 1
                        )))
                    }
                };
                *set |= bit;
                longest = longest.max(word.len());
            }
        }
    }
    let mut starter_leads = [false; 256];
    for (word, entry) in &words {
        let lead = word
            .as_bytes()
            .first()
            .and_then(|&b| starter_leads.get_mut(usize::from(b)));
        if let (Some(lead), true) = (lead, entry.starter != 0) {
            *lead = true;
        }
    }
    Ok(Lists {
        words,
        longest,
        starter_leads,
    })
}

/// The lists, parsed on first use (a bad data file, which the tests rule out,
/// would give empty lists rather than a panic).
fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        parse(FILES).unwrap_or_else(|_| Lists {
            words: FxHashMap::default(),
            longest: 0,
            starter_leads: [false; 256],
        })
    })
}

/// The longest entry, in bytes; longer tokens are not looked up.
pub(crate) fn max_len() -> usize {
    lists().longest
}

/// Whether `word`, in any case and after any leading punctuation, may be a sentence
/// starter as far as its bytes tell: a word made only of characters of caseless
/// scripts (the same lower-cased) whose lead bytes start no starter is none. Spares
/// the case and letter tables, slow for those scripts, where no starter is listed.
pub(crate) fn may_be_starter(word: &str) -> bool {
    let leads = &lists().starter_leads;
    !word.bytes().all(|b| {
        (0x80..0xC0).contains(&b)
            || (super::casing::is_caseless_lead(b)
                && !leads.get(usize::from(b)).copied().unwrap_or(true))
    })
}

/// Whether `word` (lowercase) commonly begins a sentence in one of the languages.
pub(crate) fn is_starter(word: &str) -> bool {
    lists().words.get(word).is_some_and(|e| e.starter != 0)
}

/// The languages whose lists apply to one text: the given one, or the one detected
/// from the text the first time a boundary depends on it; every language when none
/// is given or detected.
pub(crate) struct Langs<'t> {
    text: &'t str,
    given: Option<Language>,
    /// The detected language and the set of those the text may be in.
    detected: OnceCell<Option<Likely>>,
}

impl<'t> Langs<'t> {
    /// The lists of `language`, or of the language detected from `text` when `None`.
    pub(crate) fn new(text: &'t str, language: Option<Language>) -> Langs<'t> {
        Langs {
            text,
            given: language,
            detected: OnceCell::new(),
        }
    }

    /// The language [`Language::detect`] finds, if detection here ran and settled
    /// it as that would (`Some(None)`: the text has no language); `None` when the
    /// language was given, never needed, or only guessed from the first words.
    pub(crate) fn detected(&self) -> Option<Option<Language>> {
        match self.detected.get()? {
            None => Some(None),
            Some(likely) => likely.exact.then_some(Some(likely.language)),
        }
    }

    /// The language whose lists apply first and the set of those that apply when
    /// it lists nothing: the given language alone; or the detected one and those
    /// the text may be in (a short text shares its stopwords with several); or
    /// every language.
    fn masks(&self) -> (u64, u64) {
        match self.given {
            Some(language) => (language.bit(), language.bit()),
            None => self
                .detected
                .get_or_init(|| Language::detect_likely(self.text))
                .map_or((ALL, ALL), |likely| (likely.language.bit(), likely.set)),
        }
    }

    /// Whether any of the languages in `set` applies; detects only when `set` is
    /// neither empty nor every language.
    fn applies(&self, set: u64) -> bool {
        match set {
            0 => false,
            ALL => true,
            _ => set & self.masks().1 != 0,
        }
    }

    /// `decide` applied to the kind of the abbreviation `token` (already lowercase,
    /// without its final period) in the text's language (`None` when it is none
    /// there): as the detected language lists it, or else as the languages the text
    /// may be in do. Detection runs only when the kinds the token has in some
    /// language do not all decide alike.
    pub(crate) fn decide<R: PartialEq>(
        &self,
        token: &str,
        decide: impl Fn(Option<Kind>) -> R,
    ) -> R {
        let Some(entry) = lists().words.get(token) else {
            return decide(None);
        };
        if entry.kinds.iter().all(|&set| set == 0 || set == ALL) {
            return decide(entry.kind_in(0));
        }
        if self.given.is_none() && self.detected.get().is_none() {
            if let Some(same) = entry.same_decision(&decide) {
                return same;
            }
        }
        let (first, likely) = self.masks();
        decide(entry.kind_in(first).or_else(|| entry.kind_in(likely)))
    }

    /// Whether `word` (lowercase) commonly begins a sentence in one of the
    /// languages. The starters of every language count, so that this never needs
    /// detection: a starter of one language is rarely a word after an abbreviation
    /// in another.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        is_starter(word)
    }

    /// Whether `word` (lowercase) follows an ordinal number in the text's language
    /// (`3. Oktober`, `3. oktober`, `20. Jahrhundert`).
    pub(crate) fn is_ordinal_noun(&self, word: &str) -> bool {
        lists()
            .words
            .get(word)
            .is_some_and(|e| self.applies(e.ordinal))
    }

    /// Whether `word` is the name of a Latin letter spelled in a script (Urdu);
    /// such names are looked up in every text, as they can only occur in their
    /// script.
    pub(crate) fn is_letter_name(&self, word: &str) -> bool {
        lists().words.get(word).is_some_and(|e| e.letter != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses() {
        assert!(parse(FILES).is_ok(), "{:?}", parse(FILES).err());
        assert!(max_len() >= 4);
    }

    #[test]
    fn every_supported_language_has_a_data_file() {
        for language in Language::all() {
            assert!(
                FILES.iter().any(|(code, _)| *code == language.code()),
                "no lists/{}.txt",
                language.code()
            );
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        for bad in ["title mr", "title: Mr", "title: mr.", "colour: red"] {
            assert!(parse(&[("en", bad)]).is_err(), "{bad}");
        }
        assert!(parse(&[("xx", "title: mr")]).is_err());
    }

    #[test]
    fn lists_are_chosen_by_language() {
        let english = Langs::new("", Some(Language::English));
        let german = Langs::new("", Some(Language::German));
        assert_eq!(english.decide("no", |k| k), Some(Kind::Number));
        assert_eq!(german.decide("no", |k| k), None);
        assert_eq!(german.decide("bzw", |k| k), Some(Kind::General));
        assert_eq!(english.decide("bzw", |k| k), None);
        // The universal list applies in every language, and titles win.
        assert_eq!(german.decide("dr", |k| k), Some(Kind::Title));
        assert!(german.is_ordinal_noun("oktober"));
        assert!(!english.is_ordinal_noun("october"));
        assert!(english.is_starter("the") && german.is_starter("der"));
        // A text no detection recognises gets every list.
        let unknown = Langs::new("1234", None);
        assert_eq!(unknown.decide("bzw", |k| k), Some(Kind::General));
        assert_eq!(unknown.detected(), Some(None));
    }

    #[test]
    fn detection_runs_only_when_a_list_depends_on_it() {
        let langs = Langs::new("Das ist ein Text. Und noch einer.", None);
        assert_eq!(langs.decide("dr", |k| k), Some(Kind::Title));
        assert_eq!(langs.decide("qqq", |k| k), None);
        assert_eq!(langs.detected(), None);
        assert_eq!(langs.decide("bzw", |k| k), Some(Kind::General));
        assert_eq!(langs.detected(), Some(Some(Language::German)));
        let urdu = Langs::new("یہ ایک جملہ ہے۔", None);
        assert_eq!(urdu.decide("bzw", |k| k), None);
        assert_eq!(urdu.detected(), Some(Some(Language::Urdu)));
    }

    #[test]
    fn detection_is_skipped_when_every_kind_decides_alike() {
        let langs = Langs::new("Das ist ein Text. Und noch einer.", None);
        // `bzw` is a general abbreviation in German and none elsewhere: a caller
        // that treats both alike needs no language.
        assert!(langs.decide("bzw", |_| true));
        assert_eq!(langs.detected(), None);
        assert!(langs.decide("bzw", |k| k.is_some()));
        assert_eq!(langs.detected(), Some(Some(Language::German)));
    }
}
