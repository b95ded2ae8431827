"""Hostile inputs, at full size: each gets the outcome documented in ``summarize``.

Every entry point is checked (the module functions, a ``Summarizer`` on the default
pool and one on a pool of its own), and every summary is checked against the
sentences: ``min(n, k)`` of them, verbatim, in document order, and nothing but white
space ever lost from the sentences.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import salience

MAX_SENTENCE_BYTES = 4096
OWN_POOL = salience.Summarizer(threads=2)

ENTRY_POINTS = {
    "summarize": lambda text, n: salience.summarize(text, n),
    "summarize_batch": lambda text, n: salience.summarize_batch([text], n)[0],
    "Summarizer.summarize": lambda text, n: salience.Summarizer().summarize(text, n),
    "Summarizer.summarize_batch": lambda text, n: OWN_POOL.summarize_batch(["", text], n)[1],
}


@pytest.fixture(params=sorted(ENTRY_POINTS))
def summarize(request):
    return ENTRY_POINTS[request.param]


def visible(text: str) -> str:
    """The text without white space (what no sentence split may lose)."""
    return "".join(text.split())


def checked_sentences(text: str) -> list[str]:
    sentences = salience.split_sentences(text)
    at = 0
    for s in sentences:
        assert s and s == s.strip()
        assert len(s.encode()) <= MAX_SENTENCE_BYTES
        at = text.find(s, at)
        assert at >= 0, f"{s!r} is not in the text, or out of order"
        at += len(s)
    assert visible(text) == "".join(visible(s) for s in sentences), "characters were lost"
    return sentences


def check_summary(summary: list[str], sentences: list[str], n: int) -> None:
    assert len(summary) == min(n, len(sentences))
    rest = iter(sentences)
    assert all(any(s == x for x in rest) for s in summary), "not an ordered subsequence"


def check(text: str, n: int, summarize=salience.summarize) -> list[str]:
    sentences = checked_sentences(text)
    summary = summarize(text, n)
    check_summary(summary, sentences, n)
    return summary


# --- Empty text, and n ------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\n", "\t\r\n\x0b\x0c", "\xa0\u3000\u2028\u2029\x85", "\x1c\x1f"]
)
def test_empty_and_white_space_text_give_nothing(summarize, text):
    for n in (0, 1, 3, 2**64):
        assert summarize(text, n) == []
    assert salience.split_sentences(text) == []
    assert salience.Summarizer().score(text) == []


def test_n_zero_gives_nothing(summarize):
    assert summarize("One here. Two there.", 0) == []


@pytest.mark.parametrize("n", [3, 2**31, 2**63 - 1, 2**63, 2**64, 2**1000, sys.maxsize])
def test_a_huge_n_gives_every_sentence(summarize, n):
    assert summarize("One here. Two there. Three.", n) == ["One here.", "Two there.", "Three."]


@pytest.mark.parametrize("n", [-1, -(2**64)])
def test_a_negative_n_is_a_salience_error(summarize, n):
    with pytest.raises(salience.SalienceError, match="n="):
        summarize("One. Two.", n)


@pytest.mark.parametrize("n", [1.0, 2.5, float("nan"), float("inf"), True, False, "2", None])
def test_n_that_is_not_an_int_is_a_type_error(summarize, n):
    with pytest.raises(TypeError, match="n must be an int"):
        summarize("One. Two.", n)


def test_int_subclasses_are_ints_but_bool_is_not():
    class Count(int):
        pass

    text = "One here. Two there."
    assert salience.summarize(text, Count(1)) == salience.summarize(text, 1)
    with pytest.raises(TypeError, match="bool"):
        salience.summarize("One. Two.", True)


class Index:
    """An integer of another library: usable as an int through ``__index__``."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def test_integers_with_index_are_ints(summarize):
    text = "One here. Two there. Three."
    assert summarize(text, Index(2)) == summarize(text, 2)
    assert summarize(text, Index(2**80)) == summarize(text, 3)
    with pytest.raises(salience.SalienceError, match="n=-1"):
        summarize(text, Index(-1))
    for broken in (Index(1.5), Index(True), Index("2"), Index(ValueError("no"))):
        with pytest.raises(TypeError, match="n must be an int, not Index"):
            summarize(text, broken)


