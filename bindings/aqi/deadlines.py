"""The deadline calendar of a season run — SPEC D1–D4 (plan §4.2, §6).

D1: a progress report at 15:00 on every day from the receipt of a warning notice to its lift (a
season result's `warnings`; a table of response periods alone: every day a response is in
force); D2: the response summary
by the end of the 3rd working day after the response ends (holidays and make-up working days
from the official calendar); D3: the plan assessment by 31 May and the emission-reduction list
revision by 30 September of the year after the season's start. Decisions: docs/deadlines.md.
"""
from __future__ import annotations

import numpy as np

from . import _core
from ._frames import frame


def _seconds(values, name):
    import pandas as pd
    try:
        idx = pd.DatetimeIndex(pd.to_datetime(values))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"response_periods.{name}: cannot read times: {exc}") from None
    if idx.tz is not None:  # SPEC: local time is China Standard Time
        idx = idx.tz_convert("Asia/Shanghai").tz_localize(None)
    return np.ascontiguousarray(idx.values.astype("datetime64[s]").astype(np.int64))


def _day_numbers(index):
    return (index.values.astype("datetime64[D]") - np.datetime64("1970-01-01", "D")).astype(np.int64)


def _levels(values):
    import pandas as pd
    return ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values]


def _warning_columns(warnings):
    """A season result's warnings (issued, lifted, period, doc_no) as the library's columns, or
    none (a table of response periods alone)."""
    import pandas as pd
    if not isinstance(warnings, pd.DataFrame):
        return None, None, None, []
    missing = [c for c in ("issued", "lifted", "period") if c not in warnings.columns]
    if missing:
        raise KeyError(f"warnings: missing column(s) {', '.join(missing)}; expected issued, lifted, period")
    period = np.asarray([-1 if pd.isna(p) else int(p) for p in warnings["period"]], dtype=np.int64)
    doc_no = _levels(warnings["doc_no"]) if "doc_no" in warnings.columns else []
    return _seconds(warnings["issued"], "issued"), _seconds(warnings["lifted"], "lifted"), period, doc_no


def deadlines(season_result, season: int | None = None, *, data_end=None, yearly_on_working_day: bool = False,
              plan=None):
    """Every D1–D3 deadline of a season run, sorted by due time (SPEC D4).

    season_result: an object with `response_periods` (aqi.run_season's result) or that DataFrame
    itself — columns start, end (NaT: still in force at the end of the data), response ("III",
    "II", "I", "IV"; optional). When it also has `warnings` (issued, lifted, period, doc_no: a
    season result), the daily reports run from each warning's notice to its lift, whether or not
    its response has begun (SPEC D1); else over the response periods.
    season: the year the season starts in; by default the result's own (its `season`, or its
    first day), else the first response's (July–June years: 2020-01-15 → 2019).
    data_end: where the run's data ends (a response still in force reports daily up to there);
    by default the day after the result's last day, else the end of the season (1 April).
    yearly_on_working_day: move a D3 date that is not a working day back to the last one.
    plan: whose deadline rules and owners (aqi.plan(): an id, a plan folder or an aqi.Plan); by
    default the season result's own plan (its `plan`) when it has one, else "yiyuan-2019".

    Returns a DataFrame: due (local time; NaT for the summary of a response not yet lifted),
    what, who, rule (D1/D2/D3), kind, period (row of response_periods), day (D1: 1, 2, …),
    what_zh, who_zh (the plan's words), submit_to (to whom), warning (D1 from a season result:
    row of its `warnings`), detail_zh (SPEC N5: the facts `what` adds to the plan's words — the
    response or receipt, its times, the day —, so what_zh + detail_zh says in Chinese what `what`
    says); attrs season and plan.
    """
    import pandas as pd
    from .plans import plan as _plan
    periods = getattr(season_result, "response_periods", season_result)
    if not isinstance(periods, pd.DataFrame):
        raise TypeError("deadlines: expected a season result with response_periods, or a DataFrame "
                        "with columns start, end, response")
    missing = [c for c in ("start", "end") if c not in periods.columns]
    if missing:
        raise KeyError(f"response_periods: missing column(s) {', '.join(missing)}; expected start, end, response")
    starts = _seconds(periods["start"], "start")
    ends = _seconds(periods["end"], "end")
    levels = _levels(periods["response"]) if "response" in periods.columns else [""] * len(periods)
    days = getattr(season_result, "days", None)
    day_index = days.index if isinstance(days, pd.DataFrame) and isinstance(days.index, pd.DatetimeIndex) else None
    day_numbers = None if day_index is None or not len(day_index) else _day_numbers(day_index[[0, -1]])
    if season is None:
        own = getattr(season_result, "season", None)
        season = int(own) if isinstance(own, (int, np.integer)) else None
    if plan is None:
        plan = getattr(season_result, "plan", None)
    calendar = _core.deadline_calendar(
        None if season is None else int(season), starts, ends, levels,
        None if day_numbers is None else day_numbers[0], None if day_numbers is None else day_numbers[1],
        None if data_end is None else int(_seconds([data_end], "data_end")[0]), bool(yearly_on_working_day),
        None if plan is None else _plan(plan), *_warning_columns(getattr(season_result, "warnings", None)))
    out = frame(calendar.deadlines)
    # Where a row is no response's (D3) or no day's report (D2, D3): <NA>, not -1 or 0.
    out["period"] = pd.array(np.where(out["period"] < 0, None, out["period"]), dtype="Int64")
    out["day"] = pd.array(np.where(out["day"] == 0, None, out["day"]), dtype="Int64")
    out["warning"] = pd.array(np.where(out["warning"] < 0, None, out["warning"]), dtype="Int64")
    out.attrs["season"] = calendar.season
    out.attrs["plan"] = calendar.rules
    return out
