//! Terms: the units that TF-IDF counts, as match keys.
//!
//! Scripts written with spaces give one term per UAX #29 word
//! ([`crate::words::words`]). Scripts written without spaces would give one term
//! per character, which is useless for TF-IDF (every sentence shares `的`, `の`,
//! `ก`), so their runs become overlapping character bigrams instead, the standard
//! fallback of search engines for these scripts:
//!
//! - Han and Katakana, each its own run (`東京都` → `東京`, `京都`);
//! - Hiragana runs, between the kanji of Japanese, are mostly inflections and
//!   particles (`によると`, `んでいた`): a run is one term, not bigrams, since their
//!   bigrams (`んで`, `ると`) tie unrelated sentences together, and a single
//!   hiragana (a particle such as `に`, or okurigana such as the `く` of `良く`) is
//!   no term at all;
//! - Thai, Lao, Khmer and Myanmar, by UAX #29 segments (a consonant with its marks).
//!
//! A run of one unit gives that unit (but see hiragana above). Bigrams are slices of the sentence, so they
//! borrow like words do.

use crate::normalize::key;
use crate::script::{unspaced, Unspaced};
use crate::words::word_indices;
use std::borrow::Cow;

/// The match keys of the terms of `sentence`, in order: words, and for scripts
/// without spaces, overlapping bigrams.
///
/// ```
/// use salience::terms;
///
/// assert_eq!(terms("The Summit, in Astana."), ["the", "summit", "in", "astana"]);
/// assert_eq!(terms("上海合作组织峰会"), ["上海", "海合", "合作", "作组", "组织", "织峰", "峰会"]);
/// // Japanese: kanji, hiragana and katakana runs apart; a hiragana run is one term.
/// assert_eq!(terms("東京都にサミット"), ["東京", "京都", "サミ", "ミッ", "ット"]);
/// assert_eq!(terms("始めたサミット"), ["始", "めた", "サミ", "ミッ", "ット"]);
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
/// salience::for_each_term("新しい首相が就任した", |_| n += 1);
/// assert!(n > 3);
/// ```
pub fn for_each_term<'t>(sentence: &'t str, mut f: impl FnMut(Cow<'t, str>)) {
    let mut run: Option<Run> = None;
    let flush = |run: &mut Option<Run>, f: &mut dyn FnMut(Cow<'t, str>)| {
        let Some(r) = run.take() else {
            return;
        };
        let whole = if r.script == Unspaced::Hiragana {
            if r.units < 2 {
                return;
            }
            r.start..r.prev_end
        } else if r.units == 1 {
            r.prev_start..r.prev_end
        } else {
            return;
        };
        if let Some(term) = sentence.get(whole) {
            f(key(term));
        }
    };
    for (offset, word) in word_indices(sentence) {
        let Some(script) = word.chars().next().and_then(unspaced) else {
            flush(&mut run, &mut f);
            f(key(word));
            continue;
        };
        let mut units = Units::new(word, script);
        while let Some((from, to)) = units.next_unit() {
            let (start, end) = (offset + from, offset + to);
            match &mut run {
                Some(r) if r.script == script && r.prev_end == start => {
                    if script != Unspaced::Hiragana {
                        if let Some(bigram) = sentence.get(r.prev_start..end) {
                            f(key(bigram));
                        }
                    }
                    (r.prev_start, r.prev_end) = (start, end);
                    r.units += 1;
                }
                _ => {
                    flush(&mut run, &mut f);
                    run = Some(Run {
                        script,
                        start,
                        prev_start: start,
                        prev_end: end,
                        units: 1,
                    });
                }
            }
        }
    }
    flush(&mut run, &mut f);
}

/// An open run of units of one unspaced script.
struct Run {
    script: Unspaced,
    /// Where the run starts.
    start: usize,
    /// The last unit.
    prev_start: usize,
    prev_end: usize,
    /// How many units so far.
    units: usize,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_characters_stand_alone() {
        assert_eq!(terms("猫"), ["猫"]);
        assert_eq!(terms("猫 と 犬"), ["猫", "犬"]);
        assert_eq!(terms("これ"), ["これ"]);
    }

    #[test]
    fn runs_split_at_script_changes() {
        assert_eq!(terms("経済は"), ["経済"]);
        assert_eq!(terms("経済によると"), ["経済", "によると"]);
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
