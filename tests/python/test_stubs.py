"""The type stubs of aqi._core (bindings/aqi/_core.pyi) are what scripts/make_stubs.py generates from
the compiled module, and mypy's stubtest finds them consistent with it: every public name, every
signature, every return type. Regenerate with `PYTHONPATH=build/python /usr/bin/python3
scripts/make_stubs.py` when the bindings change."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import aqi
from aqi import _core

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
STUB = SOURCE / "bindings" / "aqi" / "_core.pyi"


def test_stubs_are_generated_from_the_module():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    r = subprocess.run([sys.executable, str(SOURCE / "scripts" / "make_stubs.py"), "--check"], env=env)
    assert r.returncode == 0, "bindings/aqi/_core.pyi is stale: run scripts/make_stubs.py"


def test_stubtest_is_clean(tmp_path):
    # The stub alone as the package mypy reads (the pure-Python modules are not under test here).
    (tmp_path / "aqi").mkdir()
    (tmp_path / "aqi" / "__init__.pyi").write_text("")
    shutil.copy(STUB, tmp_path / "aqi" / "_core.pyi")
    env = dict(os.environ, MYPYPATH=str(tmp_path), PYTHONPATH=os.path.dirname(os.path.dirname(aqi.__file__)))
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "aqi._core", "--allowlist",
                        str(SOURCE / "tests" / "python" / "stubtest-allowlist.txt"), "--mypy-config-file", os.devnull],
                       env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_call_returns_an_untyped_dict():
    # Issue 12: results are bound classes or typed tables, never a dict.
    untyped = [line for line in STUB.read_text(encoding="utf-8").splitlines() if line.rstrip().endswith("-> dict: ...")]
    assert untyped == [], "\n".join(untyped)


def test_help_gives_an_overview():
    doc = aqi.__doc__
    for section in ("AQI from concentrations", "Warnings, responses and the season", "Emission cuts",
                    "Brick kilns and deadlines", "Errors"):
        assert section in doc
    assert _core.__doc__
