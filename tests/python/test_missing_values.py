"""Missing in, missing out: ``summarize_batch`` gives ``None`` for ``None``, NaN and
``pandas.NA``, and a ``TypeError`` naming the index for anything else that is not a str."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import salience

DOCS = [
    "The river flooded the valley. Farmers lost their crops. The river is calm today.",
    "prices rose again in march bread and milk cost more wages did not keep up",
    "یہ پہلا جملہ ہے۔ دریا میں پانی بڑھ گیا۔ کسانوں کی فصلیں تباہ ہو گئیں۔",
]


def batches():
    """Every way to summarize a batch: the function, the method, a progress bar."""
    s = salience.Summarizer()
    return [
        ("module", lambda texts, n: salience.summarize_batch(texts, n)),
        ("native", lambda texts, n: salience._salience.summarize_batch(texts, n)),
        ("method", lambda texts, n: s.summarize_batch(texts, n)),
        ("options", lambda texts, n: salience.summarize_batch(texts, n, language="en")),
        ("progress", lambda texts, n: salience.summarize_batch(texts, n, progress=True)),
    ]


@pytest.mark.parametrize("name, batch", batches(), ids=[n for n, _ in batches()])
def test_none_and_nan_give_none_in_place(name, batch):
    texts = [None, DOCS[0], float("nan"), DOCS[1], None, DOCS[2], math.nan]
    got = batch(texts, 2)
    assert len(got) == len(texts)
    expected = batch([DOCS[0], DOCS[1], DOCS[2]], 2)
    assert [got[1], got[3], got[5]] == expected
    assert got[0] is None and got[2] is None and got[4] is None and got[6] is None
    assert batch([None, None], 2) == [None, None]


def test_pandas_na_and_numpy_nan_are_missing():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    column = pd.Series([DOCS[0], None, np.nan, pd.NA, DOCS[2]], dtype=object)
    got = salience.summarize_batch(column.tolist(), 1)
    assert got[1:4] == [None, None, None]
    assert got[0] == salience.summarize(DOCS[0], 1) and got[4] == salience.summarize(DOCS[2], 1)
    # A "string" column holds pd.NA for its gaps, a float-read column NaN.
    strings = pd.Series([DOCS[1], None], dtype="string")
    assert salience.summarize_batch(strings.tolist(), 1) == [salience.summarize(DOCS[1], 1), None]
    assert salience.summarize_batch([np.float64("nan")], 1) == [None]


def test_pandas_is_not_imported_to_detect_its_na():
    code = (
        "import sys, salience\n"
        "got = salience.summarize_batch([None, float('nan'), 'A b. C d.'], 1)\n"
        "assert got[:2] == [None, None]\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


class NotNA:
    """Looks like pandas.NA by name only: not missing."""


NotNA.__name__ = "NAType"


@pytest.mark.parametrize(
    "bad, kind",
    [(42, "int"), (b"bytes", "bytes"), (1.5, "float"), (["a"], "list"), (NotNA(), "NAType")],
)
@pytest.mark.parametrize("name, batch", batches(), ids=[n for n, _ in batches()])
def test_other_non_str_items_raise_type_error_naming_the_index(name, batch, bad, kind):
    with pytest.raises(TypeError, match=rf"texts\[2\] must be a str .*, not {kind}$"):
        batch([DOCS[0], None, bad], 1)


def test_a_bare_str_is_still_refused():
    with pytest.raises(TypeError, match="sequence"):
        salience.summarize_batch("not a list", 1)
    with pytest.raises(TypeError, match="sequence"):
        salience.Summarizer().summarize_batch(b"bytes", 1)


missing = st.sampled_from([None, float("nan")])
texts = st.lists(st.one_of(missing, st.text(max_size=200), st.sampled_from(DOCS)), max_size=20)


@settings(max_examples=60, deadline=None)
@given(texts, st.integers(0, 4))
def test_missing_positions_are_none_and_the_rest_equal_summarize(batch, n):
    got = salience.summarize_batch(batch, n)
    assert len(got) == len(batch)
    for text, out in zip(batch, got, strict=True):
        if isinstance(text, str):
            assert out == salience.summarize(text, n)
        else:
            assert out is None
