"""The command line: `salience FILE... [-n N] [--json]` and `python -m salience`."""

from __future__ import annotations

import json
import subprocess
import sys

import salience


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
    assert out.returncode == 2
    assert "nope.txt" in out.stderr and "Traceback" not in out.stderr


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
