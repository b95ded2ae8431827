"""``explain`` and the :class:`Summary` it returns: which sentences were chosen, and why.

Its HTML view (what Jupyter shows) is in ``_html``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from salience._options import DEFAULT_N, budget_keywords, length, resolve, shown
from salience._salience import Summarizer

if TYPE_CHECKING:
    import numpy
    import pandas  # type: ignore[import-untyped]

    from salience._salience import _Explanation

#: Languages whose sentences follow each other without a space.
NO_SPACE_BETWEEN_SENTENCES = frozenset({"zh", "ja"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document and how it scored.

    Attributes:
        index: Position of the sentence in the document (0 is the first).
        text: The sentence exactly as in the document, stripped of surrounding white space.
        start: Offset of its first character in the document (a Python ``str`` index).
        end: Offset just past its last character, so ``document[start:end] == text``.
        score: Its salience score (the weighted sum of its features).
        rank: 0 for the highest score; ties go to the earlier sentence.
        selected: Whether the summary includes it.
        features: The value of each feature, by name (see ``salience.FEATURES``).

    Example:
        >>> import salience
        >>> first = salience.explain("Cats purr. Dogs bark.", 1).sentences[0]
        >>> (first.index, first.text, first.start, first.end, first.selected)
        (0, 'Cats purr.', 0, 10, True)
    """

    index: int
    text: str
    start: int
    end: int
    score: float
    rank: int
    selected: bool
    features: Mapping[str, float]


