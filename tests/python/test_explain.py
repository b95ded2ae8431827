"""`salience.explain` and its `Summary`; `summarize_batch` with options and a progress bar."""

from __future__ import annotations

import html
import inspect
import io
import json
import pickle
import re
import sys
from html.parser import HTMLParser

import pytest

import salience

NEWS = (
    "The city council approved a new budget on Monday. The budget raises spending on "
    "schools and roads. Critics said the budget ignores public transport. The mayor "
    "defended the budget at a press conference. Weather was mild for the season."
)


@pytest.fixture(scope="module")
def urdu(root):
    return (root / "examples" / "urdu.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def english(root):
    return (root / "examples" / "english.txt").read_text(encoding="utf-8")


# --- The Summary's content --------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 1, 3, 100])
def test_summary_is_what_summarize_returns(english, urdu, n):
    for text in (english, urdu, NEWS, "", "   ", "No full stop at all"):
        assert salience.explain(text, n).summary == salience.summarize(text, n)


def test_options_reach_the_summarizer(english):
    options = {"language": "en", "position_weight": 0.0, "extra_stopwords": ["council"]}
    summary = salience.explain(NEWS, 2, **options)
    assert summary.summary == salience.Summarizer(**options).summarize(NEWS, 2)
    assert summary.options["position_weight"] == 0.0
    assert summary.options["extra_stopwords"] == ["council"]
    assert summary.options["language"] == "en"
    assert summary.n == 2


@pytest.mark.parametrize("budget", [{"ratio": 0.25}, {"words": 40}, {"chars": 150}])
def test_length_budgets_pass_through(english, urdu, budget):
    for text in (english, urdu, NEWS):
        summary = salience.explain(text, **budget)
        assert summary.summary == salience.summarize(text, **budget)
        assert summary.n is None and all(summary.options[k] == v for k, v in budget.items())
        assert summary.summary  # a budget never gives an empty summary of a real text
    with pytest.raises(salience.SalienceError, match="at most one"):
        salience.explain(english, 2, **budget)


def test_every_sentence_is_there_with_offsets_ranks_and_flags(urdu):
    summary = salience.explain(urdu, 3)
    sentences = summary.sentences
    assert [s.text for s in sentences] == salience.split_sentences(urdu)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert sorted(s.rank for s in sentences) == list(range(len(sentences)))
    for s in sentences:
        assert urdu[s.start : s.end] == s.text
        assert set(s.features) == set(summary.feature_names) == set(salience.FEATURES)
        assert s.selected == (s.index in summary.selected)
    assert list(summary.selected) == sorted(summary.selected)
    assert sorted(s.rank for s in summary.chosen) == [0, 1, 2]
    assert summary.language == "ur"


def test_feature_matrix_is_numpy_float32_matching_each_sentence(english):
    np = pytest.importorskip("numpy")
    summary = salience.explain(english, 2)
    matrix = summary.features
    assert isinstance(matrix, np.ndarray) and matrix.dtype == np.float32
    assert matrix.shape == (len(summary.sentences), len(summary.feature_names))
    expected = np.array(
        [[s.features[k] for k in summary.feature_names] for s in summary.sentences],
        dtype=np.float32,
    )
    assert np.array_equal(matrix, expected)
    assert not matrix.flags.owndata, "the array should wrap Rust's buffer, not a copy"
    assert summary.features is matrix  # computed once


def test_to_pandas(english):
    pd = pytest.importorskip("pandas")
    summary = salience.explain(english, 3)
    df = summary.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "text",
        "start",
        "end",
        "score",
        "rank",
        "selected",
        *summary.feature_names,
    ]
    assert len(df) == len(summary.sentences)
    assert df.index.name == "index"
    assert df[df.selected].text.tolist() == summary.summary
    assert df.sort_values("rank").index[0] == next(
        s.index for s in summary.sentences if s.rank == 0
    )


def test_to_pandas_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        salience.explain(NEWS, 1).to_pandas()


def test_to_dict_is_json(urdu):
    d = salience.explain(urdu, 2).to_dict()
    again = json.loads(json.dumps(d, ensure_ascii=False))
    assert again["summary"] == salience.summarize(urdu, 2)
    assert [s["index"] for s in again["sentences"] if s["selected"]] == again["selected"]


