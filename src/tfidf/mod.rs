//! Term statistics: a vocabulary, sparse per-sentence term counts and IDF.
//!
//! Memory is linear in the input: each sentence keeps only the terms it contains.

use crate::idf::IdfModel;
use crate::util::keytable::{self, KeyTable};
use crate::lang::{stopword_index, vote_bytes, Language, StopwordIndex, Vote};
use crate::normalize::key_into;
use crate::util::pool::{map_items, INLINE_BYTES};
use crate::segment::word_iter;
use crate::tokens::for_each_term;
use rustc_hash::{FxHashMap, FxHashSet};
#[cfg(test)]
use std::borrow::Cow;
use std::ops::Range;

/// One sentence's terms, as the tests build them.
#[cfg(test)]
pub(crate) type SparseCounts = Vec<(u32, f32)>;

/// Every sentence's terms, `(term id, count)` sorted by id with ids unique, in one
/// array cut by sentence: one allocation for the document, not one per sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SentenceTerms {
    pairs: Vec<(u32, f32)>,
    /// Where each sentence's pairs end in `pairs`.
    ends: Vec<usize>,
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
    let keys = vocab.keys.capacity();
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
/// far as they are the words [`Vote::read`] would see), and each distinct key's
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
        vote.read(text.get(..vote_bytes(text)).unwrap_or_default());
        let language = vote.result();
        let sets = choice.sets(language);
        return (language, term_stats(text, spans, &sets, corpus, parallel));
    }
    let mut feed = Feed::new(&mut vote, text);
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

/// Hands a [`Vote`] the words of the sentences, in order, while they are exactly
/// the words it would read itself in the first [`vote_bytes`] of the text.
///
/// A sentence's words are those of the whole text there when white space
/// separates it from the previous sentence and it does not start with a character
/// that UAX #29 joins to the white space before it (a combining mark or a format
/// character): no word boundary rule looks across white space. Once that fails, the
/// vote reads for itself: from the sentence on when its start is clean but its words
/// are not ours (bigram scripts) or the limit cuts it, from the start of the text
/// otherwise.
struct Feed<'v> {
    vote: &'v mut Vote,
    /// Where the words the vote reads end.
    limit: usize,
    /// Whether the sentences' words still go to the vote.
    open: bool,
}

impl<'v> Feed<'v> {
    fn new(vote: &'v mut Vote, text: &str) -> Self {
        Feed {
            vote,
            limit: vote_bytes(text),
            open: true,
        }
    }

    /// Starts the sentence at `span` (the previous one ended at `prev_end`; its
    /// words are spaced or not): whether its words are to be fed.
    fn enter(&mut self, text: &str, span: &Range<usize>, prev_end: usize, spaced: bool) -> bool {
        if !self.open {
            return false;
        }
        if span.start >= self.limit {
            self.open = false;
            return false;
        }
        let rest = text.get(span.start..).unwrap_or_default();
        let clean = span.start == 0 || (span.start > prev_end && starts_cleanly(rest));
        if !clean {
            self.vote.restart();
            self.read_from(text, 0);
        } else if !spaced || span.end > self.limit {
            self.read_from(text, span.start);
        } else {
            return true;
        }
        false
    }

    /// Feeds one word; `false` once the vote needs no more.
    #[inline(always)]
    fn word(&mut self, listed: u64) -> bool {
        self.open = self.open && self.vote.word(listed);
        self.open
    }

    /// Lets the vote read the words from `start` to the limit, and closes.
    fn read_from(&mut self, text: &str, start: usize) {
        self.vote
            .read(text.get(start..self.limit).unwrap_or_default());
        self.open = false;
    }
}

/// Whether a sentence starting `rest` starts with a character that no word
/// boundary rule joins to white space before it: one below U+0300 other than the
/// soft hyphen, or a letter of the common scripts, or general punctuation.
fn starts_cleanly(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        matches!(c, '\0'..='\u{2FF}' | '\u{400}'..='\u{482}' | '\u{621}'..='\u{64A}'
            | '\u{660}'..='\u{669}' | '\u{671}'..='\u{6D3}' | '\u{904}'..='\u{939}'
            | '\u{2010}'..='\u{2027}')
            && c != '\u{AD}'
    })
}

