"""Properties of the Python API checked with Hypothesis (Debian's python3-hypothesis) — the same
invariants as tests/cpp/properties_test.cpp, through the package an analyst uses. Derandomized
and without an example database: every run tries the same cases and writes nothing.
"""
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aqi

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

MONOTONE = ["yiyuan-2019", "mee-2017"]  # lower thresholds only; beijing-2013 has ranges
day_values = st.integers(min_value=0, max_value=620).map(float)
days = st.lists(day_values, min_size=1, max_size=14)
days_with_missing = st.lists(st.one_of(day_values, st.just(np.nan)), min_size=1, max_size=14)


def code(warning):
    return warning.level_code


def hourly_of(d):
    return np.repeat(np.asarray(d, dtype=float), 24)


# W3, W4: raising any day-mean never lowers the level.
@pytest.mark.parametrize("rules", MONOTONE)
@PROPERTY
@given(days_with_missing, st.data())
def test_raising_a_day_never_lowers_the_level(rules, d, data):
    before = code(aqi.classify_daily(d, rules=rules))
    k = data.draw(st.integers(0, len(d) - 1))
    raised = list(d)
    raised[k] = (0.0 if np.isnan(d[k]) else d[k]) + data.draw(st.integers(1, 300))  # a missing day too
    assert code(aqi.classify_daily(raised, rules=rules)) >= before


# W1–W3, A5: raising any hour never lowers the level of an hourly series.
@pytest.mark.parametrize("rules", MONOTONE)
@PROPERTY
@given(st.lists(st.floats(0, 700, allow_nan=False), min_size=24, max_size=24 * 6), st.data())
def test_raising_an_hour_never_lowers_the_level(rules, h, data):
    before = code(aqi.classify_hourly(h, rules=rules))
    k = data.draw(st.integers(0, len(h) - 1))
    raised = np.array(h)
    raised[k] += data.draw(st.floats(0.5, 2000))
    assert code(aqi.classify_hourly(raised, rules=rules)) >= before


# beijing-2013 is not monotone (250, 250 yellow; 250, 350 blue); raising its first day is.
@PROPERTY
@given(st.lists(day_values, min_size=2, max_size=10), st.integers(1, 300))
def test_beijing_2013_first_day_is_monotone(d, up):
    assert aqi.classify_daily([250, 250], rules="beijing-2013").level == "yellow"
    assert aqi.classify_daily([250, 350], rules="beijing-2013").level == "blue"
    before = code(aqi.classify_daily(d, rules="beijing-2013"))
    assert code(aqi.classify_daily([d[0] + up] + d[1:], rules="beijing-2013")) >= before


# W5: adding dust flags never raises the level — every shipped set, daily and hourly.
@pytest.mark.parametrize("rules", aqi.RULE_SETS)
@PROPERTY
@given(days_with_missing, st.data())
def test_adding_dust_flags_never_raises_the_level(rules, d, data):
    flags = np.array(data.draw(st.lists(st.booleans(), min_size=len(d), max_size=len(d))))
    more = flags.copy()
    more[data.draw(st.integers(0, len(d) - 1))] = True
    assert code(aqi.classify_daily(d, dust=more, rules=rules)) <= code(aqi.classify_daily(d, dust=flags, rules=rules))
    h, hflags, hmore = hourly_of(d), np.repeat(flags, 24), np.repeat(more, 24)
    assert code(aqi.classify_hourly(h, dust=hmore, rules=rules)) <= code(aqi.classify_hourly(h, dust=hflags,
                                                                                              rules=rules))


# W3: hourly series made of constant days are never rated below the days (the calendar is one of
# the 24 alignments); with no two neighbouring days straddling a threshold T with a mean above it
# (a + b ≤ 2T), they are rated the same (default and MEE sets).
@pytest.mark.parametrize("rules", aqi.RULE_SETS)
@PROPERTY
@given(days)
def test_hourly_of_constant_days_is_never_below_the_daily(rules, d):
    assert code(aqi.classify_hourly(hourly_of(d), rules=rules)) >= code(aqi.classify_daily(d, rules=rules))


def _midnight_mean_crosses(d):
    for a, b in zip(d, d[1:]):
        hi, lo = max(a, b), min(a, b)
        for t, strict in ((200, True), (300, True), (500, False)):
            if (hi > t >= lo and hi + lo > 2 * t) if strict else (hi >= t > lo and hi + lo >= 2 * t):
                return True
    return False


@pytest.mark.parametrize("rules", MONOTONE)
@PROPERTY
@given(days)
def test_hourly_of_constant_days_equals_daily_without_crossing_means(rules, d):
    if _midnight_mean_crosses(d):
        return
    assert code(aqi.classify_hourly(hourly_of(d), rules=rules)) == code(aqi.classify_daily(d, rules=rules))


def test_hourly_of_constant_days_can_rate_higher():
    # A window of 20 hours of 150 and 4 of 400 (> 200) crosses midnight: two such blocks.
    assert aqi.classify_daily([150, 400, 150]).level == "none"
    assert aqi.classify_hourly(hourly_of([150, 400, 150])).level == "yellow"


# SPEC A1, A3: the AQI never falls when one concentration rises (HJ 633-2026; HJ 633-2012 apart
# from its notes — so2_1h and o3_8h above 800 are rated from another indicator).
EDITIONS = {e["id"]: e for e in aqi.editions()}


