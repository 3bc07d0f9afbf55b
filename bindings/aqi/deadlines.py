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

_EPOCH_S = np.datetime64("1970-01-01T00:00:00", "s")


def _seconds(values, name):
    import pandas as pd
    try:
        idx = pd.DatetimeIndex(pd.to_datetime(values))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"response_periods.{name}: cannot read times: {exc}") from None
    if idx.tz is not None:  # SPEC: local time is China Standard Time
        idx = idx.tz_convert("Asia/Shanghai").tz_localize(None)
    return np.ascontiguousarray(idx.values.astype("datetime64[s]").astype(np.int64))


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
    doc_no = ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
              for v in warnings.get("doc_no", [""] * len(warnings))]
    return _seconds(warnings["issued"], "issued"), _seconds(warnings["lifted"], "lifted"), period, doc_no


def deadlines(season_result, season: int | None = None, *, data_end=None, yearly_on_working_day: bool = False):
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

    Returns a DataFrame: due (local time; NaT for the summary of a response not yet lifted),
    what, who, rule (D1/D2/D3), kind, period (row of response_periods), day (D1: 1, 2, …),
    what_zh, who_zh (the plan's words), submit_to (to whom), warning (D1: row of `warnings`).
    """
    import pandas as pd
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
    if season is None:
        own = getattr(season_result, "season", None)
        if isinstance(own, (int, np.integer)):
            season = int(own)
        elif day_index is not None and len(day_index):
            season = _core.season_of(int((day_index[0].to_datetime64().astype("datetime64[D]")
                                          - np.datetime64("1970-01-01", "D")).astype(np.int64)))
        elif len(starts) and starts[0] != np.iinfo(np.int64).min:
            season = _core.season_of(int(starts[0] // 86400))
        else:
            raise ValueError("deadlines: cannot tell the season from an empty run; pass season=")
    if data_end is None and day_index is not None and len(day_index):
        data_end = day_index[-1].normalize() + pd.Timedelta(days=1)
    end_s = None if data_end is None else int(_seconds([data_end], "data_end")[0])
    warnings = _warning_columns(getattr(season_result, "warnings", None))
    raw = _core.deadline_calendar(int(season), starts, ends, levels, end_s, bool(yearly_on_working_day), *warnings)
    due = pd.to_datetime(np.asarray(raw["due"], dtype=np.int64).astype("datetime64[s]"))
    period = pd.array([None if p < 0 else int(p) for p in raw["period"]], dtype="Int64")
    day = pd.array([None if d == 0 else int(d) for d in raw["day"]], dtype="Int64")
    out = pd.DataFrame({
        "due": due, "what": raw["what"], "who": raw["who"], "rule": raw["rule"], "kind": raw["kind"],
        "period": period, "day": day, "what_zh": raw["what_zh"], "who_zh": raw["who_zh"],
        "submit_to": raw["submit_to_zh"],
        "warning": pd.array([None if w < 0 else int(w) for w in raw["warning"]], dtype="Int64"),
    })
    out.attrs["season"] = int(season)
    return out
