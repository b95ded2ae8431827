//! Match keys: the form in which two words are compared.
//!
//! The text a user sees is never altered; terms are counted by their key. A key is
//! built in three steps:
//!
//! 1. **NFKC**, so that compatibility forms (ligatures, full-width Latin, Arabic
//!    presentation forms) and composed or decomposed spellings compare equal;
//! 2. a small **Arabic-script fold**, after composition (so that `ئ`, which
//!    decomposes to Arabic yeh + hamza, keeps its hamza):
//!    - Arabic yeh `ي` and alef maksura `ى` → Farsi yeh `ی`; Arabic kaf `ك` → keheh `ک`;
//!    - heh `ه` and its variants `ە ۀ ۂ` → heh goal `ہ`, but **not** do-chashmi heh
//!      `ھ`: `کھا` (ate) is not `کہا` (said);
//!    - teh marbuta `ة` → `ۃ`;
//!    - tatweel, harakat (U+064B–U+065F), superscript alef (U+0670), Quranic marks and
//!      zero-width or bidirectional format characters (ZWNJ, ZWJ, LRM, RLM, soft
//!      hyphen, …) are dropped;
//!    - Arabic-Indic, Extended Arabic-Indic and Devanagari digits → ASCII digits;
//! 3. **lowercase**.
//!
//! A word that is already its own key is borrowed, not copied: ASCII lowercase
//! words cost one pass over their bytes, and other words one pass over their
//! characters.

use crate::script::{han_unified, hangul_syllables};
use crate::util::tables::{two_byte_table, TWO_BYTE_END};
use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The match key of a word: NFKC, then the Arabic-script fold, then lowercase.
///
/// Borrows when the word is already its own key, which is the common case for
/// running text, so most tokens cost no allocation.
///
/// ```
/// use salience::match_key as key;
/// use std::borrow::Cow;
///
/// assert_eq!(key("Summit"), "summit");
/// assert!(matches!(key("summit"), Cow::Borrowed(_)));
/// // Arabic letter forms and Urdu letter forms give the same key …
/// assert_eq!(key("پاكستاني"), key("پاکستانی"));
/// // … harakat and tatweel are dropped, digits become ASCII …
/// assert_eq!(key("مُـحَمَّد"), "محمد");
/// assert_eq!(key("۲۰۲۴"), "2024");
/// // … but do-chashmi heh stays apart from heh goal.
/// assert_ne!(key("کھا"), key("کہا"));
/// // NFKC: the ligature ﬁ is "fi", full-width letters are ASCII.
/// assert_eq!(key("ﬁle"), "file");
/// assert_eq!(key("ＡＢＣ"), "abc");
/// ```
pub fn key(word: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if key_into(word, &mut out) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(out)
    }
}

/// [`key`] into a buffer that the caller reuses: `true` when `word` is its own key
/// (`out` is left alone), else `false` with the key in `out`.
#[inline(always)]
pub(crate) fn key_into(word: &str, out: &mut String) -> bool {
    // One pass for the common case, ASCII without capitals; the rest out of line.
    !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        || key_of_other(word, out)
}

/// [`key_into`] for a word with a capital or a character beyond ASCII.
fn key_of_other(word: &str, out: &mut String) -> bool {
    if word.is_ascii() {
        out.clear();
        out.push_str(word);
        out.make_ascii_lowercase();
        return false;
    }
    match fast_key(word) {
        FastKey::Own => true,
        FastKey::Lower => {
            out.clear();
            out.extend(word.chars().map(|c| match fast(c).lower_delta() {
                0 => c,
                delta => char::from_u32(u32::from(c) + delta).unwrap_or(c),
            }));
            false
        }
        FastKey::Slow if is_own_key_slow(word) => true,
        FastKey::Slow => {
            *out = build_key(word);
            false
        }
    }
}

/// What the range test ([`fast`]) tells of a word (not all ASCII).
enum FastKey {
    /// The word is its own key.
    Own,
    /// Its key is the word with its [`Fast::Upper`] letters lowercased.
    Lower,
    /// Ask the Unicode tables ([`is_own_key_slow`], [`build_key`]).
    Slow,
}

/// Letters of the common scripts are decided by range ([`fast`]): a word of stable
/// characters (at most one combining mark between them) is its own key, and one that
/// also has simple capitals (`Don’t`, `Natásha`, `Москва`) only needs them lowercased,
/// since their small letters are stable too. A word with any other character needs the
/// full check.
fn fast_key(word: &str) -> FastKey {
    let mut after_mark = false;
    let mut upper = false;
    for c in word.chars() {
        match fast(c) {
            Fast::Stable => after_mark = false,
            Fast::Upper20 | Fast::Upper50 => {
                after_mark = false;
                upper = true;
            }
            // One combining mark between starters is in canonical order.
            Fast::Mark if !after_mark => after_mark = true,
            _ => return FastKey::Slow,
        }
    }
    if upper {
        FastKey::Lower
    } else {
        FastKey::Own
    }
}

