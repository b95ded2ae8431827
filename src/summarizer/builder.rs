//! The options of a [`Summarizer`], checked once when it is built.

use super::Summarizer;
use crate::error::Error;
use crate::idf::IdfModel;
use crate::lang::Language;
use crate::score::{Feature, Weights};
use crate::select::DEFAULT_REDUNDANCY;
use crate::util::pool::Pool;
use std::sync::Arc;

/// Builds a [`Summarizer`]; every option has a default.
///
/// ```
/// let s = salience::Summarizer::builder()
///     .language("en")
///     .position_weight(0.5)
///     .stopwords(true)
///     .extra_stopwords(["reuters", "ap"])
///     .threads(2)
///     .build()?;
/// assert_eq!(s.language(), Some(salience::Language::English));
/// # Ok::<(), salience::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SummarizerBuilder {
    pub(super) language: Option<String>,
    pub(super) weights: Weights,
    pub(super) language_weights: bool,
    pub(super) stopwords: bool,
    pub(super) extra_stopwords: Vec<String>,
    pub(super) threads: Option<usize>,
    pub(super) redundancy: f32,
    pub(super) idf: Option<Arc<IdfModel>>,
}

impl Default for SummarizerBuilder {
    fn default() -> Self {
        SummarizerBuilder {
            language: None,
            weights: Weights::default(),
            language_weights: true,
            stopwords: true,
            extra_stopwords: Vec::new(),
            threads: None,
            redundancy: DEFAULT_REDUNDANCY,
            idf: None,
        }
    }
}

impl SummarizerBuilder {
    /// Forces the stopword language by ISO 639-1 code (default: detected per document).
    pub fn language(mut self, code: &str) -> Self {
        self.language = Some(code.to_owned());
        self
    }

    /// Weight of the lead position feature (default 1.2; 0 ignores position).
    pub fn position_weight(mut self, weight: f32) -> Self {
        self.weights.position = weight;
        self
    }

    /// All feature weights at once (see [`Weights`]), for every language: this turns
    /// off the language-specific defaults of [`Weights::for_language`].
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self.language_weights = false;
        self
    }

    /// Whether to drop stopwords before weighing terms (default true).
    pub fn stopwords(mut self, on: bool) -> Self {
        self.stopwords = on;
        self
    }

    /// Words to treat as stopwords in addition to the language's list.
    pub fn extra_stopwords<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extra_stopwords
            .extend(words.into_iter().map(|w| w.as_ref().to_owned()));
        self
    }

    /// How much to hold back a sentence that repeats one already chosen, from 0 (never:
    /// sentences are taken by score alone) to 1: maximal marginal relevance over the best
    /// 64 sentences.
    /// The default is [`DEFAULT_REDUNDANCY`] (0.2; its documentation has the
    /// measurements behind it).
    pub fn redundancy(mut self, redundancy: f32) -> Self {
        self.redundancy = redundancy;
        self
    }

    /// Weighs terms with a corpus IDF model instead of the document's own sentences
    /// (see [`Summarizer::fit`] and [`IdfModel::load`]).
    pub fn idf(mut self, model: IdfModel) -> Self {
        self.idf = Some(Arc::new(model));
        self
    }

    /// Runs on a pool of its own with this many threads (0: one per CPU) instead of
    /// the shared pool sized by `SALIENCE_NUM_THREADS`. A single document under
    /// 16 KiB runs on the calling thread either way (it is too small to split).
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads);
        self
    }

    /// Checks the options and builds the summarizer.
    ///
    /// # Errors
    /// [`crate::ErrorKind::UnknownLanguage`] for an unsupported language code, and
    /// [`crate::ErrorKind::InvalidOption`] for a weight that is negative or not
    /// finite, a redundancy outside `[0, 1]`, or a thread pool that cannot be started.
    pub fn build(self) -> Result<Summarizer, Error> {
        let language = self
            .language
            .as_deref()
            .map(Language::from_code)
            .transpose()?;
        let w = self.weights;
        for feature in Feature::ALL {
            let (name, value) = (feature.name(), w.get(feature));
            if !value.is_finite() || value < 0.0 {
                return Err(Error::invalid_option(
                    "weight",
                    format!("{name} weight must be a finite number ≥ 0, got {value}"),
                ));
            }
        }
        if !(0.0..=1.0).contains(&self.redundancy) {
            return Err(Error::invalid_option(
                "redundancy",
                format!(
                    "redundancy must be a number in [0, 1], got {}",
                    self.redundancy
                ),
            ));
        }
        let pool = match self.threads {
            Some(n) => Some(Arc::new(Pool::new(n).ok_or_else(|| {
                Error::invalid_option(
                    "threads",
                    format!(
                        "cannot start {n} threads (at most {})",
                        crate::util::pool::MAX_THREADS
                    ),
                )
            })?)),
            None => None,
        };
        let extra = self
            .extra_stopwords
            .iter()
            .map(|w| crate::normalize::key(w).into_owned())
            .collect();
        Ok(Summarizer {
            language,
            weights: w,
            language_weights: self.language_weights,
            stopwords: self.stopwords,
            extra_stopwords: Arc::new(extra),
            pool,
            redundancy: self.redundancy,
            idf: self.idf,
        })
    }
}
