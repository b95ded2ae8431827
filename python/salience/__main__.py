"""Command line: ``salience [PATH...] [-n 3] [--json] [--field text] [--workers N]``.

A PATH is a text file (one document), a directory (every ``*.txt`` file under it, or
``--glob``), a JSON Lines file (``.jsonl`` or ``.ndjson``, or any file with ``--jsonl``:
one document per line, its text in ``--field``), or ``-`` for stdin (the default).
Documents are read, summarized and written in bounded chunks, so memory stays constant
however large a JSON Lines file or directory is.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from salience import SalienceError, Summarizer
from salience._progress import ProgressBar, progress_bar

JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: A chunk holds at most this many documents, and this many characters, per thread.
CHUNK_DOCS_PER_THREAD = 256
CHUNK_CHARS_PER_THREAD = 1 << 20


class InputError(Exception):
    """A document that cannot be read: the message names the file (and line)."""


@dataclass
class Document:
    """One document read from the input, with where it came from."""

    source: str
    line: int | None
    id: Any
    text: str
    nbytes: int


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="salience",
        description="Print the most salient sentences of each document, in document order.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  salience article.txt -n 2\n"
            "  salience news/ --json > summaries.jsonl          # every *.txt under news/\n"
            "  salience corpus.jsonl --field body --json --progress --workers 4\n"
            "  cat article.txt | salience -"
        ),
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
        help="write JSON Lines: one object per document with its summary and scores",
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


def _read_jsonl(stream: IO[bytes], source: str, field: str) -> Iterator[Document]:
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(raw)
        except ValueError as e:
            raise InputError(f"{where}: not JSON ({e})") from None
        if not isinstance(record, dict) or field not in record:
            raise InputError(f"{where}: no field {field!r} (choose one with --field)")
        text = record[field]
        if not isinstance(text, str):
            kind = type(text).__name__
            raise InputError(f"{where}: field {field!r} is {kind}, not a string")
        yield Document(source, number, record.get("id"), text, len(raw))


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{source}: not UTF-8 ({e})") from None


def _documents(inputs: Iterable[str], args: argparse.Namespace) -> Iterator[Document]:
    """Every document of every input, read lazily (one line at a time for JSON Lines)."""
    for path in inputs:
        if path == "-":
            stream = sys.stdin.buffer
            if args.jsonl:
                yield from _read_jsonl(stream, "-", args.field)
            else:
                data = stream.read()
                yield Document("-", None, None, _decode(data, "<stdin>"), len(data))
            continue
        try:
            with open(path, "rb") as f:
                if _is_jsonl(path, args.jsonl):
                    yield from _read_jsonl(f, path, args.field)
                else:
                    data = f.read()
                    yield Document(path, None, None, _decode(data, path), len(data))
        except OSError as e:
            raise InputError(f"{path}: {e.strerror or e}") from None


def _chunks(docs: Iterable[Document], max_docs: int, max_chars: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    chars = 0
    for doc in docs:
        chunk.append(doc)
        chars += len(doc.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _where(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"file": doc.source}
    if doc.line is not None:
        out["line"] = doc.line
    if doc.id is not None:
        out["id"] = doc.id
    return out


def _json_row(doc: Document, explained: Mapping[str, Any], with_sentences: bool) -> dict[str, Any]:
    sentences = explained["sentences"]
    selected = explained["selected"]
    row = _where(doc)
    row["language"] = explained["language"]
    row["summary"] = [sentences[i]["text"] for i in selected]
    row["selected"] = selected
    row["scores"] = [sentences[i]["score"] for i in selected]
    row["num_sentences"] = len(sentences)
    if with_sentences:
        row["sentences"] = sentences
    return row


class _Run:
    """Summarizes a stream of documents chunk by chunk and writes each chunk's results."""

    def __init__(self, args: argparse.Namespace, out: IO[str]) -> None:
        self.args = args
        self.out = out
        self.summarizer = Summarizer(language=args.language, threads=args.workers)
        self.threads = args.workers or _default_threads()
        self.pool = ThreadPoolExecutor(self.threads) if args.json else None
        self.written = 0
        #: The length of each summary: n, or one budget.
        self.length: dict[str, Any] = {
            name: getattr(args, name)
            for name in ("n", "ratio", "words", "chars")
            if getattr(args, name) is not None
        }

    def process(self, chunk: list[Document], headers: bool) -> None:
        args = self.args
        if self.pool is not None:
            summarizer, length = self.summarizer, self.length
            results = list(self.pool.map(lambda d: summarizer.explain(d.text, **length), chunk))
            for doc, explained in zip(chunk, results, strict=True):
                row = _json_row(doc, explained, args.sentences)
                self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            summaries = self.summarizer.summarize_batch([d.text for d in chunk], **self.length)
            for doc, sentences in zip(chunk, summaries, strict=True):
                if headers:
                    label = doc.source if doc.line is None else f"{doc.source}:{doc.line}"
                    self.out.write(("\n" if self.written else "") + f"==> {label} <==\n")
                for s in sentences:
                    self.out.write(s + "\n")
                self.written += 1
        self.out.flush()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _default_threads() -> int:
    env = os.environ.get("SALIENCE_NUM_THREADS", "")
    return int(env) if env.isdigit() and int(env) > 0 else (os.cpu_count() or 1)


def _total_bytes(inputs: Sequence[str]) -> int | None:
    if "-" in inputs:
        return None
    try:
        return sum(os.path.getsize(p) for p in inputs)
    except OSError:
        return None


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    paths = args.paths or ["-"]
    inputs = _expand(paths, args.glob)
    headers = (
        len(inputs) > 1
        or any(p != "-" and os.path.isdir(p) for p in paths)
        or any(_is_jsonl(p, args.jsonl) for p in inputs)
    )
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    run = _Run(args, out)
    bar: ProgressBar | None = None
    if show:
        bar = progress_bar(total=_total_bytes(inputs), desc="salience", unit="B")
    docs = 0
    try:
        threads = run.threads
        for chunk in _chunks(
            _documents(inputs, args),
            CHUNK_DOCS_PER_THREAD * threads,
            CHUNK_CHARS_PER_THREAD * threads,
        ):
            run.process(chunk, headers)
            docs += len(chunk)
            if bar is not None:
                bar.set_postfix_str(f"{docs} docs", refresh=False)
                bar.update(sum(d.nbytes for d in chunk))
    finally:
        run.close()
        if bar is not None:
            bar.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Example:
        >>> import contextlib, io, pathlib, tempfile
        >>> from salience.__main__ import main
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pets.txt"
        >>> _ = path.write_text("Cats purr. Dogs bark. Cats and dogs play.", encoding="utf-8")
        >>> with contextlib.redirect_stdout(io.StringIO()) as out:
        ...     status = main([str(path), "-n", "1", "--language", "en", "--no-progress"])
        >>> status
        0
        >>> print(out.getvalue(), end="")
        Cats and dogs play.
    """
    args = _parser().parse_args(argv)
    if args.n is not None and args.n < 0:
        print(
            f"salience: n must be a non-negative number of sentences, got n={args.n}",
            file=sys.stderr,
        )
        return 2
    if args.workers is not None and args.workers < 1:
        print(f"salience: --workers must be at least 1, got {args.workers}", file=sys.stderr)
        return 2
    try:
        return _run(args, sys.stdout)
    except (InputError, SalienceError) as e:
        print(f"salience: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("salience: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
