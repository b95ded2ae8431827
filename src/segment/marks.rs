//! Marks around boundaries: list items and bullets that start sentences, spaced
//! ellipses, and the opening and closing quotes and brackets that belong to the
//! sentence on one side of a boundary.

use super::casing;
use crate::util::scan;
use std::ops::Range;

/// Moves a boundary forward over closing marks that UAX #29 left at the start of
/// the next sentence because a space came first (French `« Je reviendrai. » Puis`).
/// A mark followed by a letter opens the next sentence (German `»Ja«`) and stays.
pub(super) fn past_closing_marks(body: &str, cut: usize, limit: usize) -> usize {
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

/// Whether `s` is only a list marker: `1.`, `2.)`, `3)`, `a.`, `b)`, `• 9.`, `⁃10.`.
pub(super) fn is_list_marker(s: &str) -> bool {
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
pub(super) fn list_breaks(body: &str) -> Vec<usize> {
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
pub(super) fn ellipses(body: &str, cased: bool) -> (Vec<Range<usize>>, Vec<usize>) {
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
pub(super) fn before_opening_marks(body: &str, prev: usize, cut: usize) -> usize {
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
pub(super) fn is_opening(c: char) -> bool {
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

/// Closing quotes and brackets that may follow a terminator.
pub(super) fn is_closing(c: char) -> bool {
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
