"""Hypothesis: for any text, a list of verbatim sentences or a documented exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import salience

# Text with every code point class, lone surrogates included.
ANY_TEXT = st.text(alphabet=st.characters(codec=None), max_size=300)
SENTENCES = st.lists(
    st.sampled_from(["Tidal power.", "میٹرو کھل گئی۔", "地铁开通了。", "Why?", "\n\n", " ", "x"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT, n=st.integers(min_value=0, max_value=8))
def test_any_text_gives_sentences_or_unicode_error(text, n):
    try:
        summary = salience.summarize(text, n)
    except UnicodeEncodeError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    assert isinstance(summary, list)
    assert len(summary) <= n
    for s in summary:
        assert isinstance(s, str) and s and s in text and s == s.strip()


@settings(max_examples=200, deadline=None)
@given(text=SENTENCES, n=st.integers(min_value=0, max_value=50))
def test_length_is_min_of_n_and_sentence_count(text, n):
    sentences = salience.split_sentences(text)
    summary = salience.summarize(text, n)
    assert len(summary) == min(n, len(sentences))
    it = iter(sentences)
    assert all(any(s == x for x in it) for s in summary), "not an ordered subsequence"


@settings(max_examples=50, deadline=None)
@given(docs=st.lists(SENTENCES, max_size=8), n=st.integers(min_value=0, max_value=4))
def test_batch_equals_loop(docs, n):
    assert salience.summarize_batch(docs, n) == [salience.summarize(d, n) for d in docs]
