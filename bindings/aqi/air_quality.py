"""AQI from pollutant concentrations — HJ 633-2012 and HJ 633-2026 (SPEC A1–A7)."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import _core
from ._convert import as_float64

#: Indicator keys (pollutant and averaging period). CO in mg/m³, the others in µg/m³.
KEYS = tuple(_core.indicator_keys())
EDITIONS = tuple(e["id"] for e in _core.editions())
_IN_FORCE = [(np.datetime64(e["in_force_from"], "D"), e["id"]) for e in _core.editions()]
_LABELS = np.array(_core.PRIMARY_LABELS, dtype=object)
_HOURLY_ONLY = {"so2_1h", "no2_1h", "co_1h", "pm10_1h", "pm25_1h"}


def editions() -> list[dict]:
    """The built-in editions with their breakpoint tables and indicator lists (SPEC A7)."""
    return _core.editions()


def current_edition() -> str:
    """The edition in force today (China Standard Time): the default of undated calls."""
    return _core.current_edition()


def edition_in_force(date) -> str:
    """The id of the edition in force on `date` (anything numpy/pandas read as a date)."""
    day = np.datetime64(str(np.datetime64(date, "D")), "D")
    if np.isnat(day):
        raise ValueError("edition_in_force: the date is missing (NaT)")
    found = _IN_FORCE[0][1]
    for start, eid in _IN_FORCE:
        if start <= day:
            found = eid
    return found


def _edition_arg(edition):
    if edition is None:
        return current_edition()
    if edition not in EDITIONS:
        raise KeyError(f"unknown AQI edition {edition!r}; expected one of: {', '.join(EDITIONS)}")
    return edition


def iaqi(key: str, concentrations, *, edition: str = "hj633-2026", round_inputs: bool = False) -> np.ndarray:
    """Individual AQI of one indicator (SPEC A1, A2, A4, A6).

    key: one of KEYS ("pm25_24h", "o3_8h", …; "pm10_1h"/"pm25_1h" only under hj633-2026).
    concentrations: array-like in µg/m³ (CO in mg/m³); NaN = missing.
    Returns float64 whole numbers of the same shape: NaN where the input is NaN, 500 above the
    top breakpoint; under hj633-2012 NaN for so2_1h > 800 and o3_8h > 800 (not rated there),
    under hj633-2026 200 and 300. Negative or infinite input raises ValueError naming the
    first bad index. round_inputs=True rounds inputs to the reporting precision first (A6).
    """
    shape = np.shape(concentrations)  # as_float64 makes scalars one-dimensional
    flat = as_float64(concentrations, key).reshape(-1)
    out = _core.iaqi(key, flat, _edition_arg(edition), round_inputs)
    return out.reshape(shape)


def moving_mean(values, window: int = 24, min_valid: int = 20) -> np.ndarray:
    """Trailing moving mean with the validity rule of SPEC A5.

    out[t] is the mean of the non-NaN values among values[t-window+1 .. t] when at least
    `min_valid` are present, else NaN; the first window-1 values are NaN. Defaults: the
    24-hour mean (20 valid hours); use window=8, min_valid=6 for the O3 8-hour mean.
    """
    arr = as_float64(values, "values")
    if arr.ndim != 1:
        raise ValueError(f"values: expected a one-dimensional series, got shape {arr.shape}")
    window, min_valid = int(window), int(min_valid)
    # Negative numbers would reach the compiled core as a failed size_t conversion (TypeError).
    if window < 1:
        raise ValueError(f"moving_mean: window must be at least 1, got {window}")
    if min_valid < 1:
        raise ValueError(f"moving_mean: min_valid must be between 1 and the window ({window}), got {min_valid}")
    return _core.moving_mean(arr, window, min_valid)


class AqiResult:
    """AQI of records given as a mapping of key → array (SPEC A2–A4).

    Attributes (arrays, one element per record): aqi (float64 whole numbers, NaN = missing),
    primary (str, e.g. "PM2.5,PM10"; "" when AQI ≤ 50), primary_mask (uint8 bits),
    category (int8 1–6, 0 = missing), beyond_scale (bool); edition (str); used, substitutes,
    ignored (the indicator keys used, read only for the 2012 substitutions, and not rated).
    """

    def __init__(self, raw: dict, edition: str, period: str):
        self.aqi: np.ndarray = raw["aqi"]
        self.primary_mask: np.ndarray = raw["primary_mask"]
        self.category: np.ndarray = raw["category"]
        self.beyond_scale: np.ndarray = raw["beyond_scale"]
        self.edition: str = edition
        self.period: str = period
        self.used: list[str] = raw["used"]
        self.substitutes: list[str] = raw["substitutes"]
        self.ignored: list[str] = raw["ignored"]
        self._primary = None

    @property
    def primary(self) -> np.ndarray:
        # Built on first use: a million Python strings cost more than the whole AQI.
        if self._primary is None:
            self._primary = _LABELS[self.primary_mask]
        return self._primary

    def __len__(self) -> int:
        return len(self.aqi)

    def to_frame(self, index=None):
        """The result as a pandas DataFrame (columns as aqi.aqi gives for a DataFrame)."""
        import pandas as pd
        return pd.DataFrame({
            "aqi": self.aqi,
            "primary": pd.Categorical.from_codes(self.primary_mask, categories=_core.PRIMARY_LABELS)
            if len(self.aqi) else pd.Categorical([], categories=_core.PRIMARY_LABELS),
            "category": pd.array(np.where(self.category == 0, None, self.category), dtype="Int8"),
            "beyond_scale": self.beyond_scale,
            "edition": pd.Categorical([self.edition] * len(self.aqi), categories=list(EDITIONS)),
        }, index=index)

    def __repr__(self) -> str:
        n = len(self.aqi)
        shown = ", ".join(
            "nan" if np.isnan(a) else f"{int(a)}" for a in self.aqi[:5]) + (", …" if n > 5 else "")
        ignored = f", ignored={self.ignored}" if self.ignored else ""
        return (f"AqiResult({n} records, edition={self.edition!r}, period={self.period!r}, "
                f"aqi=[{shown}], used={self.used}{ignored})")


def _infer_period(keys) -> str:
    return "hourly" if _HOURLY_ONLY.intersection(keys) else "daily"


def _dates_of(frame):
    import pandas as pd
    if isinstance(frame.index, pd.DatetimeIndex):
        dates, where = frame.index, "index"
    else:
        col = next((c for c in ("date", "time") if c in frame.columns), None)
        if col is None:
            return None
        try:
            dates, where = pd.DatetimeIndex(pd.to_datetime(frame[col])), f"column {col!r}"
        except (ValueError, TypeError) as exc:
            raise ValueError(f"column {col!r}: cannot read dates: {exc}") from None
    if dates.tz is not None:  # SPEC: local time is China Standard Time
        dates = dates.tz_convert("Asia/Shanghai").tz_localize(None)
    bad = np.flatnonzero(dates.isna())
    if len(bad):
        raise ValueError(f"{where}: row {bad[0]} has no date (NaT); cannot choose the AQI edition (SPEC A7)")
    return dates.values.astype("datetime64[D]")


def aqi(data, *, edition: str | None = None, period: str | None = None, round_inputs: bool = False):
    """AQI, primary pollutant(s), category of records (SPEC A2–A4, A7).

    data: a pandas DataFrame whose columns include indicator keys (other columns are left
    alone), or a mapping key → array (every key must be an indicator key).
    edition: "hj633-2012" or "hj633-2026". When None, a DataFrame with a DatetimeIndex or a
    `date`/`time` column takes, row by row, the edition in force on that date; anything else
    takes the edition in force today (hj633-2026).
    period: "daily" (24-hour means: the daily indicators of SPEC A3) or "hourly" (the real-time
    report); by default "hourly" when a 1-hour SO2/NO2/CO/PM column is present, else "daily".
    Columns the period's report does not rate (o3_1h in a hj633-2026 daily AQI) are left out
    and listed in `ignored` (DataFrame: `result.attrs["ignored"]`).

    Returns for a DataFrame a DataFrame on the same index with columns aqi, primary, category,
    beyond_scale, edition; for a mapping an AqiResult.
    """
    try:
        import pandas as pd
        is_frame = isinstance(data, pd.DataFrame)
    except ImportError:  # pragma: no cover - pandas is a dependency, but mappings need no pandas
        is_frame = False
    if is_frame:
        return _aqi_frame(data, edition, period, round_inputs)
    if not isinstance(data, Mapping):
        raise TypeError("aqi.aqi: data must be a pandas DataFrame or a mapping of indicator key → array")
    for k in data:
        if k not in KEYS:
            raise KeyError(f"unknown indicator key {k!r}; expected one of: {', '.join(KEYS)}")
    columns = _columns(data, list(data))
    per = period or _infer_period(columns)
    ed = _edition_arg(edition)
    return AqiResult(_core.air_quality_index(columns, ed, per, round_inputs), ed, per)


def _columns(data, keys) -> dict:
    columns = {}
    for k in keys:
        arr = as_float64(data[k], k)
        if arr.ndim > 1:  # one value per record: a 2-D column would come back flattened
            raise ValueError(f"aqi.aqi: column {k!r} must be 1-D (one value per record), got shape {arr.shape}")
        columns[k] = arr.reshape(-1)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError("aqi.aqi: columns differ in length: " +
                         ", ".join(f"{k}={len(v)}" for k, v in columns.items()))
    return columns


def _aqi_frame(frame, edition, period, round_inputs):
    import pandas as pd
    keys = [c for c in frame.columns if c in KEYS]
    if not keys:
        raise KeyError(f"aqi.aqi: the DataFrame has no indicator column; expected some of: {', '.join(KEYS)}")
    columns = _columns(frame, keys)
    per = period or _infer_period(keys)
    n = len(frame)
    if edition is not None:
        row_editions = np.full(n, _edition_arg(edition), dtype=object)
    else:
        days = _dates_of(frame)
        if days is None:
            row_editions = np.full(n, current_edition(), dtype=object)
        else:
            row_editions = np.empty(n, dtype=object)
            row_editions[:] = _IN_FORCE[0][1]
            for start, eid in _IN_FORCE:
                row_editions[days >= start] = eid
    out_aqi = np.full(n, np.nan)
    out_mask = np.zeros(n, dtype=np.uint8)
    out_cat = np.zeros(n, dtype=np.int8)
    out_beyond = np.zeros(n, dtype=bool)
    used, ignored = {}, {}
    for eid in dict.fromkeys(row_editions):
        rows = row_editions == eid
        whole = bool(rows.all())
        cols = columns if whole else {k: np.ascontiguousarray(v[rows]) for k, v in columns.items()}
        # A key the edition does not rate at all (pm25_1h under 2012) is an error, not ignored.
        raw = _core.air_quality_index(cols, eid, per, round_inputs)
        out_aqi[rows], out_mask[rows] = raw["aqi"], raw["primary_mask"]
        out_cat[rows], out_beyond[rows] = raw["category"], raw["beyond_scale"]
        used[eid], ignored[eid] = raw["used"], raw["ignored"]
    result = pd.DataFrame({
        "aqi": out_aqi,
        "primary": pd.Categorical.from_codes(out_mask, categories=_core.PRIMARY_LABELS),
        "category": pd.array(np.where(out_cat == 0, None, out_cat), dtype="Int8"),
        "beyond_scale": out_beyond,
        "edition": pd.Categorical(row_editions, categories=list(EDITIONS)),
    }, index=frame.index)
    result.attrs.update(period=per, used=used, ignored=ignored)
    return result
