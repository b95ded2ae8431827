//! Pseudo-sentences: long runs cut into units a reader can take in.
//!
//! Speech-recognition transcripts, chat exports, subtitles and social media often have
//! no sentence punctuation, so a whole text would be one "sentence". A sentence that
//! does not end in a terminator and holds more than [`AIM_WORDS`] words, or any
//! sentence of more than [`MAX_WORDS`] words, is cut at the gaps between its words
//! (words are runs between white space). Each piece ends at the gap with the strongest
//! evidence of a pause between [`MIN_WORDS`] and [`AIM_WORDS`] words from its start,
//! the one nearest [`IDEAL_WORDS`] among equals:
//!
//! 1. before a speaker label or a timestamp (`JOHN:`, `A:`, `[00:01:02]`,
//!    `00:01:02,000 --> …`) and at a line break;
//! 2. after a pause mark: `;` `:` `—` `–` (or a dash standing alone), then `,`;
//! 3. before a common sentence starter (`and`, `so`, `the`, … in any case) or, in a
//!    text that capitalises its sentences, a capitalised word after a lower-case one.
//!
//! A text with no evidence at all is cut every [`IDEAL_WORDS`] words. Each gap is
//! weighed at most once, and its sentence starter is looked up only when no gap of its
//! window has a pause mark, so the work is linear in the length of the run.

use super::casing;
use super::space::is_ascii_space;
use std::ops::Range;

/// A piece is never shorter than this, in words, unless the run is.
pub const MIN_WORDS: usize = 10;
/// The most words of a piece cut from a run, and of a run left uncut.
pub const AIM_WORDS: usize = 40;
/// Where a cut goes when the evidence does not decide.
pub const IDEAL_WORDS: usize = 25;
/// A sentence that ends in a terminator is cut only above this many words.
pub const MAX_WORDS: usize = 80;

/// The most words `s` may hold before it is cut: [`MAX_WORDS`] when it ends a
/// sentence with a terminator, [`AIM_WORDS`] otherwise.
pub(super) fn word_limit(punctuated: bool) -> usize {
    if punctuated {
        MAX_WORDS
    } else {
        AIM_WORDS
    }
}

/// The words of the trimmed span `s` when it holds more than `limit` of them, read
/// once for both the count and the cut. Only spans long enough to hold that many
/// are read, after a cheap byte count that can only overestimate the gaps.
pub(super) fn words_beyond(s: &str, limit: usize) -> Option<Vec<Range<usize>>> {
    if s.len() < 2 * limit + 1 {
        return None;
    }
    // Every white-space character starts with one of these bytes (ASCII white space
    // and the separators U+001C–U+001F, or the lead byte of U+0085, U+00A0,
    // U+1680–U+3000); branch-free comparisons per byte, so the count vectorises.
    let maybe_gaps: usize = s
        .as_bytes()
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let lead = (b <= b' ') | (b == 0xc2) | (b.wrapping_sub(0xe1) <= 2);
                n + u8::from(lead)
            });
            usize::from(n)
        })
        .sum();
    if maybe_gaps < limit {
        return None;
    }
    // A word follows each gap, but the first. A span of at most `limit` words is
    // read to its end, which is no more than `limit` words.
    let all = words(s, maybe_gaps + 1);
    (all.len() > limit).then_some(all)
}

/// The words of `s` as byte ranges (runs between white space), in a vector made
/// with room for `capacity` of them.
fn words(s: &str, capacity: usize) -> Vec<Range<usize>> {
    let mut all = Vec::with_capacity(capacity);
    let mut at = 0;
    while let Some(start) = space_end(s, at) {
        at = word_end(s, start);
        all.push(start..at);
    }
    all
}

/// Where the white space from byte `at` of `s` ends; `None` when it ends `s`.
fn space_end(s: &str, mut at: usize) -> Option<usize> {
    loop {
        let b = *s.as_bytes().get(at)?;
        let width = if b.is_ascii() {
            usize::from(is_ascii_space(b))
        } else {
            match char_at(s, at)? {
                (true, width) => width,
                (false, _) => 0,
            }
        };
        if width == 0 {
            return Some(at);
        }
        at += width;
    }
}

/// The end of the word that starts at byte `at` of `s`.
fn word_end(s: &str, mut at: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // Printable ASCII, most of a word, is never white space: skipped by byte.
        let rest = bytes.get(at..).unwrap_or_default();
        at += rest
            .iter()
            .take_while(|&&b| b > b' ' && b.is_ascii())
            .count();
        let width = match bytes.get(at) {
            Some(&b) if b.is_ascii() => usize::from(!is_ascii_space(b)),
            Some(_) => match char_at(s, at) {
                Some((false, width)) => width,
                _ => 0,
            },
            None => 0,
        };
        if width == 0 {
            return at;
        }
        at += width;
    }
}

