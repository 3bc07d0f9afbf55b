"""A season through the warning lifecycle — SPEC L1–L12: relay mode (the superior command's
orders, L7–L11) or forecast mode (the rules applied to the county's forecasts, L1–L6, L12)."""
from __future__ import annotations

import os

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


def _cell(value):
    """One cell of an orders table as the text the library reads: times as YYYY-MM-DD HH:MM (with
    seconds when they are not zero, which the library then refuses), empty for a missing cell."""
    import pandas as pd
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "strftime"):
        t = pd.Timestamp(value)
        return t.strftime("%Y-%m-%d %H:%M:%S" if t.second or t.microsecond else "%Y-%m-%d %H:%M")
    return str(value)


def _orders(orders):
    """(file, columns) for the library: a CSV path, or a DataFrame's columns as text (aqi::
    read_order_rows reads and checks them: SPEC L8)."""
    import pandas as pd
    if orders is None:
        return None, None
    if isinstance(orders, (str, os.PathLike)):
        return os.fspath(orders), None
    if not isinstance(orders, pd.DataFrame):
        raise TypeError("orders must be a DataFrame (issued, event, level, …) or the path of a CSV file")
    return None, {str(c): [_cell(v) for v in orders[c]] for c in orders.columns}


class SeasonResult:
    """A season run (SPEC L1–L12), computed by the library (_core.SeasonResult).

    mode: "relay" (the superior command's orders, L7–L11) or "forecast" (L1–L6, L12).
    events: DataFrame (time, event ISSUE/UPGRADE/DOWNGRADE/LIFT, level, previous, response,
    reason, lead_hours (L5: to the run; L11: to the order's response start), short_lead (under the
    rule set's min_lead_hours), imposed, county_level, comparison (L6, L10), response_from, doc_no,
    issuer, expected_end (L8), order (row of `orders`), note (a LIFT before the response began, a
    short lead, a flap)). days: DataFrame indexed by date (warning, response, forecast_level,
    observed_level). response_periods: DataFrame (start, end, response: the highest level, level:
    the warning level that set it, doc_no: the order that began it). warnings: DataFrame (issued,
    lifted, level, response, doc_no, period: its row of response_periods or None when lifted before
    the response began, first_event, last_event). advice: DataFrame (date, forecast_level,
    order_level, note, time, run_first, run_last) — L10, relay mode with forecasts. expected:
    DataFrame (time, level, run_first, run_last, lead_hours, reason) — L12, forecast mode. orders:
    DataFrame of the orders relayed (L8). counts: dict (warning_days per level, response_hours per
    response level, events per type, flaps). verification: DataFrame per level (hits, misses,
    false_alarms, correct_negatives, pod, far, csi) when observations were given (L4), else None.
    gaps: DataFrame of the days missing from the forecasts and what the engine did (issue 16).
    rules: the rule set's id (rule_set: the set).
    SPEC N5: beside every English level, response, event, comparison or kind column, its Chinese
    text from the rule set and the library (黄色/橙色/红色, 无预警 for none; Ⅲ级/Ⅱ级/Ⅰ级, None
    without a response; 发布/升级/降级/解除; 一致/更严/更宽): events event_zh, level_zh,
    previous_zh, response_zh, county_level_zh, comparison_zh; days warning_zh, response_zh,
    forecast_level_zh, observed_level_zh; response_periods response_zh, level_zh; warnings level_zh,
    response_zh; advice forecast_level_zh, order_level_zh; expected level_zh; orders event_zh,
    level_zh; gaps kind_zh (and detail_zh); verification level_zh. The reasons and notes are in
    English only: the library words them in English (docs/notices.md, "Languages").
    """

    __slots__ = ("_core", "_frames", "_observed")

    def __init__(self, result, observed=None):
        if not isinstance(result, _core.SeasonResult):
            raise TypeError("aqi.SeasonResult wraps a season run: use aqi.run_season")
        self._core = result
        self._frames = {}
        self._observed = observed  # (first day number, daily AQI) the run was verified with: SPEC N4 records

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
    def mode(self) -> str:
        """"relay" or "forecast" (SPEC L7)."""
        return self._core.mode

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
    def warnings(self):
        return self._frame("warnings")

    @property
    def advice(self):
        return self._frame("advice")

    @property
    def expected(self):
        return self._frame("expected")

    @property
    def orders(self):
        return self._frame("orders")

    @property
    def counts(self) -> dict:
        return {"warning_days": dict(self._core.warning_days), "response_hours": dict(self._core.response_hours),
                "events": dict(self._core.event_counts), "flaps": self._core.flaps}

    @property
    def gaps(self):
        """Days missing from the forecasts, never passed over in silence (issue 16): a DataFrame
        (date, last_date — consecutive days one forecast misses are one row —, kind — "forecast_day": the forecast of issue_date has no value for the day, read as
        missing (SPEC W8); "issue_day": no forecast issued that day, no decision (L1) —, issue_date,
        detail_zh and detail: what the engine did and what it changed (the level the forecast gives
        with its missing days as forecast before, a LIFT held, the season's response hours
        otherwise), warning: the row of `warnings` it affected (None: none), changed: the gap
        changed a decision). Empty when the forecasts are whole."""
        return self._frame("gaps")

    @property
    def verification(self):
        return self._frame("verification", "level") if len(self._core.verification) else None

    def to_frame(self):
        """The per-day table (warning, response, forecast and observed level) — `days`."""
        return self.days

    def __repr__(self) -> str:
        return repr(self._core)