def test_numpy_integers_are_ints_but_numpy_floats_and_bools_are_not():
    np = pytest.importorskip("numpy")
    text = "One here. Two there. Three."
    assert salience.summarize(text, np.int64(2)) == salience.summarize(text, 2)
    assert salience.summarize_batch([text], np.uint8(1)) == salience.summarize_batch([text], 1)
    for bad in (np.float64(2.0), np.bool_(True)):
        with pytest.raises(TypeError, match="n must be an int"):
            salience.summarize(text, bad)


# --- Text that is not a str ----------------------------------------------------------


NOT_STR = [b"One. Two.", bytearray(b"One."), memoryview(b"One."), None, 42, 3.5, ["One."]]


@pytest.mark.parametrize("text", NOT_STR, ids=lambda t: type(t).__name__)
def test_text_that_is_not_a_str_is_a_type_error(request, summarize, text):
    if text is None and "batch" in request.node.callspec.id:
        # In a batch, None is a missing document: None out (test_missing_values.py).
        assert summarize(text, 1) is None
        return
    with pytest.raises(TypeError):
        summarize(text, 1)


@pytest.mark.parametrize("text", NOT_STR, ids=lambda t: type(t).__name__)
def test_every_method_refuses_text_that_is_not_a_str(text):
    s = salience.Summarizer()
    for call in (s.split_sentences, s.score, salience.split_sentences):
        with pytest.raises(TypeError):
            call(text)


def test_str_subclasses_are_strs():
    class Text(str):
        pass

    assert salience.summarize(Text("One here. Two there."), 1) == ["One here."]


@pytest.mark.parametrize("texts", [iter(["a."]), {"a.": 1}, {"a."}, "a str", b"bytes"])
def test_batches_must_be_sequences_of_str(texts):
    with pytest.raises(TypeError):
        salience.summarize_batch(texts, 1)


# --- Lone surrogates and NUL bytes ---------------------------------------------------


@pytest.mark.parametrize("text", ["\ud800", "ok. \udfff x.", "\ud83d\ude00 split pair."])
def test_lone_surrogates_are_a_unicode_encode_error(summarize, text):
    # A surrogate pair written as two code points is still two lone surrogates.
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        summarize(text, 1)
    for call in (salience.split_sentences, salience.Summarizer().score):
        with pytest.raises(UnicodeEncodeError):
            call(text)


def test_nul_bytes_are_ordinary_characters(summarize):
    assert summarize("A\x00 b. \x00C d.\x00", 5) == ["A\x00 b.", "\x00C d.\x00"]
    only = "\x00" * 10_000
    pieces = checked_sentences(only)
    assert [len(p) for p in pieces] == [4096, 4096, 1808]
    assert check(only, 1, summarize) == [pieces[0]]


# --- Punctuation, long and many sentences ---------------------------------------------


@pytest.mark.parametrize("text", ["?!... ;; ---", "...", "。。。！？", "۔۔۔ ؟؟", '""" ((( ]]]'])
def test_text_of_only_punctuation_is_kept(summarize, text):
    sentences = checked_sentences(text)
    assert sentences
    assert summarize(text, 100) == sentences


@pytest.fixture(scope="module")
def twenty_mb():
    return "word " * 4_000_000


def test_a_20_mb_sentence_without_terminator_is_cut_into_pieces(twenty_mb):
    sentences = checked_sentences(twenty_mb)
    assert len(sentences) >= len(twenty_mb) // MAX_SENTENCE_BYTES
    summary = salience.summarize(twenty_mb, 3)
    check_summary(summary, sentences, 3)
    assert salience.summarize_batch([twenty_mb], 3) == [summary]


def test_200_000_one_word_sentences():
    text = "".join(f"Word{i % 5000}. " for i in range(200_000))
    sentences = checked_sentences(text)
    assert len(sentences) == 200_000
    check_summary(salience.summarize(text, 3), sentences, 3)
    assert salience.summarize(text, 2**64) == sentences
    assert len(OWN_POOL.score(text)) == 200_000


# --- Scripts, controls, marks and emoji ------------------------------------------------


