//! Words: UAX #29 word boundaries with a fast path for common characters.

use crate::script::{han_unified, hangul_syllables};
use crate::util::scan;
use crate::util::tables::{two_byte_table, TWO_BYTE_END};
use unicode_segmentation::UnicodeSegmentation;

/// The words of a sentence (UAX #29 words: letters, numbers, and words joined by
/// apostrophes or periods; punctuation and white space are skipped).
///
/// The same words as `unicode_segmentation`'s `unicode_words`, found faster: runs of
/// common characters (ASCII, Latin letters, Cyrillic, the Arabic script without its
/// marks, typographic quotes and dashes) take a small state machine for the UAX #29
/// rules that those characters can meet, and only the rest takes the full tables.
///
/// ```
/// let words: Vec<&str> = salience::words("Don't stop, Mr. Smith!").collect();
/// assert_eq!(words, ["Don't", "stop", "Mr", "Smith"]);
/// ```
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    word_indices(sentence).map(|(_, w)| w)
}

/// The words of a sentence with their byte offsets (see [`words`]).
///
/// ```
/// let found: Vec<(usize, &str)> = salience::word_indices("کل 3.5 km").collect();
/// assert_eq!(found, [(0, "کل"), (5, "3.5"), (9, "km")]);
/// ```
pub fn word_indices(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    word_iter(sentence)
}

/// [`word_indices`] as its own type, which also tells whether the last word was
/// plain ([`WordIndices::plain`]).
pub(crate) fn word_iter(sentence: &str) -> WordIndices<'_> {
    WordIndices {
        text: sentence,
        pos: 0,
        pending: Pending::None,
        plain: false,
    }
}

/// The iterator behind [`word_indices`].
pub(crate) struct WordIndices<'a> {
    text: &'a str,
    /// Where the next chunk is looked for.
    pos: usize,
    pending: Pending<'a>,
    /// Whether the last word is plain ([`WordIndices::plain`]).
    plain: bool,
}

impl WordIndices<'_> {
    /// Whether the last word given is plain: made only of characters that are their
    /// own match key wherever they stand (ASCII without capitals, most Arabic-script
    /// letters, …), so its own match key (`false` tells nothing).
    pub(crate) fn plain(&self) -> bool {
        self.plain
    }
}

/// The part of the text being split.
enum Pending<'a> {
    None,
    /// A region of known characters ending here (white space included, which only
    /// ever ends a word); words from `pos`.
    Fast(usize),
    /// Chunks with other characters, from an offset, by the full UAX #29 rules.
    Unicode(usize, unicode_segmentation::UWordBoundIndices<'a>),
}

/// ASCII white space: UAX #29 breaks on both sides of it, unless a combining mark
/// or a format character follows (those are never known characters).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C')
}

impl<'a> Iterator for WordIndices<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        // Most words are common ones ([`next_common_word`]) in regions of known
        // characters: those here, the others out of line.
        if let Pending::Fast(end) = self.pending {
            match next_common_word(self.text.as_bytes(), self.pos, end) {
                Some(Ok(word)) => {
                    self.pos = word.next;
                    self.plain = word.plain;
                    return self
                        .text
                        .get(word.start..word.stop)
                        .map(|w| (word.start, w));
                }
                Some(Err(start)) => self.pos = start,
                None => {
                    self.pos = end;
                    self.pending = Pending::None;
                }
            }
        }
        self.next_by_rules()
    }
}

