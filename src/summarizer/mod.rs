//! The configurable summarizer and what it returns.

use crate::analysis::{Analysis, ScoredSentence};
use crate::idf::IdfModel;
use crate::lang::vote::Detection;
use crate::lang::Language;
use crate::score::{features, lettered, Weights};
use crate::segment::{sentence_spans_in, spans_and_language};
use crate::select::{fit_length, selection_order_by, top_n, Budget, Length};
use crate::tfidf::{term_stats, term_stats_voting, StopwordChoice, TermStats};
use crate::util::pool::{default_pool, map_items_largest_first, run_in, Pool, INLINE_BYTES};
use rayon::prelude::*;
use rayon::ThreadPool;
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::Arc;

mod builder;

pub use builder::SummarizerBuilder;

/// An extractive summarizer. Immutable once built, cheap to clone, and safe to share
/// across threads.
///
/// ```
/// use salience::Summarizer;
///
/// let summarizer = Summarizer::default();
/// let text = "The council approved the budget. Roads will be repaired. Taxes stay flat.";
/// let summary = summarizer.summarize(text, 2);
/// assert_eq!(summary.len(), 2);
/// ```
#[derive(Clone)]
pub struct Summarizer {
    language: Option<Language>,
    weights: Weights,
    /// Whether each language's own defaults apply ([`Weights::for_language`]).
    language_weights: bool,
    stopwords: bool,
    extra_stopwords: Arc<FxHashSet<String>>,
    pool: Option<Arc<Pool>>,
    redundancy: f32,
    idf: Option<Arc<IdfModel>>,
}

impl Default for Summarizer {
    /// The summarizer that [`Summarizer::builder`] builds with no option set.
    fn default() -> Self {
        let b = SummarizerBuilder::default();
        Summarizer {
            language: None,
            weights: b.weights,
            language_weights: b.language_weights,
            stopwords: b.stopwords,
            extra_stopwords: Arc::default(),
            pool: None,
            redundancy: b.redundancy,
            idf: None,
        }
    }
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("language", &self.language)
            .field("weights", &self.weights)
            .field("stopwords", &self.stopwords)
            .field("extra_stopwords", &self.extra_stopwords.len())
            .field("redundancy", &self.redundancy)
            .field("idf_documents", &self.idf.as_ref().map(|m| m.documents()))
            .field(
                "threads",
                &self.pool.as_ref().map(|p| p.current_num_threads()),
            )
            .finish()
    }
}

