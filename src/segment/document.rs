//! The one pass over a text's UAX #29 pieces that comes before any boundary is
//! decided: paragraph blocks and their lines, and the casing evidence (module
//! `casing`) of every clear boundary.

use super::abbrev::Langs;
use super::boundary::{
    after_abbreviation, char_count, final_terminator, first_word, has_word, last_token, word_at,
    word_start, wrap_width,
};
use super::casing::Casing;
use super::marks::{is_closing, is_list_marker};
use super::sentence_bounds;
use super::space::{trim_white_end, trim_white_start};
use crate::util::scan;
use std::ops::Range;

/// Paragraph blocks: spans separated by lines that hold only white space, each with
/// the length in characters of its longest line (lines as `str::lines` gives them).
fn blocks(text: &str) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    let mut start = 0;
    let mut longest = 0;
    let mut lines = lines_inclusive(text).peekable();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(line) = lines.next() {
            let line_start = pos;
            pos += line.len();
            if trim_white_start(line).is_empty() {
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
                    longest = longest.max(char_count(content));
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

/// The lines of `text` with their line feeds, as `str::split_inclusive('\n')` gives
/// them, found by `memchr` (books are wrapped at 70 characters, so this runs often).
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at_checked(end)?;
        rest = tail;
        Some(line)
    })
}

/// A paragraph block with its UAX #29 pieces.
pub(super) struct Block {
    /// The block's span in the text.
    pub(super) span: Range<usize>,
    /// Whether the block holds characters beyond the UAX #29 fast path, among them
    /// any letter after which a script's own mark ends a sentence.
    pub(super) other_scripts: bool,
    /// The line length from which a line counts as wrapped prose.
    pub(super) wrap_width: usize,
    /// The block's pieces in [`Document::ends`].
    pub(super) pieces: Range<usize>,
    /// The block's entries in [`Document::lower_starts`].
    pub(super) lower_starts: Range<usize>,
}

/// What one pass over a text's UAX #29 pieces learns before any boundary is decided.
pub(super) struct Document {
    /// The blocks, in order.
    pub(super) blocks: Vec<Block>,
    /// The end of every UAX #29 piece, relative to the start of its block.
    pub(super) ends: Vec<usize>,
    /// Where a lower-case word follows a full stop and white space, relative to the
    /// start of its block: UAX #29 never breaks there, a text without case does.
    pub(super) lower_starts: Vec<usize>,
    /// How the document cases its sentence starts.
    pub(super) casing: Casing,
}

impl Document {
    /// Segments every block of `text` by UAX #29 once, gathering casing evidence.
    pub(super) fn read(text: &str, langs: &Langs<'_>) -> Self {
        let mut doc = Document {
            blocks: Vec::new(),
            ends: Vec::new(),
            lower_starts: Vec::new(),
            casing: Casing::default(),
        };
        for (span, longest_line) in blocks(text) {
            let body = text.get(span.clone()).unwrap_or_default();
            let first = doc.ends.len();
            let mut bounds = sentence_bounds::sentence_bound_indices(body);
            doc.ends
                .extend(bounds.by_ref().map(|(offset, piece)| offset + piece.len()));
            doc.casing.observe(first_word(body));
            let ends = doc.ends.get(first..).unwrap_or_default();
            for (i, &end) in ends.iter().enumerate() {
                let start = i
                    .checked_sub(1)
                    .and_then(|j| ends.get(j))
                    .copied()
                    .unwrap_or(0);
                let next_end = ends.get(i + 1).copied().unwrap_or(body.len());
                if let (Some(piece), Some(next)) = (body.get(start..end), body.get(end..next_end)) {
                    observe_boundary(piece, next, langs, &mut doc.casing);
                }
            }
            let first_start = doc.lower_starts.len();
            lower_starts(body, langs, &mut doc.lower_starts, &mut doc.casing);
            doc.blocks.push(Block {
                span,
                other_scripts: bounds.met_unknown(),
                wrap_width: wrap_width(longest_line),
                pieces: first..doc.ends.len(),
                lower_starts: first_start..doc.lower_starts.len(),
            });
        }
        doc
    }
}

