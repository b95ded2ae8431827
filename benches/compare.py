"""Side-by-side speed of salience and Python summarizers, in one run on the same documents.

Usage (from the repository root, after ``pip install ".[bench]"``)::

    python benches/compare.py                 # news sets + cost vs length, a few minutes
    python benches/compare.py --quick         # fewer documents and sizes
    python benches/compare.py --large         # cost vs length up to 100 MB (salience only)

Systems, each asked for about three sentences of every document:

- salience: ``Summarizer(threads=1).summarize`` per document (the reference for every
  ratio), ``summarize_batch`` on one thread and on the default pool;
- lede (pure Python, ``lede.summarize(text, 500)``, its default budget in characters);
- sumy LexRank, LSA and Luhn on the sentences of a regular-expression splitter, through
  ``sumy_adapter.py`` (no NLTK data; sumy's Snowball stemmer and stopwords for English);
- a scikit-learn baseline: TF-IDF over the document's sentences plus a lead position
  weight, top three sentences.

Every peer is optional: one that is not installed is skipped with a note. The data comes
from ``../shared/eval`` (or ``$SALIENCE_EVAL_DIR``); see ``benches/README.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sumy_adapter
from eval_data import eval_dir

N = 3
LEDE_CHARS = 500
ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[.!?۔؟])[\"'”’)\]]*\s+")

Summarize = Callable[[str], Sequence[str]]


def load_set(name: str) -> list[str]:
    path = eval_dir() / "summarization" / name
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def books_corpus() -> str:
    folder = eval_dir() / "corpora" / "gutenberg"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no books in {folder}")
    return "\n\n".join(texts)


def tile(corpus: str, size: int) -> str:
    """``corpus`` repeated to at least ``size`` characters, cut at the last line break."""
    reps = size // max(len(corpus), 1) + 1
    text = ("\n\n".join([corpus] * reps))[:size]
    cut = text.rfind("\n")
    return text[:cut] if cut > size * 0.9 else text


def split_sentences(text: str) -> list[str]:
    """Blank lines and ``. ! ? ۔ ؟`` followed by white space end a sentence."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        out.extend(s.strip() for s in SENTENCE_END.split(block) if s.strip())
    return out


# ----------------------------------------------------------------------------- systems


def salience_systems() -> dict[str, Summarize]:
    import salience

    one = salience.Summarizer(threads=1)
    return {"salience": lambda t: one.summarize(t, N)}


def lede_system() -> dict[str, Summarize]:
    import lede

    return {"lede (Python)": lambda t: [lede.summarize(t, LEDE_CHARS).summary]}


def sumy_systems(lang: str) -> dict[str, Summarize]:
    systems: dict[str, Summarize] = {}
    for key in ("lexrank", "lsa", "luhn"):
        pick = sumy_adapter.factory(key)(lang)
        name = sumy_adapter.SUMMARIZERS[key][2]
        systems[f"sumy {name}"] = lambda t, pick=pick: pick(split_sentences(t), N)
    return systems


def sklearn_system() -> dict[str, Summarize]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    def run(text: str) -> list[str]:
        sentences = split_sentences(text)
        if len(sentences) <= N:
            return sentences
        try:
            matrix = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b").fit_transform(sentences)
        except ValueError:  # no words at all
            return sentences[:N]
        salience_ = matrix.sum(axis=1).A1 / (matrix.getnnz(axis=1) + 1) ** 0.5
        best = salience_.max() or 1.0
        scores = [s / best + 1.0 / math.sqrt(i + 1) for i, s in enumerate(salience_)]
        top = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:N]
        return [sentences[i] for i in sorted(top)]

    return {"sklearn TF-IDF+position": run}


def peer_systems(lang: str, notes: list[str]) -> dict[str, Summarize]:
    systems: dict[str, Summarize] = {}
    for label, factory in [
        ("lede", lede_system),
        ("sumy", lambda: sumy_systems(lang)),
        ("scikit-learn", sklearn_system),
    ]:
        try:
            systems.update(factory())
        except ImportError as e:
            note = f"skipped {label}: {e} (pip install '.[bench]')"
            if note not in notes:
                notes.append(note)
    return systems


# ----------------------------------------------------------------------------- timing


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


