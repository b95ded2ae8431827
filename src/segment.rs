//! Sentences and words.
//!
//! Sentences are byte spans into the original text, found by the Unicode sentence
//! boundaries of UAX #29 and then repaired:
//!
//! - a blank line always ends a sentence (headlines, lists, paragraphs);
//! - a single line break ends a sentence only where the line looks like a line of its
//!   own (a headline or a list item), not where prose was wrapped at a fixed width;
//! - a piece longer than [`MAX_SENTENCE_BYTES`] is cut at white space, so that no
//!   input, however it is punctuated, makes later stages slow.

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
    for block in blocks(text) {
        split_block(text, block, &mut spans);
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
/// ```
/// let words: Vec<&str> = salience::segment::words("Don't stop, Mr. Smith!").collect();
/// assert_eq!(words, ["Don't", "stop", "Mr", "Smith"]);
/// ```
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence.unicode_words()
}

/// Paragraph blocks: spans separated by lines that hold only white space.
fn blocks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(line) = lines.next() {
            let line_start = pos;
            pos += line.len();
            if line.trim().is_empty() {
                let block = start..line_start;
                start = pos;
                if !block.is_empty() {
                    return Some(block);
                }
            } else if lines.peek().is_none() {
                let block = start..pos;
                start = pos;
                return Some(block);
            }
        }
        None
    })
}

/// Splits one block into sentences and appends their spans.
fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(body) = text.get(block.clone()) else {
        return;
    };
    let wrap_width = wrap_width(body);
    let mut pending: Option<Range<usize>> = None;
    for (offset, piece) in body.split_sentence_bound_indices() {
        let piece_span = block.start + offset..block.start + offset + piece.len();
        let current = match pending.take() {
            Some(open) => open.start..piece_span.end,
            None => piece_span,
        };
        if joins_next_line(piece, wrap_width) {
            pending = Some(current);
        } else {
            push_trimmed(text, current, out);
        }
    }
    if let Some(open) = pending {
        push_trimmed(text, open, out);
    }
}

/// The line length, in characters, from which a line counts as wrapped prose.
fn wrap_width(body: &str) -> usize {
    let longest = body.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    (longest * 3 / 5).max(MIN_WRAPPED_LINE)
}

/// Whether a UAX #29 piece ended only because of a line break inside wrapped prose.
fn joins_next_line(piece: &str, wrap_width: usize) -> bool {
    if !piece.ends_with('\n') {
        return false;
    }
    let line = piece.trim_end();
    if line.is_empty() || ends_with_terminator(line) {
        return false;
    }
    let last_line = line.rsplit('\n').next().unwrap_or(line);
    last_line.chars().count() >= wrap_width
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
