//! UAX #29 sentence boundaries with a fast path.
//!
//! `unicode_segmentation` finds sentence boundaries by a state machine over the
//! Unicode tables, about 25 MB/s. Most text is ASCII, Latin-1 and the Latin
//! extensions of Central European languages and Vietnamese, the Arabic script and a
//! few typographic quotes and dashes, whose sentence-break classes are few and fixed:
//! for those the rules SB3–SB11 reduce to a scan for terminators and a look at what
//! follows them (SB5's combining marks and format characters taken as transparent).
//! Lines made only of such characters take that scan; a line with any other
//! character goes to `unicode_segmentation`. UAX #29 always breaks after a line feed
//! (SB4) and no rule looks across one (a paragraph separator stops SB8's look-ahead,
//! and the look-behind rules need a terminator, a close or a space before the
//! position), so splitting at line feeds changes nothing: the pieces are exactly
//! those of `split_sentence_bound_indices`, which the property tests below check
//! against the crate itself.

use crate::util::tables::{two_byte_table, TWO_BYTE_END};
use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 sentence-break classes, for the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sc {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    /// Extend and Format: transparent (SB5), they belong to the character before.
    Extend,
    Other,
}

/// The class of an ASCII byte.
#[inline]
const fn sc_ascii(b: u8) -> Sc {
    match b {
        b'\r' => Sc::Cr,
        b'\n' => Sc::Lf,
        b' ' | b'\t' | 0x0B | 0x0C => Sc::Sp,
        b'a'..=b'z' => Sc::Lower,
        b'A'..=b'Z' => Sc::Upper,
        b'0'..=b'9' => Sc::Numeric,
        b'.' => Sc::ATerm,
        b'!' | b'?' => Sc::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sc::Close,
        b',' | b'-' | b':' | b';' => Sc::SContinue,
        _ => Sc::Other,
    }
}

/// The class of a character the fast path knows, by code point: ASCII, Latin-1,
/// the Arabic block, combining diacritics, typographic quotes and dashes; `None` for
/// any other (those go to the full rules).
const fn classify(code: u32) -> Option<Sc> {
    Some(match code {
        0..=0x7F => sc_ascii(code as u8),
        0xA0 => Sc::Sp,
        0xAA | 0xB5 | 0xBA | 0xDF..=0xF6 | 0xF8..=0xFF => Sc::Lower,
        0xAB | 0xBB => Sc::Close,
        0xC0..=0xD6 | 0xD8..=0xDE => Sc::Upper,
        0xAD => Sc::Extend,
        0xA1..=0xBF | 0xD7 | 0xF7 => Sc::Other,
        // Latin Extended-A and Latin Extended Additional (Central European
        // languages, Vietnamese): letters alone.
        0x100..=0x17F | 0x1E00..=0x1EFF => latin_case(code),
        0x2013 | 0x2014 => Sc::SContinue,
        0x2018..=0x201F => Sc::Close,
        0x2026 => Sc::Other,
        // Arabic script (Urdu, Persian, Arabic).
        0x600..=0x605 | 0x660..=0x669 | 0x66B..=0x66C | 0x6DD | 0x6F0..=0x6F9 => Sc::Numeric,
        0x60C..=0x60D => Sc::SContinue,
        0x61D..=0x61F | 0x6D4 => Sc::STerm,
        0x620..=0x64A
        | 0x66E..=0x66F
        | 0x671..=0x6D3
        | 0x6D5
        | 0x6E5..=0x6E6
        | 0x6EE..=0x6EF
        | 0x6FA..=0x6FC
        | 0x6FF => Sc::OLetter,
        // Combining marks (Extend) and format characters: transparent, SB5.
        0x300..=0x36F
        | 0x610..=0x61A
        | 0x61C
        | 0x64B..=0x65F
        | 0x670
        | 0x6D6..=0x6DC
        | 0x6DF..=0x6E4
        | 0x6E7..=0x6E8
        | 0x6EA..=0x6ED
        | 0x200B..=0x200F => Sc::Extend,
        0x606..=0x6FF => Sc::Other,
        _ => return None,
    })
}

