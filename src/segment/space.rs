//! White space as the segmenter trims it (Unicode white space and the information
//! separators U+001C–U+001F), with byte-wise fast paths over ASCII that give the
//! same answers as the standard library's trims.

/// White space as Python's `str.strip` sees it: Unicode `White_Space` plus the
/// information separators U+001C–U+001F, so that sentences equal `s.strip()`.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether the byte `b` is ASCII white space as [`is_space`] sees it.
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')
}

/// [`str::trim_start`], ASCII white space read by byte (no decoding: this runs on
/// every line and boundary).
pub(super) fn trim_white_start(s: &str) -> &str {
    let ascii = s.bytes().take_while(is_ascii_white).count();
    let rest = s.get(ascii..).unwrap_or_default();
    if rest.as_bytes().first().is_none_or(u8::is_ascii) {
        return rest;
    }
    rest.trim_start()
}

/// [`str::trim_end`], ASCII white space read by byte.
pub(super) fn trim_white_end(s: &str) -> &str {
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
pub(super) fn trim_space_start(s: &str) -> &str {
    let ascii = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(ascii..).unwrap_or_default();
    if rest.as_bytes().first().is_some_and(u8::is_ascii) {
        return rest;
    }
    rest.trim_start_matches(is_space)
}

/// `s` without trailing white space ([`is_space`]), ASCII read by byte.
pub(super) fn trim_space_end(s: &str) -> &str {
    let ascii = s.bytes().rev().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(..s.len() - ascii).unwrap_or_default();
    if rest.as_bytes().last().is_some_and(u8::is_ascii) {
        return rest;
    }
    rest.trim_end_matches(is_space)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-wise trims agree with the standard ones, on ASCII white space
        /// (the vertical tab too), the separators U+001C–U+001F and other white space.
        #[test]
        fn trims_as_std(text in "[a\t\u{b}\u{1c} \n\u{a0}\u{3000}é]{0,12}") {
            proptest::prop_assert_eq!(trim_white_start(&text), text.trim_start());
            proptest::prop_assert_eq!(trim_white_end(&text), text.trim_end());
            proptest::prop_assert_eq!(trim_space_start(&text), text.trim_start_matches(is_space));
            proptest::prop_assert_eq!(trim_space_end(&text), text.trim_end_matches(is_space));
        }
    }
}