/// Whether the character at byte `at` of `s` (a character boundary) is white space,
/// and its length in bytes; `None` at the end. ASCII is decided on the byte.
fn char_at(s: &str, at: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((is_ascii_space(b), 1));
    }
    let c = s.get(at..)?.chars().next()?;
    Some((super::space::is_space(c), c.len_utf8()))
}

/// Cuts the trimmed span `span` of `text`, whose words are `words` (relative to the
/// span, as [`words_beyond`] gives them), into pieces of at most [`AIM_WORDS`] words
/// and appends them; `cased` says whether the document capitalises its sentences.
pub(super) fn cut(
    text: &str,
    span: Range<usize>,
    words: &[Range<usize>],
    cased: bool,
    out: &mut Vec<Range<usize>>,
) {
    let Some(s) = text.get(span.clone()) else {
        return;
    };
    let mut gaps = Gaps {
        s,
        words,
        cased,
        known: vec![UNSEEN; words.len() + 1],
    };
    let mut start = 0;
    while words.len() - start > AIM_WORDS {
        let left = words.len() - start;
        // Leave at least MIN_WORDS for the next piece when there are enough words.
        let last = (start + AIM_WORDS).min(words.len() - MIN_WORDS.min(left / 2));
        let first = (start + MIN_WORDS).min(last);
        let best = gaps.best(first, last, start + IDEAL_WORDS);
        push(span.start, words, start..best, out);
        start = best;
    }
    push(span.start, words, start..words.len(), out);
}

/// A gap not weighed yet.
const UNSEEN: u8 = u8::MAX;
/// A gap without a pause mark: strength 0 or 1, decided by [`plain_strength`] only
/// when a window has no stronger gap.
const UNMARKED: u8 = u8::MAX - 1;

/// The gaps of one run, each weighed at most once (windows overlap).
struct Gaps<'s> {
    s: &'s str,
    words: &'s [Range<usize>],
    cased: bool,
    /// Per gap: [`UNSEEN`], [`UNMARKED`] or the strength.
    known: Vec<u8>,
}

impl Gaps<'_> {
    /// The gap in `first..=last` with the greatest strength, the nearest to `ideal`
    /// among equals (the later of two as near). Pause marks are cheap to read and
    /// sentence starters are not, so starters are looked up only when no gap of the
    /// window has a mark, nearest `ideal` first.
    fn best(&mut self, first: usize, last: usize, ideal: usize) -> usize {
        let mut best: Option<(u8, usize)> = None;
        for g in first..=last {
            let strength = self.marked(g);
            if strength == UNMARKED || strength < 2 {
                continue;
            }
            let beats = best.is_none_or(|(b, at)| {
                (strength, std::cmp::Reverse(g.abs_diff(ideal)))
                    >= (b, std::cmp::Reverse(at.abs_diff(ideal)))
            });
            if beats {
                best = Some((strength, g));
            }
        }
        if let Some((_, g)) = best {
            return g;
        }
        let mut order = nearest_first(first, last, ideal);
        let Some(nearest) = order.next() else {
            return last;
        };
        std::iter::once(nearest)
            .chain(order)
            .find(|&g| self.resolved(g) == 1)
            .unwrap_or(nearest)
    }

    /// The strength of gap `g` when a pause mark (or its absence) decides it, else
    /// [`UNMARKED`].
    fn marked(&mut self, g: usize) -> u8 {
        let known = self.known.get(g).copied().unwrap_or(0);
        if known != UNSEEN {
            return known;
        }
        let plain = self.plain_mark(g);
        let strength = plain
            .unwrap_or_else(|| {
                let (prev, gap, next) = self.around(g);
                mark_strength(prev, gap, next)
            })
            .unwrap_or(UNMARKED);
        if let Some(slot) = self.known.get_mut(g) {
            *slot = strength;
        }
        strength
    }

    /// The mark of gap `g` read on bytes, between two words that start with
    /// neither `-`, `[`, `(`, a digit nor the lead byte of `—` and `–` (so are no
    /// arrow, timestamp or lone dash): then only the last bytes of the words and the
    /// gap can tell. `None` for other gaps, `Some(None)` for a gap without a mark.
    fn plain_mark(&self, g: usize) -> Option<Option<u8>> {
        let (a, b) = (self.words.get(g.wrapping_sub(1))?, self.words.get(g)?);
        let bytes = self.s.as_bytes();
        let (prev, gap, next) = (
            bytes.get(a.clone())?,
            bytes.get(a.end..b.start)?,
            bytes.get(b.clone())?,
        );
        let plain = |w: &[u8]| {
            w.first()
                .is_some_and(|b| !matches!(b, b'-' | b'[' | b'(' | b'0'..=b'9' | 0xE2))
        };
        if !plain(prev) || !plain(next) {
            return None;
        }
        let label = next.last() == Some(&b':') && self.s.get(b.clone()).is_some_and(is_label);
        // Gaps are a byte or two: a loop beats the call to `memchr` of `contains`.
        #[allow(clippy::manual_contains)]
        let line_break = gap.iter().any(|&b| b == b'\n');
        Some(if label || line_break {
            Some(5)
        } else {
            // Decided on the last byte; `—` and `–` end in 0x94 and 0x93.
            match prev.last() {
                Some(b';' | b':') => Some(3),
                Some(0x93 | 0x94)
                    if prev.ends_with("—".as_bytes()) || prev.ends_with("–".as_bytes()) =>
                {
                    Some(3)
                }
                Some(b',') => Some(2),
                _ => None,
            }
        })
    }

    /// The strength of gap `g`, starters looked up if need be.
    fn resolved(&mut self, g: usize) -> u8 {
        let strength = self.marked(g);
        if strength != UNMARKED {
            return strength;
        }
        let (prev, _, next) = self.around(g);
        let strength = plain_strength(prev, next, self.cased);
        if let Some(slot) = self.known.get_mut(g) {
            *slot = strength;
        }
        strength
    }

    /// The word before gap `g`, the white space of the gap, and the word after it.
    fn around(&self, g: usize) -> (&str, &str, &str) {
        let word = |i: usize| {
            self.words
                .get(i)
                .and_then(|r| self.s.get(r.clone()))
                .unwrap_or_default()
        };
        let gap = match (self.words.get(g.wrapping_sub(1)), self.words.get(g)) {
            (Some(a), Some(b)) => self.s.get(a.end..b.start).unwrap_or_default(),
            _ => "",
        };
        (word(g.wrapping_sub(1)), gap, word(g))
    }
}

