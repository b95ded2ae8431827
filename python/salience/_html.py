"""The HTML view of a :class:`~salience.Summary` (what Jupyter shows): the summary, then
the document with the chosen sentences marked and every sentence shaded by its score, then
a table of the scores. Every piece of the document is escaped."""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

from salience._summary import NO_SPACE_BETWEEN_SENTENCES

if TYPE_CHECKING:
    from salience._summary import Sentence, Summary

#: Language codes written right to left (the view sets ``dir="rtl"`` for them; any other
#: text gets ``dir="auto"``, which the browser resolves from the first letter).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "ckb", "dv"})

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


def render(summary: Summary) -> str:
    """The HTML of :meth:`Summary._repr_html_`."""
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
    sep = "" if lang in NO_SPACE_BETWEEN_SENTENCES else " "
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
