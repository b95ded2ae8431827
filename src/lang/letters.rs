//! Letter counts by script, and the letters that tell languages of one script apart.

use super::Language;
use crate::script::{script_of, Script};
use crate::util::tables::{two_byte_table, TWO_BYTE_END};

const SCRIPTS: [Script; 17] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Hebrew,
    Script::Arabic,
    Script::Devanagari,
    Script::Bengali,
    Script::Gujarati,
    Script::Tamil,
    Script::Thai,
    Script::Armenian,
    Script::Ethiopic,
    Script::Myanmar,
    Script::Hangul,
    Script::Kana,
    Script::Han,
    Script::Other,
];

/// Letters that mark one language among those sharing a script.
#[derive(Debug, Clone, Copy)]
enum Cue {
    /// `ے ں ٹ ڈ ڑ ھ ہ`: Urdu, not Persian or Arabic.
    Urdu,
    /// `پ چ ژ گ`: Persian or Urdu, not Arabic.
    Farsi,
    /// `ة`: Arabic (Urdu and Persian write it only in Arabic words, or for `ۃ`).
    Arabic,
    /// `і ї є ґ`: Ukrainian.
    Ukrainian,
    /// `ы э ё`: Russian.
    Russian,
    /// `ळ`: Marathi (rare in Hindi).
    Marathi,
    /// Latin letters with the stacked diacritics of Vietnamese.
    Vietnamese,
    /// `ә ғ қ ң ө ұ ү һ`: Kazakh.
    Kazakh,
}

const CUES: usize = 8;

/// Letter counts of a text sample, per script and per cue.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Counts {
    scripts: [usize; SCRIPTS.len()],
    cues: [usize; CUES],
}

impl Counts {
    /// The letters of `script`.
    pub(crate) fn get(&self, script: Script) -> usize {
        self.scripts.get(script as usize).copied().unwrap_or(0)
    }

    fn cue(&self, cue: Cue) -> usize {
        self.cues.get(cue as usize).copied().unwrap_or(0)
    }

    /// The script with the most letters (Han and kana counted together, reported as
    /// the larger of the two); `None` without letters or when unsupported scripts win.
    pub(crate) fn dominant(&self) -> Option<Script> {
        let cjk = self.get(Script::Han) + self.get(Script::Kana);
        let (mut best, mut best_count) = (Script::Other, self.get(Script::Other));
        for script in SCRIPTS {
            let count = match script {
                Script::Han | Script::Kana | Script::Other => continue,
                s => self.get(s),
            };
            if count > best_count {
                (best, best_count) = (script, count);
            }
        }
        if cjk > best_count {
            best = if self.get(Script::Kana) > self.get(Script::Han) {
                Script::Kana
            } else {
                Script::Han
            };
            best_count = cjk;
        }
        (best_count > 0 && best != Script::Other).then_some(best)
    }
}

/// Counts the letters of `sample` by script and cue.
pub(crate) fn count(sample: &str) -> Counts {
    let mut tally = Tally::default();
    let mut rest = sample;
    while !rest.is_empty() {
        // A run of ASCII at once (Latin letters), ...
        let (letters, run) = ascii_letters(rest.as_bytes());
        tally.ascii += letters;
        // ... then the letters of two bytes by table, ...
        let after = tally.two_byte_run(rest.as_bytes().get(run..).unwrap_or_default());
        let at = rest.len() - after.len();
        // ... then one other character.
        let Some(c) = rest.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        if c.is_ascii() {
            // The next run of ASCII starts here.
            rest = rest.get(at..).unwrap_or_default();
            continue;
        }
        rest = rest.get(at + c.len_utf8()..).unwrap_or_default();
        tally.add(c);
    }
    tally.counts()
}

/// [`Counts`] as it is being counted: ASCII letters, and the other letters by kind
/// ([`kind`]), so that each letter costs one increment.
#[derive(Default)]
struct Tally {
    ascii: usize,
    kinds: [usize; 32],
}

impl Tally {
    /// Counts a character beyond ASCII (ranges decide the common scripts,
    /// punctuation inside them counting too, which is harmless; only the rest asks
    /// the slower Unicode tables).
    fn add(&mut self, c: char) {
        let script = script_of(c);
        if script == Script::Other && !c.is_alphabetic() {
            return;
        }
        self.count(kind(script, cue_of(c)));
    }

    /// Counts one letter by its kind.
    #[inline]
    fn count(&mut self, kind: u8) {
        if let Some(n) = self.kinds.get_mut(usize::from(kind & 31)) {
            *n += 1;
        }
    }

