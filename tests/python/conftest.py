"""Shared fixtures: the repository root and the evaluation data beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The evaluation data: ``$SALIENCE_EVAL_DIR`` (as the Rust tests and benches read it),
#: else ``../shared/eval`` beside the checkout.
EVAL = Path(os.environ.get("SALIENCE_EVAL_DIR") or ROOT.parent / "shared" / "eval")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip(f"evaluation data not found at {EVAL} (../shared/eval is absent)")
    return EVAL