/// Appends the positions in `body` where a lower-case word follows a full stop,
/// closing marks and white space on the same line (`mat. the dog`), and records the
/// clear ones (no closing marks, not after an abbreviation, an initial or a number) as
/// lower-case sentence starts.
fn lower_starts(body: &str, langs: &Langs<'_>, out: &mut Vec<usize>, casing: &mut Casing) {
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| scan::find_byte(rest, b'.'))
    {
        let dot = from + at;
        from = dot + 1;
        if no_lower_start(bytes.get(dot + 1..).unwrap_or_default()) {
            continue;
        }
        let after = body.get(dot + 1..).unwrap_or_default();
        let rest = after.trim_start_matches(is_closing);
        let next = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
        if next.len() == rest.len() {
            continue;
        }
        // Only the first letter decides; the word is read for lower-case ones.
        let start = word_start(next);
        if !start.starts_with(char::is_lowercase) {
            continue;
        }
        let word = word_at(start);
        out.push(body.len() - next.len());
        let token = last_token(body.get(..dot).unwrap_or_default());
        if rest.len() == after.len() && !is_unclear(token, word, body.get(..=dot), langs) {
            casing.observe(word);
        }
    }
}

/// Whether the bytes after a full stop plainly hold no lower-case word after white
/// space on the same line: they end, start with an ASCII byte other than a space, a
/// tab or a closing mark, or with a space and a capital (most full stops of a book).
fn no_lower_start(after: &[u8]) -> bool {
    match after {
        [] | [b' ', b'A'..=b'Z', ..] => true,
        [b, ..] => b.is_ascii() && !matches!(b, b' ' | b'\t' | b'"' | b'\'' | b')' | b']' | b'}'),
    }
}

/// Whether a full stop after `token` may not end a sentence whatever the case of the
/// next word: after an abbreviation, an initial, a number or a list marker.
fn is_unclear(token: &str, word: &str, head: Option<&str>, langs: &Langs<'_>) -> bool {
    let mut chars = token.chars();
    let short = chars.next().is_none() || chars.next().is_none();
    short
        || token.ends_with(|c: char| c.is_numeric())
        || head.is_some_and(|h| h.len() <= 16 && is_list_marker(h))
        || after_abbreviation(token, word, false, langs, true, None).is_some()
}

/// Records the first word after `piece` as a sentence start when the boundary is a
/// clear one: a terminator without closing marks, white space, then a word, and (for
/// a lower-case word, the only case where it matters) not after an abbreviation, an
/// initial, a list marker or a number.
fn observe_boundary(piece: &str, next: &str, langs: &Langs<'_>, casing: &mut Casing) {
    let head = trim_white_end(piece);
    // Most pieces of wrapped prose are lines that end in a letter: no evidence.
    if head
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return;
    }
    let Some((term, "")) = final_terminator(head) else {
        return;
    };
    // `x.com`: a full stop glued to the next word is no evidence.
    if next.is_empty() || (term == '.' && head.len() == piece.len()) {
        return;
    }
    let start = word_start(next);
    if !start.starts_with(char::is_lowercase) {
        // Only the first letter counts: the word need not be read when it is there.
        if start.starts_with(char::is_uppercase) && has_word(start) {
            casing.observe(start);
        }
        return;
    }
    let word = word_at(start);
    let token = last_token(head.get(..head.len() - term.len_utf8()).unwrap_or_default());
    if !is_unclear(token, word, Some(head), langs) {
        casing.observe(word);
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Where the byte test says no lower-case word follows a full stop, the full
        /// reading says so too.
        #[test]
        fn no_lower_start_as_read(after in "[aA. \t\n\"')\u{a0}”é]{0,6}") {
            if no_lower_start(after.as_bytes()) {
                let rest = after.trim_start_matches(is_closing);
                let next = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
                let lower = word_start(next).starts_with(char::is_lowercase);
                proptest::prop_assert!(next.len() == rest.len() || !lower);
            }
        }

        #[test]
        fn lines_as_split_inclusive(text in "[a é\r\n]{0,40}") {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            proptest::prop_assert_eq!(lines_inclusive(&text).collect::<Vec<_>>(), want);
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
}
