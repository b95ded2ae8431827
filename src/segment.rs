//! Sentences and words.
//!
//! Sentences are byte spans into the original text, found by the Unicode sentence
//! boundaries of UAX #29 and then repaired:
//!
//! - a blank line always ends a sentence (headlines, lists, paragraphs);
//! - a single line break ends a sentence only where the line looks like a line of its
//!   own (a headline or a list item), not where prose was wrapped at a fixed width;
//! - no break after a known abbreviation (one union list for all languages: `Mr.`,
//!   `e.g.`, `U.S.`, `z. B.`, `т. е.`, `डॉ.`, `د.`, …), after a single capital
//!   initial (`J. R. R. Tolkien`), after Urdu spellings of Latin letters
//!   (`پی۔ ایچ۔ ڈی`), or at a full stop glued to the next letter (`x.com/A.B`);
//!   titles never end a sentence, `p.`/`No.` not before a number, and other
//!   abbreviations only before a common sentence starter (`the U.S. How` breaks,
//!   `the U.S. Government` does not);
//! - no break when the next piece starts with a lower-case letter
//!   (`"Are you coming?" she asked.`), or with the particle `と` after a Japanese
//!   closing quote;
//! - list items (`1.`, `2)`, `a.`, `•`) start sentences, and their markers stay
//!   with them; spaced ellipses follow the Pragmatic Segmenter's golden rules;
//! - opening quotes and brackets belong to the sentence they open (`。“` and
//!   `」「`), closing ones after a space to the sentence they close (`. »`);
//! - a piece longer than [`MAX_SENTENCE_BYTES`] is cut at white space, so that no
//!   input, however it is punctuated, makes later stages slow.
//!
//! Every rule looks at a bounded window around a boundary, so the pass is linear.

mod abbrev;
mod scan;
mod sentence_bounds;

use crate::tables::{two_byte_table, TWO_BYTE_END};
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The longest sentence, in bytes; longer pieces are cut at the last white space
/// before this length (or at a character boundary when there is none).
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// A wrapped line must be at least this long (in characters) to be joined with the next.
const MIN_WRAPPED_LINE: usize = 30;

/// Byte spans of the sentences of `text`, in order, each trimmed of white space and
/// never empty.
///
/// ```
/// let text = "Hello world. How are you?\n\nFine.";
/// let spans = salience::segment::sentence_spans(text);
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
/// assert_eq!(sentences, ["Hello world.", "How are you?", "Fine."]);
/// ```
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut scratch = Scratch::default();
    for (block, longest_line) in blocks(text) {
        split_block(
            text,
            block,
            wrap_width(longest_line),
            &mut scratch,
            &mut spans,
        );
    }
    spans
}

/// The sentences of `text` as string slices, in order.
///
/// ```
/// let s = salience::split_sentences("یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟");
/// assert_eq!(s, ["یہ پہلا جملہ ہے۔", "کیا یہ دوسرا ہے؟"]);
/// ```
pub fn split_sentences(text: &str) -> Vec<&str> {
    sentence_spans(text)
        .into_iter()
        .filter_map(|span| text.get(span))
        .collect()
}

/// The words of a sentence (UAX #29 words: letters, numbers, and words joined by
/// apostrophes or periods; punctuation and white space are skipped).
///
/// The same words as `unicode_segmentation`'s `unicode_words`, found faster: runs of
/// common characters (ASCII, Latin letters, Cyrillic, the Arabic script without its
/// marks, typographic quotes and dashes) take a small state machine for the UAX #29
/// rules that those characters can meet, and only the rest takes the full tables.
///
/// ```
/// let words: Vec<&str> = salience::segment::words("Don't stop, Mr. Smith!").collect();
/// assert_eq!(words, ["Don't", "stop", "Mr", "Smith"]);
/// ```
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    word_indices(sentence).map(|(_, w)| w)
}

/// The words of a sentence with their byte offsets (see [`words`]).
///
/// ```
/// let found: Vec<(usize, &str)> = salience::segment::word_indices("کل 3.5 km").collect();
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

    fn next(&mut self) -> Option<Self::Item> {
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

/// [`WB_BITS`] for every byte, 0 for the bytes of characters beyond ASCII (which
/// [`wb_class_at`] decodes).
#[allow(clippy::indexing_slicing)]
static WB_BYTE_BITS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = WB_BITS[b];
        b += 1;
    }
    table
};