def test_bidi_controls_stay_with_the_sentence_they_wrap(summarize):
    text = "\u202bپہلا جملہ۔\u202c \u2067دوسرا جملہ؟\u2069 Third \u200fone."
    assert check(text, 5, summarize) == [
        "\u202bپہلا جملہ۔\u202c",
        "\u2067دوسرا جملہ؟\u2069",
        "Third \u200fone.",
    ]
    text = "\u202etxet desrever\u202c. \u202dForced left to right.\u202c"
    assert check(text, 5, summarize) == [
        "\u202etxet desrever\u202c.",
        "\u202dForced left to right.\u202c",
    ]


def test_mixed_scripts_in_one_sentence(summarize):
    text = "The word شہر means city, 城市 in Chinese, नगर in Hindi, город in Russian. Next."
    assert check(text, 1, summarize) == [text.split(" Next")[0]]


def test_100_000_combining_marks_on_one_letter(summarize):
    text = "a" + "\u0301" * 100_000 + " End."
    sentences = checked_sentences(text)
    # One grapheme longer than the cap: cut at code point boundaries.
    *pieces, last = sentences
    assert len(sentences) == (1 + 2 * 100_000) // MAX_SENTENCE_BYTES + 1
    assert all(len(p.encode()) >= MAX_SENTENCE_BYTES - 1 for p in pieces)
    assert last.endswith("\u0301 End.")
    assert len(check(text, 3, summarize)) == 3


def test_emoji_with_skin_tones_and_zwj_are_never_split(summarize):
    emoji = [
        "👩🏽\u200d💻",
        "👨\u200d👩\u200d👧\u200d👦",
        "🏳\ufe0f\u200d🌈",
        "👍🏿",
        "🇵🇰",
        "1\ufe0f\u20e3",
    ]
    text = "".join(f"Look {e} here. {e} Starts one. Ends with {e}. " for e in emoji)
    summary = check(text, 100, summarize)
    joined = "".join(summary)
    assert all(joined.count(e) == 3 for e in emoji)


def test_score_offsets_index_the_python_string():
    # Astral characters are one code point in Python and four bytes in Rust.
    text = (
        "👩🏽\u200d💻 codes all day. \u2067شہر کی خبر۔\u2069 \U0001f600 Done! a" + "\u0301" * 5000
    )
    rows = salience.Summarizer().score(text)
    assert [text[r["start"] : r["end"]] for r in rows] == [r["text"] for r in rows]
    assert [r["text"] for r in rows] == salience.split_sentences(text)


# --- Invalid options --------------------------------------------------------------------


@pytest.mark.parametrize("w", [float("nan"), float("inf"), float("-inf"), -1.0, 1e39])
def test_invalid_position_weight_is_a_salience_error(w):
    with pytest.raises(salience.SalienceError, match="position weight"):
        salience.Summarizer(position_weight=w)


@pytest.mark.parametrize("code", ["", "xx", "english", "\x00", "😀"])
def test_unknown_language_is_a_salience_error(code):
    with pytest.raises(salience.SalienceError, match="unknown language"):
        salience.Summarizer(language=code)


def test_too_many_threads_is_a_salience_error():
    with pytest.raises(salience.SalienceError, match="threads"):
        salience.Summarizer(threads=10**6)
    with pytest.raises(OverflowError):
        salience.Summarizer(threads=-1)


@pytest.mark.parametrize(
    "options",
    [
        {"language": 5},
        {"position_weight": "1"},
        {"extra_stopwords": "not a list"},
        {"extra_stopwords": [1]},
        {"stopwords": None},
        {"threads": 1.5},
    ],
    ids=lambda o: "-".join(f"{k}={v!r}" for k, v in o.items()),
)
def test_options_of_the_wrong_type_are_type_errors(options):
    with pytest.raises(TypeError):
        salience.Summarizer(**options)


# --- Any text, any pool, any thread ---------------------------------------------------

