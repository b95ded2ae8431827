//! # salience
//!
//! Fast, multilingual extractive summarization. A document is split into sentences
//! and words (Unicode UAX #29), terms are weighed by TF-IDF, a position weight is
//! added, every sentence is scored in parallel, and the top `n` sentences come back
//! in document order, exactly as they appear in the text.
//!
//! ```
//! let text = "Rust is a systems programming language. It is fast and memory safe. \
//!             Many companies use Rust in production. The weather was nice today.";
//! let summary = salience::summarize(text, 2);
//! assert_eq!(summary.len(), 2);
//! assert!(summary.iter().all(|s| text.contains(s)));
//! ```
//!
//! The configurable form is [`Summarizer`]:
//!
//! ```
//! use salience::Summarizer;
//!
//! let summarizer = Summarizer::builder().language("ur").position_weight(0.5).build()?;
//! let summary = summarizer.summarize("پہلا جملہ یہاں ہے۔ دوسرا جملہ یہاں ہے۔", 1);
//! assert_eq!(summary.len(), 1);
//! # Ok::<(), salience::Error>(())
//! ```

mod analysis;
#[cfg(feature = "corpus")]
pub mod corpus;
mod error;
mod idf;
mod lang;
mod normalize;
mod position;
#[cfg(feature = "python")]
mod python;
mod score;
mod script;
mod segment;
mod select;
mod summarizer;
mod tfidf;
mod tokens;
mod util;
mod words;

/// Where the unit tests find the evaluation data: the integration tests' helper, so that
/// every test honours `SALIENCE_EVAL_DIR` and says when it skips.
#[cfg(test)]
#[path = "../tests/eval_data/mod.rs"]
mod eval_data;

/// The README's Rust examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use analysis::{Analysis, ScoredSentence};
pub use error::{Error, ErrorKind};
pub use idf::IdfModel;
pub use lang::Language;
pub use normalize::key as match_key;
pub use position::{lead_budget, lead_weight};
pub use score::{Feature, Weights, FEATURES};
pub use segment::{
    sentence_spans, sentence_spans_in, split_sentences, split_sentences_in, MAX_SENTENCE_BYTES,
};
pub use select::{Length, DEFAULT_REDUNDANCY};
pub use summarizer::{Summarizer, SummarizerBuilder};
pub use tokens::{for_each_term, terms};
pub use util::pool::THREADS_ENV;
pub use words::{word_indices, words};

/// The most salient sentences of `text` that fit in `length` (a number of sentences,
/// or any [`Length`]), in document order, with the default [`Summarizer`].
///
/// Returns every sentence when the text has fewer than `n`, and nothing for empty
/// text or `n == 0`.
///
/// ```
/// let text = "Cats purr. Dogs bark loudly at night. Cats and dogs are pets.";
/// assert_eq!(salience::summarize(text, 5).len(), 3);
/// assert!(salience::summarize(text, 0).is_empty());
/// assert!(salience::summarize("", 3).is_empty());
/// ```
pub fn summarize(text: &str, length: impl Into<Length>) -> Vec<&str> {
    Summarizer::default().summarize(text, length)
}
