"""What the county's command office hands out — SPEC N1–N4: the notices of a season (预警信息发布
文本), their publication checklist (plan §4.3), the task lists of the member units (annex 3) and
of each source (一厂一策), and the response statistics table of each episode (应急响应统计表).
Every document is decided and worded in C++ (the plan's templates, notices.toml; the duties,
duties.toml); these functions convert to DataFrames."""
from __future__ import annotations

import numpy as np

from . import _core
from ._frames import frame
from .emissions import _dust_cap_arg, _inventory_arg, emission_cuts
from .plans import PLANS
from .plans import plan as _plan

#: The languages the documents are written in: the notices are Chinese (SPEC N1); tables carry
#: both languages' columns (`*_zh` beside English).
LANGUAGES = ("zh", "en")


def _lang(lang, allowed=LANGUAGES):
    if lang not in allowed:
        raise ValueError(f"lang must be one of {', '.join(map(repr, allowed))}, got {lang!r}")
    return lang


def _season_plan(season, plan):
    """The plan of a season run: the one given, else the built-in plan of the season's rule set."""
    if plan is not None:
        return _plan(plan)
    if season.rules not in PLANS:
        raise ValueError(f"the season's rule set {season.rules!r} is not a built-in plan's; pass plan= (a plan id, "
                         "folder or aqi.Plan) for its notice wording, catalogue and deadlines")
    return _plan(season.rules)


def notices(season, lang="zh", *, plan=None):
    """SPEC N1: one row per notice of `season` (an aqi.SeasonResult) — per order the county relays
    (relay mode), per event (forecast mode) — in time order: time, event, level, level_zh,
    response, response_zh, doc_no (of the order relayed), title and text (the notice, Chinese as
    published; lang must be "zh"). plan: the plan whose templates, catalogue and deadlines (default:
    the season's own, e.g. "yiyuan-2019")."""
    _lang(lang, ("zh",))
    return frame(_core.notices(season._core, _season_plan(season, plan)))


def notice_checklist(season, *, plan=None):
    """SPEC N3: per notice, every publication channel of plan §4.3 — who carries it, its timing,
    from the notice until the lift (NaT: in force at the end of the data; SMS: once)."""
    return frame(_core.notice_checklist(season._core, _season_plan(season, plan)))


def unit_tasks(response="II", *, plan="yiyuan-2019", lang="zh"):
    """SPEC N2: every member unit of the county command (annex 3, the towns included) with each
    measure it carries out at `response` ("III", "II", "I"; "Ⅱ", "Ⅱ级") and its own duties:
    unit, unit_zh, unit_en, measure_id, kind (health, advisory, mandatory, procedure or duty),
    text_zh, text_en. lang: "zh" or "en" (both columns are always there)."""
    _lang(lang)
    return frame(_core.unit_tasks(_plan(plan), str(response)))


def source_tasks(inventory, response="II", *, plan="yiyuan-2019", dust_cap=None, measures=None, lang="zh"):
    """SPEC N2: the task of each source of `inventory` (一厂一策) at `response`, from its emission
    cuts (aqi.emission_cuts with the same arguments): id, name, industry, grade, measure_zh,
    lines_stopped (E6), cut, transport (the clause in Chinese), rule (where it was read) and status
    (verified, unverified, not_sourced, excluded)."""
    _lang(lang)
    cuts = emission_cuts(inventory, response, dust_cap, measures=measures, plan=plan)
    return frame(cuts._core.tasks)


def episode_records(season, inventory=None, *, kilns=None, plan=None, dust_cap=None, lang="zh"):
    """SPEC N4: the response statistics table (应急响应统计表), one row per episode (a warning from
    its ISSUE to its LIFT): episode, issued, lifted, level/level_zh, response/response_zh, orders
    (each with its time, event, level and document number), doc_nos, response_start, response_end,
    hours_III, hours_II, hours_I (L9), daily_reports (D1 owed), summary_due (D2); with an
    inventory, the planned reductions at the episode's response against the targets (so2_ratio,
    so2_target, … vocs_target: R3–R5; targets_met met / short / undetermined and
    targets_met_zh, SPEC E12: undetermined where the sources without a sourced rule decide it); with the observations the season was run with
    (aqi.run_season(observations=…)), observed_days, observed_mean, observed_max, observed_level
    and verification (hit, higher, lower, false_alarm: L4). dust_cap as in aqi.emission_cuts.

    kilns: SPEC K8 — a KilnSchedule (aqi.kiln_schedule of a kiln table with so2, nox, pm, vocs
    columns), as aqi.emission_cuts(kilns=) takes it; needs an inventory. The kilns' baseline joins
    the county's and their credit counts in the ratios: per pollutant the least over the days of
    the episode's response (the planned reductions hold on each of them), in kiln_so2, kiln_nox,
    kiln_pm, kiln_vocs (t/day; NaN without kilns)."""
    _lang(lang)
    observed = getattr(season, "_observed", None)
    inv = None if inventory is None else _inventory_arg(inventory)._core
    ids, lines, capacity, emissions, schedule = _record_kilns(kilns)
    return frame(_core.episode_records(season._core, _season_plan(season, plan), inv,
                                       None if observed is None else observed[1],
                                       0 if observed is None else int(observed[0]), _dust_cap_arg(dust_cap),
                                       ids, lines, capacity, emissions, schedule))


def _record_kilns(kilns):
    """SPEC K8: the kiln table and schedule of episode_records' kilns=, empty without one."""
    if kilns is None:
        return [], np.zeros(0, dtype=np.int64), np.zeros(0), None, None
    from .kilns import KilnSchedule, _kiln_table
    if not isinstance(kilns, KilnSchedule):
        raise TypeError(f"kilns: expected an aqi.KilnSchedule (aqi.kiln_schedule(...)), got {type(kilns).__name__}")
    return (*_kiln_table(kilns.kilns), kilns._core)