# Fragments that make many short sentences (so sentences are scored in parallel) and
# exercise the repair rules; mixed with arbitrary text without surrogates.
FRAGMENTS = [
    "Tidal power. ", "City council? ", "Mr. Smith ", "J. R. R. ", "e.g. ", "\n\n", "\n",
    "۔ ", "میٹرو کھل گئی۔ ", "地铁开通了。", "“Quote.” ", "1. ", "• ", ". . . ", "x", " ",
    "\u2067", "\u2069", "\u200d", "👩🏽", "\u0301", "\x00",
]  # fmt: skip
ANY_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500),
    st.lists(st.sampled_from(FRAGMENTS), max_size=400).map("".join),
)
POOLS = [salience.Summarizer(threads=k) for k in (1, 2, 4)]


@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT, n=st.integers(min_value=0, max_value=12))
def test_same_result_on_pools_of_1_2_4_threads_and_in_batches(text, n):
    expected = salience.summarize(text, n)
    check_summary(expected, checked_sentences(text), n)
    scores = [row["score"] for row in POOLS[0].score(text)]
    for s in POOLS:
        assert s.summarize(text, n) == expected
        assert s.summarize_batch([text, "", text], n) == [expected, [], expected]
        assert [row["score"] for row in s.score(text)] == scores
    assert salience.summarize_batch([text] * 3, n) == [expected] * 3


@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT)
def test_score_rows_index_the_python_string_for_any_text(text):
    rows = POOLS[1].score(text)
    assert [text[r["start"] : r["end"]] for r in rows] == [r["text"] for r in rows]
    assert [r["text"] for r in rows] == salience.split_sentences(text)
    assert sorted(r["rank"] for r in rows) == list(range(len(rows)))
    assert all(r["score"] == r["score"] for r in rows), "a score is NaN"


def test_many_threads_calling_everything_at_once():
    docs = [
        " ".join(f"Doc {d} sentence {i} on topic {(d * i) % 11}." for i in range(5 + d * 7))
        for d in range(30)
    ]
    calls = [
        lambda d: salience.summarize(d, 2),
        lambda d: salience.summarize_batch([d, d], 2),
        lambda d: POOLS[1].summarize(d, 2),
        lambda d: POOLS[2].summarize_batch([d] * 3, 1),
        lambda d: salience.split_sentences(d),
        lambda d: [row["score"] for row in POOLS[0].score(d)],
    ]
    jobs = [(c, d) for c in range(len(calls)) for d in range(len(docs))]
    expected = {(c, d): calls[c](docs[d]) for c, d in jobs}
    start = threading.Barrier(8)

    def worker(offset: int) -> dict:
        start.wait()
        order = jobs[offset:] + jobs[:offset]
        return {(c, d): calls[c](docs[d]) for c, d in order}

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(0, 8 * 20, 20)))
    assert all(r == expected for r in results)


THREAD_DOCS = (
    "[' '.join(f'Topic {i % 7} sentence {i}.' for i in range(k)) for k in range(0, 300, 30)]"
)


@pytest.mark.parametrize("value", ["", "0", "1", "3", " 2 ", "abc", "-2", "2.5", "9" * 30])
def test_any_salience_num_threads_value_gives_the_same_summaries(value):
    # The variable is read once per process, so each value runs in a new one: an
    # invalid value (not a whole number from 0 to 1024) means one thread per CPU, and
    # import warns that the variable was not obeyed.
    code = (
        "import warnings; warnings.simplefilter('always'); "
        f"import json, salience; docs = {THREAD_DOCS}; "
        "print(json.dumps(salience.summarize_batch(docs, 2) + [salience.summarize(docs[-1], 3)]))"
    )
    env = {**os.environ, "SALIENCE_NUM_THREADS": value}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    valid = value.strip() in ("", "0", "1", "2", "3")
    warned = "RuntimeWarning: invalid SALIENCE_NUM_THREADS" in out.stderr
    assert warned != valid, out.stderr
    docs = eval(THREAD_DOCS)
    expected = [*salience.summarize_batch(docs, 2), salience.summarize(docs[-1], 3)]
    assert json.loads(out.stdout) == expected


# --- Length budgets and redundancy ------------------------------------------------------

BUDGET_TEXT = "One here. Two there. Three again. Four more words here."


