//! Sentence spans: the public functions, and the repair pass that builds a block's
//! sentences from what `document` read, the rules of `boundary` and the marks of
//! `marks` (see the [module docs](super) for the rules).

use super::abbrev::Langs;
use super::boundary::{ends_with_terminator, keeps_boundary};
use super::document::{Block, Document};
use super::marks::{before_opening_marks, ellipses, list_breaks, past_closing_marks};
use super::space::{is_space, trim_space_end, trim_space_start};
use super::{pseudo, terminators};
use crate::lang::Language;
use std::ops::Range;

/// The longest sentence, in bytes; longer pieces are cut at the last white space
/// before this length (or at a character boundary when there is none).
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Byte spans of the sentences of `text`, in order, each trimmed of white space and
/// never empty. The abbreviation lists are those of the language detected from the
/// text, when a boundary depends on it (see [`sentence_spans_in`]).
///
/// In a text that does not capitalise its sentence starts (all lower case, chat, a
/// caseless script) a lower-case word after a terminator starts a sentence; in one that
/// does, it continues the sentence. Runs without terminators of more than 40 words are
/// cut into pseudo-sentences of 10–40 words at the best pause (see the module docs).
///
/// ```
/// let text = "Hello world. How are you?\n\nFine.";
/// let spans = salience::sentence_spans(text);
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
/// assert_eq!(sentences, ["Hello world.", "How are you?", "Fine."]);
/// ```
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    sentence_spans_in(text, None)
}

/// Byte spans of the sentences of `text` with the abbreviation, title and ordinal
/// lists of `language` (and the universal list); with `None`, of the language
/// detected from the text, as [`sentence_spans`].
///
/// ```
/// use salience::{sentence_spans_in, Language};
///
/// let text = "Am 3. Oktober kam er. Er blieb.";
/// let spans = sentence_spans_in(text, Some(Language::German));
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
/// assert_eq!(sentences, ["Am 3. Oktober kam er.", "Er blieb."]);
/// ```
pub fn sentence_spans_in(text: &str, language: Option<Language>) -> Vec<Range<usize>> {
    spans_and_language(text, language).0
}

/// The sentence spans of `text`, and the language detected on the way if the
/// lists needed one (`Some(None)`: detection ran and found none).
pub(crate) fn spans_and_language(
    text: &str,
    language: Option<Language>,
) -> (Vec<Range<usize>>, Option<Option<Language>>) {
    let langs = Langs::new(text, language);
    let doc = Document::read(text, &langs);
    let cased = doc.casing.is_cased();
    let mut spans = Vec::new();
    let mut cuts = Vec::new();
    let mut merged = Vec::new();
    for block in &doc.blocks {
        let mut ends = doc.ends.get(block.pieces.clone()).unwrap_or_default();
        let starts = doc.lower_starts.get(block.lower_starts.clone());
        if let Some(starts) = starts.filter(|s| !cased && !s.is_empty()) {
            merge(ends, starts, &mut merged);
            ends = &merged;
        }
        split_block(text, block, ends, &langs, cased, &mut cuts, &mut spans);
    }
    (spans, langs.detected())
}

/// The sorted union of two sorted lists.
fn merge(a: &[usize], b: &[usize], out: &mut Vec<usize>) {
    out.clear();
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out.dedup();
}

/// The sentences of `text` as string slices, in order.
///
/// ```
/// let s = salience::split_sentences("یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟");
/// assert_eq!(s, ["یہ پہلا جملہ ہے۔", "کیا یہ دوسرا ہے؟"]);
/// ```
pub fn split_sentences(text: &str) -> Vec<&str> {
    split_sentences_in(text, None)
}

/// The sentences of `text` as string slices, with the lists of `language` (see
/// [`sentence_spans_in`]).
///
/// ```
/// use salience::{split_sentences_in, Language};
///
/// let s = split_sentences_in("Han kom d. 3. oktober. Det regnede.", Some(Language::Danish));
/// assert_eq!(s, ["Han kom d. 3. oktober.", "Det regnede."]);
/// ```
pub fn split_sentences_in(text: &str, language: Option<Language>) -> Vec<&str> {
    sentence_spans_in(text, language)
        .into_iter()
        .filter_map(|span| text.get(span))
        .collect()
}

/// Splits one block into sentences and appends their spans.
///
/// The UAX #29 boundaries of the block are merged with the forced ones (list items,
/// bullets, the end of a spaced ellipsis), then each UAX #29 boundary is kept or
/// dropped by the repair rules, looking only at a bounded window on either side, so
/// the pass stays linear in the length of the block.
fn split_block(
    text: &str,
    block: &Block,
    uax: &[usize],
    langs: &Langs<'_>,
    cased: bool,
    cuts: &mut Vec<usize>,
    out: &mut Vec<Range<usize>>,
) {
    let Some(body) = text.get(block.span.clone()) else {
        return;
    };
    let wrap_width = block.wrap_width;
    cuts.clear();
    let (zones, mut forced) = ellipses(body, cased);
    forced.extend(list_breaks(body));
    if block.other_scripts {
        forced.extend(terminators::script_breaks(body));
    }
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
                langs,
                cased,
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
        push_trimmed(
            text,
            block.span.start + prev..block.span.start + cut,
            cased,
            out,
        );
        prev = cut;
    }
    push_trimmed(text, block.span.start + prev..block.span.end, cased, out);
}

/// Pushes `span` trimmed of white space, cut into pseudo-sentences when it is too long
/// a run of words and into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, span: Range<usize>, cased: bool, out: &mut Vec<Range<usize>>) {
    let Some(piece) = text.get(span.clone()) else {
        return;
    };
    let start = span.start + (piece.len() - trim_space_start(piece).len());
    let end = span.start + trim_space_end(piece).len();
    if start >= end {
        return;
    }
    let sentence = text.get(start..end).unwrap_or_default();
    // A span too short to hold more words than any limit needs no look at its end.
    let words = if sentence.len() <= 2 * pseudo::AIM_WORDS {
        None
    } else {
        let limit = pseudo::word_limit(ends_with_terminator(sentence));
        pseudo::words_beyond(sentence, limit)
    };
    let Some(words) = words else {
        cut_long(text, start..end, out);
        return;
    };
    let from = out.len();
    pseudo::cut(text, start..end, &words, cased, out);
    let pieces: Vec<Range<usize>> = out.drain(from..).collect();
    for piece in pieces {
        cut_long(text, piece, out);
    }
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
