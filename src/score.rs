//! The feature matrix and the scores it gives.
//!
//! Each sentence is one row of an `ndarray` matrix whose columns are the variants of
//! [`Feature`]; a sentence's score is the dot product of its row with the weights, so
//! the model is plain to see and to test.
//!
//! The columns, each in `[0, 1]`:
//!
//! - `tfidf`: the sentence's TF-IDF mass over the square root of its length, scaled so
//!   that the document's best sentence has 1.
//! - `centroid`: how central the sentence is: its mean cosine similarity to every other
//!   sentence, scaled so that the most central sentence has 1. This is the degree
//!   centrality of LexRank's similarity graph without a threshold (Erkan and Radev
//!   2004), computed in linear time as the dot product of the sentence's unit vector with
//!   the sum of the other sentences' unit vectors: never a sentences × sentences matrix.
//!   The vectors hold content-word counts without IDF: a document's topic words are the
//!   ones its sentences share, and an IDF taken from the same sentences would discount
//!   exactly them (on the evaluation sets, counts beat TF-IDF here by about a point of
//!   ROUGE-1 on BBC News and matched it elsewhere). With a corpus IDF model
//!   ([`crate::Summarizer::fit`]) the counts are weighted by the corpus IDF, which
//!   discounts words common in that kind of text rather than this document's topic.
//! - `position`: the lead prior of [`crate::position::lead_weight`]. Its part of the
//!   score fades for summaries that take more than a fifth of the document
//!   ([`crate::Analysis::scores_for`]).
//! - `length`: content words over 12, capped at 1: fragments, bylines and headlines
//!   rarely make a good summary sentence.
//!
//! A sentence without a letter of any script ([`has_letter`]: a subtitle's cue number or
//! timing line `00:00:01,000 --> 00:00:04,000`, a row of asterisks, a bare figure) says
//! nothing a summary can use: its row is all zeros, so it is taken only with the
//! sentences that score nothing, and it does not raise the scale of the other rows.

use crate::position::lead_weight;
use crate::script::{han_unified, hangul_syllables};
use crate::tfidf::TermStats;
use crate::util::pool::map_indices;
use ndarray::{Array1, Array2};

/// A column of the feature matrix. The order of [`Feature::ALL`] is the order of
/// the columns, of [`Weights::to_array`] and of Python's `salience.FEATURES`; the
/// names are [`Feature::name`]. Each variant's documentation says what it measures.
///
/// ```
/// use salience::Feature;
/// assert_eq!(Feature::ALL.map(Feature::name), ["tfidf", "centroid", "position", "length"]);
/// assert_eq!(Feature::Position.column(), 2);
/// assert_eq!(salience::FEATURES, Feature::ALL.map(Feature::name));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    /// `tfidf`: the sentence's TF-IDF mass over the square root of its length,
    /// scaled so that the document's best sentence has 1.
    Tfidf,
    /// `centroid`: the sentence's mean cosine similarity to every other sentence,
    /// scaled so that the most central sentence has 1.
    Centroid,
    /// `position`: the lead prior ([`crate::Analysis::scores_for`] fades it for long
    /// summaries).
    Position,
    /// `length`: content words over 12, capped at 1.
    Length,
}

impl Feature {
    /// Every feature, in column order.
    pub const ALL: [Feature; 4] = [
        Feature::Tfidf,
        Feature::Centroid,
        Feature::Position,
        Feature::Length,
    ];

    /// The feature's name, as Python and the JSON output call its column.
    pub const fn name(self) -> &'static str {
        match self {
            Feature::Tfidf => "tfidf",
            Feature::Centroid => "centroid",
            Feature::Position => "position",
            Feature::Length => "length",
        }
    }

    /// The feature's column in the matrix.
    pub const fn column(self) -> usize {
        self as usize
    }
}