/// Where `key` lies in `text`, when it is a slice of it.
fn offset_in(text: &str, key: &str) -> Option<usize> {
    let offset = (key.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let slice = text.get(offset..offset.checked_add(key.len())?)?;
    std::ptr::eq(slice.as_ptr(), key.as_ptr()).then_some(offset)
}

/// Where a key's letters are: a range of the text, or of the vocabulary's own buffer.
#[derive(Debug, Clone, Copy)]
struct KeyAt {
    start: usize,
    end: usize,
    owned: bool,
}

/// Local ids by match key, whose keys are ranges of the text or of one buffer, so
/// that no key allocates and each token is hashed once (see [`KeyTable`]).
struct Vocabulary<'t> {
    text: &'t str,
    /// The keys that are not slices of the text, one after the other.
    owned: String,
    /// Each id's key.
    keys: Vec<KeyAt>,
    table: KeyTable,
}

impl<'t> Vocabulary<'t> {
    /// An empty vocabulary for `bytes` of text: room for the distinct words of a
    /// short document (a word takes 8 bytes or more with its space) from the start.
    fn new(text: &'t str, bytes: usize) -> Self {
        let words = (bytes / 8).clamp(8, 1 << 12);
        Vocabulary {
            text,
            owned: String::new(),
            keys: Vec::with_capacity(words),
            table: KeyTable::with_capacity(words),
        }
    }

    /// The key of `id`.
    #[inline(always)]
    fn key(&self, id: usize) -> &str {
        let Some(at) = self.keys.get(id) else {
            return "";
        };
        let letters = if at.owned { &self.owned } else { self.text };
        letters.get(at.start..at.end).unwrap_or_default()
    }

    /// The id of `key` (hashed `hash`) and whether it is new. A new key is kept as
    /// the range of the text at `at` (where `key` must lie), or copied when `at` is
    /// `None`.
    #[inline(always)]
    fn id(&mut self, key: &str, hash: u64, at: Option<usize>) -> (u32, bool) {
        let slot = match self
            .table
            .find(hash, |id| keytable::same(self.key(id), key))
        {
            Ok(id) => return (id, false),
            Err(slot) => slot,
        };
        self.keys.push(match at {
            Some(start) => KeyAt {
                start,
                end: start + key.len(),
                owned: false,
            },
            None => {
                let start = self.owned.len();
                self.owned.push_str(key);
                KeyAt {
                    start,
                    end: self.owned.len(),
                    owned: true,
                }
            }
        });
        (self.table.insert(slot, hash), true)
    }
}

/// Whether every term of `sentence` is a word keyed on its own ([`crate::segment::words`] and
/// [`crate::normalize::key`]), which holds when no character belongs to a script that
/// [`for_each_term`] splits into bigrams or segments: those all lie at U+0E00 and
/// above, outside General Punctuation (quotes, dashes, which are never terms).
fn is_spaced(sentence: &str) -> bool {
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
        if !(c < '\u{E00}' || ('\u{2000}'..='\u{206F}').contains(&c)) {
            return false;
        }
        from = i + c.len_utf8();
    }
    true
}

/// Match keys of the terms of `sentence` that are not stopwords: words, and
/// character bigrams for scripts written without spaces (see [`crate::tokens`]).
#[cfg(test)]
fn content_keys<'t>(sentence: &'t str, stopwords: &[&FxHashSet<String>]) -> Vec<Cow<'t, str>> {
    let mut out = Vec::new();
    for_each_term(sentence, |k| {
        if !stopwords.iter().any(|s| s.contains(k.as_ref())) {
            out.push(k);
        }
    });
    out
}

