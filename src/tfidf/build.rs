//! Term building: the words of every sentence become term ids against a vocabulary,
//! stopwords are set aside, and the chunks' vocabularies merge into the document's
//! term statistics and IDF.

use super::terms::{SentenceTerms, TermStats};
use super::vocabulary::{offset_in, Vocabulary};
use crate::idf::IdfModel;
use crate::lang::vote::{stopword_index, Feed, StopwordIndex, Vote};
use crate::lang::Language;
use crate::normalize::key_into;
use crate::script::FIRST_UNSPACED;
use crate::tokens::for_each_term;
use crate::util::keytable;
use crate::util::pool::{map_items, INLINE_BYTES};
use crate::words::word_iter;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The id given to stopwords: they count for nothing.
const STOPWORD: u32 = u32::MAX;

/// Counts the content words of each sentence and derives IDF from the sentences.
///
/// The sentences are cut into a few chunks of about equal size (one when `parallel`
/// is off or the document is short), and each chunk gets a vocabulary of its own, in
/// parallel: one hash per token, stopwords included in the vocabulary (so that the
/// stopword list is asked once per distinct key), and keys kept as ranges of the
/// text (copied only when a key differs from its word and is new). The chunks'
/// vocabularies are then merged in order, so a content term's id is its rank of
/// first occurrence in the document, whatever the number of chunks or threads.
///
/// With a corpus model, IDF comes from the corpus instead of the sentences.
pub(crate) fn term_stats(
    text: &str,
    spans: &[Range<usize>],
    stopwords: &[&FxHashSet<String>],
    corpus: Option<&IdfModel>,
    parallel: bool,
) -> TermStats {
    let chunks = chunks(spans, parallel);
    let locals = map_items(&chunks, |chunk| {
        local_terms(
            text,
            spans.get(chunk.clone()).unwrap_or_default(),
            Stops::Sets(stopwords),
            None,
        )
    });
    assemble(&locals, spans.len(), corpus)
}

/// Merges the chunks' terms, in order, into the document's term statistics.
fn assemble(locals: &[Local<'_>], sentence_count: usize, corpus: Option<&IdfModel>) -> TermStats {
    // Keys are only needed to merge chunks and to ask a corpus model.
    let merge = locals.len() > 1;
    let keyed = merge || corpus.is_some();
    let mut terms: Vec<&str> = Vec::new();
    let mut global: FxHashMap<&str, u32> = FxHashMap::default();
    let mut next: u32 = 0;
    let mut df: Vec<u32> = Vec::new();
    let mut sentences = SentenceTerms {
        pairs: Vec::with_capacity(locals.iter().map(|l| l.ids.len()).sum()),
        ends: Vec::with_capacity(sentence_count),
    };
    let mut lengths = Vec::with_capacity(sentence_count);
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for local in locals {
        let mut remap = Vec::with_capacity(local.stop.len());
        for (id, &stop) in local.stop.iter().enumerate() {
            if stop {
                remap.push(STOPWORD);
                continue;
            }
            let (global_id, new) = global_id(local, id, merge.then_some(&mut global), &mut next);
            if keyed && new {
                terms.push(local.vocab.key(id));
            }
            remap.push(global_id);
        }
        let terms = next as usize;
        df.resize(terms, 0);
        // For each content term, the last sentence it was seen in (1-based) and its
        // pair there: each sentence's pairs come out distinct, then sorted by id.
        seen.resize(terms, (0, 0));
        let mut from = 0;
        for &end in &local.ends {
            let words = local.ids.get(from..end).unwrap_or_default();
            from = end;
            let sentence = sentences.ends.len() + 1;
            let start = sentences.pairs.len();
            let mut content = 0;
            for &id in words {
                let term = remap.get(id as usize).copied().unwrap_or(STOPWORD);
                let Some(last) = seen.get_mut(term as usize) else {
                    continue;
                };
                content += 1;
                if last.0 == sentence {
                    if let Some(pair) = sentences.pairs.get_mut(last.1) {
                        pair.1 += 1.0;
                    }
                } else {
                    *last = (sentence, sentences.pairs.len());
                    sentences.pairs.push((term, 1.0));
                    if let Some(d) = df.get_mut(term as usize) {
                        *d += 1;
                    }
                }
            }
            lengths.push(content);
            if let Some(pairs) = sentences.pairs.get_mut(start..) {
                pairs.sort_unstable_by_key(|p| p.0);
            }
            sentences.ends.push(sentences.pairs.len());
        }
    }
    let idf = match corpus {
        Some(model) => terms.iter().map(|term| model.idf(term)).collect(),
        None => sentence_idf(&df, sentences.len()),
    };
    TermStats {
        sentences,
        lengths,
        idf,
    }
}

/// The document-wide id of content term `id` of `local`, and whether it is new: the
/// next free one, unless `global` (when chunks are merged) already gave its key one.
fn global_id<'a>(
    local: &'a Local<'_>,
    id: usize,
    global: Option<&mut FxHashMap<&'a str, u32>>,
    next: &mut u32,
) -> (u32, bool) {
    let fresh = *next;
    if let Some(global) = global {
        let given = *global.entry(local.vocab.key(id)).or_insert(fresh);
        if given != fresh {
            return (given, false);
        }
    }
    *next = fresh.saturating_add(1).min(STOPWORD - 1);
    (fresh, true)
}