impl<'a> WordIndices<'a> {
    /// The next word by the rules: the fast ones ([`next_fast_word`]) in a region of
    /// known characters, the full UAX #29 ones elsewhere.
    #[inline(never)]
    fn next_by_rules(&mut self) -> Option<(usize, &'a str)> {
        loop {
            match &mut self.pending {
                Pending::Unicode(offset, iter) => {
                    // `unicode_words` keeps the segments with a letter or digit; so
                    // do we, with the faster test.
                    if let Some((i, w)) = iter.find(|(_, w)| w.chars().any(is_word_char)) {
                        self.plain = false;
                        return Some((*offset + i, w));
                    }
                    self.pending = Pending::None;
                }
                Pending::Fast(end) => {
                    let end = *end;
                    if let Some((start, stop, plain)) = next_fast_word(self.text, self.pos, end) {
                        self.pos = stop;
                        self.plain = plain;
                        return self.text.get(start..stop).map(|w| (start, w));
                    }
                    self.pos = end;
                    self.pending = Pending::None;
                }
                Pending::None => {
                    let bytes = self.text.as_bytes();
                    let space_start = self.pos;
                    let mut start = space_start;
                    while bytes.get(start).copied().is_some_and(is_ascii_space) {
                        start += 1;
                    }
                    if start >= bytes.len() {
                        self.pos = bytes.len();
                        return None;
                    }
                    // Known characters up to the chunk (run without ASCII white
                    // space) that holds the next unknown one: one region for the
                    // fast rules.
                    let end = known_region_end(self.text, start);
                    if end > start {
                        self.pos = start;
                        self.pending = Pending::Fast(end);
                        continue;
                    }
                    // Chunks with other characters, and the white space before
                    // them (a combining mark after a space belongs to the space),
                    // go to the full rules together.
                    let mut region_end = chunk_end(bytes, start);
                    loop {
                        let mut next = region_end;
                        while bytes.get(next).copied().is_some_and(is_ascii_space) {
                            next += 1;
                        }
                        if next >= bytes.len() || known_region_end(self.text, next) > next {
                            break;
                        }
                        region_end = chunk_end(bytes, next);
                    }
                    self.pos = region_end;
                    let region = self.text.get(space_start..region_end).unwrap_or_default();
                    self.pending = Pending::Unicode(space_start, region.split_word_bound_indices());
                }
            }
        }
    }
}

/// The end of the chunk (run without ASCII white space) starting at `start`.
fn chunk_end(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    start
        + rest
            .iter()
            .position(|&b| is_ascii_space(b))
            .unwrap_or(rest.len())
}

/// The end of the region of known characters from `start` (not white space): the
/// end of the text, or the end of the last chunk before the one that holds a
/// character the fast rules do not know (`start` when that is the first chunk).
///
/// Only the first unknown character's chunk is looked at again, so the scan is
/// linear; the next region starts at most at that chunk.
fn known_region_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        let Some(off) = bytes.get(i..).and_then(scan::first_non_ascii) else {
            return bytes.len();
        };
        let at = skip_known_two_byte(bytes, i + off);
        if at >= bytes.len() {
            return bytes.len();
        }
        let (class, len) = wb_class_at(bytes, at, bytes.len());
        if class & WB_KNOWN == 0 {
            // Back to the white space before this chunk, and over it.
            let head = bytes.get(start..at).unwrap_or_default();
            return head
                .iter()
                .rposition(|&b| is_ascii_space(b))
                .and_then(|space| head.get(..space)?.iter().rposition(|&b| !is_ascii_space(b)))
                .map_or(start, |last| start + last + 1);
        }
        i = at + len;
    }
}

/// Past the known characters of two bytes from `i` in valid UTF-8 `bytes`, and the
/// single ASCII bytes between them (all ASCII is known): the Arabic script, Cyrillic
/// and Latin-1 words with their spaces, without leaving the loop at each character.
fn skip_known_two_byte(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i..) {
            Some(&[lead @ 0xC0..=0xDF, trail, ..]) if wb_two_byte(lead, trail) & WB_KNOWN != 0 => {
                i += 2;
            }
            Some(&[b, 0xC0..=0xDF, ..]) if b < 0x80 => i += 1,
            _ => return i,
        }
    }
}

/// Word-break classes as bit sets, for [`next_fast_word`].
const WB_WORD: u8 = 1; // ALetter, Numeric, ExtendNumLet `_`
const WB_LETTER: u8 = 2;
const WB_DIGIT: u8 = 4;
/// Joins two letters (WB6/WB7): MidLetter `:` `·`, MidNumLet `.` `’`, Single_Quote `'`.
const WB_MID_LETTER: u8 = 8;
/// Joins two digits (WB11/WB12): MidNum `,` `;` `،`, MidNumLet `.` `’`, Single_Quote `'`.
const WB_MID_DIGIT: u8 = 16;
/// A character that the fast rules know; other classes are Other, which no rule
/// joins (ASCII white space included: no rule joins it to a known character).
const WB_KNOWN: u8 = 32;
/// A character that may not be its own match key (not a word-break class): an ASCII
/// capital, a letter that the Arabic-script fold changes, … A word without one is its
/// own key (see [`crate::normalize::is_stable`]).
const WB_NOT_OWN: u8 = 64;
/// A byte of a character beyond ASCII, in [`WB_BYTE_BITS`] (not a word-break class).
const WB_BEYOND_ASCII: u8 = 128;
/// The class of the end of a region, in [`next_common_word`]: none of the above, as no
/// rule joins a word to what follows the region.
const WB_END: u8 = 0;

