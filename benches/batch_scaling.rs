//! `summarize_batch` on two threads against one thread, on every news set, timed in
//! alternating rounds so that a change in the machine's load reaches both alike
//! (criterion's `news` group times them one after the other, minutes apart).
//!
//! ```text
//! cargo bench --bench batch_scaling
//! ```
//!
//! Prints, per set, documents per second on 1 and 2 threads (best round of each) and
//! the median over rounds of the ratio. Checks first that both give the same
//! summaries. Without `--bench` (as `cargo test --benches` runs it) it does one short
//! round as a smoke test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod data;

use salience::Summarizer;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Mean seconds per call of `batch`, called repeatedly for at least `min`.
fn mean_secs(min: Duration, mut batch: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < min {
        batch();
        runs += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(runs)
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (rounds, per_run) = if full {
        (7, Duration::from_millis(400))
    } else {
        (1, Duration::from_millis(1))
    };
    let one = Summarizer::builder().threads(1).build().unwrap();
    let two = Summarizer::builder().threads(2).build().unwrap();
    println!("| set | docs | 1 thread, docs/s | 2 threads, docs/s | best / best | median ratio |");
    println!("|---|---:|---:|---:|---:|---:|");
    for set in data::news_sets() {
        let docs = &set.docs;
        let summaries = one.summarize_batch(docs, 3);
        assert_eq!(summaries, two.summarize_batch(docs, 3), "{}", set.name);
        assert!(summaries.iter().any(|s| !s.is_empty()), "{}", set.name);
        let (mut best_one, mut best_two) = (f64::INFINITY, f64::INFINITY);
        let mut ratios = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let a = mean_secs(per_run, || {
                black_box(one.summarize_batch(black_box(docs), 3));
            });
            let b = mean_secs(per_run, || {
                black_box(two.summarize_batch(black_box(docs), 3));
            });
            best_one = best_one.min(a);
            best_two = best_two.min(b);
            ratios.push(a / b);
        }
        ratios.sort_by(f64::total_cmp);
        let n = docs.len() as f64;
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.2}× | {:.2}× |",
            set.name,
            docs.len(),
            n / best_one,
            n / best_two,
            best_one / best_two,
            ratios[ratios.len() / 2]
        );
    }
}
