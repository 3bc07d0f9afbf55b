"""aqi.deadlines — SPEC D1–D4. Dates counted by hand on a printed calendar and the notices."""
import types

import pandas as pd
import pytest

import aqi

from conftest import SOURCE_DIR


def periods(*rows):
    return pd.DataFrame(rows, columns=["start", "end", "response"]).astype({"start": "datetime64[ns]",
                                                                            "end": "datetime64[ns]"})


def test_d1_d2_d3_for_one_response():
    # Level II from Mon 2019-12-09 20:00 to Thu 12-12 09:00: in force at 15:00 on 12-10 and 12-11
    # (D1). Summary: Fri 12-13 (1), Mon 12-16 (2), Tue 12-17 (3) → end of 12-17 (D2). Season 2019:
    # assessment 2020-05-31, list revision 2020-09-30 (D3).
    d = aqi.deadlines(periods(("2019-12-09 20:00", "2019-12-12 09:00", "II")))
    assert list(d.columns[:3]) == ["due", "what", "who"]
    assert list(d["due"]) == [pd.Timestamp("2019-12-10 15:00"), pd.Timestamp("2019-12-11 15:00"),
                              pd.Timestamp("2019-12-17 23:59:59"), pd.Timestamp("2020-05-31 23:59:59"),
                              pd.Timestamp("2020-09-30 23:59:59")]
    assert list(d["rule"]) == ["D1", "D1", "D2", "D3", "D3"]
    assert list(d["kind"]) == ["daily_report", "daily_report", "response_summary", "plan_assessment",
                               "list_revision"]
    assert d["what"][1] == "daily progress report, day 2 of the Level II response from 2019-12-09 20:00"
    assert d["who"][0] == "towns, sub-districts, the development zone and county departments"
    assert d["who_zh"][2] == "各镇政府、街道办事处、开发区管委会和县重污染天气应急指挥部各成员单位"
    assert d["submit_to"][0] == "县重污染天气应急指挥部办公室"
    assert list(d["period"].astype(object)) == [0, 0, 0, pd.NA, pd.NA]
    assert d.attrs["season"] == 2019


@pytest.mark.parametrize("end, due", [
    # Thu 2019-10-10: Fri 10-11 (1), Sat 10-12 worked for National Day (2), Mon 10-14 (3).
    ("2019-10-10 10:00", "2019-10-14"),
    # Fri 2019-02-01: Sat 02-02 and Sun 02-03 worked (1, 2), Spring Festival 02-04 … 02-10, Mon 02-11 (3).
    ("2019-02-01 12:00", "2019-02-11"),
    # Wed 2020-01-22: Thu 01-23 (1), 01-24 … 02-02 off (the COVID-19 extension), Mon 02-03 (2), Tue 02-04 (3).
    ("2020-01-22 18:00", "2020-02-04"),
])
def test_d2_make_up_saturday_spring_festival_and_the_2020_extension(end, due):
    start = pd.Timestamp(end) - pd.Timedelta(hours=30)
    d = aqi.deadlines(periods((start, end, "III")), season=2019)
    summary = d[d["rule"] == "D2"]
    assert list(summary["due"]) == [pd.Timestamp(due) + pd.Timedelta("23:59:59")]


def test_d4_from_a_season_result_still_in_force_at_the_end():
    # A result-like object: response_periods plus days (its first day gives the season, its last
    # the end of the data). From Mon 2020-03-30 10:00, not lifted; data to 2020-03-31: reports on
    # 03-30 and 03-31, then the summary with no due time yet (last).
    days = pd.DataFrame(index=pd.date_range("2019-10-01", "2020-03-31", name="date"))
    result = types.SimpleNamespace(response_periods=periods(("2020-03-30 10:00", pd.NaT, "III")), days=days)
    d = aqi.deadlines(result)
    assert d.attrs["season"] == 2019
    assert list(d["due"][:2]) == [pd.Timestamp("2020-03-30 15:00"), pd.Timestamp("2020-03-31 15:00")]
    assert pd.isna(d["due"].iloc[-1]) and d["rule"].iloc[-1] == "D2"
    assert d["what"].iloc[-1].endswith("still in force at 2020-04-01 00:00: due 3 working days after it ends")
    # An earlier end of the data cuts the daily reports.
    assert (aqi.deadlines(result, data_end="2020-03-31 12:00")["rule"] == "D1").sum() == 1