/// The word-break class of a code point as a bit set of the above, 0 for a character
/// the fast rules do not know. Every known letter or digit is alphanumeric, and no
/// other known character is (so `unicode_words` keeps a segment exactly when it holds
/// a letter or digit); the tests check each class against `unicode_segmentation`.
const fn wb_class(code: u32) -> u8 {
    let class = wb_class_of_rules(code);
    if class != 0 && !crate::normalize::is_stable(code) {
        class | WB_NOT_OWN
    } else {
        class
    }
}

/// The word-break rules' part of [`wb_class`].
const fn wb_class_of_rules(code: u32) -> u8 {
    const LETTER: u8 = WB_KNOWN | WB_WORD | WB_LETTER;
    const DIGIT: u8 = WB_KNOWN | WB_WORD | WB_DIGIT;
    const MID_NUM_LET: u8 = WB_KNOWN | WB_MID_LETTER | WB_MID_DIGIT;
    match code {
        0x41..=0x5A => LETTER,
        0x61..=0x7A => LETTER,
        0x30..=0x39 => DIGIT,
        0x5F => WB_KNOWN | WB_WORD,
        0x3A => WB_KNOWN | WB_MID_LETTER,
        0x2E | 0x27 => MID_NUM_LET,
        0x2C | 0x3B => WB_KNOWN | WB_MID_DIGIT,
        0..=0x7F => WB_KNOWN,
        // Latin-1: letters, the middle dot (MidLetter), and punctuation and symbols,
        // but not the soft hyphen (Format), the cedilla (joins letters), nor the
        // numbers ² ³ ¹ ¼ ½ ¾ (alphanumeric, yet not letters for UAX #29).
        0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => LETTER,
        0xB7 => WB_KNOWN | WB_MID_LETTER,
        0xAD | 0xB2 | 0xB3 | 0xB8 | 0xB9 | 0xBC..=0xBE => 0,
        0xA0..=0xBF | 0xD7 | 0xF7 => WB_KNOWN,
        // Cyrillic letters (not the combining marks U+0483–U+0489).
        0x400..=0x481 | 0x48A..=0x52F => LETTER,
        // The Arabic script without its marks: letters, digits, the comma
        // and date separator (MidNum), and punctuation.
        0x620..=0x63F | 0x641..=0x64A | 0x66E..=0x66F | 0x671..=0x6D3 | 0x6D5 => LETTER,
        0x660..=0x669 | 0x6F0..=0x6F9 => DIGIT,
        0x60C..=0x60D => WB_KNOWN | WB_MID_DIGIT,
        0x61B | 0x61F | 0x66A | 0x6D4 => WB_KNOWN,
        // General punctuation: quotes (’ ‘ are MidNumLet), dashes, ellipsis, the
        // hyphenation point (MidLetter).
        0x2018 | 0x2019 | 0x2024 => MID_NUM_LET,
        0x2027 => WB_KNOWN | WB_MID_LETTER,
        0x2010..=0x2017 | 0x201A..=0x2023 | 0x2025 | 0x2026 | 0x2030..=0x203E => WB_KNOWN,
        _ => 0,
    }
}

/// Code points below this (ASCII and every two-byte UTF-8 character) are classified
/// by table.
const WB_TABLE_END: usize = TWO_BYTE_END;

/// [`wb_class`] below [`WB_TABLE_END`]. Built at compile time, so its indexing cannot
/// panic at run time.
#[allow(clippy::indexing_slicing)]
static WB_BITS: [u8; WB_TABLE_END] = two_byte_table!(0u8, wb_class);

