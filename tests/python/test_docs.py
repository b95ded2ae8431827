"""Every `>>>` example in the package's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest

import pytest

import salience
import salience._salience as native

OBJECTS = {
    "salience": salience,
    "summarize": native.summarize,
    "summarize_batch": native.summarize_batch,
    "split_sentences": native.split_sentences,
    "Summarizer": native.Summarizer,
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
