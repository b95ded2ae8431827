"""Progress bars for long batches: tqdm's when it is installed, else a plain count."""

from __future__ import annotations

import sys
from typing import Any, Protocol, TextIO


class ProgressBar(Protocol):
    """The part of tqdm's interface that salience uses."""

    def update(self, n: float = 1) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...
    def close(self) -> Any: ...


class _Count:
    """Without tqdm: the count so far, redrawn in place on one line at each update."""

    def __init__(self, total: float | None, desc: str, unit: str, file: TextIO) -> None:
        self.total, self.desc, self.unit, self.file = total, desc, unit, file
        self.n, self.postfix = 0, ""

    def update(self, n: float = 1) -> None:
        self.n += int(n)
        self.set_postfix_str(self.postfix)

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        self.postfix = s
        if refresh:
            done = f"{self.n / self.total:.0%} {self.n}/{self.total:.0f}" if self.total else self.n
            tail = f", {s}" if s else ""
            print(f"\r{self.desc}: {done} {self.unit}{tail}", end="", file=self.file, flush=True)

    def close(self) -> None:
        print(file=self.file, flush=True)


def progress_bar(
    total: float | None,
    desc: str = "salience",
    unit: str = "docs",
    file: TextIO | None = None,
) -> ProgressBar:
    """A tqdm bar when tqdm is installed (``tqdm.auto``: a widget in Jupyter when
    ipywidgets is installed), else a plain count; both draw on ``file`` (default
    ``sys.stderr``).

    Example:
        >>> import io
        >>> from salience._progress import progress_bar
        >>> bar = progress_bar(3, desc="demo", file=io.StringIO())
        >>> bar.update(3)
        >>> bar.close()
    """
    stream = file if file is not None else sys.stderr
    try:
        import warnings

        # tqdm.auto warns in a notebook without ipywidgets before it falls back on its
        # text bar, which is all the user asked for.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm  # type: ignore[import-untyped]
    except ImportError:
        return _Count(total, desc, unit, stream)
    bar: ProgressBar = tqdm(
        total=total,
        desc=desc,
        unit=unit,
        unit_scale=unit == "B",
        file=stream,
        mininterval=0.2,
        dynamic_ncols=True,
    )
    return bar
