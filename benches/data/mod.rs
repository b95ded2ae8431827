//! Bench inputs shared by every bench target, and the floor they are measured
//! against ([`floor_counts`]): the evaluation sets (found by the tests' own
//! `tests/eval_data`: `$SALIENCE_EVAL_DIR`, else `../shared/eval`), tiled in memory to
//! graded sizes.
//!
//! When the data is absent the inputs are generated from a small vocabulary, with a
//! message on stderr, so that `cargo bench --no-run` and quick runs still work
//! anywhere.
//!
//! Each bench target includes this file with `mod data;` (the peers crate by path), so
//! an item that one target does not use is not dead code in another.
#![allow(dead_code)]

#[path = "../../tests/eval_data/mod.rs"]
mod eval_data;

use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Environment variable that adds the ≥ 100 MB inputs (they take minutes per group).
pub const LARGE_ENV: &str = "SALIENCE_BENCH_LARGE";

/// One kibibyte-ish unit used for the graded sizes (decimal, as MB/s is decimal).
pub const KB: usize = 1_000;
/// One megabyte (decimal).
pub const MB: usize = 1_000_000;

/// A set of news documents in one language.
pub struct NewsSet {
    /// Short name used in bench ids, e.g. `cnndm`.
    pub name: &'static str,
    /// ISO 639-1 code of the documents.
    pub lang: &'static str,
    /// The raw document texts.
    pub docs: Vec<String>,
}

impl NewsSet {
    /// Total size in bytes.
    pub fn bytes(&self) -> usize {
        self.docs.iter().map(String::len).sum()
    }
}

/// One input of a graded series: a single document of (about) `bytes` bytes.
pub struct Sized {
    /// Bench id, e.g. `en/1MB`.
    pub id: String,
    /// ISO 639-1 code.
    pub lang: &'static str,
    /// The document.
    pub text: String,
}

/// Whether the opt-in ≥ 100 MB inputs are wanted.
pub fn large() -> bool {
    std::env::var(LARGE_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The evaluation directory, if it exists.
pub fn eval_dir() -> Option<PathBuf> {
    let dir = eval_data::dir();
    if dir.is_dir() {
        Some(dir)
    } else {
        None
    }
}

fn warn_missing(what: &str) {
    eprintln!(
        "salience benches: {what} not found in {} (set ${} or put the evaluation data in \
         ../shared/eval); using generated text, so the figures are not comparable with the \
         README",
        eval_data::dir().display(),
        eval_data::ENV,
    );
}

/// Reads the `text` field of every line of a JSON Lines file.
fn jsonl_texts(path: &std::path::Path) -> Option<Vec<String>> {
    let raw = std::fs::read_to_string(path).ok()?;
    let mut texts = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).ok()?;
        texts.push(value.get("text")?.as_str()?.to_owned());
    }
    Some(texts)
}

/// The four news sets (CNN/DM, BBC, Urdu USC, XL-Sum Urdu), or generated stand-ins;
/// read once per process.
pub fn news_sets() -> &'static [NewsSet] {
    static SETS: OnceLock<Vec<NewsSet>> = OnceLock::new();
    SETS.get_or_init(load_news_sets)
}

fn load_news_sets() -> Vec<NewsSet> {
    const SETS: [(&str, &str, &str); 4] = [
        ("cnndm", "en", "summarization/cnndm_250.jsonl"),
        ("bbc", "en", "summarization/bbc_news_2225.jsonl"),
        ("urdu_usc", "ur", "summarization/urdu_usc_50.jsonl"),
        ("xlsum_ur", "ur", "summarization/xlsum_urdu_244.jsonl"),
    ];
    let dir = eval_dir();
    let mut warned = false;
    SETS.iter()
        .map(|&(name, lang, file)| {
            let docs = dir
                .as_ref()
                .and_then(|d| jsonl_texts(&d.join(file)))
                .filter(|docs| !docs.is_empty())
                .unwrap_or_else(|| {
                    if !warned {
                        warn_missing(file);
                        warned = true;
                    }
                    (0..50u64)
                        .map(|seed| generated(lang, 3 * KB, seed))
                        .collect()
                });
            NewsSet { name, lang, docs }
        })
        .collect()
}

/// The Gutenberg books as `(name, text)`, sorted by name, or one generated stand-in;
/// read once per process.
pub fn books() -> &'static [(String, String)] {
    static BOOKS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    BOOKS.get_or_init(load_books)
}

fn load_books() -> Vec<(String, String)> {
    let mut books = Vec::new();
    if let Some(dir) = eval_dir() {
        if let Ok(entries) = std::fs::read_dir(dir.join("corpora/gutenberg")) {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                if let (Some(stem), Ok(text)) = (path.file_stem(), std::fs::read_to_string(&path)) {
                    books.push((stem.to_string_lossy().into_owned(), text));
                }
            }
        }
    }
    if books.is_empty() {
        warn_missing("corpora/gutenberg");
        books.push(("generated_book".to_owned(), generated("en", 400 * KB, 7)));
    }
    books
}

