"""Every `>>>` example in the package's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest
import os
import re

import pytest

import salience
import salience._salience as native
from salience import __main__ as cli
from salience import _progress

OBJECTS = {
    "salience": salience,
    "summarize": native.summarize,
    "summarize_batch": salience.summarize_batch,
    "_salience.summarize_batch": native.summarize_batch,
    "split_sentences": native.split_sentences,
    "Summarizer": native.Summarizer,
    **{
        f"Summarizer.{m}": getattr(native.Summarizer, m)
        for m in (
            "summarize",
            "summarize_batch",
            "split_sentences",
            "score",
            "explain",
            "features",
            "fit",
            "save_idf",
        )
    },
    "explain": salience.explain,
    "Summary": salience.Summary,
    "Summary.summary": salience.Summary.summary,
    "Summary.chosen": salience.Summary.chosen,
    "Summary.features": salience.Summary.features.func,
    "Summary.to_pandas": salience.Summary.to_pandas,
    "Summary.to_dict": salience.Summary.to_dict,
    "Sentence": salience.Sentence,
    "cli.main": cli.main,
    "progress_bar": _progress.progress_bar,
}


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_docstring_examples(name):
    obj = OBJECTS[name]
    finder = doctest.DocTestFinder(recurse=False)
    tests = finder.find(obj, name, globs={})
    examples = sum(len(t.examples) for t in tests)
    assert examples > 0, f"{name} has no >>> example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {name}"


def test_every_public_name_is_documented():
    for name in salience.__all__:
        assert getattr(salience, name).__doc__, name


def test_python_guide_blocks_run(root):
    """Every ```python block of docs/python.md runs as written, in order, from the root."""
    guide = (root / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", guide, flags=re.S)
    assert len(blocks) >= 4
    cwd = os.getcwd()
    os.chdir(root)
    try:
        namespace: dict = {}
        for block in blocks:
            exec(compile(block, "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
