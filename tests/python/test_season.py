"""aqi.run_season — SPEC L1–L6; events derived by hand from W4 and L1 (issue at 16:00)."""
import numpy as np
import pandas as pd
import pytest

import aqi


def forecast_frame(aqi_values, issue="2019-12-01"):
    days = pd.date_range(pd.Timestamp(issue) + pd.Timedelta(days=1), periods=len(aqi_values))
    return pd.DataFrame({"issue_date": [issue] * len(aqi_values), "valid_date": days, "aqi": aqi_values})


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


# --- Bad input: docs/errors.md "Season entry points" (SPEC L1–L6) --------------------------------

def test_season_wrong_types():
    # Found writing this matrix: text in the aqi column raised numpy's "could not convert string to
    # float: 'x'", naming neither column nor row.
    with pytest.raises(ValueError, match=r"^column 'aqi': row 0: 'x' is not a number \(NaN or None for missing\)$"):
        aqi.run_season(forecast_frame(["x", 250]))
    with pytest.raises(ValueError, match=r"^column 'valid_date': cannot read dates: "):
        aqi.run_season(pd.DataFrame({"issue_date": ["2019-12-01"], "valid_date": ["x"], "aqi": [1]}))
    with pytest.raises(ValueError, match=r"^column 'issue_date': row 1 has no date$"):
        aqi.run_season(pd.DataFrame({"issue_date": ["2019-12-01", None], "valid_date": ["2019-12-02"] * 2,
                                     "aqi": [1, 2]}))
    obs = pd.Series(["a", 3.0], index=pd.date_range("2019-12-01", periods=2))
    with pytest.raises(ValueError, match=r"^column 'aqi': row 0: 'a' is not a number"):
        aqi.run_season(forecast_frame([250.0]), observations=obs)
    with pytest.raises(TypeError, match=r"^observations must be a pandas Series"):
        aqi.run_season(forecast_frame([250.0]), observations=[1.0])


def test_season_empty_duplicate_and_out_of_range():
    with pytest.raises(ValueError, match=r"^run_season: no forecasts$"):
        aqi.run_season(pd.DataFrame({"issue_date": [], "valid_date": [], "aqi": []}))
    # Found writing this matrix: empty observations raised numpy's "zero-size array to reduction
    # operation minimum which has no identity".
    empty = pd.Series([], dtype=float, index=pd.DatetimeIndex([]))
    with pytest.raises(ValueError, match=r"^observations: no rows: no daily AQI to use$"):
        aqi.run_season(forecast_frame([250.0]), observations=empty)
    with pytest.raises(ValueError, match=r"^observations: no rows: no daily AQI to use$"):
        aqi.perfect_forecasts(empty)
    twice = pd.Series([1.0, 2.0], index=pd.DatetimeIndex(["2019-12-01", "2019-12-01"]))
    with pytest.raises(ValueError, match=r"^observations: the date 2019-12-01 appears twice$"):
        aqi.run_season(forecast_frame([250.0]), observations=twice)
    dup = pd.DataFrame({"issue_date": ["2019-12-01"] * 2, "valid_date": ["2019-12-02"] * 2, "aqi": [1, 250]})
    with pytest.raises(ValueError, match=r"^forecasts: the forecast of 2019-12-01 has a valid_date twice$"):
        aqi.run_season(dup)
    with pytest.raises(ValueError, match=r"^values\[1\]: negative AQI -2 \(SPEC W9\)$"):
        aqi.run_season(forecast_frame([250.0]),
                       observations=pd.Series([1.0, -2.0], index=pd.date_range("2019-12-01", periods=2)))
    with pytest.raises(ValueError, match=r"^issue_hour must be 0–23, got 24$"):
        aqi.run_season(forecast_frame([250.0]), issue_hour=24)
    with pytest.raises(ValueError, match=r"^horizon must be at least 1 day, got 0$"):
        aqi.perfect_forecasts(pd.Series([1.0, 2.0], index=pd.date_range("2019-12-01", periods=2)), horizon=0)


def test_season_imposed_warnings():
    fc = forecast_frame([250.0])

    def imposed(time, event, level):
        return pd.DataFrame({"time": [time], "event": [event], "level": [level]})

    with pytest.raises(KeyError, match=r"imposed: unknown level 'purple' in rule set yiyuan-2019; expected one of: "
                                       r"none, yellow, orange, red"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "ISSUE", "purple"))
    with pytest.raises(KeyError, match=r"unknown event 'ISSUED'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "ISSUED", "yellow"))
    with pytest.raises(ValueError, match=r"^imposed LIFT at 2019-12-01 10:00: level 1 is not valid for it in rule "
                                         r"set yiyuan-2019$"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "LIFT", "yellow"))
    with pytest.raises(ValueError, match=r"^imposed ISSUE: the time is not a date and time$"):
        aqi.run_season(fc, imposed=imposed(None, "ISSUE", "yellow"))
    with pytest.raises(KeyError, match=r"imposed: missing column 'event' \(expected time, event, level\)"):
        aqi.run_season(fc, imposed=pd.DataFrame({"time": ["2019-12-01"], "level": ["yellow"]}))
