"""The command line: `salience FILE... [-n N] [--json]` and `python -m salience`."""

from __future__ import annotations

import json
import struct
import subprocess
import sys

import pytest

import salience
import salience.__main__


def as_f32(x: float) -> float:
    """``x`` rounded to the nearest float32 (as Python holds a Rust ``f32``)."""
    return struct.unpack("f", struct.pack("f", x))[0]


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "salience", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_file_argument_prints_the_summary(root):
    path = root / "examples" / "english.txt"
    out = run(path, "-n", 2)
    assert out.returncode == 0, out.stderr
    expected = salience.summarize(path.read_text(encoding="utf-8"), 2)
    assert out.stdout.splitlines() == expected


def test_json_output_for_several_files(root):
    paths = [root / "examples" / "english.txt", root / "examples" / "urdu.txt"]
    out = run(*paths, "--json", "-n", 1)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(p) for p in paths]
    assert rows[1]["summary"] == salience.summarize(paths[1].read_text(encoding="utf-8"), 1)


def test_stdin_with_dash_and_without_files():
    text = "One fact here. Another fact there. A third fact."
    for args in (["-"], []):
        out = run(*args, "-n", 1, stdin=text)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == salience.summarize(text, 1)


def test_missing_file_is_a_clear_error(tmp_path):
    out = run(tmp_path / "nope.txt")
    assert out.returncode == 1  # a record that failed, not a usage error
    assert f"salience: {tmp_path / 'nope.txt'}: No such file or directory" in out.stderr
    assert out.stderr.endswith("salience: 0 summarized, 1 failed\n")
    assert "Traceback" not in out.stderr


def test_negative_n_is_a_clear_error(root):
    out = run(root / "examples" / "english.txt", "-n", -1)
    assert out.returncode == 2
    assert "n=" in out.stderr and "Traceback" not in out.stderr


