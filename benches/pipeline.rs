//! Throughput of salience's pipeline, stage by stage, on graded inputs from one news
//! article to 10 MB (100 MB with `SALIENCE_BENCH_LARGE=1`), in English and Urdu, and
//! on the news sets as batches. See `benches/README.md`.
//!
//! Groups (filter with `cargo bench --bench pipeline -- <group>`):
//! `floor`, `segment_sentences`, `segment_words`, `terms`, `summarize`, `threads`,
//! `news`. Every bench checks its output, so none can pass by doing nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod data;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use rustc_hash::FxHashMap;
use salience::for_each_term;
use salience::Summarizer;
use salience::{sentence_spans, words};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::hint::black_box;
use std::ops::Range;
use std::sync::OnceLock;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

/// Sentences asked of every summary.
const N: usize = 3;

/// The graded single documents, English then Urdu, built once.
fn graded() -> &'static [data::Sized] {
    static INPUTS: OnceLock<Vec<data::Sized>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let mut all = data::graded("en");
        all.extend(data::graded("ur"));
        for input in &all {
            eprintln!("input {:>12}: {}", input.id, data::human(input.text.len()));
        }
        all
    })
}

/// A summarizer on a pool of `threads` threads of its own.
fn summarizer(threads: usize) -> Summarizer {
    Summarizer::builder().threads(threads).build().unwrap()
}

/// Big inputs take one iteration per sample; small ones are sampled the usual way.
fn tune(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, bytes: usize) {
    if bytes >= data::MB {
        group.sampling_mode(SamplingMode::Flat);
    } else {
        group.sampling_mode(SamplingMode::Auto);
    }
}

/// The same, with UAX #29 words instead of the byte split: what Unicode word
/// segmentation alone costs.
fn unicode_counts(text: &str) -> FxHashMap<&str, u32> {
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for word in text.unicode_words() {
        *counts.entry(word).or_default() += 1;
    }
    counts
}

/// Term building as the pipeline does it (the terms of each sentence as match keys,
/// counted in a hash map), with the public pieces: `tfidf` itself is private to the
/// crate, and its stopword filter and IDF are left out.
fn term_counts<'t>(text: &'t str, spans: &[Range<usize>]) -> FxHashMap<Cow<'t, str>, u32> {
    let mut counts: FxHashMap<Cow<'t, str>, u32> = FxHashMap::default();
    for span in spans {
        for_each_term(&text[span.clone()], |term| {
            *counts.entry(term).or_default() += 1;
        });
    }
    counts
}

fn total(counts: impl Iterator<Item = u32>) -> u64 {
    counts.map(u64::from).sum()
}

