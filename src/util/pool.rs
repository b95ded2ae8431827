//! The crate's own rayon thread pools and the helpers that use them.
//!
//! Pools are named (`salience-0`, `salience-1`, …). The default pool is sized by the
//! `SALIENCE_NUM_THREADS` environment variable, read once, or by the number of CPUs;
//! a [`Summarizer`](crate::Summarizer) built with `threads(k)` has a pool of its own.
//! Work is split across sentences or documents only; every sum stays sequential, so
//! results are identical on any number of threads.
//!
//! # Fork safety
//!
//! `fork()` copies only the calling thread: in a child process the workers of every
//! pool built before the fork are gone, and handing work to such a pool would wait
//! forever (Python's `multiprocessing` with the `fork` start method does exactly
//! this). So a [`Pool`] remembers the id of the process that built it, and in any
//! other process it builds a replacement on first use, with the same number of
//! threads. The pool of the parent is never used or dropped in the child (dropping
//! it would signal threads that do not exist): it is forgotten instead. The
//! replacement lives as long as the child (or until the child forks in its turn).
//!
//! Parallel helpers ([`map_indices`], [`map_items`]) run in parallel only on the
//! workers of a pool, never on rayon's global pool, which is not fork-safe either:
//! when no pool can be started, work runs on the calling thread.

use crate::error::Error;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use std::sync::{Mutex, OnceLock, PoisonError};

/// Below this many items, work runs on the calling thread.
const MIN_PARALLEL_ITEMS: usize = 64;

/// The environment variable that sets the size of the default pool.
///
/// One rule, read here for Rust and Python alike: unset, empty or `0` (white space
/// around the value is ignored) means one thread per CPU; a whole number from 1 to
/// 1024 means that many threads. Any other value is an
/// [`ErrorKind::InvalidOption`](crate::ErrorKind::InvalidOption) named after the
/// variable wherever the number of threads is asked for (Python's
/// `salience._salience.default_threads`, behind the command line and progress
/// bars); the default pool itself, which has no caller to tell, then runs one
/// thread per CPU, and `import salience` warns (`RuntimeWarning`) that it does.
pub const THREADS_ENV: &str = "SALIENCE_NUM_THREADS";

/// The most threads a pool may be asked for; more is refused (a builder error, or
/// from [`THREADS_ENV`] the error its rule gives), so that no option can make
/// salience start thousands of threads.
pub(crate) const MAX_THREADS: usize = 1024;

/// Builds a named rayon pool with `threads` threads (0 means one per CPU).
fn build(threads: usize) -> Option<ThreadPool> {
    ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("salience-{i}"))
        .build()
        .ok()
}

/// A named thread pool that survives `fork()`: see the [module docs](self).
pub(crate) struct Pool {
    /// Threads asked for (0: one per CPU); a replacement pool gets as many.
    threads: usize,
    /// The process that built `own`.
    owner: u32,
    /// The pool, usable in the `owner` process only.
    own: Option<ThreadPool>,
    /// The pool of a forked process: its process id and the pool, which is leaked
    /// (it lives as long as the process, like the default pool).
    forked: Mutex<Option<(u32, &'static ThreadPool)>>,
}

impl Pool {
    /// Starts a pool of `threads` threads (0: one per CPU); `None` when the
    /// threads cannot be started or are more than [`MAX_THREADS`].
    pub(crate) fn new(threads: usize) -> Option<Pool> {
        if threads > MAX_THREADS {
            return None;
        }
        Some(Pool {
            threads,
            owner: std::process::id(),
            own: Some(build(threads)?),
            forked: Mutex::new(None),
        })
    }