/// The names of the feature columns, in order ([`Feature::name`] of [`Feature::ALL`]).
// Evaluated at compile time, where an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
pub const FEATURES: [&str; Feature::ALL.len()] = {
    let mut names = [""; Feature::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Feature::ALL[i].name();
        i += 1;
    }
    names
};

/// Content words at which the length feature saturates at 1.
const FULL_LENGTH: f32 = 12.0;

/// Weights of the feature columns; the score of a sentence is `features · weights`.
///
/// The defaults were chosen on the project's evaluation sets (CNN/DailyMail, BBC News,
/// two Urdu sets; see `benches/quality.py`): centrality decides, the first three
/// sentences (a news lead) get a bonus a little larger than the whole centrality range,
/// so that a short summary leaves the lead only for a far more central sentence, and
/// short sentences a small penalty. The TF-IDF column is computed for inspection but
/// weighs nothing by default: it adds nothing that centrality does not already capture.
/// Urdu text gets a stronger length prior ([`Weights::for_language`]).
///
/// ```
/// let w = salience::Weights::default();
/// assert_eq!(w.to_array().len(), salience::FEATURES.len());
/// assert_eq!((w.tfidf, w.centroid, w.position, w.length), (0.0, 1.0, 1.2, 0.3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of the TF-IDF salience (TF-IDF mass over √length, scaled to the best).
    pub tfidf: f32,
    /// Weight of the centrality (mean cosine similarity to the other sentences, scaled
    /// to the best).
    pub centroid: f32,
    /// Weight of the lead position ([`crate::position::lead_weight`]).
    pub position: f32,
    /// Weight of the length prior (content words / 12, capped at 1).
    pub length: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            tfidf: 0.0,
            centroid: 1.0,
            position: 1.2,
            length: 0.3,
        }
    }
}

impl Weights {
    /// The length weight for Urdu text (see [`Weights::for_language`]).
    pub const URDU_LENGTH_WEIGHT: f32 = 2.0;

    /// The default weights for text in `language`: [`Weights::default`], except that
    /// Urdu weighs the length feature by [`Weights::URDU_LENGTH_WEIGHT`].
    ///
    /// On both Urdu evaluation sets the stronger prior gave clearly better summaries
    /// (ROUGE-1 of the top sentences by score, other weights at their defaults: Urdu
    /// Summary Corpus 34.2 → 39.2, XL-Sum Urdu 26.9 → 27.6; `benches/quality.py` with
    /// every default: 40.0 and 27.6), while on the English sets it cost about a point,
    /// so it is the one language-specific default. Weights set with
    /// [`crate::SummarizerBuilder::weights`] apply to every language as given.
    ///
    /// ```
    /// use salience::{Language, Weights};
    /// assert_eq!(Weights::for_language(Some(Language::Urdu)).length, 2.0);
    /// assert_eq!(Weights::for_language(Some(Language::English)), Weights::default());
    /// assert_eq!(Weights::for_language(None), Weights::default());
    /// ```
    pub fn for_language(language: Option<crate::Language>) -> Weights {
        match language {
            Some(crate::Language::Urdu) => Weights {
                length: Weights::URDU_LENGTH_WEIGHT,
                ..Weights::default()
            },
            _ => Weights::default(),
        }
    }

    /// The weight of one feature.
    ///
    /// ```
    /// use salience::{Feature, Weights};
    /// assert_eq!(Weights::default().get(Feature::Position), 1.2);
    /// ```
    pub fn get(&self, feature: Feature) -> f32 {
        match feature {
            Feature::Tfidf => self.tfidf,
            Feature::Centroid => self.centroid,
            Feature::Position => self.position,
            Feature::Length => self.length,
        }
    }

    /// The weights as a vector in column order ([`Feature::ALL`]).
    ///
    /// ```
    /// let w = salience::Weights { tfidf: 1.0, centroid: 2.0, position: 3.0, length: 4.0 };
    /// assert_eq!(w.to_array().to_vec(), [1.0, 2.0, 3.0, 4.0]);
    /// ```
    pub fn to_array(&self) -> Array1<f32> {
        Array1::from(Feature::ALL.map(|f| self.get(f)).to_vec())
    }
}

