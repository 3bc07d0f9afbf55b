"""aqi.run_season — SPEC L1–L6; events derived by hand from W4 and L1 (issue at 16:00)."""
import re

import numpy as np
import pandas as pd
import pytest

import aqi
from conftest import SOURCE_DIR


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
    # SPEC L1 as revised (issue 13): the active episode is classified whole — its elapsed days (the
    # earlier forecasts of them) and the new forecast. The orange run from 12-03 stands to 12-06;
    # before the revision the forecasts of 12-03 and 12-04 alone (yellow) downgraded it on 12-04
    # (events ISSUE, UPGRADE, DOWNGRADE, LIFT; now ISSUE, UPGRADE, LIFT).
    fc = forecasts("2019-12-01", [
        [150, 250, 250, 150],   # yellow (12-03…04) → ISSUE, lead 12-01 16:00 → 12-03 00:00 = 32 h
        [250, 250, 250, 150],   # orange → UPGRADE, run from 12-03: lead 8 h, flagged (L5)
        [250, 250, 150, 150],   # 12-03 (250) + 12-04, 12-05: orange stands
        [250, 250, 150],        # 12-03…04 + 12-05…06: 4 days > 200, orange stands
        [250, 150, 150],        # 12-03…05 + 12-06: orange stands
        [150, 150, 150],        # the run ended 12-06; none, next two days ≤ 200 → LIFT
    ])
    r = aqi.run_season(fc)
    ev = r.events
    assert list(ev.event) == ["ISSUE", "UPGRADE", "LIFT"]
    assert list(ev.level) == ["yellow", "orange", "none"]
    assert list(ev.time.dt.strftime("%m-%d %H:%M")) == ["12-01 16:00", "12-02 16:00", "12-06 16:00"]
    assert ev.lead_hours[0] == 32 and not ev.short_lead[0]
    assert ev.lead_hours[1] == 8 and ev.short_lead[1]
    assert r.counts["events"] == {"ISSUE": 1, "UPGRADE": 1, "LIFT": 1}
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
    # N5: the same in Chinese, beside the English.
    assert ev.comparison_zh[1] == "更严" and ev.county_level_zh[1] == "黄色" and ev.comparison_zh[0] == ""


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
    assert v.loc["yellow", "level_zh"] == "黄色" and v.loc["red", "level_zh"] == "红色"  # N5


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


# --- Relay mode: SPEC L7–L11 (issue 13) ----------------------------------------------------------

def relay_orders():
    # Yellow ordered 12-01 09:00 from 12-03 00:00 (39 h ahead); orange ordered 12-02 15:00 from
    # 12-02 20:00 — before the yellow start, so yellow never holds; lifted 12-05 12:00.
    return pd.DataFrame({"issued": ["2019-12-01 09:00", "2019-12-02 15:00", "2019-12-05 12:00"],
                         "event": ["ISSUE", "UPGRADE", "LIFT"], "level": ["黄色", "orange", None],
                         "response_start": ["2019-12-03 00:00", "2019-12-02 20:00", None],
                         "doc_no": ["2019—2020年第1期", "2019—2020年第2期", "2019—2020年第3期"]})


def test_l7_l9_l11_relay_from_a_dataframe():
    r = aqi.run_season(orders=relay_orders())
    assert r.mode == "relay"
    # L9: one period, begun by the UPGRADE (12-02 20:00) to the LIFT's issue (12-05 12:00): 64 h at II.
    p = r.response_periods
    assert list(p.columns[:7]) == ["start", "end", "response", "response_zh", "level", "level_zh", "doc_no"]  # N5
    assert len(p) == 1
    assert (p.start[0], p.end[0]) == (pd.Timestamp("2019-12-02 20:00"), pd.Timestamp("2019-12-05 12:00"))
    assert (p.response[0], p.level[0], p.doc_no[0]) == ("II", "orange", "2019—2020年第2期")
    assert r.counts["response_hours"] == {"II": 64}
    ev = r.events
    assert list(ev.event) == ["ISSUE", "UPGRADE", "LIFT"]
    assert list(ev.doc_no) == ["2019—2020年第1期", "2019—2020年第2期", "2019—2020年第3期"]
    # L11: 12-01 09:00 → 12-03 00:00 = 39 h; 15:00 → 20:00 = 5 h, under the 24 h minimum.
    assert ev.lead_hours[0] == 39 and ev.lead_hours[1] == 5 and ev.short_lead[1]
    assert ev.note[1] == "issued 5 h before its response start, under the 24 h minimum (SPEC L11)"
    assert r.counts["flaps"] == 0
    assert list(r.advice.columns[:6]) == ["date", "forecast_level", "forecast_level_zh", "order_level", "order_level_zh",
                                          "note"] and len(r.advice) == 0  # N5: *_zh beside