/// The class of an ASCII byte, 0 for any other byte.
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
            let joins = (c & WB_MID_LETTER != 0 && before & after & WB_LETTER != 0)
                || (c & WB_MID_DIGIT != 0 && before & after & WB_DIGIT != 0);
            if !joins {
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

/// Paragraph blocks: spans separated by lines that hold only white space, each with
/// the length in characters of its longest line (lines as `str::lines` gives them).
fn blocks(text: &str) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    let mut start = 0;
    let mut longest = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(line) = lines.next() {
            let line_start = pos;
            pos += line.len();
            if line.trim_start().is_empty() {
                let block = start..line_start;
                start = pos;
                let longest = std::mem::take(&mut longest);
                if !block.is_empty() {
                    return Some((block, longest));
                }
            } else {
                let content = line
                    .strip_suffix('\n')
                    .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l));
                // Only a line longer in bytes than the longest so far can be longer
                // in characters.
                if content.len() > longest {
                    longest = longest.max(content.chars().count());
                }
                if lines.peek().is_none() {
                    let block = start..pos;
                    start = pos;
                    return Some((block, std::mem::take(&mut longest)));
                }
            }
        }
        None
    })
}

/// Buffers that [`split_block`] reuses from one block to the next.
#[derive(Default)]
struct Scratch {
    /// The ends of the UAX #29 pieces.
    uax: Vec<usize>,
    /// The boundaries kept.
    cuts: Vec<usize>,
}

/// Splits one block into sentences and appends their spans.
///
/// The UAX #29 boundaries of the block are merged with the forced ones (list items,
/// bullets, the end of a spaced ellipsis), then each UAX #29 boundary is kept or
/// dropped by the repair rules, looking only at a bounded window on either side, so
/// the pass stays linear in the length of the block.
fn split_block(
    text: &str,
    block: Range<usize>,
    wrap_width: usize,
    scratch: &mut Scratch,
    out: &mut Vec<Range<usize>>,
) {
    let Some(body) = text.get(block.clone()) else {
        return;
    };
    let Scratch { uax, cuts } = scratch;
    uax.clear();
    uax.extend(
        sentence_bounds::sentence_bound_indices(body).map(|(offset, piece)| offset + piece.len()),
    );
    cuts.clear();
    let (zones, mut forced) = ellipses(body);
    forced.extend(list_breaks(body));
    forced.sort_unstable();
    forced.dedup();

    let mut start = 0;
    let mut zone_at = 0;
    let mut forced_at = 0;
    // Where the physical line of the current piece starts: UAX #29 breaks after every
    // line feed, so after the last piece that ended with one.
    let mut line_start = 0;
    let mut prev_end = 0;
    for (i, &end) in uax.iter().enumerate() {
        if prev_end > 0 && body.as_bytes().get(prev_end - 1) == Some(&b'\n') {
            line_start = prev_end;
        }
        prev_end = end;
        // Forced boundaries up to and including this piece's end.
        while let Some(&f) = forced.get(forced_at) {
            if f > end {
                break;
            }
            forced_at += 1;
            if f > start && f < body.len() {
                cuts.push(f);
                start = f;
            }
        }
        if end >= body.len() {
            break;
        }
        if start == end {
            continue;
        }
        while zones.get(zone_at).is_some_and(|z| z.end < end) {
            zone_at += 1;
        }
        let in_zone = zones
            .get(zone_at)
            .is_some_and(|z| z.start < end && end <= z.end);
        let next_end = uax.get(i + 1).copied().unwrap_or(body.len());
        let keep = !in_zone
            && keeps_boundary(
                body.get(start..end).unwrap_or_default(),
                body.get(line_start..end).unwrap_or_default(),
                body.get(end..next_end).unwrap_or_default(),
                wrap_width,
            );
        if keep {
            cuts.push(end);
            start = end;
        }
    }
    let mut prev = 0;
    for (i, &cut) in cuts.iter().enumerate() {
        let limit = cuts.get(i + 1).copied().unwrap_or(body.len());
        let cut = past_closing_marks(body, cut, limit);
        let cut = before_opening_marks(body, prev, cut);
        push_trimmed(text, block.start + prev..block.start + cut, out);
        prev = cut;
    }
    push_trimmed(text, block.start + prev..block.end, out);
}

