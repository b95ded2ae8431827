"""Throughput and memory of the command line on a large JSON Lines corpus, beside
``summarize_batch`` on the same texts already in memory.

Usage (from the repository root, after ``pip install .`` or ``maturin develop --release``)::

    python benches/corpus.py                  # 100 MB of CNN/DailyMail, 3 rounds
    python benches/corpus.py --mb 1000 --rounds 1 --no-batch    # 1 GB: memory stays flat

The corpus is ``cnndm_250.jsonl`` from ``../shared/eval`` (or ``$SALIENCE_EVAL_DIR``)
repeated (each copy with ids of its own) up to the size asked, written once under
``/tmp`` and never committed. Each round times, alternately, ``salience FILE --json -o
OUT`` in a child process (start-up included) and ``salience.summarize_batch(texts, 3)``
on the texts read beforehand (reading not timed), and reads the CLI's peak resident
memory from the kernel (``wait4``). The output is checked: one line per record, every
record summarized. Prints MB/s, docs/s, the CLI/batch ratio and the peak RSS; the best
round of each counts (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import eval_dir


def build_corpus(mb: int) -> tuple[Path, int]:
    """The tiled corpus of about ``mb`` MB in /tmp, and its number of records."""
    path = Path(tempfile.gettempdir()) / f"salience-cnndm-{mb}MB.jsonl"
    source = eval_dir() / "summarization" / "cnndm_250.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    lines = [json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) for r in records]
    target = mb * 1_000_000
    count = 0
    if path.exists() and path.stat().st_size >= target:
        with path.open("rb") as f:
            count = sum(1 for _ in f)
        return path, count
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        size, copy = 0, 0
        while size < target:
            for r, line in zip(records, lines, strict=True):
                row = line.replace(json.dumps(r["id"]), json.dumps(f"{r['id']}-{copy}"), 1)
                f.write(row + "\n")
                size += len(row.encode("utf-8")) + 1
                count += 1
            copy += 1
    tmp.replace(path)
    return path, count


#: Runs the command line and prints its seconds and peak RSS. It runs in a small helper
#: process: a child forked straight from this one (which holds every text) would report
#: this process's memory as its own peak.
HELPER = """
import resource, subprocess, sys, time
began = time.perf_counter()
done = subprocess.run(sys.argv[1:], stderr=subprocess.PIPE)
elapsed = time.perf_counter() - began
if done.returncode != 0:
    sys.exit(f"salience failed ({done.returncode}): {done.stderr.decode()}")
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def run_cli(path: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of one CLI run."""
    cli = [sys.executable, "-m", "salience", str(path), "--json", "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", HELPER, *cli], capture_output=True, text=True, check=True
    )
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak)


def check_output(out: Path, records: int) -> None:
    with out.open("rb") as f:
        lines = sum(1 for _ in f)
    if lines != records:
        raise SystemExit(f"{out}: {lines} lines for {records} records")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=int, default=100, help="corpus size in MB (default 100)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument(
        "--no-batch", action="store_true", help="time the CLI only (for corpora too big to hold)"
    )
    args = p.parse_args()

    import salience

    path, records = build_corpus(args.mb)
    size = path.stat().st_size
    texts: list[str] = []
    if not args.no_batch:
        with path.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f]
        salience.summarize_batch(texts[:100], 3)  # start the pool
    out = Path(tempfile.gettempdir()) / f"salience-corpus-out-{os.getpid()}.jsonl"
    cli_times, batch_times, peaks = [], [], []
    try:
        for r in range(args.rounds):
            order = ("cli", "batch") if r % 2 == 0 else ("batch", "cli")
            for what in order:
                if what == "cli":
                    seconds, peak = run_cli(path, out)
                    check_output(out, records)
                    cli_times.append(seconds)
                    peaks.append(peak)
                elif not args.no_batch:
                    began = time.perf_counter()
                    summaries = salience.summarize_batch(texts, 3)
                    batch_times.append(time.perf_counter() - began)
                    assert len(summaries) == records and all(summaries)
    finally:
        out.unlink(missing_ok=True)
        Path(f"{out}.progress").unlink(missing_ok=True)
    mb = size / 1e6
    print(f"corpus: {path} ({mb:,.0f} MB, {records:,} records), {os.cpu_count()} CPUs")
    print(f"{'':28} {'best s':>8} {'MB/s':>8} {'docs/s':>9} {'peak RSS':>10}")
    cli = min(cli_times)
    print(
        f"{'CLI --json -o (Rust loop)':28} {cli:8.2f} {mb / cli:8.1f} {records / cli:9,.0f}"
        f" {max(peaks) / 2**20:8.0f} MB"
    )
    if batch_times:
        batch = min(batch_times)
        speed = f"{batch:8.2f} {mb / batch:8.1f} {records / batch:9,.0f}"
        print(f"{'summarize_batch in memory':28} {speed}")
        print(f"ratio CLI / summarize_batch (docs/s): {batch / cli:.2f}")
    print(
        "rounds (s): cli",
        [round(t, 2) for t in cli_times],
        "batch",
        [round(t, 2) for t in batch_times],
    )


if __name__ == "__main__":
    main()
