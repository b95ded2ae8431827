"""The Python API: summarize, summarize_batch, split_sentences and Summarizer."""

from __future__ import annotations

import inspect
import json

import pytest

import salience

NEWS = (
    "The city opened a tidal power plant on Monday. "
    "The tidal plant will power ninety thousand homes with tidal energy. "
    "Officials said the weather was pleasant. "
    "Engineers built the tidal plant over six years. "
    "A local bakery sold out of bread."
)


def test_summary_sentences_are_verbatim_and_in_document_order():
    sentences = salience.split_sentences(NEWS)
    summary = salience.summarize(NEWS, 3)
    assert len(summary) == 3
    positions = [sentences.index(s) for s in summary]
    assert positions == sorted(positions)
    assert all(s in NEWS and s == s.strip() for s in summary)


def test_topical_sentences_beat_filler():
    assert all("tidal" in s for s in salience.summarize(NEWS, 2))


def test_default_n_is_three():
    assert inspect.signature(salience.summarize).parameters["n"].default == 3
    assert salience.summarize(NEWS) == salience.summarize(NEWS, 3)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_empty_list(text):
    assert salience.summarize(text, 3) == []
    assert salience.split_sentences(text) == []


def test_n_zero_gives_empty_list():
    assert salience.summarize(NEWS, 0) == []


def test_n_larger_than_the_text_gives_every_sentence():
    assert salience.summarize(NEWS, 50) == salience.split_sentences(NEWS)
    assert salience.summarize(NEWS, 2**80) == salience.split_sentences(NEWS)


def test_a_subtitle_file_is_summarized_by_what_is_said():
    said = [
        "welcome back everyone to the show",
        "today we are talking about tidal power and how it works",
        "the tides move huge amounts of water twice a day",
    ]
    srt = "".join(
        f"{i + 1}\n00:00:{2 * i:02},000 --> 00:00:{2 * i + 1:02},500\n{line}\n\n"
        for i, line in enumerate(said)
    )
    for n in (1, 2, 3):
        assert set(salience.summarize(srt, n)) <= set(said)
    explained = salience.explain(srt, 1)
    cue_lines = [s for s in explained.sentences if s.text not in said]
    assert cue_lines and all(s.score == 0 and not s.selected for s in cue_lines)


def test_batch_equals_a_loop():
    docs = [NEWS, "", "One. Two. Three.", "یہ ایک جملہ ہے۔ دوسرا جملہ۔", NEWS.upper()]
    assert salience.summarize_batch(docs, 2) == [salience.summarize(d, 2) for d in docs]
    assert salience.summarize_batch([], 2) == []


def test_batch_accepts_tuples():
    assert salience.summarize_batch((NEWS,), n=1) == [salience.summarize(NEWS, 1)]


def test_split_sentences_urdu_and_cjk():
    assert salience.split_sentences("میٹرو کھل گئی۔ کیا کرایہ کم ہوگا؟") == [
        "میٹرو کھل گئی۔",
        "کیا کرایہ کم ہوگا؟",
    ]
    assert salience.split_sentences("地铁开通了。票价便宜吗？") == ["地铁开通了。", "票价便宜吗？"]


def test_split_sentences_takes_a_language():
    # A Danish ordinal date ("3. oktober") is no boundary, whether the language is
    # given, detected, or the summarizer's.
    text = "Mødet er den 3. oktober i år. Han kommer ikke."
    expected = ["Mødet er den 3. oktober i år.", "Han kommer ikke."]
    assert salience.split_sentences(text, language="da") == expected
    assert salience.split_sentences(text) == expected
    assert salience.Summarizer(language="da").split_sentences(text) == expected
    assert salience.split_sentences("Նա եկավ։ Մենք գնացինք։", language="hy") == [
        "Նա եկավ։",
        "Մենք գնացինք։",
    ]


def test_split_sentences_rejects_an_unknown_language():
    with pytest.raises(salience.SalienceError, match="xx"):
        salience.split_sentences("One. Two.", language="xx")


def test_summarizer_options_and_repr():
    s = salience.Summarizer(language="en", position_weight=0.5, extra_stopwords=["tidal"])
    assert s.language == "en"
    assert s.position_weight == 0.5
    assert "language='en'" in repr(s) and "tidal" in repr(s)
    assert salience.Summarizer().language is None


