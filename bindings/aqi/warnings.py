"""Warning levels from forecast AQI — SPEC W1–W9, W7 rule sets."""
from __future__ import annotations

import os

import numpy as np

from . import _core
from ._convert import as_bool, as_float64
from ._frames import frame

#: The built-in rule sets (SPEC W7); "yiyuan-2019" is the default.
RULE_SETS = tuple(_core.rule_set_ids())
RuleSet = _core.RuleSet


def rule_set(rules="yiyuan-2019") -> RuleSet:
    """A rule set: a built-in id ("yiyuan-2019", "mee-2017", "beijing-2013"), a path to a TOML
    file of the same form (libaqi/rules/warnings/README), a plan (aqi.Plan, or the path of a plan
    folder: its warning rules), or a RuleSet (returned as is)."""
    from .plans import Plan, plan
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, Plan):
        return rules.warnings
    path = os.fspath(rules) if isinstance(rules, (str, os.PathLike)) else None
    if path is not None and path.endswith(".toml"):
        return _core.load_rule_set(path)
    if path is not None and os.path.isdir(path) and os.path.isfile(os.path.join(path, "plan.toml")):
        return plan(path).warnings
    if not isinstance(rules, str):
        raise TypeError(f"rules must be a rule-set id, a .toml path or an aqi.RuleSet, got {type(rules).__name__}")
    return _core.rule_set(rules)


def _field(name, doc):
    return property(lambda self: getattr(self._core, name), doc=doc)


class Warning:
    """A classification and its explanation (SPEC W6), computed by the library (_core.Warning).

    level: level name ("none", "yellow", "orange", "red"; per rule set); level_code: its index
    (0 = none); response: None, "III", "II", "I" (or "IV"); clause: the rule that fired;
    first, last: first and last day (daily) or hour (hourly) of the qualifying run, as indices
    into the input (None without a warning); days_above_200, days_above_300: the longest runs of
    day-means above 200 and 300 (within the qualifying run, else anywhere); peak: the highest
    day-mean; level_zh, response_zh, clause_zh, explanation_zh: the same in Chinese (SPEC N5);
    alignment: for hourly input, the hour (mod 24) at which the day-blocks end; basis:
    "hi", "mid" or "lo" for range forecasts (W2 c); rules: the rule set's id (rule_set: the set).
    """

    __slots__ = ("_core",)

    rules = _field("rules", "The id of the rule set.")
    rule_set = _field("rule_set", "The rule set (aqi.RuleSet) the classification was computed with.")
    kind = _field("kind", '"daily" or "hourly": what the classification was computed from.')
    level = _field("level", 'The level name ("none" without a warning).')
    level_zh = _field("level_zh", 'SPEC N5: the level\'s Chinese name ("橙色"; "无预警" without a warning).')
    level_code = _field("level_code", "The level's index in the rule set (0 = none).")
    response = _field("response", 'The response level (R1): "III", "II", "I" (or "IV"); None without a warning.')
    response_zh = _field("response_zh", 'SPEC N5: "Ⅲ级", "Ⅱ级", "Ⅰ级" (or "Ⅳ级"); None without a warning.')
    clause = _field("clause", 'The clause that fired ("" without a warning).')
    clause_zh = _field("clause_zh", 'SPEC N5: the clause in Chinese ("" without a warning).')
    first = _field("first", "First day (daily) or hour (hourly) of the qualifying run; None without a warning.")
    last = _field("last", "Last day or hour of the qualifying run; None without a warning.")
    days_above_200 = _field("days_above_200", "Longest run of day-means > 200 (in the qualifying run, else anywhere).")
    days_above_300 = _field("days_above_300", "Longest run of day-means > 300 (in the qualifying run, else anywhere).")
    peak = _field("peak", "The highest day-mean of the series (NaN without one).")
    alignment = _field("alignment", "Hourly input: the hour (mod 24) at which the day-blocks end; else None.")
    basis = _field("basis", 'Range forecasts (W2 c): "hi", "mid" or "lo"; else None.')
    explanation = _field("explanation", "One sentence an analyst can read: why this level, or why none.")
    explanation_zh = _field("explanation_zh", "SPEC N5: the explanation in Chinese, fact for fact.")

    def __init__(self, result):
        if not isinstance(result, _core.Warning):
            raise TypeError("aqi.Warning wraps a classification: use aqi.classify_daily, classify_hourly or "
                            "classify_daily_range")
        self._core = result

    def explain(self, lang="en") -> str:
        """Why this level, or why none (SPEC W6): lang "en" (the default, as before) or "zh" (N5)."""
        from .notices import _lang
        return self._core.explain_zh() if _lang(lang) == "zh" else self._core.explain()

    def to_frame(self):
        """The classification as a one-row DataFrame (for concatenating many)."""
        return frame(self._core.table())

    def __eq__(self, other):
        return isinstance(other, Warning) and self._core == other._core

    __hash__ = None

    def __copy__(self):
        return self  # immutable

    def __deepcopy__(self, memo):
        return self

    def __repr__(self) -> str:
        return repr(self._core)


