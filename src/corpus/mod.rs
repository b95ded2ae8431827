//! Corpora: many documents from JSON Lines files, text files and stdin, summarized in
//! bounded chunks on the summarizer's threads and written in input order, with one
//! result or one error per record (built with the `corpus` feature).
//!
//! A **record** is a non-blank line of a JSON Lines input (an object whose text is in
//! [`Options::field`]) or the whole of a text input. A record that cannot be read, is
//! not UTF-8, not JSON, not an object, lacks the field or holds a non-string there
//! fails on its own, as an [`Outcome`] with an error `PATH:LINE: reason`; every other
//! record is summarized. With [`Options::json`], a failed record is written as
//! `{"file", "line", "id", "error"}`, so output lines match input records one to one.
//!
//! Memory is bounded by the chunk size, whatever the size of the corpus: the
//! [`Corpus`] reads one chunk, parses and summarizes its records in parallel, and hands
//! back their outputs before it reads the next.
//!
//! ```
//! use salience::corpus::{self, Input, Options};
//! use salience::Summarizer;
//!
//! let dir = std::env::temp_dir().join(format!("salience-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("news.jsonl");
//! std::fs::write(&path, "{\"id\": 1, \"text\": \"Cats purr. Dogs bark.\"}\nnot json\n")?;
//!
//! let options = Options { json: true, ..Options::default() };
//! let mut out = Vec::new();
//! let mut errors = Vec::new();
//! let counts = corpus::run(
//!     &Summarizer::default(),
//!     vec![Input::jsonl(&path)],
//!     &options,
//!     &mut out,
//!     |e| errors.push(e.to_owned()),
//! )?;
//! assert_eq!((counts.summarized, counts.failed), (1, 1));
//! let out = String::from_utf8(out)?;
//! assert_eq!(out.lines().count(), 2); // one line per record, the failed one included
//! assert!(out.lines().nth(1).unwrap().contains("\"error\":\"not JSON"));
//! assert!(errors[0].ends_with("news.jsonl:2: not JSON (expected ident at line 1 column 2)"));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod read;
mod record;

pub use read::Record;
pub use record::Outcome;

use crate::util::pool::{map_items_largest_first, run_in, ChunkSize};
use crate::{Length, Summarizer};
use read::Reader;
use std::io::{self, Write};
use std::path::PathBuf;

/// A record longer than this many bytes (64 MiB) fails instead of being read whole.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;

/// At most this many records per thread in a chunk of [`run`].
pub const CHUNK_DOCS_PER_THREAD: usize = ChunkSize::CORPUS.docs_per_thread;

/// At most this many bytes per thread in a chunk of [`run`] (a longer record is a
/// chunk of its own).
pub const CHUNK_BYTES_PER_THREAD: usize = ChunkSize::CORPUS.bytes_per_thread;

/// Where an input is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    Path(PathBuf),
}

/// One input: a source, read as JSON Lines or as one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where to read.
    pub source: Source,
    /// Whether each line is a record (JSON Lines), rather than the whole input one text.
    pub jsonl: bool,
}

impl Input {
    /// A JSON Lines file.
    pub fn jsonl(path: impl Into<PathBuf>) -> Self {
        Input {
            source: Source::Path(path.into()),
            jsonl: true,
        }
    }

    /// A text file: one document.
    pub fn text(path: impl Into<PathBuf>) -> Self {
        Input {
            source: Source::Path(path.into()),
            jsonl: false,
        }
    }

    /// The name records of this input are reported under: the path, or `-` for stdin.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Stdin => "-".to_owned(),
            Source::Path(path) => path.display().to_string(),
        }
    }
}

/// What to do with bytes that are not UTF-8 (Python's names for the same policies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingErrors {
    /// The record fails.
    #[default]
    Strict,
    /// Each invalid sequence reads as U+FFFD, and the record is summarized.
    Replace,
}

/// How records are read, summarized and written.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The field of a JSON Lines object that holds the text (`"text"` by default).
    pub field: String,
    /// The length of each summary.
    pub length: Length,
    /// Write one JSON object per record (else the summary's sentences, one per line).
    pub json: bool,
    /// With `json`: also every sentence's offsets, score, rank and features.
    pub sentences: bool,
    /// Text output: start each record with `==> PATH:LINE <==`, blank lines between.
    pub headers: bool,
    /// What to do with bytes that are not UTF-8.
    pub encoding_errors: EncodingErrors,
    /// A record longer than this fails (and is read past without being kept).
    pub max_record_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            field: "text".to_owned(),
            length: Length::sentences(3),
            json: false,
            sentences: false,
            headers: false,
            encoding_errors: EncodingErrors::Strict,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// How many records were summarized and how many failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Records summarized.
    pub summarized: u64,
    /// Records that failed.
    pub failed: u64,
}