def test_l8_relay_from_a_csv_with_times_as_timestamps(tmp_path):
    path = tmp_path / "orders.csv"
    relay_orders().to_csv(path, index=False)
    from_csv = aqi.run_season(orders=path)
    timed = relay_orders().assign(issued=lambda f: pd.to_datetime(f.issued))
    from_frame = aqi.run_season(orders=timed)
    pd.testing.assert_frame_equal(from_csv.response_periods, from_frame.response_periods)
    assert list(from_csv.events.doc_no) == list(from_frame.events.doc_no)


def test_l2_l12_relay_lift_before_the_response_and_a_flap():
    # Yellow 12-01 10:00 from 12-03 00:00, lifted 12-02 14:00 before its response; ISSUE again
    # 12-03 09:00, 19 h after the lift: a flap (L12), from 12-04 00:00 (15 h: short, L11).
    o = pd.DataFrame({"issued": ["2019-12-01 10:00", "2019-12-02 14:00", "2019-12-03 09:00"],
                      "event": ["ISSUE", "LIFT", "ISSUE"], "level": ["yellow", "none", "yellow"],
                      "response_start": ["2019-12-03 00:00", "", "2019-12-04 00:00"]})
    r = aqi.run_season(orders=o)
    assert r.events.note[1] == "lifted before the response began (SPEC L2)"
    assert r.counts["flaps"] == 1
    assert len(r.response_periods) == 1 and r.response_periods.start[0] == pd.Timestamp("2019-12-04 00:00")


def test_l10_advice_when_the_forecast_meets_orange_and_no_order_has_come():
    # The county's forecast of 12-25 16:00: 250 on 12-28…30 → orange, 56 h ahead (within 72 h);
    # no order until the yellow of 12-26 10:00: advice on 12-25, and on 12-26 beside the yellow.
    fc = pd.concat([forecast_frame([150, 150, 250, 250, 250], "2019-12-25"),
                    forecast_frame([150, 250, 250, 250], "2019-12-26")])
    o = pd.DataFrame({"issued": ["2019-12-26 10:00"], "event": ["ISSUE"], "level": ["yellow"],
                      "response_start": ["2019-12-27 00:00"]})
    r = aqi.run_season(fc, orders=o)
    a = r.advice
    assert list(a.date) == [pd.Timestamp("2019-12-25"), pd.Timestamp("2019-12-26")]
    assert list(a.forecast_level) == ["orange", "orange"] and list(a.order_level) == ["none", "yellow"]
    assert list(a.forecast_level_zh) == ["橙色", "橙色"] and list(a.order_level_zh) == ["无预警", "黄色"]  # N5
    assert a.note[0] == "forecast meets orange from 2019-12-28; no order received (SPEC L10)"
    assert r.events.comparison[0] == "weaker" and r.events.county_level[0] == "orange"


