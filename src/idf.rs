//! Corpus IDF: document frequencies learnt once from a collection of documents.
//!
//! By default a summarizer weighs terms with an IDF taken from the document's own
//! sentences. A model fitted on a corpus of similar documents (see
//! [`crate::Summarizer::fit`]) knows which words are common in that kind of text, so
//! they count for less when sentences are compared, however often one document repeats
//! them.

use crate::error::{Error, ErrorKind};
use rustc_hash::FxHashMap;
use std::io::{self, BufRead, Write};
use std::path::Path;

/// The first line of a saved model.
const MAGIC: &str = "salience-idf 1";

/// Document frequencies of terms (match keys, as the summarizer counts them) over a
/// corpus.
///
/// ```
/// let model = salience::Summarizer::default().fit(&[
///     "Tidal power is growing. Tidal plants are costly.",
///     "Solar power is cheap.",
/// ]);
/// assert_eq!(model.idf().map(|m| m.documents()), Some(2));
/// let idf = model.idf().unwrap();
/// assert!(idf.idf("tidal") > idf.idf("power"));
/// assert_eq!(idf.idf("unseen"), idf.idf("never-seen"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdfModel {
    documents: u64,
    df: FxHashMap<String, u64>,
}

impl IdfModel {
    /// A model from document frequencies and the number of documents (each frequency
    /// is capped at that number).
    ///
    /// ```
    /// let m = salience::IdfModel::from_counts(10, [("rare", 1), ("common", 9)]);
    /// assert!(m.idf("rare") > m.idf("common"));
    /// ```
    pub fn from_counts<I, S>(documents: u64, df: I) -> Self
    where
        I: IntoIterator<Item = (S, u64)>,
        S: Into<String>,
    {
        let df = df
            .into_iter()
            .map(|(t, d)| (t.into(), d.min(documents)))
            .collect();
        IdfModel { documents, df }
    }

    /// How many documents the model was fitted on.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// How many distinct terms it knows.
    pub fn terms(&self) -> usize {
        self.df.len()
    }

    /// In how many documents `key` (a match key: see [`crate::normalize::key`]) occurs.
    pub fn document_frequency(&self, key: &str) -> u64 {
        self.df.get(key).copied().unwrap_or(0)
    }

    /// The smoothed IDF of a match key: `ln((1 + N) / (1 + df)) + 1`, the same formula
    /// as the per-document IDF; a term the corpus never saw gets the highest value.
    pub fn idf(&self, key: &str) -> f32 {
        let n = self.documents as f64;
        let df = self.document_frequency(key) as f64;
        (((1.0 + n) / (1.0 + df)).ln() + 1.0) as f32
    }

    /// Counts one more document, given its distinct terms.
    pub(crate) fn add_document<I, S>(&mut self, terms: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.documents += 1;
        for t in terms {
            *self.df.entry(t.into()).or_insert(0) += 1;
        }
    }

    /// Adds another model's counts to this one (for fitting in parallel).
    pub(crate) fn merge(mut self, other: IdfModel) -> IdfModel {
        self.documents += other.documents;
        for (t, d) in other.df {
            *self.df.entry(t).or_insert(0) += d;
        }
        self
    }

    /// Writes the model as UTF-8 text: a header, the document count, then one
    /// `frequency<TAB>term` line per term, sorted by term (so equal models give equal
    /// files).
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn write_to<W: Write>(&self, mut out: W) -> io::Result<()> {
        writeln!(out, "{MAGIC}")?;
        writeln!(out, "documents\t{}", self.documents)?;
        let mut terms: Vec<(&String, &u64)> = self.df.iter().collect();
        terms.sort_unstable();
        for (t, d) in terms {
            writeln!(out, "{d}\t{t}")?;
        }
        out.flush()
    }

    /// Reads a model written by [`IdfModel::write_to`].
    ///
    /// # Errors
    /// [`ErrorKind::InvalidModel`] for text that is not a saved model, and
    /// [`ErrorKind::Io`] for an error of the reader.
    ///
    /// ```
    /// let m = salience::IdfModel::from_counts(3, [("tidal", 1), ("power", 3)]);
    /// let mut bytes = Vec::new();
    /// m.write_to(&mut bytes)?;
    /// assert_eq!(salience::IdfModel::read_from(bytes.as_slice())?, m);
    /// let err = salience::IdfModel::read_from(&b"not a model"[..]).unwrap_err();
    /// assert!(matches!(err.kind(), salience::ErrorKind::InvalidModel(_)));
    /// # Ok::<(), salience::Error>(())
    /// ```
    pub fn read_from<R: BufRead>(input: R) -> Result<IdfModel, Error> {
        let bad = |line: usize, why: &str| -> Error {
            ErrorKind::InvalidModel(format!("not a salience IDF model (line {line}: {why})")).into()
        };
        let mut lines = input.lines();
        match lines.next().transpose()? {
            Some(header) if header == MAGIC => {}
            _ => return Err(bad(1, "expected the header line")),
        }
        let documents = lines
            .next()
            .transpose()?
            .and_then(|l| l.strip_prefix("documents\t").and_then(|n| n.parse().ok()))
            .ok_or_else(|| bad(2, "expected the document count"))?;
        let mut model = IdfModel {
            documents,
            df: FxHashMap::default(),
        };
        for (at, line) in lines.enumerate() {
            let line = line?;
            let (d, term) = line
                .split_once('\t')
                .ok_or_else(|| bad(at + 3, "expected frequency<TAB>term"))?;
            let d: u64 = d.parse().map_err(|_| bad(at + 3, "bad frequency"))?;
            model.df.insert(term.to_owned(), d.min(documents));
        }
        Ok(model)
    }

    /// Saves the model to a file (see [`IdfModel::write_to`]).
    ///
    /// # Errors
    /// Any error creating or writing the file.
    pub fn save<P: AsRef<Path>>(&self, path: P) -> io::Result<()> {
        let file = std::fs::File::create(path)?;
        self.write_to(io::BufWriter::new(file))
    }

    /// Loads a model saved with [`IdfModel::save`].
    ///
    /// # Errors
    /// [`ErrorKind::InvalidModel`] for a file that is not a saved model, and
    /// [`ErrorKind::Io`] for an error opening or reading it.
    ///
    /// ```
    /// let err = salience::IdfModel::load("/no/such/model.txt").unwrap_err();
    /// assert!(matches!(err.kind(), salience::ErrorKind::Io { .. }));
    /// ```
    pub fn load<P: AsRef<Path>>(path: P) -> Result<IdfModel, Error> {
        let file = std::fs::File::open(path)?;
        IdfModel::read_from(io::BufReader::new(file))
    }
}
