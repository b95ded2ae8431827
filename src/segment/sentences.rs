//! Sentences: UAX #29 boundaries and the repair pass over them (see the
//! [module docs](super) for the rules).

use super::abbrev::{self, Langs};
use super::casing::{self, Casing};
use super::terminators::{self, is_terminator};
use super::words::is_word_char;
use super::{pseudo, scan, sentence_bounds};
use crate::lang::Language;
use std::ops::Range;

/// The longest sentence, in bytes; longer pieces are cut at the last white space
/// before this length (or at a character boundary when there is none).
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// A wrapped line must be at least this long (in characters) to be joined with the next.
const MIN_WRAPPED_LINE: usize = 30;

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

/// The length of `line` in characters: its bytes less the UTF-8 continuation bytes,
/// a count that vectorises (`chars().count()` costs more on lines this short).
fn char_count(line: &str) -> usize {
    let continuations: usize = line
        .as_bytes()
        .chunks(255)
        .map(|chunk| {
            let n = chunk
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b & 0xC0 == 0x80));
            usize::from(n)
        })
        .sum();
    line.len() - continuations
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
struct Block {
    /// The block's span in the text.
    span: Range<usize>,
    /// Whether the block holds characters beyond the UAX #29 fast path, among them
    /// any letter after which a script's own mark ends a sentence.
    other_scripts: bool,
    /// The line length from which a line counts as wrapped prose.
    wrap_width: usize,
    /// The block's pieces in [`Document::ends`].
    pieces: Range<usize>,
    /// The block's entries in [`Document::lower_starts`].
    lower_starts: Range<usize>,
}

/// What one pass over a text's UAX #29 pieces learns before any boundary is decided.
struct Document {
    /// The blocks, in order.
    blocks: Vec<Block>,
    /// The end of every UAX #29 piece, relative to the start of its block.
    ends: Vec<usize>,
    /// Where a lower-case word follows a full stop and white space, relative to the
    /// start of its block: UAX #29 never breaks there, a text without case does.
    lower_starts: Vec<usize>,
    /// How the document cases its sentence starts.
    casing: Casing,
}

