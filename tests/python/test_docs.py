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


def _archive_recipe():
    import importlib.util
    spec = importlib.util.spec_from_file_location("dask_archive", SOURCE / "docs" / "recipes" / "dask_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_archives_guide_shows_the_tested_recipe():
    guide = (SOURCE / "docs" / "archives.md").read_text(encoding="utf-8")
    recipe = (SOURCE / "docs" / "recipes" / "dask_archive.py").read_text(encoding="utf-8")
    assert recipe in re.findall(r"```python\n(.*?)```", guide, flags=re.S), \
        "copy docs/recipes/dask_archive.py into docs/archives.md"


def _small_archive():
    """23 stations × 1,000 hours: stations from clean to polluted, one episode each (so that every
    level occurs), 1 % missing hours."""
    import numpy as np
    rng = np.random.default_rng(7)
    t = np.arange(1000)
    scale = rng.uniform(0.3, 1.3, (23, 1))
    episode = 1 + rng.uniform(0, 2.5, (23, 1)) * np.exp(-((t - rng.uniform(100, 900, (23, 1))) / 60) ** 2)
    medians = {"pm25_24h": 110, "pm10_24h": 170, "so2_24h": 30, "no2_24h": 45, "co_24h": 1.3, "o3_8h": 80}
    archive = {}
    for k, m in medians.items():
        x = np.round(m * scale * episode * rng.lognormal(0, 0.25, (23, 1000)), 1)
        x[rng.random(x.shape) < 0.01] = np.nan
        archive[k] = x
    return archive


def test_archive_recipe_equals_the_in_memory_call():
    """docs/archives.md: station chunks (uneven, 5 stations) give exactly the answer of one call
    on the whole archive, on threads and on processes (what a Dask cluster does: pickled tasks)."""
    import dask
    import dask.array as da
    import numpy as np
    import aqi
    recipe = _archive_recipe()
    archive = _small_archive()
    whole = aqi.aqi({k: archive[k].reshape(-1) for k in recipe.KEYS}, edition="hj633-2026").aqi.reshape(23, 1000)
    whole_levels = aqi.classify_batch(whole, kind="hourly", rules="yiyuan-2019")
    assert set(np.unique(whole_levels)) == {0, 1, 2, 3}  # the archive exercises every level
    chunked = {k: da.from_array(v, chunks=(5, -1)) for k, v in archive.items()}
    hourly, levels = recipe.archive_graph(chunked)
    for scheduler in ("threads", "processes"):
        got_hourly, got_levels = dask.compute(hourly, levels, scheduler=scheduler)
        assert np.array_equal(got_hourly, whole, equal_nan=True), scheduler
        assert got_levels.dtype == np.int8 and np.array_equal(got_levels, whole_levels), scheduler


def test_archive_recipe_refuses_chunks_in_time():
    """Runs of days cross any cut in time (SPEC W3): a chunk must hold whole series."""
    import dask.array as da
    import pytest
    recipe = _archive_recipe()
    archive = {k: da.from_array(v, chunks=(5, 500)) for k, v in _small_archive().items()}
    with pytest.raises(ValueError, match=r"chunk the archive by stations only: every chunk needs whole series"):
        recipe.archive_graph(archive)
