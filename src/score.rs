//! The feature matrix and the scores it gives.
//!
//! Each sentence is one row of an `ndarray` matrix whose columns are named by
//! [`FEATURES`]; a sentence's score is the dot product of its row with the weights, so
//! the model is plain to see and to test.

use crate::parallel::map_indices;
use crate::position::lead_weight;
use crate::tfidf::{SparseCounts, TermStats};
use ndarray::{Array1, Array2};

/// The names of the feature columns, in order.
pub const FEATURES: [&str; 4] = ["tfidf", "centroid", "position", "length"];

/// Content words at which the length feature saturates at 1.
const FULL_LENGTH: f32 = 12.0;

/// Weights of the feature columns; the score of a sentence is `features · weights`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of the TF-IDF salience (mean term weight, scaled to the document's best).
    pub tfidf: f32,
    /// Weight of the cosine similarity to the document's TF-IDF centroid.
    pub centroid: f32,
    /// Weight of the lead position ([`crate::position::lead_weight`]).
    pub position: f32,
    /// Weight of the length prior (content words / 12, capped at 1).
    pub length: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            tfidf: 0.3,
            centroid: 1.0,
            position: 1.0,
            length: 0.2,
        }
    }
}

impl Weights {
    /// The weights as a vector in [`FEATURES`] order.
    pub fn to_array(&self) -> Array1<f32> {
        Array1::from(vec![self.tfidf, self.centroid, self.position, self.length])
    }
}

/// Builds the feature matrix: one row per sentence, columns as in [`FEATURES`].
pub(crate) fn features(stats: &TermStats, parallel: bool) -> Array2<f32> {
    let centroid = centroid(stats);
    let centroid_norm = norm(centroid.iter().copied());
    let rows = map_indices(stats.sentences.len(), parallel, |i| {
        let terms = stats.sentences.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let len = stats.lengths.get(i).copied().unwrap_or(0);
        row(terms, len, i, &stats.idf, &centroid, centroid_norm)
    });
    let best_tfidf = rows.iter().map(|r| r[0]).fold(0.0f32, f32::max);
    let mut matrix = Array2::zeros((rows.len(), FEATURES.len()));
    for (mut out, mut r) in matrix.rows_mut().into_iter().zip(rows) {
        if best_tfidf > 0.0 {
            r[0] /= best_tfidf;
        }
        out.assign(&ndarray::ArrayView1::from(&r));
    }
    matrix
}

/// One sentence's raw features (the TF-IDF column is scaled later).
fn row(
    terms: &[(u32, f32)],
    len: usize,
    index: usize,
    idf: &[f32],
    centroid: &[f32],
    centroid_norm: f32,
) -> [f32; 4] {
    let weight = |&(id, tf): &(u32, f32)| tf * idf.get(id as usize).copied().unwrap_or(0.0);
    let total: f32 = terms.iter().map(weight).sum();
    let tfidf = if len == 0 {
        0.0
    } else {
        total / (len as f32).sqrt()
    };
    let dot: f32 = terms
        .iter()
        .map(|t| weight(t) * centroid.get(t.0 as usize).copied().unwrap_or(0.0))
        .sum();
    let denom = norm(terms.iter().map(weight)) * centroid_norm;
    let cosine = if denom > 0.0 { dot / denom } else { 0.0 };
    let length = (len as f32 / FULL_LENGTH).min(1.0);
    [tfidf, cosine, lead_weight(index), length]
}

/// The document's TF-IDF centroid: the sum of its sentence vectors, dense over the
/// vocabulary (linear in the vocabulary, never sentences × vocabulary).
fn centroid(stats: &TermStats) -> Vec<f32> {
    let mut c = vec![0.0f32; stats.idf.len()];
    for terms in &stats.sentences {
        add_weighted(&mut c, terms, &stats.idf);
    }
    c
}

fn add_weighted(c: &mut [f32], terms: &SparseCounts, idf: &[f32]) {
    for &(id, tf) in terms {
        let w = idf.get(id as usize).copied().unwrap_or(0.0);
        if let Some(slot) = c.get_mut(id as usize) {
            *slot += tf * w;
        }
    }
}

fn norm(values: impl Iterator<Item = f32>) -> f32 {
    values.map(|v| v * v).sum::<f32>().sqrt()
}
