"""Command line: ``salience [PATH...] [-n 3] [--json] [-o OUT [--resume]] [--strict]``.

A PATH is a text file (one document), a directory (every ``*.txt`` file under it, or
``--glob``), a JSON Lines file (``.jsonl`` or ``.ndjson``, or any file with ``--jsonl``:
one document per line, its text in ``--field``), or ``-`` for stdin (the default).

Reading, parsing, summarizing and writing JSON run in the Rust core
(``salience._salience._Corpus``), in bounded chunks, so memory stays constant however
large the input is. A bad record fails on its own (``PATH:LINE: reason`` on stderr) and
the run goes on; ``-o`` writes whole records and a progress file beside them, so that a
run killed at any moment continues with ``--resume``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import salience
from salience import SalienceError, Summarizer
from salience._options import LENGTHS
from salience._progress import ProgressBar, progress_bar
from salience._salience import _Corpus

JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: A chunk holds at most this many documents, and this many bytes, per thread.
CHUNK_DOCS_PER_THREAD = salience._salience.CHUNK_DOCS_PER_THREAD
CHUNK_BYTES_PER_THREAD = salience._salience.CHUNK_BYTES_PER_THREAD

#: The progress file of ``-o PATH`` is ``PATH`` with this suffix.
PROGRESS_SUFFIX = ".progress"

#: The exit status of a usage error (as argparse gives).
USAGE = 2

EPILOG = """\
errors:
  A record is a file, a non-blank line of a JSON Lines input, or stdin. A record that
  cannot be read, is not UTF-8, not JSON, not a JSON object, lacks --field or holds
  a non-string there is reported on stderr as PATH:LINE: reason, and the run goes on.
  With --json, its place in the output holds {"file", "line", "id", "error"}, so
  output lines match input records one to one. --strict stops at the first bad
  record instead, after writing every record before it.

exit status:
  0  every record was summarized
  1  some records failed (stderr ends with "salience: 29,998 summarized, 2 failed")
  2  usage error: a bad option, or --resume refused
  130  interrupted (Ctrl-C): what was done is written; -o ... --resume continues

output file (-o PATH):
  Records are written whole, in input order, as chunks complete; PATH.progress
  records how many are done. Killed at any moment (even by SIGKILL), the run
  continues with the same command plus --resume, and PATH ends byte-identical to an
  uninterrupted run. --resume refuses (exit 2) when the options or an input file
  (its size or modification time) changed; stdin cannot be checked: give it the
  same data again.

examples:
  salience article.txt -n 2
  salience news/ --json > summaries.jsonl          # every *.txt under news/
  salience corpus.jsonl --field body --json -o out.jsonl --progress
  salience corpus.jsonl --field body --json -o out.jsonl --resume   # after a kill
  cat article.txt | salience -"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="salience",
        description="Print the most salient sentences of each document, in document order.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG,
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="text file, directory, JSON Lines file, or '-' for stdin (the default)",
    )
    size = p.add_mutually_exclusive_group()
    size.add_argument("-n", type=int, default=None, help="sentences per document (default 3)")
    size.add_argument(
        "--ratio", type=float, default=None, help="instead of -n: a share of the sentences"
    )
    size.add_argument("--words", type=int, default=None, help="instead of -n: at most W words")
    size.add_argument("--chars", type=int, default=None, help="instead of -n: at most C characters")
    p.add_argument(
        "--json",
        action="store_true",
        help="write JSON Lines: one object per record with its summary and scores",
    )
    p.add_argument(
        "--sentences",
        action="store_true",
        help="with --json: also every sentence's offsets, score, rank and features",
    )
    p.add_argument("--language", default=None, help="stopword language, e.g. en or ur")
    p.add_argument(
        "--field",
        default="text",
        help="JSON Lines input: the field that holds the text (default 'text')",
    )
    p.add_argument(
        "--jsonl",
        action="store_true",
        help="read every input (stdin too) as JSON Lines, whatever its name",
    )
    p.add_argument(
        "--glob",
        default="*.txt",
        help="directories: the files to read, searched recursively (default '*.txt')",
    )
    p.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="PATH",
        help="write to PATH (whole records, kill-safe, with PATH.progress) instead of stdout",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -o: continue a run that was stopped or killed, where it stopped",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first bad record (exit 1), after writing every record before it",
    )
    p.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="bytes that are not UTF-8: the record fails (strict, the default), "
        "or they read as U+FFFD (replace)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="threads to summarize with (default: SALIENCE_NUM_THREADS, or one per CPU)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )
    return p


class UsageError(Exception):
    """A problem with the command line or with ``--resume``: exit status 2."""