/// Builds the feature matrix: one row per sentence, one column per [`Feature`].
///
/// Linear in the input: one pass builds the sum of the sentences' unit vectors
/// (dense over the vocabulary only), one parallel pass computes every row from it.
///
/// `corpus_idf`: weigh the centrality vectors by `stats.idf` (a corpus IDF) instead of
/// using plain counts. `lettered`: which sentences hold a letter ([`lettered`]); the
/// row of one that does not is all zeros.
pub(crate) fn features(
    stats: &TermStats,
    lettered: &[bool],
    corpus_idf: bool,
    parallel: bool,
) -> Array2<f32> {
    let ones = vec![1.0f32; stats.idf.len()];
    let centrality_idf: &[f32] = if corpus_idf { &stats.idf } else { &ones };
    let (norms, unit_sum) = unit_sum(stats, centrality_idf);
    let others = stats.sentences.len().saturating_sub(1).max(1) as f32;
    let rows = map_indices(stats.sentences.len(), parallel, |i| {
        if !is_lettered(lettered, i) {
            return [0.0; Feature::ALL.len()];
        }
        let terms = stats.sentences.get(i);
        let len = stats.lengths.get(i).copied().unwrap_or(0);
        let norm = norms.get(i).copied().unwrap_or(0.0);
        let idf = Idf {
            tfidf: &stats.idf,
            centrality: centrality_idf,
        };
        row(terms, len, norm, i, &idf, &unit_sum, others)
    });
    let (tfidf, centroid) = (Feature::Tfidf.column(), Feature::Centroid.column());
    let best = |column: usize| {
        rows.iter()
            .filter_map(|r| r.get(column).copied())
            .fold(0.0f32, f32::max)
    };
    let (best_tfidf, best_centrality) = (best(tfidf), best(centroid));
    let mut matrix = Array2::zeros((rows.len(), Feature::ALL.len()));
    for (mut out, mut r) in matrix.rows_mut().into_iter().zip(rows) {
        if let Some(x) = r.get_mut(tfidf).filter(|_| best_tfidf > 0.0) {
            *x /= best_tfidf;
        }
        if let Some(x) = r.get_mut(centroid).filter(|_| best_centrality > 0.0) {
            *x /= best_centrality;
        }
        out.assign(&ndarray::ArrayView1::from(&r));
    }
    matrix
}

/// Whether each of `sentences` holds a letter ([`has_letter`]), or nothing when every
/// one does: the common case costs no memory.
pub(crate) fn lettered<'s>(sentences: impl ExactSizeIterator<Item = &'s str>) -> Vec<bool> {
    let count = sentences.len();
    let mut out = Vec::new();
    for (i, sentence) in sentences.enumerate() {
        if !has_letter(sentence) {
            if out.is_empty() {
                out = vec![true; count];
            }
            if let Some(slot) = out.get_mut(i) {
                *slot = false;
            }
        }
    }
    out
}

/// Whether sentence `i` holds a letter by the flags of [`lettered`] (true beyond them:
/// an empty slice says that every sentence does).
pub(crate) fn is_lettered(lettered: &[bool], i: usize) -> bool {
    lettered.get(i).copied().unwrap_or(true)
}

/// Whether `sentence` holds a letter of any script (`char::is_alphabetic`). ASCII is
/// read by byte up to the first letter or the first other character, which for almost
/// every sentence is its first.
fn has_letter(sentence: &str) -> bool {
    let Some(at) = sentence
        .bytes()
        .position(|b| b.is_ascii_alphabetic() || !b.is_ascii())
    else {
        return false;
    };
    let rest = sentence.get(at..).unwrap_or_default();
    rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) || rest.chars().any(is_letter)
}