def test_console_script_is_installed(root):
    import shutil

    exe = shutil.which("salience")
    assert exe, "the `salience` console script is not on PATH"
    path = root / "examples" / "urdu.txt"
    out = subprocess.run(
        [exe, str(path), "-n", "1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == salience.summarize(path.read_text(encoding="utf-8"), 1)


# --- Directories, JSON Lines, workers, progress and streaming -----------------------------


def _write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


DOCS = [
    "The river flooded the valley. Farmers lost their crops. The river is calm today.",
    "Prices rose again in March. Bread and milk cost more. Wages did not keep up with prices.",
    "یہ پہلا جملہ ہے۔ دریا میں پانی بڑھ گیا۔ کسانوں کی فصلیں تباہ ہو گئیں۔",
]


def test_a_directory_is_every_txt_file_under_it_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text(DOCS[1], encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(DOCS[0], encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("hidden. files.", encoding="utf-8")
    (tmp_path / "notes.md").write_text(DOCS[2], encoding="utf-8")
    out = run(tmp_path, "--json", "-n", 1)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]
    assert [r["summary"] for r in rows] == salience.summarize_batch([DOCS[1], DOCS[0]], 1)
    out = run(tmp_path, "--glob", "*.md", "-n", 1)
    assert out.returncode == 0, out.stderr
    header = f"==> {tmp_path / 'notes.md'} <=="
    assert out.stdout.splitlines() == [header, *salience.summarize(DOCS[2], 1)]


def test_jsonl_in_json_lines_out_with_scores(tmp_path):
    path = tmp_path / "news.jsonl"
    _write_jsonl(path, [{"id": f"d{i}", "body": d, "other": i} for i, d in enumerate(DOCS)])
    out = run(path, "--field", "body", "--json", "-n", 2)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["d0", "d1", "d2"]
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert [r["summary"] for r in rows] == salience.summarize_batch(DOCS, 2)
    for r, doc in zip(rows, DOCS, strict=True):
        scored = salience.Summarizer().score(doc)
        assert r["selected"] == sorted(r["selected"]) and len(r["scores"]) == 2
        # Scores are written as the float32 they are: the shortest decimal that reads
        # back as the same float32, not the float64 that Python widens it to.
        assert [as_f32(x) for x in r["scores"]] == [scored[i]["score"] for i in r["selected"]]
        assert all(len(repr(x)) <= 10 for x in r["scores"])
        assert r["num_sentences"] == len(scored)
        assert "sentences" not in r
    assert rows[2]["language"] == "ur"
    full = [
        json.loads(line)
        for line in run(path, "--field", "body", "--json", "--sentences").stdout.splitlines()
    ]
    assert [s["text"] for s in full[0]["sentences"]] == salience.split_sentences(DOCS[0])


def test_jsonl_text_output_and_stdin(tmp_path):
    path = tmp_path / "news.ndjson"
    _write_jsonl(path, [{"text": d} for d in DOCS])
    out = run(path, "-n", 1)
    assert out.returncode == 0, out.stderr
    expected = []
    for i, d in enumerate(DOCS):
        expected += ([""] if i else []) + [f"==> {path}:{i + 1} <=="] + salience.summarize(d, 1)
    assert out.stdout.splitlines() == expected
    stdin = "".join(json.dumps({"text": d}) + "\n\n" for d in DOCS)  # blank lines are skipped
    out = run("--jsonl", "--json", "-n", 1, stdin=stdin)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["summary"] for r in rows] == salience.summarize_batch(DOCS, 1)
    assert [r["line"] for r in rows] == [1, 3, 5] and rows[0]["file"] == "-"


@pytest.mark.parametrize(
    "line, message",
    [
        ("not json", "not JSON (expected ident at line 1 column 2)"),
        ('{"body": "x"}', 'no field "text"'),
        ('{"text": 42}', 'field "text" is a number, not a string'),
        ("[1, 2]", "not a JSON object but an array"),
    ],
)
def test_bad_jsonl_lines_are_clear_errors(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": DOCS[0]}) + "\n" + line + "\n", encoding="utf-8")
    out = run(path, "--json")
    assert out.returncode == 1
    assert f"salience: {path}:2: {message}\n" in out.stderr and "Traceback" not in out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0]["summary"] == salience.summarize(DOCS[0])
    assert rows[1] == {"file": str(path), "line": 2, "error": message}


def test_workers_do_not_change_the_output(tmp_path):
    path = tmp_path / "many.jsonl"
    docs = [f"{d} Item {i} closes the story." for i in range(40) for d in DOCS]
    _write_jsonl(path, [{"text": d} for d in docs])
    for mode in ([], ["--json", "--sentences"]):
        outs = [run(path, "--workers", w, *mode).stdout for w in (1, 3)]
        assert outs[0] == outs[1] and outs[0]
    assert run(path, "--workers", 0).returncode == 2


def test_progress_bar_on_stderr_only_when_asked(tmp_path):
    path = tmp_path / "news.jsonl"
    _write_jsonl(path, [{"text": d} for d in DOCS])
    shown = run(path, "--json", "--progress")
    hidden = run(path, "--json")  # stderr is a pipe, not a terminal: no bar
    assert shown.returncode == hidden.returncode == 0
    assert shown.stdout == hidden.stdout
    assert "100%" in shown.stderr and "3 docs" in shown.stderr
    assert hidden.stderr == ""
    assert run(path, "--json", "--no-progress").stderr == ""


def test_streaming_writes_before_the_input_ends():
    # More documents than one chunk holds go in through a pipe that stays open: the
    # first chunk's summaries must come out before the input is finished.
    chunk = salience.__main__.CHUNK_DOCS_PER_THREAD  # --workers 1: one thread
    proc = subprocess.Popen(
        [sys.executable, "-m", "salience", "--jsonl", "--json", "-n", "1", "--workers", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        for i in range(chunk + 10):
            proc.stdin.write(json.dumps({"id": i, "text": DOCS[i % 3]}) + "\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())  # blocks until the first chunk is out
        assert first["id"] == 0 and proc.poll() is None
        proc.stdin.close()
        rest = proc.stdout.read().splitlines()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert len(rest) == chunk + 9
    assert json.loads(rest[-1])["id"] == chunk + 9


def test_the_whole_bbc_set_as_json_lines_with_a_progress_bar(eval_dir):
    path = eval_dir / "summarization" / "bbc_news_2225.jsonl"
    out = run(path, "--json", "--progress", "-n", 3)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["summary"] for r in rows] == salience.summarize_batch([r["text"] for r in records], 3)
    assert "100%" in out.stderr and f"{len(records)} docs" in out.stderr


def test_unknown_language_is_a_clear_error(root):
    out = run(root / "examples" / "english.txt", "--language", "xx")
    assert out.returncode == 2
    assert out.stderr.startswith("salience: ") and "Traceback" not in out.stderr


@pytest.mark.parametrize("flag, value", [("--ratio", 0.3), ("--words", 40), ("--chars", 150)])
def test_length_budgets(root, flag, value):
    path = root / "examples" / "english.txt"
    text = path.read_text(encoding="utf-8")
    budget = {flag.lstrip("-"): value}
    out = run(path, flag, value)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == salience.summarize(text, **budget)
    rows = [json.loads(line) for line in run(path, flag, value, "--json").stdout.splitlines()]
    assert rows[0]["summary"] == salience.summarize(text, **budget)
    assert run(path, flag, value, "-n", 2).returncode == 2  # one length at a time
