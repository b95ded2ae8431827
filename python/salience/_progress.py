"""Progress bars for long batches: tqdm when it is installed, else a plain bar on stderr."""

from __future__ import annotations

import sys
import time
from typing import Any, Protocol, TextIO


class ProgressBar(Protocol):
    """The part of tqdm's interface that salience uses."""

    def update(self, n: float = 1) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...
    def close(self) -> Any: ...


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    get_ipython = getattr(shell, "get_ipython", None)
    ip = get_ipython() if get_ipython is not None else None
    return type(ip).__name__ == "ZMQInteractiveShell"


def _tqdm_class() -> Any:
    """tqdm's notebook bar in Jupyter (when ipywidgets is there), else its text bar."""
    try:
        from tqdm.std import tqdm  # type: ignore[import-untyped]
    except ImportError:
        return None
    if _in_notebook():
        try:
            import ipywidgets  # type: ignore[import-not-found]  # noqa: F401
            from tqdm.notebook import tqdm as notebook_tqdm  # type: ignore[import-untyped]
        except ImportError:
            return tqdm
        return notebook_tqdm
    return tqdm


def _size(n: float, unit: str) -> str:
    if unit != "B":
        return f"{int(n)}"
    for prefix in ("", "k", "M", "G", "T"):
        if n < 1000 or prefix == "T":
            return f"{n:.0f} {prefix}B" if not prefix else f"{n:.1f} {prefix}B"
        n /= 1000
    return f"{n:.1f} TB"  # pragma: no cover


class PlainBar:
    """A dependency-free progress bar drawn on one line of a text stream.

    It redraws at most every ``interval`` seconds and once more on :meth:`close`,
    so it costs nothing measurable however often :meth:`update` is called.

    Args:
        total: The amount of work, or ``None`` when unknown (then no percentage).
        desc: A label printed before the bar.
        unit: ``"B"`` to show sizes in bytes (kB, MB, …), or a word such as ``"docs"``.
        file: Where to draw (default ``sys.stderr``).
        interval: Seconds between two redraws.

    Example:
        >>> import io
        >>> from salience._progress import PlainBar
        >>> out = io.StringIO()
        >>> bar = PlainBar(total=4, desc="demo", unit="docs", file=out)
        >>> bar.update(4)
        >>> bar.close()
        >>> out.getvalue().splitlines()[-1].split(" [")[0]
        'demo: 100% |########################| 4/4 docs'
    """

    WIDTH = 24

    def __init__(
        self,
        total: float | None = None,
        desc: str = "salience",
        unit: str = "docs",
        file: TextIO | None = None,
        interval: float = 0.2,
    ) -> None:
        self.total = total
        self.desc = desc
        self.unit = unit
        self.file = file if file is not None else sys.stderr
        self.interval = interval
        self.n: float = 0
        self.postfix = ""
        self._start = time.monotonic()
        self._drawn = -float("inf")
        self._closed = False

    def update(self, n: float = 1) -> None:
        """Add ``n`` to the work done, redrawing if the last redraw is old enough."""
        self.n += n
        now = time.monotonic()
        if now - self._drawn >= self.interval:
            self._draw(now)

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        """Show ``s`` after the counts."""
        self.postfix = s
        if refresh:
            self._draw(time.monotonic())

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self._closed:
            return
        self._closed = True
        self._draw(time.monotonic())
        self.file.write("\n")
        self.file.flush()

    def _draw(self, now: float) -> None:
        self._drawn = now
        done = _size(self.n, self.unit)
        unit = "" if self.unit == "B" else f" {self.unit}"
        if self.total:
            frac = min(max(self.n / self.total, 0.0), 1.0)
            fill = int(frac * self.WIDTH)
            bar = "#" * fill + " " * (self.WIDTH - fill)
            head = f"{self.desc}: {frac:4.0%} |{bar}| {done}/{_size(self.total, self.unit)}{unit}"
        else:
            head = f"{self.desc}: {done}{unit}"
        tail = f", {self.postfix}" if self.postfix else ""
        self.file.write(f"\r{head}{tail} [{now - self._start:.1f}s]")
        self.file.flush()

    def __enter__(self) -> PlainBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_bar(
    total: float | None,
    desc: str = "salience",
    unit: str = "docs",
    file: TextIO | None = None,
) -> ProgressBar:
    """A tqdm bar when tqdm is installed (a widget in Jupyter with ipywidgets), else a
    :class:`PlainBar`; both draw on ``file`` (default ``sys.stderr``).

    Example:
        >>> import io
        >>> from salience._progress import progress_bar
        >>> bar = progress_bar(3, desc="demo", file=io.StringIO())
        >>> bar.update(3)
        >>> bar.close()
    """
    stream = file if file is not None else sys.stderr
    cls = _tqdm_class()
    if cls is None:
        return PlainBar(total=total, desc=desc, unit=unit, file=stream)
    scale = unit == "B"
    bar: ProgressBar = cls(
        total=total,
        desc=desc,
        unit=unit,
        unit_scale=scale,
        file=stream,
        mininterval=0.2,
        dynamic_ncols=True,
    )
    return bar