impl Document {
    /// Segments every block of `text` by UAX #29 once, gathering casing evidence.
    fn read(text: &str, langs: &Langs<'_>) -> Self {
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
fn keeps_boundary(
    sentence: &str,
    line: &str,
    next: &str,
    wrap_width: usize,
    langs: &Langs<'_>,
    cased: bool,
) -> bool {
    let head = trim_white_end(sentence);
    if head.is_empty() {
        return false;
    }
    let gap = sentence.len() - head.len();
    let Some((term, closers)) = final_terminator(head) else {
        // UAX #29 broke at a line break: keep it unless prose was wrapped there.
        return !joins_next_line(sentence, line, wrap_width);
    };
    // Myanmar `၊` is a comma; Khmer `។ល។` is one word.
    if terminators::is_pause(term) || (closers.is_empty() && terminators::glued(term, next)) {
        return false;
    }
    // Remnants such as `. . .”` or `!!` belong to the sentence they end.
    if !next.chars().any(is_word_char) {
        return false;
    }
    // A list marker (`1.`, `a.`, `• 9.`) belongs to its item.
    if head.len() <= 16 && is_list_marker(head) {
        return false;
    }
    // The next word is read only where a rule below needs it; its first letter is
    // that of `start` when the word is not empty.
    let start = word_start(next);
    let word = || word_at(start);
    // `"Are you coming?" she asked.` and `Yahoo! in the …`, where the document's
    // sentences start with capitals.
    if cased
        && casing::starts_lower(start)
        && start.starts_with(|c: char| is_word_char(c) || is_mark(c))
        && has_word(start)
    {
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
            let in_date = is_number(token) && {
                let before = head.get(..head.len() - 1 - token.len()).unwrap_or_default();
                last_token(before.trim_end())
                    .strip_suffix('.')
                    .is_some_and(is_number)
            };
            // An ASCII token that is no abbreviation keeps the boundary (the rule
            // below is for Urdu letters): telling `after_abbreviation` so spares
            // detecting the language where no list would say otherwise.
            let unlisted = token.is_ascii().then_some(true);
            if let Some(keep) = after_abbreviation(token, word(), in_date, langs, cased, unlisted) {
                return keep;
            }
        }
        // `پی۔ ایچ۔ ڈی` and `پی۔ٹی۔آئی`: Latin letters spelled in Urdu.
        let token = token.rsplit('۔').next().unwrap_or(token);
        if !token.is_ascii()
            && langs.is_letter_name(token)
            && (gap == 0 || langs.is_letter_name(word()))
        {
            return false;
        }
    }
    true
}

/// Whether the boundary after `token.` (a word before a full stop) should be kept,
/// given the next word and whether the document is cased; `None` when `token` is not
/// an abbreviation, an initial or an ordinal number in the text's language. `in_date`:
/// the token before is a number with a period too (`2024. 3. 15.`). In a document
/// without case a single lower-case letter is an initial too (`j. r. r. tolkien`).
/// `unlisted` is the answer for a token that is none of these, when the caller's
/// answer then is known.
fn after_abbreviation(
    token: &str,
    next: &str,
    in_date: bool,
    langs: &Langs<'_>,
    cased: bool,
    unlisted: Option<bool>,
) -> Option<bool> {
    if token.is_empty() || token.len() > abbrev::max_len() {
        return None;
    }
    let next_first = next.chars().next();
    let next_is_digit = next_first.is_some_and(char::is_numeric);
    if token.len() <= 4 && token.bytes().all(|b| b.is_ascii_digit()) {
        // Dates of numbers alone (Korean `2024. 3. 15.`, `15. 3. 2024`): no break
        // inside, nor after the last part unless a capital follows.
        if next_is_digit || (in_date && !next_first.is_some_and(char::is_uppercase)) {
            return Some(false);
        }
        // Ordinals: `am 3. Oktober`, `3. oktober`, `20. století`, `2024. március`.
        return is_ordinal(next, langs).then_some(false);
    }
    // `6 P.M. Mr. Smith …`: an upper-case time ends the sentence before a capital.
    if token == "A.M" || token == "P.M" {
        return Some(next_first.is_some_and(char::is_uppercase));
    }
    let decide = |kind: Option<abbrev::Kind>| {
        let kind = kind.or_else(|| {
            let mut chars = token.chars();
            let initial = chars
                .next()
                .is_some_and(|c| c.is_uppercase() || (!cased && c.is_lowercase()))
                && chars.next().is_none();
            (initial || is_dotted_acronym(token)).then_some(abbrev::Kind::General)
        });
        let Some(kind) = kind else {
            return unlisted;
        };
        Some(match kind {
            abbrev::Kind::Title => next.is_empty(),
            abbrev::Kind::Number => !next_is_digit,
            abbrev::Kind::Final => {
                next_first.is_some_and(char::is_uppercase) || is_starter(next, langs)
            }
            abbrev::Kind::General => is_starter(next, langs),
        })
    };
    with_lowercase(token, |t| langs.decide(t, decide))
}

/// Whether `token` is a number of ASCII digits.
fn is_number(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

/// Calls `f` with `word` in lower case: ASCII lowercased on the stack (this runs at
/// most boundaries), other words borrowed when they have no capital.
pub(super) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words before a full stop are in lower case already (`him.`).
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    let mut ascii = [0u8; 64];
    match ascii.get_mut(..word.len()) {
        Some(buf) if word.is_ascii() => {
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            f(std::str::from_utf8(buf).unwrap_or_default())
        }
        _ if !word.chars().any(char::is_uppercase) => f(word),
        _ => f(&word.to_lowercase()),
    }
}

/// Whether `word` commonly begins a sentence, in any case (`The`, `the`, `THE`).
fn is_starter(word: &str, langs: &Langs<'_>) -> bool {
    !word.is_empty()
        && word.len() <= abbrev::max_len()
        && abbrev::may_be_starter(word)
        && with_lowercase(word, |w| langs.is_starter(w))
}

/// Whether `word` follows an ordinal number in the text's language: listed there,
/// in any case (`Oktober`, `oktober`, `OKTOBER`).
fn is_ordinal(word: &str, langs: &Langs<'_>) -> bool {
    !word.is_empty()
        && word.len() <= abbrev::max_len()
        && with_lowercase(word, |w| langs.is_ordinal_noun(w))
}

/// `U.S`, `e.g`, `z.B`, `т.е`: letters in groups of one or two, joined by periods.
fn is_dotted_acronym(token: &str) -> bool {
    // Tokens are short: a loop beats a call to `memchr`.
    token.bytes().any(|b| b == b'.')
        && token.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// The last sentence terminator of `head` and the closing marks after it, if `head`
/// ends that way.
fn final_terminator(head: &str) -> Option<(char, &str)> {
    if let Some(c) = last_plain_ascii(head) {
        return is_terminator(c).then_some((c, ""));
    }
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
    if let Some(token) = last_ascii_token(s) {
        return token;
    }
    let mut from = s.len().saturating_sub(WINDOW);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let tail = s.get(from..).unwrap_or_default();
    let token = tail.rsplit(char::is_whitespace).next().unwrap_or_default();
    token.trim_start_matches(|c: char| is_opening(c) || matches!(c, '"' | '\'' | '¿' | '¡'))
}

/// [`last_token`] when it is plain ASCII after ASCII white space within [`WINDOW`]
/// bytes and starts with no opening mark (the common case, read by byte); `None`
/// when the general rule must decide.
fn last_ascii_token(s: &str) -> Option<&str> {
    let from = s.len().saturating_sub(WINDOW);
    let tail = s.as_bytes().get(from..)?;
    let at = tail
        .iter()
        .rposition(|&b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))?;
    if !tail.get(at)?.is_ascii() {
        return None;
    }
    let token = s.get(from + at + 1..)?;
    match token.as_bytes().first() {
        Some(b'(' | b'[' | b'{' | b'"' | b'\'') => None,
        _ => Some(token),
    }
}

/// The first word of `s`: after white space and opening marks, up to the next
/// character that is neither a letter, a digit nor a combining mark.
fn first_word(s: &str) -> &str {
    word_at(word_start(s))
}

/// `s` from where its first word starts: after white space and opening and closing
/// marks.
fn word_start(s: &str) -> &str {
    // Spaces and then an ASCII letter or digit, the common case, by byte.
    let spaces = s.bytes().take_while(|&b| b == b' ').count();
    if let Some(rest) = s.get(spaces..) {
        if rest
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            return rest;
        }
    }
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || is_opening(c) || is_closing(c) || matches!(c, '¿' | '¡')
    })
}

