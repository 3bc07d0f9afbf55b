"""The brick-kiln rotating shutdown — SPEC K1–K7 (plan §5.5, 砖瓦企业轮停).

One-line kilns stop in one of three batch windows (B1 Oct–Dec, B2 Nov–Jan, B3 Dec–Feb; K1, K2),
windows that include January 7 days longer (K4); kilns with two or more lines stop ⌈n/2⌉
lines all season (K3); the assignment maximises the smallest weighted monthly stopped capacity
(K5). The rules are a plan's (its kilns.toml): `plan=` takes another plan (aqi.plan(...), an id
or a folder). Decisions: docs/kilns.md. The rules are decided in the compiled core; this module
converts tables and dates and documents.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np

from . import _core
from ._convert import as_float64
from ._frames import frame

#: The batch of a multi-line kiln's windows in KilnSchedule.assignments (K3: it stops all season).
MULTI_LINE_BATCH: str = _core.MULTI_LINE_BATCH


def _days(values, name):
    """Dates (strings, datetime.date, Timestamps, datetime64) → int64 days since 1970; NaT kept."""
    import pandas as pd
    if not hasattr(values, "dtype"):
        values = pd.Series(list(values), dtype=object)
    try:
        idx = pd.DatetimeIndex(pd.to_datetime(values))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{name}: cannot read dates: {exc}") from None
    if idx.tz is not None:
        idx = idx.tz_convert("Asia/Shanghai").tz_localize(None)
    return np.ascontiguousarray(idx.values.astype("datetime64[D]").astype(np.int64))


def _integers(values, name):
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        return np.ascontiguousarray(arr, dtype=np.int64)
    flat = arr.tolist()
    for i, v in enumerate(flat):
        whole = (isinstance(v, (int, np.integer)) and not isinstance(v, bool)) or (
            isinstance(v, float) and v.is_integer())
        if not whole:
            raise ValueError(f"{name}[{i}]: {v!r} is not a whole number")
    return np.ascontiguousarray(np.array(flat, dtype=np.int64))


def _plan_arg(plan):
    if plan is None:
        return None
    from .plans import plan as _plan
    return _plan(plan)


#: SPEC K8: the kiln table's optional emission columns (t/day), all four or none.
KILN_EMISSION_COLUMNS = ("so2", "nox", "pm", "vocs")


def _kiln_emissions(kilns):
    """SPEC K8: the so2, nox, pm, vocs columns as an n × 4 float array (NaN: none given), or None
    when the table has none of them; a table with only some of them is refused."""
    given = [c for c in KILN_EMISSION_COLUMNS if c in kilns]
    if not given:
        return None
    missing = [c for c in KILN_EMISSION_COLUMNS if c not in kilns]
    if missing:
        raise KeyError(f"kilns: kiln emissions need all four columns so2, nox, pm, vocs (t/day, SPEC K8); "
                       f"missing {', '.join(missing)}")
    cols = [as_float64(kilns[c], f"kilns.{c}") for c in KILN_EMISSION_COLUMNS]
    return np.ascontiguousarray(np.column_stack(cols), dtype=np.float64)


def _kiln_columns(kilns):
    """(ids, lines, capacity) from a DataFrame, a mapping of columns, or a CSV path."""
    return _kiln_table(kilns)[:3]


def _kiln_table(kilns):
    """(ids, lines, capacity, emissions or None) from a DataFrame, a mapping of columns, or a CSV
    path (emissions: SPEC K8)."""
    if isinstance(kilns, (str, os.PathLike)):
        kilns = read_kilns(kilns)
    if isinstance(kilns, KilnSchedule):
        kilns = kilns.kilns
    if not hasattr(kilns, "__getitem__"):
        raise TypeError("kilns: expected a DataFrame (id, lines, capacity), a mapping of columns or a CSV path")
    missing = [c for c in ("id", "lines", "capacity") if c not in kilns]
    if missing:
        raise KeyError(f"kilns: missing column(s) {', '.join(missing)}; expected id, lines, capacity")
    ids = _ids(kilns["id"], "kilns.id")
    return (ids, _integers(kilns["lines"], "kilns.lines"), as_float64(kilns["capacity"], "kilns.capacity"),
            _kiln_emissions(kilns))


def _ids(values, name):
    """Kiln ids as strings; a missing one (None, NaN) is an error, not the kiln "nan"."""
    import pandas as pd
    out = []
    for i, x in enumerate(list(values)):
        if x is None or (not isinstance(x, str) and pd.isna(x)):
            raise ValueError(f"{name}[{i}]: a kiln id is required")
        out.append(str(x))
    return out


def _month_key(key):
    """A mapping's key as the core reads a month: a calendar month number or a label."""
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        return int(key)
    return str(key)


