"""A fork after first use: a child process gets thread pools of its own and never hangs.

``fork()`` copies only the calling thread, so the workers of every rayon pool built
before it are missing in the child; salience notices the new process id and builds
a fresh pool there (see ``src/parallel.rs``). Each child runs under a timeout, so a
regression fails instead of hanging the suite.
"""

from __future__ import annotations

import multiprocessing
import queue

import pytest

import salience

pytestmark = [
    pytest.mark.skipif(
        "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
    ),
    # Python ≥ 3.12 warns that forking a process with threads may deadlock: this file
    # checks that salience's own threads do not.
    pytest.mark.filterwarnings("ignore:.*multi-threaded.*:DeprecationWarning"),
]

TIMEOUT = 60

# Long enough (≥ 64 sentences) that sentences are scored on the pool, not the caller.
LONG = " ".join(f"Sentence {i} is about topic {i % 13} and river {i % 7}." for i in range(300))
DOCS = [LONG[: 150 * (i + 1)] for i in range(40)]
# A summarizer with a pool of its own, built (and used) before any fork.
OWN = salience.Summarizer(threads=2)


def work() -> tuple:
    """Everything that runs on a pool: the default one, an inherited one, a new one."""
    return (
        salience.summarize(LONG, 3),
        salience.summarize_batch(DOCS, 2),
        OWN.summarize(LONG, 3),
        OWN.summarize_batch(DOCS, 2),
        salience.Summarizer(threads=3).summarize_batch(DOCS, 1),
        [row["score"] for row in OWN.score(LONG)],
    )


def _child(results, depth: int) -> None:
    if depth > 1:
        results.put(("child", work()))
        results.put(("grandchild", run_forked(depth - 1)))
    else:
        results.put(("child", work()))


def run_forked(depth: int = 1) -> list:
    """Runs `work` in a forked child (which forks again while `depth` > 1)."""
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    process = ctx.Process(target=_child, args=(results, depth))
    process.start()
    try:
        got = [results.get(timeout=TIMEOUT) for _ in range(1 if depth == 1 else 2)]
    except queue.Empty:
        pytest.fail(f"a forked child did not answer within {TIMEOUT} s: it hangs on a pool")
    finally:
        process.join(TIMEOUT)
        if process.is_alive():
            process.kill()
    assert process.exitcode == 0
    return got


@pytest.fixture(scope="module")
def expected():
    # First use in the parent: every pool is built and its threads are running.
    return work()


def test_a_forked_child_summarizes_like_its_parent(expected):
    assert run_forked() == [("child", expected)]


def test_a_child_of_a_forked_child_too(expected):
    (child, grandchild) = run_forked(depth=2)
    assert child == ("child", expected)
    assert grandchild == ("grandchild", [("child", expected)])


def test_the_parent_still_works_after_forking(expected):
    run_forked()
    assert work() == expected


# Summarizers with pools of their own, built in the parent, dropped in a child.
DROPPED = [salience.Summarizer(threads=2) for _ in range(3)]


def _drop_then_work(results) -> None:
    import gc

    for s in DROPPED:
        s.summarize(LONG, 1)
    DROPPED.clear()
    gc.collect()
    results.put(("child", work()))


def test_dropping_a_parents_summarizer_in_the_child(expected):
    for s in DROPPED:
        s.summarize(LONG, 1)
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    process = ctx.Process(target=_drop_then_work, args=(results,))
    process.start()
    try:
        assert results.get(timeout=TIMEOUT) == ("child", expected)
    except queue.Empty:
        pytest.fail(f"a forked child did not answer within {TIMEOUT} s")
    finally:
        process.join(TIMEOUT)
        if process.is_alive():
            process.kill()
    assert process.exitcode == 0


def test_fork_while_other_threads_are_summarizing(expected):
    # Threads of the parent keep batches running on every pool while it forks: the
    # child finds the pools' workers busy or gone and must use pools of its own.
    import threading

    stop = threading.Event()
    errors = []

    def busy():
        try:
            while not stop.is_set():
                assert salience.summarize_batch(DOCS, 2) == expected[1]
                assert OWN.summarize_batch(DOCS, 2) == expected[3]
        except BaseException as e:  # reported below, not lost in the thread
            errors.append(e)

    threads = [threading.Thread(target=busy) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            assert run_forked() == [("child", expected)]
    finally:
        stop.set()
        for t in threads:
            t.join(TIMEOUT)
    assert not errors


def _own_batch(docs: list[str]) -> list[list[str]]:
    return OWN.summarize_batch(docs)


def test_a_fork_pool_of_workers(expected):
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        summaries = pool.map_async(salience.summarize, DOCS).get(TIMEOUT)
        batches = pool.map_async(_own_batch, [DOCS[:10]] * 4).get(TIMEOUT)
    assert summaries == [salience.summarize(d) for d in DOCS]
    assert batches == [OWN.summarize_batch(DOCS[:10])] * 4