/// `char::is_alphabetic`, with the letters of the common scripts and the general
/// punctuation decided by range before the general tables (a binary search) are
/// asked; a test compares the two on every code point.
fn is_letter(c: char) -> bool {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F | 0x2000..=0x206F => false,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x620..=0x64A | 0x66E..=0x66F | 0x671..=0x6D3 => true,
        0x904..=0x939 => true,
        han_unified!() | hangul_syllables!() => true,
        _ => c.is_alphabetic(),
    }
}

/// A term's TF-IDF weight in a sentence.
fn weight(&(id, tf): &(u32, f32), idf: &[f32]) -> f32 {
    tf * idf.get(id as usize).copied().unwrap_or(0.0)
}

/// The term weights of the two columns that use them.
struct Idf<'a> {
    tfidf: &'a [f32],
    centrality: &'a [f32],
}

/// One sentence's raw features (the TF-IDF and centrality columns are scaled later).
fn row(
    terms: &[(u32, f32)],
    len: usize,
    norm: f32,
    index: usize,
    idf: &Idf<'_>,
    unit_sum: &[f32],
    others: f32,
) -> [f32; Feature::ALL.len()] {
    let total: f32 = terms.iter().map(|t| weight(t, idf.tfidf)).sum();
    let tfidf = if len == 0 {
        0.0
    } else {
        total / (len as f32).sqrt()
    };
    let centrality = if norm > 0.0 {
        let dot: f32 = terms
            .iter()
            .map(|t| weight(t, idf.centrality) * unit_sum.get(t.0 as usize).copied().unwrap_or(0.0))
            .sum();
        // The sentence's own unit vector is in the sum and adds exactly 1.
        ((dot / norm - 1.0) / others).max(0.0)
    } else {
        0.0
    };
    let length = (len as f32 / FULL_LENGTH).min(1.0);
    let mut out = [0.0; Feature::ALL.len()];
    for feature in Feature::ALL {
        if let Some(cell) = out.get_mut(feature.column()) {
            *cell = match feature {
                Feature::Tfidf => tfidf,
                Feature::Centroid => centrality,
                Feature::Position => lead_weight(index),
                Feature::Length => length,
            };
        }
    }
    out
}

/// The norm of every sentence's vector, and the sum of the sentences' unit vectors,
/// dense over the vocabulary (linear in the vocabulary, never sentences ×
/// vocabulary), in one pass over the sentences.
fn unit_sum(stats: &TermStats, idf: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let mut norms = Vec::with_capacity(stats.sentences.len());
    let mut sum = vec![0.0f32; stats.idf.len()];
    for terms in stats.sentences.iter() {
        let n = norm(terms.iter().map(|t| weight(t, idf)));
        if n > 0.0 {
            add_scaled(&mut sum, terms, idf, 1.0 / n);
        }
        norms.push(n);
    }
    (norms, sum)
}

fn add_scaled(sum: &mut [f32], terms: &[(u32, f32)], idf: &[f32], scale: f32) {
    for t in terms {
        if let Some(slot) = sum.get_mut(t.0 as usize) {
            *slot += weight(t, idf) * scale;
        }
    }
}

