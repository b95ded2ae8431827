import os
from collections.abc import Sequence
from typing import TypedDict, final, overload

import numpy

from salience._summary import Summary

__all__ = [
    "CHUNK_BYTES_PER_THREAD",
    "CHUNK_DOCS_PER_THREAD",
    "FEATURES",
    "SalienceError",
    "Summarizer",
    "_Corpus",
    "default_threads",
    "split_sentences",
    "summarize",
    "summarize_batch",
]

FEATURES: list[str]
CHUNK_DOCS_PER_THREAD: int
CHUNK_BYTES_PER_THREAD: int

class _Explanation(TypedDict):
    sentences: list[_SentenceScore]
    selected: list[int]
    language: str | None
    feature_names: list[str]

class SalienceError(ValueError):
    """Raised for invalid arguments or options."""

class _SentenceScore(TypedDict):
    index: int
    text: str
    start: int
    end: int
    score: float
    rank: int
    features: dict[str, float]

# A length is n sentences (3 when left out) or one budget, never both: n given with a
# budget raises SalienceError, so each signature is split in two overloads.
@overload
def summarize(text: str, n: int = 3) -> list[str]: ...
@overload
def summarize(
    text: str,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
) -> list[str]: ...
@overload
def summarize_batch(texts: Sequence[str], n: int = 3) -> list[list[str]]: ...
@overload
def summarize_batch(
    texts: Sequence[str],
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
) -> list[list[str]]: ...
@overload
def summarize_batch(  # type: ignore[overload-overlap]
    texts: Sequence[object], n: int = 3
) -> list[list[str] | None]: ...
@overload
def summarize_batch(  # type: ignore[overload-overlap]
    texts: Sequence[object],
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
) -> list[list[str] | None]: ...
def split_sentences(text: str, language: str | None = None) -> list[str]: ...
def default_threads() -> int: ...

@final
class Summarizer:
    def __new__(
        cls,
        language: str | None = None,
        position_weight: float | None = None,
        stopwords: bool = True,
        extra_stopwords: Sequence[str] | None = None,
        threads: int | None = None,
        redundancy: float | None = None,
        idf: str | os.PathLike[str] | bytes | None = None,
    ) -> Summarizer: ...
    @property
    def language(self) -> str | None: ...
    @property
    def position_weight(self) -> float: ...
    @property
    def redundancy(self) -> float: ...
    @property
    def idf_documents(self) -> int | None: ...
    def fit(self, corpus: Sequence[str]) -> Summarizer: ...
    def save_idf(self, path: str | os.PathLike[str]) -> None: ...
    @overload
    def summarize(self, text: str, n: int = 3) -> list[str]: ...
    @overload
    def summarize(
        self,
        text: str,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
    ) -> list[str]: ...
    @overload
    def summarize_batch(self, texts: Sequence[str], n: int = 3) -> list[list[str]]: ...
    @overload
    def summarize_batch(
        self,
        texts: Sequence[str],
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
    ) -> list[list[str]]: ...
    @overload
    def summarize_batch(  # type: ignore[overload-overlap]
        self, texts: Sequence[object], n: int = 3
    ) -> list[list[str] | None]: ...
    @overload
    def summarize_batch(  # type: ignore[overload-overlap]
        self,
        texts: Sequence[object],
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
    ) -> list[list[str] | None]: ...
    def split_sentences(self, text: str) -> list[str]: ...
    def score(self, text: str) -> list[_SentenceScore]: ...
    @overload
    def explain(self, text: str, n: int = 3) -> Summary: ...
    @overload
    def explain(
        self,
        text: str,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
    ) -> Summary: ...
    def features(self, text: str) -> numpy.ndarray[tuple[int, int], numpy.dtype[numpy.float32]]: ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, object]]: ...

@final
class _Corpus:
    @overload
    def __new__(
        cls,
        summarizer: Summarizer,
        inputs: Sequence[tuple[str | os.PathLike[str] | None, bool]],
        *,
        field: str = "text",
        json: bool = False,
        sentences: bool = False,
        headers: bool = False,
        encoding_errors: str = "strict",
        n: int = 3,
    ) -> _Corpus: ...
    @overload
    def __new__(
        cls,
        summarizer: Summarizer,
        inputs: Sequence[tuple[str | os.PathLike[str] | None, bool]],
        *,
        field: str = "text",
        json: bool = False,
        sentences: bool = False,
        headers: bool = False,
        encoding_errors: str = "strict",
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
    ) -> _Corpus: ...
    @property
    def bytes_read(self) -> int: ...
    def skip(self, records: int) -> int: ...
    def continue_after_output(self) -> None: ...
    def next_chunk(
        self, max_docs: int, max_bytes: int
    ) -> tuple[bytes, int, list[tuple[int, int, str]]] | None: ...
