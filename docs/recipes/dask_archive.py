"""Archives larger than one call: aqi.aqi and aqi.classify_batch chunk by chunk with Dask.

The archive is one array per indicator, stations × hours (ten years of hourly records of the
national network: 1,700 × 87,600), chunked by stations with the whole time axis in every
chunk. aqi.aqi rates each record on its own, and classify_batch needs each station's whole
series (a run of days may cross any cut in time, SPEC W3), so a cut between stations gives
exactly the answers of one call on the whole archive. The same graph runs on threads, on
processes or on a Dask cluster: the functions are plain Python (picklable).
"""
import dask.array as da
import numpy as np

import aqi

KEYS = ("pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h", "o3_8h")


def aqi_chunk(*indicators, edition):
    """The AQI of one station chunk: `indicators` are its stations × hours blocks, in KEYS order."""
    shape = indicators[0].shape
    records = {key: np.ascontiguousarray(block).reshape(-1) for key, block in zip(KEYS, indicators)}
    return aqi.aqi(records, edition=edition).aqi.reshape(shape)


def levels_chunk(hourly_aqi, rules):
    """The warning level code of each station's whole series in the chunk (SPEC W1–W9)."""
    return aqi.classify_batch(hourly_aqi, kind="hourly", rules=rules)


def archive_graph(archive, edition="hj633-2026", rules="yiyuan-2019"):
    """The lazy hourly AQI (stations × hours) and level codes (stations) of an archive given as
    a mapping indicator key → Dask array of stations × hours, chunked by stations only."""
    arrays = [archive[key] for key in KEYS]
    if any(a.numblocks[1] != 1 for a in arrays):
        raise ValueError("chunk the archive by stations only: every chunk needs whole series "
                         "(archive[key].rechunk({1: -1}))")
    hourly = da.map_blocks(aqi_chunk, *arrays, edition=edition, dtype=np.float64)
    levels = hourly.map_blocks(levels_chunk, rules=rules, drop_axis=1, dtype=np.int8)
    return hourly, levels