def test_str_and_repr(urdu):
    summary = salience.explain(urdu, 2)
    assert str(summary) == " ".join(salience.summarize(urdu, 2))
    r = repr(summary)
    assert r.startswith("<Summary: 2 of ") and "language='ur'" in r
    assert "\n" not in r and len(r) < 200
    assert str(salience.explain("", 3)) == ""
    chinese = "今天天气很好。我们去公园散步。公园里有很多人。"
    assert "。 " not in str(salience.explain(chinese, 2, language="zh"))


def test_options_split_between_constructor_and_call():
    with pytest.raises(TypeError):
        salience.explain(NEWS, 1, no_such_option=True)
    own = salience.Summarizer(language="en")
    assert salience.explain(NEWS, 1, summarizer=own).options["language"] == "en"
    with pytest.raises(TypeError, match="not both"):
        salience.explain(NEWS, 1, summarizer=own, language="en")
    with pytest.raises(salience.SalienceError):
        salience.explain(NEWS, 1, language="xx")
    with pytest.raises(salience.SalienceError, match="n="):
        salience.explain(NEWS, -1)


def test_the_option_names_are_the_summarizers_signature():
    from salience._options import SUMMARIZER_OPTIONS

    assert SUMMARIZER_OPTIONS == tuple(inspect.signature(salience.Summarizer).parameters)


@pytest.mark.parametrize("name", ["summarize", "summarize_batch", "explain"])
def test_module_functions_take_the_length_keywords_of_the_methods(name):
    from salience._options import LENGTHS

    function = inspect.signature(getattr(salience, name)).parameters
    method = inspect.signature(getattr(salience.Summarizer, name)).parameters
    assert [(k, function[k].kind) for k in LENGTHS] == [(k, method[k].kind) for k in LENGTHS]


# --- The HTML view ------------------------------------------------------------------------