/// Moves a boundary forward over closing marks that UAX #29 left at the start of
/// the next sentence because a space came first (French `« Je reviendrai. » Puis`).
/// A mark followed by a letter opens the next sentence (German `»Ja«`) and stays.
fn past_closing_marks(body: &str, cut: usize, limit: usize) -> usize {
    let Some(rest) = body.get(cut..limit) else {
        return cut;
    };
    let after_space = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    // Straight quotes open as often as they close (`defense. ' Hillary`): left alone.
    let after_marks =
        after_space.trim_start_matches(|c: char| is_closing(c) && !matches!(c, '"' | '\''));
    if after_marks.len() == after_space.len() {
        return cut;
    }
    if after_marks.is_empty() || after_marks.starts_with(char::is_whitespace) {
        limit - after_marks.len()
    } else {
        cut
    }
}

/// How far back from a boundary the last word is looked for, in bytes.
const WINDOW: usize = 64;

/// Whether a UAX #29 boundary between the sentence so far (`sentence`; `line` is the
/// physical line up to the boundary, which may start before the sentence) and the
/// next UAX #29 piece (`next`) really ends a sentence.
fn keeps_boundary(sentence: &str, line: &str, next: &str, wrap_width: usize) -> bool {
    let head = sentence.trim_end();
    if head.is_empty() {
        return false;
    }
    let gap = sentence.len() - head.len();
    let Some((term, closers)) = final_terminator(head) else {
        // UAX #29 broke at a line break: keep it unless prose was wrapped there.
        return !joins_next_line(sentence, line, wrap_width);
    };
    // Remnants such as `. . .”` or `!!` belong to the sentence they end.
    if !next.chars().any(is_word_char) {
        return false;
    }
    // A list marker (`1.`, `a.`, `• 9.`) belongs to its item.
    if head.len() <= 16 && is_list_marker(head) {
        return false;
    }
    let word = first_word(next);
    let first = word.chars().next();
    // `"Are you coming?" she asked.` and `Yahoo! in the …`
    if first.is_some_and(char::is_lowercase) {
        return false;
    }
    // `「はい。」と彼は言った。`: the quotative particle continues the sentence.
    if matches!(closers.chars().last(), Some('」' | '』' | '”')) && next.starts_with('と') {
        return false;
    }
    // `[...]" (Smith 55).`: an elided passage, not an end.
    if closers.starts_with(']') && head.trim_end_matches(is_closing).ends_with("[...") {
        return false;
    }
    if matches!(term, '۔' | '.') && closers.is_empty() {
        let token = last_token(head.get(..head.len() - term.len_utf8()).unwrap_or_default());
        if term == '.' {
            // `x.com/A.B`: a full stop glued to a letter or digit is inside a name.
            if gap == 0 && next.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return false;
            }
            if let Some(keep) = after_abbreviation(token, word) {
                return keep;
            }
        }
        // `پی۔ ایچ۔ ڈی` and `پی۔ٹی۔آئی`: Latin letters spelled in Urdu.
        let token = token.rsplit('۔').next().unwrap_or(token);
        if abbrev::is_urdu_letter_name(token) && (gap == 0 || abbrev::is_urdu_letter_name(word)) {
            return false;
        }
    }
    true
}

/// Whether the boundary after `token.` (a word before a full stop) should be kept,
/// given the next word; `None` when `token` is not an abbreviation or initial.
fn after_abbreviation(token: &str, next: &str) -> Option<bool> {
    if token.is_empty() || token.len() > abbrev::MAX_LEN {
        return None;
    }
    let next_first = next.chars().next();
    let next_is_digit = next_first.is_some_and(char::is_numeric);
    // German ordinals: `am 3. Oktober`, `im 20. Jahrhundert`.
    if token.len() <= 2 && token.bytes().all(|b| b.is_ascii_digit()) {
        return is_ordinal_noun(next).then_some(false);
    }
    // `6 P.M. Mr. Smith …`: an upper-case time ends the sentence before a capital.
    if token == "A.M" || token == "P.M" {
        return Some(next_first.is_some_and(char::is_uppercase));
    }
    // ASCII tokens lowercased on the stack (the function runs at most boundaries).
    let mut ascii = [0u8; abbrev::MAX_LEN];
    let lower: Cow<'_, str> = match ascii.get_mut(..token.len()) {
        Some(buf) if token.is_ascii() => {
            buf.copy_from_slice(token.as_bytes());
            buf.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(buf).unwrap_or_default())
        }
        _ => Cow::Owned(token.to_lowercase()),
    };
    let kind = abbrev::kind(&lower).or_else(|| {
        let mut chars = token.chars();
        let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        (single_capital || is_dotted_acronym(token)).then_some(abbrev::Kind::General)
    })?;
    Some(match kind {
        abbrev::Kind::Title => next.is_empty(),
        abbrev::Kind::Number => !next_is_digit,
        abbrev::Kind::General => abbrev::is_starter(next),
    })
}