impl Summarizer {
    /// A builder with the default options.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder::default()
    }

    /// The forced language, if any (`None`: detected per document).
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// The feature weights.
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// Whether stopwords are dropped before terms are weighed.
    pub fn stopwords_enabled(&self) -> bool {
        self.stopwords
    }

    /// The most salient sentences of `text` that fit in `length` (a number of
    /// sentences, or any [`Length`]), in document order.
    ///
    /// ```
    /// use salience::Length;
    /// let s = salience::Summarizer::default();
    /// assert_eq!(s.summarize("One. Two.", 0).len(), 0);
    /// assert_eq!(s.summarize("One. Two.", 9), ["One.", "Two."]);
    /// let text = "One short one. Then a second, longer sentence follows here. Third.";
    /// assert_eq!(s.summarize(text, Length::ratio(0.1)?).len(), 1);
    /// assert_eq!(s.summarize(text, Length::words(100)).len(), 3);
    /// assert_eq!(s.summarize("", Length::words(100)).len(), 0);
    /// # Ok::<(), salience::Error>(())
    /// ```
    pub fn summarize<'t>(&self, text: &'t str, length: impl Into<Length>) -> Vec<&'t str> {
        let length = length.into();
        if length.is_empty() {
            return Vec::new();
        }
        let analysis = self.run_document(text, |parallel| self.analyze_with(text, parallel));
        texts(text, &analysis, &self.choose(&analysis, length))
    }

    /// Summarizes many documents in parallel (one document per task); the result for
    /// each equals [`Summarizer::summarize`] on it.
    ///
    /// ```
    /// use salience::Length;
    /// let s = salience::Summarizer::default();
    /// let docs = ["A b c. D e f.", "Only one sentence here."];
    /// let out = s.summarize_batch(&docs, 1);
    /// assert_eq!(out, [s.summarize(docs[0], 1), s.summarize(docs[1], 1)]);
    /// let out = s.summarize_batch(&docs, Length::words(3));
    /// assert_eq!(out, [s.summarize(docs[0], Length::words(3)), vec![docs[1]]]);
    /// ```
    pub fn summarize_batch<'t, S: AsRef<str> + Sync>(
        &self,
        texts_in: &'t [S],
        length: impl Into<Length>,
    ) -> Vec<Vec<&'t str>> {
        let length = length.into();
        run_in(self.pool(), || {
            map_items_largest_first(
                texts_in,
                |t| t.as_ref().len(),
                |t| {
                    let text = t.as_ref();
                    if length.is_empty() {
                        return Vec::new();
                    }
                    let analysis = self.analyze_with(text, false);
                    texts(text, &analysis, &self.choose(&analysis, length))
                },
            )
        })
    }

    /// Scores every sentence of `text`; see [`Analysis`].
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        self.run_document(text, |parallel| self.analyze_with(text, parallel))
    }

    /// The best sentences for a summary of `length`, with their scores, in document
    /// order.
    ///
    /// ```
    /// let s = salience::Summarizer::default();
    /// let text = "First point made. Second point made.";
    /// let best = s.select(text, 1);
    /// assert_eq!(best.len(), 1);
    /// assert_eq!(best[0].rank, 0);
    /// ```
    pub fn select(&self, text: &str, length: impl Into<Length>) -> Vec<ScoredSentence> {
        let analysis = self.analyze(text);
        let keep = self.choose(&analysis, length);
        analysis
            .sentences()
            .filter(|s| keep.binary_search(&s.index).is_ok())
            .collect()
    }

    /// Indices of the sentences a summary of `length` keeps, in document order (word
    /// and character budgets measure the analysed text's sentences).
    ///
    /// ```
    /// use salience::Length;
    /// let s = salience::Summarizer::default();
    /// let text = "Tidal power grows. Tidal power is clean. Bread is cheap.";
    /// let analysis = s.analyze(text);
    /// let chosen = s.choose(&analysis, 2);
    /// let texts: Vec<&str> = chosen.iter().map(|&i| &text[analysis.spans()[i].clone()]).collect();
    /// assert_eq!(texts, s.summarize(text, 2));
    /// assert_eq!(s.choose(&analysis, Length::chars(18)), [0]);
    /// ```
    pub fn choose(&self, analysis: &Analysis<'_>, length: impl Into<Length>) -> Vec<usize> {
        let length = length.into();
        match length.budget() {
            Budget::Sentences(n) => self.choose_sentences(analysis, n),
            _ => self.choose_expecting(analysis, length).0,
        }
    }

    /// [`Summarizer::choose`] for `n` sentences.
    fn choose_sentences(&self, analysis: &Analysis<'_>, n: usize) -> Vec<usize> {
        let lettered = &analysis.lettered;
        if self.redundancy <= 0.0 {
            return top_n(&analysis.scores_for(n), lettered, n);
        }
        let order = self.order(analysis, n, n);
        let total = analysis.spans.len();
        fit_length(&order, total, &[], lettered, Length::sentences(n))
    }

    /// [`Summarizer::choose`], and about how many sentences the summary was
    /// expected to hold (the number its scores were faded for).
    fn choose_expecting(&self, analysis: &Analysis<'_>, length: Length) -> (Vec<usize>, usize) {
        let total = analysis.spans.len();
        let sizes = sizes(analysis, length);
        let expected = expected_sentences(length, &sizes, total);
        let wanted = match length.budget() {
            Budget::Sentences(_) | Budget::Ratio(_) => expected,
            Budget::Words(_) | Budget::Chars(_) => total,
        };
        let order = self.order(analysis, wanted, expected);
        let lettered = &analysis.lettered;
        (
            fit_length(&order, total, &sizes, lettered, length),
            expected,
        )
    }

    /// [`Summarizer::analyze`] and [`Summarizer::choose`] in one: the analysis with
    /// the scores the summary was chosen by ([`Analysis::for_summary_of`]), and the
    /// indices of the chosen sentences in document order.
    ///
    /// ```
    /// let s = salience::Summarizer::default();
    /// let text = "Tidal power grows. Tidal power is clean. Bread is cheap.";
    /// let (analysis, chosen) = s.explain(text, 2);
    /// assert_eq!(chosen, s.choose(&s.analyze(text), 2));
    /// assert_eq!(analysis.top(2), chosen);
    /// ```
    pub fn explain<'t>(
        &self,
        text: &'t str,
        length: impl Into<Length>,
    ) -> (Analysis<'t>, Vec<usize>) {
        let analysis = self.analyze(text);
        let (chosen, expected) = self.choose_expecting(&analysis, length.into());
        (analysis.for_summary_of(expected), chosen)
    }

    /// The order in which sentences enter a summary of about `expected` sentences
    /// (see [`crate::select::selection_order_by`]); `wanted`, the places the caller reads,
    /// bounds the redundancy pass and the sentences ranked.
    fn order(&self, analysis: &Analysis<'_>, wanted: usize, expected: usize) -> Vec<usize> {
        let scores = analysis.scores_for(expected);
        let vector = |i| analysis.terms.get(i);
        selection_order_by(&scores, &analysis.lettered, vector, self.redundancy, wanted)
    }

    /// The weights a document in `language` is scored with: that language's defaults
    /// ([`Weights::for_language`]) with the configured position weight, or exactly
    /// the weights [`SummarizerBuilder::weights`] set.
    ///
    /// ```
    /// use salience::{Language, Summarizer, Weights};
    /// let s = Summarizer::builder().position_weight(0.5).build()?;
    /// assert_eq!(s.weights_for(Some(Language::Urdu)).length, 2.0);
    /// assert_eq!(s.weights_for(Some(Language::Urdu)).position, 0.5);
    /// let fixed = Summarizer::builder().weights(Weights::default()).build()?;
    /// assert_eq!(fixed.weights_for(Some(Language::Urdu)), Weights::default());
    /// # Ok::<(), salience::Error>(())
    /// ```
    pub fn weights_for(&self, language: Option<Language>) -> Weights {
        if !self.language_weights {
            return self.weights;
        }
        Weights {
            position: self.weights.position,
            ..Weights::for_language(language)
        }
    }

    /// Learns document frequencies from `corpus` (in parallel, on this summarizer's
    /// threads) and returns a summarizer that weighs terms with them; this one is
    /// unchanged. Terms are counted as the summarizer counts them: match keys of the
    /// words that are not stopwords, in each document's language.
    ///
    /// The same counts come out on any number of threads.
    ///
    /// ```
    /// let corpus = ["Tidal power is growing.", "Solar power is cheap.", "Wind power too."];
    /// let fitted = salience::Summarizer::default().fit(&corpus);
    /// let idf = fitted.idf().unwrap();
    /// assert_eq!((idf.documents(), idf.document_frequency("power")), (3, 3));
    /// assert!(salience::Summarizer::default().idf().is_none());
    /// ```
    pub fn fit<S: AsRef<str> + Sync>(&self, corpus: &[S]) -> Summarizer {
        self.with_idf(self.count_documents(corpus))
    }

    /// This summarizer with a corpus IDF model (see [`Summarizer::fit`]).
    ///
    /// ```
    /// let model = salience::IdfModel::from_counts(2, [("tidal", 1)]);
    /// let s = salience::Summarizer::default().with_idf(model);
    /// assert_eq!(s.idf().map(|m| m.documents()), Some(2));
    /// ```
    pub fn with_idf(&self, model: IdfModel) -> Summarizer {
        let mut fitted = self.clone();
        fitted.idf = Some(Arc::new(model));
        fitted
    }

    /// The document frequencies of `corpus`, counted in parallel.
    pub(crate) fn count_documents<S: AsRef<str> + Sync>(&self, corpus: &[S]) -> IdfModel {
        run_in(self.pool(), || {
            corpus
                .par_iter()
                .fold(IdfModel::default, |mut m, doc| {
                    m.add_document(self.document_terms(doc.as_ref()));
                    m
                })
                .reduce(IdfModel::default, IdfModel::merge)
        })
    }

    /// The distinct content terms of one document.
    fn document_terms(&self, text: &str) -> FxHashSet<String> {
        let language = self.language.or_else(|| Language::detect(text));
        let stopwords = self.stopword_sets(language);
        let mut terms = FxHashSet::default();
        for span in sentence_spans_in(text, language) {
            let sentence = text.get(span).unwrap_or_default();
            crate::tokens::for_each_term(sentence, |k| {
                if !stopwords.iter().any(|s| s.contains(k.as_ref())) && !terms.contains(k.as_ref())
                {
                    terms.insert(k.into_owned());
                }
            });
        }
        terms
    }

    /// The corpus IDF model in use, if any.
    pub fn idf(&self) -> Option<&IdfModel> {
        self.idf.as_deref()
    }

    /// How much a sentence that repeats a chosen one is held back (0: not at all).
    pub fn redundancy(&self) -> f32 {
        self.redundancy
    }

    pub(crate) fn pool(&self) -> Option<&ThreadPool> {
        match &self.pool {
            Some(pool) => pool.get(),
            None => default_pool(),
        }
    }

    /// Runs `f` for one document: on the calling thread, told not to go parallel,
    /// when the text is shorter than [`INLINE_BYTES`]; otherwise on the pool, told it
    /// may. Both give the same result (an analysis is the same on any number of
    /// threads).
    fn run_document<R: Send>(&self, text: &str, f: impl FnOnce(bool) -> R + Send) -> R {
        if text.len() < INLINE_BYTES {
            f(false)
        } else {
            run_in(self.pool(), || f(true))
        }
    }

    /// The number of threads this summarizer runs on (1 without a pool).
    #[cfg(feature = "corpus")]
    pub(crate) fn threads(&self) -> usize {
        self.pool().map_or(1, ThreadPool::current_num_threads)
    }

    fn analyze_with<'t>(&self, text: &'t str, parallel: bool) -> Analysis<'t> {
        // Segmentation detects the language only when an abbreviation list needs
        // it; term building then takes that answer instead of voting again.
        let (spans, detected) = spans_and_language(text, self.language);
        let (language, stats) = self.language_and_terms(text, &spans, detected, parallel);
        let lettered = lettered(
            spans
                .iter()
                .map(|s| text.get(s.clone()).unwrap_or_default()),
        );
        let features = features(&stats, &lettered, self.idf.is_some(), parallel);
        let weights = self.weights_for(language);
        let scores = features.dot(&weights.to_array());
        Analysis {
            text,
            spans,
            features,
            scores,
            weights,
            language,
            terms: stats.sentences,
            lettered,
        }
    }

    /// The document's language (forced, detected by segmentation, `detected`, or
    /// detected here) and its term statistics. When a stopword vote decides the
    /// language, term building counts the vote.
    fn language_and_terms(
        &self,
        text: &str,
        spans: &[Range<usize>],
        detected: Option<Option<Language>>,
        parallel: bool,
    ) -> (Option<Language>, TermStats) {
        let choice = self.stopword_choice();
        let corpus = self.idf.as_deref();
        let detection = match (self.language, detected) {
            (Some(language), _) => Detection::Decided(Some(language)),
            (None, Some(language)) => Detection::Decided(language),
            (None, None) => Detection::start(text),
        };
        match detection {
            Detection::Decided(language) => {
                let sets = choice.sets(language);
                (language, term_stats(text, spans, &sets, corpus, parallel))
            }
            Detection::Vote(vote) => term_stats_voting(text, spans, vote, choice, corpus, parallel),
        }
    }

    /// The stopwords dropped: the language's and the extra ones (none when
    /// stopwords are off), borrowed, so a document never copies a list.
    fn stopword_choice(&self) -> StopwordChoice<'_> {
        StopwordChoice {
            on: self.stopwords,
            extra: Some(&*self.extra_stopwords).filter(|s| !s.is_empty()),
        }
    }

    /// The lists of [`Summarizer::stopword_choice`] for a document in `language`.
    fn stopword_sets(&self, language: Option<Language>) -> Vec<&FxHashSet<String>> {
        self.stopword_choice().sets(language)
    }
}