def _series(values, name="values"):
    arr = as_float64(values, name)
    if arr.ndim != 1:
        raise ValueError(f"{name}: expected a one-dimensional series, got shape {arr.shape}")
    return arr


def _dust(dust, n):
    return None if dust is None else as_bool(dust, "dust", n).view(np.uint8)


def classify_daily(values, *, dust=None, rules="yiyuan-2019") -> Warning:
    """Warning level of daily AQI day-means for consecutive days (SPEC W2 a, W3–W6, W8, W9).

    values: AQI per day, NaN = missing (breaks a run, W8); dust: bools, True where the day's
    pollution is sand and dust (it then exceeds no threshold, W5).
    """
    v = _series(values)
    return Warning(_core.classify_daily(v, _dust(dust, len(v)), rule_set(rules)))


def classify_hourly(values, *, dust=None, rules="yiyuan-2019") -> Warning:
    """Warning level of an hourly AQI series (SPEC W1, W2 b, W3): trailing 24-hour means (at
    least 20 valid hours, A5), k-day runs = k back-to-back 24-hour blocks aligned at any hour.
    `first`/`last` of the result are hours. dust: bools per hour; a 24-hour window containing a
    dust hour exceeds no threshold (W5).
    """
    v = _series(values)
    return Warning(_core.classify_hourly(v, _dust(dust, len(v)), rule_set(rules)))


def classify_daily_range(lo, hi, *, use="hi", dust=None, rules="yiyuan-2019") -> Warning:
    """A daily forecast published as ranges [lo, hi] ("AQI 180–240") — SPEC W2 c. Classified on
    the upper bound by default (precautionary), or on "mid" or "lo"; `basis` says which."""
    lo, hi = _series(lo, "lo"), _series(hi, "hi")
    return Warning(_core.classify_daily_range(lo, hi, use, _dust(dust, len(lo)), rule_set(rules)))


def day_levels(values, *, dust=None, rules="yiyuan-2019") -> np.ndarray:
    """Per day, the level code of the qualifying run covering it (0 = none) — the observed side
    of SPEC L4's verification."""
    v = _series(values)
    return _core.day_levels(v, _dust(dust, len(v)), rule_set(rules))


def classify_batch(values, *, kind="hourly", rules="yiyuan-2019", threads=0) -> np.ndarray:
    """Level codes of many series in one multi-threaded call: `values` is any array whose last
    axis is time (hours or days), e.g. stations × ensemble members × hours. Returns int8 codes of
    shape values.shape[:-1]: the level's index in the rule set (yiyuan-2019: 0 none, 1 yellow,
    2 orange, 3 red). NaN is missing; a negative or infinite value raises ValueError naming its
    full index."""
    if np.ndim(values) == 0:  # as_float64 makes a scalar one-dimensional: check first
        raise ValueError("values: expected an array whose last axis is time")
    arr = as_float64(values, "values")
    return _core.classify_batch(np.ascontiguousarray(arr), kind, rule_set(rules), int(threads))


def level_probabilities(values, *, member_axis, kind="hourly", rules="yiyuan-2019") -> np.ndarray:
    """From ensemble members, the probability of each level (beyond the plan).

    values: array with a member axis and time as the last axis. Returns the share of members
    whose forecast classifies at each level, shape = values.shape without the member and time
    axes, plus a last axis over the level codes (0 = none, …); each row sums to 1.
    """
    arr = as_float64(values, "values")
    if arr.ndim < 2:
        raise ValueError("values: expected at least a member axis and a time axis")
    axis = member_axis % arr.ndim
    if axis == arr.ndim - 1:
        raise ValueError("member_axis cannot be the last axis: the last axis is time")
    rs = rule_set(rules)
    codes = classify_batch(arr, kind=kind, rules=rs)
    members = codes.shape[axis]
    counts = np.stack([(codes == k).sum(axis=axis) for k in range(len(rs.levels))], axis=-1)
    return counts / members