def test_l7_l8_relay_refusals_name_the_row_and_column():
    o = relay_orders()
    bad = o.copy()
    bad.loc[1, "level"] = "yellow"
    with pytest.raises(ValueError, match=r"^level\[1\]: an UPGRADE to yellow does not raise the yellow warning in "
                                         r"force since 2019-12-01 09:00$"):
        aqi.run_season(orders=bad)
    bad = o.copy()
    bad.loc[1, "issued"] = pd.Timestamp("2019-12-02 15:00:30")
    with pytest.raises(ValueError, match=r"^issued\[1\]: '2019-12-02 15:00:30' is not a time \(YYYY-MM-DD HH:MM\)$"):
        aqi.run_season(orders=bad)
    bad = o.copy()
    bad.loc[0, "response_start"] = "2019-12-01 08:00"
    with pytest.raises(ValueError, match=r"^response_start\[0\]: the response start 2019-12-01 08:00 is before the "
                                         r"order's issue 2019-12-01 09:00 \(SPEC L8\)$"):
        aqi.run_season(orders=bad)
    with pytest.raises(KeyError, match=r"orders: missing column 'level'"):
        aqi.run_season(orders=o.drop(columns="level"))
    with pytest.raises(ValueError, match=r"forecast mode applies the rules to the forecasts \(SPEC L7\)"):
        aqi.run_season(orders=o, mode="forecast")
    with pytest.raises(ValueError, match=r"^mode must be 'relay' or 'forecast', got 'auto'$"):
        aqi.run_season(orders=o, mode="auto")
    with pytest.raises(FileNotFoundError, match=r"/nonexistent/orders\.csv: no such file or it cannot be read"):
        aqi.run_season(orders="/nonexistent/orders.csv")
    with pytest.raises(TypeError, match=r"orders must be a DataFrame"):
        aqi.run_season(orders=[1, 2])


# --- Forecast mode on a perfect forecast of Zibo's 2015-16 winter: SPEC L1, L2, L12 (issue 13) -----

def test_l1_l12_zibo_2015_16_perfect_forecasts(shared_data):
    """Zibo's published daily AQI (../shared/data/aqistudy-daily/zibo_daily.csv), 7-day perfect
    forecasts issued at 16:00. Before issue 13 a yellow warning was in force on 2015-11-06 (AQI 49),
    the red warning was downgraded on 12-23 (in force orange on 12-24, AQI 487, and 12-25, 377) and
    one response ran 27 days, 11-29 → 12-25 16:00, through clean days."""
    d = pd.read_csv(shared_data / "aqistudy-daily" / "zibo_daily.csv", parse_dates=["date"])
    s = d.set_index("date").aqi.loc["2015-10-01":"2016-03-31"].astype(float)
    r = aqi.run_season(aqi.perfect_forecasts(s, horizon=7), observations=s)
    ev = r.events.set_index("time")
    # L12: 11-11 (256) and 11-12 (276) > 200 → yellow (W4), from 11-11 00:00: 128, 104 and 80 h
    # ahead of the forecasts of 11-05, 11-06, 11-07 (expected, not issued); 56 h from 11-08 16:00.
    x = r.expected
    assert list(x.level_zh[:3]) == ["黄色"] * 3  # N5
    assert list(x.time[:3]) == [pd.Timestamp(f"2015-11-0{k} 16:00") for k in (5, 6, 7)]
    assert list(x.lead_hours[:3]) == [128, 104, 80]
    assert ev.loc["2015-11-08 16:00", "event"] == "ISSUE" and ev.loc["2015-11-08 16:00", "lead_hours"] == 56
    assert r.days.loc["2015-11-06", "warning"] == "none"
    # L1, whole episode: orange issued 12-16 16:00 for 12-19…23 (237 252 313 238 361: > 300 twice,
    # not on consecutive days); red from 12-17 (361, 487 on 12-23…24: 32 h ahead). On 12-22 the
    # forecast alone (361 487 377, then ≤ 200) is orange, on 12-23 (487 377) yellow; with the
    # elapsed days of the run from 12-19 it stays red on its two worst days and is lifted on 12-25
    # 16:00 (12-26: 175, 12-27: 55).
    assert r.days.loc["2015-12-24", "warning"] == "red" and r.days.loc["2015-12-25", "warning"] == "red"
    assert ev.loc["2015-12-17 16:00", "event"] == "UPGRADE" and ev.loc["2015-12-17 16:00", "level"] == "red"
    assert ev.loc["2015-12-25 16:00", "event"] == "LIFT"
    assert "DOWNGRADE" not in r.counts["events"]
    # L2, L12: the orange episode 11-29…12-01 (280 317 289) is lifted on 12-01 16:00 (12-02: 148,
    # 12-03: 62; the run from 12-06 is 104 h ahead and holds nothing): response 11-29 00:00 → 12-01
    # 16:00 = 64 h; no response on 12-02…12-05.
    p = r.response_periods
    assert (p.start[1], p.end[1], p.response[1]) == (pd.Timestamp("2015-11-29"), pd.Timestamp("2015-12-01 16:00"), "II")
    assert all(r.days.loc[f"2015-12-0{k}", "response"] is None for k in (2, 3, 4, 5))
    assert r.counts["response_hours"]["II"] == 64
    assert r.counts["response_hours"]["I"] == 6 * 24 + 16  # 12-19 00:00 → 12-25 16:00
    # L12 flaps: ISSUE 12-03 16:00, 48 h after the lift of 12-01 16:00; ISSUE 12-16 16:00, 48 h after
    # the lift of 12-14 16:00.
    assert r.counts["flaps"] == 2


