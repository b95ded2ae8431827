//! What the summarizer computed for one document: sentences, features, scores.

use crate::lang::Language;
use crate::position::faded_lead;
use crate::score::{Feature, Weights};
use crate::select::{ranks, top_n};
use crate::tfidf::SentenceTerms;
use ndarray::{Array1, Array2};
use std::borrow::Cow;
use std::ops::Range;

/// One sentence with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredSentence {
    /// Position of the sentence in the document (0-based).
    pub index: usize,
    /// Byte range of the sentence in the text.
    pub span: Range<usize>,
    /// The sentence's score (higher is more salient).
    pub score: f32,
    /// Rank by score, 0 for the best; ties go to the earlier sentence, and a sentence
    /// without a letter ranks after every sentence with one.
    pub rank: usize,
}

/// Everything the summarizer computed for one document: the sentences, the feature
/// matrix (one row per sentence, columns as in [`crate::FEATURES`]) and the scores.
///
/// ```
/// let text = "Alpha beta gamma. Beta gamma delta. Unrelated words here.";
/// let analysis = salience::Summarizer::default().analyze(text);
/// assert_eq!(analysis.features().nrows(), 3);
/// assert_eq!(analysis.features().ncols(), salience::FEATURES.len());
/// let best = analysis.sentences().find(|s| s.rank == 0).unwrap();
/// assert!(best.score >= analysis.scores()[1]);
/// ```
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    /// The text analysed.
    pub(crate) text: &'t str,
    pub(crate) spans: Vec<Range<usize>>,
    pub(crate) features: Array2<f32>,
    pub(crate) scores: Array1<f32>,
    pub(crate) weights: Weights,
    pub(crate) language: Option<Language>,
    /// Each sentence's content-word counts (for redundancy control).
    pub(crate) terms: SentenceTerms,
    /// Whether each sentence holds a letter; empty when every one does
    /// ([`crate::score::lettered`]).
    pub(crate) lettered: Vec<bool>,
}

impl<'t> Analysis<'t> {
    /// The text this analysis describes.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The text of every sentence, in document order.
    ///
    /// ```
    /// let a = salience::Summarizer::default().analyze("One here. Two there.");
    /// assert_eq!(a.sentence_texts().collect::<Vec<_>>(), ["One here.", "Two there."]);
    /// ```
    pub fn sentence_texts(&self) -> impl Iterator<Item = &'t str> + '_ {
        let text = self.text;
        self.spans
            .iter()
            .map(move |span| text.get(span.clone()).unwrap_or_default())
    }

    /// Byte spans of the sentences, in document order.
    pub fn spans(&self) -> &[Range<usize>] {
        &self.spans
    }

    /// The feature matrix: one row per sentence, columns as in [`crate::FEATURES`].
    pub fn features(&self) -> &Array2<f32> {
        &self.features
    }

    /// The score of every sentence, in document order.
    pub fn scores(&self) -> &Array1<f32> {
        &self.scores
    }

    /// The weights the scores were computed with (see [`crate::Summarizer::weights_for`]).
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// The scores for a summary of about `wanted` sentences: the position column's
    /// part of each score is scaled by [`crate::position::lead_budget`], so a long
    /// summary is chosen on content. Unchanged (borrowed) for short summaries.
    ///
    /// ```
    /// let text = "Lead one here. Lead two here. Lead three here. Four. Five. Six.";
    /// let a = salience::Summarizer::default().analyze(text);
    /// assert_eq!(a.scores_for(3).as_ref(), a.scores().as_slice().unwrap());
    /// assert!(a.scores_for(5)[0] < a.scores()[0]);
    /// ```
    pub fn scores_for(&self, wanted: usize) -> Cow<'_, [f32]> {
        let scores = self.scores.as_slice().unwrap_or(&[]);
        let lead = self.features.column(Feature::Position.column());
        match faded_lead(scores, lead, self.weights.position, wanted) {
            Some(faded) => Cow::Owned(faded),
            None => Cow::Borrowed(scores),
        }
    }

    /// This analysis with its scores replaced by [`Analysis::scores_for`]`(wanted)`:
    /// the scores a summary of `wanted` sentences is chosen by.
    pub fn for_summary_of(mut self, wanted: usize) -> Analysis<'t> {
        if let Cow::Owned(scores) = self.scores_for(wanted) {
            self.scores = Array1::from(scores);
        }
        self
    }

    /// The stopword language used (`None` when none applied).
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// Every sentence with its score and rank, in document order.
    pub fn sentences(&self) -> impl Iterator<Item = ScoredSentence> + '_ {
        let scores = self.scores.as_slice().unwrap_or(&[]);
        let ranks = ranks(scores, &self.lettered);
        self.spans.iter().zip(scores).zip(ranks).enumerate().map(
            |(index, ((span, &score), rank))| ScoredSentence {
                index,
                span: span.clone(),
                score,
                rank,
            },
        )
    }

    /// Indices of the `n` best sentences by score alone (no redundancy control;
    /// sentences without a letter last), in document order.
    pub fn top(&self, n: usize) -> Vec<usize> {
        top_n(self.scores.as_slice().unwrap_or(&[]), &self.lettered, n)
    }

    /// Takes the feature matrix out, without copying it.
    pub fn into_features(self) -> Array2<f32> {
        self.features
    }
}