def test_d3_on_a_working_day_on_request():
    # 2020-05-31 is a Sunday: moved back to Fri 05-29; Wed 2020-09-30 stays.
    d = aqi.deadlines(periods(), season=2019, yearly_on_working_day=True)
    assert list(d["due"]) == [pd.Timestamp("2020-05-29 23:59:59"), pd.Timestamp("2020-09-30 23:59:59")]
    assert d["what"][0].endswith("moved from 2020-05-31 (Sunday) to the last working day before it")


def test_d4_with_a_real_season_run():
    # The scenario's observed winter as a perfect forecast: every response gets its reports and
    # summary; every summary is due on a working day, 3 working days after its end.
    obs = pd.read_csv(SOURCE_DIR / "scenarios" / "yiyuan-2019" / "observations.csv", parse_dates=["date"])
    daily = aqi.aqi(obs.set_index("date").drop(columns=["published_aqi", "source_date"]))
    result = aqi.run_season(aqi.perfect_forecasts(daily["aqi"]))
    d = aqi.deadlines(result)
    n = len(result.response_periods)
    assert n > 0 and (d["rule"] == "D2").sum() == n and (d["rule"] == "D3").sum() == 2
    for p, row in d[d["rule"] == "D2"].iterrows():
        end = result.response_periods["end"][row["period"]]
        assert aqi.is_working_day(row["due"])
        assert aqi.working_days_after(end, 3) == row["due"].date()
    assert d["due"].is_monotonic_increasing


def test_errors():
    with pytest.raises(ValueError, match="cannot tell the season"):
        aqi.deadlines(periods())
    with pytest.raises(TypeError, match="expected a season result"):
        aqi.deadlines([1, 2])
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: unknown response level 'V'"):
        aqi.deadlines(periods(("2019-12-09 20:00", "2019-12-12 09:00", "V")))
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: ends \(2019-12-01 10:00\) before it starts"):
        aqi.deadlines(periods(("2019-12-02 10:00", "2019-12-01 10:00", "II")))
    # D2 after Mon 2026-12-28 counts from 12-29, which needs the 2027 notice.
    with pytest.raises(KeyError, match="no holiday calendar for 2027, needed for 2026-12-29"):
        aqi.deadlines(periods(("2026-12-26 10:00", "2026-12-28 10:00", "III")))


def test_d1_from_the_notice_to_the_lift_of_a_relay_season():
    # SPEC D1 as revised (issue 13): orange received Sun 2025-12-28 10:00, responding from Mon 12-29
    # 00:00, lifted Wed 12-31 11:00. Reports 12-28 (before the response began), 12-29, 12-30 at
    # 15:00. D2 across New Year 2026 (off Thu 01-01 … Sat 01-03) and its make-up working Sunday
    # 01-04: Sun 01-04 (1), Mon 01-05 (2), Tue 01-06 (3).
    o = pd.DataFrame({"issued": ["2025-12-28 10:00", "2025-12-31 11:00"], "event": ["ISSUE", "LIFT"],
                      "level": ["orange", ""], "response_start": ["2025-12-29 00:00", ""],
                      "doc_no": ["2025—2026年第3期", "2025—2026年第4期"]})
    d = aqi.deadlines(aqi.run_season(orders=o))
    assert list(d["due"][:4]) == [pd.Timestamp("2025-12-28 15:00"), pd.Timestamp("2025-12-29 15:00"),
                                  pd.Timestamp("2025-12-30 15:00"), pd.Timestamp("2026-01-06 23:59:59")]
    assert list(d["rule"][:4]) == ["D1", "D1", "D1", "D2"]
    assert d["what"][0] == ("daily progress report, day 1 since the warning notice received 2025-12-28 10:00 "
                            "(2025—2026年第3期)")
    assert list(d["warning"][:3]) == [0, 0, 0] and d["period"][0] == 0
    assert list(d.columns[:10]) == ["due", "what", "who", "rule", "kind", "period", "day", "what_zh", "who_zh",
                                    "submit_to"]
    # N5: the facts `what` adds to the plan's words, in Chinese — the same receipt, document and day.
    assert d["what_zh"][0] + d["detail_zh"][0] == "应急响应进展情况报告，自2025-12-28 10:00接到预警通知（2025—2026年第3期）起第1天"
    assert d.columns[-1] == "detail_zh"


