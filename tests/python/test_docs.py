"""The docs show the code that the tests build and run: docs/embedding.md's programs are
tests/consumer/consumer.cpp and tests/consumer/core.cpp, verbatim; docs/errors.md cites tests that
exist."""
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


TEST_FILES = [p for d in ("cpp", "python") for p in (SOURCE / "tests" / d).rglob("*") if p.suffix in (".cpp", ".py")]


def _cited_test_exists(path_suffix, name):
    """A docs citation `file::Suite.Name` (C++) or `file::test_name` (Python) names a test that exists."""
    files = [p for p in TEST_FILES if p.as_posix().endswith("/" + path_suffix)]
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    if path_suffix.endswith(".cpp"):
        suite, test = name.split(".", 1)
        return re.search(rf"TEST(?:_F|_P)?\(\s*{suite}\s*,\s*{test}\s*\)", text) is not None
    return re.search(rf"def {name}\(", text) is not None


def test_errors_page_cites_tests_that_exist():
    # docs/errors.md proves each bad input by the test it cites: a test moved or renamed must
    # take its citation along (two merges of issue 12 moved about forty of them).
    page = (SOURCE / "docs" / "errors.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"`([\w/]+\.(?:cpp|py))::([\w.]+)`", page))
    assert len(cited) > 150
    missing = sorted(f"{f}::{t}" for f, t in cited if not _cited_test_exists(f, t))
    assert missing == []
    assert _cited_test_exists("season_test.cpp", "Season.ResultOwnsATemporaryRuleSet")
    assert not _cited_test_exists("season_test.cpp", "Season.NoSuchTest")
