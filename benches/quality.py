"""Summary quality on real news: ROUGE tables for salience, Lead-k and peer summarizers.

Runs every system over the sets in ``../shared/eval/summarization/`` (beside the
checkout, or under ``$SALIENCE_EVAL_DIR``; see ``benches/eval_data.py``) and prints one
table per set: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100, averaged over documents, scored
as ``../shared/eval/README.md`` prescribes (see ``benches/rouge.py``)::

    pip install '.[eval]'
    python benches/quality.py                       # all sets, all systems
    python benches/quality.py --sets cnndm,usc --limit 50 --systems salience,lead

Every system gets the same sentences (``salience.split_sentences``) and the same number of
sentences ``k``: 3 for CNN/DM and the Urdu Summary Corpus, 1 for XL-Sum Urdu, and the
reference's sentence count for BBC. ``cnndm_lower`` is CNN/DM with every text lower-cased
(the references as they are: ROUGE compares lower-cased tokens), to show that segmentation
and scoring do not depend on capitals. The peers are optional: sumy's LexRank, TextRank, LSA,
Luhn and SumBasic (fed the same sentences, with a ``\\w+`` word tokenizer so that no NLTK
data is downloaded; Snowball stemmer and sumy's stopwords for English, none for Urdu), and
lede (whose public API takes a character budget: it gets the length of the Lead-k summary,
and its output is split into sentences with the same splitter). A peer that is not
installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sumy_adapter
from eval_data import eval_dir
from rouge import METRICS, Scorer

import salience

DEFAULT_DATA = eval_dir() / "summarization"


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: its file, language and how many sentences to extract."""

    key: str
    title: str
    file: str
    lang: str
    k: int | None  # None: the reference's sentence count
    lowercase: bool = False  # the texts lower-cased (a common research format)

    def k_for(self, doc: dict) -> int:
        """Sentences to extract for ``doc``."""
        return self.k if self.k is not None else max(1, len(doc["ref_sents"]))


SETS: dict[str, EvalSet] = {
    s.key: s
    for s in (
        EvalSet("cnndm", "CNN/DM 250", "cnndm_250.jsonl", "en", 3),
        EvalSet("cnndm_lower", "CNN/DM 250, lower-cased", "cnndm_250.jsonl", "en", 3, True),
        EvalSet("bbc", "BBC News 2225", "bbc_news_2225.jsonl", "en", None),
        EvalSet("usc", "Urdu Summary Corpus 50", "urdu_usc_50.jsonl", "ur", 3),
        EvalSet("xlsum", "XL-Sum Urdu 244", "xlsum_urdu_244.jsonl", "ur", 1),
    )
}

SYSTEMS = ("salience", "lead", *sumy_adapter.SUMMARIZERS, "lede")

# A system takes (text, sentences of the text, k, language) and returns its sentences.
System = Callable[[str, list[str], int, str], list[str]]


