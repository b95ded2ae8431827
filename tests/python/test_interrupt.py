"""Ctrl-C during a long batch raises KeyboardInterrupt from inside the batch.

A child process starts a batch of tens of megabytes and is sent SIGINT once the
call has begun. Its SIGINT handler records whether the batch was still running when
Python got to handle the signal (a profiler marks the call's start and end): with
the checks between chunks it is; without them the handler would run only after the
whole batch, and the test fails. No timing is asserted; the timeout only keeps a
regression from hanging the suite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

TIMEOUT = 120

CHILD = textwrap.dedent(
    """
    import signal, sys, threading, time
    import salience

    doc = " ".join(f"Sentence {i} is about topic {i % 13} and river {i % 7}." for i in range(40))
    docs = [doc] * 20_000  # about 40 MB: seconds of work on any machine
    summarizer = SUMMARIZER
    running = False
    called = threading.Event()

    def profile(frame, event, arg):
        # Marks the start and the end of the batch call on the main thread.
        global running
        if getattr(arg, "__name__", None) == "summarize_batch":
            running = event == "c_call"
            called.set()

    def watch():
        # Says "started" once the main thread is inside the call (its top frame is
        # the module again, not the profiler), so the signal cannot land before it.
        called.wait()
        main = threading.main_thread().ident
        while sys._current_frames()[main].f_code is profile.__code__:
            time.sleep(0.001)
        print("started", flush=True)

    def on_sigint(signum, frame):
        # Run by the batch's own check for signals, the handler sees the module's
        # frame; run only after the call returned, it sees the profiler's.
        inside = running and frame.f_code is not profile.__code__
        print("inside the batch" if inside else "after the batch", flush=True)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)
    threading.Thread(target=watch, daemon=True).start()
    sys.setprofile(profile)
    summarizer.summarize_batch(docs, 1)
    sys.setprofile(None)
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize(
    "summarizer", ["salience", "salience.Summarizer(threads=2)", "salience.Summarizer(threads=1)"]
)
def test_ctrl_c_interrupts_a_long_batch(summarizer):
    # At most two threads, so that the batch lasts seconds however many CPUs there are.
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.replace("SUMMARIZER", summarizer)],
        env={**os.environ, "SALIENCE_NUM_THREADS": "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first == "started\n", child.stderr.read() if child.stderr else first
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=TIMEOUT)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert out == "inside the batch\n", (out, err)
    assert "KeyboardInterrupt" in err
    assert child.returncode == -signal.SIGINT
