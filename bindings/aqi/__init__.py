"""libaqi — air-quality emergency decisions (沂源县重污染天气应急预案 and peers).

AQI from concentrations (HJ 633-2012 / HJ 633-2026, SPEC A1–A7):
    aqi.iaqi(key, concentrations, edition=...)   individual index of one indicator
    aqi.aqi(data)                                AQI, primary pollutant(s), category
    aqi.moving_mean(values, window, min_valid)   24-hour / 8-hour means with validity (A5)
    aqi.KEYS, aqi.EDITIONS, aqi.editions(), aqi.edition(id), aqi.edition_in_force(date)
    aqi.pollutant("细颗粒物") -> "PM2.5", aqi.category("良") -> 2   names in Chinese and English

Plans (a county's plan as one folder of data: rules, catalogue, targets, kilns, deadlines):
    aqi.plan("yiyuan-2019") or aqi.plan("path/to/folder"), aqi.PLANS

Warnings, responses and the season (SPEC W1–W9, R1–R2, L1–L12):
    aqi.classify_daily / classify_hourly / classify_daily_range -> aqi.Warning
    aqi.classify_batch(values), aqi.level_probabilities(values, member_axis=…)
    aqi.measures(response="II"), aqi.tasks(department=…, response=…), aqi.departments()
    aqi.run_season(orders=…, forecasts=…) (relay, L7–L11), aqi.run_season(forecasts, mode="forecast") (L1–L6, L12)
    aqi.read_orders(path or frame), aqi.perfect_forecasts(observed)

What the office hands out (SPEC N1–N4):
    aqi.notices(season, lang="zh"), aqi.notice_checklist(season)   the notices and their channels
    aqi.unit_tasks(response="II"), aqi.source_tasks(inventory, response="II")   task lists
    aqi.episode_records(season, inventory=None)                    the response statistics table

Emission cuts and targets (SPEC E1–E10, R3–R6):
    aqi.Inventory.read_csv(path), aqi.Inventory(frame)   the emission-reduction inventory
    aqi.emission_cuts(inv, response="II", dust_cap=None) -> .sources, .summary, .met
    aqi.top_up(inv, response="II", dust_cap=None)        cheapest extra cuts (E10, GLPK)
    aqi.industry_measures(override=None)                 the measure table (E3–E5)

Brick kilns and deadlines (SPEC K1–K7, D1–D4):
    aqi.kiln_schedule(kilns, season=2019, month_weights=None) -> .assignments, .monthly, .objective, .bound, .gap
    aqi.validate_kiln_schedule(kilns, assignments, season=2019) -> list of violations (K7)
    aqi.deadlines(season_result) -> DataFrame (due, what, who); aqi.is_working_day(dates)
    aqi.plot.kiln_gantt(schedule), aqi.plot.kiln_monthly(schedule)   (matplotlib, imported lazily)

Errors: ValueError for bad values (the message names the field and index), KeyError for
unknown names, FileNotFoundError, aqi.ScenarioError (a ValueError) naming file:line:column.
Rule IDs (A1, W3 …) refer to the project's SPEC.md.
"""
from ._core import ScenarioError, __version__
from .plans import PLANS, Plan, plan
from .measures import departments, measures, tasks
from .season import SeasonResult, perfect_forecasts, read_orders, run_season
from .notices import episode_records, notice_checklist, notices, source_tasks, unit_tasks
from .emissions import (
    INDUSTRY_KEYS,
    EmissionCuts,
    IndustryMeasures,
    Inventory,
    TopUp,
    emission_cuts,
    industry_measures,
    top_up,
)
from .warnings import (
    RULE_SETS,
    RuleSet,
    Warning,
    classify_batch,
    classify_daily,
    classify_daily_range,
    classify_hourly,
    day_levels,
    level_probabilities,
    rule_set,
)
from . import plot
from .deadlines import deadlines
from .stations import city_means, read_cnemc
from .holiday_calendar import day_kind, holiday_year, holidays, is_working_day, working_days_after
from .kilns import (
    KilnSchedule,
    evaluate_kiln_schedule,
    kiln_batches,
    kiln_schedule,
    read_kilns,
    validate_kiln_schedule,
)
from .air_quality import (
    EDITIONS,
    KEYS,
    AqiResult,
    Edition,
    aqi,
    category,
    current_edition,
    edition,
    edition_in_force,
    editions,
    iaqi,
    moving_mean,
    pollutant,
)

__all__ = [
    "KilnSchedule", "day_kind", "deadlines", "evaluate_kiln_schedule", "holidays", "is_working_day",
    "kiln_batches", "kiln_schedule", "plot", "read_kilns", "validate_kiln_schedule", "working_days_after",
    "INDUSTRY_KEYS", "EmissionCuts", "IndustryMeasures", "Inventory", "TopUp", "emission_cuts",
    "industry_measures", "top_up",
    "RULE_SETS", "RuleSet", "SeasonResult", "Warning", "classify_batch", "classify_daily",
    "classify_daily_range", "classify_hourly", "day_levels", "departments", "level_probabilities",
    "measures", "perfect_forecasts", "read_orders", "rule_set", "run_season", "tasks",
    "PLANS", "Plan", "plan",
    "episode_records", "notice_checklist", "notices", "source_tasks", "unit_tasks",
    "EDITIONS", "KEYS", "AqiResult", "ScenarioError", "__version__", "aqi", "current_edition",
    "edition_in_force", "editions", "iaqi", "moving_mean",
    "city_means", "read_cnemc",
    "Edition", "category", "edition", "holiday_year", "pollutant",
]
