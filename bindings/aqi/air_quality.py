"""AQI from pollutant concentrations — HJ 633-2012 and HJ 633-2026 (SPEC A1–A7).

Every rule is in the compiled core: which edition is in force (A7), which report a set of columns
is for (A3), the names of indicators, pollutants and categories. This module converts pandas and
numpy input and output and documents.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import _core
from ._convert import as_float64

#: Indicator keys (pollutant and averaging period). CO in mg/m³, the others in µg/m³. A key may
#: also be written with the pollutant's other names: "PM2.5_24h", "pm2.5_1h", "臭氧_8h".
KEYS = tuple(_core.indicator_keys())
EDITIONS = tuple(e.id for e in _core.editions())
Edition = _core.Edition
_LABELS = np.array(_core.PRIMARY_LABELS, dtype=object)
_EPOCH = np.datetime64("1970-01-01", "D")


def editions() -> list[Edition]:
    """The built-in editions with their breakpoint tables and indicator lists (SPEC A7).

    Each is an aqi.Edition: e.id, e.title, e.in_force_from, e.indicators["pm25_24h"].breakpoints,
    .iaqi, .above_top, e.daily_indicators, e.hourly_indicators (e["id"] reads the same)."""
    return _core.editions()


def edition(edition: str | Edition | None = None) -> Edition:
    """An edition: a built-in id ("hj633-2012", "hj633-2026"), the path of a TOML file of the same
    form (libaqi/rules/editions/), an Edition (returned as is), or None: the edition in force today."""
    import os
    if isinstance(edition, Edition):
        return edition
    if edition is None:
        return _core.edition(_core.current_edition())
    path = os.fspath(edition) if isinstance(edition, (str, os.PathLike)) else None
    if path is not None and path.endswith(".toml"):
        return _core.load_edition(path)
    if not isinstance(edition, str):
        raise TypeError(f"edition must be an edition id, a .toml path or an aqi.Edition, got {type(edition).__name__}")
    return _core.edition(edition)


_edition_of = edition  # for the functions whose argument is named `edition`


def current_edition() -> str:
    """The edition in force today (China Standard Time): the default of undated calls."""
    return _core.current_edition()


def edition_in_force(date) -> str:
    """The id of the edition in force on `date` (anything numpy/pandas read as a date)."""
    day = np.datetime64(str(np.datetime64(date, "D")), "D")
    if np.isnat(day):
        raise ValueError("edition_in_force: the date is missing (NaT)")
    return _core.edition_in_force(int((day - _EPOCH).astype(np.int64)))


def pollutant(name: str) -> str:
    """The pollutant's name as HJ 633 prints it, from any of its names: "pm25", "PM2.5",
    "细颗粒物" → "PM2.5" (KeyError listing them otherwise)."""
    return _core.pollutant_name(name)


def category(names):
    """AQI category codes (SPEC A3: 1 优 good … 6 严重污染 severely polluted, as the `category`
    columns hold them) of a name or of each of many: Chinese (良), English (moderate,
    lightly_polluted) or the level (二级). KeyError for a name that is none of these."""
    if isinstance(names, str):
        return int(_core.category_codes([names])[0])
    return _core.category_codes([str(n) for n in names])


def iaqi(key: str, concentrations, *, edition: str | Edition = "hj633-2026", round_inputs: bool = False) -> np.ndarray:
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
    out = _core.iaqi(key, flat, _edition_of(edition), round_inputs)
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
    return _core.moving_mean(arr, int(window), int(min_valid))


class AqiResult:
    """AQI of records given as a mapping of key → array (SPEC A2–A4).

    Attributes (arrays, one element per record): aqi (float64 whole numbers, NaN = missing),
    primary (str, e.g. "PM2.5,PM10"; "" when AQI ≤ 50), primary_mask (uint8 bits),
    category (int8 1–6, 0 = missing), beyond_scale (bool); edition (str); used, substitutes,
    ignored (the indicator keys used, read only for the 2012 substitutions, and not rated).
    The compiled result is `core` (aqi._core.AqiResult: the arrays, the aqi.Edition, the use).
    """

    __slots__ = ("core", "_primary")

    def __init__(self, core):
        self.core = core
        self._primary = None

    aqi = property(lambda self: self.core.aqi, doc="float64 whole numbers, NaN = missing")
    primary_mask = property(lambda self: self.core.primary_mask, doc="uint8 PollutantSet bits")
    category = property(lambda self: self.core.category, doc="int8 1–6, 0 = missing")
    beyond_scale = property(lambda self: self.core.beyond_scale, doc="bool: above the top breakpoint (A4)")
    edition = property(lambda self: self.core.edition.id, doc="the id of the edition that rated the records")
    period = property(lambda self: self.core.period, doc='"daily" or "hourly"')
    used = property(lambda self: self.core.use.used)
    substitutes = property(lambda self: self.core.use.substitutes)
    ignored = property(lambda self: self.core.use.ignored)

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
        names = _edition_names([self.edition])
        return _frame(self.core, np.full(len(self.aqi), names.index(self.edition), dtype=np.int8), names, index)

    def __repr__(self) -> str:
        # As the call that made it: aqi.aqi({'pm25_24h': …}, edition='hj633-2012', period='daily').
        n = len(self.aqi)
        shown = ", ".join(
            "nan" if np.isnan(a) else f"{int(a)}" for a in self.aqi[:5]) + (", …" if n > 5 else "")
        columns = ", ".join(f"{k!r}: …" for k in self.used + self.substitutes + self.ignored)
        ignored = f", ignored={self.ignored}" if self.ignored else ""
        return (f"aqi.aqi({{{columns}}}, edition={self.edition!r}, period={self.period!r}) → "
                f"AqiResult({n} records, aqi=[{shown}]{ignored})")


def _edition_names(ids):
    """The categories of the `edition` column: the built-in editions, then any loaded one."""
    return list(EDITIONS) + [i for i in dict.fromkeys(ids) if i not in EDITIONS]


def _frame(core, edition_codes, edition_names, index):
    """The columns of an AqiResult or AqiTable as the DataFrame aqi.aqi gives."""
    from ._aqi_frame import AqiFrame
    import pandas as pd
    n = len(core.aqi)
    return AqiFrame({
        "aqi": core.aqi,
        "primary": _LABELS[core.primary_mask] if n else np.array([], dtype=object),  # plain str
        "category": pd.array(np.where(core.category == 0, None, core.category), dtype="Int8"),
        "beyond_scale": core.beyond_scale,
        "edition": pd.Categorical.from_codes(edition_codes, categories=edition_names)
        if n else pd.Categorical([], categories=edition_names),
    }, index=index)


def _days_of_datetimes(dates):
    """Days since 1970-01-01 of a DatetimeIndex (China Standard Time), and its time step."""
    if dates.tz is not None:  # SPEC: local time is China Standard Time
        dates = dates.tz_convert("Asia/Shanghai").tz_localize(None)
    values = dates.values
    days = values.astype("datetime64[D]")
    timed = bool(np.any((values - days)[~np.isnat(values)] != np.timedelta64(0)))
    return days, "hourly" if timed else "daily"


_OTHER = object()


def _date_text(v):
    """A date cell as the C++ reader takes it: str, None (missing), numbers as their digits (the
    reader refuses them), _OTHER for datetime objects."""
    import pandas as pd
    if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float, np.number)) and not isinstance(v, bool):
        return str(v)
    return _OTHER


def _days_of_values(values, where, required):
    """Dates of a column or index: datetimes as they are; strings and numbers through the C++
    reader of ISO dates (01/12/2015 and 20151201 refused, naming the row). None when not
    required and the values are no dates (an index of names)."""
    import pandas as pd
    values = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return _days_of_datetimes(pd.DatetimeIndex(values))
    texts = [_date_text(v) for v in values.tolist()]
    if any(t is _OTHER for t in texts):  # datetime and date objects: pandas reads them exactly
        try:
            return _days_of_datetimes(pd.DatetimeIndex(pd.to_datetime(values)))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{where}: cannot read dates: {exc}") from None
    try:
        read = _core.record_days(texts, required)
    except ValueError as exc:
        raise ValueError(f"{where}: cannot read dates: {exc}") from None
    if read is None:
        return None, "unknown"
    days, timed = read
    return days.astype("datetime64[D]"), "hourly" if timed else "daily"


def _dates_of(frame):
    """(days since 1970-01-01 or None, the time step "daily"/"hourly"/"unknown", where)."""
    import pandas as pd
    index = frame.index
    if isinstance(index, pd.DatetimeIndex):
        (days, step), where = _days_of_datetimes(index), "index"
    elif (col := next((c for c in ("date", "time") if c in frame.columns), None)) is not None:
        where = f"column {col!r}"
        days, step = _days_of_values(frame[col], where, True)
    elif index.name in ("date", "time") or index.dtype == object:
        where = "index"
        days, step = _days_of_values(index, "index", index.name in ("date", "time"))
        if days is None:
            return None, "unknown"
    else:
        return None, "unknown"
    bad = np.flatnonzero(np.isnat(days))
    if len(bad):
        raise ValueError(f"{where}: row {bad[0]} has no date (NaT); cannot choose the AQI edition (SPEC A7)")
    return np.ascontiguousarray((days - _EPOCH).astype(np.int64)), step


def aqi(data, *, edition: str | Edition | None = None, period: str | None = None, round_inputs: bool = False,
        columns: Mapping[str, str] | None = None, units: Mapping[str, str] | None = None, iaqi: bool = False):
    """AQI, primary pollutant(s), category of records (SPEC A2–A4, A7).

    data: a pandas DataFrame whose columns include indicator columns (other columns are left
    alone), or a mapping key → array (every key must be an indicator key). A DataFrame's columns
    are read by one table of names (docs/aqi.md, "Column names"), ASCII case ignored: the keys
    ("pm25_24h", also "PM2.5_24h"), the national platform's (pm2_5, pm2_5_24h, o3_8h_24h …), and
    bare names (pm25, PM2.5, so2, co, O3 …: 24-hour means on a daily index, 1-hour values on an
    hourly one — the time step of the dates, or of `period` when given). A column that names a
    pollutant but no indicator ("pm_25_24h") is a KeyError naming it and the accepted names.
    columns: name → indicator key, overriding the table ({"PM2.5": "pm25_1h"}).
    units: pollutant → unit where the data are not in HJ 633's (µg/m³, CO mg/m³): {"CO": "ug/m3"}.
    CO above 150 mg/m³ is refused as a unit mistake (docs/errors.md).
    Dates: a DatetimeIndex, a `date`/`time` column, or an index of date strings; strings and
    numbers must be ISO dates (YYYY-MM-DD[ HH:MM[:SS]]) — 01/12/2015 and 20151201 are refused.
    edition: "hj633-2012" or "hj633-2026" (or an aqi.Edition). When None, a DataFrame with dates
    takes, row by row, the edition in force on that date; anything else takes the edition in
    force today (hj633-2026).
    period: "daily" (24-hour means: the daily indicators of SPEC A3) or "hourly" (the real-time
    report); by default "hourly" when a 1-hour SO2/NO2/CO/PM column is present, else "daily".
    Columns the period's report does not rate (o3_1h in a hj633-2026 daily AQI) are left out
    and listed in `ignored` (DataFrame: `result.attrs["ignored"]`).
    iaqi: a DataFrame result gains iaqi_<key> (each rated indicator's IAQI, SPEC A1) and the
    category's names category_zh, category_en (HJ 633 Table 2).

    Returns for a DataFrame a DataFrame on the same index with columns aqi, primary (str),
    category, beyond_scale, edition, and attrs period, used, ignored, columns (name → key read);
    for a mapping an AqiResult.
    """
    try:
        import pandas as pd
        is_frame = isinstance(data, pd.DataFrame)
    except ImportError:  # pragma: no cover - pandas is a dependency, but mappings need no pandas
        is_frame = False
    if is_frame:
        return _aqi_frame(data, edition, period, round_inputs, columns or {}, units or {}, iaqi)
    if not isinstance(data, Mapping):
        raise TypeError("aqi.aqi: data must be a pandas DataFrame or a mapping of indicator key → array")
    given = [name for name, v in (("columns", columns), ("units", units), ("iaqi", iaqi)) if v]
    if given:  # never ignored silently: these read and add DataFrame columns
        raise TypeError(f"aqi.aqi: {', '.join(given)} apply to a DataFrame; pass pd.DataFrame(data)")
    names = list(data)
    keys = [_core.parse_indicator_key(k) for k in names]  # KeyError listing the keys
    columns = _columns(data, names, keys)
    per = _core.report_period(period, keys)
    return AqiResult(_core.air_quality_index(columns, _edition_of(edition), per, round_inputs))


def _columns(data, names, keys) -> list:
    columns = []
    for name, k in zip(names, keys):
        arr = as_float64(data[name], k)
        if arr.ndim > 1:  # one value per record: a 2-D column would come back flattened
            raise ValueError(f"aqi.aqi: column {k!r} must be 1-D (one value per record), got shape {arr.shape}")
        columns.append((name, arr.reshape(-1)))
    lengths = {len(v) for _, v in columns}
    if len(lengths) > 1:
        raise ValueError("aqi.aqi: columns differ in length: " +
                         ", ".join(f"{k}={len(v)}" for k, v in columns))
    return columns


def _read_frame_columns(frame, step, overrides, units):
    """[(key, float64 array in the table's unit)] and {name: key}, as the C++ table reads them."""
    names = [str(c) for c in frame.columns]
    read, unread = _core.match_columns(names, step, [(str(k), str(v)) for k, v in overrides.items()])
    if not read:
        hint = (f"; {unread[0]!r} is a bare pollutant name, read by the data's time step, and this frame has no "
                "dates: pass period='daily' or 'hourly'") if unread else ""
        raise KeyError(f"aqi.aqi: the DataFrame has no indicator column; expected some of: {', '.join(KEYS)}{hint}")
    unit_pairs = [(str(k), str(v)) for k, v in units.items()]
    _core.check_units(unit_pairs)
    columns = []
    for position, name, k in read:
        values = as_float64(frame.iloc[:, position], k)
        columns.append((k, _core.column_values(name, k, unit_pairs, values)))
    return columns, {name: k for _, name, k in read}


def _aqi_frame(frame, edition, period, round_inputs, overrides, units, with_iaqi):
    days, step = _dates_of(frame) if edition is None or period is None else (None, "unknown")
    if period is not None:
        step = "daily" if _core.report_period(period, []) == "daily" else "hourly"
    columns, mapping = _read_frame_columns(frame, step, overrides, units)
    keys = [k for k, _ in columns]
    per = _core.report_period(period, keys)
    if edition is not None:
        days = None
    if days is None:
        result = AqiResult(_core.air_quality_index(columns, _edition_of(edition), per, round_inputs))
        out = result.to_frame(index=frame.index)
        used, ignored = {result.edition: result.used}, {result.edition: result.ignored}
        record_edition = np.zeros(len(frame), dtype=np.int64)
        editions = [result.core.edition]
    else:
        table = _core.aqi_table(days, columns, per, round_inputs)
        ids = [e.id for e in table.editions]
        categories = _edition_names(ids)
        codes = np.array([categories.index(i) for i in ids], dtype=np.int8)[table.record_edition]
        out = _frame(table, codes, categories, frame.index)
        used = {e.id: u.used for e, u in table.uses}
        ignored = {e.id: u.ignored for e, u in table.uses}
        record_edition, editions = table.record_edition, table.editions
    if with_iaqi:
        _add_readable_columns(out, columns, editions, record_edition, used, round_inputs)
    out.attrs.update(period=per, used=used, ignored=ignored, columns=mapping)
    return out


def _add_readable_columns(out, columns, editions, record_edition, used, round_inputs):
    """iaqi_<key> for each indicator an edition rated (NaN on the rows of an edition that did not
    rate it), category_zh and category_en after `category`."""
    for k, values in columns:
        if not any(k in keys for keys in used.values()):
            continue
        col = np.full(len(values), np.nan)
        for code, e in enumerate(editions):
            rows = np.flatnonzero(record_edition == code)
            if k in used.get(e.id, []) and len(rows):
                col[rows] = _core.iaqi(k, np.ascontiguousarray(values[rows]), e, round_inputs)
        out[f"iaqi_{k}"] = col
    codes = out["category"].fillna(0).to_numpy(dtype=np.int64)
    at = out.columns.get_loc("category") + 1
    out.insert(at, "category_zh", np.array(_core.CATEGORY_NAMES_ZH, dtype=object)[codes])
    out.insert(at + 1, "category_en", np.array(_core.CATEGORY_NAMES_EN, dtype=object)[codes])