/// The class of a letter of Latin Extended-A (U+0100–U+017F) or Latin Extended
/// Additional (U+1E00–U+1EFF): capitals and small letters alternate in pairs, with
/// a few small letters alone and the pairs of U+0139–U+0148 and U+0179–U+017E
/// starting on an odd code point.
const fn latin_case(code: u32) -> Sc {
    let upper = match code {
        0x138 | 0x149 | 0x17F | 0x1E96..=0x1E9D | 0x1E9F => false,
        0x178 | 0x1E9E => true,
        0x139..=0x148 | 0x179..=0x17E => code % 2 == 1,
        _ => code % 2 == 0,
    };
    if upper {
        Sc::Upper
    } else {
        Sc::Lower
    }
}

/// Code points below this (ASCII and every two-byte UTF-8 character) are classified
/// by table.
const TABLE_END: usize = TWO_BYTE_END;

/// [`classify`] for the code points below [`TABLE_END`]. Built at compile time, so
/// the indexing below cannot panic at run time (out of range would not compile).
#[allow(clippy::indexing_slicing)]
static TABLE: [Option<Sc>; TABLE_END] = two_byte_table!(None, classify);

/// The class of a character the fast path knows, `None` for any other.
#[inline]
fn sc_known(c: char) -> Option<Sc> {
    let code = u32::from(c);
    match TABLE.get(code as usize) {
        Some(class) => *class,
        None => classify(code),
    }
}

/// The class of the two-byte UTF-8 character `lead`, `trail` (`None` for one the
/// fast path does not know).
#[inline]
fn sc_two_byte(lead: u8, trail: u8) -> Option<Sc> {
    let code = (usize::from(lead & 0x1F) << 6) | usize::from(trail & 0x3F);
    TABLE.get(code).copied().flatten()
}

/// Past the two-byte characters from `i` that are not terminators, and the single
/// ASCII bytes between them that are neither terminators nor line ends, in
/// `bytes[..end]` (valid UTF-8, cut at a character boundary): the words and spaces
/// of an Arabic-script or Cyrillic line without leaving the loop at each character.
#[inline]
fn skip_two_byte_run(bytes: &[u8], mut i: usize, end: usize) -> usize {
    loop {
        match bytes.get(i..end) {
            Some(&[lead @ 0xC0..=0xDF, trail, ..])
                if !matches!(sc_two_byte(lead, trail), Some(Sc::STerm | Sc::ATerm)) =>
            {
                i += 2;
            }
            Some(&[b, 0xC0..=0xDF, ..]) if b.is_ascii() && !is_ascii_stop(b) => i += 1,
            _ => return i,
        }
    }
}

/// The ASCII bytes that [`fast_sentence_end`] stops at: line ends and terminators.
#[inline]
fn is_ascii_stop(b: u8) -> bool {
    matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?')
}