@pytest.mark.parametrize("edition", ["hj633-2026", "hj633-2012"])
@pytest.mark.parametrize("period", ["daily", "hourly"])
@PROPERTY
@given(st.data())
def test_aqi_is_monotone_in_each_concentration(edition, period, data):
    e = EDITIONS[edition]
    keys = e[f"{period}_indicators"]
    record = {}
    for k in keys:
        top = e["indicators"][k]["breakpoints"][-1]
        record[k] = np.array([data.draw(st.integers(0, int(top * 12))) / 10.0])
    k = data.draw(st.sampled_from(keys))
    raised = dict(record)
    raised[k] = record[k] + data.draw(st.integers(1, 3000)) / 10.0
    top = e["indicators"][k]["breakpoints"][-1]
    before = aqi.aqi(record, edition=edition, period=period).aqi[0]
    after = aqi.aqi(raised, edition=edition, period=period).aqi[0]
    note = edition == "hj633-2012" and k in ("so2_1h", "o3_8h") and record[k][0] <= top < raised[k][0]
    if not note and not np.isnan(before) and not np.isnan(after):
        assert after >= before


# SPEC A1, A2: the IAQI of a breakpoint is its level, every indicator of every edition.
@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_iaqi_of_a_breakpoint_is_its_level(edition):
    for key, table in EDITIONS[edition]["indicators"].items():
        got = aqi.iaqi(key, np.array(table["breakpoints"]), edition=edition)
        assert got.tolist() == table["iaqi"], key


# SPEC E3–E9: cuts never fall as the response rises (III ≤ II ≤ I), source by source.
KINDS = st.sampled_from(["enterprise", "fleet", "dust"])


@st.composite
def inventories(draw):
    rows = []
    for i in range(draw(st.integers(1, 12))):
        kind = draw(KINDS)
        industry = draw(st.sampled_from(aqi.INDUSTRY_KEYS))
        graded = kind == "enterprise" and industry in ("ceramics", "glass", "lime_kiln", "foundry", "pharmaceutical")
        truck = draw(st.booleans())
        rows.append({
            "id": f"s{i}", "name": "", "kind": kind, "industry": industry,
            "grade": draw(st.sampled_from("ABCD")) if graded else "",
            "lines": draw(st.integers(1, 6)),
            "so2": draw(st.integers(0, 300)) / 100, "nox": draw(st.integers(0, 300)) / 100,
            "pm": draw(st.integers(0, 300)) / 100, "vocs": draw(st.integers(0, 300)) / 100,
            "protected_max_load": draw(st.sampled_from([np.nan, 0.0, 0.5, 0.8])) if kind == "enterprise" else np.nan,
            "excluded": draw(st.sampled_from(["", "", "", "zombie"])),
            "low_nox": draw(st.integers(0, 1)), "cost": draw(st.integers(1, 100)),
            "vehicle": ("heavy_truck" if truck else "non_road") if kind == "fleet" else "",
            "standard": draw(st.integers(0, 6)) if kind == "fleet" else np.nan,
            "trips_per_day": draw(st.integers(0, 30)) if kind == "fleet" and truck else np.nan,
            "exempt": draw(st.sampled_from(["", "", "livelihood"])) if kind == "fleet" else "",
            "built_up": draw(st.integers(0, 1)) if kind == "fleet" else 0,
            "black_smoke": draw(st.integers(0, 1)) if kind == "fleet" and not truck else 0,
            "dust": draw(st.sampled_from(["mine", "earthwork", "slope_spraying", "concrete", "road"]))
            if kind == "dust" else "",
        })
    return aqi.Inventory(pd.DataFrame(rows))


@PROPERTY
@given(inventories())
def test_cuts_are_monotone_in_the_response_level(inv):
    c3, c2, c1 = (aqi.emission_cuts(inv, response=r).cut for r in ("III", "II", "I"))
    known = ~np.isnan(c3)
    assert (np.isnan(c1) == ~known).all()
    assert (c3[known] <= c2[known]).all() and (c2[known] <= c1[known]).all()


# SPEC K1–K7: a schedule from the scheduler always passes the validation.
@PROPERTY
@given(st.lists(st.tuples(st.sampled_from([1, 1, 1, 2, 3, 5]), st.integers(1, 400)), min_size=1, max_size=16),
       st.integers(2015, 2032), st.sampled_from(["fixed", "cyclic"]), st.sampled_from(["after_end", "before_start"]),
       st.integers(0, 20))
def test_a_schedule_from_the_scheduler_always_validates(rows, season, rotation, extension, days):
    kilns = pd.DataFrame({"id": [f"k{i}" for i in range(len(rows))], "lines": [r[0] for r in rows],
                          "capacity": [r[1] / 10 for r in rows]})
    try:
        sched = aqi.kiln_schedule(kilns, season, rotation=rotation, extension=extension,
                                  january_extension_days=days, exact_up_to=6)
    except ValueError as e:  # too few kilns to stop some in every month Nov–Feb (K5)
        assert str(e).startswith("kiln schedule: no assignment of these kilns stops kilns in every one of")
        return
    assert aqi.validate_kiln_schedule(kilns, sched, season, january_extension_days=days, extension=extension) == []