fn floor(c: &mut Criterion) {
    let mut group = c.benchmark_group("floor");
    for input in graded() {
        let text = input.text.as_str();
        tune(&mut group, text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        let expected = OnceCell::new();
        group.bench_with_input(BenchmarkId::new("split_count", &input.id), text, |b, t| {
            let expected = *expected.get_or_init(|| total(data::floor_counts(t).into_values()));
            assert!(expected > 0, "the floor found no words");
            b.iter(|| {
                let counts = data::floor_counts(black_box(t));
                assert_eq!(total(counts.values().copied()), expected);
                counts.len()
            })
        });
        let expected = OnceCell::new();
        group.bench_with_input(
            BenchmarkId::new("unicode_words_count", &input.id),
            text,
            |b, t| {
                let expected = *expected.get_or_init(|| total(unicode_counts(t).into_values()));
                assert!(expected > 0, "UAX #29 found no words");
                b.iter(|| {
                    let counts = unicode_counts(black_box(t));
                    assert_eq!(total(counts.values().copied()), expected);
                    counts.len()
                })
            },
        );
    }
    group.finish();
}

fn segment_sentences(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment_sentences");
    for input in graded() {
        let text = input.text.as_str();
        tune(&mut group, text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        let expected = OnceCell::new();
        group.bench_with_input(BenchmarkId::from_parameter(&input.id), text, |b, t| {
            let expected = *expected.get_or_init(|| sentence_spans(t).len());
            assert!(expected >= N, "only {expected} sentences");
            b.iter(|| {
                let spans = sentence_spans(black_box(t));
                assert_eq!(spans.len(), expected);
                spans
            })
        });
    }
    group.finish();
}

fn segment_words(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment_words");
    for input in graded() {
        let text = input.text.as_str();
        tune(&mut group, text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        let expected = OnceCell::new();
        group.bench_with_input(BenchmarkId::from_parameter(&input.id), text, |b, t| {
            let expected = *expected.get_or_init(|| words(t).map(str::len).sum::<usize>());
            assert!(expected > 0, "no words");
            b.iter(|| {
                let letters: usize = words(black_box(t)).map(str::len).sum();
                assert_eq!(letters, expected);
                letters
            })
        });
    }
    group.finish();
}

fn terms(c: &mut Criterion) {
    let mut group = c.benchmark_group("terms");
    for input in graded() {
        let text = input.text.as_str();
        tune(&mut group, text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        let prepared = OnceCell::new();
        group.bench_with_input(BenchmarkId::from_parameter(&input.id), text, |b, t| {
            let (spans, expected) = prepared.get_or_init(|| {
                let spans = sentence_spans(t);
                let expected = term_counts(t, &spans).len();
                (spans, expected)
            });
            assert!(*expected > 0, "no terms");
            b.iter(|| {
                let counts = term_counts(black_box(t), spans);
                assert_eq!(counts.len(), *expected);
                counts.len()
            })
        });
    }
    group.finish();
}

/// `summarize` on one thread, so that MB/s is per core.
fn summarize(c: &mut Criterion) {
    let one = summarizer(1);
    let mut group = c.benchmark_group("summarize");
    let books = data::books();
    let war_and_peace = books
        .iter()
        .max_by_key(|(_, t)| t.len())
        .map(|(name, text)| (format!("en/book/{name}"), text.as_str()));
    let inputs = graded()
        .iter()
        .map(|i| (i.id.clone(), i.text.as_str()))
        .chain(war_and_peace);
    for (id, text) in inputs {
        tune(&mut group, text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&id), text, |b, t| {
            b.iter(|| {
                let summary = one.summarize(black_box(t), N);
                assert_eq!(summary.len(), N);
                summary
            })
        });
    }
    group.finish();
}

/// One long document on 1 and 2 threads: does a single document use both cores?
fn threads(c: &mut Criterion) {
    let mut group = c.benchmark_group("threads");
    group.sampling_mode(SamplingMode::Flat);
    for input in graded().iter().filter(|i| i.id.ends_with("/10MB")) {
        let text = input.text.as_str();
        group.throughput(Throughput::Bytes(text.len() as u64));
        for n in [1, 2] {
            let s = summarizer(n);
            let id = BenchmarkId::new(format!("{}/summarize", input.id), format!("{n}t"));
            group.bench_with_input(id, text, |b, t| {
                b.iter(|| {
                    let summary = s.summarize(black_box(t), N);
                    assert_eq!(summary.len(), N);
                    summary
                })
            });
        }
    }
    group.finish();
}

/// The news sets: one `summarize` call per document (per core), and
/// `summarize_batch` on 1 and 2 threads. Throughput in documents and bytes.
fn news(c: &mut Criterion) {
    let mut group = c.benchmark_group("news");
    for set in data::news_sets() {
        let docs = set.docs.as_slice();
        let bytes = set.bytes();
        eprintln!(
            "news set {:>9}: {} documents, {}",
            set.name,
            docs.len(),
            data::human(bytes)
        );
        group.throughput(Throughput::ElementsAndBytes {
            elements: docs.len() as u64,
            bytes: bytes as u64,
        });
        let one = summarizer(1);
        let expected = OnceCell::new();
        let expected_for = |docs: &[String]| {
            *expected.get_or_init(|| {
                let total: usize = docs.iter().map(|d| one.summarize(d, N).len()).sum();
                assert!(total >= docs.len(), "summaries too short");
                total
            })
        };
        group.bench_with_input(BenchmarkId::new(set.name, "each_1t"), docs, |b, docs| {
            let expected = expected_for(docs);
            b.iter(|| {
                let got: usize = docs
                    .iter()
                    .map(|d| one.summarize(black_box(d), N).len())
                    .sum();
                assert_eq!(got, expected);
                got
            })
        });
        for n in [1, 2] {
            let s = summarizer(n);
            let id = BenchmarkId::new(set.name, format!("batch_{n}t"));
            group.bench_with_input(id, docs, |b, docs| {
                let expected = expected_for(docs);
                b.iter(|| {
                    let out = s.summarize_batch(black_box(docs), N);
                    let got: usize = out.iter().map(Vec::len).sum();
                    assert_eq!(got, expected);
                    got
                })
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = floor, segment_sentences, segment_words, terms, summarize, threads, news
}
criterion_main!(benches);
