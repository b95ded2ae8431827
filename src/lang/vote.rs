//! The stopword vote that tells apart the languages of one script, and the index of
//! every language's stopwords it looks words up in.
//!
//! Term building segments the opening words of a document anyway, so it may hand
//! them to the vote ([`Feed`]) instead of the vote reading them again: one narrow
//! interface ([`Vote::feed`], [`Feed::enter`], [`Feed::word`], [`Vote::read_opening`],
//! [`Vote::result`]) is all term building knows of it.

use super::letters;
use super::{Language, SPECS};
use crate::normalize::key_into;
use crate::script::Script;
use crate::util::keytable::{self, KeyTable};
use crate::words::word_iter;
use std::ops::Range;
use std::sync::OnceLock;

/// How much of a text detection counts the letters of, in bytes.
const DETECT_BYTES: usize = 8192;

/// How much of a text detection looks up the words of, in bytes.
const DETECT_WORD_BYTES: usize = 3072;

/// The longest prefix of `text` of at most `max` bytes that ends on a character
/// boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// How many more stopword hits than the runner-up make the leader certain.
const CLEAR_LEAD: usize = 16;

/// Whether one language has [`CLEAR_LEAD`] more hits than every other.
fn clear_lead(hits: &[usize; 64]) -> bool {
    let (mut first, mut second) = (0, 0);
    for &h in hits {
        if h > first {
            (first, second) = (h, first);
        } else if h > second {
            second = h;
        }
    }
    first >= second + CLEAR_LEAD
}

/// Every stopword of every language, with the set of languages that list it (bit
/// `i` for `SPECS[i]`), so that detection needs one look-up per word; looked up by
/// the hash term building computes for its own vocabulary anyway.
pub(crate) struct StopwordIndex {
    table: KeyTable,
    /// The words, one after the other.
    letters: String,
    /// Where each id's word ends in `letters`.
    ends: Vec<usize>,
    /// The languages that list each id's word.
    listed: Vec<u64>,
}

impl StopwordIndex {
    /// The languages that list `key` (hashed `hash` by [`keytable::hash`]), as bits;
    /// 0 when none does.
    #[inline]
    pub(crate) fn get(&self, hash: u64, key: &str) -> u64 {
        match self
            .table
            .find(hash, |id| keytable::same(self.word(id), key))
        {
            Ok(id) => self.listed.get(id as usize).copied().unwrap_or(0),
            Err(_) => 0,
        }
    }

    /// The word of `id`.
    fn word(&self, id: usize) -> &str {
        let start = match id.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(0);
        self.letters.get(start..end).unwrap_or_default()
    }

    /// Adds `language` (bit `bit`) to those that list `word`.
    fn add(&mut self, word: &str, bit: u64) {
        let hash = keytable::hash(word);
        match self.table.find(hash, |id| self.word(id) == word) {
            Ok(id) => {
                if let Some(listed) = self.listed.get_mut(id as usize) {
                    *listed |= bit;
                }
            }
            Err(slot) => {
                self.table.insert(slot, hash);
                self.letters.push_str(word);
                self.ends.push(self.letters.len());
                self.listed.push(bit);
            }
        }
    }
}

/// The [`StopwordIndex`] of every language, built on first use.
pub(crate) fn stopword_index() -> &'static StopwordIndex {
    static INDEX: OnceLock<StopwordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = StopwordIndex {
            table: KeyTable::with_capacity(1 << 14),
            letters: String::new(),
            ends: Vec::new(),
            listed: Vec::new(),
        };
        for (i, spec) in SPECS.iter().enumerate() {
            for word in spec.language.stopwords() {
                index.add(word, 1 << i);
            }
        }
        index
    })
}

/// Where [`Language::detect`] stands once it has counted the letters.
pub(crate) enum Detection {
    /// The letters settle it (or the text has none).
    Decided(Option<Language>),
    /// Several languages share the script: their stopwords among the first words
    /// of the text decide (see [`Vote`]).
    Vote(Box<Vote>),
}

impl Detection {
    /// Counts the letters of the first [`DETECT_BYTES`] of `text`: the dominant
    /// script, Japanese kana and the letters only one language uses may settle the
    /// language; otherwise the candidates are the languages of the script.
    pub(crate) fn start(text: &str) -> Detection {
        let counts = letters::count(prefix(text, DETECT_BYTES));
        let Some(dominant) = counts.dominant() else {
            return Detection::Decided(None);
        };
        if dominant == Script::Han || dominant == Script::Kana {
            // Japanese writes kana between its kanji; Chinese never does.
            let kana_share = counts.get(Script::Kana) * 20;
            return Detection::Decided(Some(if kana_share >= counts.get(Script::Han) {
                Language::Japanese
            } else {
                Language::Chinese
            }));
        }
        if dominant == Script::Arabic {
            if let Some(language) = letters::decisive(&counts) {
                return Detection::Decided(Some(language));
            }
        }
        let mut candidates: u64 = 0;
        for (i, spec) in SPECS.iter().enumerate() {
            if spec.script == dominant {
                candidates |= 1 << i;
            }
        }
        if candidates.count_ones() <= 1 {
            let only = SPECS.get(candidates.trailing_zeros() as usize);
            return Detection::Decided(only.map(|s| s.language));
        }
        Detection::Vote(Box::new(Vote {
            counts,
            candidates,
            hits: [0; 64],
            words: 0,
            over: false,
        }))
    }
}

