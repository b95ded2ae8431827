"""Corpus runs on the command line: errors per record, exit codes, --strict,
--encoding-errors, -o with --resume after SIGKILL and Ctrl-C, and scores as float32."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

import salience

GOOD = [
    "The river flooded the valley. Farmers lost their crops. The river is calm today.",
    "Prices rose again in March. Bread and milk cost more. Wages did not keep up with prices.",
    "یہ پہلا جملہ ہے۔ دریا میں پانی بڑھ گیا۔ کسانوں کی فصلیں تباہ ہو گئیں۔",
    "THE STORM HIT AT NIGHT. ROOFS WERE TORN OFF. NOBODY WAS HURT IN THE TOWN.",
    "no punctuation at all in this line of chat just words and more words about the match",
]


def run(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "salience", *map(str, args)],
        input=stdin,
        capture_output=True,
        check=False,
    )


def rows(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def errors(stderr: bytes) -> list[str]:
    return stderr.decode("utf-8").splitlines()


def as_f32(x: float) -> float:
    return struct.unpack("f", struct.pack("f", x))[0]


# --- Each bad-input kind, in JSON Lines, files, directories and stdin ---------------------

BAD_LINES = [
    (b"not json at all", "not JSON (expected ident at line 1 column 2)", None),
    (b'{"text": "unterminated', "not JSON (EOF while parsing a string at line 1 column 22)", None),
    (b"[1, 2]", "not a JSON object but an array", None),
    (b'"just a string"', "not a JSON object but a string", None),
    (b"42", "not a JSON object but a number", None),
    (b'{"id": 7, "body": "x"}', 'no field "text"', 7),
    (b'{"id": "a", "text": 42}', 'field "text" is a number, not a string', "a"),
    (b'{"id": [1], "text": null}', 'field "text" is null, not a string', [1]),
    (b'{"text": ["a list"]}', 'field "text" is an array, not a string', None),
    (b'{"text": "caf\xe9 au lait. Second one."}', "not UTF-8 (invalid byte at offset 13)", None),
]


def test_every_bad_line_kind_fails_alone_and_in_place(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines: list[bytes] = []
    for i, (bad, _, _) in enumerate(BAD_LINES):
        lines.append(json.dumps({"id": i, "text": GOOD[i % len(GOOD)]}).encode())
        lines.append(bad)
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = run(path, "--json", "-n", 2)
    assert out.returncode == 1
    got = rows(out.stdout)
    assert len(got) == len(lines)  # one output line per input record
    for i, (_, reason, rid) in enumerate(BAD_LINES):
        good, bad = got[2 * i], got[2 * i + 1]
        assert good["id"] == i and good["line"] == 2 * i + 1
        assert good["summary"] == salience.summarize(GOOD[i % len(GOOD)], 2)
        expected = {"file": str(path), "line": 2 * i + 2, "error": reason}
        if rid is not None:
            expected["id"] = rid
        assert bad == expected
    messages = errors(out.stderr)
    assert messages[:-1] == [
        f"salience: {path}:{2 * i + 2}: {reason}" for i, (_, reason, _) in enumerate(BAD_LINES)
    ]
    assert messages[-1] == f"salience: {len(BAD_LINES)} summarized, {len(BAD_LINES)} failed"
    # Text output: the good records only, the errors on stderr all the same.
    text = run(path, "-n", 1)
    assert text.returncode == 1
    assert text.stdout.decode().count("==> ") == len(BAD_LINES)
    assert errors(text.stderr) == messages


def test_blank_lines_are_no_records_but_count_as_lines(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_bytes(b"\n  \n" + json.dumps({"text": GOOD[0]}).encode() + b"\r\n\n{bad\n")
    out = run(path, "--json")
    assert out.returncode == 1
    got = rows(out.stdout)
    assert [r["line"] for r in got] == [3, 5] and "error" in got[1]


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (root / "b.txt").write_bytes("Caf\u00e9 prices rose. The caf\u00e9 closed.".encode("latin-1"))
    (root / "sub" / "c.txt").write_text(GOOD[1], encoding="utf-8")
    (root / "sub" / "d.txt").write_bytes(b"\xef\xbb\xbf" + GOOD[3].encode())  # UTF-8 BOM
    return root


def test_a_file_that_is_not_utf8_fails_alone_in_a_directory(tmp_path):
    root = _tree(tmp_path)
    out = run(root, "--json", "-n", 1)
    assert out.returncode == 1
    got = rows(out.stdout)
    assert [r["file"] for r in got] == [
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "sub" / "c.txt"),
        str(root / "sub" / "d.txt"),
    ]
    assert got[1] == {"file": str(root / "b.txt"), "error": "not UTF-8 (invalid byte at offset 3)"}
    assert got[3]["summary"] == salience.summarize(GOOD[3], 1)  # the BOM is not text
    assert errors(out.stderr) == [
        f"salience: {root / 'b.txt'}: not UTF-8 (invalid byte at offset 3)",
        "salience: 3 summarized, 1 failed",
    ]
    text = run(root, "-n", 1).stdout.decode()
    assert f"==> {root / 'b.txt'} <==" not in text
    assert text.startswith(f"==> {root / 'a.txt'} <==\n")
    assert f"\n\n==> {root / 'sub' / 'c.txt'} <==\n" in text


def test_encoding_errors_replace_summarizes_stray_bytes(tmp_path):
    root = _tree(tmp_path)
    out = run(root, "--json", "-n", 2, "--encoding-errors", "replace")
    assert out.returncode == 0 and out.stderr == b""
    got = rows(out.stdout)
    assert got[1]["summary"] == ["Caf\ufffd prices rose.", "The caf\ufffd closed."]
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_bytes(b'{"text": "Stray \xff byte here. And more."}\n')
    assert rows(run(jsonl, "--json", "--encoding-errors", "replace").stdout)[0]["summary"] == [
        "Stray \ufffd byte here.",
        "And more.",
    ]
    assert run(root, "--encoding-errors", "ignore").returncode == 2  # not a choice


def test_missing_and_unreadable_inputs_fail_alone(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD[0], encoding="utf-8")
    out = run(tmp_path / "nope.txt", good, tmp_path / "nope.jsonl", "--json")
    assert out.returncode == 1
    got = rows(out.stdout)
    assert got[0] == {"file": str(tmp_path / "nope.txt"), "error": "No such file or directory"}
    assert got[1]["summary"] == salience.summarize(GOOD[0])
    assert got[2]["error"] == "No such file or directory"
    assert errors(out.stderr)[-1] == "salience: 1 summarized, 2 failed"


def test_stdin_text_and_json_lines_with_bad_records():
    out = run("-", "--json", stdin=b"Bad \xff byte. Here.")
    assert out.returncode == 1
    assert rows(out.stdout) == [{"file": "-", "error": "not UTF-8 (invalid byte at offset 4)"}]
    assert errors(out.stderr)[0] == "salience: -: not UTF-8 (invalid byte at offset 4)"
    data = json.dumps({"text": GOOD[0]}).encode() + b"\n{]\n" + json.dumps({"t": 1}).encode()
    out = run("--jsonl", "--json", stdin=data)
    assert out.returncode == 1
    got = rows(out.stdout)
    assert [r.get("error", "ok")[:8] for r in got] == ["ok", "not JSON", "no field"]
    assert [r["line"] for r in got] == [1, 2, 3]


def test_exit_status_zero_one_two(tmp_path):
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"text": GOOD[1]}) + "\n", encoding="utf-8")
    ok = run(path, "--json")
    assert ok.returncode == 0 and ok.stderr == b""
    assert run(path, "--resume").returncode == 2  # --resume needs -o
    assert run(path, "-n", "-2").returncode == 2
    assert run(path, "--language", "xx").returncode == 2
    assert run(path, "--ratio", "0").returncode == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    assert run(bad).returncode == 1


def test_strict_stops_at_the_first_bad_record_after_writing_the_ones_before(tmp_path):
    path = tmp_path / "s.jsonl"
    records = [json.dumps({"id": i, "text": GOOD[i % 5]}) for i in range(30)]
    records[17] = "{oops"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    out = run(path, "--json", "--strict")
    assert out.returncode == 1
    assert [r["id"] for r in rows(out.stdout)] == list(range(17))
    assert errors(out.stderr) == [
        f"salience: {path}:18: not JSON (key must be a string at line 1 column 2)",
        "salience: stopped at the first bad record (--strict): 17 summarized, 1 failed",
    ]
    dest = tmp_path / "out.jsonl"
    assert run(path, "--json", "--strict", "-o", dest).returncode == 1
    assert dest.read_bytes() == out.stdout
    state = json.loads(Path(f"{dest}.progress").read_text(encoding="utf-8"))
    assert (state["records"], state["done"]) == (17, False)
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(records[:17]) + "\n", encoding="utf-8")
    assert run(good, "--strict").returncode == 0


# --- Scores as written -------------------------------------------------------------------


def test_scores_are_printed_as_the_float32_they_are(tmp_path):
    numpy = pytest.importorskip("numpy")
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in GOOD), encoding="utf-8")
    raw = run(path, "--json", "--sentences").stdout.decode()
    summarizer = salience.Summarizer()
    for line, doc in zip(raw.splitlines(), GOOD, strict=True):
        explained = summarizer.explain(doc, 3)
        want = [sentence.score for sentence in explained.chosen]
        listed = re.search(r'"scores":\[([^\]]*)\]', line)
        assert listed is not None
        tokens = listed.group(1).split(",")
        # The shortest decimal that reads back as the same float32 (numpy prints a
        # float32 the same way), not the float64 it widens to (2.2750000953674316).
        assert tokens == [str(numpy.float32(w)) for w in want]
        assert [as_f32(float(t)) for t in tokens] == want
        every = re.findall(r'"score":(-?[0-9][0-9.e+-]*)', line)
        assert every == [str(numpy.float32(s.score)) for s in explained.sentences]


# --- Kill safety: SIGKILL at a random point, then --resume --------------------------------


def _corpus(tmp_path: Path, eval_dir: Path, copies: int) -> Path:
    source = eval_dir / "summarization" / "cnndm_250.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for i, r in enumerate(records):
                if (k * len(records) + i) % 997 == 5:
                    f.write("{not json}\n")  # failed records are resumed over too
                f.write(json.dumps({"id": f"{r['id']}-{k}", "text": r["text"]}) + "\n")
    return path


def _start(*args) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "salience", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_output(path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not (path.exists() and path.stat().st_size > 0):
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "no output after 120 s"
        time.sleep(0.01)


@pytest.mark.parametrize("mode", [["--json"], ["-n", "1"]], ids=["json", "text"])
def test_sigkill_at_a_random_point_then_resume_gives_the_same_bytes(tmp_path, eval_dir, mode):
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    corpus = _corpus(tmp_path, eval_dir, copies=20)
    args = [corpus, *mode, "--workers", "1"]
    full = tmp_path / "full.out"
    reference = run(*args, "-o", full)
    assert reference.returncode == 1, reference.stderr  # the planted bad lines
    part = tmp_path / "part.out"
    size = full.stat().st_size
    kills = 0
    proc = _start(*args, "-o", part)
    for _ in range(3):  # killed up to three times, each at a random point of the run
        target = rng.uniform(0.05, 0.9) * size
        while proc.poll() is None and (not part.exists() or part.stat().st_size < target):
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.02))
        if proc.poll() is not None:
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        proc = _start(*args, "-o", part, "--resume")
    assert proc.wait(timeout=600) == 1, proc.stderr.read() if proc.stderr else ""
    assert kills >= 1, f"seed {seed}: the run ended before the first kill"
    assert part.read_bytes() == full.read_bytes(), f"seed {seed}, {kills} kills"
    state = json.loads(Path(f"{part}.progress").read_text(encoding="utf-8"))
    ref = json.loads(Path(f"{full}.progress").read_text(encoding="utf-8"))
    assert state == ref and state["done"], f"seed {seed}"
    # Resuming a finished run writes nothing and gives the same status and count.
    again = run(*args, "-o", part, "--resume")
    assert again.returncode == 1 and part.read_bytes() == full.read_bytes()
    assert errors(again.stderr)[-1] == errors(reference.stderr)[-1]


def test_a_torn_last_record_is_dropped_on_resume(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in GOOD * 3), encoding="utf-8")
    full, part = tmp_path / "full.out", tmp_path / "part.out"
    assert run(path, "--json", "-o", full).returncode == 0
    # What a kill in the middle of a write leaves: the progress file of an earlier chunk
    # (none done yet) and part of a record after it.
    assert run(path, "--json", "-o", part).returncode == 0
    progress = Path(f"{part}.progress")
    state = json.loads(progress.read_text(encoding="utf-8"))
    state.update(records=0, bytes=0, summarized=0, done=False)
    progress.write_text(json.dumps(state), encoding="utf-8")
    part.write_bytes(full.read_bytes()[:123])
    assert run(path, "--json", "-o", part, "--resume").returncode == 0
    assert part.read_bytes() == full.read_bytes()


def test_resume_refuses_changed_options_inputs_or_output(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in GOOD), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(path, "--json", "-o", out).returncode == 0
    changed = run(path, "--json", "-n", 2, "-o", out, "--resume")
    assert changed.returncode == 2
    assert b"with -n None, now 2: run without --resume" in changed.stderr
    assert run(path, "-o", out, "--resume").returncode == 2  # text now, JSON before
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"text": GOOD[0]}) + "\n")
    grown = run(path, "--json", "-o", out, "--resume")
    assert grown.returncode == 2 and b"inputs that have changed" in grown.stderr
    Path(f"{out}.progress").unlink()
    orphan = run(path, "--json", "-o", out, "--resume")
    assert orphan.returncode == 2 and b"nothing to resume from" in orphan.stderr
    fresh = tmp_path / "fresh.jsonl"  # nothing there yet: --resume simply starts
    assert run(path, "--json", "-o", fresh, "--resume").returncode == 0
    assert len(rows(fresh.read_bytes())) == len(GOOD) + 1


def test_ctrl_c_stops_cleanly_with_whole_records_written(tmp_path, eval_dir):
    corpus = _corpus(tmp_path, eval_dir, copies=12)
    out = tmp_path / "out.jsonl"
    args = [corpus, "--json", "--workers", "1", "-o", out]
    proc = _start(*args)
    _wait_for_output(out, proc)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=120) == 130
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert re.search(r"interrupted after [0-9,]+ records \(add --resume to continue\)", stderr)
    assert "Traceback" not in stderr
    data = out.read_bytes()
    assert data.endswith(b"\n")
    state = json.loads(Path(f"{out}.progress").read_text(encoding="utf-8"))
    assert state["bytes"] == len(data) and state["records"] == data.count(b"\n")
    assert not state["done"]
    assert run(*args, "--resume").returncode == 1
    full = tmp_path / "full.jsonl"
    run(corpus, "--json", "-o", full)
    assert out.read_bytes() == full.read_bytes()


def test_output_goes_to_stdout_unchanged_without_o(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in GOOD), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run(path, "--json", "-o", out).returncode == 0
    assert run(path, "--json").stdout == out.read_bytes()
    assert os.path.exists(f"{out}.progress")


def test_help_describes_the_error_policy_and_the_new_options():
    text = run("--help").stdout.decode()
    for needle in (
        "--output",
        "--resume",
        "--strict",
        "--encoding-errors",
        "PATH:LINE: reason",
        "exit status",
        "SIGKILL",
        "130",
    ):
        assert needle in text, needle
