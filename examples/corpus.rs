//! Summarize JSON Lines files from Rust: `cargo run --release --features corpus
//! --example corpus -- news.jsonl [more.jsonl ...] > summaries.jsonl`.
//!
//! Each output line is the summary of one input line (or its error object); errors are
//! also reported on stderr as `PATH:LINE: reason`, and the exit status is 1 when any
//! record failed.

use salience::corpus::{self, Input, Options};
use salience::Summarizer;
use std::io::Write;

fn main() -> std::io::Result<()> {
    let inputs: Vec<Input> = std::env::args().skip(1).map(Input::jsonl).collect();
    let options = Options {
        json: true,
        ..Options::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let counts = corpus::run(&Summarizer::default(), inputs, &options, &mut out, |e| {
        eprintln!("{e}")
    })?;
    out.flush()?;
    eprintln!("{} summarized, {} failed", counts.summarized, counts.failed);
    std::process::exit(i32::from(counts.failed > 0));
}