/// `U.S`, `e.g`, `z.B`, `т.е`: letters in groups of one or two, joined by periods.
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// Nouns that follow a German ordinal number (`3. Oktober`).
fn is_ordinal_noun(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jahrhundert"
            | "Jahrhunderts"
            | "Platz"
            | "Mal"
            | "Klasse"
            | "Liga"
            | "Runde"
            | "Weltkrieg"
            | "Bundesliga"
    )
}

/// The last sentence terminator of `head` and the closing marks after it, if `head`
/// ends that way.
fn final_terminator(head: &str) -> Option<(char, &str)> {
    let body = head.trim_end_matches(is_closing);
    let closers = head.get(body.len()..).unwrap_or_default();
    body.chars()
        .next_back()
        .filter(|c| is_terminator(*c))
        .map(|c| (c, closers))
}

/// The last white-space separated token of `s` (at most [`WINDOW`] bytes back),
/// without leading opening marks.
fn last_token(s: &str) -> &str {
    let mut from = s.len().saturating_sub(WINDOW);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let tail = s.get(from..).unwrap_or_default();
    let token = tail.rsplit(char::is_whitespace).next().unwrap_or_default();
    token.trim_start_matches(|c: char| is_opening(c) || matches!(c, '"' | '\'' | '¿' | '¡'))
}

/// The first word of `s`: after white space and opening marks, up to the next
/// character that is neither a letter, a digit nor a combining mark.
fn first_word(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| {
        c.is_whitespace() || is_opening(c) || is_closing(c) || matches!(c, '¿' | '¡')
    });
    let end = rest
        .char_indices()
        .take(WINDOW)
        .find(|(_, c)| !is_word_char(*c) && !is_mark(*c))
        .map_or(rest.len().min(WINDOW * 4), |(i, _)| i);
    rest.get(..end).unwrap_or_default()
}

/// Whether `c` is a letter or a digit (exactly `char::is_alphanumeric`), with the
/// common scripts decided by range before the (slower) Unicode tables are asked.
fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x620..=0x63F | 0x641..=0x64A | 0x660..=0x669 | 0x66E..=0x66F | 0x671..=0x6D3 => true,
        0x6D5 | 0x6EE..=0x6FC => true,
        0x904..=0x939 | 0x93D | 0x950 | 0x958..=0x961 | 0x966..=0x96F | 0x971..=0x97F => true,
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphanumeric(),
    }
}

/// Combining marks common inside words of Indic and Arabic scripts.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}'
        | '\u{900}'..='\u{903}' | '\u{93A}'..='\u{94F}' | '\u{951}'..='\u{957}' | '\u{962}' | '\u{963}'
        | '\u{200C}' | '\u{200D}')
}

/// Whether `s` is only a list marker: `1.`, `2.)`, `3)`, `a.`, `b)`, `• 9.`, `⁃10.`.
fn is_list_marker(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| is_bullet(c) || c.is_whitespace());
    if s.is_empty() {
        return false;
    }
    let body = s
        .strip_suffix(".)")
        .or_else(|| s.strip_suffix(')'))
        .or_else(|| s.strip_suffix('.'));
    body.is_some_and(|b| {
        (!b.is_empty() && b.len() <= 3 && b.bytes().all(|x| x.is_ascii_digit()))
            || (b.len() == 1 && b.bytes().all(|x| x.is_ascii_alphabetic()))
    })
}

/// Bullet characters that start list items.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '►' | '▸'
    )
}