/// The size of every sentence in the unit of a word or character budget (empty for
/// the other lengths).
fn sizes(analysis: &Analysis<'_>, length: Length) -> Vec<usize> {
    let sentences = analysis
        .spans
        .iter()
        .map(|span| analysis.text.get(span.clone()).unwrap_or_default());
    match length.budget() {
        Budget::Sentences(_) | Budget::Ratio(_) => Vec::new(),
        Budget::Words(_) => sentences
            .map(|sentence| crate::words::words(sentence).count())
            .collect(),
        Budget::Chars(_) => sentences.map(|sentence| sentence.chars().count()).collect(),
    }
}

/// About how many of `total` sentences a summary of `length` holds: a word or
/// character budget is taken as the same share of the document's sentences.
fn expected_sentences(length: Length, sizes: &[usize], total: usize) -> usize {
    let share = |budget: usize| {
        let all: usize = sizes.iter().sum();
        if all == 0 {
            return total;
        }
        let n = (budget as f64 / all as f64 * total as f64).ceil() as usize;
        n.clamp(1, total.max(1))
    };
    match length.budget() {
        Budget::Sentences(n) => n,
        Budget::Ratio(r) => ((r.clamp(0.0, 1.0) * total as f64).ceil() as usize).max(1),
        Budget::Words(budget) | Budget::Chars(budget) => share(budget),
    }
}

/// The texts of the sentences at `indices`.
fn texts<'t>(text: &'t str, analysis: &Analysis<'_>, indices: &[usize]) -> Vec<&'t str> {
    indices
        .iter()
        .filter_map(|&i| analysis.spans.get(i).and_then(|s| text.get(s.clone())))
        .collect()
}
