"""Prints the `test` extra of pyproject.toml without the linters, which the test suite does not run.

The wheel and sdist tests install these into a fresh virtual environment before salience itself.
Runs on Python 3.10 too, where pip's vendored TOML reader stands in for tomllib.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    from pip._vendor import tomli as tomllib

LINTERS = re.compile(r"(ruff|mypy)\b")


def main() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    for requirement in project["optional-dependencies"]["test"]:
        if LINTERS.match(requirement) is None:
            sys.stdout.write(requirement + "\n")


if __name__ == "__main__":
    main()
