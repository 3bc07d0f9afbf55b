"""A season of daily forecasts through the warning lifecycle — SPEC L1–L6."""
from __future__ import annotations

import numpy as np

from . import _core
from ._frames import frame
from .warnings import rule_set

_EPOCH = np.datetime64("1970-01-01", "D")


def _days(values, name):
    import pandas as pd
    try:
        d = pd.to_datetime(values)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"column {name!r}: cannot read dates: {exc}") from None
    d = pd.DatetimeIndex(d)
    bad = np.flatnonzero(d.isna())
    if len(bad):
        raise ValueError(f"column {name!r}: row {bad[0]} has no date")
    return (d.values.astype("datetime64[D]") - _EPOCH).astype(np.int64)


def _numbers(values, name):
    """float64 values of a column, naming the column and row of a value that is not a number."""
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        items = list(values)
        for i, v in enumerate(items):
            try:
                float(v)
            except (TypeError, ValueError):
                raise ValueError(f"column {name!r}: row {i}: {v!r} is not a number (NaN or None for missing)") from None
        raise


def _daily_series(observations):
    """observations → (first day number, float64 array for consecutive days, NaN for gaps)."""
    import pandas as pd
    if isinstance(observations, pd.DataFrame):
        if "aqi" not in observations.columns:
            raise KeyError("observations: expected a column 'aqi' (daily AQI)")
        if isinstance(observations.index, pd.DatetimeIndex):
            days, values = _days(observations.index, "index"), observations["aqi"]
        elif "date" in observations.columns:
            days, values = _days(observations["date"], "date"), observations["aqi"]
        else:
            raise KeyError("observations: expected a 'date' column or a DatetimeIndex")
    elif isinstance(observations, pd.Series):
        days, values = _days(observations.index, "index"), observations
    else:
        raise TypeError("observations must be a pandas Series (indexed by date) or DataFrame (date, aqi)")
    values = _numbers(values, "aqi")
    if len(days) == 0:
        raise ValueError("observations: no rows: no daily AQI to use")
    unique, counts = np.unique(days, return_counts=True)
    if (counts > 1).any():
        raise ValueError(f"observations: the date {_EPOCH + unique[counts > 1][0]} appears twice")
    first = int(days.min())
    series = np.full(int(days.max()) - first + 1, np.nan)
    series[days - first] = values
    return first, series


def _forecasts(forecasts):
    """The forecast table's columns (issue_date, valid_date as day numbers; aqi as float64), for
    the library to group and check (aqi::group_forecasts: the checks of the CSV reader)."""
    import pandas as pd
    if not isinstance(forecasts, pd.DataFrame):
        raise TypeError("forecasts must be a DataFrame with columns issue_date, valid_date, aqi")
    for c in ("issue_date", "valid_date", "aqi"):
        if c not in forecasts.columns:
            raise KeyError(f"forecasts: missing column {c!r} (expected issue_date, valid_date, aqi)")
    return (_days(forecasts["issue_date"], "issue_date"), _days(forecasts["valid_date"], "valid_date"),
            np.ascontiguousarray(_numbers(forecasts["aqi"], "aqi")))


def _imposed(imposed):
    """The imposed table's columns (time as seconds, NaT as numpy's; event and level as text), for
    the library to read (aqi::imposed_event: levels by English or Chinese name)."""
    import pandas as pd
    if imposed is None:
        return np.zeros(0, dtype=np.int64), [], []
    for c in ("time", "event", "level"):
        if c not in imposed.columns:
            raise KeyError(f"imposed: missing column {c!r} (expected time, event, level)")
    times = pd.DatetimeIndex(pd.to_datetime(imposed["time"]))
    seconds = (times.values.astype("datetime64[s]") - np.datetime64("1970-01-01T00:00", "s")).astype(np.int64)
    return np.ascontiguousarray(seconds), [str(e) for e in imposed["event"]], [str(lv) for lv in imposed["level"]]


class SeasonResult:
    """A season run (SPEC L1–L6), computed by the library (_core.SeasonResult).

    events: DataFrame (time, event ISSUE/UPGRADE/DOWNGRADE/LIFT, level, previous, response,
    reason, lead_hours, short_lead (L5: under 24 h), imposed, county_level, comparison (L6),
    response_from). days: DataFrame indexed by date (warning, response, forecast_level,
    observed_level). response_periods: DataFrame (start, end, response: the highest level).
    counts: dict (warning_days per level, response_hours per response level, events per type).
    verification: DataFrame per level (hits, misses, false_alarms, correct_negatives, pod, far,
    csi) when observations were given (L4), else None. rules: the rule set's id (rule_set: the
    set).
    """

    __slots__ = ("_core", "_frames")

    def __init__(self, result):
        if not isinstance(result, _core.SeasonResult):
            raise TypeError("aqi.SeasonResult wraps a season run: use aqi.run_season")
        self._core = result
        self._frames = {}

    def _frame(self, name, index=None):
        if name not in self._frames:  # built once: the same DataFrame on every access
            self._frames[name] = frame(getattr(self._core, name), index)
        return self._frames[name]

    @property
    def rules(self) -> str:
        """The id of the rule set."""
        return self._core.rules

    @property
    def rule_set(self):
        """The rule set (aqi.RuleSet) the season was run with."""
        return self._core.rule_set

    @property
    def events(self):
        return self._frame("events")

    @property
    def days(self):
        return self._frame("days", "date")

    @property
    def response_periods(self):
        return self._frame("response_periods")

    @property
    def counts(self) -> dict:
        return {"warning_days": dict(self._core.warning_days), "response_hours": dict(self._core.response_hours),
                "events": dict(self._core.event_counts)}

    @property
    def verification(self):
        return self._frame("verification", "level") if len(self._core.verification) else None

    def to_frame(self):
        """The per-day table (warning, response, forecast and observed level) — `days`."""
        return self.days

    def __repr__(self) -> str:
        return repr(self._core)


def run_season(forecasts, *, observations=None, rules="yiyuan-2019", imposed=None, issue_hour=16):
    """Run a season of daily forecasts through the warning lifecycle (SPEC L1–L6).

    forecasts: DataFrame with columns issue_date, valid_date, aqi — one forecast per issue day
    (rows in any order; a day not given is missing). observations: daily observed AQI (Series
    indexed by date, or DataFrame with date/aqi) for the verification of L4. imposed: DataFrame
    with columns time, event (ISSUE, UPGRADE, DOWNGRADE, LIFT), level (English or Chinese name:
    "orange" or "橙色") — warnings of the superior command, which prevail (L6).
    issue_hour: the hour forecasts are issued (lead times, L5). Returns a SeasonResult.
    """
    rs = rule_set(rules)
    issue, valid, aqi = _forecasts(forecasts)
    times, events, levels = _imposed(imposed)
    obs_first, obs = (0, None) if observations is None else _daily_series(observations)
    return SeasonResult(_core.run_season(issue, valid, aqi, rs, int(issue_hour), times, events, levels, obs,
                                         obs_first))


def perfect_forecasts(observed, *, horizon=7):
    """Back-testing: the forecasts a perfect forecaster would have issued from a daily observed
    AQI series — on each day, the next `horizon` observed days (from the day after issue).
    Returns a DataFrame (issue_date, valid_date, aqi) for run_season."""
    first, series = _daily_series(observed)
    return frame(_core.perfect_forecasts(series, first, int(horizon)))
