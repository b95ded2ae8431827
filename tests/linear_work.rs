//! Work grows linearly with the input: for every adversarial pattern, a document four
//! times longer costs at most about four times as many allocations and allocated bytes,
//! counted by an instrumented global allocator (no clocks: counts do not depend on the
//! machine or its load).
//!
//! Quadratic behaviour shows as a ratio near 16; linear as a ratio near 4. The bound
//! allows 5 (for `n log n` sorts and amortized growth) plus a small constant.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

mod invariants;

use salience::{split_sentences, Summarizer};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use std::sync::Mutex;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Size of the smaller document; the larger is four times as long.
const SMALL: usize = 16 * 1024;

/// Held while measuring: the counters are global, and tests run on several threads.
static MEASURING: Mutex<()> = Mutex::new(());

/// (allocations, bytes allocated) while `f` runs.
fn cost(f: impl FnOnce()) -> (usize, usize) {
    let region = Region::new(GLOBAL);
    f();
    let s = region.change();
    let bytes = s.bytes_allocated + usize::try_from(s.bytes_reallocated.max(0)).unwrap();
    (s.allocations + s.reallocations, bytes)
}

fn linear(small: usize, large: usize, slack: usize) -> bool {
    large <= 5 * small + slack
}

#[test]
fn allocations_grow_linearly_on_adversarial_input() {
    let _measuring = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let summarizer = Summarizer::builder().threads(2).build().unwrap();
    // Warm up: the pool's threads and the stopword lists are built once.
    summarizer.summarize("Warm up. The lists load once.", 1);
    let small = invariants::adversarial(SMALL);
    let large = invariants::adversarial(4 * SMALL);
    let mut report = Vec::new();
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        for (stage, (cs, cl)) in [
            (
                "split_sentences",
                (
                    cost(|| drop(split_sentences(s))),
                    cost(|| drop(split_sentences(l))),
                ),
            ),
            (
                "summarize",
                (
                    cost(|| drop(summarizer.summarize(s, 3))),
                    cost(|| drop(summarizer.summarize(l, 3))),
                ),
            ),
        ] {
            let ok = linear(cs.0, cl.0, 64) && linear(cs.1, cl.1, 64 * 1024);
            let line = format!(
                "{name:32} {stage:16} allocations {:>7} -> {:>7}   bytes {:>9} -> {:>9}",
                cs.0, cl.0, cs.1, cl.1
            );
            eprintln!("{line}");
            if !ok {
                report.push(line);
            }
        }
    }
    assert!(report.is_empty(), "superlinear:\n{}", report.join("\n"));
}

#[test]
fn work_per_document_does_not_grow_with_the_extra_stopwords() {
    let _measuring = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let docs: Vec<String> = (0..20)
        .map(|i| format!("Document {i} is short. It has a second sentence about rivers."))
        .collect();
    let mut costs = Vec::new();
    for extra in [0, 10, 10_000] {
        let words: Vec<String> = (0..extra).map(|i| format!("extra{i}")).collect();
        let s = Summarizer::builder()
            .threads(1)
            .extra_stopwords(&words)
            .build()
            .unwrap();
        s.summarize_batch(&docs, 1);
        costs.push(cost(|| drop(s.summarize_batch(&docs, 1))));
    }
    eprintln!("allocations and bytes with 0, 10 and 10,000 extra stopwords: {costs:?}");
    // The lists are built once per summarizer, never copied per document.
    let (small, large) = (costs[1], costs[2]);
    assert!(large.0 <= small.0 + 64, "{costs:?}");
    assert!(large.1 <= small.1 + 64 * 1024, "{costs:?}");
}
