"""``explain`` and the :class:`Summary` it returns: which sentences were chosen, and why."""

from __future__ import annotations

import html
import inspect
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from salience._salience import Summarizer

if TYPE_CHECKING:
    import numpy
    import pandas  # type: ignore[import-untyped]

#: Language codes written right to left (the HTML view sets ``dir="rtl"`` for them;
#: any other text gets ``dir="auto"``, which the browser resolves from the first letter).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "ckb", "dv"})

#: Languages whose sentences follow each other without a space.
_NO_SPACE_BETWEEN_SENTENCES = frozenset({"zh", "ja"})

_FALLBACK_CONSTRUCTOR_OPTIONS = (
    "language",
    "position_weight",
    "stopwords",
    "extra_stopwords",
    "threads",
)


def constructor_options() -> frozenset[str]:
    """The keyword arguments ``Summarizer(...)`` accepts, read from its signature."""
    try:
        return frozenset(inspect.signature(Summarizer).parameters)
    except (TypeError, ValueError):  # pragma: no cover - a signature pyo3 did not expose
        return frozenset(_FALLBACK_CONSTRUCTOR_OPTIONS)


def split_options(options: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split keyword options into ``Summarizer(...)``'s and the rest (passed per call)."""
    ctor = constructor_options()
    built = {k: v for k, v in options.items() if k in ctor}
    per_call = {k: v for k, v in options.items() if k not in ctor}
    return built, per_call


_DEFAULT: Summarizer | None = None


def default_summarizer() -> Summarizer:
    """The shared ``Summarizer()``, equal to what ``salience.summarize`` uses."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Summarizer()
    return _DEFAULT


def resolve(
    summarizer: Summarizer | None, options: Mapping[str, Any]
) -> tuple[Summarizer, dict[str, Any]]:
    """The summarizer to use and the options left for each call."""
    built, per_call = split_options(options)
    if summarizer is not None:
        if built:
            names = ", ".join(sorted(built))
            raise TypeError(f"pass either summarizer= or Summarizer options ({names}), not both")
        return summarizer, per_call
    return (Summarizer(**built) if built else default_summarizer()), per_call


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
        sep = "" if self.language in _NO_SPACE_BETWEEN_SENTENCES else " "
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
        return render_html(self)


def _shown_option(value: Any) -> Any:
    """An option as a ``Summary`` keeps it: a weight (kept as float32 by the summarizer)
    as the decimal it came from, a saved model (bytes) as its size."""
    if isinstance(value, float):
        return float(f"{value:.7g}")
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return value


def explain(
    text: str, n: int | None = None, *, summarizer: Summarizer | None = None, **options: Any
) -> Summary:
    """Summarize ``text`` and keep everything behind the choice: a :class:`Summary`.

    The summary's sentences are those of ``salience.summarize(text, n)`` made with the
    same options. In Jupyter the result displays as the document with the chosen
    sentences marked (right to left for Urdu, Arabic, Persian, Hebrew, …).

    Args:
        text: The document.
        n: How many sentences to choose (3 unless another budget is given, such as
            ``ratio=``, ``words=`` or ``chars=`` where ``Summarizer.explain`` takes them).
        summarizer: A ``Summarizer`` to use instead of building one from ``options``.
        **options: Options of ``Summarizer(...)`` (``language``, ``position_weight``,
            ``stopwords``, ``extra_stopwords``, ``threads``, …); any other keyword is
            passed on to ``Summarizer.explain``.

    Returns:
        A :class:`Summary`.

    Raises:
        TypeError: ``text`` is not a ``str``, ``n`` is not an ``int``, an option is
            unknown, or both ``summarizer`` and constructor options are given.
        SalienceError: ``n`` is negative, or an option has an invalid value.

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
    raw = s.explain(text, **per_call) if n is None else s.explain(text, n, **per_call)
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
    used = {k: _shown_option(v) for k, v in s.__getnewargs_ex__()[1].items()}
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


# --- The HTML view --------------------------------------------------------------------

_MARK_STYLE = "background:#ffd54f;color:#1b1b1b;padding:0 .12em;border-radius:3px"
_MUTED = "color:#6b6b6b;font-size:.85em"


def _shade(weight: float) -> str:
    """A translucent amber background whose strength follows the score's weight in [0, 1]."""
    return f"background:rgba(255,171,0,{0.05 + 0.40 * weight:.3f})"


def _tooltip(s: Sentence) -> str:
    features = " · ".join(f"{k} {v:.3f}" for k, v in s.features.items())
    head = f"sentence {s.index} · rank {s.rank + 1} · score {s.score:.3f}"
    return html.escape(f"{head}\n{features}" if features else head, quote=True)


def _gap(text: str) -> str:
    """White space between two sentences, with long runs of blank lines shortened."""
    return html.escape(re.sub(r"\n\s*\n\s*", "\n\n", text))


#: A document with more sentences than this is shown in part: its first sentences and
#: each chosen sentence with its neighbours (the rest elided), so that the view of a book
#: stays small; the score table then lists the MAX_ROWS best sentences.
MAX_SHOWN = 400
MAX_ROWS = 100
_LEAD_SHOWN = 10


def _shown(summary: Summary) -> frozenset[int]:
    count = len(summary.sentences)
    if count <= MAX_SHOWN:
        return frozenset(range(count))
    near = {i + d for i in summary.selected for d in (-1, 0, 1)}
    return frozenset(near | set(range(_LEAD_SHOWN)))


def render_html(summary: Summary) -> str:
    """The HTML of :meth:`Summary._repr_html_`: every piece of text is escaped."""
    esc = html.escape
    lang = summary.language
    direction = "rtl" if lang in RIGHT_TO_LEFT else "auto"
    lang_attr = f' lang="{esc(lang, quote=True)}"' if lang else ""
    text_attrs = f'dir="{direction}"{lang_attr}'
    scores = [s.score for s in summary.sentences]
    low, high = (min(scores), max(scores)) if scores else (0.0, 0.0)

    def weight(score: float) -> float:
        w = (score - low) / (high - low) if high > low else 1.0
        return w if math.isfinite(w) else 0.0

    shown = _shown(summary)
    doc: list[str] = []
    pos = None
    hidden = 0
    for s in summary.sentences:
        if s.index not in shown:
            hidden += 1
            continue
        if hidden:
            doc.append(f'\n<span style="{_MUTED}">[… {hidden} sentences …]</span>\n')
            hidden = 0
        elif pos is not None:
            doc.append(_gap(summary.text[pos : s.start]))
        body = esc(s.text)
        if s.selected:
            doc.append(f'<mark title="{_tooltip(s)}" style="{_MARK_STYLE}">{body}</mark>')
        else:
            shade = _shade(weight(s.score))
            doc.append(f'<span title="{_tooltip(s)}" style="{shade}">{body}</span>')
        pos = s.end
    if hidden:
        doc.append(f'\n<span style="{_MUTED}">[… {hidden} sentences …]</span>')

    rows = []
    ranked = len(summary.sentences) > MAX_SHOWN
    for s in summary.sentences:
        if ranked and s.rank >= MAX_ROWS:
            continue
        width = 100 * weight(s.score)
        bar = (
            f'<div style="width:8em;background:#eee;height:.7em;border-radius:2px">'
            f'<div style="width:{width:.1f}%;background:#ffab00;height:100%;border-radius:2px">'
            "</div></div>"
        )
        preview = s.text if len(s.text) <= 90 else s.text[:89] + "…"
        feats = " ".join(f"{v:.2f}" for v in s.features.values())
        flag = "✔" if s.selected else ""
        rows.append(
            f"<tr><td>{s.index}</td><td>{s.rank + 1}</td><td>{flag}</td>"
            f'<td style="text-align:right">{s.score:.3f}</td><td>{bar}</td>'
            f'<td style="{_MUTED}">{feats}</td><td {text_attrs}>{esc(preview)}</td></tr>'
        )
    caption = f"the {MAX_ROWS} best of " if ranked else ""
    feature_header = esc(" ".join(summary.feature_names))
    table = (
        '<table style="border-collapse:collapse;font-size:.85em">'
        "<thead><tr><th>#</th><th>rank</th><th>chosen</th><th>score</th><th></th>"
        f"<th>{feature_header}</th><th>sentence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    options = ", ".join(f"{k}={v!r}" for k, v in summary.options.items())
    budget = "" if summary.n is None else f"n={summary.n} · "
    language = esc(lang) if lang else "none detected"
    if lang and summary.options.get("language") is None:
        language += " (detected)"
    sep = "" if lang in _NO_SPACE_BETWEEN_SENTENCES else " "
    chosen = sep.join(f"<span>{esc(t)}</span>" for t in summary.summary)
    return (
        '<div class="salience-summary" style="line-height:1.6;max-width:60em">'
        f'<div dir="ltr" style="{_MUTED}">'
        f"<b>salience</b> · {len(summary.selected)} of {len(summary.sentences)} sentences · "
        f"language {language} · {budget}{esc(options)}</div>"
        f'<div {text_attrs} style="margin:.4em 0 .8em 0;padding:.5em .8em;'
        f'border-inline-start:4px solid #ffab00;font-size:1.05em">{chosen}</div>'
        f'<div {text_attrs} style="white-space:pre-wrap;max-height:32em;overflow-y:auto;'
        f'padding:.2em .4em;border:1px solid #ddd;border-radius:4px">{"".join(doc)}</div>'
        f'<div dir="ltr" style="{_MUTED}"><mark style="{_MARK_STYLE}">chosen</mark> · '
        "shade: score (darker is higher) · hover a sentence for its rank and features</div>"
        f'<details dir="ltr"><summary style="{_MUTED}">scores of {caption or "all "}'
        f"{len(summary.sentences)} sentences</summary>{table}</details>"
        "</div>"
    )
