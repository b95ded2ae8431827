"""Threads: identical results, and the GIL is released around Rust work."""

from __future__ import annotations

import functools
import io
import re
import sys
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


def _c_events(log: str, name: str) -> list[str]:
    """The ``c_call`` and ``c_return`` events of C functions called ``name`` in a log of
    ``frame<TAB>event<TAB>arg`` lines (the argument of a C event is the function)."""
    # A function or bound method shows as "<built-in function name>" or "<built-in method
    # name of ...>", a method called through its class's descriptor as "<method 'name' of".
    function = re.compile(rf"<(?:built-in (?:function|method) |method '){name}\b")
    events = []
    for line in log.splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and fields[1] in ("c_call", "c_return") and function.match(fields[2]):
            events.append(fields[1])
    return events


def _ran_while_inside(call, name: str) -> bool:
    """Whether this thread ran Python code while another thread, running ``call``, was
    inside a C function called ``name``.

    The other thread records its calls with a profile function written in C (``print``
    into a ``StringIO``), which runs no Python code: a thread that held the GIL through
    ``name`` would give this one no chance between its ``c_call`` and ``c_return``. No
    clock and no count of steps: the answer depends on the order of events, not on speed.
    """
    log = io.StringIO()
    profile = functools.partial(print, sep="\t", file=log)
    done = threading.Event()

    def worker():
        sys.setprofile(profile)
        try:
            call()
        finally:
            sys.setprofile(None)
            done.set()

    t = threading.Thread(target=worker)
    t.start()
    inside = False
    while not inside and not done.is_set():
        events = _c_events(log.getvalue(), name)
        inside = bool(events) and events[-1] == "c_call"
    t.join()
    return inside


def test_gil_is_released_while_summarizing():
    # Long enough that the call is still running when this thread takes the GIL.
    big = "Tidal power flows through the estuary. " * 400_000
    assert _ran_while_inside(lambda: salience.summarize(big, 3), "summarize")
    assert _ran_while_inside(lambda: salience.summarize_batch([big], 3), "summarize_batch")