/// Whether [`word_at`] of `rest`, which starts with a letter, a digit or a mark, is
/// not empty, reading the word only when `rest` is too long for the answer to be
/// plain.
fn has_word(rest: &str) -> bool {
    rest.len() <= WINDOW * 4 || rest.is_char_boundary(WINDOW * 4) || !word_at(rest).is_empty()
}

/// The word that `rest` starts with: up to the first character that is neither a
/// letter, a digit nor a combining mark (at most [`WINDOW`] characters).
fn word_at(rest: &str) -> &str {
    // ASCII letters and digits up to an ASCII byte, the common case, by byte.
    let head = rest
        .as_bytes()
        .get(..rest.len().min(WINDOW))
        .unwrap_or_default();
    let ascii = head
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(head.len());
    if ascii < WINDOW && rest.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        return rest.get(..ascii).unwrap_or_default();
    }
    let end = rest
        .char_indices()
        .take(WINDOW)
        .find(|(_, c)| !is_word_char(*c) && !is_mark(*c))
        .map_or(rest.len().min(WINDOW * 4), |(i, _)| i);
    rest.get(..end).unwrap_or_default()
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
fn ellipses(body: &str, cased: bool) -> (Vec<Range<usize>>, Vec<usize>) {
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
                .is_some_and(|s| casing::starts_sentence(s, cased));
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
    let head = trim_white_end(sentence);
    if head.is_empty() || ends_with_terminator(head) {
        return false;
    }
    // A line shorter in bytes than `wrap_width` is shorter in characters.
    let line = trim_white_end(line);
    line.len() >= wrap_width && (line.is_ascii() || char_count(line) >= wrap_width)
}

