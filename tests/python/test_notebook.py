"""examples/quickstart.ipynb executes headless, offline, on this interpreter.

The kernel is a kernelspec written to a temporary Jupyter path that runs
``sys.executable -m ipykernel_launcher``, so the test never depends on which kernels the
machine has. ``python tests/python/test_notebook.py --save`` executes the notebook the
same way and saves it with its outputs (as it is committed).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"
KERNEL = "salience-test"


def _kernelspec(folder: Path) -> None:
    spec = folder / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "salience test", "language": "python"}),
        encoding="utf-8",
    )


def execute(folder: Path, timeout: int = 300):
    """Run every cell of the notebook; returns the executed notebook (nbformat node)."""
    import nbformat
    from nbclient import NotebookClient

    _kernelspec(folder)
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(folder), old]))
    try:
        nb = nbformat.read(NOTEBOOK, as_version=4)
        kernelspec = dict(nb.metadata.get("kernelspec", {}))
        client = NotebookClient(
            nb,
            kernel_name=KERNEL,
            timeout=timeout,
            record_timing=False,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
        nb.metadata["kernelspec"] = kernelspec
        return nb
    finally:
        if old is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = old


def _outputs(nb, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                found.append("".join(data[mime]))
    return found


def test_notebook_executes_and_shows_the_urdu_summary(tmp_path):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = execute(tmp_path)  # raises CellExecutionError if any cell fails
    htmls = _outputs(nb, "text/html")
    urdu = [h for h in htmls if 'dir="rtl" lang="ur"' in h]
    assert urdu and "<mark" in urdu[0]
    texts = "\n".join(_outputs(nb, "text/plain"))
    assert "<Summary: 3 of" in texts
    streams = "".join("".join(o.get("text", "")) for c in nb.cells for o in c.get("outputs", []))
    assert "same as one at a time: True" in streams


def test_the_committed_notebook_has_its_outputs():
    # It reads well on GitHub only if it is saved executed.
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] for c in code), (
        "run: python tests/python/test_notebook.py --save"
    )
    assert all(c["execution_count"] for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c["outputs"])
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


if __name__ == "__main__":
    import tempfile

    import nbformat

    if sys.argv[1:] != ["--save"]:
        sys.exit("usage: python tests/python/test_notebook.py --save")
    with tempfile.TemporaryDirectory() as tmp:
        executed = execute(Path(tmp))
    nbformat.write(executed, NOTEBOOK)
    print(f"saved {NOTEBOOK}")