/// Adds one sentence's distinct terms to the document frequencies.
#[cfg(test)]
fn count_sentence_in_df(df: &mut Vec<u32>, counts: &[(u32, f32)]) {
    for &(id, _) in counts {
        let slot = id as usize;
        if slot >= df.len() {
            df.resize(slot + 1, 0);
        }
        if let Some(d) = df.get_mut(slot) {
            *d += 1;
        }
    }
}

/// Collapses sorted ids into `(id, count)` pairs, appended to `out`.
#[cfg(test)]
fn run_lengths_into(sorted: &[u32], out: &mut Vec<(u32, f32)>) {
    let mut last = None;
    for &id in sorted {
        match out.last_mut() {
            Some((_, count)) if last == Some(id) => *count += 1.0,
            _ => out.push((id, 1.0)),
        }
        last = Some(id);
    }
}

/// Collapses sorted ids into `(id, count)` pairs.
#[cfg(test)]
fn run_lengths(sorted: &[u32]) -> SparseCounts {
    let mut out = Vec::new();
    run_lengths_into(sorted, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentence_spans;

    /// The term statistics as first written: keys per sentence, then ids.
    fn reference(
        text: &str,
        spans: &[Range<usize>],
        stopwords: &[&FxHashSet<String>],
    ) -> TermStats {
        let keyed: Vec<Vec<Cow<'_, str>>> = spans
            .iter()
            .map(|s| content_keys(text.get(s.clone()).unwrap_or_default(), stopwords))
            .collect();
        let lengths = keyed.iter().map(Vec::len).collect();
        let mut vocab: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut sentences = Vec::new();
        for keys in keyed {
            let mut ids: Vec<u32> = keys
                .into_iter()
                .map(|k| {
                    let next = u32::try_from(vocab.len()).unwrap_or(u32::MAX);
                    *vocab.entry(k).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            let counts = run_lengths(&ids);
            count_sentence_in_df(&mut df, &counts);
            sentences.push(counts);
        }
        let sentences: SentenceTerms = sentences.iter().map(Vec::as_slice).collect();
        let n = sentences.len() as f32;
        let idf = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        TermStats {
            sentences,
            lengths,
            idf,
        }
    }

    pub(crate) fn assert_same(text: &str, stopwords: &[&FxHashSet<String>]) {
        let spans = sentence_spans(text);
        let want = reference(text, &spans, stopwords);
        let got = term_stats(text, &spans, stopwords, None, false);
        assert_eq!(got.lengths, want.lengths);
        assert_eq!(got.sentences, want.sentences);
        assert_eq!(got.idf, want.idf);
        // Cut into chunks on a pool of 3 threads: the same.
        if let Some(pool) = crate::util::pool::Pool::new(3) {
            let got = crate::util::pool::run_in(pool.get(), || {
                term_stats(text, &spans, stopwords, None, true)
            });
            assert_eq!(got.lengths, want.lengths);
            assert_eq!(got.sentences, want.sentences);
            assert_eq!(got.idf, want.idf);
        }
    }

    /// Every text of the evaluation sets, when they are there, with the stopwords of
    /// its language.
    #[test]
    fn same_as_the_reference_on_the_evaluation_texts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        for (file, lang) in [
            (
                "corpora/gutenberg/alice_in_wonderland.txt",
                crate::Language::English,
            ),
            ("summarization/cnndm_250.jsonl", crate::Language::English),
            ("samples/urdu_news_sco_summit.txt", crate::Language::Urdu),
            ("summarization/xlsum_urdu_244.jsonl", crate::Language::Urdu),
        ] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
                assert_same(&text, &[lang.stopwords()]);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn same_as_the_reference_on_mixed_text(
            text in "[ .!?a-zA-Z0-9ÉéßİıΣσ’“”—\\n\\u{301}\\u{600}-\\u{6ff}\\u{e00}-\\u{e10}\\u{3040}-\\u{3050}\\u{4e00}-\\u{4e10}\\u{ff21}-\\u{ff30}\\u{fb01}]{0,60}"
        ) {
            let stop: FxHashSet<String> =
                ["the", "a", "is", "و", "کا"].iter().map(|s| s.to_string()).collect();
            assert_same(&text, &[&stop]);
            assert_same(&text, &[]);
        }
    }

    proptest::proptest! {
        #[test]
        fn spaced_by_bytes_as_by_chars(text in "[a .é\u{7ff}\u{800}\u{dff}\u{e00}\u{1fff}\u{2000}\u{206f}\u{2070}\u{4e00}\u{10000}]{0,12}") {
            let by_chars = text.chars().all(|c| c < '\u{E00}' || ('\u{2000}'..='\u{206F}').contains(&c));
            proptest::prop_assert_eq!(is_spaced(&text), by_chars);
        }
    }

    /// With a corpus model, term `id` gets the corpus IDF of its key, on one chunk and
    /// on several.
    #[test]
    fn corpus_idf_follows_the_ids() {
        let text = "Alpha beta gamma. Beta delta alpha epsilon. Zeta eta theta iota. ".repeat(300);
        let spans = sentence_spans(&text);
        let model = IdfModel::from_counts(
            10,
            [
                ("alpha", 1u64),
                ("beta", 2),
                ("gamma", 3),
                ("delta", 4),
                ("zeta", 5),
            ],
        );
        let want = term_stats(&text, &spans, &[], None, false);
        // Ids in order of first occurrence: alpha, beta, gamma, delta, epsilon, zeta, ...
        let keys = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
        ];
        assert_eq!(want.idf.len(), keys.len());
        let expected: Vec<f32> = keys.iter().map(|k| model.idf(k)).collect();
        let one = term_stats(&text, &spans, &[], Some(&model), false);
        assert_eq!(one.idf, expected);
        if let Some(pool) = crate::util::pool::Pool::new(3) {
            let three = crate::util::pool::run_in(pool.get(), || {
                term_stats(&text, &spans, &[], Some(&model), true)
            });
            assert_eq!(three.idf, expected);
            assert_eq!(three.sentences, one.sentences);
        }
    }

    /// Detects the language the old way (every word of the text read by the vote
    /// itself), then builds the terms with its lists.
    fn detect_then_count(
        text: &str,
        choice: StopwordChoice<'_>,
        parallel: bool,
    ) -> (Option<crate::Language>, TermStats) {
        let spans = sentence_spans(text);
        let language = crate::Language::detect(text);
        let sets = choice.sets(language);
        (language, term_stats(text, &spans, &sets, None, parallel))
    }

    /// The vote counted during term building: the same language and statistics as
    /// detection first, for stopwords on, off and with extra words, on 1 and 3 threads.
    fn assert_vote_same(text: &str) {
        let extra: FxHashSet<String> = ["the", "news", "یہ"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let spans = sentence_spans(text);
        for choice in [
            StopwordChoice {
                on: true,
                extra: None,
            },
            StopwordChoice {
                on: false,
                extra: None,
            },
            StopwordChoice {
                on: true,
                extra: Some(&extra),
            },
        ] {
            let (want_language, want) = detect_then_count(text, choice, false);
            let run = |parallel: bool| match crate::lang::Detection::start(text) {
                crate::lang::Detection::Decided(language) => (
                    language,
                    term_stats(text, &spans, &choice.sets(language), None, parallel),
                ),
                crate::lang::Detection::Vote(vote) => {
                    term_stats_voting(text, &spans, vote, choice, None, parallel)
                }
            };
            let (language, got) = run(false);
            assert_eq!(language, want_language, "{text:?}");
            assert_eq!(got.lengths, want.lengths);
            assert_eq!(got.sentences, want.sentences);
            assert_eq!(got.idf, want.idf);
            if let Some(pool) = crate::util::pool::Pool::new(3) {
                let (language, got) = crate::util::pool::run_in(pool.get(), || run(true));
                assert_eq!(language, want_language);
                assert_eq!(got.sentences, want.sentences);
                assert_eq!(got.idf, want.idf);
            }
        }
    }

    /// Words that several languages list as stopwords, and some that none does, with
    /// the characters that decide whether the vote may take term building's words:
    /// combining marks and format characters at a sentence start, sentences glued
    /// together, unspaced scripts.
    const PIECES: &[&str] = &[
        "the",
        "The",
        "and",
        "of",
        "de",
        "la",
        "le",
        "die",
        "der",
        "und",
        "el",
        "en",
        "y",
        "que",
        "et",
        "les",
        "het",
        "een",
        "van",
        "il",
        "di",
        "che",
        "não",
        "em",
        "é",
        "ist",
        "nicht",
        "est",
        "pas",
        "in",
        "on",
        "a",
        "A",
        "to",
        "is",
        "و",
        "کا",
        "کی",
        "ہے",
        "است",
        "این",
        "من",
        "في",
        "cat",
        "Haus",
        "maison",
        "casa",
        "Tokyo",
        "x.com/A.B",
        "U.S.",
        "Mr.",
        "3.5",
        "can't",
        "l'homme",
        "e\u{301}te\u{301}",
        "\u{301}",
        "\u{AD}",
        "\u{200D}",
        "\u{93E}",
        "東京都",
        "สวัสดี",
        "“",
        "”",
        "‘",
        "—",
        "(",
        ")",
        "•",
        "1.",
    ];
    const GLUE: &[&str] = &[
        "", " ", " ", " ", ", ", ". ", "! ", "? ", ".", "!", "\n", "\n\n", "。", " \u{301}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        #[test]
        fn vote_during_term_building_same_as_detection_first(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(GLUE)),
                0..900,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
            assert_vote_same(&text);
        }
    }

    /// The vote on the evaluation texts, and on each news article alone.
    #[test]
    fn vote_same_on_the_evaluation_texts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        for file in [
            "summarization/cnndm_250.jsonl",
            "summarization/bbc_news_2225.jsonl",
            "summarization/xlsum_urdu_244.jsonl",
            "samples/urdu_news_sco_summit.txt",
        ] {
            let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
                continue;
            };
            // The whole file as one document too: cut into chunks on 3 threads, where
            // the vote reads for itself.
            assert_vote_same(&text);
            if !file.ends_with(".jsonl") {
                continue;
            }
            for line in text.lines().take(300) {
                let doc = serde_json::from_str::<serde_json::Value>(line).ok();
                let text = doc.as_ref().and_then(|d| d.get("text")?.as_str());
                assert_vote_same(text.unwrap_or_default());
            }
        }
    }

    /// Ids in order of first occurrence, kept as the table grows, for keys in the
    /// text and copied ones alike.
    #[test]
    fn vocabulary_keeps_ids_as_it_grows() {
        let text = (0..3000).map(|i| format!("w{i} ")).collect::<String>();
        let mut vocab = Vocabulary::new(&text, 8);
        let mut at = 0;
        for (i, word) in text.split_whitespace().enumerate() {
            let copied = i % 3 == 0;
            let (id, new) = vocab.id(word, keytable::hash(word), (!copied).then_some(at));
            assert_eq!((id as usize, new), (i, true));
            at += word.len() + 1;
        }
        for (i, word) in text.split_whitespace().enumerate() {
            assert_eq!(
                vocab.id(word, keytable::hash(word), None),
                (i as u32, false)
            );
            assert_eq!(vocab.key(i), word);
        }
        assert_eq!(vocab.key(3000), "");
    }

    #[test]
    fn same_as_the_reference() {
        let stop: FxHashSet<String> = ["the", "a", "is", "و", "کا"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for text in [
            "The Cat sat. THE cat sat on the Mat! Der Hund, ß and É. “Quoted” words’ end.",
            "یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟ کا کا",
            "東京都にサミット。上海合作组织峰会。 Mixed Tokyo 東京 text.",
            "สวัสดีครับ ภาษาไทย. Ｆｕｌｌ width ＡＢＣ and ﬁle.",
            "",
        ] {
            assert_same(text, &[&stop]);
            assert_same(text, &[]);
        }
    }
}