def load_set(data: Path, spec: EvalSet, half: str = "all", limit: int | None = None) -> list[dict]:
    """The documents of a set; ``half`` is ``all``, ``even`` or ``odd`` (by line index)."""
    docs = []
    with open(data / spec.file, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if half == "even" and i % 2:
                continue
            if half == "odd" and not i % 2:
                continue
            doc = json.loads(line)
            if spec.lowercase:
                doc["text"] = doc["text"].lower()
            docs.append(doc)
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _salience_system(summarizer: salience.Summarizer) -> System:
    def run(text: str, sentences: list[str], k: int, lang: str) -> list[str]:
        return summarizer.summarize(text, k)

    return run


def _lead(text: str, sentences: list[str], k: int, lang: str) -> list[str]:
    return sentences[:k]


def _sumy_system(name: str) -> System:
    make = sumy_adapter.factory(name)
    by_lang: dict[str, sumy_adapter.Pick] = {}

    def run(text: str, sentences: list[str], k: int, lang: str) -> list[str]:
        if lang not in by_lang:
            by_lang[lang] = make(lang)
        return by_lang[lang](sentences, k)

    return run


def _lede_system() -> System:
    import lede

    def run(text: str, sentences: list[str], k: int, lang: str) -> list[str]:
        budget = len(" ".join(sentences[:k]))
        return salience.split_sentences(lede.summarize(text, max_length=budget).summary)

    return run


def make_system(
    name: str, summarizer: salience.Summarizer | None = None
) -> tuple[System | None, str, str | None]:
    """(system, display name, note): the system is None (with a note) when not installed.

    ``summarizer`` replaces salience's default one (for ``--redundancy`` and ``--idf``).
    """
    if name == "salience":
        return _salience_system(summarizer or salience.Summarizer()), "salience", None
    if name == "lead":
        return _lead, "Lead-k", None
    if name in sumy_adapter.SUMMARIZERS:
        label = f"sumy {sumy_adapter.SUMMARIZERS[name][2]}"
        try:
            return _sumy_system(name), label, None
        except ImportError as e:
            return None, label, f"skipped: {e} (pip install '.[eval]')"
    if name == "lede":
        try:
            return _lede_system(), "lede", None
        except ImportError as e:
            return None, "lede", f"skipped: {e} (pip install '.[eval]')"
    raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")


@dataclass
class Row:
    """One system's averaged scores (x 100) on one set."""

    system: str
    scores: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    docs: int = 0
    note: str | None = None


@dataclass
class Table:
    """The results of every system on one set."""

    spec: EvalSet
    docs: int
    scorer: str
    approximate: bool
    rows: list[Row]

    def row(self, system: str) -> Row | None:
        """The row of a system by display name."""
        return next((r for r in self.rows if r.system == system), None)


def evaluate(
    spec: EvalSet,
    docs: Sequence[dict],
    systems: Iterable[str],
    scorer_backend: str = "auto",
    summarizer: salience.Summarizer | None = None,
) -> Table:
    """Runs the systems over the documents and averages their ROUGE F1 (x 100)."""
    scorer = Scorer(spec.lang, scorer_backend)
    sentences = [salience.split_sentences(d["text"]) for d in docs]
    rows = []
    for name in systems:
        system, label, note = make_system(name, summarizer)
        row = Row(label, note=note)
        rows.append(row)
        if system is None:
            continue
        totals = dict.fromkeys(METRICS, 0.0)
        for doc, sents in zip(docs, sentences, strict=True):
            k = spec.k_for(doc)
            start = time.perf_counter()
            summary = system(doc["text"], sents, k, spec.lang)
            row.seconds += time.perf_counter() - start
            result = scorer.score(summary, doc["ref_sents"])
            for m in METRICS:
                totals[m] += result[m]
        row.docs = len(docs)
        row.scores = {m: 100 * totals[m] / max(1, len(docs)) for m in METRICS}
    return Table(spec, len(docs), scorer.name, scorer.approximate, rows)


def format_table(table: Table, timings: bool = True) -> str:
    """A Markdown table of one set's results."""
    k = "reference length" if table.spec.k is None else str(table.spec.k)
    lines = [
        f"### {table.spec.title} (k = {k}; {table.docs} documents; scorer: {table.scorer})",
        "",
    ]
    head = "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |"
    rule = "|---|---:|---:|---:|"
    if timings:
        head += " ms/doc |"
        rule += "---:|"
    lines += [head, rule]
    notes = []
    for row in table.rows:
        if row.note:
            lines.append(f"| {row.system} | — | — | — |" + (" — |" if timings else ""))
            notes.append(f"{row.system}: {row.note}")
            continue
        cells = " | ".join(f"{row.scores[m]:.1f}" for m in METRICS)
        line = f"| {row.system} | {cells} |"
        if timings:
            line += f" {1000 * row.seconds / max(1, row.docs):.2f} |"
        lines.append(line)
    if table.approximate:
        notes.append(
            "English scored without the Porter stemmer (rouge-score not installed): "
            "numbers run a little low."
        )
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="summarization dir")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: %(default)s")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: %(default)s")
    parser.add_argument("--limit", type=int, default=None, help="first N documents per set")
    parser.add_argument(
        "--half",
        choices=("all", "even", "odd"),
        default="all",
        help="only documents at even or odd line indices (tuning / held-out halves)",
    )
    parser.add_argument(
        "--scorer",
        choices=("auto", "rouge-score", "rouge-score-rs", "builtin"),
        default="auto",
        help="ROUGE implementation (auto: the convention's packages, else built-in)",
    )
    parser.add_argument(
        "--redundancy",
        type=float,
        default=None,
        help="salience's redundancy (MMR) setting instead of the default",
    )
    parser.add_argument(
        "--idf",
        choices=("document", "corpus"),
        default="document",
        help="corpus: fit salience's IDF on all documents of each set first",
    )
    parser.add_argument("--no-timings", action="store_true", help="omit the ms/doc column")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        parser.error(f"no evaluation data at {args.data}")
    keys = [s.strip() for s in args.sets.split(",") if s.strip()]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for key in keys:
        if key not in SETS:
            parser.error(f"unknown set {key!r}; choose from {', '.join(SETS)}")
    for name in systems:
        if name not in SYSTEMS:
            parser.error(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")

    print(f"salience {salience.__version__}; {time.strftime('%Y-%m-%d', time.gmtime())}")
    results = []
    for key in keys:
        spec = SETS[key]
        docs = load_set(args.data, spec, args.half, args.limit)
        options = {} if args.redundancy is None else {"redundancy": args.redundancy}
        summarizer = salience.Summarizer(**options)
        if args.idf == "corpus":
            corpus = [d["text"] for d in load_set(args.data, spec)]
            summarizer = summarizer.fit(corpus)
        table = evaluate(spec, docs, systems, args.scorer, summarizer)
        print()
        print(format_table(table, timings=not args.no_timings), flush=True)
        results.append(
            {
                "set": key,
                "docs": table.docs,
                "half": args.half,
                "scorer": table.scorer,
                "rows": [
                    {"system": r.system, **r.scores, "seconds": r.seconds, "note": r.note}
                    for r in table.rows
                ],
            }
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
