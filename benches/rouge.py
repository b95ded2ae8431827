"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, following the project's scoring convention.

The convention (``../shared/eval/README.md``): English is scored with the ``rouge-score``
package and its Porter stemmer; Urdu and every other non-Latin script with a Unicode word
tokenizer (UAX #29 words, NFKC, case folding, no stemming), as ``rouge-score-rs``'s
``UnicodeTokenizer`` does. Candidate and reference are one sentence per line.

When those packages are not installed (they live in the ``eval`` extra), a built-in
scorer stands in. It implements the same ROUGE-N and summary-level LCS (``rougeLsum``)
definitions, with the ``rouge-score`` tokenization (``[a-z0-9]+`` after lowercasing) for
English but *without* stemming, and ``\\w+`` words after NFKC and case folding for other
scripts. Its English numbers are therefore a little lower than the reference ones; its
Urdu numbers agree with ``UnicodeTokenizer`` to within rounding on the project's files.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

METRICS = ("rouge1", "rouge2", "rougeLsum")

Scores = dict[str, float]
"""F1 in [0, 1] by metric name."""

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_UNICODE_WORD = re.compile(r"\w+")


def ascii_tokens(text: str) -> list[str]:
    """``rouge-score``'s default tokenization without stemming: ``[a-z0-9]+`` runs.

    >>> ascii_tokens("The U.S. economy grew 2.5%!")
    ['the', 'u', 's', 'economy', 'grew', '2', '5']
    """
    return _ASCII_WORD.findall(text.lower())


def unicode_tokens(text: str) -> list[str]:
    """Words of any script: NFKC, case folding, NFKC again, then ``\\w+`` runs.

    >>> unicode_tokens("پیر کو 15 افراد، STRASSE")
    ['پیر', 'کو', '15', 'افراد', 'strasse']
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _UNICODE_WORD.findall(folded)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(hits: float, cand_total: int, ref_total: int) -> float:
    if cand_total == 0 or ref_total == 0:
        return 0.0
    precision = hits / cand_total
    recall = hits / ref_total
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def rouge_n(cand: Sequence[str], ref: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two token lists (clipped n-gram counts).

    >>> round(rouge_n(["a", "b", "c"], ["a", "b", "d"], 1), 4)
    0.6667
    >>> rouge_n(["a", "b"], ["a", "b"], 2)
    1.0
    """
    c, r = _ngrams(cand, n), _ngrams(ref, n)
    hits = sum((c & r).values())
    return _f1(hits, sum(c.values()), sum(r.values()))


def _lcs_ref_positions(ref: Sequence[str], cand: Sequence[str]) -> set[int]:
    """Positions in ``ref`` of one longest common subsequence with ``cand``."""
    rows, cols = len(ref), len(cand)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        row, prev = table[i], table[i - 1]
        r = ref[i - 1]
        for j in range(1, cols + 1):
            if r == cand[j - 1]:
                row[j] = prev[j - 1] + 1
            else:
                row[j] = max(prev[j], row[j - 1])
    positions: set[int] = set()
    i, j = rows, cols
    while i > 0 and j > 0:
        if ref[i - 1] == cand[j - 1]:
            positions.add(i - 1)
            i -= 1
            j -= 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return positions


def rouge_lsum(cand_sents: Sequence[Sequence[str]], ref_sents: Sequence[Sequence[str]]) -> float:
    """Summary-level ROUGE-L F1 (``rougeLsum``): for each reference sentence, the union
    of its LCS with every candidate sentence, each token counted at most as often as it
    occurs on both sides.

    >>> rouge_lsum([["a", "b"], ["c", "d"]], [["a", "b", "c", "d"]])
    1.0
    """
    cand_total = sum(len(s) for s in cand_sents)
    ref_total = sum(len(s) for s in ref_sents)
    if cand_total == 0 or ref_total == 0:
        return 0.0
    cand_left = Counter(t for s in cand_sents for t in s)
    ref_left = Counter(t for s in ref_sents for t in s)
    hits = 0
    for ref in ref_sents:
        union: set[int] = set()
        for cand in cand_sents:
            union |= _lcs_ref_positions(ref, cand)
        for pos in sorted(union):
            token = ref[pos]
            if cand_left[token] > 0 and ref_left[token] > 0:
                hits += 1
                cand_left[token] -= 1
                ref_left[token] -= 1
    return _f1(hits, cand_total, ref_total)


def builtin_score(
    candidate: Sequence[str], reference: Sequence[str], tokenize: Callable[[str], list[str]]
) -> Scores:
    """ROUGE-1/2/Lsum F1 of sentence lists with the built-in implementation.

    >>> s = builtin_score(["The cat sat."], ["The cat sat."], ascii_tokens)
    >>> [round(s[m], 3) for m in METRICS]
    [1.0, 1.0, 1.0]
    """
    cand_sents = [tokenize(s) for s in candidate]
    ref_sents = [tokenize(s) for s in reference]
    cand = [t for s in cand_sents for t in s]
    ref = [t for s in ref_sents for t in s]
    return {
        "rouge1": rouge_n(cand, ref, 1),
        "rouge2": rouge_n(cand, ref, 2),
        "rougeLsum": rouge_lsum([s for s in cand_sents if s], [s for s in ref_sents if s]),
    }


class Scorer:
    """Scores candidate sentence lists against reference sentence lists for one language.

    ``backend`` is ``"auto"`` (the convention's packages when installed, else built-in),
    ``"rouge-score"``, ``"rouge-score-rs"`` or ``"builtin"``. :attr:`name` says which one
    is in use, so tables can print it.
    """

    def __init__(self, lang: str, backend: str = "auto") -> None:
        self.lang = lang
        self._package = None
        self.name = "builtin"
        english = lang == "en"
        if backend not in ("auto", "rouge-score", "rouge-score-rs", "builtin"):
            raise ValueError(f"unknown scorer backend {backend!r}")
        if english and backend in ("auto", "rouge-score"):
            try:
                from rouge_score import rouge_scorer
            except ImportError:
                if backend == "rouge-score":
                    raise
            else:
                self._package = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
                self.name = "rouge-score (Porter stemmer)"
        if self._package is None and backend in ("auto", "rouge-score-rs"):
            try:
                from rouge_score_rs import rouge_scorer as rs_scorer
                from rouge_score_rs import tokenizers
            except ImportError:
                if backend == "rouge-score-rs":
                    raise
            else:
                if english:
                    self._package = rs_scorer.RougeScorer(list(METRICS), use_stemmer=True)
                    self.name = "rouge-score-rs (Porter stemmer)"
                else:
                    self._package = rs_scorer.RougeScorer(
                        list(METRICS), tokenizer=tokenizers.UnicodeTokenizer()
                    )
                    self.name = "rouge-score-rs UnicodeTokenizer"
        if self._package is None:
            self._tokenize = ascii_tokens if english else unicode_tokens
            self.name = (
                "builtin ([a-z0-9]+, no stemming)" if english else "builtin (\\w+, NFKC, casefold)"
            )

    @property
    def approximate(self) -> bool:
        """True when English is scored without the reference stemmer."""
        return self._package is None and self.lang == "en"

    def score(self, candidate: Sequence[str], reference: Sequence[str]) -> Scores:
        """F1 (0–1) by metric for one document; both sides are lists of sentences."""
        if self._package is None:
            return builtin_score(candidate, reference, self._tokenize)
        result = self._package.score("\n".join(reference), "\n".join(candidate))
        return {m: float(result[m].fmeasure) for m in METRICS}