/// The class and length of the character at byte `i` of valid UTF-8 `bytes` (class 0,
/// length 1 at or beyond `end`).
#[inline]
fn wb_class_at(bytes: &[u8], i: usize, end: usize) -> (u8, usize) {
    if i >= end {
        return (0, 1);
    }
    let byte = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    let (code, len) = match bytes.get(i).copied().unwrap_or(0) {
        b @ 0..=0x7F => return (WB_BITS.get(usize::from(b)).copied().unwrap_or(0), 1),
        b @ 0xC0..=0xDF => ((u32::from(b & 0x1F) << 6) | byte(1), 2),
        b @ 0xE0..=0xEF => ((u32::from(b & 0x0F) << 12) | (byte(1) << 6) | byte(2), 3),
        // Four-byte characters (and, in valid UTF-8, nothing else) are never known.
        _ => return (0, 4),
    };
    let class = match WB_BITS.get(code as usize) {
        Some(&class) => class,
        None => wb_class(code),
    };
    (class, len)
}

/// [`WB_BITS`] for every ASCII byte, [`WB_BEYOND_ASCII`] for the bytes of characters
/// beyond ASCII (which [`wb_class_at`] decodes).
#[allow(clippy::indexing_slicing)]
static WB_BYTE_BITS: [u8; 256] = {
    let mut table = [WB_BEYOND_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = WB_BITS[b];
        b += 1;
    }
    table
};

/// The class of an ASCII byte, [`WB_BEYOND_ASCII`] for any other byte.
#[inline]
fn wb_byte(b: u8) -> u8 {
    WB_BYTE_BITS.get(usize::from(b)).copied().unwrap_or(0)
}

/// The code point of the two-byte UTF-8 character `lead`, `trail` (below
/// [`WB_TABLE_END`]).
#[inline]
fn two_byte_code(lead: u8, trail: u8) -> usize {
    (usize::from(lead & 0x1F) << 6) | usize::from(trail & 0x3F)
}

/// The class of the two-byte UTF-8 character `lead`, `trail`.
#[inline]
fn wb_two_byte(lead: u8, trail: u8) -> u8 {
    WB_BITS
        .get(two_byte_code(lead, trail))
        .copied()
        .unwrap_or(0)
}

/// Past the letters and digits of two bytes (Latin-1, Latin Extended, Cyrillic, the
/// Arabic script) from `pos` in valid UTF-8 `bytes`: their classes or-ed into `seen`,
/// the last one's in `before`.
#[inline]
fn two_byte_word_run(bytes: &[u8], mut pos: usize, seen: &mut u8, before: &mut u8) -> usize {
    while let Some(&[lead @ 0xC0..=0xDF, trail, ..]) = bytes.get(pos..) {
        let c = wb_two_byte(lead, trail);
        if c & WB_WORD == 0 {
            break;
        }
        *seen |= c;
        *before = c;
        pos += 2;
    }
    pos
}

/// A word of a region of known characters, from [`next_common_word`].
struct KnownWord {
    start: usize,
    stop: usize,
    /// Where the next word is looked for: past the byte after the word when that is
    /// an ASCII byte (which, not joining the word to the next, starts no word).
    next: usize,
    /// Whether the word is plain ([`WordIndices::plain`]).
    plain: bool,
}