/// The number of bytes at the start of `text` whose words [`Vote`] reads: at most
/// [`DETECT_WORD_BYTES`], ending on a character boundary.
pub(crate) fn vote_bytes(text: &str) -> usize {
    prefix(text, DETECT_WORD_BYTES).len()
}

/// A vote among the candidate languages of a script: each word of the first
/// [`DETECT_WORD_BYTES`] of the text is a hit for every candidate that lists it as a
/// stopword, and the vote ends early once one candidate leads clearly. The words
/// may come from [`Vote::read`] or from a caller that segments the same words anyway
/// (term building), in the same order.
pub(crate) struct Vote {
    counts: letters::Counts,
    candidates: u64,
    hits: [usize; 64],
    /// The words counted.
    words: usize,
    /// Whether the vote ended early.
    over: bool,
}

impl Vote {
    /// Counts the next word, given the languages that list it (its value in
    /// [`stopword_index`], 0 when it has none). Returns `false`, without counting
    /// the word, once the vote is over: then no later word counts either.
    #[inline]
    pub(crate) fn word(&mut self, listed: u64) -> bool {
        // Checked before every 32nd word, as long as there is one.
        if self.over || (self.words % 32 == 31 && clear_lead(&self.hits)) {
            self.over = true;
            return false;
        }
        self.words += 1;
        let mut bits = listed & self.candidates;
        while bits != 0 {
            if let Some(h) = self.hits.get_mut(bits.trailing_zeros() as usize) {
                *h += 1;
            }
            bits &= bits - 1;
        }
        true
    }

    /// Counts the words of the opening [`DETECT_WORD_BYTES`] of `text`, as far as
    /// the vote needs them.
    pub(crate) fn read_opening(&mut self, text: &str) {
        self.read(prefix(text, DETECT_WORD_BYTES));
    }

    /// Hands the vote the words of `text` as term building segments them (see
    /// [`Feed`]).
    pub(crate) fn feed(&mut self, text: &str) -> Feed<'_> {
        Feed::new(self, text)
    }

    /// Counts the words of `text` (which continues the words counted so far).
    fn read(&mut self, text: &str) {
        let index = stopword_index();
        // Keys built in one reused buffer, and none for a plain lowercase word.
        let mut lower = String::new();
        let mut found = word_iter(text);
        while let Some((_, word)) = found.next() {
            let key = if found.plain() || key_into(word, &mut lower) {
                word
            } else {
                lower.as_str()
            };
            if !self.word(index.get(keytable::hash(key), key)) {
                break;
            }
        }
    }

    /// Forgets every word counted, to count again from the start of the text.
    pub(crate) fn restart(&mut self) {
        self.hits = [0; 64];
        self.words = 0;
        self.over = false;
    }

    /// The candidates with at least half the best score (hits plus letter bonus);
    /// the winner alone when no candidate scores.
    pub(crate) fn likely(&self) -> u64 {
        let scores: Vec<(usize, u64)> = SPECS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.candidates & (1 << i) != 0)
            .map(|(i, spec)| {
                let hits = self.hits.get(i).copied().unwrap_or(0);
                (
                    hits + letters::letter_bonus(spec.language, &self.counts),
                    1 << i,
                )
            })
            .collect();
        let best = scores.iter().map(|(score, _)| *score).max().unwrap_or(0);
        if best == 0 {
            return self.result().map_or(0, Language::bit);
        }
        scores
            .iter()
            .filter(|(score, _)| score * 2 >= best)
            .fold(0, |set, (_, bit)| set | bit)
    }

    /// The candidate with the most hits plus its letter bonus (the first listed on
    /// a tie).
    pub(crate) fn result(&self) -> Option<Language> {
        let mut best: Option<(usize, Language)> = None;
        for (i, spec) in SPECS.iter().enumerate() {
            if self.candidates & (1 << i) == 0 {
                continue;
            }
            let score = self.hits.get(i).copied().unwrap_or(0)
                + letters::letter_bonus(spec.language, &self.counts);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, spec.language));
            }
        }
        best.map(|(_, language)| language)
    }
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
pub(crate) struct Feed<'v> {
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
    pub(crate) fn enter(
        &mut self,
        text: &str,
        span: &Range<usize>,
        prev_end: usize,
        spaced: bool,
    ) -> bool {
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
    pub(crate) fn word(&mut self, listed: u64) -> bool {
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
