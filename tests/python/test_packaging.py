"""The package as installed: one version everywhere, and under scripts/test-wheel the artifact."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import salience

#: Set by scripts/test-wheel to the wheel or sdist it installed into a fresh virtual environment.
INSTALLED_FROM = os.environ.get("SALIENCE_INSTALLED_FROM")


def cargo_version(root: Path) -> str:
    """The `version` of Cargo.toml's `[package]` table (no tomllib on Python 3.10)."""
    text = (root / "Cargo.toml").read_text(encoding="utf-8")
    package = re.search(r"^\[package\]\n(.*?)(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert package, "Cargo.toml has no [package] table"
    version = re.search(r'^version\s*=\s*"([^"]+)"', package.group(1), re.MULTILINE)
    assert version, "Cargo.toml's [package] has no version"
    return version.group(1)


def test_version_is_the_crates(root):
    assert salience.__version__ == cargo_version(root)
    assert salience.__version__ == metadata.version("salience")


def test_pyproject_takes_the_version_from_cargo(root):
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    project = re.search(r"^\[project\]\n(.*?)(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert project
    assert re.search(r'^dynamic\s*=\s*\[[^]]*"version"', project.group(1), re.MULTILINE)
    assert not re.search(r"^version\s*=", project.group(1), re.MULTILINE)


def test_changelog_has_an_entry_for_this_version(root):
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^]]+)\]", changelog, re.MULTILINE)
    released = [h for h in headings if h != "Unreleased"]
    assert released, "CHANGELOG.md has no release entry"
    assert released[0] == salience.__version__


def test_metadata_names_the_licences():
    dist = metadata.distribution("salience")
    meta = dist.metadata
    assert meta["License-Expression"] == "MIT OR Apache-2.0"
    files = {Path(str(f)).name for f in dist.files or []}
    assert {"LICENSE-MIT", "LICENSE-APACHE"} <= files
    assert meta["Requires-Python"] == ">=3.10"


@pytest.mark.skipif(INSTALLED_FROM is None, reason="only under scripts/test-wheel")
def test_runs_from_the_installed_artifact(root):
    """The suite tests what a user installed, not the source tree, with no Rust to fall back on."""
    assert INSTALLED_FROM is not None
    package = Path(salience.__file__).resolve()
    assert Path(sys.prefix).resolve() in package.parents
    assert root.resolve() not in package.parents
    assert shutil.which("cargo") is None
    assert shutil.which("rustc") is None
    direct = metadata.distribution("salience").read_text("direct_url.json")
    assert direct is not None, "salience was not installed from a file"
    url = json.loads(direct)["url"]
    assert url.endswith("/" + Path(INSTALLED_FROM).name), (url, INSTALLED_FROM)


def test_import_leaves_explain_and_the_version_for_first_use():
    # What only explain, pandas or the version need stays unloaded until they are used,
    # so that `import salience` stays quick (a module list, not a timing, is asserted). Only what
    # the import itself adds counts: site hooks (a .pth file) may load typing before it.
    code = (
        "import sys; before = set(sys.modules); import salience; "
        "print(sorted(m for m in ('dataclasses', 'inspect', 'typing', 'importlib.metadata', "
        "'salience._summary', 'salience._html', 'salience._progress', 'numpy', 'pandas') "
        "if m in sys.modules and m not in before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert salience.explain("One. Two.", 1).summary == ["One."]
