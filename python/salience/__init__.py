"""salience: fast, multilingual extractive summarization with a Rust core.

>>> import salience
>>> text = "Rust is fast. Rust is safe. The sky is blue. Rust is fast and safe."
>>> salience.summarize(text, 3)
['Rust is fast.', 'Rust is safe.', 'The sky is blue.']
"""

from __future__ import annotations

from salience._batch import summarize_batch
from salience._salience import (
    FEATURES as _FEATURES,
)
from salience._salience import (
    SalienceError,
    Summarizer,
    split_sentences,
    summarize,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds)
if TYPE_CHECKING:
    from salience._summary import Sentence, Summary, explain

#: Names of the feature columns of ``Summarizer.features`` and ``Summarizer.score``.
FEATURES: tuple[str, ...] = tuple(_FEATURES)

__all__ = [
    "FEATURES",
    "SalienceError",
    "Sentence",
    "Summarizer",
    "Summary",
    "explain",
    "split_sentences",
    "summarize",
    "summarize_batch",
]

#: The installed distribution's version, which is the crate's (Cargo.toml holds the one copy).
__version__: str

#: What loads on first use: ``explain``'s module needs dataclasses (which imports inspect),
#: the version needs importlib.metadata; eagerly, they were most of ``import salience``.
_LAZY = ("Sentence", "Summary", "explain", "__version__")


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        value: object = version("salience")
    elif name in _LAZY:
        from salience import _summary

        value = getattr(_summary, name)
    else:
        raise AttributeError(f"module 'salience' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