    /// Counts the two-byte characters at the start of `bytes` (valid UTF-8) whose
    /// script the ranges decide, and the single ASCII bytes between them; returns
    /// the rest.
    fn two_byte_run<'b>(&mut self, mut bytes: &'b [u8]) -> &'b [u8] {
        loop {
            match *bytes {
                [lead @ 0xC0..=0xDF, trail, ref tail @ ..] => {
                    let code = (usize::from(lead & 0x1F) << 6) | usize::from(trail & 0x3F);
                    let kind = TWO_BYTE.get(code).copied().unwrap_or(ASK);
                    if kind == ASK {
                        return bytes;
                    }
                    self.count(kind);
                    bytes = tail;
                }
                [b, 0xC0..=0xDF, ..] if b.is_ascii() => {
                    self.ascii += usize::from(b.is_ascii_alphabetic());
                    bytes = bytes.get(1..).unwrap_or_default();
                }
                _ => return bytes,
            }
        }
    }

    /// The counts by script and by cue.
    fn counts(self) -> Counts {
        let mut counts = Counts::default();
        let cued = self.kinds.get(SCRIPTS.len()..).unwrap_or_default();
        for (to, &n) in counts.cues.iter_mut().zip(cued) {
            *to = n;
        }
        counts.scripts[0] = self.ascii;
        let uncued = SCRIPTS.into_iter().zip(self.kinds);
        let by_cue = CUE_LIST
            .into_iter()
            .map(cue_script)
            .zip(cued.iter().copied());
        for (script, n) in uncued.chain(by_cue) {
            if let Some(to) = counts.scripts.get_mut(script as usize) {
                *to += n;
            }
        }
        counts
    }
}

/// The kind of a letter of `script` with `cue`: the script for a letter without a
/// cue, else past the scripts, the cue (which tells the script).
const fn kind(script: Script, cue: Option<Cue>) -> u8 {
    match cue {
        Some(cue) => SCRIPTS.len() as u8 + cue as u8,
        None => script as u8,
    }
}

/// The cues in order.
const CUE_LIST: [Cue; CUES] = [
    Cue::Urdu,
    Cue::Farsi,
    Cue::Arabic,
    Cue::Ukrainian,
    Cue::Russian,
    Cue::Marathi,
    Cue::Vietnamese,
    Cue::Kazakh,
];

/// The script of the letters that give `cue`.
const fn cue_script(cue: Cue) -> Script {
    match cue {
        Cue::Urdu | Cue::Farsi | Cue::Arabic => Script::Arabic,
        Cue::Ukrainian | Cue::Russian | Cue::Kazakh => Script::Cyrillic,
        Cue::Marathi => Script::Devanagari,
        Cue::Vietnamese => Script::Latin,
    }
}

/// A [`TWO_BYTE`] entry for a character that [`Tally::add`] must look at: outside
/// the ranges of [`script_of`] (it may or may not be a letter).
const ASK: u8 = 0xFF;

/// For each character of one or two UTF-8 bytes (below 0x800): its [`kind`], or
/// [`ASK`].
#[allow(clippy::indexing_slicing)]
static TWO_BYTE: [u8; TWO_BYTE_END] = two_byte_table!(ASK, two_byte_kind);

/// The entry of [`TWO_BYTE`] for `code`: [`ASK`] for ASCII and for characters
/// outside the ranges of [`script_of`].
const fn two_byte_kind(code: u32) -> u8 {
    if code < 0x80 {
        return ASK;
    }
    match char::from_u32(code) {
        Some(c) if !matches!(script_of(c), Script::Other) => kind(script_of(c), cue_of(c)),
        _ => ASK,
    }
}

/// `0x01` in every byte.
const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
const HI: u64 = 0x8080_8080_8080_8080;

/// The ASCII letters of `bytes` before its first byte beyond ASCII, and that
/// byte's offset (the length when there is none): eight bytes at a time.
fn ascii_letters(bytes: &[u8]) -> (usize, usize) {
    let mut letters = 0;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & HI != 0 {
            break;
        }
        letters += letters_in_word(word);
        base += 8;
    }
    for (i, &b) in bytes.iter().enumerate().skip(base) {
        if !b.is_ascii() {
            return (letters, i);
        }
        letters += usize::from(b.is_ascii_alphabetic());
    }
    (letters, bytes.len())
}

/// The ASCII letters among the eight ASCII bytes of `word`: with the case bit set,
/// a letter is a byte from `a` (0x61) to `z` (0x7A); adding 0x80 keeps every byte's
/// subtraction from borrowing from the next.
#[inline]
fn letters_in_word(word: u64) -> usize {
    let folded = word | (LO * 0x20) | HI;
    let from_a = folded.wrapping_sub(LO * 0x61);
    let past_z = folded.wrapping_sub(LO * 0x7B);
    let letters = (from_a & !past_z & HI) >> 7;
    // The sum of the eight 0/1 bytes lands in the top byte.
    (letters.wrapping_mul(LO) >> 56) as usize
}

