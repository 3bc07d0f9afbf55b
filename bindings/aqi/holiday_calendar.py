"""China's official holidays and make-up working days (放假调休), and working days — SPEC D2.

The calendar is data: one State Council notice per year, 2019–2026, in libaqi/rules/holidays/.
A date whose notice is missing raises KeyError (never a guess from weekdays); from 25 December
on, a date also needs the next year's notice (its New Year holiday may take the day).
"""
from __future__ import annotations

import datetime as _dt

import numpy as np

from . import _core
from ._frames import frame

_EPOCH = np.datetime64("1970-01-01", "D")
_KINDS = np.array(_core.day_kind_names(), dtype=object)


def _to_days(dates):
    import pandas as pd
    scalar = np.ndim(dates) == 0 and not isinstance(dates, (list, tuple))
    values = [dates] if scalar else list(dates) if not hasattr(dates, "dtype") else dates
    idx = pd.DatetimeIndex(pd.to_datetime(values))
    if idx.tz is not None:
        idx = idx.tz_convert("Asia/Shanghai").tz_localize(None)
    return scalar, np.ascontiguousarray(idx.values.astype("datetime64[D]").astype(np.int64))


def day_kind(dates):
    """"working day", "weekend", "holiday" or "make-up working day" for a date or each of many."""
    scalar, days = _to_days(dates)
    kinds = _KINDS[_core.day_kinds(days)]
    return kinds[0] if scalar else kinds


def is_working_day(dates):
    """True for a make-up working day (调休上班) or a Monday–Friday that is not a day off (D2)."""
    scalar, days = _to_days(dates)
    out = _core.working_days(days)
    return bool(out[0]) if scalar else out


def working_days_after(day, n: int = 3) -> _dt.date:
    """The n-th working day after `day` (`day` itself never counts) — the D2 count."""
    _, days = _to_days(day)
    return (_EPOCH + np.timedelta64(_core.working_days_after(int(days[0]), int(n)), "D")).astype(_dt.date)


def holidays(year: int | None = None):
    """The days the notices list: DataFrame (date, kind "holiday" / "make-up working day",
    name_zh, name_en, notice year, notice_number), by date; one notice's when `year` is given
    (KeyError naming the years the calendar has otherwise)."""
    return frame(_core.holiday_days(None if year is None else int(year)))


def holiday_year(year: int):
    """One year's State Council notice (aqi._core.HolidayYear: year, notice, notice_number,
    notice_date, revisions, sources, holidays)."""
    return _core.holiday_year(int(year))
