"""Where the evaluation data is: ``$SALIENCE_EVAL_DIR`` when set, else ``../shared/eval``
beside the checkout (as the Rust tests and benches find it, ``tests/eval_data``).

The one place the Python benches (``compare.py``, ``corpus.py``, ``quality.py``) and the
Python tests (``tests/python/conftest.py``) look for it.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The variable that points at the evaluation data when it is somewhere else.
ENV = "SALIENCE_EVAL_DIR"
#: The root of the checkout.
ROOT = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    """The evaluation directory, whether or not it exists."""
    return Path(os.environ.get(ENV) or ROOT.parent / "shared" / "eval")