def test_summarizer_is_immutable():
    s = salience.Summarizer()
    with pytest.raises(AttributeError):
        s.language = "ur"  # type: ignore[misc]


def test_position_weight_changes_the_choice():
    text = (
        "Weather was fine. Markets rose. The tidal plant opened. Tidal plant power flows. "
        "The tidal plant cost billions. Tidal energy from the plant is steady."
    )
    assert salience.Summarizer(position_weight=50.0).summarize(text, 1) == ["Weather was fine."]
    assert salience.Summarizer(position_weight=0.0).summarize(text, 1) != ["Weather was fine."]


def test_stopwords_off_changes_scores():
    text = "The the the of of. Tidal plant opened. Plant power flows."
    on = salience.Summarizer(position_weight=0.0).score(text)
    off = salience.Summarizer(position_weight=0.0, stopwords=False).score(text)
    assert on[0]["features"]["tfidf"] == 0.0
    assert off[0]["features"]["tfidf"] > 0.0


def test_summarizer_methods_match_module_functions(root):
    s = salience.Summarizer()
    assert s.summarize(NEWS, 2) == salience.summarize(NEWS, 2)
    for name in ("english.txt", "urdu.txt"):
        text = (root / "examples" / name).read_text(encoding="utf-8")
        for n in (1, 2, 3):
            assert s.summarize(text, n) == salience.summarize(text, n)
    assert s.summarize_batch([NEWS], 2) == salience.summarize_batch([NEWS], 2)
    assert s.split_sentences(NEWS) == salience.split_sentences(NEWS)


def test_score_reports_every_sentence_with_python_offsets():
    text = "Ünïcödé first sentence here. 地铁开通了。 Third sentence about tidal power."
    rows = salience.Summarizer().score(text)
    assert [r["index"] for r in rows] == [0, 1, 2]
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert set(r["features"]) == {"tfidf", "centroid", "position", "length"}
    assert sorted(r["rank"] for r in rows) == [0, 1, 2]
    best = min(rows, key=lambda r: r["rank"])
    assert best["score"] == max(r["score"] for r in rows)
    json.dumps(rows)


def test_urdu_sample_gives_three_whole_sentences(eval_dir):
    text = (eval_dir / "samples" / "urdu_news_sco_summit.txt").read_text(encoding="utf-8")
    summary = salience.summarize(text, 3)
    sentences = salience.split_sentences(text)
    assert len(summary) == 3
    assert all(s.endswith("۔") for s in summary)
    positions = [sentences.index(s) for s in summary]
    assert positions == sorted(positions)


def test_news_batch_equals_loop_on_real_articles(eval_dir):
    with open(eval_dir / "summarization" / "cnndm_250.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for _, line in zip(range(40), f, strict=False)]
    assert salience.summarize_batch(docs, 3) == [salience.summarize(d, 3) for d in docs]
    assert all(len(s) == 3 for s in salience.summarize_batch(docs, 3))


def test_features_is_a_float32_matrix_matching_score():
    import numpy as np

    s = salience.Summarizer()
    matrix = s.features(NEWS)
    rows = s.score(NEWS)
    assert matrix.dtype == np.float32
    assert matrix.shape == (len(rows), len(salience.FEATURES))
    for row, r in zip(matrix, rows, strict=True):
        assert list(row) == [np.float32(r["features"][name]) for name in salience.FEATURES]
    assert s.features("").shape == (0, len(salience.FEATURES))


def test_explain_selects_what_summarize_returns():
    s = salience.Summarizer()
    summary = s.explain(NEWS, 2)
    assert isinstance(summary, salience.Summary)
    assert summary.language == "en"
    assert summary.feature_names == salience.FEATURES
    chosen = [summary.sentences[i].text for i in summary.selected]
    assert chosen == summary.summary == s.summarize(NEWS, 2)
    assert summary.n == 2
    assert s.explain("", 2).selected == ()
    # The method and the module function give the same summary of the same call.
    by_function = salience.explain(NEWS, words=30, summarizer=s)
    by_method = s.explain(NEWS, words=30)
    assert by_method.sentences == by_function.sentences
    assert by_method.selected == by_function.selected
    assert by_method.n is None
    assert by_method.options == by_function.options
    assert by_method.options["words"] == 30
