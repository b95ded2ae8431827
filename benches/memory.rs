//! Peak heap memory of `summarize` against the input size (not a criterion bench: it
//! runs each input once and prints a table). See `benches/README.md`.
//!
//! The bench installs a counting global allocator (`peak_alloc`), resets its peak just
//! before each call and reports the peak of live heap bytes during the call minus the
//! live bytes before it (which hold the input). That is the working memory the call
//! needs on top of the text it was given.
//!
//! `cargo bench --bench memory` (add `SALIENCE_BENCH_LARGE=1` for 100 MB inputs).
//! Under `cargo test --benches` it only checks that it runs, on a small input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod data;

use peak_alloc::PeakAlloc;
use rustc_hash::FxHashSet;
use salience::for_each_term;
use salience::sentence_spans;
use salience::Summarizer;
use std::hint::black_box;
use std::time::Instant;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Distinct match keys and their total length: the vocabulary the summarizer keeps.
fn vocabulary(text: &str) -> (usize, usize) {
    let mut seen: FxHashSet<String> = FxHashSet::default();
    for span in sentence_spans(text) {
        for_each_term(&text[span], |k| {
            if !seen.contains(k.as_ref()) {
                seen.insert(k.into_owned());
            }
        });
    }
    let bytes = seen.iter().map(String::len).sum();
    (seen.len(), bytes)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    if !filter.is_empty() && !"memory".contains(filter.as_str()) {
        return;
    }
    let mut sizes = vec![(data::MB, "1MB"), (10 * data::MB, "10MB")];
    if data::large() {
        sizes.push((100 * data::MB, "100MB"));
    }
    if !benching {
        sizes = vec![(100 * data::KB, "100KB")];
    }
    println!(
        "{:<10} {:>8} {:>7} {:>8} {:>9} {:>7} {:>10} {:>8} {:>13}",
        "input",
        "MiB",
        "threads",
        "terms",
        "term MiB",
        "secs",
        "peak MiB",
        "peak/in",
        "(peak-voc)/in"
    );
    for lang in ["en", "ur"] {
        let corpus = data::corpus(lang);
        for &(bytes, label) in &sizes {
            let text = data::tile(&corpus, bytes);
            let (terms, term_bytes) = vocabulary(&text);
            for threads in [1, 2] {
                let s = Summarizer::builder().threads(threads).build().unwrap();
                // Start the pool and build the stopword tables outside the measurement.
                assert!(!s.summarize("Warm up. Twice.", 1).is_empty());
                let before = HEAP.current_usage();
                HEAP.reset_peak_usage();
                let start = Instant::now();
                let summary = s.summarize(black_box(&text), 3);
                let secs = start.elapsed().as_secs_f64();
                let peak = HEAP.peak_usage().saturating_sub(before);
                assert_eq!(summary.len(), 3);
                drop(summary);
                // A generous bound for the vocabulary's share: keys, hash table, ids,
                // IDF and centroid entries, ~64 bytes per term beyond its letters.
                let vocab = term_bytes + 64 * terms;
                println!(
                    "{:<10} {:>8.1} {:>7} {:>8} {:>9.1} {:>7.2} {:>10.1} {:>7.2}x {:>12.2}x",
                    format!("{lang}/{label}"),
                    mib(text.len()),
                    threads,
                    terms,
                    mib(term_bytes),
                    secs,
                    mib(peak),
                    peak as f64 / text.len() as f64,
                    peak.saturating_sub(vocab) as f64 / text.len() as f64
                );
            }
        }
    }
}
