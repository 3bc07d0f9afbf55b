"""Station files of China's national air-quality platform and HJ 663 city means (issue 16).

    frame = aqi.read_cnemc("Archive/2022-01-0*/")              # one file per hour, or
    frame = aqi.read_cnemc("china_sites_2022*.csv", stations="站点列表-2022.02.13起.csv")
    daily = aqi.city_means(frame, city="淄博市", freq="D")      # HJ 663: mean of 国控评价点
    aqi.aqi(daily, round_inputs=True)                          # the platform's published AQI

The reader and the rule are C++ (aqi/index/station_hours.hpp, aqi/index/city_means.hpp);
decisions and the checks against published values: docs/cnemc.md.
"""
from __future__ import annotations

import glob
import os

import numpy as np

from . import _core
from ._convert import as_float64
from ._frames import frame as _frame
from .air_quality import KEYS

_FREQ = {"h": "hourly", "hourly": "hourly", "d": "daily", "daily": "daily"}


def _paths(paths) -> list[str]:
    """A path, a folder, a glob or a list of them → paths for the C++ reader (folders kept)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"read_cnemc: a path must be a str or os.PathLike, got {type(p).__name__}")
        p = os.fspath(p)
        if glob.has_magic(p):
            found = sorted(glob.glob(p, recursive=True))
            if not found:
                raise FileNotFoundError(f"{p}: no file matches")
            out.extend(found)
        else:
            out.append(p)
    if not out:
        raise ValueError("read_cnemc: no file or folder given")
    return out


def read_cnemc(paths, *, stations=None, cities=None):
    """The platform's hourly station records as one long DataFrame, a row per station and hour.

    paths: a file, a folder (every .csv below it), a glob or a list of them, in either form:
    one file per hour (HeQinWill/CNEMC Archive/YYYY-MM-DD/YYYY-MM-DDTHH.csv) or the wide daily
    files china_sites_YYYYMMDD.csv. stations: the platform's station list (站点列表-….csv),
    required for the wide form (it names stations by code only); given for the per-hour form it
    decides which stations are background stations. cities: keep only these cities (淄博市 or
    淄博).

    Columns: time (the hour label: the hour ending then, China Standard Time), station, city,
    name, background (对照点), longitude, latitude, aqi and primary_pollutant (as published),
    then every indicator key — pm25_1h … co_1h the hour's values, pm25_24h … co_24h the
    platform's trailing 24-hour means, o3_8h its 8-hour mean (hours 08:00–24:00 only). Missing
    cells are NaN. Every bad cell is an aqi.ScenarioError naming file:line:column.
    """
    files = _paths(paths)
    if isinstance(cities, str):
        cities = [cities]
    list_path = None if stations is None else os.fspath(stations)
    raw = _core.read_station_files(files, list_path, list(cities or []))
    out = _frame(raw.table)
    out.attrs["files"] = list(raw.files)
    return out


def _seconds(values) -> np.ndarray:
    import pandas as pd
    try:
        t = pd.DatetimeIndex(pd.to_datetime(values))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"column 'time': cannot read times: {exc}") from None
    if t.tz is not None:  # the platform's hours are China Standard Time
        t = t.tz_convert("Asia/Shanghai").tz_localize(None)
    # NaT becomes the lowest int64, which the C++ side reports with its row.
    return np.ascontiguousarray(t.values.astype("datetime64[s]").astype(np.int64))


def _texts(frame, name) -> list[str]:
    values = frame[name].tolist()
    for i, v in enumerate(values):
        if not isinstance(v, str):
            raise ValueError(f"column {name!r}: row {i}: {v!r} is not a text")
    return values


def city_means(frame, city: str, freq: str = "h", *, min_stations: int = 1, indicators=None):
    """A city's concentrations as HJ 663 defines them: the mean over its assessment stations
    (国控评价点) of each station's statistic, background stations (对照点) excluded.

    frame: station records as read_cnemc gives them (columns time, station, city, background
    and the 1-hour keys pm25_1h … co_1h; only the 1-hour values are read). city: as the platform
    writes it (淄博市; 淄博 matches too). freq: "h" — per hour, the real-time report's
    statistics (1-hour values, trailing 24-hour means with 20 valid hours, the 8-hour O3 mean
    with 6); "D" — per natural day (hours 01:00–24:00): 24-hour means with 20 valid hours, the
    O3 daily maximum 8-hour mean (14 of its 17 8-hour means, or above 160) and the maximum hour.
    min_stations: a value needs this many stations with a valid statistic (see docs/cnemc.md).
    indicators: the keys to give; by default those the AQI of the period rates.

    Returns a DataFrame indexed by time (freq "h") or date (freq "D"), one column per key,
    ready for aqi.aqi (round_inputs=True reproduces the platform's published AQI) and, as
    aqi.aqi(...)["aqi"] of the daily frame, for run_season(observations=...). attrs: city,
    freq, min_stations, assessment_stations, background_stations, stations_used (a DataFrame
    of how many stations each value averages).
    """
    import pandas as pd
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("city_means: frame must be a pandas DataFrame of station records (aqi.read_cnemc)")
    period = _FREQ.get(str(freq).lower())
    if period is None:
        raise ValueError(f"city_means: freq must be 'h' (hourly) or 'D' (daily), got {freq!r}")
    for c in ("time", "station", "city", "background"):
        if c not in frame.columns:
            raise KeyError(f"city_means: the frame has no column {c!r}; expected the columns of aqi.read_cnemc "
                           "(time, station, city, background, pm25_1h …)")
    if isinstance(min_stations, bool) or not isinstance(min_stations, (int, np.integer)) or min_stations < 1:
        raise ValueError(f"city_means: min_stations must be a whole number ≥ 1, got {min_stations!r}")
    keys = [k for k in frame.columns if k in KEYS]
    columns = {k: as_float64(frame[k], k) for k in keys}
    background = np.asarray(frame["background"])
    if background.dtype != np.bool_:
        raise TypeError(f"column 'background': expected booleans, got dtype {background.dtype}")
    for k in indicators or []:
        if k not in KEYS:
            raise KeyError(f"unknown indicator key {k!r}; expected one of: {', '.join(KEYS)}")
    data = _core.station_hours(_seconds(frame["time"]), _texts(frame, "station"), _texts(frame, "city"),
                               np.ascontiguousarray(background), columns)
    raw = _core.city_means(data, str(city), period, int(min_stations), list(indicators or []))
    index = "time" if period == "hourly" else "date"
    out = _frame(raw.table, index=index)
    out.attrs.update(city=raw.city, freq="h" if period == "hourly" else "D", min_stations=raw.min_stations,
                     assessment_stations=list(raw.assessment_stations),
                     background_stations=list(raw.background_stations),
                     stations_used=_frame(raw.counts, index=index))
    return out