@pytest.mark.parametrize("ratio", [float("nan"), float("inf"), -0.1, 0.0, 1.5])
def test_a_ratio_outside_0_to_1_is_a_salience_error(ratio):
    with pytest.raises(salience.SalienceError, match="ratio"):
        salience.summarize(BUDGET_TEXT, ratio=ratio)
    with pytest.raises(salience.SalienceError, match="ratio"):
        salience.summarize_batch([BUDGET_TEXT], ratio=ratio)


@pytest.mark.parametrize("budget", ["words", "chars"])
def test_word_and_character_budgets_are_checked_like_n(budget):
    every = salience.split_sentences(BUDGET_TEXT)
    assert salience.summarize(BUDGET_TEXT, **{budget: 2**100}) == every
    assert salience.summarize_batch([BUDGET_TEXT], **{budget: 2**64}) == [every]
    with pytest.raises(salience.SalienceError, match=f"{budget}=-1"):
        salience.summarize(BUDGET_TEXT, **{budget: -1})
    for bad in (1.5, True, "3", [3]):
        with pytest.raises(TypeError):
            salience.summarize(BUDGET_TEXT, **{budget: bad})


@pytest.mark.parametrize(
    "budgets", [{"n": 2, "ratio": 0.5}, {"words": 3, "chars": 10}, {"n": 1, "chars": 5}]
)
def test_two_budgets_at_once_are_a_salience_error(budgets):
    with pytest.raises(salience.SalienceError, match="at most one"):
        salience.summarize(BUDGET_TEXT, **budgets)


@pytest.mark.parametrize("redundancy", [float("nan"), float("inf"), -0.5, 1.5])
def test_redundancy_outside_0_to_1_is_a_salience_error(redundancy):
    with pytest.raises(salience.SalienceError, match="redundancy"):
        salience.Summarizer(redundancy=redundancy)


@settings(max_examples=60, deadline=None)
@given(
    text=ANY_TEXT,
    budget=st.one_of(
        st.builds(dict, ratio=st.floats(min_value=0.01, max_value=1.0)),
        st.builds(dict, words=st.integers(min_value=0, max_value=500)),
        st.builds(dict, chars=st.integers(min_value=0, max_value=5000)),
    ),
)
def test_budgets_give_ordered_verbatim_sentences_on_any_pool(text, budget):
    sentences = checked_sentences(text)
    summary = salience.summarize(text, **budget)
    rest = iter(sentences)
    assert all(any(s == x for x in rest) for s in summary), "not an ordered subsequence"
    for s in POOLS:
        assert s.summarize(text, **budget) == summary
        assert s.summarize_batch([text, text], **budget) == [summary, summary]


@pytest.mark.parametrize("ratio", [True, False, "0.5", b"0.5", [0.5]])
def test_a_ratio_that_is_not_a_number_is_a_type_error(ratio):
    # A bool is refused for ratio= as it is for n= (True is not "all of it").
    with pytest.raises(TypeError, match=r"ratio must be a number, not (bool|str|bytes|list)"):
        salience.summarize(BUDGET_TEXT, ratio=ratio)
    with pytest.raises(TypeError, match="ratio must be a number"):
        salience.Summarizer().summarize_batch([BUDGET_TEXT], ratio=ratio)


def test_numpy_and_int_ratios_work():
    np = pytest.importorskip("numpy")
    full = salience.summarize(BUDGET_TEXT, ratio=1.0)
    assert salience.summarize(BUDGET_TEXT, ratio=1) == full
    assert salience.summarize(BUDGET_TEXT, ratio=np.float32(1.0)) == full
    assert salience.summarize(BUDGET_TEXT, ratio=np.float64(0.5)) == salience.summarize(
        BUDGET_TEXT, ratio=0.5
    )


def test_a_batch_reads_ascii_texts_in_place():
    # Python >= 3.10's stable ABI lets the extension borrow a str's UTF-8 bytes, so a
    # batch does not copy its texts (an earlier build held a copy of every one).
    tracemalloc = pytest.importorskip("tracemalloc")
    texts = [f"Council meeting {i} approved the plan. " * 50 for i in range(400)]
    size = sum(map(len, texts))
    tracemalloc.start()
    try:
        salience.summarize_batch(texts, 2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 500_000
    assert peak < size / 4, (peak, size)