/// The class and length of the character at byte `i` of `text` (a known one: the
/// caller only scans lines before [`first_unknown`]).
#[inline]
fn sc_at(text: &str, i: usize) -> Option<(Sc, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((sc_ascii(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((sc_known(c).unwrap_or(Sc::Other), c.len_utf8()))
}

/// The class of the character that ends before byte `i`, Extend and Format
/// characters skipped (SB5).
fn sc_before(text: &str, i: usize) -> Option<Sc> {
    text.get(..i)?
        .chars()
        .rev()
        .map(sc_known)
        .find(|c| *c != Some(Sc::Extend))
        .flatten()
}

/// SB8's look-ahead: from byte `j`, does a lowercase letter come before any letter,
/// paragraph separator or terminator?
fn lower_follows(text: &str, end: usize, mut j: usize) -> bool {
    while j < end {
        let Some((class, len)) = sc_at(text, j) else {
            return false;
        };
        match class {
            Sc::Lower => return true,
            Sc::Upper | Sc::OLetter | Sc::Cr | Sc::Lf | Sc::ATerm | Sc::STerm => return false,
            _ => j += len,
        }
    }
    false
}

/// The end of the sentence piece that starts at `from`, in `text[..end]`, which only
/// holds known characters, and where `end` is a paragraph boundary or the end.
fn fast_sentence_end(text: &str, end: usize, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < end {
        // Skip to the next byte that may matter: a line end, a terminator, or the
        // first byte of a character beyond ASCII.
        let Some(skip) = bytes
            .get(i..end)
            .and_then(crate::util::scan::find_sentence_stop)
        else {
            return end;
        };
        i += skip;
        let Some(&b) = bytes.get(i) else {
            return end;
        };
        let (aterm, len) = if b < 0x80 {
            match b {
                b'\n' => return i + 1,
                b'\r' => return past_cr(bytes, i),
                b'.' => (true, 1),
                b'!' | b'?' => (false, 1),
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            // Letters and spaces of a two-byte script, up to a terminator.
            let past = skip_two_byte_run(bytes, i, end);
            if past > i {
                i = past;
                continue;
            }
            match sc_at(text, i) {
                Some((Sc::STerm, len)) => (false, len),
                Some((Sc::ATerm, len)) => (true, len),
                Some((_, len)) => {
                    i += len;
                    continue;
                }
                None => return end,
            }
        };
        match after_terminator(text, end, i, i + len, aterm) {
            Ok(cut) => return cut,
            Err(next) => i = next,
        }
    }
    end
}

/// The end of a line that ends with the carriage return at `i`: past the line feed of
/// a CR LF pair (SB3), else past the CR.
fn past_cr(bytes: &[u8], i: usize) -> usize {
    if bytes.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    }
}

/// The rules after a terminator at `t` (ending at `j`): `Ok` with the end of the
/// sentence piece, or `Err` with where to go on scanning when the piece goes on.
fn after_terminator(
    text: &str,
    end: usize,
    t: usize,
    mut j: usize,
    aterm: bool,
) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    let mut glued = true;
    let mut next = None;
    // Close* (with Extend and Format, SB5)
    while j < end {
        match sc_at(text, j) {
            Some((Sc::Extend, len)) => j += len,
            Some((Sc::Close, len)) => {
                glued = false;
                j += len;
            }
            other => {
                next = other;
                break;
            }
        }
    }
    // Sp*
    while j < end {
        match sc_at(text, j) {
            Some((Sc::Extend, len)) => j += len,
            Some((Sc::Sp, len)) => {
                glued = false;
                j += len;
            }
            other => {
                next = other;
                break;
            }
        }
    }
    if j >= end {
        return Ok(end);
    }
    let Some((next, _)) = next else {
        return Ok(end);
    };
    match next {
        // SB9, SB10, then SB4 after the separator.
        Sc::Lf => return Ok(j + 1),
        Sc::Cr => return Ok(past_cr(bytes, j)),
        _ => {}
    }
    let goes_on = (aterm && glued && next == Sc::Numeric) // SB6
        || (aterm
            && glued
            && next == Sc::Upper
            && matches!(sc_before(text, t), Some(Sc::Upper | Sc::Lower))) // SB7
        || (aterm && lower_follows(text, end, j)) // SB8
        || matches!(next, Sc::SContinue | Sc::ATerm | Sc::STerm); // SB8a
    if goes_on {
        Err(j)
    } else {
        Ok(j) // SB11
    }
}

/// The byte offset of the first character from `from` on that the fast path does not
/// know, or the length of `text`.
fn first_unknown(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    // Only the characters of other lead bytes may be unknown.
    while let Some(off) = bytes.get(i..).and_then(crate::util::scan::first_other_lead) {
        let at = i + off;
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return at;
        };
        if sc_known(c).is_none() {
            return at;
        }
        i = at + c.len_utf8();
    }
    bytes.len()
}

/// The iterator behind [`sentence_bound_indices`].
pub(crate) struct SentenceBounds<'t> {
    text: &'t str,
    /// Start of the next piece.
    pos: usize,
    /// End of the known region being scanned (a paragraph boundary or the end).
    fast_end: usize,
    /// The library's iterator over a line with other characters, and its offset.
    uni: Option<(usize, unicode_segmentation::USentenceBoundIndices<'t>)>,
    /// Whether some line held a character the fast path does not know.
    met_unknown: bool,
}

/// The UAX #29 sentence pieces of `text` with their byte offsets, exactly as
/// `unicode_segmentation`'s `split_sentence_bound_indices` gives them.
pub(crate) fn sentence_bound_indices(text: &str) -> SentenceBounds<'_> {
    SentenceBounds {
        text,
        pos: 0,
        fast_end: 0,
        uni: None,
        met_unknown: false,
    }
}

