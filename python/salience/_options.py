"""Keyword options: which build a ``Summarizer`` and which go to each call.

The module functions (``summarize_batch``, ``explain``) take a ``Summarizer``'s options as
keywords; this module is the one place that knows their names.
"""

from __future__ import annotations

from salience._salience import Summarizer

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds)
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

#: The keyword arguments of ``Summarizer(...)``, in its order (a test compares them with
#: its signature, so this list cannot go stale).
SUMMARIZER_OPTIONS = (
    "language",
    "position_weight",
    "stopwords",
    "extra_stopwords",
    "threads",
    "redundancy",
    "idf",
)

#: The ways to ask for a length, at most one per call: sentences, or a budget.
LENGTHS = ("n", "ratio", "words", "chars")


class _DefaultN(int):
    """The default ``n`` (3), told apart from an ``n=3`` the caller gave, so that a length
    budget (``ratio=``, ``words=``, ``chars=``) can replace it, as in the Rust methods."""

    def __repr__(self) -> str:
        return "3"


#: ``n`` when the caller leaves it out.
DEFAULT_N: int = _DefaultN(3)


def budget_keywords(ratio: float | None, words: int | None, chars: int | None) -> dict[str, Any]:
    """The length budget keywords a caller gave (``None`` is not given)."""
    given = {"ratio": ratio, "words": words, "chars": chars}
    return {k: v for k, v in given.items() if v is not None}


def length(n: int, budget: dict[str, Any]) -> dict[str, Any]:
    """The length keywords of one call: ``budget``, and ``n`` only when the caller gave
    it (the Rust methods refuse an ``n`` together with a budget)."""
    return budget if n is DEFAULT_N else {"n": n, **budget}


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
    """The summarizer to use and the options left for each call.

    Options named in :data:`SUMMARIZER_OPTIONS` build a summarizer (unless one is given,
    which is then an error); any other keyword is left for the method, which refuses a
    name it does not know.
    """
    built = {k: v for k, v in options.items() if k in SUMMARIZER_OPTIONS}
    per_call = {k: v for k, v in options.items() if k not in SUMMARIZER_OPTIONS}
    if summarizer is not None:
        if built:
            names = ", ".join(sorted(built))
            raise TypeError(f"pass either summarizer= or Summarizer options ({names}), not both")
        return summarizer, per_call
    return (Summarizer(**built) if built else default_summarizer()), per_call


def shown(value: Any) -> Any:
    """An option as a ``Summary`` keeps it: a weight (kept as float32 by the summarizer)
    as the decimal it came from, a saved model (bytes) as its size."""
    if isinstance(value, float):
        return float(f"{value:.7g}")
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return value
