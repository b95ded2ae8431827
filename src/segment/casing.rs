//! A document's own casing habits, learnt before its sentence boundaries are decided.
//!
//! Whether a lower-case word after a full stop continues the sentence depends on the
//! document (in the spirit of the orthographic heuristic of Punkt, Kiss & Strunk
//! 2006): in a text that starts its sentences with capitals, a lower-case word is
//! evidence of a non-boundary (`"Are you coming?" she asked.`); in a text without
//! case (all lower case, a transcript, a chat) sentences start in lower case too.
//!
//! The evidence is the first word of every paragraph block and of every clear
//! candidate boundary (a terminator without closing quotes, then white space, then a
//! word of a cased script, not after an abbreviation, an initial or a number): the
//! document is *cased* when at least as many of these start with a capital as with a
//! lower-case letter. Each observation looks at one word, so the evidence costs a
//! bounded amount of work per boundary.

/// Counts of sentence starts by the case of their first letter.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Casing {
    /// Starts with an upper-case (or title-case) letter.
    upper: u32,
    /// Starts with a lower-case letter.
    lower: u32,
}

impl Casing {
    /// Records a word that starts a sentence (for sure or very likely); words of
    /// caseless scripts, digits and symbols carry no evidence.
    pub(super) fn observe(&mut self, word: &str) {
        match word.chars().next() {
            Some(c) if c.is_uppercase() => self.upper = self.upper.saturating_add(1),
            Some(c) if c.is_lowercase() => self.lower = self.lower.saturating_add(1),
            _ => {}
        }
    }

    /// Whether the document capitalises its sentence starts (ties, and a text with no
    /// evidence at all, count as cased: then the lower-case rule is the old default).
    pub(super) fn is_cased(self) -> bool {
        self.upper >= self.lower
    }
}

/// Whether `word` begins a sentence in the document: a capital, or, in a document
/// without case, a lower-case letter (digits and caseless scripts do not).
pub(super) fn starts_sentence(word: &str, cased: bool) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (!cased && c.is_lowercase()))
}

/// Whether a UTF-8 lead byte starts a character of U+0600–U+0FFF (Arabic, Syriac,
/// Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan): scripts without case, whose
/// characters are neither capitals nor lower case and lower-case to themselves, so
/// that a word starting with one can be judged by its bytes without case tables.
pub(super) fn is_caseless_lead(b: u8) -> bool {
    (0xD8..=0xE0).contains(&b)
}

/// Whether `word` starts with a capital (or title-case) letter, without case tables
/// for the caseless scripts.
pub(super) fn starts_upper(word: &str) -> bool {
    !word
        .as_bytes()
        .first()
        .is_some_and(|&b| is_caseless_lead(b))
        && word.starts_with(char::is_uppercase)
}

/// Whether `word` starts with a lower-case letter, without case tables for the
/// caseless scripts.
pub(super) fn starts_lower(word: &str) -> bool {
    !word
        .as_bytes()
        .first()
        .is_some_and(|&b| is_caseless_lead(b))
        && word.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caseless_leads_start_only_caseless_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes().first().copied();
            if lead.is_some_and(is_caseless_lead) {
                assert!(
                    !c.is_uppercase() && !c.is_lowercase(),
                    "U+{:04X}",
                    u32::from(c)
                );
                assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn ties_and_no_evidence_count_as_cased() {
        let mut c = Casing::default();
        assert!(c.is_cased());
        c.observe("کیا");
        c.observe("2024");
        assert!(c.is_cased());
        c.observe("she");
        assert!(!c.is_cased());
        c.observe("Are");
        assert!(c.is_cased());
    }

    #[test]
    fn starts_depend_on_the_document() {
        assert!(starts_sentence("The", true));
        assert!(!starts_sentence("the", true));
        assert!(starts_sentence("the", false));
        assert!(!starts_sentence("2024", false));
        assert!(!starts_sentence("ہے", false));
    }
}
