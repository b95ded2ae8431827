"""salience: fast, multilingual extractive summarization with a Rust core.

>>> import salience
>>> text = "Rust is fast. Rust is safe. The sky is blue. Rust is fast and safe."
>>> salience.summarize(text, 2)
['Rust is fast.', 'Rust is safe.']
"""

from salience._salience import (
    SalienceError,
    Summarizer,
    split_sentences,
    summarize,
    summarize_batch,
)

__all__ = [
    "SalienceError",
    "Summarizer",
    "split_sentences",
    "summarize",
    "summarize_batch",
]

__version__ = "0.1.0"
