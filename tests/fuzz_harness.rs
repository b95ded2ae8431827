//! A random-input harness over the whole pipeline (proptest), for machines without
//! cargo-fuzz: documents assembled from hostile fragments (terminators, closing and
//! opening marks, abbreviations, list markers, bidi and joining controls, combining
//! marks, several scripts), arbitrary characters and long runs, checked with every
//! invariant in `tests/invariants` (sentences, summary, pools of 1, 2 and 4 threads,
//! batch equals loop).
//!
//! By default it runs a fixed number of cases, fast enough for CI. For a long run, set
//! the duration in seconds and use a release build:
//!
//! ```sh
//! SALIENCE_FUZZ_SECS=3600 cargo test --release --test fuzz_harness -- --nocapture
//! ```
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

mod invariants;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::time::{Duration, Instant};

/// Pieces that exercise the segmenter's repair rules and the tokenizer's scripts.
const FRAGMENTS: &[&str] = &[
    ". ",
    ".",
    "? ",
    "! ",
    "…",
    "۔ ",
    "؟",
    "؛",
    "।",
    "॥",
    "。",
    "！",
    "？",
    "．",
    "።",
    "။",
    "\"",
    "'",
    ")",
    "]",
    "”",
    "’",
    "»",
    "」",
    "』",
    "）",
    "》",
    "(",
    "[",
    "“",
    "„",
    "«",
    "「",
    "『",
    "（",
    "《",
    "\n",
    "\n\n",
    "\r\n",
    " \n \n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{a0}",
    "\u{3000}",
    "\x1c",
    "\t",
    " ",
    "  ",
    "Mr.",
    "Dr.",
    "U.S.",
    "e.g.",
    "J. ",
    "J. R. R.",
    "A.M.",
    "P.M.",
    "Jan.",
    "No. 5",
    "3. Oktober",
    "etc.",
    "z.B.",
    "т.е.",
    "1.",
    "2.",
    "3.",
    "1)",
    "a.",
    "b)",
    "•",
    "⁃",
    ". . .",
    ". . . .",
    "[...]",
    "¿",
    "¡",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200e}",
    "\u{200f}",
    "\u{200c}",
    "\u{200d}",
    "\u{fe0f}",
    "\u{301}",
    "\u{64b}",
    "\u{670}",
    "\u{93f}",
    "\u{94d}",
    "🏽",
    "👩",
    "🇵🇰",
    "\u{feff}",
    "\0",
    "پی۔",
    "ایچ۔",
    "ڈی",
    "ی",
    "ے",
    "ہ",
    "ھ",
    "ك",
    "ي",
    "ة",
    "ـ",
    "٣",
    "۳",
    "३",
    "と",
    "東京",
    "サミット",
    "によると",
    "地铁",
    "ภาษา",
    "ខ្មែរ",
    "မြန်",
    "ລາວ",
    "the",
    "and",
    "کے",
    "ہے",
    "Word",
    "word",
    "A",
    "x",
    "ﬁ",
    "Ⅸ",
    "①",
    "ﾊﾟ",
    "İ",
    "ß",
    "ǅ",
    "Tidal",
    "power",
    "city",
    "http://x.com/A.B",
    "3.14",
    "1,000.5",
    "---",
    ";;",
    "...",
];

/// The longest run of one repeated fragment: long enough in release to cross the
/// sentence cap many times, short enough to keep debug runs quick.
const MAX_RUN: usize = if cfg!(debug_assertions) { 300 } else { 3000 };

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        4 => "\\PC{1,6}",
        2 => any::<char>().prop_map(String::from),
        1 => (prop::sample::select(FRAGMENTS), 20..MAX_RUN).prop_map(|(f, k)| f.repeat(k)),
    ]
}

fn document() -> impl Strategy<Value = (String, usize)> {
    (
        prop::collection::vec(fragment(), 0..64).prop_map(|v| v.concat()),
        prop_oneof![4 => 0usize..8, 1 => Just(usize::MAX)],
    )
}

/// Runs `cases` random documents through every invariant.
fn run(cases: u32) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&document(), |(text, n)| {
        invariants::check_everything(&text, n);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn random_hostile_documents_keep_every_invariant() {
    let secs: u64 = std::env::var("SALIENCE_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if secs == 0 {
        run(if cfg!(debug_assertions) { 96 } else { 1000 });
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut total = 0u64;
    while Instant::now() < deadline {
        run(256);
        total += 256;
    }
    eprintln!("fuzz harness: {total} documents in {secs} s, no failure");
}
