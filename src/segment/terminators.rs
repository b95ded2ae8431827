//! Sentence terminators across scripts.
//!
//! UAX #29 knows the Unicode `Sentence_Terminal` marks (`.` `!` `?`, Arabic `؟`,
//! Urdu `۔`, Devanagari `।` `॥`, Armenian `։`, Syriac `܀`–`܂`, N'Ko `߹`, Ethiopic
//! `።` `፧` `፨`, Myanmar `။`, Khmer `។` `៕`, Mongolian `᠃` `᠉`, Ol Chiki `᱾` `᱿`, CJK
//! `。！？`, …). Three kinds of mark need more than that, each decided by the letters
//! around it, so no language detection is needed:
//!
//! - marks that end a sentence only in one script: Greek `;` (the Greek question
//!   mark U+037E is a `;` after NFC, as most text types it) after a Greek letter; a plain `:`
//!   standing for Armenian `։` after an Armenian letter (Armenian writes no colon of
//!   that shape); Ethiopic `፡፡` typed for `።`; Tibetan `།` and `༎`, which UAX #29
//!   does not list;
//! - a `Sentence_Terminal` mark that is a comma in use: Myanmar `၊`;
//! - a terminator inside a word: Khmer `។ល។` (and so on).

/// Sentence-final punctuation across scripts (the marks [`script_breaks`] adds
/// excepted, which end a sentence only in their script).
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '۔'
            | '؟'
            | '؛'
            | '।'
            | '॥'
            | '։'
            | '܀'
            | '܁'
            | '܂'
            | '߹'
            | '።'
            | '፧'
            | '፨'
            | '၊'
            | '။'
            | '។'
            | '៕'
            | '᠃'
            | '᠉'
            | '᱾'
            | '᱿'
            | '჻'
            | '།'
            | '༎'
            | '。'
            | '！'
            | '？'
            | '．'
            | '｡'
            | '︒'
            | '︕'
            | '︖'
            | '﹒'
            | '﹖'
            | '﹗'
    )
}

/// Marks that Unicode lists as sentence terminators but that writers use inside
/// sentences: Myanmar `၊` is a comma (the full stop is `။`).
pub(crate) fn is_pause(c: char) -> bool {
    c == '၊'
}

/// Whether the boundary after `term` is inside a word that continues with `next`:
/// Khmer `។ល។` (and so on) is one word.
pub(crate) fn glued(term: char, next: &str) -> bool {
    term == '។' && next.starts_with("ល។")
}

/// Greek letters: the Greek and Coptic block and Greek Extended.
fn is_greek(c: char) -> bool {
    crate::script::is_greek(c) && c.is_alphabetic()
}

/// Armenian letters.
fn is_armenian(c: char) -> bool {
    crate::script::is_armenian(c) && c.is_alphabetic()
}

/// Ethiopic syllables.
fn is_ethiopic(c: char) -> bool {
    matches!(c, '\u{1200}'..='\u{135A}' | '\u{1380}'..='\u{138F}' | '\u{2D80}'..='\u{2DDF}')
}

/// Tibetan letters, vowel signs and the intersyllabic tsheg.
fn is_tibetan(c: char) -> bool {
    matches!(c, '\u{F0B}' | '\u{F40}'..='\u{FBC}')
}

/// Whether a character is a letter of one script.
type ScriptTest = fn(char) -> bool;

/// The marks that end a sentence after a letter of one script: the mark and the
/// script test for the character before it.
const SCRIPT_MARKS: &[(&str, ScriptTest)] = &[
    (";", is_greek),
    (":", is_armenian),
    ("፡፡", is_ethiopic),
    ("།", is_tibetan),
    ("༎", is_tibetan),
];

/// Boundaries after the script-conditioned marks of `body` (offsets just past the
/// mark, and past a run of marks such as `། །`): the mark must follow a letter of
/// its script and be followed by white space and then more text.
///
/// Text of ASCII alone is passed over at once; other text costs one look at every
/// `;` `:` and every lead byte of the characters from U+0800 to U+1FFF.
pub(crate) fn script_breaks(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    // Text of ASCII alone has no letter of these scripts.
    if crate::util::scan::first_non_ascii(bytes).is_none() {
        return out;
    }
    let mut i = 0;
    while let Some(at) = bytes.get(i..).and_then(crate::util::scan::find_script_mark) {
        let at = i + at;
        i = at + 1;
        let rest = body.get(at..).unwrap_or_default();
        let Some((mark, script)) = SCRIPT_MARKS.iter().find(|(m, _)| rest.starts_with(m)) else {
            continue;
        };
        let before = body.get(..at).unwrap_or_default();
        if !before.chars().next_back().is_some_and(*script) {
            continue;
        }
        let after_mark = at + mark.len();
        let after = body.get(after_mark..).unwrap_or_default();
        if !after.starts_with(char::is_whitespace) {
            continue;
        }
        // A run of shads and spaces (`། །`) ends together; nothing after it, nothing
        // to cut.
        let next = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '།' | '༎'));
        if next.is_empty() {
            continue;
        }
        let end = body.len() - next.len();
        let end = body.get(..end).map_or(after_mark, |s| s.trim_end().len());
        out.push(end);
        i = i.max(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut prev = 0;
        for cut in script_breaks(text) {
            out.push(text[prev..cut].trim());
            prev = cut;
        }
        out.push(text[prev..].trim());
        out
    }

    /// The letters these marks follow are all beyond the UAX #29 fast path, so a
    /// text that the fast path read alone needs no look for the marks.
    #[test]
    fn script_letters_are_unknown_to_the_fast_path() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if SCRIPT_MARKS.iter().any(|(_, script)| script(c)) {
                assert!(
                    !super::super::sentence_bounds::is_known(c),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn marks_end_sentences_only_in_their_script() {
        assert_eq!(
            pieces("Τι ώρα είναι; Είναι αργά."),
            ["Τι ώρα είναι;", "Είναι αργά."]
        );
        assert_eq!(pieces("one; two: three; é"), ["one; two: three; é"]);
        assert_eq!(
            pieces("Նա եկավ: Մենք գնացինք:"),
            ["Նա եկավ:", "Մենք գնացինք:"]
        );
        assert_eq!(pieces("ሰላም ነው፡፡ እሱ መጣ፡፡"), ["ሰላም ነው፡፡", "እሱ መጣ፡፡"]);
        assert_eq!(pieces("ཀ་ཁ། ག་ང། །ཅ་ཆ།"), ["ཀ་ཁ།", "ག་ང། །", "ཅ་ཆ།"]);
        // Not at the end of the text, and not glued to the next word.
        assert_eq!(pieces("Τι;"), ["Τι;"]);
        assert_eq!(pieces("Ա:Բ"), ["Ա:Բ"]);
    }
}