/// The common case of [`next_fast_word`], with one table look-up a byte: a word of
/// ASCII letters, digits and `_` and of letters and digits of two bytes (Latin-1,
/// Cyrillic, the Arabic script), not of `_` alone, ended by the region's end or by a
/// character that does not join it to the next word. Characters beyond ASCII that
/// are no letters or digits (quotes, dashes) are passed before it. `None` at the end
/// of the region `bytes[pos..end]`, `Err` with the start of a word of another kind.
#[inline]
fn next_common_word(bytes: &[u8], pos: usize, end: usize) -> Option<Result<KnownWord, usize>> {
    let bytes = bytes.get(..end)?;
    // To the first letter or digit (or `_`).
    let mut i = pos;
    let start = loop {
        let class = wb_byte(*bytes.get(i)?);
        if class & WB_WORD != 0 {
            break i;
        }
        if class & WB_BEYOND_ASCII == 0 {
            i += 1;
            continue;
        }
        let (class, len) = wb_class_at(bytes, i, end);
        if class & WB_WORD != 0 {
            break i;
        }
        i += len;
    };
    // WB5, WB8, WB9, WB10, WB13a, WB13b: letters, digits and `_` hold together,
    // ASCII ones and those of two bytes each in a tight loop.
    let mut seen = 0;
    let mut class;
    loop {
        (i, class) = ascii_word_run(bytes, i, &mut seen);
        if class & WB_BEYOND_ASCII == 0 {
            break;
        }
        let at = i;
        i = two_byte_word_run(bytes, i, &mut seen, &mut 0);
        if i == at {
            break;
        }
    }
    // The character after the word, unless it is ASCII.
    let (after_word, len) = if class & WB_BEYOND_ASCII != 0 {
        wb_class_at(bytes, i, end)
    } else {
        (class, 1)
    };
    // Not a word of `_` alone (`unicode_words` drops it), nor one that goes on
    // (WB6/WB7, WB11/WB12) past `.` `'` `:` `,` `;` `’` `·` `،`.
    let ends = seen & (WB_LETTER | WB_DIGIT) != 0
        && after_word & WB_WORD == 0
        && (after_word & (WB_MID_LETTER | WB_MID_DIGIT) == 0
            || !mid_joins(
                after_word,
                class_before(bytes, i),
                wb_class_at(bytes, i + len, end).0,
            ));
    if !ends {
        return Some(Err(start));
    }
    Some(Ok(KnownWord {
        start,
        stop: i,
        // An ASCII byte after the word starts no word (nor is it one).
        next: if i < end && class & WB_BEYOND_ASCII == 0 {
            i + 1
        } else {
            i
        },
        plain: seen & WB_NOT_OWN == 0,
    }))
}

/// The class of the character that ends at `i` in `bytes`, if it is ASCII or a letter
/// or digit of two bytes (as the characters of [`next_common_word`]'s words are).
fn class_before(bytes: &[u8], i: usize) -> u8 {
    match bytes.get(..i) {
        Some(&[.., lead @ 0xC0..=0xDF, trail @ 0x80..=0xBF]) => wb_two_byte(lead, trail),
        Some(&[.., b]) => wb_byte(b),
        _ => 0,
    }
}

/// The end of the run of ASCII letters, digits and `_` from `i` in `bytes`, and the
/// class of the byte there ([`WB_END`] at the end): their classes or-ed into `seen`.
/// Eight bytes at a time while there are eight, with no bounds check for each.
#[inline]
fn ascii_word_run(bytes: &[u8], mut i: usize, seen: &mut u8) -> (usize, u8) {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        for &b in chunk {
            let class = wb_byte(b);
            if class & WB_WORD == 0 {
                return (i, class);
            }
            *seen |= class;
            i += 1;
        }
    }
    loop {
        let class = bytes.get(i).map_or(WB_END, |&b| wb_byte(b));
        if class & WB_WORD == 0 {
            return (i, class);
        }
        *seen |= class;
        i += 1;
    }
}

/// Whether a character of class `mid` joins the characters of classes `before` and
/// `after` into one word: letter (: . ' ’ ·) letter (WB6/WB7), digit (, ; . ' ’)
/// digit (WB11/WB12).
#[inline]
fn mid_joins(mid: u8, before: u8, after: u8) -> bool {
    (mid & WB_MID_LETTER != 0 && before & after & WB_LETTER != 0)
        || (mid & WB_MID_DIGIT != 0 && before & after & WB_DIGIT != 0)
}

