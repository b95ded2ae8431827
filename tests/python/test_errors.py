"""Bad input gets a clear error, never a crash or a PanicException."""

from __future__ import annotations

import pytest

import salience


def test_salience_error_is_a_value_error():
    assert issubclass(salience.SalienceError, ValueError)


@pytest.mark.parametrize("n", [-1, -(2**70)])
def test_negative_n_names_n(n):
    with pytest.raises(salience.SalienceError, match="n="):
        salience.summarize("One. Two.", n)
    with pytest.raises(salience.SalienceError, match="n="):
        salience.summarize_batch(["One. Two."], n)


@pytest.mark.parametrize("n", [1.5, "3", None, True, False, [1]])
def test_n_must_be_an_int(n):
    with pytest.raises(TypeError, match="n must be an int"):
        salience.summarize("One. Two.", n)


@pytest.mark.parametrize("text", [b"bytes", None, 42, ["a list"], 3.5])
def test_text_must_be_a_str(text):
    with pytest.raises(TypeError):
        salience.summarize(text, 1)
    with pytest.raises(TypeError):
        salience.split_sentences(text)


def test_batch_rejects_a_bare_str_and_non_str_items():
    with pytest.raises(TypeError):
        salience.summarize_batch("not a list", 1)
    with pytest.raises(TypeError):
        salience.summarize_batch(["ok", b"bytes"], 1)


def test_lone_surrogates_raise_a_value_error_subclass():
    with pytest.raises(ValueError, match="surrogates"):
        salience.summarize("Fine text. \ud800 broken.", 1)
    with pytest.raises(ValueError, match="surrogates"):
        salience.summarize_batch(["ok.", "\udfff"], 1)


def test_nul_bytes_are_ordinary_characters():
    text = "First\x00 sentence. Second sentence."
    assert salience.summarize(text, 5) == ["First\x00 sentence.", "Second sentence."]


def test_unknown_language_lists_the_supported_codes():
    with pytest.raises(salience.SalienceError, match=r"supported codes:.*en"):
        salience.Summarizer(language="xx")


@pytest.mark.parametrize("w", [float("nan"), float("inf"), -1.0])
def test_invalid_position_weight(w):
    with pytest.raises(salience.SalienceError, match="position"):
        salience.Summarizer(position_weight=w)


def test_text_of_only_punctuation():
    assert salience.summarize("?!... ;; ---", 2) == salience.split_sentences("?!... ;; ---")[:2]