    /// The rayon pool to run on in this process; `None` only when a forked child
    /// cannot start threads (work then runs on the calling thread).
    pub(crate) fn get(&self) -> Option<&ThreadPool> {
        let pid = std::process::id();
        if pid == self.owner {
            return self.own.as_ref();
        }
        // In a forked child. The lock is never taken in the process that built the
        // pool, so a child forked from it cannot find it held; elsewhere it is held
        // only to copy a pointer (threads start outside it), so a grandchild is as
        // unlikely to inherit it locked as any other lock of its parent.
        if let Some(pool) = self.forked_pool(pid) {
            return Some(pool);
        }
        let fresh = build(self.threads)?;
        let mut slot = self.forked.lock().unwrap_or_else(PoisonError::into_inner);
        match *slot {
            // Another thread of this process was quicker: use its pool, drop ours.
            Some((owner, pool)) if owner == pid => Some(pool),
            _ => {
                let pool: &'static ThreadPool = Box::leak(Box::new(fresh));
                *slot = Some((pid, pool));
                Some(pool)
            }
        }
    }

    /// The pool built by this process after a fork, if any.
    fn forked_pool(&self, pid: u32) -> Option<&'static ThreadPool> {
        let slot = self.forked.lock().unwrap_or_else(PoisonError::into_inner);
        slot.filter(|&(owner, _)| owner == pid)
            .map(|(_, pool)| pool)
    }

    /// The number of worker threads of the pool in this process.
    pub(crate) fn current_num_threads(&self) -> usize {
        self.get().map_or(1, ThreadPool::current_num_threads)
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if std::process::id() != self.owner {
            // The workers were left behind in the parent: terminating them here
            // would signal threads that do not exist in this process.
            std::mem::forget(self.own.take());
        }
    }
}

/// The threads asked for by [`THREADS_ENV`] (0: one per CPU), read once per process,
/// so that the default pool, the import warning and `default_threads` always agree.
pub(crate) fn env_threads() -> Result<usize, Error> {
    static ENV: OnceLock<Result<usize, Error>> = OnceLock::new();
    ENV.get_or_init(|| threads_from(std::env::var(THREADS_ENV).ok().as_deref()))
        .clone()
}

/// A pool size from the value of [`THREADS_ENV`], by the rule documented there.
fn threads_from(value: Option<&str>) -> Result<usize, Error> {
    let Some(given) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(0);
    };
    match given.parse::<usize>() {
        Ok(n) if n <= MAX_THREADS => Ok(n),
        _ => Err(Error::invalid_option(
            THREADS_ENV,
            format!(
                "must be a whole number from 0 (one thread per CPU) to {MAX_THREADS}, got {:?}",
                value.unwrap_or_default()
            ),
        )),
    }
}

/// The number of threads of the default pool, or the error [`THREADS_ENV`] gives.
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub(crate) fn default_threads() -> Result<usize, Error> {
    env_threads()?;
    Ok(default_pool().map_or(1, ThreadPool::current_num_threads))
}

/// The default pool, built on first use (and again in a forked child).
pub(crate) fn default_pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<Pool>> = OnceLock::new();
    POOL.get_or_init(|| Pool::new(env_threads().unwrap_or(0)))
        .as_ref()
        .and_then(Pool::get)
}