def _weights(month_weights, season, plan):
    """None, six numbers (Oct … Mar), or a mapping month → weight (month: 1–12 or "YYYY-MM");
    months a mapping leaves out weigh 0 (the season's calendar places them: K5)."""
    if month_weights is None:
        return None
    if isinstance(month_weights, Mapping) or hasattr(month_weights, "items"):
        given = [(_month_key(k), float(w)) for k, w in month_weights.items()]
        return _core.kiln_season(int(season), None, "after_end", plan).weights_by_month(given)
    return [float(w) for w in month_weights]


def _assignment_columns(assignments):
    if isinstance(assignments, KilnSchedule):
        assignments = assignments.assignments
    missing = [c for c in ("id", "start", "end") if c not in assignments]
    if missing:
        raise KeyError(f"assignments: missing column(s) {', '.join(missing)}; expected id, line, start, end")
    ids = _ids(assignments["id"], "assignments.id")
    lines = (_integers(assignments["line"], "assignments.line") if "line" in assignments
             else np.ones(len(ids), dtype=np.int64))
    return ids, lines, _days(assignments["start"], "assignments.start"), _days(assignments["end"], "assignments.end")


def _extension(january_extension_days):
    """None: the rules' own (7 days); the core checks the range (0 to 92)."""
    return None if january_extension_days is None else int(january_extension_days)


class KilnSchedule:
    """A season's kiln rotation (SPEC K1–K6), from :func:`kiln_schedule`.

    assignments: DataFrame (id, line, start, end — inclusive dates —, batch "B1"/"B2"/"B3" or
    "K3" for a line of a multi-line kiln, days), one row per stopped line and window.
    monthly: DataFrame indexed by month "YYYY-MM" (stopped_capacity S_m, share of the total
    capacity, weight w_m) — K5; monthly_by_batch: each month's S_m by part (K3: the multi-line
    kilns, then each batch).
    batches: DataFrame indexed by batch (name_zh, start, end — K4 days included —, extended,
    months_start, months_end — the whole months of K1 —, kilns, capacity).
    objective: min over weighted months of S_m / w_m (K5); bound: its LP-relaxation upper
    bound; gap: (bound − objective) / bound; spread: max − min of S_m / w_m (the tie-break);
    exact: True when every assignment was tried (then optimal whatever the gap).
    kilns: the input table; season: the year the season starts in; season_start, season_end.
    """

    def __init__(self, core, kilns):
        import pandas as pd
        self._core = core
        self.assignments = frame(core.assignments)
        self.monthly = frame(core.monthly, index="month")
        self.monthly_by_batch = frame(core.monthly_by_batch, index="month")
        self.batches = frame(core.batches, index="batch")
        ids, lines, capacity, emissions = kilns
        self.kilns = pd.DataFrame({"id": ids, "lines": lines, "capacity": capacity})
        if emissions is not None:  # SPEC K8
            for k, column in enumerate(KILN_EMISSION_COLUMNS):
                self.kilns[column] = emissions[:, k]
        self.kiln_batch = core.kiln_batch
        self.season = core.season
        self.season_start = pd.Timestamp(core.season_start)
        self.season_end = pd.Timestamp(core.season_end)
        self.objective = core.objective
        self.bound = core.bound
        self.gap = core.gap
        self.spread = core.spread
        self.exact = core.exact
        self.rotation = core.rotation
        self.total_capacity = core.total_capacity
        self.multi_line = {"kilns": core.multi_line_kilns, "stopped_lines": core.multi_line_stopped_lines,
                           "capacity": core.multi_line_capacity}
        self.extension_days = core.extension_days

    def __repr__(self) -> str:
        return repr(self._core)


