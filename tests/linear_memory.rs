//! Memory grows linearly with the input: for every adversarial pattern, the peak heap
//! use while summarizing a document four times longer is at most about four times the
//! peak for the shorter one (measured by a peak-tracking global allocator; no clocks).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

mod invariants;

use peak_alloc::PeakAlloc;
use salience::{split_sentences, Summarizer};

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// Size of the smaller document; the larger is four times as long.
const SMALL: usize = 16 * 1024;

/// Heap bytes in use at the peak while `f` runs, above what was in use before.
fn peak(f: impl FnOnce()) -> usize {
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    f();
    PEAK.peak_usage().saturating_sub(before)
}

#[test]
fn peak_memory_grows_linearly_on_adversarial_input() {
    let summarizer = Summarizer::builder().threads(2).build().unwrap();
    summarizer.summarize("Warm up. The lists load once.", 1);
    let small = invariants::adversarial(SMALL);
    let large = invariants::adversarial(4 * SMALL);
    let mut report = Vec::new();
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        for (stage, ps, pl) in [
            (
                "split_sentences",
                peak(|| drop(split_sentences(s))),
                peak(|| drop(split_sentences(l))),
            ),
            (
                "summarize",
                peak(|| drop(summarizer.summarize(s, 3))),
                peak(|| drop(summarizer.summarize(l, 3))),
            ),
        ] {
            let line = format!(
                "{name:32} {stage:16} peak {ps:>9} -> {pl:>9} bytes ({:.1} per input byte)",
                pl as f64 / l.len() as f64
            );
            eprintln!("{line}");
            // Linear, and at most 64 bytes per input byte (today's worst is about 42:
            // a sentence every two bytes, each with its span, terms and features).
            if pl > 5 * ps + 64 * 1024 || pl > 64 * l.len() + (1 << 20) {
                report.push(line);
            }
        }
    }
    assert!(report.is_empty(), "superlinear:\n{}", report.join("\n"));
}
