//! Best-of-N wall clock of one `summarize(text, 3)` on the Gutenberg books tiled to a
//! size, on one thread, in MB/s (10^6): the figure to compare two builds by on a shared
//! machine, where criterion's mean moves by ±15 % from run to run. A slow spell of the
//! machine can last as long as one process, so run each build's binary in alternating
//! rounds and compare the best (and the median of the per-round bests):
//!
//! ```text
//! cargo bench --bench best_of -- 1 40     # 1 MB, 40 runs: bytes, best MB/s, median MB/s
//! for round in $(seq 10); do old/best_of-* 1 40; new/best_of-* 1 40; done
//! ```
//!
//! Without arguments (as `cargo bench` and `cargo test --benches` run it) it does 100 KB
//! five times.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod data;

use salience::Summarizer;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; the numbers are the size in MB and the runs.
    let numbers: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let mb = numbers.first().copied().unwrap_or(0.1);
    let runs = numbers.get(1).map_or(5, |&r| (r as usize).max(1));
    let text = data::tile(&data::corpus("en"), (mb * data::MB as f64) as usize);
    let one = Summarizer::builder().threads(1).build().unwrap();
    // The first call builds the stopword index and the abbreviation lists.
    let want = one.summarize(&text, 3);
    let mut seconds: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let summary = one.summarize(black_box(&text), 3);
            let elapsed = start.elapsed().as_secs_f64();
            assert_eq!(summary, want);
            elapsed
        })
        .collect();
    seconds.sort_by(f64::total_cmp);
    let mb_per_s = |s: f64| text.len() as f64 / s / 1e6;
    println!(
        "summarize {} bytes, {runs} runs: best {:.2} MB/s, median {:.2} MB/s",
        text.len(),
        mb_per_s(seconds[0]),
        mb_per_s(seconds[seconds.len() / 2])
    );
}
