"""aqi.run_season — SPEC L1–L6; events derived by hand from W4 and L1 (issue at 16:00)."""
import numpy as np
import pandas as pd
import pytest

import aqi


def forecasts(first_issue, series):
    rows = []
    for i, values in enumerate(series):
        issue = pd.Timestamp(first_issue) + pd.Timedelta(days=i)
        rows += [(issue, issue + pd.Timedelta(days=k + 1), v) for k, v in enumerate(values)]
    return pd.DataFrame(rows, columns=["issue_date", "valid_date", "aqi"])


def test_l1_lifecycle_and_l5_lead():
    fc = forecasts("2019-12-01", [
        [150, 250, 250, 150],   # yellow (12-03…04) → ISSUE, lead 12-01 16:00 → 12-03 00:00 = 32 h
        [250, 250, 250, 150],   # orange → UPGRADE, run from 12-03: lead 8 h, flagged (L5)
        [250, 250, 150, 150],   # yellow, 1st lower forecast → stands
        [250, 250, 150],        # yellow again → DOWNGRADE
        [250, 150, 150],        # none, but 12-06 is 250 → stands
        [150, 150, 150],        # none, next two days ≤ 200 → LIFT
    ])
    r = aqi.run_season(fc)
    ev = r.events
    assert list(ev.event) == ["ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"]
    assert list(ev.level) == ["yellow", "orange", "yellow", "none"]
    assert list(ev.time.dt.strftime("%m-%d %H:%M")) == ["12-01 16:00", "12-02 16:00", "12-04 16:00", "12-06 16:00"]
    assert ev.lead_hours[0] == 32 and not ev.short_lead[0]
    assert ev.lead_hours[1] == 8 and ev.short_lead[1]
    assert r.counts["events"] == {"ISSUE": 1, "UPGRADE": 1, "DOWNGRADE": 1, "LIFT": 1}
    assert "aqi.SeasonResult(rules='yiyuan-2019'" in repr(r)


def test_l2_l3_response_periods():
    fc = forecasts("2019-12-01", [[150, 250, 250], [250, 250, 150], [250, 150, 150], [150, 150], [150, 150]])
    r = aqi.run_season(fc)
    # Response from the run's first hour (12-03 00:00) to the lift (12-04 16:00): 40 hours.
    p = r.response_periods
    assert len(p) == 1 and p.response[0] == "III"
    assert p.start[0] == pd.Timestamp("2019-12-03 00:00") and p.end[0] == pd.Timestamp("2019-12-04 16:00")
    assert r.counts["response_hours"] == {"III": 40}
    assert r.counts["warning_days"]["yellow"] == 4
    assert r.days.loc["2019-12-02", "warning"] == "yellow" and r.days.loc["2019-12-02", "response"] is None


def test_l6_imposed():
    fc = forecasts("2019-12-01", [[150, 250, 250], [150, 150], [150, 150], [150, 150]])
    imposed = pd.DataFrame({"time": ["2019-12-01 20:00", "2019-12-03 12:00"], "event": ["ISSUE", "LIFT"],
                            "level": ["orange", "none"]})
    ev = aqi.run_season(fc, imposed=imposed).events
    assert list(ev.event) == ["ISSUE", "ISSUE", "LIFT"]
    assert list(ev.imposed) == [False, True, True]
    assert ev.comparison[1] == "stricter" and ev.county_level[1] == "yellow"


def test_l4_verification_with_perfect_forecasts():
    obs = pd.Series([100, 250, 250, 100, 250, 250, 100, 100, 100.0],
                    index=pd.date_range("2019-12-01", periods=9))
    fc = aqi.perfect_forecasts(obs, horizon=7)
    assert len(fc.groupby("issue_date")) == 8
    v = aqi.run_season(fc, observations=obs).verification
    # Warned days 12-01…12-06; observed yellow days 02, 03, 05, 06 → 4 hits, 0 misses, 2 false alarms.
    assert (v.loc["yellow", "hits"], v.loc["yellow", "misses"], v.loc["yellow", "false_alarms"]) == (4, 0, 2)
    assert v.loc["yellow", "csi"] == pytest.approx(4 / 6)
    assert np.isnan(v.loc["red", "pod"])


def test_errors():
    with pytest.raises(KeyError, match="missing column 'aqi'"):
        aqi.run_season(pd.DataFrame({"issue_date": [], "valid_date": []}))
    fc = forecasts("2019-12-01", [[150, -3]])
    with pytest.raises(ValueError, match=r"aqi\[1\]: forecast of 2019-12-01 for 2019-12-03: negative AQI -3"):
        aqi.run_season(fc)
    bad = pd.DataFrame({"issue_date": ["2019-12-02"], "valid_date": ["2019-12-01"], "aqi": [1]})
    with pytest.raises(ValueError, match="valid_date before its issue date"):
        aqi.run_season(bad)