_NO_FORECASTS = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def run_season(forecasts=None, *, orders=None, observations=None, rules="yiyuan-2019", imposed=None, issue_hour=16,
               mode=None):
    """Run a season through the warning lifecycle (SPEC L1–L12).

    mode: "relay" when orders are given, "forecast" otherwise (SPEC L7).
    Relay: orders — a DataFrame or the path of a CSV file with columns issued (YYYY-MM-DD HH:MM),
    event (ISSUE, UPGRADE, DOWNGRADE, LIFT), level (English or Chinese name; empty or "none" for a
    LIFT) and optionally response_start (empty or "立即": at once), expected_end, doc_no, issuer —
    issue, change and lift the warnings; each order's response holds from its response start
    (L9); forecasts, when given, are the county's own and give advice (L10).
    Forecast: forecasts (a DataFrame with columns issue_date, valid_date, aqi — one forecast per
    issue day, rows in any order) go through the rules (L1, L12); imposed (time, event, level) are
    warnings of the superior command, which prevail (L6).
    observations: daily observed AQI (Series indexed by date, or DataFrame with date/aqi) for the
    verification of L4 and the elapsed days of an active episode (L1); observations with no value
    on any day of the season (its first issue day, order or imposed event to its last forecast
    day) are a ValueError naming both ranges. issue_hour: the hour forecasts are issued. Returns a
    SeasonResult; days missing from the forecasts are in its `gaps`.
    """
    rs = rule_set(rules)
    issue, valid, aqi = _NO_FORECASTS if forecasts is None else _forecasts(forecasts)
    times, events, levels = _imposed(imposed)
    obs_first, obs = (0, None) if observations is None else _daily_series(observations)
    orders_file, order_columns = _orders(orders)
    return SeasonResult(_core.run_season(issue, valid, aqi, rs, int(issue_hour), times, events, levels, obs,
                                         obs_first, orders_file, order_columns, None if mode is None else str(mode)),
                        None if obs is None else (obs_first, obs))


def read_orders(orders, *, rules="yiyuan-2019"):
    """The orders of the superior command (SPEC L8) as the season reads them: a DataFrame (issued,
    event, level, response_start — the issue time when the order gives none —, expected_end,
    doc_no, issuer, lead_hours: L11) from a CSV path or a DataFrame; every cell and the sequence
    checked, errors naming the row and the column."""
    orders_file, order_columns = _orders(orders)
    if orders_file is None and order_columns is None:
        raise TypeError("read_orders: give a DataFrame or the path of a CSV file")
    return frame(_core.read_orders(orders_file, order_columns, rule_set(rules)))


def perfect_forecasts(observed, *, horizon=7):
    """Back-testing: the forecasts a perfect forecaster would have issued from a daily observed
    AQI series — on each day, the next `horizon` observed days (from the day after issue).
    Returns a DataFrame (issue_date, valid_date, aqi) for run_season."""
    first, series = _daily_series(observed)
    return frame(_core.perfect_forecasts(series, first, int(horizon)))