/// The next word of the region of known characters `text[pos..end]`, by the UAX #29
/// rules WB5–WB13b (the only ones that join known characters into words; white space
/// and the other rules only ever end one), as a byte range.
///
/// Also tells whether the word is plain ([`WordIndices::plain`]).
#[inline]
fn next_fast_word(text: &str, mut pos: usize, end: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes().get(..end)?;
    loop {
        // To the first letter, digit or `_`, or the first character beyond ASCII.
        pos += bytes
            .get(pos..)?
            .iter()
            .position(|&b| b >= 0x80 || wb_byte(b) & WB_WORD != 0)?;
        let start = pos;
        let mut before = 0;
        // The classes of the word's characters (and of the ASCII byte after it).
        let mut seen = 0;
        let len = loop {
            // WB5, WB8, WB9, WB10, WB13a, WB13b: letters, digits and `_` hold
            // together; ASCII ones in a tight loop.
            let rest = bytes.get(pos..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| {
                    let c = wb_byte(b);
                    seen |= c;
                    c & WB_WORD == 0
                })
                .unwrap_or(rest.len());
            if let Some(&last) = run.checked_sub(1).and_then(|i| rest.get(i)) {
                before = wb_byte(last);
                pos += run;
            }
            let (c, len) = wb_class_at(bytes, pos, end);
            if c & WB_WORD != 0 {
                before = c;
                seen |= c;
                pos += len;
                if len == 2 {
                    // Two-byte ones (Arabic, Cyrillic) in another; white space after
                    // them ends the word.
                    pos = two_byte_word_run(bytes, pos, &mut seen, &mut before);
                    if bytes.get(pos).is_none_or(|&b| is_ascii_space(b)) {
                        break len;
                    }
                }
                continue;
            }
            // WB6/WB7: letter (: . ' ’ ·) letter; WB11/WB12: digit (, ; . ' ’) digit.
            if c & (WB_MID_LETTER | WB_MID_DIGIT) == 0 {
                break len;
            }
            let (after, _) = wb_class_at(bytes, pos + len, end);
            if !mid_joins(c, before, after) {
                break len;
            }
            seen |= c;
            pos += len;
        };
        if pos == start {
            // A character beyond ASCII that is not a letter or digit.
            pos += len;
            continue;
        }
        // A word of `_` alone has no letter or digit: `unicode_words` drops it.
        if bytes.get(start..pos)?.iter().any(|&b| b != b'_') {
            return Some((start, pos, seen & WB_NOT_OWN == 0));
        }
    }
}