/// IDF from document frequencies, with the sentences as documents: one logarithm
/// per distinct frequency, since most terms share a few small ones.
fn sentence_idf(df: &[u32], sentences: usize) -> Vec<f32> {
    let n = sentences as f32;
    let mut by_df: Vec<Option<f32>> = Vec::new();
    df.iter()
        .map(|&d| {
            let slot = d as usize;
            if let Some(Some(idf)) = by_df.get(slot) {
                return *idf;
            }
            let idf = ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0;
            if slot >= by_df.len() {
                by_df.resize(slot + 1, None);
            }
            if let Some(cell) = by_df.get_mut(slot) {
                *cell = Some(idf);
            }
            idf
        })
        .collect()
}

/// Sentences per chunk below which a document is not cut.
const MIN_CHUNK_SENTENCES: usize = 256;

/// Ranges of sentence indices of about equal byte size: two per thread (for balance),
/// or one on one thread.
fn chunks(spans: &[Range<usize>], parallel: bool) -> Vec<Range<usize>> {
    let threads = rayon::current_num_threads();
    let wanted = if parallel && threads > 1 {
        (threads * 2).min(spans.len() / MIN_CHUNK_SENTENCES)
    } else {
        1
    };
    if wanted <= 1 {
        return std::iter::once(0..spans.len()).collect();
    }
    let total: usize = spans.iter().map(|s| s.len()).sum();
    let per_chunk = total / wanted + 1;
    let mut out = Vec::with_capacity(wanted + 1);
    let (mut start, mut bytes) = (0, 0);
    for (i, span) in spans.iter().enumerate() {
        bytes += span.len();
        if bytes >= per_chunk {
            out.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < spans.len() {
        out.push(start..spans.len());
    }
    out
}

/// The terms of a run of sentences against a vocabulary of its own.
struct Local<'t> {
    /// Keys by local id, in order of first occurrence.
    vocab: Vocabulary<'t>,
    /// Whether each key is a stopword.
    stop: Vec<bool>,
    /// With [`Stops::Listed`]: the languages that list each key.
    listed: Vec<u64>,
    /// Local ids of the terms of the sentences, in text order: the content terms
    /// with [`Stops::Sets`], every term with [`Stops::Listed`].
    ids: Vec<u32>,
    /// Where each sentence's ids end in `ids`.
    ends: Vec<usize>,
}

/// How a chunk learns which keys are stopwords.
#[derive(Clone, Copy)]
enum Stops<'s> {
    /// From these lists, as each key is first seen; stopwords leave no id.
    Sets(&'s [&'s FxHashSet<String>]),
    /// From the languages that list each key (see [`stopword_index`]), once the
    /// language is known; every word leaves its id.
    Listed(&'s StopwordIndex),
}

/// Builds the vocabulary and the term ids of the sentences at `spans`, feeding
/// `feed` the words it may count.
fn local_terms<'t>(
    text: &'t str,
    spans: &[Range<usize>],
    stops: Stops<'_>,
    mut feed: Option<&mut Feed<'_>>,
) -> Local<'t> {
    let bytes: usize = spans.iter().map(|s| s.len()).sum();
    let vocab = Vocabulary::new(text, bytes);
    let keys = vocab.capacity();
    let mut local = Local {
        vocab,
        stop: Vec::with_capacity(if matches!(stops, Stops::Sets(_)) {
            keys
        } else {
            0
        }),
        listed: Vec::with_capacity(if matches!(stops, Stops::Listed(_)) {
            keys
        } else {
            0
        }),
        // Room for the words of a short text from the start (about six bytes each
        // with a space); a long one grows its list, so as not to hold room for the
        // stopwords it leaves out.
        ids: Vec::with_capacity(if bytes < INLINE_BYTES { bytes / 5 } else { 0 }),
        ends: Vec::with_capacity(spans.len()),
    };
    let mut lower = String::new();
    let mut prev_end = 0;
    for span in spans {
        let sentence = text.get(span.clone()).unwrap_or_default();
        let spaced = is_spaced(sentence);
        let mut counting = feed
            .as_mut()
            .is_some_and(|f| f.enter(text, span, prev_end, spaced));
        prev_end = span.end;
        if spaced {
            let mut found = word_iter(sentence);
            while let Some((offset, word)) = found.next() {
                let listed = if found.plain() || key_into(word, &mut lower) {
                    local.add(word, Some(span.start + offset), stops)
                } else {
                    local.add(&lower, None, stops)
                };
                if counting {
                    counting = feed.as_mut().is_some_and(|f| f.word(listed));
                }
            }
        } else {
            for_each_term(sentence, |k| {
                local.add(&k, offset_in(text, &k), stops);
            });
        }
        local.ends.push(local.ids.len());
    }
    local
}

