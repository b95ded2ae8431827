//! The modules of `src/` form layers: each may use only the modules below it, so the
//! code reads from the bottom up with no cycle (the README's "How it works" lists the
//! same order). A `crate::module` path in a module's code, outside comments, that names
//! a module at its own level or above fails this test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

/// The modules of `src/`, lowest first.
const LAYERS: &[&str] = &[
    "error",
    "script",
    "util",
    "normalize",
    "words",
    "tokens",
    "lang",
    "segment",
    "idf",
    "tfidf",
    "position",
    "score",
    "select",
    "analysis",
    "summarizer",
    "corpus",
    "python",
];

/// Modules that only tests compile (the evaluation-data helper), usable from any layer.
const TEST_ONLY: &[&str] = &["eval_data"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// The modules named as `crate::name` in the code (not the comments) of `text`.
fn used_modules(text: &str) -> Vec<String> {
    let mut used = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                used.push(name);
            }
        }
    }
    used
}

#[test]
fn every_module_of_src_has_a_layer() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in &files {
        if let Some(module) = module_of(file) {
            assert!(
                LAYERS.contains(&module.as_str()),
                "{} belongs to `{module}`, which has no layer in LAYERS",
                file.display()
            );
        }
    }
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let layer = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let own = layer(&module).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        for used in used_modules(&text) {
            if used == module || TEST_ONLY.contains(&used.as_str()) {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                _ => upward.push(format!("{}: crate::{used}", file.display())),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "uses at or above their own layer: {upward:#?}"
    );
}

#[test]
fn the_check_sees_an_upward_use() {
    // The parser must find uses in code and ignore them in comments, or the test
    // above could pass by finding nothing.
    let text = "use crate::util::pool;\n/// See [`crate::summarizer`].\nlet x = crate::score::f(); // crate::python";
    assert_eq!(used_modules(text), ["util", "score"]);
}