/// Whether a line ends in sentence-final punctuation, perhaps followed by closing
/// quotes or brackets.
fn ends_with_terminator(line: &str) -> bool {
    if let Some(c) = last_plain_ascii(line) {
        return is_terminator(c);
    }
    line.chars()
        .rev()
        .find(|c| !is_closing(*c))
        .is_some_and(is_terminator)
}

/// The last character of `s` when it is ASCII and no closing mark (the common case,
/// decided on the last byte).
fn last_plain_ascii(s: &str) -> Option<char> {
    s.as_bytes()
        .last()
        .filter(|b| b.is_ascii() && !matches!(b, b'"' | b'\'' | b')' | b']' | b'}'))
        .map(|&b| char::from(b))
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

/// Whether the byte `b` is ASCII white space as [`is_space`] sees it.
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')
}

/// [`str::trim_start`], ASCII white space read by byte (no decoding: this runs on
/// every line and boundary).
fn trim_white_start(s: &str) -> &str {
    let ascii = s.bytes().take_while(is_ascii_white).count();
    let rest = s.get(ascii..).unwrap_or_default();
    if rest.as_bytes().first().is_none_or(u8::is_ascii) {
        return rest;
    }
    rest.trim_start()
}

/// [`str::trim_end`], ASCII white space read by byte.
fn trim_white_end(s: &str) -> &str {
    let ascii = s.bytes().rev().take_while(is_ascii_white).count();
    let rest = s.get(..s.len() - ascii).unwrap_or_default();
    if rest.as_bytes().last().is_none_or(u8::is_ascii) {
        return rest;
    }
    rest.trim_end()
}

/// `char::is_whitespace` on an ASCII byte (unlike `u8::is_ascii_whitespace`, with
/// the vertical tab).
fn is_ascii_white(b: &u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s` without leading white space ([`is_space`]), ASCII read by byte.
fn trim_space_start(s: &str) -> &str {
    let ascii = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(ascii..).unwrap_or_default();
    if rest.as_bytes().first().is_some_and(u8::is_ascii) {
        return rest;
    }
    rest.trim_start_matches(is_space)
}

/// `s` without trailing white space ([`is_space`]), ASCII read by byte.
fn trim_space_end(s: &str) -> &str {
    let ascii = s.bytes().rev().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(..s.len() - ascii).unwrap_or_default();
    if rest.as_bytes().last().is_some_and(u8::is_ascii) {
        return rest;
    }
    rest.trim_end_matches(is_space)
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

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    proptest::proptest! {
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

        /// The byte-wise trims agree with the standard ones, on ASCII white space
        /// (the vertical tab too), the separators U+001C–U+001F and other white space.
        #[test]
        fn trims_as_std(text in "[a\t\u{b}\u{1c} \n\u{a0}\u{3000}é]{0,12}") {
            proptest::prop_assert_eq!(trim_white_start(&text), text.trim_start());
            proptest::prop_assert_eq!(trim_white_end(&text), text.trim_end());
            proptest::prop_assert_eq!(trim_space_start(&text), text.trim_start_matches(is_space));
            proptest::prop_assert_eq!(trim_space_end(&text), text.trim_end_matches(is_space));
        }

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