impl Local<'_> {
    /// Adds one token by its key (a slice of the text at `at`, or else copied when
    /// new) and returns the languages that list it (0 with [`Stops::Sets`]).
    #[inline(always)]
    fn add(&mut self, key: &str, at: Option<usize>, stops: Stops<'_>) -> u64 {
        let hash = keytable::hash(key);
        let (id, new) = self.vocab.id(key, hash, at);
        match stops {
            Stops::Sets(sets) => {
                if new {
                    self.stop.push(sets.iter().any(|s| s.contains(key)));
                }
                if !self.stop.get(id as usize).copied().unwrap_or(true) {
                    self.ids.push(id);
                }
                0
            }
            Stops::Listed(index) => {
                if new {
                    self.listed.push(index.get(hash, key));
                }
                self.ids.push(id);
                self.listed.get(id as usize).copied().unwrap_or(0)
            }
        }
    }
}

/// The stopwords a summarizer drops: its language's list when `on`, and `extra`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StopwordChoice<'s> {
    /// Whether stopwords are dropped at all.
    pub on: bool,
    /// Words dropped in every language (none when empty).
    pub extra: Option<&'s FxHashSet<String>>,
}

impl<'s> StopwordChoice<'s> {
    /// The lists for a document in `language`.
    pub fn sets(self, language: Option<Language>) -> Vec<&'s FxHashSet<String>> {
        if !self.on {
            return Vec::new();
        }
        language
            .map(Language::stopwords)
            .into_iter()
            .chain(self.extra)
            .collect()
    }

    /// The stopword flag of every key of `local`, whose keys the languages in
    /// `local.listed` list, for a document in `language`: the same as asking
    /// [`StopwordChoice::sets`].
    fn flags(self, local: &Local<'_>, language: Option<Language>) -> Vec<bool> {
        if !self.on {
            return vec![false; local.listed.len()];
        }
        let bit = language.map_or(0, Language::bit);
        let mut flags: Vec<bool> = local.listed.iter().map(|&l| l & bit != 0).collect();
        if let Some(extra) = self.extra {
            for (id, flag) in flags.iter_mut().enumerate() {
                *flag = *flag || extra.contains(local.vocab.key(id));
            }
        }
        flags
    }
}

/// [`term_stats`] for a document whose language a stopword [`Vote`] decides, with
/// that language: the vote counts the words that term building segments anyway (as
/// far as they are the words [`Vote::read_opening`] would see), and each distinct key's
/// stopword flag follows once the vote is over. The same result as detecting the
/// language first, on any number of threads.
pub(crate) fn term_stats_voting(
    text: &str,
    spans: &[Range<usize>],
    mut vote: Box<Vote>,
    choice: StopwordChoice<'_>,
    corpus: Option<&IdfModel>,
    parallel: bool,
) -> (Option<Language>, TermStats) {
    if parallel || text.len() >= INLINE_BYTES {
        // Long documents (and any that may be cut into chunks, whose words the vote
        // cannot follow in order): the vote is a small part of the work, and keeping
        // the languages of every new key costs more than it saves (10 MB of books:
        // 1,214 M instructions this way, 1,351 M voting during term building).
        vote.read_opening(text);
        let language = vote.result();
        let sets = choice.sets(language);
        return (language, term_stats(text, spans, &sets, corpus, parallel));
    }
    let mut feed = vote.feed(text);
    let mut local = local_terms(
        text,
        spans,
        Stops::Listed(stopword_index()),
        Some(&mut feed),
    );
    let language = vote.result();
    local.stop = choice.flags(&local, language);
    (
        language,
        assemble(std::slice::from_ref(&local), spans.len(), corpus),
    )
}

/// Whether every term of `sentence` is a word keyed on its own ([`crate::words::words`] and
/// [`crate::normalize::key`]), which holds when no character belongs to a script that
/// [`for_each_term`] splits into bigrams or segments: those all lie at U+0E00 and
/// above, outside General Punctuation (quotes, dashes, which are never terms).
pub(super) fn is_spaced(sentence: &str) -> bool {
    // Characters below U+0800 have lead bytes below 0xE0: only the others are decoded.
    let bytes = sentence.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xE0))
    {
        let i = from + at;
        let Some(c) = sentence.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if !(c < FIRST_UNSPACED || ('\u{2000}'..='\u{206F}').contains(&c)) {
            return false;
        }
        from = i + c.len_utf8();
    }
    true
}
