//! What term building produces: each sentence's sparse term counts, and the
//! document's term statistics.

/// One sentence's terms, as the tests build them.
#[cfg(test)]
pub(crate) type SparseCounts = Vec<(u32, f32)>;

/// Every sentence's terms, `(term id, count)` sorted by id with ids unique, in one
/// array cut by sentence: one allocation for the document, not one per sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SentenceTerms {
    pub(super) pairs: Vec<(u32, f32)>,
    /// Where each sentence's pairs end in `pairs`.
    pub(super) ends: Vec<usize>,
}

impl SentenceTerms {
    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The terms of sentence `i` (empty beyond the last).
    pub fn get(&self, i: usize) -> &[(u32, f32)] {
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(usize::MAX),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.pairs.get(start..end).unwrap_or_default()
    }

    /// The terms of every sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[(u32, f32)]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Appends a sentence's terms.
    pub fn push(&mut self, terms: &[(u32, f32)]) {
        self.pairs.extend_from_slice(terms);
        self.ends.push(self.pairs.len());
    }
}

impl<'a> FromIterator<&'a [(u32, f32)]> for SentenceTerms {
    fn from_iter<I: IntoIterator<Item = &'a [(u32, f32)]>>(sentences: I) -> Self {
        let mut out = SentenceTerms::default();
        for terms in sentences {
            out.push(terms);
        }
        out
    }
}

/// The term statistics of one document.
#[derive(Debug, Default)]
pub(crate) struct TermStats {
    /// Per-sentence sparse term counts.
    pub sentences: SentenceTerms,
    /// Per-sentence number of content words (tokens that are not stopwords).
    pub lengths: Vec<usize>,
    /// Inverse document frequency per term id (sentences as documents).
    pub idf: Vec<f32>,
}
