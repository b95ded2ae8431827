"""Render the README image: ``explain`` on the Urdu example, as Jupyter shows it.

    python docs/images/render.py   # needs Chromium (apt-get install chromium fonts-noto-core)

Writes ``docs/images/explain-urdu.html`` (the real ``Summary._repr_html_`` output, in a
page styled like a notebook cell) and ``docs/images/explain-urdu.png`` (a headless
Chromium screenshot of it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import salience

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>salience.explain</title>
<style>
body {{ margin: 0; padding: 16px 20px; background: #fff; color: #1f1f1f;
       font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; font-size: 15px; }}
.cell {{ display: flex; gap: 10px; }}
.prompt {{ color: #303f9f; font-family: monospace; min-width: 5.5em; text-align: right; }}
.prompt.out {{ color: #d84315; }}
pre {{ margin: 0; padding: 6px 8px; background: #f5f5f5; border: 1px solid #e0e0e0;
       border-radius: 2px; font-size: 14px; flex: 1; }}
.output {{ flex: 1; padding-top: 4px; }}
</style></head>
<body>
<div class="cell"><div class="prompt">In&nbsp;[1]:</div><pre>{code}</pre></div>
<div class="cell"><div class="prompt out">Out[1]:</div><div class="output">{output}</div></div>
</body></html>
"""

CODE = 'urdu = open("examples/urdu.txt", encoding="utf-8").read()\nsalience.explain(urdu, 3)'


def main() -> int:
    urdu = (ROOT / "examples" / "urdu.txt").read_text(encoding="utf-8")
    summary = salience.explain(urdu, 3)
    html_path = HERE / "explain-urdu.html"
    html_path.write_text(PAGE.format(code=CODE, output=summary._repr_html_()), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print(f"wrote {html_path}; no Chromium for the screenshot", file=sys.stderr)
        return 1
    png = HERE / "explain-urdu.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--window-size=1100,575",
            f"--screenshot={png}",
            html_path.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    print(f"wrote {html_path} and {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