PEER_BUDGET_SECS = 6.0


def interleaved(
    runs: Sequence[tuple[str, Callable[[], object]]], repeat: int, budget: float
) -> list[tuple[str, float]]:
    """Best wall time of each run over ``repeat`` rounds, one run of each per round, so
    that a change in the machine's load reaches every system alike. A system whose runs
    have taken ``budget`` seconds in all sits out the later rounds (it has at least one)."""
    best = [math.inf] * len(runs)
    spent = [0.0] * len(runs)
    for _ in range(repeat):
        for i, (_, fn) in enumerate(runs):
            if spent[i] >= budget:
                continue
            start = time.perf_counter()
            fn()
            took = time.perf_counter() - start
            spent[i] += took
            best[i] = min(best[i], took)
    return [(label, secs) for (label, _), secs in zip(runs, best, strict=True)]


WARM_UP = "The council met on Monday. It approved the budget. Roads will be repaired soon."


def each(system: Summarize, docs: Sequence[str]) -> Callable[[], int]:
    """A run of ``system`` over ``docs``; the first call (imports, caches) happens here."""
    system(WARM_UP)

    def run() -> int:
        out = sum(len(system(d)) for d in docs)
        if out == 0:
            raise AssertionError("summarized nothing")
        return out

    return run


def news_table(sets: list[str], limit: int | None, repeat: int, notes: list[str]) -> None:
    for name in sets:
        try:
            docs = load_set(name)
        except OSError as e:
            notes.append(f"skipped {name}: {e}")
            continue
        news_rows(name, docs[:limit] if limit else docs, repeat, notes)


def news_rows(name: str, docs: list[str], repeat: int, notes: list[str]) -> None:
    import salience

    lang = "ur" if "urdu" in name else "en"
    size = sum(len(d.encode()) for d in docs)
    print(f"\n### {name}: {len(docs)} documents, {size / 1e6:.2f} MB ({lang})\n")
    one = salience.Summarizer(threads=1)
    pool = salience.Summarizer()
    runs: list[tuple[str, Callable[[], object]]] = [
        ("salience summarize, 1 thread (reference)", each(lambda t: one.summarize(t, N), docs)),
        ("salience summarize_batch, 1 thread", lambda: one.summarize_batch(docs, N)),
        ("salience summarize_batch, default pool", lambda: pool.summarize_batch(docs, N)),
    ]
    runs += [(label, each(system, docs)) for label, system in peer_systems(lang, notes).items()]
    rows = interleaved(runs, repeat, PEER_BUDGET_SECS)
    base = rows[0][1]
    print("| system | docs/s | MB/s | salience is × faster |")
    print("|---|---:|---:|---:|")
    for label, secs in rows:
        print(
            f"| {label} | {len(docs) / secs:,.0f} | {size / secs / 1e6:.2f} | {secs / base:,.1f} |"
        )


def python_overhead(repeat: int) -> None:
    """Per-call cost of the Python boundary on one ~3 KB article: one call per document
    against one batch call (one thread) over the same article repeated."""
    import salience

    try:
        docs = load_set("cnndm_250.jsonl")
    except OSError:
        return
    article = min(docs, key=lambda d: abs(len(d.encode()) - 3300))
    one = salience.Summarizer(threads=1)
    k = 2000
    batch = [article] * k
    runs: list[tuple[str, Callable[[], object]]] = [
        ("per call", lambda: [one.summarize(article, N) for _ in range(k)]),
        ("in a batch", lambda: one.summarize_batch(batch, N)),
    ]
    (_, per_call), (_, in_batch) = interleaved(runs, max(repeat, 5), math.inf)
    per_call, in_batch = per_call / k, in_batch / k
    overhead = max(per_call - in_batch, 0.0)
    print(f"\n### Python overhead per call ({len(article.encode())} byte article)\n")
    print(
        f"per call {per_call * 1e6:.1f} µs, inside one batch {in_batch * 1e6:.1f} µs, "
        f"overhead {overhead * 1e6:.1f} µs = {100 * overhead / per_call:.1f}% of the call"
    )


