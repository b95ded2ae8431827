"""Length budgets, redundancy control, corpus IDF and sentence scores from Python."""

from __future__ import annotations

import pickle
import re

import pytest

import salience

NEWS = (
    "The council approved the tidal plant on Monday. "
    "The tidal plant will power ten thousand homes. "
    "The council approved the tidal plant on Monday, officials said. "
    "Critics said the plant costs too much. "
    "Construction starts next spring. "
    "Bread prices rose again."
)
SENTENCES = salience.split_sentences(NEWS)
REPEAT = "The council approved the tidal plant on Monday, officials said."


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


@pytest.mark.parametrize(
    "call",
    [
        lambda **kw: salience.summarize(NEWS, **kw),
        lambda **kw: salience.Summarizer().summarize(NEWS, **kw),
        lambda **kw: salience.summarize_batch([NEWS], **kw)[0],
        lambda **kw: salience.Summarizer().summarize_batch([NEWS], **kw)[0],
    ],
)
def test_budgets_everywhere(call):
    assert call() == salience.summarize(NEWS, 3)
    assert len(call(ratio=0.5)) == 3
    assert len(call(ratio=0.01)) == 1
    assert len(call(ratio=1.0)) == len(SENTENCES)
    for budget in (0, 1, 8, 17, 30, 1000):
        by_words = call(words=budget)
        by_chars = call(chars=budget * 6)
        for out in (by_words, by_chars):
            assert out, budget
            assert all(s in SENTENCES for s in out)
            assert [SENTENCES.index(s) for s in out] == sorted(SENTENCES.index(s) for s in out)
        assert sum(map(_words, by_words)) <= budget or len(by_words) == 1
        assert len(" ".join(by_chars)) <= budget * 6 or len(by_chars) == 1
    assert call(words=10_000) == SENTENCES


def test_budgets_on_empty_text():
    for kw in ({"ratio": 0.5}, {"words": 10}, {"chars": 10}):
        assert salience.summarize("", **kw) == []
        assert salience.summarize(" \n ", **kw) == []


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"n": 2, "words": 5}, salience.SalienceError),
        ({"ratio": 0.5, "chars": 5}, salience.SalienceError),
        ({"ratio": 0.0}, salience.SalienceError),
        ({"ratio": 1.5}, salience.SalienceError),
        ({"ratio": float("nan")}, salience.SalienceError),
        ({"words": -1}, salience.SalienceError),
        ({"chars": -3}, salience.SalienceError),
        ({"words": 2.5}, TypeError),
        ({"chars": "10"}, TypeError),
        ({"ratio": "half"}, TypeError),
    ],
)
def test_bad_budgets(kw, error):
    with pytest.raises(error):
        salience.summarize(NEWS, **kw)
    with pytest.raises(error):
        salience.Summarizer().summarize_batch([NEWS], **kw)


def test_redundancy_skips_a_repeated_sentence():
    assert REPEAT in salience.Summarizer(redundancy=0.0).summarize(NEWS, 2)
    mmr = salience.Summarizer(redundancy=0.5)
    assert mmr.redundancy == 0.5
    assert salience.Summarizer().redundancy == pytest.approx(0.2)
    out = mmr.summarize(NEWS, 2)
    assert REPEAT not in out and len(out) == 2
    # Passed through summarize_batch's options like any Summarizer option.
    assert salience.summarize_batch([NEWS], 2, redundancy=0.5) == [out]
    for bad in (-0.1, 1.1, float("nan")):
        with pytest.raises(salience.SalienceError):
            salience.Summarizer(redundancy=bad)


def test_fit_save_load_and_pickle(tmp_path):
    corpus = [NEWS, "Solar power is cheap.", "The plant opened.", "Bread is cheap."]
    plain = salience.Summarizer()
    fitted = plain.fit(corpus)
    assert (plain.idf_documents, fitted.idf_documents) == (None, 4)
    assert fitted.score(NEWS) != plain.score(NEWS)
    path = tmp_path / "news.idf"
    fitted.save_idf(path)
    assert path.read_text(encoding="utf-8").startswith("salience-idf 1\ndocuments\t4\n")
    for source in (path, str(path), path.read_bytes()):
        loaded = salience.Summarizer(idf=source)
        assert loaded.idf_documents == 4
        assert loaded.score(NEWS) == fitted.score(NEWS)
    again = pickle.loads(pickle.dumps(fitted))
    assert again.idf_documents == 4
    assert again.summarize(NEWS, 2) == fitted.summarize(NEWS, 2)
    with pytest.raises(salience.SalienceError):
        plain.save_idf(tmp_path / "none.idf")
    with pytest.raises(salience.SalienceError):
        salience.Summarizer(idf=b"not a model")
    with pytest.raises(FileNotFoundError):
        salience.Summarizer(idf=tmp_path / "missing.idf")
    with pytest.raises(TypeError):
        plain.fit("a single string is not a corpus")


def test_fit_is_the_same_on_any_number_of_threads():
    corpus = [f"Tidal report {i}. The plant number {i % 7} works." for i in range(500)]
    one = salience.Summarizer(threads=1).fit(corpus)
    two = salience.Summarizer(threads=2).fit(corpus)
    assert one.score(NEWS) == two.score(NEWS)


def test_score_explains_every_sentence():
    rows = salience.Summarizer().score(NEWS)
    assert [r["index"] for r in rows] == list(range(len(SENTENCES)))
    assert [r["text"] for r in rows] == SENTENCES
    assert sorted(r["rank"] for r in rows) == list(range(len(SENTENCES)))
    for r in rows:
        assert NEWS[r["start"] : r["end"]] == r["text"]
        assert set(r["features"]) == set(salience.FEATURES)
        assert all(0.0 <= v <= 1.0 for v in r["features"].values())
    # The default weights: centrality 1, lead 1.2, length 0.3, TF-IDF 0.
    for r in rows:
        f = r["features"]
        want = f["centroid"] + 1.2 * f["position"] + 0.3 * f["length"]
        assert r["score"] == pytest.approx(want, rel=1e-5)
    # The best-ranked sentences are the summary without redundancy control; with it,
    # the third sentence (a repeat of the first) gives way to the next best.
    best = sorted(rows, key=lambda r: r["rank"])[:2]
    plain = salience.Summarizer(redundancy=0.0).summarize(NEWS, 2)
    assert sorted(r["text"] for r in best) == sorted(plain)
    assert SENTENCES[2] in plain and SENTENCES[2] not in salience.summarize(NEWS, 2)