impl SentenceBounds<'_> {
    /// Whether the text read so far held a character the fast path does not know
    /// (once the iterator is done: whether the whole text did). Text of known
    /// characters alone holds no letter of the scripts whose marks
    /// [`super::terminators::script_breaks`] looks for.
    pub(crate) fn met_unknown(&self) -> bool {
        self.met_unknown
    }
}

/// Whether the fast path knows `c` (tests elsewhere rely on what it does not know).
#[cfg(test)]
pub(super) fn is_known(c: char) -> bool {
    sc_known(c).is_some()
}

impl<'t> Iterator for SentenceBounds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        loop {
            if let Some((base, it)) = &mut self.uni {
                if let Some((off, piece)) = it.next() {
                    return Some((*base + off, piece));
                }
                self.uni = None;
            }
            if self.pos < self.fast_end {
                let end = fast_sentence_end(self.text, self.fast_end, self.pos);
                let start = self.pos;
                self.pos = end.max(start + 1).min(self.fast_end);
                return self.text.get(start..self.pos).map(|p| (start, p));
            }
            if self.pos >= self.text.len() {
                return None;
            }
            // Plan from `pos`, a paragraph boundary: the lines up to the first one
            // with a character the fast path does not know go to the fast path, that
            // line to the full rules.
            let unknown = first_unknown(self.text, self.pos);
            if unknown >= self.text.len() {
                self.fast_end = self.text.len();
                continue;
            }
            let line_start = self
                .text
                .as_bytes()
                .get(self.pos..unknown)
                .and_then(|head| head.iter().rposition(|&b| b == b'\n'))
                .map_or(self.pos, |i| self.pos + i + 1);
            if line_start > self.pos {
                self.fast_end = line_start;
            } else {
                let end = line_end(self.text, unknown);
                let region = self.text.get(self.pos..end).unwrap_or_default();
                self.uni = Some((self.pos, region.split_sentence_bound_indices()));
                self.met_unknown = true;
                self.pos = end;
                self.fast_end = end;
            }
        }
    }
}

