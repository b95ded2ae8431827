"""Command line: ``salience FILE... [-n 3] [--json]`` (``-`` or no file reads stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from salience import SalienceError, Summarizer


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="salience",
        description="Print the most salient sentences of each document, in document order.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files (UTF-8); '-' is stdin")
    p.add_argument("-n", type=int, default=3, help="sentences per document (default 3)")
    p.add_argument("--json", action="store_true", help="one JSON object per document")
    p.add_argument("--language", default=None, help="stopword language, e.g. en or ur")
    return p


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    paths = args.files or ["-"]
    try:
        summarizer = Summarizer(language=args.language)
        texts = [_read(p) for p in paths]
        summaries = summarizer.summarize_batch(texts, args.n)
    except (OSError, UnicodeDecodeError, SalienceError) as e:
        print(f"salience: {e}", file=sys.stderr)
        return 2
    for i, (path, sentences) in enumerate(zip(paths, summaries)):
        if args.json:
            print(json.dumps({"file": path, "summary": sentences}, ensure_ascii=False))
            continue
        if len(paths) > 1:
            print(("\n" if i else "") + f"==> {path} <==")
        for s in sentences:
            print(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