def _expand(paths: Sequence[str], pattern: str) -> list[str]:
    """Every input, with each directory replaced by the matching files under it."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            root = Path(path)
            found = sorted(
                f
                for f in root.rglob(pattern)
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(root).parts)
            )
            out.extend(str(f) for f in found)
        else:
            out.append(path)
    return out


def _is_jsonl(path: str, forced: bool) -> bool:
    return forced or path.lower().endswith(JSONL_SUFFIXES)


def _default_threads() -> int:
    return salience._salience.default_threads()


def _length(args: argparse.Namespace) -> dict[str, Any]:
    """The length of each summary: n, or one budget."""
    return {name: getattr(args, name) for name in LENGTHS if getattr(args, name) is not None}


def _fingerprint(args: argparse.Namespace, inputs: Sequence[str]) -> dict[str, Any]:
    """What the output depends on: the version, the options and each input file's size
    and modification time (stdin as ``-``), compared by ``--resume``."""
    files: list[Any] = []
    for path in inputs:
        try:
            st = os.stat(path) if path != "-" else None
        except OSError:
            st = None
        files.append([path, st.st_size, st.st_mtime_ns] if st else [path, None, None])
    options = {
        name: getattr(args, name)
        for name in (
            *LENGTHS,
            "json",
            "sentences",
            "language",
            "field",
            "jsonl",
            "encoding_errors",
        )
    }
    return {"version": salience.__version__, "options": options, "inputs": files}


class Output:
    """Where results go: stdout, or ``-o PATH`` with its progress file."""

    def __init__(self, path: str | None, fingerprint: dict[str, Any]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.records = self.bytes = self.summarized = self.failed = 0
        self.fd: int | None = None

    @property
    def progress_path(self) -> str:
        return f"{self.path}{PROGRESS_SUFFIX}"

    def start(self) -> None:
        """A fresh run: an empty output file (or stdout)."""
        if self.path is not None:
            self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            self._save(done=False)

    def resume(self) -> dict[str, Any] | None:
        """Continue the run recorded in the progress file (or start when there is
        neither output nor progress file); returns the recorded state."""
        assert self.path is not None
        try:
            with open(self.progress_path, encoding="utf-8") as f:
                state = json.load(f)
        except FileNotFoundError:
            if os.path.exists(self.path) and os.path.getsize(self.path) > 0:
                raise UsageError(
                    f"{self.path} exists but {self.progress_path} does not, so there is "
                    "nothing to resume from; run without --resume to start over"
                ) from None
            self.start()
            return None
        except (OSError, ValueError) as e:
            raise UsageError(f"{self.progress_path}: cannot be read ({e})") from None
        if not isinstance(state, dict) or state.get("fingerprint") != self.fingerprint:
            raise UsageError(
                f"{self.path} was written {_what_changed(state, self.fingerprint)}: "
                "run without --resume to start over"
            )
        self.records, self.bytes = int(state["records"]), int(state["bytes"])
        self.summarized, self.failed = int(state["summarized"]), int(state["failed"])
        try:
            size = os.path.getsize(self.path)
        except OSError:
            size = -1
        if size < self.bytes:
            raise UsageError(
                f"{self.path} holds {max(size, 0)} bytes but {self.progress_path} says "
                f"{self.bytes} were written: it was changed; run without --resume"
            )
        self.fd = os.open(self.path, os.O_WRONLY)
        # Whatever follows the last whole chunk was torn by the kill: drop it.
        os.ftruncate(self.fd, self.bytes)
        os.lseek(self.fd, self.bytes, os.SEEK_SET)
        return state

    def write(self, data: bytes, records: int, summarized: int, failed: int) -> None:
        """Write whole records, then record that they are done."""
        if self.fd is None:
            stdout = getattr(sys.stdout, "buffer", None)
            if stdout is None:  # replaced by a text stream (e.g. contextlib.redirect_stdout)
                sys.stdout.write(data.decode("utf-8"))
                sys.stdout.flush()
            else:
                stdout.write(data)
                stdout.flush()
        else:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view) :]
        self.records += records
        self.bytes += len(data)
        self.summarized += summarized
        self.failed += failed
        if self.fd is not None:
            self._save(done=False)

    def finish(self, done: bool) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
            self._save(done=done)

    def _save(self, done: bool) -> None:
        state = {
            "fingerprint": self.fingerprint,
            "records": self.records,
            "bytes": self.bytes,
            "summarized": self.summarized,
            "failed": self.failed,
            "done": done,
        }
        tmp = f"{self.progress_path}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(state, f)
        os.replace(tmp, self.progress_path)  # atomic: old or new state, never half


def _what_changed(state: Any, now: dict[str, Any]) -> str:
    then = state.get("fingerprint") if isinstance(state, dict) else None
    if not isinstance(then, dict):
        return "by another program or version"
    if then.get("version") != now["version"]:
        return f"by salience {then.get('version')}, this is {now['version']}"
    old, new = then.get("options") or {}, now["options"]
    for name in new:
        if old.get(name) != new[name]:
            flag = "--" + name.replace("_", "-") if len(name) > 1 else "-" + name
            return f"with {flag} {old.get(name)!r}, now {new[name]!r}"
    if then.get("inputs") != now["inputs"]:
        old_inputs = [i[0] for i in then.get("inputs") or []]
        if old_inputs != [i[0] for i in now["inputs"]]:
            return "from other inputs"
        return "from inputs that have changed since (size or modification time)"
    return "differently"


@contextmanager
def _stop_on_interrupt() -> Iterator[list[bool]]:
    """Ctrl-C sets a flag, checked between chunks, so that the chunk at work is
    written before the run stops (a second Ctrl-C interrupts at once)."""
    flag = [False]

    def handler(signum: int, frame: Any) -> None:
        if flag[0]:
            raise KeyboardInterrupt
        flag[0] = True

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: Ctrl-C is not ours to handle
        yield flag
        return
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(args: argparse.Namespace) -> int:
    paths = args.paths or ["-"]
    inputs = _expand(paths, args.glob)
    headers = (
        len(inputs) > 1
        or any(p != "-" and os.path.isdir(p) for p in paths)
        or any(_is_jsonl(p, args.jsonl) for p in inputs)
    )
    summarizer = Summarizer(language=args.language, threads=args.workers)
    corpus = _Corpus(
        summarizer,
        [(None if p == "-" else p, _is_jsonl(p, args.jsonl)) for p in inputs],
        field=args.field,
        json=args.json,
        sentences=args.sentences,
        headers=headers,
        encoding_errors=args.encoding_errors,
        **_length(args),
    )
    out = Output(args.output, _fingerprint(args, inputs))
    if args.resume:
        state = out.resume()
        if state is not None:
            if state.get("done"):
                return _status(out, stopped=False)
            if corpus.skip(out.records) < out.records:
                raise UsageError(
                    f"the input has fewer records than the {out.records} that "
                    f"{out.progress_path} says are done: it has changed"
                )
            if out.bytes:
                corpus.continue_after_output()
    else:
        out.start()
    threads = args.workers or _default_threads()
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar: ProgressBar | None = None
    if show:
        bar = progress_bar(total=_total_bytes(inputs), desc="salience", unit="B")
    stopped = interrupted = completed = False
    shown = corpus.bytes_read
    try:
        with _stop_on_interrupt() as flag:
            while not flag[0]:
                chunk = corpus.next_chunk(
                    CHUNK_DOCS_PER_THREAD * threads, CHUNK_BYTES_PER_THREAD * threads
                )
                if chunk is None:
                    break
                data, records, errors = chunk
                if args.strict and errors:
                    # Everything before the first bad record, then stop.
                    records, offset, message = errors[0]
                    print(f"salience: {message}", file=sys.stderr)
                    out.write(data[:offset], records, records, 0)
                    stopped = True
                    break
                for _, _, message in errors:
                    print(f"salience: {message}", file=sys.stderr)
                out.write(data, records, records - len(errors), len(errors))
                if bar is not None:
                    bar.set_postfix_str(f"{out.records} docs", refresh=False)
                    bar.update(corpus.bytes_read - shown)
                    shown = corpus.bytes_read
            interrupted = flag[0]
            completed = not (stopped or interrupted)
    finally:
        out.finish(done=completed)
        if bar is not None:
            bar.close()
    if interrupted:
        again = " (add --resume to continue)" if args.output else ""
        print(f"salience: interrupted after {out.records:,} records{again}", file=sys.stderr)
        return 130
    return _status(out, stopped)


def _status(out: Output, stopped: bool) -> int:
    """0 when every record was summarized; else 1, after a count on stderr."""
    failed = out.failed + stopped
    if failed == 0:
        return 0
    how = "stopped at the first bad record (--strict): " if stopped else ""
    print(f"salience: {how}{out.summarized:,} summarized, {failed:,} failed", file=sys.stderr)
    return 1


def _total_bytes(inputs: Sequence[str]) -> int | None:
    if "-" in inputs:
        return None
    try:
        return sum(os.path.getsize(p) for p in inputs)
    except OSError:
        return None


def _check(args: argparse.Namespace) -> None:
    if args.n is not None and args.n < 0:
        raise UsageError(f"n must be a non-negative number of sentences, got n={args.n}")
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    if args.resume and args.output is None:
        raise UsageError("--resume needs -o/--output: the file to continue")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Example:
        >>> import contextlib, io, pathlib, tempfile
        >>> from salience.__main__ import main
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pets.txt"
        >>> _ = path.write_text("Cats purr. Dogs bark. Cats and dogs play.", encoding="utf-8")
        >>> status = main([str(path), "-n", "1", "--language", "en", "-o", f"{path}.out"])
        >>> status
        0
        >>> print(pathlib.Path(f"{path}.out").read_text(encoding="utf-8"), end="")
        Cats and dogs play.
    """
    args = _parser().parse_args(argv)
    try:
        _check(args)
        return _run(args)
    except (UsageError, SalienceError) as e:
        print(f"salience: {e}", file=sys.stderr)
        return USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("salience: interrupted", file=sys.stderr)
        return 130
    except OSError as e:  # the output cannot be written (disk full, no permission, ...)
        where = f"{e.filename}: " if e.filename else ""
        print(f"salience: {where}{e.strerror or e}", file=sys.stderr)
        return USAGE


if __name__ == "__main__":
    sys.exit(main())