/// The gaps of `first..=last`, nearest `ideal` first, the later of two as near first.
fn nearest_first(first: usize, last: usize, ideal: usize) -> impl Iterator<Item = usize> {
    let reach = ideal.abs_diff(first).max(ideal.abs_diff(last));
    (0..=reach)
        .flat_map(move |d| [ideal.checked_add(d), ideal.checked_sub(d).filter(|_| d > 0)])
        .flatten()
        .filter(move |g| (first..=last).contains(g))
}

/// How strongly a gap looks like a pause, from the words around it (see the module
/// docs): `None` when no mark decides, the strength then being 0 or 1.
fn mark_strength(prev: &str, gap: &str, next: &str) -> Option<u8> {
    if prev == "-->" || next == "-->" {
        return Some(0);
    }
    if is_label(next) || is_timestamp(next) || gap.bytes().any(|b| b == b'\n') {
        return Some(5);
    }
    if is_timestamp(prev) {
        return Some(4);
    }
    if prev.ends_with([';', ':', '—', '–']) || matches!(prev, "-" | "—" | "–") {
        return Some(3);
    }
    if prev.ends_with(',') {
        return Some(2);
    }
    None
}

/// The strength of a gap without a pause mark: 1 before a sentence starter or, in a
/// cased text, a capitalised word after a lower-case one.
fn plain_strength(prev: &str, next: &str, cased: bool) -> u8 {
    let capital = cased && casing::starts_upper(next) && casing::starts_lower(prev);
    u8::from(capital || is_starter(next))
}

/// Appends the span from the first to the last word of `range` (offsets from `base`).
fn push(base: usize, words: &[Range<usize>], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let first = words.get(range.start).map(|w| w.start);
    let last = range
        .end
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .map(|w| w.end);
    if let (Some(a), Some(b)) = (first, last) {
        out.push(base + a..base + b);
    }
}

/// A speaker label: a capitalised name of at most two words' worth of letters ending
/// in a colon (`A:`, `JOHN:`, `Dr.Smith:`), or a bracketed name (`[Music]`).
fn is_label(word: &str) -> bool {
    let Some(name) = word.strip_suffix(':') else {
        return false;
    };
    !name.is_empty()
        && name.len() <= 24
        && name.starts_with(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '\''))
}

/// A timestamp such as `00:01:02`, `[00:01:02]`, `(1:02)` or `00:01:02,000`.
fn is_timestamp(word: &str) -> bool {
    // Most words start with a letter: no need to look for a colon in them.
    let opened = word.trim_start_matches(['[', '(']);
    if !opened.starts_with(|c: char| c.is_ascii_digit()) || !word.as_bytes().contains(&b':') {
        return false;
    }
    let core = word
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')', ':']);
    core.len() >= 4
        && core.contains(':')
        && core.starts_with(|c: char| c.is_ascii_digit())
        && core
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b',' | b'.'))
}

