"""``summarize_batch`` with options and a progress bar, on top of the Rust batch."""

from __future__ import annotations

import time

from salience import _salience
from salience._options import DEFAULT_N, budget_keywords, length, resolve

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, overload

    from salience._salience import Summarizer


#: Aim for this many seconds of work between two updates of a progress bar.
_TARGET_SECONDS = 0.25

#: The first chunk of a batch with a progress bar: this many characters per thread
#: (chunks then adapt to the measured speed, never below a quarter of this).
_FIRST_CHUNK_CHARS_PER_THREAD = 1 << 17

#: The most documents in one chunk.
_MAX_CHUNK_DOCS = 1 << 16


def _threads() -> int:
    return _salience.default_threads()


def _as_sequence(texts: Any) -> Sequence[object]:
    """``texts`` if the Rust batch would take it, else the same ``TypeError``."""
    from collections.abc import Sequence

    if isinstance(texts, (list, tuple)):
        return texts
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Sequence):
        kind = type(texts).__name__
        raise TypeError(f"texts must be a sequence (list or tuple) of str, not {kind}")
    return list(texts)


if TYPE_CHECKING:
    # For type checkers only: at run time the overloads would import typing.
    @overload
    def summarize_batch(
        texts: Sequence[str],
        n: int = ...,
        *,
        ratio: float | None = ...,
        words: int | None = ...,
        chars: int | None = ...,
        progress: bool = ...,
        summarizer: Summarizer | None = ...,
        **options: Any,
    ) -> list[list[str]]: ...
    @overload
    def summarize_batch(  # type: ignore[overload-overlap]
        texts: Sequence[object],
        n: int = ...,
        *,
        ratio: float | None = ...,
        words: int | None = ...,
        chars: int | None = ...,
        progress: bool = ...,
        summarizer: Summarizer | None = ...,
        **options: Any,
    ) -> list[list[str] | None]: ...


def summarize_batch(
    texts: Sequence[object],
    n: int = DEFAULT_N,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    progress: bool = False,
    summarizer: Summarizer | None = None,
    **options: Any,
) -> list[list[str]] | list[list[str] | None]:
    """Summarize many documents in parallel; equal to ``[summarize(t, n) for t in texts]``.

    Missing in, missing out: a missing document (``None``, a float NaN such as
    ``float("nan")`` or ``numpy.nan``, or ``pandas.NA``) gives ``None`` at its place, as
    pandas' ``.str`` methods do, so a DataFrame column with gaps can be summarized as it
    is (pandas is never imported for this).

    Documents are spread over salience's thread pool (``SALIENCE_NUM_THREADS``
    threads, one per CPU by default), with the GIL released. Ctrl-C (or a notebook's
    stop button) interrupts a long batch within a fraction of a second.

    Args:
        texts: A sequence (list or tuple) of documents, each a ``str`` or missing.
        n: How many sentences to return per document (3 unless a budget is given).
        ratio: Instead of ``n``: this share of each document's sentences.
        words: Instead of ``n``: at most this many words per summary.
        chars: Instead of ``n``: at most this many characters per summary.
        progress: Show a progress bar on stderr (tqdm's when tqdm is installed, a
            widget in Jupyter with ipywidgets, else a plain count). The batch then runs in
            chunks sized to update the bar a few times a second; the results are the same.
        summarizer: A ``Summarizer`` to use instead of building one from ``options``.
        **options: Options of ``Summarizer(...)`` (e.g. ``language="ur"``); any other
            keyword is passed on to ``Summarizer.summarize_batch``.

    Returns:
        One list of sentences per document, in input order; ``None`` for a missing one.

    Raises:
        TypeError: ``texts`` is a ``str`` or not a sequence, holds something that is
            neither a ``str`` nor missing (the message names its index), or ``n`` is not
            an ``int``.
        SalienceError: ``n`` is negative, ``n`` and a budget are both given, or an
            option has an invalid value.

    Example:
        >>> import salience
        >>> salience.summarize_batch(["One. Two.", "Three."], n=5)
        [['One.', 'Two.'], ['Three.']]
        >>> salience.summarize_batch(["یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔"], 1, language="ur")
        [['یہ پہلا جملہ ہے۔']]
        >>> salience.summarize_batch(["One. Two.", None, float("nan")], 1)
        [['One.'], None, None]
    """
    per_call = length(n, budget_keywords(ratio, words, chars))
    if not progress and summarizer is None and not options:
        return _salience.summarize_batch(texts, **per_call)
    s, other = resolve(summarizer, options)
    per_call.update(other)
    if not progress:
        return s.summarize_batch(texts, **per_call)
    docs = _as_sequence(texts)
    s.summarize_batch([], **per_call)  # checks n and the options, even for an empty batch
    out: list[list[str] | None] = []
    threads = _threads()
    floor = _FIRST_CHUNK_CHARS_PER_THREAD * threads // 4
    budget = _FIRST_CHUNK_CHARS_PER_THREAD * threads
    from salience._progress import progress_bar

    bar = progress_bar(total=len(docs), desc="salience", unit="docs")
    try:
        start = 0
        while start < len(docs):
            end, chars = _chunk_end(docs, start, budget)
            began = time.perf_counter()
            out.extend(s.summarize_batch(docs[start:end], **per_call))
            elapsed = time.perf_counter() - began
            bar.update(end - start)
            start = end
            # The next chunk takes about _TARGET_SECONDS, growing at most 4x per step.
            wanted = chars * _TARGET_SECONDS / max(elapsed, 1e-6)
            budget = int(min(max(wanted, floor), 4 * budget))
    finally:
        bar.close()
    return out


def _chunk_end(docs: Sequence[object], start: int, budget: int) -> tuple[int, int]:
    """The end of the chunk that starts at ``start``: at least one document, then more
    while they fit in ``budget`` characters; and the chunk's characters."""
    end, chars = start, 0
    limit = min(len(docs), start + _MAX_CHUNK_DOCS)
    while end < limit:
        doc = docs[end]
        size = len(doc) if isinstance(doc, str) else 0
        if end > start and chars + size > budget:
            break
        chars += size
        end += 1
    return end, chars
