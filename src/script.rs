//! Unicode scripts: the one place where the code point ranges of a script are
//! written down. Language detection ([`script_of`]), term building ([`unspaced`],
//! [`FIRST_UNSPACED`]), match keys and segmentation read them from here.
//!
//! Each range is a pattern macro over code points (`u32`), so that the hot
//! matches of other modules (`match code { han_unified!() => ... }`) stay plain
//! range checks that the compiler folds into its decision trees: no table, no call.
//!
//! Ranges are written by hand rather than taken from the `unicode-script` crate:
//! salience needs a dozen scripts, some of them cut finer than Unicode's Script
//! property (hiragana apart from katakana, the unified ideographs apart from the
//! compatibility ones), and a match on a few ranges costs a handful of comparisons
//! where a property look-up is a binary search over some two thousand ranges.

/// The unified ideographs of the Basic Multilingual Plane: CJK Unified Ideographs
/// and Extension A (no compatibility ideographs, which NFKC changes).
macro_rules! han_unified {
    () => {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF
    };
}

/// Han ideographs: the unified ones, the compatibility ones and those beyond the
/// Basic Multilingual Plane.
macro_rules! han {
    () => {
        $crate::script::han_unified!() | 0xF900..=0xFAFF | 0x20000..=0x3134F
    };
}

/// The Hiragana block.
macro_rules! hiragana {
    () => {
        0x3040..=0x309F
    };
}

/// Katakana: the block, its phonetic extensions and the half-width forms.
macro_rules! katakana {
    () => {
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F
    };
}

/// The precomposed Hangul syllables (all of them NFKC-stable letters).
macro_rules! hangul_syllables {
    () => {
        0xAC00..=0xD7A3
    };
}

/// Hangul: the jamo, the compatibility jamo and the syllables block.
macro_rules! hangul {
    () => {
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF
    };
}

/// Thai.
macro_rules! thai {
    () => {
        0x0E00..=0x0E7F
    };
}

/// Lao.
macro_rules! lao {
    () => {
        0x0E80..=0x0EFF
    };
}

/// Khmer and the Khmer symbols.
macro_rules! khmer {
    () => {
        0x1780..=0x17FF | 0x19E0..=0x19FF
    };
}

/// Myanmar and its two extensions.
macro_rules! myanmar {
    () => {
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F
    };
}

/// Greek and Coptic, and Greek Extended.
macro_rules! greek {
    () => {
        0x370..=0x3FF | 0x1F00..=0x1FFF
    };
}

/// Armenian and the Armenian ligatures.
macro_rules! armenian {
    () => {
        0x531..=0x58F | 0xFB13..=0xFB17
    };
}

pub(crate) use {han_unified, hangul_syllables};

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
    Armenian,
    Ethiopic,
    Myanmar,
    Hangul,
    Kana,
    Han,
    Other,
}

/// The script of `c` (punctuation inside a script's blocks counts as that script,
/// which is harmless for counting letters; [`Script::Other`] for the rest).
pub(crate) const fn script_of(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x400..=0x52F => Script::Cyrillic,
        greek!() => Script::Greek,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x900..=0x97F => Script::Devanagari,
        0x980..=0x9FF => Script::Bengali,
        0xA80..=0xAFF => Script::Gujarati,
        0xB80..=0xBFF => Script::Tamil,
        thai!() => Script::Thai,
        armenian!() => Script::Armenian,
        0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => Script::Ethiopic,
        myanmar!() => Script::Myanmar,
        hangul!() => Script::Hangul,
        hiragana!() | katakana!() => Script::Kana,
        han!() => Script::Han,
        _ => Script::Other,
    }
}

/// Scripts written without spaces between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unspaced {
    Han,
    Hiragana,
    Katakana,
    Thai,
    Lao,
    Khmer,
    Myanmar,
}

/// The first code point of any script written without spaces ([`unspaced`]): text
/// below it (outside General Punctuation) is words separated by spaces.
pub(crate) const FIRST_UNSPACED: char = '\u{E00}';

/// The unspaced script of a character, if it belongs to one. The iteration marks
/// `々` and `〇` count as Han.
pub(crate) fn unspaced(c: char) -> Option<Unspaced> {
    if c < FIRST_UNSPACED {
        return None;
    }
    Some(match u32::from(c) {
        0x3005 | 0x3007 | han!() => Unspaced::Han,
        hiragana!() => Unspaced::Hiragana,
        katakana!() => Unspaced::Katakana,
        thai!() => Unspaced::Thai,
        lao!() => Unspaced::Lao,
        khmer!() => Unspaced::Khmer,
        myanmar!() => Unspaced::Myanmar,
        _ => return None,
    })
}

/// Whether `c` lies in the Greek blocks.
pub(crate) fn is_greek(c: char) -> bool {
    matches!(u32::from(c), greek!())
}

/// Whether `c` lies in the Armenian blocks.
pub(crate) fn is_armenian(c: char) -> bool {
    matches!(u32::from(c), armenian!())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unspaced_script_starts_at_or_after_the_first() {
        for code in 0..u32::from(FIRST_UNSPACED) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(unspaced(c), None, "{code:#x}");
            }
        }
        assert_eq!(unspaced('ก'), Some(Unspaced::Thai));
        assert_eq!(unspaced('々'), Some(Unspaced::Han));
        assert_eq!(unspaced('の'), Some(Unspaced::Hiragana));
        assert_eq!(unspaced('ｱ'), Some(Unspaced::Katakana));
    }

    #[test]
    fn kana_is_hiragana_and_katakana() {
        for code in 0x3000..0x10000 {
            if let Some(c) = char::from_u32(code) {
                let kana = matches!(unspaced(c), Some(Unspaced::Hiragana | Unspaced::Katakana));
                assert_eq!(script_of(c) == Script::Kana, kana, "{code:#x}");
            }
        }
    }
}
