//! Where the evaluation data is, for the integration tests and for the benches (which
//! include this file by path): `$SALIENCE_EVAL_DIR`, else `../shared/eval` beside the
//! checkout. The data is not in the repository, so a test that needs it and finds it
//! absent says so on the terminal and returns, as the README promises.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that points at the evaluation data when it is somewhere else.
pub const ENV: &str = "SALIENCE_EVAL_DIR";

/// The evaluation directory, whether or not it exists: `$SALIENCE_EVAL_DIR` when set
/// and not empty, else `../shared/eval` beside the checkout's root. The root is the
/// nearest directory above the crate that holds `Cargo.lock`, so that the bench crates
/// of the workspace (one directory deeper) find the same data.
pub fn dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .unwrap_or(manifest);
    root.join("../shared/eval")
}

/// `rel` inside [`dir`] when it exists; otherwise `None`, after printing that the
/// caller skips for want of it.
pub fn file(rel: &str) -> Option<PathBuf> {
    let path = dir().join(rel);
    if path.exists() {
        Some(path)
    } else {
        skipped(&path);
        None
    }
}

/// The text of `rel` inside [`dir`], or `None` (with the message of [`file`]).
pub fn read(rel: &str) -> Option<String> {
    let path = file(rel)?;
    let text = std::fs::read_to_string(&path);
    Some(text.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Says on the terminal that a check is skipped because `path` is absent. Written to
/// the standard error itself rather than with `eprintln!`, which the test harness
/// captures and shows only for failing tests: a skip must never pass unseen.
fn skipped(path: &Path) {
    // The harness names each test's thread after the test.
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {} not found (the evaluation data: set {ENV} or put it in \
         ../shared/eval)",
        path.display()
    );
}