# Issue 16: gaps in the season's inputs are reported (result.gaps) or refused — never silent. The
# cases of season_gaps_test.cpp, the rows derived by hand from W8, L1, L2.
def test_gaps_w8_a_forecast_whose_valid_days_skip_a_day():
    # The forecast of 12-02 skips 12-04 (no row). As read: 250, –, 250 is no run (W8), and 12-03
    # (250) stops a LIFT: the yellow warning of 12-01 stands, Level III 12-03 00:00 → LIFT 12-04
    # 16:00 = 40 h. With 12-04 as forecast on 12-01 (250): 3 days > 200, orange (W4), an UPGRADE
    # whose Level II would hold the same 40 h (L2).
    fc = forecasts("2019-12-01", [[150, 250, 250, 150], [250, 250, 250, 150], [250, 150, 150], [150, 150]])
    fc = fc[~((fc.issue_date == "2019-12-02") & (fc.valid_date == "2019-12-04"))]
    r = aqi.run_season(fc)
    assert r.counts["response_hours"] == {"III": 40}
    g = r.gaps
    assert list(g.columns) == ["date", "last_date", "kind", "kind_zh", "issue_date", "detail_zh", "detail", "warning",
                             "changed"]
    assert list(g.date) == [pd.Timestamp("2019-12-04")] and list(g.kind) == ["forecast_day"]
    assert list(g.kind_zh) == ["预报缺日"]  # N5
    assert g.issue_date[0] == pd.Timestamp("2019-12-02") and g.warning[0] == 0 and bool(g.changed[0])
    assert g.detail[0] == (
        "the forecast of 2019-12-02 has no value for 2019-12-04: read as missing, which breaks any run through it "
        "(SPEC W8); the forecast gives none as read, orange with its missing days as forecast before; the yellow "
        "warning stood; with the missing days as forecast before, the season's responses: Level III 0 h, not 40 h, "
        "Level II 40 h, not 0 h")
    assert g.detail_zh[0].startswith("2019-12-02发布的预报缺少2019-12-04的数值：按缺测处理")


def test_gaps_l1_a_day_without_a_forecast():
    # No forecast on 12-03: no decision that day (L1); the yellow warning of 12-01 16:00 stands and
    # the forecast of 12-04 lifts it.
    fc = forecasts("2019-12-01", [[150, 250, 250, 150], [250, 250, 150, 150], [], [150, 150]])
    r = aqi.run_season(fc)
    g = r.gaps
    assert list(g.date) == [pd.Timestamp("2019-12-03")] and list(g.kind) == ["issue_day"]
    assert g.warning[0] == 0 and not g.changed[0]
    assert g.detail[0] == ("no forecast issued on 2019-12-03: no decision that day (SPEC L1); the warning issued "
                           "2019-12-01 16:00 (yellow that day) stood")
    assert g.detail_zh[0] == "2019-12-03未发布预报：当日无预警决策（SPEC L1）；2019-12-01 16:00发布的预警（当日黄色）维持不变"
    assert r.events.time[1] == pd.Timestamp("2019-12-04 16:00")  # the LIFT
    # Whole forecasts: an empty table, with its columns.
    whole = aqi.run_season(forecasts("2019-12-01", [[150, 250, 250], [250, 250, 150]])).gaps
    assert len(whole) == 0 and "detail" in whole.columns


