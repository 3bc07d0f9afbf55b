"""docs/archives.md: the Dask recipe (docs/recipes/dask_archive.py) gives exactly the answer of
one in-memory call of aqi.aqi and aqi.classify_batch, chunk by chunk of stations (SPEC A2–A4: each
record on its own; SPEC W3: runs cross any cut in time, so chunks hold whole series)."""
import importlib.util
import os
import pathlib

import numpy as np
import pytest

import aqi

# Debian's python3-dask (scripts/lib.sh installs it for the tests); without it, nothing to run.
dask = pytest.importorskip("dask", reason="dask is not importable (Debian: apt-get install python3-dask)")
da = pytest.importorskip("dask.array", reason="dask.array is not importable (Debian: python3-dask)")

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
STATIONS, HOURS = 23, 1000


def _recipe():
    spec = importlib.util.spec_from_file_location("dask_archive", SOURCE / "docs" / "recipes" / "dask_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _small_archive():
    """23 stations × 1,000 hours: stations from clean to polluted, one episode each (so that every
    level occurs), 1 % missing hours."""
    rng = np.random.default_rng(7)
    t = np.arange(HOURS)
    scale = rng.uniform(0.3, 1.3, (STATIONS, 1))
    episode = 1 + rng.uniform(0, 2.5, (STATIONS, 1)) * np.exp(-((t - rng.uniform(100, 900, (STATIONS, 1))) / 60) ** 2)
    medians = {"pm25_24h": 110, "pm10_24h": 170, "so2_24h": 30, "no2_24h": 45, "co_24h": 1.3, "o3_8h": 80}
    archive = {}
    for k, m in medians.items():
        x = np.round(m * scale * episode * rng.lognormal(0, 0.25, (STATIONS, HOURS)), 1)
        x[rng.random(x.shape) < 0.01] = np.nan
        archive[k] = x
    return archive


def _in_memory(recipe, archive):
    """One call of each on the whole archive: the answer the chunks must give."""
    records = {k: archive[k].reshape(-1) for k in recipe.KEYS}
    whole = aqi.aqi(records, edition="hj633-2026").aqi.reshape(STATIONS, HOURS)
    return whole, aqi.classify_batch(whole, kind="hourly", rules="yiyuan-2019")


@pytest.mark.parametrize("scheduler", ["threads", "processes", "synchronous"])
def test_archive_recipe_equals_the_in_memory_call(scheduler):
    """Uneven station chunks (5, 5, 5, 5, 3) on threads, on processes (pickled tasks, what a Dask
    cluster does) and in one thread: value for value the in-memory AQI and level codes."""
    recipe = _recipe()
    archive = _small_archive()
    whole, whole_levels = _in_memory(recipe, archive)
    assert set(np.unique(whole_levels)) == {0, 1, 2, 3}  # the archive exercises every level (W4)
    chunked = {k: da.from_array(v, chunks=(5, -1)) for k, v in archive.items()}
    hourly, levels = recipe.archive_graph(chunked)
    assert hourly.numblocks == (5, 1) and levels.numblocks == (5,)
    got_hourly, got_levels = dask.compute(hourly, levels, scheduler=scheduler)
    assert np.array_equal(got_hourly, whole, equal_nan=True)
    assert got_levels.dtype == np.int8 and np.array_equal(got_levels, whole_levels)


def test_archive_recipe_chunk_size_does_not_change_the_answer():
    """One station per chunk, and the whole archive in one chunk: the same levels."""
    recipe = _recipe()
    archive = _small_archive()
    _, whole_levels = _in_memory(recipe, archive)
    for size in (1, STATIONS):
        _, levels = recipe.archive_graph({k: da.from_array(v, chunks=(size, -1)) for k, v in archive.items()})
        assert np.array_equal(levels.compute(scheduler="threads"), whole_levels), size


def test_archive_recipe_refuses_chunks_in_time():
    """Runs of days cross any cut in time (SPEC W3): a chunk must hold whole series."""
    recipe = _recipe()
    archive = {k: da.from_array(v, chunks=(5, 500)) for k, v in _small_archive().items()}
    with pytest.raises(ValueError, match=r"chunk the archive by stations only: every chunk needs whole series"):
        recipe.archive_graph(archive)