fn norm(values: impl Iterator<Item = f32>) -> f32 {
    values.map(|v| v * v).sum::<f32>().sqrt()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::tfidf::SparseCounts;

    fn stats(sentences: Vec<SparseCounts>) -> TermStats {
        let lengths = sentences
            .iter()
            .map(|s| s.iter().map(|t| t.1 as usize).sum())
            .collect();
        let vocab = sentences
            .iter()
            .flatten()
            .map(|t| t.0 as usize + 1)
            .max()
            .unwrap_or(0);
        TermStats {
            sentences: sentences.iter().map(Vec::as_slice).collect(),
            lengths,
            idf: vec![1.0; vocab],
        }
    }

    #[test]
    fn letters_of_any_script_count_and_nothing_else_does() {
        for lettered in [
            "“Yes,” she said.",
            "a",
            "3 km",
            "۲۰۲۴ میں",
            "东京",
            "ΑΘΗΝΑ 2004",
            "...Z",
            "१२ क",
        ] {
            assert!(has_letter(lettered), "{lettered}");
        }
        for bare in [
            "",
            "1",
            "00:00:01,000 --> 00:00:04,000",
            "* * *",
            "$5.00 (10%)",
            "۲۰۲۴",
            "१२३",
            "😀 👍",
            "“—”",
        ] {
            assert!(!has_letter(bare), "{bare}");
        }
    }

    #[test]
    fn lettered_is_empty_unless_a_sentence_lacks_a_letter() {
        assert!(lettered(["One.", "“Two.”", "٣ ک"].into_iter()).is_empty());
        assert_eq!(
            lettered(["1", "One.", "* * *"].into_iter()),
            [false, true, false]
        );
        assert!(lettered(std::iter::empty()).is_empty());
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
    }

    proptest::proptest! {
        /// The byte-wise start gives the answer of reading every character.
        #[test]
        fn has_letter_as_read(text in "[0-9 .:a-zé“😀۲ک-]{0,12}") {
            proptest::prop_assert_eq!(has_letter(&text), text.chars().any(char::is_alphabetic));
        }
    }

    #[test]
    fn a_sentence_without_a_letter_has_a_row_of_zeros_and_scales_nothing() {
        // 0 and 1 share a term; 2 stands alone with the largest TF-IDF mass.
        let s = stats(vec![
            vec![(0, 1.0), (1, 1.0)],
            vec![(0, 1.0)],
            vec![(2, 5.0)],
        ]);
        let all = features(&s, &[], false, false);
        let m = features(&s, &[true, true, false], false, false);
        assert!(m.row(2).iter().all(|&x| x == 0.0), "{m:?}");
        // Without sentence 2, the best TF-IDF mass is another sentence's: 1.
        let best = m
            .column(Feature::Tfidf.column())
            .fold(0.0f32, |a, &b| a.max(b));
        assert_eq!(best, 1.0);
        // The other rows are as before, but for TF-IDF's new scale.
        let (t, scale) = (Feature::Tfidf.column(), all[[0, 0]].max(all[[1, 0]]));
        for i in 0..2 {
            assert!(
                (m[[i, t]] - all[[i, t]] / scale).abs() < 1e-6,
                "{all:?} {m:?}"
            );
            for f in [Feature::Centroid, Feature::Position, Feature::Length] {
                assert_eq!(m[[i, f.column()]], all[[i, f.column()]], "{f:?}");
            }
        }
    }

    #[test]
    fn centrality_is_mean_cosine_to_the_others_scaled_to_the_best() {
        // 0: {a}, 1: {a, b}, 2: {b}, 3: {c}
        let s = stats(vec![
            vec![(0, 1.0)],
            vec![(0, 1.0), (1, 1.0)],
            vec![(1, 1.0)],
            vec![(2, 1.0)],
        ]);
        let m = features(&s, &[], false, false);
        let col: Vec<f32> = m.column(1).to_vec();
        // Raw: 0 → cos(0,1) = 0.707; 1 → 0.707 + 0.707; 2 → 0.707; 3 → 0.
        let expect = [0.5, 1.0, 0.5, 0.0];
        for (got, want) in col.iter().zip(expect) {
            assert!((got - want).abs() < 1e-5, "{col:?}");
        }
    }

    #[test]
    fn empty_and_single_sentences_have_finite_features() {
        for s in [
            stats(vec![]),
            stats(vec![vec![]]),
            stats(vec![vec![(0, 2.0)]]),
        ] {
            let m = features(&s, &[], false, false);
            assert!(m.iter().all(|v| v.is_finite() && (0.0..=1.0).contains(v)));
        }
    }
}