class _Marks(HTMLParser):
    """Collects the text inside each <mark title=...> (the chosen sentences) and checks
    that every tag is closed."""

    VOID = frozenset({"br", "hr", "img", "meta", "input", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False
        self.dirs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "dir" in a:
            self.dirs.append((a["dir"], a.get("lang")))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "mark" and "title" in a:
            self._in_mark = True
            self.marks.append("")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def _parse(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], "unclosed tags"
    return parser


def test_html_marks_the_chosen_urdu_sentences_right_to_left(urdu):
    summary = salience.explain(urdu, 3)
    markup = summary._repr_html_()
    parsed = _parse(markup)
    assert parsed.marks == summary.summary
    assert ("rtl", "ur") in parsed.dirs
    assert all(d != "auto" for d, lang in parsed.dirs if lang == "ur")
    # The summary comes before the document.
    first = summary.summary[0]
    assert markup.index(html.escape(first)) < markup.index("<mark title=")


def test_html_of_english_lets_the_browser_choose_the_direction(english):
    parsed = _parse(salience.explain(english, 2)._repr_html_())
    assert ("auto", "en") in parsed.dirs
    assert not any(d == "rtl" for d, _ in parsed.dirs)


def test_html_escapes_the_document():
    text = (
        'The <script>alert("x")</script> tag is dangerous & common. '
        "Another <b>bold</b> claim follows here. A third sentence ends it."
    )
    summary = salience.explain(text, 2, language="en")
    markup = summary._repr_html_()
    assert "<script>" not in markup and "<b>bold" not in markup
    assert "&lt;script&gt;" in markup
    parsed = _parse(markup)
    assert parsed.marks == summary.summary  # unescaped back to the original text


def test_html_shades_every_sentence_and_shows_scores(english):
    summary = salience.explain(english, 2)
    markup = summary._repr_html_()
    shaded = re.findall(r'<span title="sentence (\d+) · rank', markup)
    unchosen = [s.index for s in summary.sentences if not s.selected]
    assert [int(i) for i in shaded] == unchosen
    for s in summary.sentences:
        assert f"{s.score:.3f}" in markup


def test_html_of_a_book_stays_small():
    text = "\n\n".join(
        f"Chapter {i} tells of ships and whales. The sea was grey on day {i}." for i in range(2000)
    )
    summary = salience.explain(text, 5)
    markup = summary._repr_html_()
    assert len(summary.sentences) == 4000
    assert len(markup) < 100_000
    assert _parse(markup).marks == summary.summary
    assert "sentences …]" in markup and "the 100 best of 4000 sentences" in markup


def test_html_of_an_empty_text():
    summary = salience.explain("", 3)
    assert summary.sentences == () and summary.selected == ()
    _parse(summary._repr_html_())


# --- Pickling (multiprocessing, Dask, Spark) ------------------------------------------------


def test_summarizer_pickles_with_every_constructor_option():
    params = inspect.signature(salience.Summarizer).parameters
    s = salience.Summarizer(
        language="ur", position_weight=0.25, stopwords=False, extra_stopwords=["اے"], threads=2
    )
    args, kwargs = s.__getnewargs_ex__()
    assert args == () and set(kwargs) <= set(params)
    # An option may be left out only where it is unset (None), as an IDF model can be.
    missing = {name for name in params if name not in kwargs}
    assert all(params[name].default is None for name in missing), f"pickle loses {missing}"
    assert {"language", "position_weight", "stopwords", "extra_stopwords", "threads"} <= set(kwargs)
    again = pickle.loads(pickle.dumps(s))
    assert repr(again) == repr(s)
    assert again.__getnewargs_ex__() == (args, kwargs)
    text = "یہ پہلا جملہ ہے۔ اے یہ دوسرا جملہ ہے۔ تیسرا جملہ یہاں ہے۔"
    assert again.summarize(text, 1) == s.summarize(text, 1)


def test_a_fitted_summarizer_pickles_with_its_idf_model(english, urdu):
    fitted = salience.Summarizer(redundancy=0.5).fit([english, urdu, NEWS])
    again = pickle.loads(pickle.dumps(fitted))
    assert again.idf_documents == fitted.idf_documents == 3
    assert again.summarize_batch([english, urdu], 2) == fitted.summarize_batch([english, urdu], 2)
    summary = pickle.loads(pickle.dumps(salience.explain(english, 2, summarizer=fitted)))
    assert summary.summarizer.idf_documents == 3
    # The model shows as its size, not its bytes; the options stay JSON.
    assert re.fullmatch(r"<\d+ bytes>", summary.options["idf"])
    assert summary.options["redundancy"] == 0.5
    json.dumps(summary.to_dict())
    assert len(summary._repr_html_()) < 20_000


def test_functions_and_summaries_pickle(urdu):
    for f in (salience.summarize, salience.summarize_batch, salience.explain):
        assert pickle.loads(pickle.dumps(f)) is f
    summary = salience.explain(urdu, 2, position_weight=0.5)
    again = pickle.loads(pickle.dumps(summary))
    assert again.summary == summary.summary and again.sentences == summary.sentences
    assert again.options == summary.options


# --- summarize_batch: options and progress -----------------------------------------------


def _docs(count: int) -> list[str]:
    return [
        f"Report {i} opens here. Topic {i % 7} matters to river {i % 5}. "
        f"Numbers {i} and {i * 3} appear. Topic {i % 7} returns at the end."
        for i in range(count)
    ]


def test_batch_options_and_summarizer():
    docs = _docs(20)
    own = salience.Summarizer(language="en", position_weight=0.0)
    expected = own.summarize_batch(docs, 2)
    assert salience.summarize_batch(docs, 2, language="en", position_weight=0.0) == expected
    assert salience.summarize_batch(docs, 2, summarizer=own) == expected
    with pytest.raises(TypeError, match="not both"):
        salience.summarize_batch(docs, 2, summarizer=own, language="en")


def test_progress_gives_the_same_results_in_chunks(monkeypatch, capsys):
    monkeypatch.setattr("salience._batch._FIRST_CHUNK_CHARS_PER_THREAD", 400)
    monkeypatch.setattr("salience._batch._threads", lambda: 1)
    updates: list[int] = []

    class RecordingBar:
        def __init__(self, total, desc, unit):
            self.update = updates.append

        def close(self):
            pass

    docs = _docs(3000)
    expected = salience.summarize_batch(docs, 2)
    with monkeypatch.context() as m:
        m.setattr("salience._progress.progress_bar", RecordingBar)
        assert salience.summarize_batch(docs, 2, progress=True) == expected
    assert sum(updates) == 3000 and len(updates) > 3, updates
    assert salience.summarize_batch(tuple(docs), 2, progress=True, language="en") == (
        salience.Summarizer(language="en").summarize_batch(docs, 2)
    )
    assert salience.summarize_batch([], 2, progress=True) == []
    assert capsys.readouterr().out == ""


def test_chunks_hold_at_least_one_document_and_fit_the_budget():
    from salience._batch import _chunk_end

    docs = ["a" * 10, "b" * 10, "c" * 100, "d" * 5]
    assert _chunk_end(docs, 0, 25) == (2, 20)
    assert _chunk_end(docs, 2, 25) == (3, 100)  # one document larger than the budget
    assert _chunk_end(docs, 3, 25) == (4, 5)
    assert _chunk_end(docs, 0, 10**9) == (4, 125)


def _without_tqdm(monkeypatch):
    for name in ("tqdm", "tqdm.std", "tqdm.auto"):
        monkeypatch.setitem(sys.modules, name, None)


def test_progress_bar_without_tqdm_is_drawn_on_stderr(monkeypatch, capsys):
    _without_tqdm(monkeypatch)
    docs = _docs(50)
    assert salience.summarize_batch(docs, 1, progress=True) == salience.summarize_batch(docs, 1)
    err = capsys.readouterr().err
    assert err.rstrip().split("\r")[-1].startswith("salience: 100% ")
    assert "50/50 docs" in err


def test_progress_bar_with_tqdm(capsys):
    pytest.importorskip("tqdm")
    salience.summarize_batch(_docs(10), 1, progress=True)
    err = capsys.readouterr().err
    assert "100%" in err and "10/10" in err


@pytest.mark.parametrize("texts", ["a str", b"bytes", iter(["a."]), {"a."}])
def test_progress_keeps_the_batch_type_rules(texts):
    with pytest.raises(TypeError):
        salience.summarize_batch(texts, 1, progress=True)


def test_plain_bar_without_a_total(monkeypatch):
    from salience._progress import progress_bar

    _without_tqdm(monkeypatch)
    out = io.StringIO()
    bar = progress_bar(total=None, unit="B", file=out)
    bar.update(2_500_000)
    bar.set_postfix_str("7 docs")
    bar.close()
    assert out.getvalue().split("\r")[-1] == "salience: 2500000 B, 7 docs\n"


CTRL_C_CHILD = """
import signal, sys
import salience

doc = " ".join(f"Sentence {i} is about topic {i % 13} and river {i % 7}." for i in range(40))
docs = [doc] * 20_000  # about 40 MB: seconds of work on any machine

def profile(frame, event, arg):
    if event == "c_call" and getattr(arg, "__name__", None) == "summarize_batch":
        sys.setprofile(None)
        print("started", flush=True)

sys.setprofile(profile)
salience.summarize_batch(docs, 1, progress=True)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_a_batch_with_a_progress_bar():
    import signal
    import subprocess

    child = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "started\n"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert "finished" not in out
    assert "KeyboardInterrupt" in err
    assert "20000/20000" not in err  # stopped before the end, and the bar was closed


def test_progress_checks_n_and_options_even_for_an_empty_batch():
    with pytest.raises(salience.SalienceError, match="n="):
        salience.summarize_batch([], -1, progress=True)
    with pytest.raises(TypeError):
        salience.summarize_batch([], 1.5, progress=True)
    with pytest.raises(salience.SalienceError):
        salience.summarize_batch([], 1, progress=True, language="xx")


@pytest.mark.parametrize("n", [1, 3, 6, 9])
def test_explain_shows_the_scores_its_summary_was_chosen_by(english, n):
    # Without redundancy control the chosen sentences are exactly the best-ranked ones
    # by the scores shown, including for long summaries, where the lead weighs less.
    s = salience.Summarizer(redundancy=0.0)
    summary = s.explain(english, n)
    rows = summary.sentences
    best = tuple(sorted(r.index for r in rows if r.rank < n))
    assert summary.selected == best
    if n <= 3:
        assert [r.score for r in rows] == [r["score"] for r in s.score(english)]
