"""salience: fast, multilingual extractive summarization with a Rust core.

>>> import salience
>>> text = "Rust is fast. Rust is safe. The sky is blue. Rust is fast and safe."
>>> salience.summarize(text, 3)
['Rust is fast.', 'Rust is safe.', 'The sky is blue.']
"""

from __future__ import annotations

from importlib.metadata import version as _version

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
__version__: str = _version("salience")
