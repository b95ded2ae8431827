"""Threads: identical results, and the GIL is released around Rust work."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import salience

DOCS = [
    f"Document {i} talks about topic {i % 7}. It has a second sentence on topic {i % 3}. "
    f"A third one mentions rivers and mountains {i}. The end of document {i}."
    for i in range(200)
]


def test_threads_give_identical_results():
    expected = [salience.summarize(d, 2) for d in DOCS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda d: salience.summarize(d, 2), DOCS))
    assert got == expected
    with ThreadPoolExecutor(max_workers=4) as pool:
        batches = list(pool.map(lambda _: salience.summarize_batch(DOCS, 2), range(4)))
    assert all(b == expected for b in batches)


def _python_steps_during(call) -> int:
    """How many times this thread ran Python code while `call` ran in another thread."""
    started = threading.Event()
    done = threading.Event()

    def worker():
        started.set()
        call()
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    started.wait()
    steps = 0
    while not done.is_set():
        steps += 1
    t.join()
    return steps


def test_gil_is_released_while_summarizing():
    # With the GIL held for the whole Rust call, this thread could run only in the
    # few switch intervals before the call starts; released, it runs throughout.
    big = "Tidal power flows through the estuary. " * 400_000
    steps = _python_steps_during(lambda: salience.summarize(big, 3))
    assert steps > 10_000, steps
    steps = _python_steps_during(lambda: salience.summarize_batch([big], 3))
    assert steps > 10_000, steps