@dataclass(frozen=True, eq=False)
class Summary:
    """A summary with everything behind it; what :func:`salience.explain` returns.

    In Jupyter it displays as the document with the chosen sentences marked and every
    sentence shaded by its score (hover a sentence to see its features); ``str()`` of it
    is the summary text.

    Attributes:
        text: The document.
        n: The number of sentences asked for (``None``: the default, or another budget
            given in ``options``).
        sentences: Every sentence of the document, in order, as :class:`Sentence`.
        selected: Indices of the chosen sentences, in document order.
        language: The stopword language used (detected unless forced), or ``None``.
        feature_names: Names of the feature columns.
        options: The options the summary was made with: every ``Summarizer``
            constructor argument and any per-call option.

    Example:
        >>> import salience
        >>> summary = salience.explain("Rust is fast. Rust is safe. The sky is blue.", 2)
        >>> summary.summary
        ['Rust is fast.', 'Rust is safe.']
        >>> print(summary)
        Rust is fast. Rust is safe.
        >>> summary
        <Summary: 2 of 3 sentences, selected=[0, 1], language='en': 'Rust is fast. Rust is safe.'>
        >>> [round(s.score, 2) > 0 for s in summary.sentences]
        [True, True, True]
    """

    text: str
    n: int | None
    sentences: tuple[Sentence, ...]
    selected: tuple[int, ...]
    language: str | None
    feature_names: tuple[str, ...]
    options: Mapping[str, Any]
    summarizer: Summarizer = field(repr=False)
    """The summarizer that made the summary (it computes :attr:`features`)."""

    @property
    def summary(self) -> list[str]:
        """The chosen sentences, in document order (what ``salience.summarize`` returns).

        Example:
            >>> import salience
            >>> salience.explain("Cats purr. Dogs bark. Cats and dogs play.", 1).summary
            ['Cats and dogs play.']
        """
        return [self.sentences[i].text for i in self.selected]

    @property
    def chosen(self) -> list[Sentence]:
        """The chosen :class:`Sentence` objects, in document order.

        Example:
            >>> import salience
            >>> text = "Cats purr. Dogs bark. Cats and dogs play."
            >>> [(s.rank, s.text) for s in salience.explain(text, 2, position_weight=0.0).chosen]
            [(1, 'Cats purr.'), (0, 'Cats and dogs play.')]
        """
        return [self.sentences[i] for i in self.selected]

    @cached_property
    def features(self) -> numpy.ndarray[Any, numpy.dtype[numpy.float32]]:
        """The feature matrix: one ``float32`` row per sentence, one column per name in
        :attr:`feature_names`. The array owns the buffer Rust computed (no copy); it is
        computed on first use and kept. Requires numpy.

        Example:
            >>> import salience
            >>> summary = salience.explain("Cats purr. Dogs bark. Cats and dogs play.", 1)
            >>> summary.features.shape == (3, len(summary.feature_names))
            True
            >>> summary.features.dtype
            dtype('float32')
        """
        return self.summarizer.features(self.text)

    def to_pandas(self) -> pandas.DataFrame:
        """Every sentence as a row of a ``pandas.DataFrame`` indexed by sentence index.

        Columns: ``text``, ``start``, ``end``, ``score``, ``rank``, ``selected``, then one
        column per feature.

        Raises:
            ImportError: pandas is not installed.

        Example:
            >>> import salience
            >>> df = salience.explain("Cats purr. Dogs bark. Cats and dogs play.", 1).to_pandas()
            >>> list(df.columns[:6])
            ['text', 'start', 'end', 'score', 'rank', 'selected']
            >>> df[df.selected].text.tolist()
            ['Cats and dogs play.']
        """
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError(
                "Summary.to_pandas() needs pandas: pip install pandas "
                "(or pip install 'salience[notebook]')"
            ) from e
        columns = ["text", "start", "end", "score", "rank", "selected", *self.feature_names]
        rows = [
            [s.text, s.start, s.end, s.score, s.rank, s.selected]
            + [s.features.get(name, float("nan")) for name in self.feature_names]
            for s in self.sentences
        ]
        index = pd.Index([s.index for s in self.sentences], name="index")
        return pd.DataFrame(rows, columns=columns, index=index)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``summary``, ``selected``, ``n``, ``language``, ``options``
        and ``sentences`` (each a dict of the :class:`Sentence` fields).

        Example:
            >>> import json, salience
            >>> d = salience.explain("Cats purr. Dogs bark.", 1).to_dict()
            >>> d["summary"], d["selected"], d["sentences"][1]["rank"]
            (['Cats purr.'], [0], 1)
            >>> _ = json.dumps(d)
        """
        return {
            "summary": self.summary,
            "selected": list(self.selected),
            "n": self.n,
            "language": self.language,
            "options": dict(self.options),
            "sentences": [
                {
                    "index": s.index,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "score": s.score,
                    "rank": s.rank,
                    "selected": s.selected,
                    "features": dict(s.features),
                }
                for s in self.sentences
            ],
        }

    def __str__(self) -> str:
        sep = "" if self.language in NO_SPACE_BETWEEN_SENTENCES else " "
        return sep.join(self.summary)

    def __repr__(self) -> str:
        text = str(self)
        if len(text) > 60:
            text = text[:59] + "…"
        return (
            f"<Summary: {len(self.selected)} of {len(self.sentences)} sentences, "
            f"selected={list(self.selected)}, language={self.language!r}: {text!r}>"
        )

    def _repr_html_(self) -> str:
        from salience._html import render

        return render(self)


def explain(
    text: str,
    n: int | None = DEFAULT_N,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    summarizer: Summarizer | None = None,
    **options: Any,
) -> Summary:
    """Summarize ``text`` and keep everything behind the choice: a :class:`Summary`.

    The summary's sentences are those of ``salience.summarize(text, n)`` made with the
    same options. In Jupyter the result displays as the document with the chosen
    sentences marked (right to left for Urdu, Arabic, Persian, Hebrew, …).

    Args:
        text: The document.
        n: How many sentences to choose (3 unless a budget is given; ``None`` also
            means the default).
        ratio: Instead of ``n``: this share of the sentences.
        words: Instead of ``n``: at most this many words.
        chars: Instead of ``n``: at most this many characters.
        summarizer: A ``Summarizer`` to use instead of building one from ``options``.
        **options: Options of ``Summarizer(...)`` (``language``, ``position_weight``,
            ``stopwords``, ``extra_stopwords``, ``threads``, …); any other keyword is
            passed on to ``Summarizer.explain``.

    Returns:
        A :class:`Summary`.

    Raises:
        TypeError: ``text`` is not a ``str``, ``n`` is not an ``int``, an option is
            unknown, or both ``summarizer`` and constructor options are given.
        SalienceError: ``n`` is negative, ``n`` and a budget are both given, or an
            option has an invalid value.

    Example:
        >>> import salience
        >>> text = "Rust is fast. Rust is safe. The sky is blue. Rust is fast and safe."
        >>> summary = salience.explain(text, 2, language="en", position_weight=0.0)
        >>> s = salience.Summarizer(language="en", position_weight=0.0)
        >>> summary.summary == s.summarize(text, 2)
        True
        >>> [(s.rank, s.text) for s in summary.chosen]
        [(1, 'Rust is fast.'), (0, 'Rust is fast and safe.')]
        >>> summary.options["language"], summary.n
        ('en', 2)
    """
    s, per_call = resolve(summarizer, options)
    per_call.update(budget_keywords(ratio, words, chars))
    return s.explain(text, **length(DEFAULT_N if n is None else n, per_call))


def from_explanation(
    s: Summarizer, text: str, raw: _Explanation, n: int | None, per_call: Mapping[str, Any]
) -> Summary:
    """The :class:`Summary` of ``raw``, what the Rust core found for ``s.explain(text, ...)``,
    and the options it was made with (``n`` as given, ``None`` if left out, and the
    length budget ``per_call``). ``Summarizer.explain`` calls it, so the method and
    :func:`explain` return the same type."""
    chosen = frozenset(raw["selected"])
    sentences = tuple(
        Sentence(
            index=row["index"],
            text=row["text"],
            start=row["start"],
            end=row["end"],
            score=row["score"],
            rank=row["rank"],
            selected=row["index"] in chosen,
            features=row["features"],
        )
        for row in raw["sentences"]
    )
    used = {k: shown(v) for k, v in s.__getnewargs_ex__()[1].items()}
    used.update(per_call)
    return Summary(
        text=text,
        n=n,
        sentences=sentences,
        selected=tuple(raw["selected"]),
        language=raw["language"],
        feature_names=tuple(raw["feature_names"]),
        options=used,
        summarizer=s,
    )
