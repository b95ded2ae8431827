//! Scripts and the letters that tell languages of one script apart.

use super::Language;

/// A writing system, as far as language detection needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Gujarati,
    Tamil,
    Thai,
    Hangul,
    Kana,
    Han,
    Other,
}

const SCRIPTS: [Script; 14] = [
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
    /// `ы э ъ ё`: Russian.
    Russian,
    /// `ळ`: Marathi (rare in Hindi).
    Marathi,
    /// Latin letters with the stacked diacritics of Vietnamese.
    Vietnamese,
}

const CUES: usize = 7;

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
    let mut counts = Counts::default();
    let mut rest = sample;
    loop {
        // A run of ASCII at once (Latin letters), then one other character.
        let run = crate::segment::first_non_ascii(rest.as_bytes()).unwrap_or(rest.len());
        let (ascii, other) = rest.split_at_checked(run).unwrap_or((rest, ""));
        counts.scripts[0] += ascii.bytes().filter(u8::is_ascii_alphabetic).count();
        let mut chars = other.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        // Ranges decide the common scripts (punctuation inside them counts too,
        // which is harmless); only the rest asks the slower Unicode tables.
        let script = script_of(c);
        if script == Script::Other && !c.is_alphabetic() {
            continue;
        }
        if let Some(n) = counts.scripts.get_mut(script as usize) {
            *n += 1;
        }
        if let Some(cue) = cue_of(c) {
            if let Some(n) = counts.cues.get_mut(cue as usize) {
                *n += 1;
            }
        }
    }
    counts
}

/// The script of a (non-ASCII) letter.
pub(crate) fn script_of(c: char) -> Script {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x400..=0x52F => Script::Cyrillic,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x900..=0x97F => Script::Devanagari,
        0x980..=0x9FF => Script::Bengali,
        0xA80..=0xAFF => Script::Gujarati,
        0xB80..=0xBFF => Script::Tamil,
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    }
}

fn cue_of(c: char) -> Option<Cue> {
    Some(match c {
        'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ھ' | 'ہ' | 'ۓ' => Cue::Urdu,
        'پ' | 'چ' | 'ژ' | 'گ' => Cue::Farsi,
        'ة' => Cue::Arabic,
        'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => Cue::Ukrainian,
        'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ё' => Cue::Russian,
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
    }
}