def test_l4_observations_that_do_not_overlap_the_season_are_refused():
    # Issue 16: the season 12-01 … 12-04; observations of October 2015 would verify nothing.
    fc = forecasts("2019-12-01", [[150, 250, 250]])
    obs = pd.Series([100.0, 120.0, 130.0], index=pd.date_range("2015-10-01", periods=3))
    with pytest.raises(ValueError, match=re.escape(
            "run_season: the observations (2015-10-01 … 2015-10-03) do not overlap the season 2019-12-01 … "
            "2019-12-04 (its forecasts and orders): nothing to verify (SPEC L4); give observations of the "
            "season's days")):
        aqi.run_season(fc, observations=obs)
    nan = pd.Series([np.nan, np.nan], index=pd.date_range("2019-12-01", periods=2))
    with pytest.raises(ValueError, match=re.escape("run_season: the observations (2019-12-01 … 2019-12-02) have no "
                                                   "value: nothing to verify in the season")):
        aqi.run_season(fc, observations=nan)


# SPEC N5: every table of the season with a level, response or event carries its Chinese text
# beside the English (the words of the rule set and of C++: name_zh). The default scenario's
# orders (scenarios/yiyuan-2019/orders.csv): ISSUE 橙色 2019-10-02 11:43, response from 10-04
# 10:00; LIFT 10-06 10:22; ISSUE 红色 10-12 09:13; DOWNGRADE 橙色 10-14 12:00; LIFT 10-17 15:19.
# R1: orange → Ⅱ级, red → Ⅰ级.
def test_n5_season_tables_carry_chinese_beside_english():
    r = aqi.run_season(orders=SOURCE_DIR / "scenarios" / "yiyuan-2019" / "orders.csv")
    o = r.orders
    assert list(o.columns[:5]) == ["issued", "event", "event_zh", "level", "level_zh"]
    assert list(o.event_zh[:5]) == ["发布", "解除", "发布", "降级", "解除"]
    assert list(o.level_zh[:5]) == ["橙色", "无预警", "红色", "橙色", "无预警"]
    ev = r.events
    assert list(ev.columns[:9]) == ["time", "event", "event_zh", "level", "level_zh", "previous", "previous_zh",
                                    "response", "response_zh"]
    assert (ev.event_zh[0], ev.level_zh[0], ev.previous_zh[0], ev.response_zh[0]) == ("发布", "橙色", "无预警", "Ⅱ级")
    assert (ev.event_zh[3], ev.level_zh[3], ev.previous_zh[3], ev.response_zh[3]) == ("降级", "橙色", "红色", "Ⅱ级")
    assert (ev.event_zh[1], ev.level_zh[1], ev.response[1], ev.response_zh[1]) == ("解除", "无预警", None, None)
    assert ev.county_level_zh[0] is None  # no county forecast: None in both languages
    w = r.warnings
    assert list(w.columns[2:6]) == ["level", "level_zh", "response", "response_zh"]
    assert list(w.level_zh[:2]) == ["橙色", "红色"] and list(w.response_zh[:2]) == ["Ⅱ级", "Ⅰ级"]
    p = r.response_periods
    assert list(p.columns[2:6]) == ["response", "response_zh", "level", "level_zh"]
    assert (p.response_zh[0], p.level_zh[0]) == ("Ⅱ级", "橙色")
    d = r.days
    assert list(d.columns) == ["warning", "warning_zh", "response", "response_zh", "forecast_level",
                               "forecast_level_zh", "observed_level", "observed_level_zh"]
    # L9: 10-03 is under the orange warning before its response (from 10-04 10:00); 10-05 in it.
    assert (d.loc["2019-10-03", "warning_zh"], d.loc["2019-10-03", "response_zh"]) == ("橙色", None)
    assert (d.loc["2019-10-05", "warning_zh"], d.loc["2019-10-05", "response_zh"]) == ("橙色", "Ⅱ级")
    assert d.loc["2019-10-08", "warning_zh"] == "无预警" and d.loc["2019-10-08", "forecast_level_zh"] is None
    # read_orders gives the same columns.
    ro = aqi.read_orders(SOURCE_DIR / "scenarios" / "yiyuan-2019" / "orders.csv")
    assert list(ro.event_zh[:2]) == ["发布", "解除"] and ro.level_zh[0] == "橙色"
