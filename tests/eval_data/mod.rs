//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/eval/<rel>` beside the checkout (or under `$SALIENCE_EVAL_DIR`), or
/// `None` (with a message) when the evaluation data is not on this machine.
pub fn eval_file(rel: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("SALIENCE_EVAL_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
        PathBuf::from,
    );
    let path = dir.join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} not found (../shared/eval is absent)",
            path.display()
        );
        None
    }
}
