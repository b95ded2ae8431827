//! Terms: the units that TF-IDF counts, as match keys.
//!
//! Scripts written with spaces give one term per UAX #29 word
//! ([`crate::segment::words`]). Scripts written without spaces would give one term
//! per character, which is useless for TF-IDF (every sentence shares `的`, `の`,
//! `ก`), so their runs become overlapping character bigrams instead, the standard
//! fallback of search engines for these scripts:
//!
//! - Han, Hiragana and Katakana, each its own run (`東京都に` → `東京`, `京都`, `に`);
//! - Thai, Lao, Khmer and Myanmar, by UAX #29 segments (a consonant with its marks).
//!
//! A run of one unit gives that unit. Bigrams are slices of the sentence, so they
//! borrow like words do.

use crate::normalize::key;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Scripts written without spaces between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unspaced {
    Han,
    Hiragana,
    Katakana,
    Thai,
    Lao,
    Khmer,
    Myanmar,
}

/// The match keys of the terms of `sentence`, in order: words, and for scripts
/// without spaces, overlapping bigrams.
///
/// ```
/// use salience::tokens::terms;
///
/// assert_eq!(terms("The Summit, in Astana."), ["the", "summit", "in", "astana"]);
/// assert_eq!(terms("上海合作组织峰会"), ["上海", "海合", "合作", "作组", "组织", "织峰", "峰会"]);
/// // Japanese: kanji, hiragana and katakana runs apart.
/// assert_eq!(terms("東京都にサミット"), ["東京", "京都", "に", "サミ", "ミッ", "ット"]);
/// ```
pub fn terms(sentence: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    for_each_term(sentence, |t| out.push(t));
    out
}

/// Calls `f` with the match key of every term of `sentence`, in order (see
/// [`terms`]); allocation-free for terms that are already their own key.
///
/// ```
/// let mut n = 0;
/// salience::tokens::for_each_term("新しい首相が就任した", |_| n += 1);
/// assert!(n > 3);
/// ```
pub fn for_each_term<'t>(sentence: &'t str, mut f: impl FnMut(Cow<'t, str>)) {
    // The open run of units of one unspaced script: (script, previous unit, units).
    let mut run: Option<(Unspaced, usize, usize, usize)> = None;
    let flush = |run: &mut Option<(Unspaced, usize, usize, usize)>,
                 f: &mut dyn FnMut(Cow<'t, str>)| {
        if let Some((_, start, end, 1)) = run.take() {
            if let Some(unit) = sentence.get(start..end) {
                f(key(unit));
            }
        }
    };
    for (offset, word) in sentence.unicode_word_indices() {
        let Some(script) = word.chars().next().and_then(unspaced) else {
            flush(&mut run, &mut f);
            f(key(word));
            continue;
        };
        let mut units = Units::new(word, script);
        while let Some((from, to)) = units.next_unit() {
            let (start, end) = (offset + from, offset + to);
            match &mut run {
                Some((s, prev_start, prev_end, count)) if *s == script && *prev_end == start => {
                    if let Some(bigram) = sentence.get(*prev_start..end) {
                        f(key(bigram));
                    }
                    (*prev_start, *prev_end) = (start, end);
                    *count += 1;
                }
                _ => {
                    flush(&mut run, &mut f);
                    run = Some((script, start, end, 1));
                }
            }
        }
    }
    flush(&mut run, &mut f);
}

/// The units of one UAX #29 word of an unspaced script, as byte ranges: single
/// characters (with any combining marks) for Han and kana, the whole segment for the
/// scripts of South-East Asia.
struct Units<'a> {
    word: &'a str,
    pos: usize,
    whole: bool,
}

impl<'a> Units<'a> {
    fn new(word: &'a str, script: Unspaced) -> Self {
        let whole = !matches!(
            script,
            Unspaced::Han | Unspaced::Hiragana | Unspaced::Katakana
        );
        Units {
            word,
            pos: 0,
            whole,
        }
    }

    fn next_unit(&mut self) -> Option<(usize, usize)> {
        let rest = self.word.get(self.pos..)?;
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let start = self.pos;
        let len = if self.whole {
            rest.len()
        } else {
            // One character and the combining marks after it (゙ ゚ and the like).
            chars
                .find(|&(_, c)| !is_combining(c))
                .map_or(rest.len(), |(i, _)| i)
                .max(first.len_utf8())
        };
        self.pos += len;
        Some((start, start + len))
    }
}

/// Combining marks that may follow a kana or Han character.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{3099}'..='\u{309A}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The unspaced script of a character, if it belongs to one.
fn unspaced(c: char) -> Option<Unspaced> {
    let code = u32::from(c);
    if code < 0x0E00 {
        return None;
    }
    Some(match code {
        0x3005
        | 0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => Unspaced::Han,
        0x3040..=0x309F => Unspaced::Hiragana,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Unspaced::Katakana,
        0x0E00..=0x0E7F => Unspaced::Thai,
        0x0E80..=0x0EFF => Unspaced::Lao,
        0x1780..=0x17FF | 0x19E0..=0x19FF => Unspaced::Khmer,
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Unspaced::Myanmar,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_characters_stand_alone() {
        assert_eq!(terms("猫"), ["猫"]);
        assert_eq!(terms("猫 と 犬"), ["猫", "と", "犬"]);
    }

    #[test]
    fn runs_split_at_script_changes() {
        assert_eq!(terms("経済は"), ["経済", "は"]);
        assert_eq!(terms("Rust言語"), ["rust", "言語"]);
    }

    #[test]
    fn bigrams_borrow() {
        for t in terms("上海合作组织") {
            assert!(matches!(t, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn thai_uses_segments() {
        let t = terms("สวัสดีครับ");
        assert!(t.len() >= 3, "{t:?}");
        assert!(t.iter().all(|x| x.chars().count() >= 2));
    }

    #[test]
    fn spaced_scripts_are_words() {
        assert_eq!(terms("یہ ایک جملہ ہے۔"), ["یہ", "ایک", "جملہ", "ہے"]);
        assert_eq!(terms("Привет, мир!"), ["привет", "мир"]);
    }
}