/// Whether `c` is a letter or a digit (exactly `char::is_alphanumeric`), with the
/// common scripts decided by range before the (slower) Unicode tables are asked.
pub(crate) fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x620..=0x63F | 0x641..=0x64A | 0x660..=0x669 | 0x66E..=0x66F | 0x671..=0x6D3 => true,
        0x6D5 | 0x6EE..=0x6FC => true,
        0x904..=0x939 | 0x93D | 0x950 | 0x958..=0x961 | 0x966..=0x96F | 0x971..=0x97F => true,
        0x3041..=0x3096 | 0x30A1..=0x30FA | han_unified!() | hangul_syllables!() => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Every character the fast word rules know, in every context where its class
    /// matters, gives the words of `unicode_segmentation`.
    #[test]
    fn known_characters_agree_with_unicode_segmentation() {
        let known: Vec<char> = (0..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| wb_class(u32::from(c)) != 0)
            .collect();
        assert!(known.len() > 1000, "{}", known.len());
        let neighbours = [
            "a", "Z", "é", "ж", "ک", "1", "۵", "_", ".", "'", "’", ",", " ", "",
        ];
        for c in known {
            for before in neighbours {
                for after in neighbours {
                    for text in [
                        format!("{before}{c}{after}"),
                        format!("a{before}{c}{after}b"),
                        format!("1{before}{c}{after}2"),
                        format!("{c}{c}{before}"),
                    ] {
                        let want: Vec<_> = text.unicode_word_indices().collect();
                        let got: Vec<_> = word_indices(&text).collect();
                        assert_eq!(got, want, "U+{:04X} in {text:?}", u32::from(c));
                    }
                }
            }
        }
    }

    /// Every character of one or two bytes has its class in the table, and the
    /// table says "not its own key" exactly of the known characters that the match
    /// keys do not call stable.
    #[test]
    fn two_byte_table_marks_own_keys() {
        for code in 0..WB_TABLE_END as u32 {
            let class = WB_BITS[code as usize];
            assert_eq!(class, wb_class(code), "U+{code:04X}");
            if class != 0 {
                let stable = crate::normalize::is_stable(code);
                assert_eq!(class & WB_NOT_OWN == 0, stable, "U+{code:04X}");
            }
            if let Some(c) = char::from_u32(code).filter(|c| c.len_utf8() == 2) {
                let mut buf = [0; 2];
                let [lead, trail] = *c.encode_utf8(&mut buf).as_bytes() else {
                    panic!("two bytes");
                };
                assert_eq!(two_byte_code(lead, trail), code as usize);
            }
        }
    }

    proptest::proptest! {
        /// A word said to be plain is its own match key; an ASCII word is plain
        /// exactly when it has no capital, and a word of the fast rules exactly when
        /// all its characters are stable ones ([`crate::normalize::is_stable`]).
        #[test]
        fn plain_words_are_their_own_keys(
            text in "[aZ1_.,:'’“—é ж\u{301}ک\n]{0,40}",
            ascii in "[a-zA-Z0-9_.,:;' \n]{0,40}",
            known in "[aZ1_.,:'’·\u{a0} \néÉßĀжЖЀکيهہۃةے۵٣،۔]{0,40}",
        ) {
            for t in [&text, &ascii, &known] {
                let mut it = word_iter(t);
                while let Some((_, w)) = it.next() {
                    let own = matches!(crate::normalize::key(w), std::borrow::Cow::Borrowed(_));
                    let stable = w.chars().all(|c| crate::normalize::is_stable(u32::from(c)));
                    if it.plain() {
                        proptest::prop_assert!(own, "{:?} in {:?}", w, t);
                    }
                    if t.is_ascii() {
                        proptest::prop_assert_eq!(it.plain(), own, "{:?} in {:?}", w, t);
                    }
                    if std::ptr::eq(t, &known) {
                        proptest::prop_assert_eq!(it.plain(), stable, "{:?} in {:?}", w, t);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// From any position, [`next_common_word`] finds the word the rules find, or
        /// hands them its start, or tells the region's end; and where it goes on from
        /// is where the rules would: words longer than eight bytes, capitals, `_`,
        /// letters and digits of two bytes, joiners, other characters beyond ASCII
        /// before and after, and regions that end before the text (at an unknown
        /// character's chunk).
        #[test]
        fn common_words_agree_with_rules(
            text in "([a-zA-Z0-9_éÉжЖکيہ۵]{0,20}[ ,.;:'!\n\t\"’·“—«۔،؟_]{1,3}){0,8}",
            tail in "( \u{301}x| 😀|)",
        ) {
            let text = text + &tail;
            let end = known_region_end(&text, 0);
            for pos in (0..=end).filter(|&i| text.is_char_boundary(i)) {
                let want = next_fast_word(&text, pos, end);
                match next_common_word(text.as_bytes(), pos, end) {
                    Some(Ok(w)) => {
                        proptest::prop_assert_eq!(Some((w.start, w.stop, w.plain)), want);
                        proptest::prop_assert!(w.stop <= w.next && w.next <= end);
                        proptest::prop_assert_eq!(
                            next_fast_word(&text, w.next, end),
                            next_fast_word(&text, w.stop, end),
                            "after {:?} in {:?}", w.start..w.stop, text
                        );
                    }
                    Some(Err(start)) => {
                        proptest::prop_assert_eq!(next_fast_word(&text, start, end), want);
                    }
                    None => proptest::prop_assert_eq!(want, None),
                }
            }
        }
    }

    /// How many of the words of `text` (one region of known characters)
    /// [`next_common_word`] finds itself.
    fn common_words(text: &str) -> (usize, usize) {
        let end = known_region_end(text, 0);
        assert_eq!(end, text.len());
        let (mut pos, mut words, mut common) = (0, 0, 0);
        while let Some((_, stop, _)) = next_fast_word(text, pos, end) {
            words += 1;
            if let Some(Ok(_)) = next_common_word(text.as_bytes(), pos, end) {
                common += 1;
            }
            pos = stop;
        }
        (words, common)
    }

    /// [`next_common_word`] finds most words of English, Russian and Urdu: not
    /// those with an apostrophe, comma or period inside, nor `_` alone.
    #[test]
    fn common_words_are_most() {
        let english = "It was the best of times, it was the worst of times; the Age of \
            Wisdom, unquestionably: Mr. Lorry's 1,000 “guineas” wouldn't do — \
            Extraordinarily_long identifiers_and_words, _ end the café sentence.";
        assert_eq!(common_words(english), (29, 25));
        let russian = "«Кот сидел на окне», — сказал он; 3,5 кг.";
        assert_eq!(common_words(russian), (8, 7));
        let urdu = "پاکستان کا دارالحکومت اسلام آباد ہے، اور 1947ء میں بنا۔";
        assert_eq!(common_words(urdu), (10, 10));
    }

    #[test]
    fn word_char_is_alphanumeric() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}