/// A common sentence starter, in any case (`and`, `So`, `THE`).
fn is_starter(word: &str) -> bool {
    if !super::abbrev::may_be_starter(word) {
        return false;
    }
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    !word.is_empty()
        && word.len() <= super::abbrev::max_len()
        && super::boundary::with_lowercase(word, super::abbrev::is_starter)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn pieces(text: &str, cased: bool) -> Vec<&str> {
        let words: Vec<Range<usize>> = words(text, 0);
        let mut out = Vec::new();
        cut(text, 0..text.len(), &words, cased, &mut out);
        out.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn counts_words_only_when_needed() {
        let exceeds = |s: &str, limit| words_beyond(s, limit).is_some();
        assert!(!exceeds("a b c", 3));
        assert!(exceeds("a b c d", 3));
        assert!(!exceeds(&"x".repeat(500), 40));
        assert!(exceeds(&"ab ".repeat(41), 40));
        assert!(!exceeds(&"ab ".repeat(40), 40));
        assert!(exceeds(&"ab\u{3000}".repeat(41), 40));
        let text = "ab\u{3000}".repeat(41);
        let all: Vec<Range<usize>> = words(&text, 0);
        assert_eq!(words_beyond(&text, 40), Some(all));
    }

    #[test]
    fn without_evidence_pieces_are_even() {
        let text = "word ".repeat(100);
        let got = pieces(text.trim(), true);
        assert!(got.iter().all(|p| p.split(' ').count() <= AIM_WORDS));
        assert_eq!(got.iter().map(|p| p.split(' ').count()).sum::<usize>(), 100);
    }

    #[test]
    fn speaker_labels_and_timestamps_start_pieces() {
        let turn = "well i think we should go there tomorrow if the weather holds up ";
        let text = format!("JOHN: {turn}{turn}MARY: {turn}{turn}[00:01:02] {turn}{turn}");
        let got = pieces(text.trim(), true);
        assert!(got[1].starts_with("MARY:"), "{got:?}");
        assert!(got[2].starts_with("[00:01:02]"), "{got:?}");
    }

    #[test]
    fn commas_beat_plain_gaps() {
        let clause = "one two three four five six seven eight nine ten eleven twelve";
        let text = format!("{clause}, {clause} {clause} {clause}");
        assert_eq!(pieces(&text, true)[0], format!("{clause},"));
    }

    #[test]
    fn labels_and_timestamps() {
        assert!(is_label("JOHN:") && is_label("A:") && !is_label("said:") && !is_label(":"));
        assert!(is_timestamp("[00:01:02]") && is_timestamp("00:01:02,000"));
        assert!(!is_timestamp("12") && !is_timestamp("ratio:3"));
    }

    /// The cuts of the old rule: every gap of a window weighed in full, the greatest
    /// strength nearest the ideal (the later of two as near).
    fn reference(text: &str, cased: bool) -> Vec<Range<usize>> {
        let words: Vec<Range<usize>> = words(text, 0);
        let strength = |g: usize| {
            let gaps = Gaps {
                s: text,
                words: &words,
                cased,
                known: Vec::new(),
            };
            let (prev, gap, next) = gaps.around(g);
            mark_strength(prev, gap, next).unwrap_or_else(|| plain_strength(prev, next, cased))
        };
        let mut out = Vec::new();
        let mut start = 0;
        while words.len() - start > AIM_WORDS {
            let left = words.len() - start;
            let last = (start + AIM_WORDS).min(words.len() - MIN_WORDS.min(left / 2));
            let first = (start + MIN_WORDS).min(last);
            let ideal = start + IDEAL_WORDS;
            let best = (first..=last)
                .max_by_key(|&g| (strength(g), std::cmp::Reverse(g.abs_diff(ideal))))
                .unwrap_or(last);
            push(0, &words, start..best, &mut out);
            start = best;
        }
        push(0, &words, start..words.len(), &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn cuts_as_weighing_every_gap(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "word", "Word", "the", "And", "so", "x,", "y;", "z:", "-", "—", "A:",
                    "[00:01:02]", "-->", "\nline", "é", "Été,", "a—", "b–", "9:30", "(x",
                    "Dr.Who:", "said:",
                ]),
                0..200,
            ),
            cased: bool,
        ) {
            let text = words.join(" ");
            let text = text.trim();
            let all: Vec<Range<usize>> = super::words(text, 0);
            let mut got = Vec::new();
            cut(text, 0..text.len(), &all, cased, &mut got);
            proptest::prop_assert_eq!(got, reference(text, cased));
        }
    }
}