def test_d1_a_warning_lifted_before_its_response_reported():
    # SPEC D1, L2: yellow received 12-01 10:00 from 12-03 00:00, lifted 12-02 14:00 (before 15:00):
    # one report, 12-01 15:00, of no response period; no summary (D2: there was no response).
    o = pd.DataFrame({"issued": ["2019-12-01 10:00", "2019-12-02 14:00"], "event": ["ISSUE", "LIFT"],
                      "level": ["yellow", "none"], "response_start": ["2019-12-03 00:00", ""]})
    d = aqi.deadlines(aqi.run_season(orders=o))
    assert list(d["rule"]) == ["D1", "D3", "D3"]
    assert d["due"][0] == pd.Timestamp("2019-12-01 15:00") and d["period"][0] is pd.NA


# docs/errors.md "Deadline entry points" (Python).
def test_deadline_arguments():
    periods = pd.DataFrame({"start": ["2020-05-01"], "end": [None], "response": ["II"]})
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: still in force, but starts \(2020-05-01 00:00\) "
                                         r"after the end of the data \(2020-04-01 00:00\); pass the data's end$"):
        aqi.deadlines(periods, season=2019)
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: the start is missing$"):
        aqi.deadlines(pd.DataFrame({"start": [None], "end": ["2019-12-01"]}), season=2019)
    with pytest.raises(ValueError, match=r"^season must be a year, e.g. 2019 \(got 1800\)$"):
        aqi.deadlines(pd.DataFrame({"start": [], "end": []}), season=1800)


def test_d4_deadline_rules_of_the_plan(tmp_path):
    # A city's copy of the plan with its own reporting office: aqi.deadlines(plan=…) takes its
    # deadline rules, and so does a season result that knows its plan.
    import shutil
    folder = tmp_path / "zibo-2024"
    shutil.copytree(SOURCE_DIR / "libaqi" / "rules" / "plans" / "yiyuan-2019", folder,
                    ignore=shutil.ignore_patterns("*.md"))
    for part in ("plan.toml", "warnings.toml", "kilns.toml", "deadlines.toml"):
        p = folder / part
        p.write_text(p.read_text(encoding="utf-8").replace('id = "yiyuan-2019"', 'id = "zibo-2024"', 1),
                     encoding="utf-8")
    d = folder / "deadlines.toml"
    d.write_text(d.read_text(encoding="utf-8").replace('submit_to_zh = "县重污染天气应急指挥部办公室"',
                                                       'submit_to_zh = "市重污染天气应急指挥部办公室"'), encoding="utf-8")
    run = periods(("2019-12-09 20:00", "2019-12-12 09:00", "II"))
    own = aqi.deadlines(run, plan=str(folder))
    assert set(own["submit_to"]) == {"市重污染天气应急指挥部办公室"} and own.attrs["plan"] == "zibo-2024"
    result = types.SimpleNamespace(response_periods=run, plan=aqi.plan(folder))
    assert set(aqi.deadlines(result)["submit_to"]) == {"市重污染天气应急指挥部办公室"}
    # The dates are the plan's rules, unchanged here: D1 12-10, 12-11; D2 12-17 (as above).
    assert list(own["due"][:3]) == [pd.Timestamp("2019-12-10 15:00"), pd.Timestamp("2019-12-11 15:00"),
                                    pd.Timestamp("2019-12-17 23:59:59")]
    default = aqi.deadlines(run)
    assert set(default["submit_to"]) == {"县重污染天气应急指挥部办公室"} and default.attrs["plan"] == "yiyuan-2019"


@pytest.mark.parametrize("response", ["II", "Ⅱ", "Ⅱ级"])
def test_d1_responses_in_every_spelling(response):
    # The plan writes Ⅱ级; a response period's level is read the same in every spelling (R1), and
    # names the response in the D1 text as on the first test's day 2.
    d = aqi.deadlines(periods(("2019-12-09 20:00", "2019-12-12 09:00", response)))
    assert d["what"][1] == "daily progress report, day 2 of the Level II response from 2019-12-09 20:00"
