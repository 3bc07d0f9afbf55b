"""The docs show the code that the tests build and run: docs/embedding.md's programs are
tests/consumer/consumer.cpp and tests/consumer/core.cpp, verbatim."""
import os
import pathlib
import re

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


def test_embedding_guide_shows_the_tested_program():
    guide = (SOURCE / "docs" / "embedding.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```cpp\n(.*?)```", guide, flags=re.S)
    for name in ("consumer.cpp", "core.cpp"):
        program = (SOURCE / "tests" / "consumer" / name).read_text(encoding="utf-8")
        assert program in blocks, f"copy tests/consumer/{name} into docs/embedding.md"


def test_readme_notebook_snippet_runs(monkeypatch):
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    snippet = re.findall(r"```python\n(.*?)```", readme, flags=re.S)[0]
    snippet = snippet.replace('import sys; sys.path.insert(0, "/path/to/libaqi/build/python")\n', "")
    monkeypatch.chdir(SOURCE)
    scope = {}
    exec(compile(snippet, "README.md", "exec"), scope)
    assert scope["season"].counts["events"]["ISSUE"] > 0
    assert scope["fig"].axes


def test_archives_guide_shows_the_tested_recipe():
    guide = (SOURCE / "docs" / "archives.md").read_text(encoding="utf-8")
    recipe = (SOURCE / "docs" / "recipes" / "dask_archive.py").read_text(encoding="utf-8")
    assert recipe in re.findall(r"```python\n(.*?)```", guide, flags=re.S), \
        "copy docs/recipes/dask_archive.py into docs/archives.md"
