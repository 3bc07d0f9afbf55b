"""A season of daily forecasts through the warning lifecycle — SPEC L1–L6."""
from __future__ import annotations

import numpy as np

from . import _core
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
    import pandas as pd
    if not isinstance(forecasts, pd.DataFrame):
        raise TypeError("forecasts must be a DataFrame with columns issue_date, valid_date, aqi")
    for c in ("issue_date", "valid_date", "aqi"):
        if c not in forecasts.columns:
            raise KeyError(f"forecasts: missing column {c!r} (expected issue_date, valid_date, aqi)")
    issue = _days(forecasts["issue_date"], "issue_date")
    valid = _days(forecasts["valid_date"], "valid_date")
    aqi = _numbers(forecasts["aqi"], "aqi")
    order = np.lexsort((valid, issue))
    issue, valid, aqi = issue[order], valid[order], aqi[order]
    out = []
    for day in np.unique(issue):
        rows = issue == day
        v, a = valid[rows], aqi[rows]
        if len(np.unique(v)) != len(v):
            raise ValueError(f"forecasts: the forecast of {_EPOCH + day} has a valid_date twice")
        if v[0] < day:
            raise ValueError(f"forecasts: the forecast of {_EPOCH + day} has a valid_date before its issue date")
        series = np.full(int(v[-1] - v[0]) + 1, np.nan)
        series[v - v[0]] = a
        out.append((int(day), int(v[0]), series))
    return out


class SeasonResult:
    """A season run (SPEC L1–L6).

    events: DataFrame (time, event ISSUE/UPGRADE/DOWNGRADE/LIFT, level, previous, response,
    reason, lead_hours, short_lead (L5: under 24 h), imposed, county_level, comparison (L6),
    response_from). days: DataFrame indexed by date (warning, response, forecast_level,
    observed_level). response_periods: DataFrame (start, end, response: the highest level).
    counts: dict (warning_days per level, response_hours per response level, events per type).
    verification: DataFrame per level (hits, misses, false_alarms, correct_negatives, pod, far,
    csi) when observations were given (L4), else None.
    """

    def __init__(self, raw, rules):
        import pandas as pd
        self.rules = rules.id
        ev = dict(raw["events"])
        for c in ("time", "response_from"):
            ev[c] = pd.to_datetime(pd.Series(ev[c], dtype="float64"), unit="s")
        self.events = pd.DataFrame(ev)
        days = dict(raw["days"])
        index = pd.DatetimeIndex(_EPOCH + np.asarray(days.pop("date"), dtype="timedelta64[D]"), name="date")
        self.days = pd.DataFrame(days, index=index)
        periods = raw["periods"]
        self.response_periods = pd.DataFrame({
            "start": pd.to_datetime(pd.Series([p[0] for p in periods], dtype="float64"), unit="s"),
            "end": pd.to_datetime(pd.Series([p[1] for p in periods], dtype="float64"), unit="s"),
            "response": [p[2] for p in periods],
        })
        self.counts = raw["counts"]
        self.verification = (pd.DataFrame(raw["verification"]).set_index("level")
                             if raw["verification"] else None)

    def to_frame(self):
        """The per-day table (warning, response, forecast and observed level) — `days`."""
        return self.days

    def __repr__(self) -> str:
        n = self.counts["events"]
        wd = {k: v for k, v in self.counts["warning_days"].items() if k != "none"}
        return (f"aqi.SeasonResult(rules={self.rules!r}, {len(self.days)} days, events {n}, "
                f"warning days {wd}, response hours {self.counts['response_hours']})")


def run_season(forecasts, *, observations=None, rules="yiyuan-2019", imposed=None, issue_hour=16):
    """Run a season of daily forecasts through the warning lifecycle (SPEC L1–L6).

    forecasts: DataFrame with columns issue_date, valid_date, aqi — one forecast per issue day.
    observations: daily observed AQI (Series indexed by date, or DataFrame with date/aqi) for
    the verification of L4. imposed: DataFrame with columns time, event (ISSUE, UPGRADE,
    DOWNGRADE, LIFT), level — warnings of the superior command, which prevail (L6).
    issue_hour: the hour forecasts are issued (lead times, L5). Returns a SeasonResult.
    """
    import pandas as pd
    rs = rule_set(rules)
    fc = _forecasts(forecasts)
    imp = []
    if imposed is not None:
        for c in ("time", "event", "level"):
            if c not in imposed.columns:
                raise KeyError(f"imposed: missing column {c!r} (expected time, event, level)")
        times = pd.DatetimeIndex(pd.to_datetime(imposed["time"]))
        seconds = (times.values.astype("datetime64[s]") - np.datetime64("1970-01-01T00:00", "s")).astype(np.int64)
        levels = list(rs.levels)
        for t, e, lv in zip(seconds, imposed["event"], imposed["level"]):
            if lv not in levels:
                raise KeyError(f"imposed: unknown level {lv!r} in rule set {rs.id}; expected one of: {', '.join(levels)}")
            imp.append((int(t), str(e), levels.index(lv)))
    obs_first, obs = (0, None) if observations is None else _daily_series(observations)
    raw = _core.run_season(fc, rs, int(issue_hour), imp, obs, obs_first)
    return SeasonResult(raw, rs)


def perfect_forecasts(observed, *, horizon=7):
    """Back-testing: the forecasts a perfect forecaster would have issued from a daily observed
    AQI series — on each day, the next `horizon` observed days (from the day after issue).
    Returns a DataFrame (issue_date, valid_date, aqi) for run_season."""
    import pandas as pd
    first, series = _daily_series(observed)
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1 day, got {horizon}")
    rows = []
    for i in range(len(series) - 1):
        for k in range(i + 1, min(len(series), i + 1 + horizon)):
            rows.append((first + i, first + k, series[k]))
    frame = pd.DataFrame(rows, columns=["issue_date", "valid_date", "aqi"])
    for c in ("issue_date", "valid_date"):
        frame[c] = pd.DatetimeIndex(_EPOCH + frame[c].to_numpy().astype("timedelta64[D]"))
    return frame
