//! salience beside the Rust extractive summarizers on crates.io, on the same inputs
//! and one core each: `simple-summarize`, `lede` and `summary` (none of them uses
//! threads; salience runs on a pool of one thread). See `benches/README.md`.
//!
//! Each peer is asked for a summary of about the same size as salience's three
//! sentences, in its own terms: `summary` for 3 sentences, `lede` for 500 characters
//! (its CLI default), `simple-summarize` for a 90 % cut (it cannot cut more than 95 %).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../data/mod.rs"]
mod data;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use salience::Summarizer;
use std::hint::black_box;
use std::num::NonZeroU32;
use std::time::Duration;

/// Sentences asked of salience and `summary`.
const N: usize = 3;
/// Characters asked of `lede`.
const LEDE_CHARS: usize = 500;
/// The cut asked of `simple-summarize`.
const CUT: f32 = 0.9;
/// The longest book the peers are timed on (they are slow on long texts).
const PEER_BOOK_MAX: usize = 200 * data::KB;

/// The size of a summary, in bytes: what every routine returns so that the bench can
/// check it did some work.
type Routine = Box<dyn Fn(&str) -> usize>;

fn routines(lang: &str) -> Vec<(&'static str, Routine)> {
    let salience = Summarizer::builder().threads(1).build().unwrap();
    let summary_lang = if lang == "en" {
        summary::Summarizer::new(summary::Language::English)
    } else {
        summary::Summarizer::new_language_agnostic()
    };
    let n = NonZeroU32::new(N as u32).unwrap();
    vec![
        (
            "salience",
            Box::new(move |t: &str| salience.summarize(t, N).iter().map(|s| s.len()).sum()),
        ),
        (
            "simple-summarize",
            Box::new(|t: &str| {
                simple_summarize::summarize_text(t, CUT)
                    .map(|r| r.summary.len())
                    .unwrap_or(0)
            }),
        ),
        (
            "lede",
            Box::new(|t: &str| {
                lede::summarize(t, LEDE_CHARS, lede::Mode::Default)
                    .summary
                    .len()
            }),
        ),
        (
            "summary",
            Box::new(move |t: &str| {
                summary_lang
                    .summarize_sentences(t, n)
                    .iter()
                    .map(|s| s.len())
                    .sum()
            }),
        ),
    ]
}

/// Every peer on every news set, one document per call.
fn news(c: &mut Criterion) {
    let mut group = c.benchmark_group("peers");
    for set in data::news_sets() {
        let docs = set.docs.as_slice();
        group.throughput(Throughput::ElementsAndBytes {
            elements: docs.len() as u64,
            bytes: set.bytes() as u64,
        });
        for (name, routine) in routines(set.lang) {
            group.bench_with_input(BenchmarkId::new(set.name, name), docs, |b, docs| {
                b.iter(|| {
                    let out: usize = docs.iter().map(|d| routine(black_box(d))).sum();
                    assert!(out > 0, "{name} summarized nothing");
                    out
                })
            });
        }
    }
    group.finish();
}

/// Every peer on the shortest Gutenberg book, as one long document.
fn book(c: &mut Criterion) {
    let mut group = c.benchmark_group("peers_book");
    group.sampling_mode(SamplingMode::Flat);
    let books = data::books();
    let Some((name, text)) = books
        .iter()
        .filter(|(_, t)| t.len() <= PEER_BOOK_MAX)
        .min_by_key(|(_, t)| t.len())
        .or_else(|| books.first())
    else {
        return;
    };
    let text = data::tile(text, text.len().min(PEER_BOOK_MAX));
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (peer, routine) in routines("en") {
        group.bench_with_input(BenchmarkId::new(name.as_str(), peer), &text, |b, t| {
            b.iter(|| {
                let out = routine(black_box(t));
                assert!(out > 0, "{peer} summarized nothing");
                out
            })
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = news, book
}
criterion_main!(benches);
