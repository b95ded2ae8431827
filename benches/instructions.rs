//! One run of one workload, for counting instructions under valgrind (load-independent,
//! unlike the wall clock of the other benches). The count of the work is the count of
//! a run minus that of the same run with `skip` (set-up only):
//!
//! ```text
//! cargo bench --bench instructions --no-run
//! valgrind --tool=callgrind target/release/deps/instructions-<hash> summarize 10
//! valgrind --tool=callgrind target/release/deps/instructions-<hash> summarize 10 skip
//! ```
//!
//! Workloads: `summarize <MB>` (the Gutenberg books tiled to that size, one call on one
//! thread; `summarize <MB> warm` after a first call on the same text, as criterion
//! measures, so that no one-off set-up is counted), `floor <MB>` (the floor of
//! `pipeline`), `words <MB>` (`segment::words` over each sentence of the same text),
//! `cnndm` (one call per CNN/DM
//! article, after one warm-up call), `news <set>` (the same for any news set:
//! `cnndm`, `bbc`, `urdu_usc`, `xlsum_ur`), `spans <set>` (sentence segmentation alone,
//! one call per article of a news set, or of the books tiled to `<set>` MB when it is a
//! number); `analyses` counts nothing but checksums the full
//! analysis of every evaluation text; `adversarial <bytes> <i>` splits and summarizes
//! the `i`-th adversarial document of `tests/invariants` at that size (`adversarial
//! <bytes> list` names them), which `scripts/check-linear` runs at two sizes to check
//! that the work grows linearly. Each prints the bytes processed and a checksum of
//! its output, so two builds can be compared. Without arguments (as `cargo bench` and
//! `cargo test --benches` run it) it runs `cnndm` once as a smoke test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod data;
#[path = "../tests/invariants/mod.rs"]
mod invariants;

use salience::Summarizer;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::hint::black_box;

/// Runs the work unless the last argument is `skip` (then only the set-up runs, whose
/// count is subtracted: the summarizer's work runs on its pool's thread, out of reach
/// of callgrind's `--toggle-collect`).
fn measured(work: &mut dyn FnMut() -> u64) -> u64 {
    if std::env::args().next_back().is_some_and(|a| a == "skip") {
        0
    } else {
        work()
    }
}

/// The floor of `pipeline` ([`data::floor_counts`]): the total of its word counts.
fn floor(text: &str) -> u64 {
    data::floor_counts(text)
        .values()
        .map(|&n| u64::from(n))
        .sum()
}

fn digest(summaries: &[Vec<&str>]) -> u64 {
    let mut h = DefaultHasher::new();
    summaries.hash(&mut h);
    h.finish()
}

/// A checksum of the whole analysis (language, sentence spans, feature and score
/// bits) of every evaluation text: books, the tiled 1 MB, and every news article.
fn analyses(one: &Summarizer) -> u64 {
    let mut h = DefaultHasher::new();
    let tiled = data::tile(&data::corpus("en"), data::MB);
    let books = data::books().iter().map(|(_, t)| t.as_str());
    let news = data::news_sets()
        .iter()
        .flat_map(|s| s.docs.iter().map(String::as_str));
    for text in books.chain(news).chain([tiled.as_str()]) {
        let a = one.analyze(text);
        a.language().hash(&mut h);
        a.spans().hash(&mut h);
        for x in a.features().iter().chain(a.scores().iter()) {
            x.to_bits().hash(&mut h);
        }
        one.summarize(text, 3).hash(&mut h);
    }
    h.finish()
}

/// `adversarial <bytes> <i>`: sentence splitting and a summary of the `i`-th adversarial
/// document of about `bytes` bytes, after a warm-up call that builds the stopword lists
/// (so that the count is the document's alone); `adversarial <bytes> list` prints the
/// documents' indices and names instead.
fn adversarial(one: &Summarizer, args: &[String]) -> (usize, u64) {
    let bytes = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(16_000);
    let docs = invariants::adversarial(bytes);
    if args.get(2).is_some_and(|a| a == "list") {
        for (i, (name, _)) in docs.iter().enumerate() {
            println!("{i}\t{name}");
        }
        std::process::exit(0);
    }
    let i: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (_, text) = &docs[i];
    let _ = one.summarize("Warm up. The stopword lists are built once.", 1);
    let check = measured(&mut || {
        let sentences = salience::split_sentences(black_box(text)).len() as u64;
        sentences + digest(&[one.summarize(black_box(text), 3)])
    });
    (text.len(), check)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("cnndm", String::as_str);
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let one = Summarizer::builder().threads(1).build().unwrap();
    let (bytes, check) = match mode {
        "summarize" | "floor" => {
            let text = data::tile(&data::corpus("en"), mb * data::MB);
            let check = if mode == "floor" {
                measured(&mut || floor(black_box(&text)))
            } else {
                if args.get(2).is_some_and(|a| a == "warm") {
                    // What criterion measures: every one-off set-up (the stopword index,
                    // the abbreviation lists) done by a first call on the same text.
                    let _ = one.summarize(&text, 3);
                }
                let out = measured(&mut || digest(&[one.summarize(black_box(&text), 3)]));
                let _ = black_box(&out);
                out
            };
            (text.len(), check)
        }
        "analyses" => (0, analyses(&one)),
        "spans" => {
            let name = args.get(1).map_or("cnndm", String::as_str);
            let docs = match name.parse::<usize>() {
                Ok(mb) => vec![data::tile(&data::corpus("en"), mb * data::MB)],
                Err(_) => {
                    let set = data::news_sets().iter().find(|s| s.name == name);
                    set.unwrap_or_else(|| panic!("no news set {name}"))
                        .docs
                        .clone()
                }
            };
            let _ = salience::split_sentences(&docs[0]);
            let check = measured(&mut || {
                let mut h = DefaultHasher::new();
                for d in &docs {
                    // Offsets and lengths: hashing the text itself would outweigh the work.
                    for s in salience::split_sentences(black_box(d)) {
                        (s.as_ptr() as usize - d.as_ptr() as usize, s.len()).hash(&mut h);
                    }
                }
                h.finish()
            });
            (docs.iter().map(String::len).sum(), check)
        }
        "adversarial" => adversarial(&one, &args),
        "words" => {
            let text = data::tile(&data::corpus("en"), mb * data::MB);
            let spans = salience::sentence_spans(&text);
            let check = measured(&mut || {
                spans
                    .iter()
                    .map(|s| salience::words(black_box(&text[s.clone()])).count() as u64)
                    .sum()
            });
            (text.len(), check)
        }
        _ => {
            // `news <set>` (e.g. `news xlsum_ur`) or `cnndm`: one call per article.
            let name = if mode == "news" {
                args.get(1).map_or("cnndm", String::as_str)
            } else {
                "cnndm"
            };
            let set = data::news_sets().iter().find(|s| s.name == name);
            let docs = &set.unwrap_or_else(|| panic!("no news set {name}")).docs;
            let _ = one.summarize(&docs[0], 3);
            let check = measured(&mut || {
                let out: Vec<Vec<&str>> = docs
                    .iter()
                    .map(|d| one.summarize(black_box(d), 3))
                    .collect();
                digest(&out)
            });
            (docs.iter().map(String::len).sum(), check)
        }
    };
    println!("{mode}: {bytes} bytes, checksum {check:016x}");
}
