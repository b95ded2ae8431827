//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/eval/<rel>` beside the checkout, or `None` (with a message) when the
/// evaluation data is not on this machine.
pub fn eval_file(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(rel);
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