/// Forced boundaries before the items of a list: before every bullet after the
/// first character, and, when the block starts with `1.`, `1)`, `1.)`, `a.` or `a)`,
/// before each following marker in sequence (`2.`, `3.`, … or `b.`, `c.`, …).
fn list_breaks(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let lead = body.len() - body.trim_start().len();
    // Every bullet's UTF-8 encoding starts with the byte 0xE2: look at those only.
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| scan::find_byte(rest, 0xE2))
    {
        let i = from + at;
        if i > lead
            && body
                .get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(is_bullet)
        {
            out.push(i);
        }
        from = i + 1;
    }
    let Some(first) = body.split_whitespace().next() else {
        return out;
    };
    let Some(suffix) = [".)", ")", "."].into_iter().find(|s| first.ends_with(s)) else {
        return out;
    };
    let numbered = match first.strip_suffix(suffix) {
        Some("1") => true,
        Some("a") => false,
        _ => return out,
    };
    let mut next = 2u32;
    let mut expected = marker(numbered, next, suffix);
    let base = body.as_ptr() as usize;
    for token in body.split_whitespace().skip(1) {
        if Some(token) == expected.as_deref() {
            out.push(token.as_ptr() as usize - base);
            next += 1;
            expected = marker(numbered, next, suffix);
        }
    }
    out
}

/// The `n`th list marker in a style: `3.` or `c.`.
fn marker(numbered: bool, n: u32, suffix: &str) -> Option<String> {
    if numbered {
        Some(format!("{n}{suffix}"))
    } else {
        char::from_u32(u32::from('a') + n - 1)
            .filter(char::is_ascii_lowercase)
            .map(|c| format!("{c}{suffix}"))
    }
}

/// Spaced ellipses (`. . .`, `. . . .`): the zones inside which UAX #29 boundaries
/// are dropped, and the boundaries the golden rules expect instead.
///
/// - `word . . . next`: three dots are an ellipsis inside the sentence;
/// - `word . . . . Next`: an ellipsis and then a period: the sentence ends after;
/// - `word. . . . Next`: a period and then an ellipsis that opens the next sentence.
fn ellipses(body: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut zones = Vec::new();
    let mut forced = Vec::new();
    if !body.contains(". .") {
        return (zones, forced);
    }
    let bytes = body.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let mut i = 0;
    while i < bytes.len() {
        if at(i) != Some(b'.') || at(i + 1) != Some(b' ') || at(i + 2) != Some(b'.') {
            i += 1;
            continue;
        }
        let mut last = i + 2;
        let mut dots = 2;
        while at(last + 1) == Some(b' ') && at(last + 2) == Some(b'.') {
            last += 2;
            dots += 1;
        }
        let run_end = last + 1;
        let mut after = run_end;
        while at(after).is_some_and(|b| b == b' ') {
            after += 1;
        }
        if dots >= 3 {
            let attached = i > 0 && at(i - 1).is_some_and(|b| !b.is_ascii_whitespace());
            let next_upper = body
                .get(after..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase);
            zones.push(i..after);
            if dots >= 4 && next_upper {
                forced.push(if attached { i + 1 } else { after });
            }
        }
        i = run_end;
    }
    (zones, forced)
}

/// Moves a boundary back over opening quotes and brackets glued to its end
/// (`他说。“` + `你好。”` becomes `他说。` + `“你好。”`).
fn before_opening_marks(body: &str, prev: usize, cut: usize) -> usize {
    let Some(piece) = body.get(prev..cut) else {
        return cut;
    };
    let trimmed = piece.trim_end_matches(|c: char| is_opening(c) || c == '"');
    if trimmed.len() == piece.len() || trimmed.trim().is_empty() {
        return cut;
    }
    prev + trimmed.len()
}

/// Opening quotes and brackets.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '［'
            // Bidi embeddings, overrides and isolates open like brackets.
            | '\u{202a}'
            | '\u{202b}'
            | '\u{202d}'
            | '\u{202e}'
            | '\u{2066}'
            | '\u{2067}'
            | '\u{2068}'
    )
}

/// The line length, in characters, from which a line counts as wrapped prose, given
/// the longest line of the block.
fn wrap_width(longest_line: usize) -> usize {
    (longest_line * 3 / 5).max(MIN_WRAPPED_LINE)
}