/// A corpus being summarized, one chunk at a time (see the [module docs](self)).
pub struct Corpus {
    reader: Reader,
    options: Options,
    /// Whether some output has been written (text output separates records by a
    /// blank line).
    written: bool,
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corpus")
            .field("options", &self.options)
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl Corpus {
    /// A corpus of `inputs`, read in order.
    pub fn new(inputs: Vec<Input>, options: Options) -> Self {
        Corpus {
            reader: Reader::new(inputs, options.max_record_bytes),
            options,
            written: false,
        }
    }

    /// Reads past the next `records` records without summarizing them (to resume a
    /// run that wrote their outputs already); returns how many there were.
    pub fn skip(&mut self, records: u64) -> u64 {
        let mut skipped = 0;
        while skipped < records && self.reader.next_record(false).is_some() {
            skipped += 1;
        }
        skipped
    }

    /// The bytes of input read so far (line breaks and blank lines included).
    pub fn bytes_read(&self) -> u64 {
        self.reader.bytes_read
    }

    /// Tells the corpus that output was written before (by a run being resumed), so
    /// that text output goes on with a blank line between records.
    pub fn continue_after_output(&mut self) {
        self.written = true;
    }

    /// Reads the next chunk (at most `max_docs` records and about `max_bytes` bytes,
    /// at least one record), summarizes it on `summarizer`'s threads and returns one
    /// [`Outcome`] per record, in input order; `None` when no record is left.
    pub fn next_chunk(
        &mut self,
        summarizer: &Summarizer,
        max_docs: usize,
        max_bytes: usize,
    ) -> Option<Vec<Outcome>> {
        let records = self.read_chunk(max_docs, max_bytes);
        if records.is_empty() {
            return None;
        }
        let options = &self.options;
        let mut outcomes = run_in(summarizer.pool(), || {
            map_items_largest_first(&records, Record::len, |r| {
                record::summarize_record(summarizer, options, r)
            })
        });
        if !options.json && options.headers {
            for outcome in outcomes.iter_mut().filter(|o| o.is_ok()) {
                if self.written {
                    outcome.output.insert(0, '\n');
                }
                self.written = true;
            }
        }
        Some(outcomes)
    }

    fn read_chunk(&mut self, max_docs: usize, max_bytes: usize) -> Vec<Record> {
        let mut records = Vec::new();
        let mut bytes = 0usize;
        while records.len() < max_docs.max(1) && (records.is_empty() || bytes < max_bytes) {
            let Some(record) = self.reader.next_record(true) else {
                break;
            };
            bytes = bytes.saturating_add(record.len());
            records.push(record);
        }
        records
    }
}

/// Summarizes every record of `inputs` and writes the outputs to `out` in input order,
/// chunk by chunk (each chunk written whole, then flushed); `error` is called with
/// each failed record's `PATH:LINE: reason`, in order.
///
/// # Errors
/// An error writing to `out`; an invalid length, as [`io::ErrorKind::InvalidInput`].
pub fn run(
    summarizer: &Summarizer,
    inputs: Vec<Input>,
    options: &Options,
    out: &mut impl Write,
    mut error: impl FnMut(&str),
) -> io::Result<Counts> {
    let mut corpus = Corpus::new(inputs, options.clone());
    let (max_docs, max_bytes) = ChunkSize::CORPUS.limits(summarizer.threads());
    let mut counts = Counts::default();
    let mut buffer = Vec::new();
    while let Some(outcomes) = corpus.next_chunk(summarizer, max_docs, max_bytes) {
        buffer.clear();
        for outcome in &outcomes {
            buffer.extend_from_slice(outcome.output.as_bytes());
            match &outcome.error {
                Some(e) => {
                    counts.failed += 1;
                    error(e);
                }
                None => counts.summarized += 1,
            }
        }
        out.write_all(&buffer)?;
        out.flush()?;
    }
    Ok(counts)
}
