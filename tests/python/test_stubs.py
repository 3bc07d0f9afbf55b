"""The type stubs of aqi._core (bindings/aqi/_core.pyi) name every public name of the compiled
module, and parse: regenerate them with scripts/make_stubs.py when the bindings change."""
import ast
import os
import pathlib

from aqi import _core

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


def test_stub_names_every_public_name():
    tree = ast.parse((SOURCE / "bindings" / "aqi" / "_core.pyi").read_text(encoding="utf-8"))
    declared = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    declared |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    public = {n for n in dir(_core) if not n.startswith("_")} | {"__version__"}
    assert public - declared == set(), "run scripts/make_stubs.py"
    assert declared - public == set()


def test_help_gives_an_overview():
    import aqi
    doc = aqi.__doc__
    for section in ("AQI from concentrations", "Warnings, responses and the season", "Emission cuts",
                    "Brick kilns and deadlines", "Errors"):
        assert section in doc