/// Whether a UAX #29 piece ended only because of a line break inside wrapped prose.
///
/// `sentence` is the sentence so far and `line` the physical line that ends with it
/// (it may start before the sentence: `… last. The⏎`). Each line is measured once, at
/// its end, so the cost stays linear.
fn joins_next_line(sentence: &str, line: &str, wrap_width: usize) -> bool {
    if !sentence.ends_with('\n') {
        return false;
    }
    let head = sentence.trim_end();
    if head.is_empty() || ends_with_terminator(head) {
        return false;
    }
    // A line shorter in bytes than `wrap_width` is shorter in characters.
    let line = line.trim_end();
    line.len() >= wrap_width && (line.is_ascii() || line.chars().count() >= wrap_width)
}

/// Whether a line ends in sentence-final punctuation, perhaps followed by closing
/// quotes or brackets.
fn ends_with_terminator(line: &str) -> bool {
    line.chars()
        .rev()
        .find(|c| !is_closing(*c))
        .is_some_and(is_terminator)
}

/// Sentence-final punctuation across scripts.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '۔'
            | '؟'
            | '؛'
            | '।'
            | '॥'
            | '。'
            | '！'
            | '？'
            | '．'
            | '｡'
            | '።'
            | '፧'
            | '։'
            | '჻'
            | '၊'
            | '။'
    )
}

/// Closing quotes and brackets that may follow a terminator.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
            // Bidi pop directional formatting and pop directional isolate.
            | '\u{202c}'
            | '\u{2069}'
    )
}

/// White space as Python's `str.strip` sees it: Unicode `White_Space` plus the
/// information separators U+001C–U+001F, so that sentences equal `s.strip()`.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Pushes `span` trimmed of white space, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(piece) = text.get(span.clone()) else {
        return;
    };
    let start = span.start + (piece.len() - piece.trim_start_matches(is_space).len());
    let end = span.start + piece.trim_end_matches(is_space).len();
    if start >= end {
        return;
    }
    cut_long(text, start..end, out);
}

/// Cuts a trimmed span longer than [`MAX_SENTENCE_BYTES`] at white space.
fn cut_long(text: &str, mut span: Range<usize>, out: &mut Vec<Range<usize>>) {
    while span.end - span.start > MAX_SENTENCE_BYTES {
        let mut cut = span.start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = text.get(span.start..cut).unwrap_or_default();
        let at_space = window
            .char_indices()
            .rev()
            .find(|(i, c)| *i > 0 && is_space(*c))
            .map(|(i, _)| span.start + i);
        let cut = at_space.unwrap_or(cut);
        let head = text.get(span.start..cut).unwrap_or_default();
        out.push(span.start..span.start + head.trim_end_matches(is_space).len());
        let rest = text.get(cut..span.end).unwrap_or_default();
        span = span.end - rest.trim_start_matches(is_space).len()..span.end;
    }
    if span.start < span.end {
        out.push(span);
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

        /// The line that split_block passes (after the last line feed before the
        /// piece's own) gives the answer of counting characters back from the
        /// boundary over the whole block, as the test was first written.
        #[test]
        fn joins_next_line_on_the_physical_line(
            // Lines of a block: none is only white space (those separate blocks).
            body in "[a.é😀][a .é😀]{0,11}(\n[a.é😀][a .é😀]{0,11}){0,4}\n",
            cut in 0usize..60,
            wrap in 1usize..12,
        ) {
            let end = body.len();
            let mut start = cut.min(end - 1);
            while !body.is_char_boundary(start) {
                start -= 1;
            }
            let sentence = &body[start..end];
            let line_start = body[..end - 1].rfind('\n').map_or(0, |i| i + 1);
            let line = &body[line_start..end];
            let head = sentence.trim_end();
            let want = sentence.ends_with('\n')
                && !head.is_empty()
                && !ends_with_terminator(head)
                && body.trim_end().chars().rev().take_while(|&c| c != '\n').take(wrap).count() >= wrap;
            proptest::prop_assert_eq!(joins_next_line(sentence, line, wrap), want);
        }

        /// The longest line of each block by bytes first, then characters, as by
        /// characters.
        #[test]
        fn blocks_measure_lines_by_characters(text in "[a é😀\r\n]{0,200}") {
            for (block, longest) in blocks(&text) {
                let body = &text[block];
                let want = body.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                proptest::prop_assert_eq!(longest, want, "{:?}", body);
            }
        }
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
