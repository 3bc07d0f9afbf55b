"""The brick-kiln rotating shutdown — SPEC K1–K7 (plan §5.5, 砖瓦企业轮停).

One-line kilns stop in one of three batch windows (B1 Oct–Dec, B2 Nov–Jan, B3 Dec–Feb; K1, K2),
windows that include January 7 days longer (K4); kilns with two or more lines stop ⌈n/2⌉
lines all season (K3); the assignment maximises the smallest weighted monthly stopped capacity
(K5). Decisions: docs/kilns.md.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np

from . import _core
from ._convert import as_float64

_EPOCH = np.datetime64("1970-01-01", "D")
_RULES = _core.kiln_rules()


def _dates(days):
    import pandas as pd
    return pd.to_datetime(_EPOCH + np.asarray(days, dtype="int64").astype("timedelta64[D]"))


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


def _kiln_columns(kilns):
    """(ids, lines, capacity) from a DataFrame, a mapping of columns, or a CSV path."""
    if isinstance(kilns, (str, os.PathLike)):
        raw = _core.read_kilns(os.fspath(kilns))
        return raw["id"], raw["lines"], raw["capacity"]
    if isinstance(kilns, KilnSchedule):
        kilns = kilns.kilns
    if not hasattr(kilns, "__getitem__"):
        raise TypeError("kilns: expected a DataFrame (id, lines, capacity), a mapping of columns or a CSV path")
    missing = [c for c in ("id", "lines", "capacity") if c not in kilns]
    if missing:
        raise KeyError(f"kilns: missing column(s) {', '.join(missing)}; expected id, lines, capacity")
    ids = _ids(kilns["id"], "kilns.id")
    return ids, _integers(kilns["lines"], "kilns.lines"), as_float64(kilns["capacity"], "kilns.capacity")


def _ids(values, name):
    """Kiln ids as strings; a missing one (None, NaN) is an error, not the kiln "nan"."""
    import pandas as pd
    out = []
    for i, x in enumerate(list(values)):
        if x is None or (not isinstance(x, str) and pd.isna(x)):
            raise ValueError(f"{name}[{i}]: a kiln id is required")
        out.append(str(x))
    return out


def _weights(month_weights, season):
    """None, six numbers (Oct … Mar), or a mapping month → weight (month: 1–12 or "YYYY-MM");
    months a mapping leaves out weigh 0."""
    if month_weights is None:
        return None
    info = _core.kiln_season(int(season), -1, "after_end")
    labels = info["months"]
    if isinstance(month_weights, Mapping) or hasattr(month_weights, "items"):
        out = [0.0] * len(labels)
        for key, w in month_weights.items():
            if isinstance(key, (int, np.integer)) and 1 <= int(key) <= 12:
                hits = [i for i, lab in enumerate(labels) if int(lab[5:]) == int(key)]
            else:
                hits = [i for i, lab in enumerate(labels) if lab == str(key)]
            if not hits:
                raise KeyError(f"month_weights: {key!r} is not a month of season {season} "
                               f"({labels[0]} … {labels[-1]}); use 1–12 or 'YYYY-MM'")
            out[hits[0]] = float(w)
        return out
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
    if january_extension_days is None:
        return -1  # the rules' own (7 days)
    days = int(january_extension_days)
    if days < 0:  # the core reads any negative number as "the rules' own": never silently 7
        raise ValueError(f"january_extension_days must be 0 to 92 (None: the rules' 7), got {days}")
    return days


class KilnSchedule:
    """A season's kiln rotation (SPEC K1–K6), from :func:`kiln_schedule`.

    assignments: DataFrame (id, line, start, end — inclusive dates —, batch "B1"/"B2"/"B3" or
    "K3" for a line of a multi-line kiln, days), one row per stopped line and window.
    monthly: DataFrame indexed by month "YYYY-MM" (stopped_capacity S_m, share of the total
    capacity, weight w_m) — K5.
    batches: DataFrame indexed by batch (name_zh, start, end — K4 days included —, extended,
    months_start, months_end — the whole months of K1 —, kilns, capacity).
    objective: min over weighted months of S_m / w_m (K5); bound: its LP-relaxation upper
    bound; gap: (bound − objective) / bound; spread: max − min of S_m / w_m (the tie-break);
    exact: True when every assignment was tried (then optimal whatever the gap).
    kilns: the input table; season: the year the season starts in.
    """

    def __init__(self, raw, kilns, season):
        import pandas as pd
        w = raw["windows"]
        start, end = _dates(w["start"]), _dates(w["end"])
        self.assignments = pd.DataFrame({
            "id": w["id"], "line": np.asarray(w["line"], dtype=np.int64), "start": start, "end": end,
            "batch": pd.Categorical(w["batch"], categories=[b["name"] for b in raw["batches"]] + ["K3"]),
            "days": (end - start).days + 1,
        })
        m = raw["months"]
        self.monthly = pd.DataFrame({"stopped_capacity": m["stopped_capacity"], "share": m["share"],
                                     "weight": m["weight"]}, index=pd.Index(m["month"], name="month"))
        self.batches = pd.DataFrame({
            "name_zh": [b["name_zh"] for b in raw["batches"]],
            "start": _dates([b["start"] for b in raw["batches"]]),
            "end": _dates([b["end"] for b in raw["batches"]]),
            "extended": [b["extended"] for b in raw["batches"]],
            "months_start": _dates([b["months_start"] for b in raw["season"]["batches"]]),
            "months_end": _dates([b["months_end"] for b in raw["season"]["batches"]]),
            "kilns": [b["kilns"] for b in raw["batches"]],
            "capacity": [b["capacity"] for b in raw["batches"]],
        }, index=pd.Index([b["name"] for b in raw["batches"]], name="batch"))
        ids, lines, capacity = kilns
        self.kilns = pd.DataFrame({"id": ids, "lines": lines, "capacity": capacity})
        self.kiln_batch = [None if b < 0 else raw["batches"][b]["name"] for b in raw["kiln_batch"]]
        self.season = int(season)
        self.objective = float(raw["objective"])
        self.bound = float(raw["bound"])
        self.gap = float(raw["gap"])
        self.spread = float(raw["spread"])
        self.exact = bool(raw["exact"])
        self.rotation = raw["rotation"]
        self.total_capacity = float(raw["total_capacity"])
        self.multi_line = {"kilns": raw["multi_line_kilns"], "stopped_lines": raw["multi_line_stopped_lines"],
                           "capacity": raw["multi_line_capacity"]}
        self.extension_days = raw["season"]["extension_days"]

    def __repr__(self) -> str:
        per_batch = ", ".join(f"{b} {int(r.kilns)}" for b, r in self.batches.iterrows())
        lines = int(self.kilns["lines"].sum())
        how = "exact" if self.exact else f"gap {100 * self.gap:.3g} %"
        return (f"aqi.KilnSchedule(season={self.season}, {len(self.kilns)} kilns / {lines} lines; "
                f"one-line kilns per batch: {per_batch}; multi-line kilns {self.multi_line['kilns']} "
                f"({self.multi_line['stopped_lines']} lines stopped all season); "
                f"objective {self.objective:.6g}, bound {self.bound:.6g}, {how})")


def kiln_schedule(kilns, season: int = 2019, month_weights=None, *, rotation: str = "fixed",
                  january_extension_days: int | None = None, extension: str = "after_end",
                  exact_up_to: int = 12) -> KilnSchedule:
    """The brick-kiln rotation of a season (SPEC K1–K6).

    kilns: DataFrame with columns id, lines, capacity (capacity per line, any unit), a mapping
    of those columns, or the path of such a CSV file (errors name file:line:column).
    season: the year the season starts in (2019 = 2019-10-01 … 2020-03-31; K6).
    month_weights: K5 weights — None (Nov–Feb 1, Oct and Mar 0), six numbers for Oct … Mar,
    or a mapping month → weight (1–12 or "YYYY-MM"; months left out weigh 0).
    rotation: "fixed" (lines 1 … ⌈n/2⌉ stop all season) or "cyclic" (lines take turns; K3).
    january_extension_days: K4's allowance (None: the plan's 7); extension: "after_end" (the
    spec's decision) or "before_start".
    exact_up_to: up to this many one-line kilns every assignment is tried (optimal).
    """
    cols = _kiln_columns(kilns)
    if int(exact_up_to) < 0:
        raise ValueError(f"exact_up_to must be a whole number ≥ 0, got {exact_up_to}")
    raw = _core.kiln_schedule(cols[0], cols[1], cols[2], int(season), _weights(month_weights, season),
                              _extension(january_extension_days), extension, rotation, int(exact_up_to))
    return KilnSchedule(raw, cols, season)


def validate_kiln_schedule(kilns, assignments, season: int = 2019, *,
                           january_extension_days: int | None = None, extension: str = "after_end") -> list[str]:
    """Every violation of K1–K5 by a given schedule (SPEC K7), as messages; [] when valid.

    assignments: DataFrame with id, line (optional, default 1), start, end (inclusive dates),
    e.g. a schedule a town published, or a KilnSchedule. Messages start with the rule
    ("K4: kiln 'YY-K03' (1 line) is stopped …"); rows that cannot be read are named
    "assignments[i]: …". january_extension_days / extension: as for kiln_schedule.
    """
    k = _kiln_columns(kilns)
    a = _assignment_columns(assignments)
    found = _core.validate_kiln_schedule(k[0], k[1], k[2], a[0], a[1], a[2], a[3], int(season),
                                         _extension(january_extension_days), extension)
    return [v["message"] for v in found]


def evaluate_kiln_schedule(kilns, assignments, season: int = 2019, month_weights=None, *,
                           january_extension_days: int | None = None, extension: str = "after_end"):
    """K5 for a given schedule: DataFrame indexed by month (stopped_capacity, share, weight) with
    attrs objective and spread — to compare a published schedule with kiln_schedule's."""
    import pandas as pd
    k = _kiln_columns(kilns)
    a = _assignment_columns(assignments)
    raw = _core.evaluate_kiln_schedule(k[0], k[1], k[2], a[0], a[1], a[2], a[3], int(season),
                                       _weights(month_weights, season), _extension(january_extension_days),
                                       extension)
    m = raw["months"]
    out = pd.DataFrame({"stopped_capacity": m["stopped_capacity"], "share": m["share"], "weight": m["weight"]},
                       index=pd.Index(m["month"], name="month"))
    out.attrs.update(objective=raw["objective"], spread=raw["spread"])
    return out


def read_kilns(path):
    """The kiln table of a CSV file (id, lines, capacity; other columns ignored) as a DataFrame."""
    import pandas as pd
    raw = _core.read_kilns(os.fspath(path))
    return pd.DataFrame({"id": raw["id"], "lines": raw["lines"], "capacity": raw["capacity"]})


def kiln_batches(season: int = 2019, *, january_extension_days: int | None = None, extension: str = "after_end"):
    """The batch windows of a season (K1, K4, K6): DataFrame indexed by batch (name_zh, start,
    end — K4 days included —, months_start, months_end, includes_january)."""
    import pandas as pd
    info = _core.kiln_season(int(season), _extension(january_extension_days), extension)
    b = info["batches"]
    return pd.DataFrame({
        "name_zh": [x["name_zh"] for x in b],
        "start": _dates([x["start"] for x in b]), "end": _dates([x["end"] for x in b]),
        "months_start": _dates([x["months_start"] for x in b]), "months_end": _dates([x["months_end"] for x in b]),
        "includes_january": [x["includes_january"] for x in b],
    }, index=pd.Index([x["name"] for x in b], name="batch"))
