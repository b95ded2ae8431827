//! Whether a UAX #29 boundary really ends a sentence: abbreviations, titles,
//! initials, numbers and ordinals, lower-case continuations, wrapped lines; each
//! decided on a bounded window around the boundary.

use super::abbrev::{self, Langs};
use super::casing;
use super::marks::{is_closing, is_list_marker, is_opening};
use super::space::trim_white_end;
use super::terminators::{self, is_terminator};
use crate::words::is_word_char;

/// A wrapped line must be at least this long (in characters) to be joined with the next.
const MIN_WRAPPED_LINE: usize = 30;

/// How far back from a boundary the last word is looked for, in bytes.
const WINDOW: usize = 64;

/// Whether a UAX #29 boundary between the sentence so far (`sentence`; `line` is the
/// physical line up to the boundary, which may start before the sentence) and the
/// next UAX #29 piece (`next`) really ends a sentence.
pub(super) fn keeps_boundary(
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
pub(super) fn after_abbreviation(
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
pub(super) fn final_terminator(head: &str) -> Option<(char, &str)> {
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
pub(super) fn last_token(s: &str) -> &str {
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
pub(super) fn first_word(s: &str) -> &str {
    word_at(word_start(s))
}

/// `s` from where its first word starts: after white space and opening and closing
/// marks.
pub(super) fn word_start(s: &str) -> &str {
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
pub(super) fn has_word(rest: &str) -> bool {
    rest.len() <= WINDOW * 4 || rest.is_char_boundary(WINDOW * 4) || !word_at(rest).is_empty()
}

/// The word that `rest` starts with: up to the first character that is neither a
/// letter, a digit nor a combining mark (at most [`WINDOW`] characters).
pub(super) fn word_at(rest: &str) -> &str {
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

/// The line length, in characters, from which a line counts as wrapped prose, given
/// the longest line of the block.
pub(super) fn wrap_width(longest_line: usize) -> usize {
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
pub(super) fn ends_with_terminator(line: &str) -> bool {
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

/// The length of `line` in characters: its bytes less the UTF-8 continuation bytes,
/// a count that vectorises (`chars().count()` costs more on lines this short).
pub(super) fn char_count(line: &str) -> usize {
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
    }
}
