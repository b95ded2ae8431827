//! Term statistics: a vocabulary, sparse per-sentence term counts and IDF.
//!
//! Memory is linear in the input: each sentence keeps only the terms it contains.
//!
//! - [`terms`]: what term building produces (each sentence's terms, the document's
//!   statistics);
//! - [`vocabulary`]: match keys to ids, keys kept as ranges of the text;
//! - [`build`]: term building itself, in chunks, with the stopword vote when the
//!   language is still open.

mod build;
mod terms;
#[cfg(test)]
mod tests;
mod vocabulary;

pub(crate) use build::{term_stats, term_stats_voting, StopwordChoice};
#[cfg(test)]
pub(crate) use terms::SparseCounts;
pub(crate) use terms::{SentenceTerms, TermStats};
