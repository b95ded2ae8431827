"""Shared fixtures: the repository root and the evaluation data beside it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _eval_data():
    # The benches' module, loaded by path: the one rule for where the data is, without
    # putting the benches on sys.path for every test.
    spec = importlib.util.spec_from_file_location("eval_data", ROOT / "benches" / "eval_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The evaluation data: ``$SALIENCE_EVAL_DIR``, else ``../shared/eval`` beside the checkout.
EVAL = _eval_data().eval_dir()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip(f"evaluation data not found at {EVAL} (set SALIENCE_EVAL_DIR, or put it there)")
    return EVAL
