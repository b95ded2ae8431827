"""The README's Python example runs as written."""

from __future__ import annotations

import os
import re


def test_readme_python_blocks_run(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has no Python example"
    cwd = os.getcwd()
    os.chdir(root)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
