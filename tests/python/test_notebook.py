"""The analyst's walkthrough notebook (scenarios/yiyuan-2019/walkthrough.ipynb) runs headless, every
cell, on a copy in a temporary folder (outputs never land in the source tree)."""
import os
import pathlib
import shutil

import pytest

nbclient = pytest.importorskip("nbclient")
import nbformat  # noqa: E402

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCENARIO = SOURCE / "scenarios" / "yiyuan-2019"


def test_walkthrough_runs_every_cell(tmp_path, monkeypatch):
    copy = tmp_path / "walkthrough.ipynb"
    shutil.copy(SCENARIO / "walkthrough.ipynb", copy)
    nb = nbformat.read(copy, as_version=4)
    assert all(c.get("id") for c in nb.cells)
    monkeypatch.setenv("AQI_SCENARIO_DIR", str(SCENARIO))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError naming the cell that failed
    outputs = {c.id: c.outputs for c in nb.cells if c.cell_type == "code"}
    # The season cell shows the result's repr; the figures rendered as images.
    assert "aqi.SeasonResult(rules='yiyuan-2019'" in str(outputs["season"])
    assert any("image/png" in o.get("data", {}) for o in outputs["timeline"])