/// Whether `word` (not all ASCII) is already its own key: no character to fold or
/// lowercase, and NFKC-normalized.
#[cfg(test)]
fn is_own_key(word: &str) -> bool {
    match fast_key(word) {
        FastKey::Own => true,
        FastKey::Lower => false,
        FastKey::Slow => is_own_key_slow(word),
    }
}

/// How a character stands with respect to its own key, as far as a range test
/// can tell.
#[derive(Clone, Copy)]
enum Fast {
    /// Canonical combining class 0, NFKC quick check "yes", not folded, not
    /// changed by lowercasing: the character is its own key.
    Stable,
    /// A capital whose lowercase (0x20 further on in code points) is
    /// [`Fast::Stable`] and which is otherwise stable: ASCII, Latin-1 and Cyrillic
    /// capitals.
    Upper20,
    /// The same, 0x50 further on: the Cyrillic capitals `Ѐ`–`Џ`.
    Upper50,
    /// A combining mark (non-zero class) with NFKC quick check "yes" that is not
    /// folded (the Devanagari virama).
    Mark,
    /// Anything else: ask the Unicode tables.
    Unknown,
}

impl Fast {
    /// How far on in code points the lowercase of a capital is (0 for the rest).
    fn lower_delta(self) -> u32 {
        match self {
            Fast::Upper20 => 0x20,
            Fast::Upper50 => 0x50,
            _ => 0,
        }
    }
}

/// Code points below this (ASCII and every two-byte UTF-8 character) are looked
/// up in [`FAST_TABLE`].
const FAST_TABLE_END: usize = TWO_BYTE_END;

/// [`fast_by_range`] below [`FAST_TABLE_END`], built at compile time (so its
/// indexing cannot panic at run time).
#[allow(clippy::indexing_slicing)]
static FAST_TABLE: [Fast; FAST_TABLE_END] = two_byte_table!(Fast::Unknown, fast_by_range);

/// The range test behind [`is_own_key`]: one table look-up for the characters of
/// one or two UTF-8 bytes, the ranges for the rest.
#[inline]
fn fast(c: char) -> Fast {
    let code = u32::from(c);
    match FAST_TABLE.get(code as usize) {
        Some(&class) => class,
        None => fast_by_range(code),
    }
}

/// Whether the character `code` is its own key wherever it stands in a word
/// ([`Fast::Stable`]): a word made only of such characters is its own key.
pub(crate) const fn is_stable(code: u32) -> bool {
    matches!(fast_by_range(code), Fast::Stable)
}

/// The ranges behind [`fast`]. Every range holds only starters whose NFKC quick
/// check is "yes" (no compatibility decomposition, not excluded from composition,
/// not the second half of a composition) and that the fold and lowercasing leave
/// alone.
const fn fast_by_range(code: u32) -> Fast {
    match code {
        // ASCII but upper case; Latin-1 lower case
        0x00..=0x40 | 0x5B..=0x7F | 0xDF..=0xF6 | 0xF8..=0xFF => Fast::Stable,
        // ASCII, Latin-1 and Cyrillic capitals
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => Fast::Upper20,
        0x400..=0x40F => Fast::Upper50,
        // Typographic quotes (’ and ‘ join the letters of a word)
        0x2018..=0x2019 | 0x201C..=0x201D => Fast::Stable,
        // Greek and Cyrillic lower case
        0x3AC..=0x3CE | 0x430..=0x45F => Fast::Stable,
        // Arabic-script letters, less those the fold changes (ي ى ك ه ة ە ۀ ۂ and
        // the digits) and the compatibility letters U+0675–U+0678
        0x621..=0x628
        | 0x62A..=0x63A
        | 0x641..=0x642
        | 0x644..=0x646
        | 0x648
        | 0x66E..=0x66F
        | 0x671..=0x674
        | 0x679..=0x6BF
        | 0x6C1
        | 0x6C3..=0x6D3
        | 0x6EE..=0x6EF
        | 0x6FA..=0x6FF => Fast::Stable,
        // Devanagari, less the nukta (which composes), the nukta letters excluded
        // from composition (U+0958–U+095F), the accents and the digits
        0x900..=0x93B
        | 0x93D..=0x94C
        | 0x94E..=0x950
        | 0x955..=0x957
        | 0x960..=0x965
        | 0x970..=0x97F => Fast::Stable,
        0x94D => Fast::Mark,
        // Han, hiragana and katakana without voicing marks, Hangul syllables
        han_unified!()
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x30FC..=0x30FE
        | hangul_syllables!() => Fast::Stable,
        _ => Fast::Unknown,
    }
}