def fit_exponent(sizes: Sequence[int], secs: Sequence[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in secs]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def scaling(sizes: list[int], peer_sizes: list[int], repeat: int, notes: list[str]) -> None:
    import salience

    corpus = books_corpus()
    one = salience.Summarizer(threads=1)
    print("\n### Cost vs document length (Gutenberg books, tiled; 1 thread)\n")
    print("| system | size | seconds | MB/s |")
    print("|---|---:|---:|---:|")
    exponents: list[tuple[str, float, str]] = []
    systems: list[tuple[str, Summarize, list[int]]] = [
        ("salience", lambda t: one.summarize(t, N), sizes)
    ]
    systems += [(label, s, peer_sizes) for label, s in peer_systems("en", notes).items()]
    for label, system, grid in systems:
        got: list[tuple[int, float]] = []
        for size in grid:
            text = tile(corpus, size)
            nbytes = len(text.encode())
            reps = repeat if nbytes <= (10_000_000 if label == "salience" else 30_000) else 1
            secs = timed(each(system, [text]), reps)
            got.append((nbytes, secs))
            print(f"| {label} | {nbytes / 1e6:.2f} MB | {secs:.3f} | {nbytes / secs / 1e6:.1f} |")
            sys.stdout.flush()
        if len(got) >= 2:
            span = f"{got[0][0] / 1e6:.2f}–{got[-1][0] / 1e6:.2f} MB"
            exponents.append((label, fit_exponent(*zip(*got, strict=True)), span))
    print("\n| system | fitted exponent (time ∝ size^k) | sizes |")
    print("|---|---:|---|")
    for label, k, span in exponents:
        print(f"| {label} | {k:.3f} | {span} |")


def criterion_table(folder: Path) -> None:
    """Markdown table of the last ``cargo bench`` run: median time, MB/s, docs/s."""

    sizes = {"article": "0", "100KB": "1", "1MB": "2", "10MB": "3", "100MB": "4"}

    def order(row: tuple[str, float, int | None, int | None]) -> list[str]:
        return [sizes.get(part, part) for part in row[0].split("/")]

    rows = []
    for bench in folder.glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        secs = estimates["median"]["point_estimate"] / 1e9
        throughput = meta.get("throughput") or {}
        both = throughput.get("ElementsAndBytes") or {}
        nbytes = throughput.get("Bytes") or both.get("bytes")
        docs = both.get("elements")
        rows.append((meta["full_id"], secs, nbytes, docs))
    if not rows:
        raise SystemExit(f"no criterion results under {folder}; run cargo bench first")
    print("| bench | median | MB/s | docs/s |")
    print("|---|---:|---:|---:|")
    for full_id, secs, nbytes, docs in sorted(rows, key=order):
        rate = f"{nbytes / secs / 1e6:,.1f}" if nbytes else ""
        per_doc = f"{docs / secs:,.0f}" if docs else ""
        shown = f"{secs * 1e3:,.2f} ms" if secs < 1 else f"{secs:,.2f} s"
        print(f"| {full_id} | {shown} | {rate} | {per_doc} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets",
        default="cnndm_250.jsonl,xlsum_urdu_244.jsonl",
        help="comma-separated files under summarization/",
    )
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--quick", action="store_true", help="fewer documents and sizes")
    parser.add_argument("--large", action="store_true", help="scale salience up to 100 MB")
    parser.add_argument("--no-scaling", action="store_true", help="skip cost vs length")
    parser.add_argument(
        "--criterion",
        nargs="?",
        const=str(ROOT / "target" / "criterion"),
        metavar="DIR",
        help="only print the last cargo bench results as a table",
    )
    args = parser.parse_args()
    if args.criterion:
        criterion_table(Path(args.criterion))
        return

    import salience

    notes: list[str] = []
    print(
        f"salience {salience.__version__}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    limit = args.limit or (50 if args.quick else None)
    news_table(args.sets.split(","), limit, args.repeat, notes)
    python_overhead(args.repeat)
    if not args.no_scaling:
        mb = 1_000_000
        sizes = [100_000, 300_000, mb, 3 * mb, 10 * mb]
        if not args.quick:
            sizes.append(30 * mb)
        if args.large:
            sizes.append(100 * mb)
        peer_sizes = [10_000, 30_000] if args.quick else [10_000, 30_000, 100_000]
        scaling(sizes, peer_sizes, args.repeat, notes)
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