/// Runs `f` inside `pool` (or on the caller when there is none).
pub(crate) fn run_in<R: Send>(pool: Option<&ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// Documents shorter than this many bytes are analysed on the calling thread.
///
/// They hold too few sentences to be split between threads, and handing one to a pool
/// thread and back costs two thread wake-ups: about 85 µs per call on this project's
/// machine, more than half the 135 µs a 3.3 KB news article took from Python before.
pub(crate) const INLINE_BYTES: usize = 16 * 1024;

/// Whether the current thread is a worker of a rayon pool, so that parallel
/// iterators run there rather than on rayon's global pool.
fn on_a_pool() -> bool {
    rayon::current_thread_index().is_some()
}

/// Maps `f` over `0..n`, in parallel when asked and worth it; order is preserved.
pub(crate) fn map_indices<T: Send>(
    n: usize,
    parallel: bool,
    f: impl Fn(usize) -> T + Send + Sync,
) -> Vec<T> {
    if parallel && n >= MIN_PARALLEL_ITEMS && on_a_pool() {
        (0..n)
            .into_par_iter()
            .with_min_len(MIN_PARALLEL_ITEMS / 2)
            .map(f)
            .collect()
    } else {
        (0..n).map(f).collect()
    }
}

/// Maps `f` over `items`, one task per item when on a pool; order is preserved.
pub(crate) fn map_items<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Send + Sync,
) -> Vec<R> {
    if items.len() > 1 && on_a_pool() {
        items.par_iter().map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

/// [`map_items`] that starts the largest items (by `size`) first, so that no thread is
/// left with one large item while the others wait at the end of a batch; results
/// are still in input order. Ties keep input order.
pub(crate) fn map_items_largest_first<'a, T: Sync, R: Send>(
    items: &'a [T],
    size: impl Fn(&T) -> usize,
    f: impl Fn(&'a T) -> R + Send + Sync,
) -> Vec<R> {
    if items.len() <= 1 || !on_a_pool() {
        return items.iter().map(f).collect();
    }
    let mut order: Vec<(usize, &'a T)> = items.iter().enumerate().collect();
    order.sort_by_key(|&(_, item)| std::cmp::Reverse(size(item)));
    let mut done: Vec<(usize, R)> = order
        .into_par_iter()
        .with_max_len(1)
        .map(|(i, item)| (i, f(item)))
        .collect();
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// How much of a batch runs between two checks for Ctrl-C: at most so many
/// documents and bytes per worker thread (a longer document is a chunk of its own).
/// Every chunked loop takes its size from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChunkSize {
    /// Documents per worker thread.
    pub(crate) docs_per_thread: usize,
    /// Bytes of text per worker thread.
    pub(crate) bytes_per_thread: usize,
}

#[cfg_attr(not(any(feature = "python", feature = "corpus")), allow(dead_code))]
impl ChunkSize {
    /// Python's batches and `fit`: Ctrl-C is answered after at most 64 documents or
    /// 1 MiB per thread.
    #[cfg(feature = "python")]
    pub(crate) const BATCH: ChunkSize = ChunkSize {
        docs_per_thread: 64,
        bytes_per_thread: 1 << 20,
    };

    /// The corpus loop: each chunk is also one write of output, so chunks of
    /// short records are larger (256 per thread), for fewer writes.
    pub(crate) const CORPUS: ChunkSize = ChunkSize {
        docs_per_thread: 256,
        bytes_per_thread: 1 << 20,
    };

    /// The most documents and bytes of a chunk on `threads` threads.
    pub(crate) fn limits(self, threads: usize) -> (usize, usize) {
        let threads = threads.max(1);
        (
            self.docs_per_thread.saturating_mul(threads),
            self.bytes_per_thread.saturating_mul(threads),
        )
    }
}

/// How many of the leading `texts` form the next chunk of a batch: at most
/// `max_docs` documents and `max_bytes` bytes, and at least one document (which may
/// be longer), so that a caller checking for Ctrl-C between chunks checks often
/// however the batch is made up.
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub(crate) fn chunk_len<S: AsRef<str>>(texts: &[S], max_docs: usize, max_bytes: usize) -> usize {
    let mut bytes = 0usize;
    let mut len = 0;
    for text in texts.iter().take(max_docs) {
        bytes = bytes.saturating_add(text.as_ref().len());
        if len > 0 && bytes > max_bytes {
            break;
        }
        len += 1;
    }
    len.max(1).min(texts.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn helpers_run_on_the_caller_outside_a_pool() {
        // Not on a pool: no task may reach rayon's global pool.
        let names = map_indices(200, true, |_| {
            std::thread::current().name().map(str::to_owned)
        });
        let me = std::thread::current().name().map(str::to_owned);
        assert!(names.iter().all(|n| *n == me));
        let items: Vec<usize> = (0..10).collect();
        assert_eq!(
            map_items(&items, |i| i * 2),
            [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]
        );
    }

    #[test]
    fn helpers_run_on_the_named_pool_inside_it() {
        let pool = Pool::new(2).unwrap();
        assert_eq!(pool.current_num_threads(), 2);
        let names = run_in(pool.get(), || {
            map_indices(500, true, |_| {
                std::thread::current().name().map(str::to_owned)
            })
        });
        assert!(names
            .iter()
            .all(|n| n.as_deref().is_some_and(|n| n.starts_with("salience-"))));
        let items: Vec<usize> = (0..100).collect();
        let doubled = run_in(pool.get(), || map_items(&items, |i| i * 2));
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        // Largest first, yet in input order, with the work on the pool's threads.
        let sizes: Vec<usize> = (0..100).map(|i| (i * 37) % 11).collect();
        let tagged = run_in(pool.get(), || {
            map_items_largest_first(
                &sizes,
                |&s| s,
                |&s| (s * 2, std::thread::current().name().map(str::to_owned)),
            )
        });
        assert_eq!(
            tagged.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
            sizes.iter().map(|s| s * 2).collect::<Vec<_>>()
        );
        assert!(tagged
            .iter()
            .all(|(_, n)| n.as_deref().is_some_and(|n| n.starts_with("salience-"))));
        assert_eq!(map_items_largest_first(&sizes, |&s| s, |&s| s), sizes);
    }

    /// Splits `texts` as a batch is split between two checks for Ctrl-C.
    fn chunks(texts: &[String], max_docs: usize, max_bytes: usize) -> Vec<usize> {
        let mut rest = texts;
        let mut out = Vec::new();
        while !rest.is_empty() {
            let len = chunk_len(rest, max_docs, max_bytes);
            assert!(len >= 1 && len <= max_docs.max(1));
            let bytes: usize = rest[..len].iter().map(String::len).sum();
            assert!(
                len == 1 || bytes <= max_bytes,
                "{len} documents, {bytes} bytes"
            );
            out.push(len);
            rest = &rest[len..];
        }
        out
    }

    #[test]
    fn the_thread_count_variable_is_a_whole_number_up_to_the_maximum() {
        let cases = [
            (None, Some(0)),
            (Some(""), Some(0)),
            (Some("  "), Some(0)),
            (Some(" 3 "), Some(3)),
            (Some("0"), Some(0)),
            (Some("1024"), Some(1024)),
            (Some("abc"), None),
            (Some("-2"), None),
            (Some("2.5"), None),
            (Some("99999999999999999999999"), None),
            (Some("5000"), None),
        ];
        for (value, threads) in cases {
            assert_eq!(threads_from(value).ok(), threads, "{value:?}");
        }
        let err = threads_from(Some("abc")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid SALIENCE_NUM_THREADS: must be a whole number from 0 (one thread per CPU) \
             to 1024, got \"abc\""
        );
    }

    #[test]
    fn batch_chunks_are_bounded_by_documents_and_bytes() {
        let small = vec!["ab".to_owned(); 1000];
        assert_eq!(chunks(&small, 256, 1 << 20), [256, 256, 256, 232]);
        assert_eq!(chunks(&small, 1000, 100), vec![50; 20]);
        // A document longer than the byte budget is a chunk of its own.
        let mixed: Vec<String> = ["a", "bbbbbbbbbb", "c", "d", "eeeeeeeeeeeeeee", "f"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(chunks(&mixed, 10, 5), [1, 1, 2, 1, 1]);
        assert_eq!(chunks(&mixed, 0, 5), [1, 1, 1, 1, 1, 1]);
        assert!(chunks(&[], 10, 10).is_empty());
    }

    #[test]
    fn a_pool_in_another_process_is_rebuilt_not_reused() {
        // What a forked child sees: a pool whose owner is another process.
        let mut pool = Pool::new(3).unwrap();
        let parent = pool.own.as_ref().map(|p| p as *const ThreadPool);
        pool.owner = pool.owner.wrapping_add(1);
        let child = pool.get().map(|p| p as *const ThreadPool);
        assert!(child.is_some());
        assert_ne!(child, parent, "the parent's pool must not be used");
        assert_eq!(
            pool.get().map(|p| p as *const ThreadPool),
            child,
            "built once"
        );
        assert_eq!(pool.current_num_threads(), 3);
        assert_eq!(
            run_in(pool.get(), || map_indices(100, true, |i| i).len()),
            100
        );
        // Dropping it forgets the parent's pool instead of terminating it.
        drop(pool);
    }
}
