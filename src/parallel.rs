//! The crate's own rayon thread pool and the helpers that use it.
//!
//! The pool is named (`salience-0`, `salience-1`, …) and sized by the
//! `SALIENCE_NUM_THREADS` environment variable, read once, or by the number of CPUs.
//! Work is split across sentences or documents only; every sum stays sequential, so
//! results are identical on any number of threads.

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use std::sync::OnceLock;

/// Below this many items, work runs on the calling thread.
const MIN_PARALLEL_ITEMS: usize = 64;

/// The environment variable that sets the size of the default pool.
pub const THREADS_ENV: &str = "SALIENCE_NUM_THREADS";

/// Builds a named pool with `threads` threads (0 means one per CPU).
pub(crate) fn build_pool(threads: usize) -> Option<ThreadPool> {
    ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("salience-{i}"))
        .build()
        .ok()
}

/// The default pool, built on first use.
pub(crate) fn default_pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let threads = std::env::var(THREADS_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(0);
        build_pool(threads)
    })
    .as_ref()
}

/// Runs `f` inside `pool` (or on the caller when there is none).
pub(crate) fn run_in<R: Send>(pool: Option<&ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// Maps `f` over `0..n`, in parallel when asked and worth it; order is preserved.
pub(crate) fn map_indices<T: Send>(
    n: usize,
    parallel: bool,
    f: impl Fn(usize) -> T + Send + Sync,
) -> Vec<T> {
    if parallel && n >= MIN_PARALLEL_ITEMS {
        (0..n)
            .into_par_iter()
            .with_min_len(MIN_PARALLEL_ITEMS / 2)
            .map(f)
            .collect()
    } else {
        (0..n).map(f).collect()
    }
}