/// The cue that `c` gives, if any.
const fn cue_of(c: char) -> Option<Cue> {
    Some(match c {
        'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ھ' | 'ہ' | 'ۓ' => Cue::Urdu,
        'پ' | 'چ' | 'ژ' | 'گ' => Cue::Farsi,
        'ة' => Cue::Arabic,
        'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => Cue::Ukrainian,
        // Not `ъ`, which Bulgarian writes far more often than Russian.
        'ы' | 'э' | 'ё' | 'Ы' | 'Э' | 'Ё' => Cue::Russian,
        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү'
        | 'Һ' => Cue::Kazakh,
        'ळ' => Cue::Marathi,
        'ư' | 'ơ' | 'đ' | 'Ư' | 'Ơ' | 'Đ' | '\u{1EA0}'..='\u{1EF9}' => Cue::Vietnamese,
        _ => return None,
    })
}

/// The language that letters alone settle: Urdu's own letters (`ے ں ٹ ڈ ڑ ھ ہ`),
/// which neither Persian nor Arabic has, in at least 1% of the Arabic-script letters.
/// They survive when Urdu is typed with Arabic letter forms (`ي ك ه` for `ی ک ہ`),
/// which Arabic letter counts would not.
pub(crate) fn decisive(counts: &Counts) -> Option<Language> {
    let urdu = counts.cue(Cue::Urdu);
    (urdu > 0 && urdu * 100 >= counts.get(Script::Arabic)).then_some(Language::Urdu)
}

/// Extra votes for `language` from the letters only it uses among the languages of
/// its script.
pub(crate) fn letter_bonus(language: Language, counts: &Counts) -> usize {
    let urdu = counts.cue(Cue::Urdu);
    match language {
        Language::Urdu => urdu,
        // Persian shares پ چ ژ گ with Urdu but has none of Urdu's own letters.
        Language::Persian if urdu * 20 < counts.get(Script::Arabic) => counts.cue(Cue::Farsi),
        Language::Arabic => counts.cue(Cue::Arabic),
        Language::Ukrainian => counts.cue(Cue::Ukrainian) * 2,
        Language::Russian => counts.cue(Cue::Russian) * 2,
        Language::Marathi => counts.cue(Cue::Marathi) * 2,
        Language::Vietnamese => counts.cue(Cue::Vietnamese),
        Language::Kazakh => counts.cue(Cue::Kazakh) * 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts character by character, as first written.
    fn count_by_chars(sample: &str) -> Counts {
        let mut counts = Counts::default();
        for c in sample.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    counts.scripts[0] += 1;
                }
                continue;
            }
            let script = script_of(c);
            if script == Script::Other && !c.is_alphabetic() {
                continue;
            }
            if let Some(n) = counts.scripts.get_mut(script as usize) {
                *n += 1;
            }
            if let Some(n) = cue_of(c).and_then(|cue| counts.cues.get_mut(cue as usize)) {
                *n += 1;
            }
        }
        counts
    }

    proptest::proptest! {
        #[test]
        fn counts_as_by_characters(text in "[a-zA-Z .1’é\u{301}жыکےपळ東カ가😀]{0,40}") {
            proptest::prop_assert_eq!(count(&text), count_by_chars(&text));
        }

        /// Runs of ASCII long enough for the eight-byte steps, and every character
        /// of two bytes.
        #[test]
        fn counts_long_runs_and_two_byte_text(
            ascii in "[\\x00-\\x7f]{0,100}",
            mixed in "([ -~]{0,20}[\\u{80}-\\u{7ff}]{0,6}){0,8}",
            urdu in "((یہ|ایک|ہے|ے|ں|ٹ|پ|ة|ж|ы|é|ª|ʼ|\\u{64b}|\\u{301}|a)( |\\n|۔ |\\. |, )){0,30}",
        ) {
            for text in [&ascii, &mixed, &urdu] {
                proptest::prop_assert_eq!(count(text), count_by_chars(text));
            }
        }
    }

    /// Every character, alone and between letters of ASCII and of the Arabic
    /// script, is counted as by characters.
    #[test]
    fn counts_every_character() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for text in [
                c.to_string(),
                format!("ab{c}کے {c}{c}x"),
                format!("{c} ж{c}"),
            ] {
                assert_eq!(
                    count(&text),
                    count_by_chars(&text),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    /// The cues are listed in order, and every letter with a cue is of its cue's
    /// script.
    #[test]
    fn cues_tell_their_script() {
        for (k, cue) in CUE_LIST.into_iter().enumerate() {
            assert_eq!(cue as usize, k);
        }
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if let Some(cue) = cue_of(c) {
                assert_eq!(script_of(c), cue_script(cue), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn letters_in_words_of_every_ascii_byte() {
        for b in 0..0x80u8 {
            let word = u64::from_le_bytes([b, b'a', b, b'Z', b, b' ', b, b]);
            let want = [b, b'a', b, b'Z', b, b' ', b, b]
                .iter()
                .filter(|b| b.is_ascii_alphabetic())
                .count();
            assert_eq!(letters_in_word(word), want, "{b:#04x}");
        }
    }
}