/// One typical news article per language: the CNN/DM document closest to the set's
/// mean size for English, the SCO-summit sample for Urdu.
pub fn article(lang: &str) -> String {
    let dir = eval_dir();
    if lang == "ur" {
        if let Some(text) = dir
            .as_ref()
            .and_then(|d| std::fs::read_to_string(d.join("samples/urdu_news_sco_summit.txt")).ok())
        {
            return text;
        }
    }
    let set: &[String] = news_sets()
        .iter()
        .find(|s| s.lang == lang)
        .map_or(&[], |s| &s.docs);
    let mean = set.iter().map(String::len).sum::<usize>() / set.len().max(1);
    set.iter()
        .min_by_key(|d| d.len().abs_diff(mean))
        .cloned()
        .unwrap_or_else(|| generated(lang, 3 * KB, 1))
}

/// The corpus a language's long inputs are tiled from: the books for English, every
/// Urdu news document for Urdu (separated by blank lines).
pub fn corpus(lang: &str) -> String {
    if lang == "en" {
        let books: Vec<&str> = books().iter().map(|(_, t)| t.as_str()).collect();
        books.join("\n\n")
    } else {
        let docs: Vec<&str> = news_sets()
            .iter()
            .filter(|s| s.lang == lang)
            .flat_map(|s| s.docs.iter().map(String::as_str))
            .collect();
        docs.join("\n\n")
    }
}

/// `corpus` repeated until it is at least `bytes` long, then cut at the last line
/// break (or character boundary) at or before `bytes`.
pub fn tile(corpus: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + corpus.len());
    while out.len() < bytes {
        out.push_str(corpus);
        out.push_str("\n\n");
    }
    let mut cut = bytes;
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(line) = out[..cut].rfind('\n') {
        if line > cut - cut / 10 {
            cut = line;
        }
    }
    out.truncate(cut);
    out
}

/// Graded single documents for a language: one article, then 100 KB, 1 MB, 10 MB
/// (and 100 MB with [`LARGE_ENV`]) tiled from [`corpus`].
pub fn graded(lang: &'static str) -> Vec<Sized> {
    let corpus = corpus(lang);
    let mut sizes = vec![(100 * KB, "100KB"), (MB, "1MB"), (10 * MB, "10MB")];
    if large() {
        sizes.push((100 * MB, "100MB"));
    }
    let mut out = vec![Sized {
        id: format!("{lang}/article"),
        lang,
        text: article(lang),
    }];
    for (bytes, label) in sizes {
        out.push(Sized {
            id: format!("{lang}/{label}"),
            lang,
            text: tile(&corpus, bytes),
        });
    }
    out
}

/// Deterministic filler text of about `bytes` bytes: sentences of 6–20 words drawn
/// from a small vocabulary, paragraphs of 5 sentences.
pub fn generated(lang: &str, bytes: usize, seed: u64) -> String {
    const EN: &[&str] = &[
        "the", "council", "approved", "a", "new", "budget", "for", "roads", "and", "schools",
        "while", "critics", "said", "taxes", "would", "rise", "next", "year", "mayor", "city",
        "river", "bridge", "election", "report", "police", "court", "minister", "market",
    ];
    const UR: &[&str] = &[
        "حکومت",
        "نے",
        "کہا",
        "کہ",
        "شہر",
        "میں",
        "نئی",
        "سڑک",
        "بنے",
        "گی",
        "اور",
        "وزیر",
        "اعظم",
        "کا",
        "دورہ",
        "عدالت",
        "کے",
        "فیصلے",
        "پر",
        "بازار",
        "سے",
        "لوگ",
        "آئے",
    ];
    let (vocab, stop) = if lang == "ur" { (UR, "۔") } else { (EN, ".") };
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut out = String::with_capacity(bytes + 200);
    let mut sentence = 0;
    while out.len() < bytes {
        let words = 6 + next(15);
        for w in 0..words {
            let word = vocab[next(vocab.len())];
            if w == 0 && lang != "ur" {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(word);
            }
            out.push(' ');
        }
        out.pop();
        out.push_str(stop);
        sentence += 1;
        out.push_str(if sentence % 5 == 0 { "\n\n" } else { " " });
    }
    out
}

/// Bytes as a human label: `3.3 KB`, `1.0 MB`.
pub fn human(bytes: usize) -> String {
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{:.1} KB", bytes as f64 / KB as f64)
    }
}

/// The floor: read the text once, split it into words at ASCII punctuation and white
/// space (every non-ASCII byte counts as a letter), count the words in a hash map.
pub fn floor_counts(text: &str) -> FxHashMap<&str, u32> {
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    let mut start: Option<usize> = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let letter = b.is_ascii_alphanumeric() || b >= 0x80;
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                *counts.entry(&text[s..i]).or_default() += 1;
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        *counts.entry(&text[s..]).or_default() += 1;
    }
    counts
}