def kiln_schedule(kilns, season: int = 2019, month_weights=None, *, rotation: str = "fixed",
                  january_extension_days: int | None = None, extension: str = "after_end",
                  exact_up_to: int | None = None, plan=None) -> KilnSchedule:
    """The brick-kiln rotation of a season (SPEC K1–K6).

    kilns: DataFrame with columns id, lines, capacity (capacity per line, any unit), a mapping
    of those columns, or the path of such a CSV file (errors name file:line:column).
    season: the year the season starts in (2019 = 2019-10-01 … 2020-03-31; K6).
    month_weights: K5 weights — None (Nov–Feb 1, Oct and Mar 0), six numbers for Oct … Mar,
    or a mapping month → weight (1–12 or "YYYY-MM"; months left out weigh 0).
    rotation: "fixed" (lines 1 … ⌈n/2⌉ stop all season) or "cyclic" (lines take turns; K3).
    january_extension_days: K4's allowance (None: the plan's 7); extension: "after_end" (the
    spec's decision) or "before_start".
    exact_up_to: up to this many one-line kilns every assignment is tried (optimal); None: while
    the assignments to try number at most 3^12 (12 kilns under three batches).
    plan: whose kiln rules (default the built-in plan's).
    """
    cols = _kiln_table(kilns)
    if exact_up_to is not None and int(exact_up_to) < 0:  # would reach the core as a failed size_t conversion
        raise ValueError(f"exact_up_to must be a whole number ≥ 0, got {exact_up_to}")
    plan = _plan_arg(plan)
    core = _core.kiln_schedule(cols[0], cols[1], cols[2], int(season), _weights(month_weights, season, plan),
                               _extension(january_extension_days), extension, rotation,
                               None if exact_up_to is None else int(exact_up_to), plan)
    return KilnSchedule(core, cols)


def validate_kiln_schedule(kilns, assignments, season: int = 2019, *,
                           january_extension_days: int | None = None, extension: str = "after_end",
                           plan=None) -> list[str]:
    """Every violation of K1–K5 by a given schedule (SPEC K7), as messages; [] when valid.

    assignments: DataFrame with id, line (optional, default 1), start, end (inclusive dates),
    e.g. a schedule a town published, or a KilnSchedule. Messages start with the rule
    ("K4: kiln 'YY-K03' (1 line) is stopped …"); rows that cannot be read are named
    "assignments[i]: …". january_extension_days / extension / plan: as for kiln_schedule.
    """
    k = _kiln_columns(kilns)
    a = _assignment_columns(assignments)
    found = _core.validate_kiln_schedule(k[0], k[1], k[2], a[0], a[1], a[2], a[3], int(season),
                                         _extension(january_extension_days), extension, _plan_arg(plan))
    return [v.message for v in found]


def evaluate_kiln_schedule(kilns, assignments, season: int = 2019, month_weights=None, *,
                           january_extension_days: int | None = None, extension: str = "after_end", plan=None):
    """K5 for a given schedule: DataFrame indexed by month (stopped_capacity, share, weight) with
    attrs objective and spread — to compare a published schedule with kiln_schedule's."""
    k = _kiln_columns(kilns)
    a = _assignment_columns(assignments)
    plan = _plan_arg(plan)
    e = _core.evaluate_kiln_schedule(k[0], k[1], k[2], a[0], a[1], a[2], a[3], int(season),
                                     _weights(month_weights, season, plan), _extension(january_extension_days),
                                     extension, plan)
    out = frame(e.monthly, index="month")
    out.attrs.update(objective=e.objective, spread=e.spread)
    return out


def read_kilns(path):
    """The kiln table of a CSV file (id, lines, capacity; other columns ignored) as a DataFrame."""
    return frame(_core.read_kilns(os.fspath(path)))


def kiln_batches(season: int = 2019, *, january_extension_days: int | None = None, extension: str = "after_end",
                 plan=None):
    """The batch windows of a season (K1, K4, K6): DataFrame indexed by batch (name_zh, start,
    end — K4 days included —, months_start, months_end, includes_january)."""
    season_ = _core.kiln_season(int(season), _extension(january_extension_days), extension, _plan_arg(plan))
    return frame(season_.batches, index="batch")