/// The full check behind [`is_own_key`]: fold, case and the NFKC quick check.
fn is_own_key_slow(word: &str) -> bool {
    let mut plain = true;
    let checked = word.chars().inspect(|&c| {
        if !matches!(fold(c), Fold::Keep) || changes_case(c) {
            plain = false;
        }
    });
    let normalized = is_nfkc_quick(checked) == IsNormalized::Yes;
    plain && normalized
}

/// Builds the key of a word that is not its own key.
fn build_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = false;
    for c in word.nfkc() {
        match fold(c) {
            Fold::Keep => {
                upper |= changes_case(c);
                out.push(c);
            }
            Fold::To(to) => out.push(to),
            Fold::Drop => {}
        }
    }
    if upper {
        out.to_lowercase()
    } else {
        out
    }
}

/// What the Arabic-script fold does with one character.
enum Fold {
    Keep,
    To(char),
    Drop,
}

/// The Arabic-script fold (and digit and format-character folds) of one character.
fn fold(c: char) -> Fold {
    let code = u32::from(c);
    if code < 0xAD {
        return Fold::Keep;
    }
    match c {
        // yeh and alef maksura → Farsi yeh; kaf → keheh
        '\u{64A}' | '\u{649}' => Fold::To('\u{6CC}'),
        '\u{643}' => Fold::To('\u{6A9}'),
        // heh, ae, heh with yeh above, heh goal with hamza above → heh goal
        // (do-chashmi heh U+06BE is a different letter and stays)
        '\u{647}' | '\u{6D5}' | '\u{6C0}' | '\u{6C2}' => Fold::To('\u{6C1}'),
        // teh marbuta → teh marbuta goal
        '\u{629}' => Fold::To('\u{6C3}'),
        // digits → ASCII
        '\u{660}'..='\u{669}' => digit(code - 0x660),
        '\u{6F0}'..='\u{6F9}' => digit(code - 0x6F0),
        '\u{966}'..='\u{96F}' => digit(code - 0x966),
        // tatweel, harakat, superscript alef, Quranic marks
        '\u{640}'
        | '\u{64B}'..='\u{65F}'
        | '\u{670}'
        | '\u{610}'..='\u{61A}'
        | '\u{6D6}'..='\u{6DC}'
        | '\u{6DF}'..='\u{6E4}'
        | '\u{6E7}'
        | '\u{6E8}'
        | '\u{6EA}'..='\u{6ED}'
        // zero-width and bidirectional format characters, soft hyphen
        | '\u{AD}'
        | '\u{61C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// The ASCII digit with value `value` (0–9).
fn digit(value: u32) -> Fold {
    char::from_digit(value, 10).map_or(Fold::Keep, Fold::To)
}

/// Whether lowercasing changes `c`; uncased scripts are skipped without a lookup.
fn changes_case(c: char) -> bool {
    match u32::from(c) {
        0x0590..=0x109F | 0x1100..=0x139F | 0x2E80..=0xA63F | 0xAC00..=0xD7FF => false,
        _ => c.is_uppercase() || is_titlecase(c),
    }
}

/// Title-case letters (`ǅ`, `ᾈ`): not upper case, but changed by lowercasing.
fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        '\u{1C5}'
            | '\u{1C8}'
            | '\u{1CB}'
            | '\u{1F2}'
            | '\u{1F88}'..='\u{1F8F}'
            | '\u{1F98}'..='\u{1F9F}'
            | '\u{1FA8}'..='\u{1FAF}'
            | '\u{1FBC}'
            | '\u{1FCC}'
            | '\u{1FFC}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_letter_forms_to_urdu() {
        // Arabic yeh, kaf and heh against Urdu yeh, keheh and heh goal.
        assert_eq!(key("كيا"), key("کیا"));
        assert_eq!(key("شهر"), key("شہر"));
        assert_eq!(key("مدرسة"), key("مدرسۃ"));
        assert_eq!(key("علىٰ"), "علی");
    }

    #[test]
    fn keeps_do_chashmi_heh() {
        assert_eq!(key("کھا"), "کھا");
        assert_ne!(key("کھا"), key("کہا"));
        assert_ne!(key("بھی"), key("بہی"));
    }

    #[test]
    fn folds_after_composition() {
        // ئ written as Arabic yeh + hamza above composes to U+0626 and keeps it.
        assert_eq!(key("\u{64A}\u{654}"), "\u{626}");
        assert_eq!(key("\u{626}"), "\u{626}");
        // آ as alef + madda composes to U+0622.
        assert_eq!(key("\u{627}\u{653}"), "\u{622}");
    }

    #[test]
    fn drops_format_characters() {
        assert_eq!(key("می\u{200C}خواهم"), key("میخواهم"));
        assert_eq!(key("co\u{AD}operate"), "cooperate");
        assert_eq!(key("\u{FEFF}word"), "word");
    }

    #[test]
    fn digits_become_ascii() {
        assert_eq!(key("١٢٣"), "123");
        assert_eq!(key("۱۲۳"), "123");
        assert_eq!(key("१२३"), "123");
    }

    #[test]
    fn borrows_own_keys() {
        for word in ["summit", "پاکستان", "शिखर", "саммит", "峰会", "café"]
        {
            assert!(matches!(key(word), Cow::Borrowed(_)), "{word}");
        }
        for word in ["Summit", "پاكستان", "Саммит", "ＡＢＣ", "cafe\u{301}"] {
            assert!(matches!(key(word), Cow::Owned(_)), "{word}");
        }
    }

    #[test]
    fn lowercases_every_cased_script() {
        assert_eq!(key("ΣΟΦΙΑ"), "σοφια");
        assert_eq!(key("ǅemal"), "džemal");
        assert_eq!(key("Ärger"), "ärger");
        assert_eq!(key("ПРИВЕТ"), "привет");
    }

    #[test]
    fn fast_ranges_agree_with_the_full_check() {
        let ranges = [
            0x00..0x800,
            0x900..0x980,
            0x3040..0x3100,
            0x2000..0x2070,
            0x3400..0x4DC0,
            0x4E00..0xA000,
            0xAC00..0xD7A4,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(is_stable(u32::from(c)), matches!(fast(c), Fast::Stable));
            match fast(c) {
                Fast::Stable => {
                    assert!(is_own_key_slow(&s), "U+{:04X}", u32::from(c));
                    // A stable character stays stable next to another.
                    let pair = format!("{c}{c}");
                    assert!(is_own_key_slow(&pair), "U+{:04X} twice", u32::from(c));
                }
                Fast::Upper20 | Fast::Upper50 => {
                    let s = format!("{c}é");
                    let lower = char::from_u32(u32::from(c) + fast(c).lower_delta()).unwrap_or(c);
                    assert!(!is_own_key_slow(&s), "U+{:04X}", u32::from(c));
                    assert_eq!(build_key(&s), format!("{lower}é"), "U+{:04X}", u32::from(c));
                    assert!(
                        matches!(fast(lower), Fast::Stable),
                        "U+{:04X}",
                        u32::from(c)
                    );
                }
                Fast::Mark => assert!(is_own_key_slow(&format!("क{c}ष")), "U+{:04X}", u32::from(c)),
                Fast::Unknown => {}
            }
        }
    }

    #[test]
    fn fast_and_slow_paths_agree_on_words() {
        for word in [
            "پاکستان",
            "پاكستان",
            "शिखर",
            "क़िला",
            "संयंत्र",
            "саммит",
            "峰会",
            "がっこう",
            "か\u{3099}",
            "ﾊﾟﾝ",
            "한국어",
            "naïve",
            "Naïve",
            "ﬁ",
            "ٵ",
            "ۂ",
            "آ",
            "\u{627}\u{653}",
            "Don’t",
            "Natásha",
            "ÀÉÎÕÜÞ",
            "Москва",
            "ЁЖИК",
            "Ќ\u{301}",
            "A\u{301}",
            "É\u{301}\u{301}",
        ] {
            assert_eq!(is_own_key(word), is_own_key_slow(word), "{word}");
            let mut out = String::new();
            let own = key_into(word, &mut out);
            let want = build_key(word);
            assert_eq!(if own { word } else { out.as_str() }, want, "{word}");
        }
    }

    proptest::proptest! {
        /// The fast paths give the key of the full rules.
        #[test]
        fn fast_keys_are_full_keys(word in "[a-zA-Z’‘“ÀÉÞßàéþ×ЀЏАЯаяёΣσ\u{301}\u{308}\u{94d}कﬁ]{1,8}") {
            let want = if is_own_key_slow(&word) { word.clone() } else { build_key(&word) };
            proptest::prop_assert_eq!(key(&word), want.as_str());
        }
    }

    #[test]
    fn keys_are_idempotent() {
        for word in ["Café", "پاكستاني", "مُـحَمَّد", "ﬁle", "ΣΟΦΙΑ", "۲۰۲۴", "ǅemal"]
        {
            let once = key(word).into_owned();
            assert_eq!(key(&once), once.as_str(), "{word}");
        }
    }
}