/// The end of the line that holds byte `start`, past its line feed.
fn line_end(text: &str, start: usize) -> usize {
    text.as_bytes()
        .get(start..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(text.len(), |i| start + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Pieces<'a> = Vec<(usize, &'a str)>;

    fn pieces(text: &str) -> (Pieces<'_>, Pieces<'_>) {
        let want = text.split_sentence_bound_indices().collect();
        let got = sentence_bound_indices(text).collect();
        (got, want)
    }

    fn same(text: &str) {
        let (got, want) = pieces(text);
        assert_eq!(got, want, "{text:?}");
    }

    /// The characters that [`first_unknown`] steps over by their lead byte (those of
    /// `0xC3` and `0xD8`–`0xDB`) are all known, as is ASCII.
    #[test]
    fn characters_of_the_skipped_leads_are_known() {
        let skipped = (0..0x80).chain(0xC0..0x100).chain(0x600..0x700);
        for c in skipped.filter_map(char::from_u32) {
            assert!(sc_known(c).is_some(), "U+{:04X}", u32::from(c));
        }
    }

    /// The Latin letters classified by their code point have that case.
    #[test]
    fn latin_letters_have_their_case() {
        for c in ('\u{100}'..='\u{17F}').chain('\u{1E00}'..='\u{1EFF}') {
            let want = if c.is_uppercase() {
                Sc::Upper
            } else {
                Sc::Lower
            };
            assert!(
                c.is_uppercase() != c.is_lowercase(),
                "U+{:04X}",
                u32::from(c)
            );
            assert_eq!(sc_known(c), Some(want), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn agrees_with_unicode_segmentation() {
        for text in [
            "",
            "Hello world. How are you?\n\nFine.",
            "Mr. Smith went to Washington. He said \"hi.\" then left.",
            "U.S. forces arrived. 3.14 is pi. etc. and more",
            "He said “Stop.” Then — silence… É. Été. café. Über.",
            "Line one\r\nline two.\rThree?! Four.)  (five",
            "یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟\nEnglish line. Next.",
            "a.\u{ad}b. C\u{2028}d",
            "a\u{6df}.A .\u{64b}‘A .\u{61c}' \u{feff}Title.",
        ] {
            same(text);
        }
    }

    /// Every text of the evaluation sets (each one absent is skipped with a message).
    #[test]
    fn agrees_on_the_evaluation_texts() {
        let files = [
            "corpora/gutenberg/alice_in_wonderland.txt",
            "corpora/gutenberg/war_and_peace.txt",
            "samples/urdu_news_sco_summit.txt",
            "summarization/cnndm_250.jsonl",
            "summarization/xlsum_urdu_244.jsonl",
            "summarization/urdu_usc_50.jsonl",
        ];
        for file in files {
            if let Some(text) = crate::eval_data::read(file) {
                let (got, want) = pieces(&text);
                assert!(got == want, "{file}");
            }
        }
    }

    /// Pieces of text where the rules differ: terminators, closes, spaces, letters of
    /// each case, digits, line ends, and characters on both sides of the fast path's
    /// border (marks, format characters, separators, other scripts).
    fn mixed() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "a", "b", "Z", "Mr", "etc", "x", "1", "42", "_", ".", "..", "!", "?", ",", ";", ":",
            "-", "'", "\"", "(", ")", "[", "]", "{", "}", " ", "  ", "\t", "\n", "\r", "\r\n",
            "\n\n", "\u{0b}", "\u{0c}", "é", "É", "’", "”", "“", "‘", "—", "–", "…", "\u{a0}",
            "\u{3000}", "\u{85}", "\u{2028}", "\u{ad}", "\u{301}", "\u{93f}", "\u{200b}",
            "\u{200c}", "\u{200d}", "\u{feff}", "کہا", "۔", "؟", "،", "؛", "\u{64b}", "\u{670}",
            "\u{61c}", "۵", "٣", "\u{600}", "\u{6dd}", "ے", "א", "ー", "カ", "😀", "。", "ß", "ǅ",
            "£", "×", "¡", "«", "»", "ª", "\u{2024}", "\u{fe52}", "œ", "Ÿ", "\u{80}", "The", "U.S",
            "e.g", "3.14",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn agrees_on_mixed_pieces(text in mixed()) {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn agrees_on_latin1_and_punctuation(
            text in "[\\x00-\\xff\\u{100}-\\u{17f}\\u{1e00}-\\u{1eff}\\u{2010}-\\u{2030}]{0,40}"
        ) {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn agrees_on_the_arabic_block(
            text in "[ .!?a-zA-Z0-9\\n\\u{300}-\\u{36f}\\u{600}-\\u{6ff}\\u{2018}-\\u{201d}]{0,40}"
        ) {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }

        /// Every two-byte character, with the ASCII bytes the two-byte runs stop at.
        #[test]
        fn agrees_on_two_byte_text(text in "[ .!?aA1\"\n\r\u{80}-\u{7ff}]{0,60}") {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }

        /// Words of two-byte scripts with the spaces and terminators between them.
        #[test]
        fn agrees_on_two_byte_words(
            text in "((کہا|ہے|جملہ|Жук|été|٣|\u{64b}|A|a)( |  |\n|۔ |؟ |\\. |! |،)){0,20}"
        ) {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn agrees_on_any_string(text in any::<String>()) {
            let (got, want) = pieces(&text);
            prop_assert_eq!(got, want);
        }
    }
}
