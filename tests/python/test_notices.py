"""What the office hands out — SPEC N1–N4 in Python: aqi.notices, notice_checklist, unit_tasks,
source_tasks, episode_records. The documents are decided in C++ (tests/cpp/warning/notice_test.cpp,
unit_tasks_test.cpp, episode_records_test.cpp); these tests check the tables' schemas and one
hand-derived value each."""
import pandas as pd
import pytest

import aqi

ORDERS = pd.DataFrame({
    "issued": ["2019-12-02 10:00", "2019-12-05 12:00", "2019-12-10 16:00", "2019-12-11 12:00", "2019-12-12 09:00"],
    "event": ["ISSUE", "LIFT", "ISSUE", "UPGRADE", "LIFT"],
    "level": ["橙色", "", "黄色", "红色", ""],
    "response_start": ["2019-12-03 00:00", "", "", "", ""],
    "doc_no": ["第1期", "第2期", "第3期", "第4期", "第5期"],
})
OBSERVED = pd.Series([150, 220, 240, 230, 120, 100, 90, 80, 100, 210, 220],
                     index=pd.date_range("2019-12-02", periods=11, freq="D"))


def season():
    return aqi.run_season(orders=ORDERS, observations=OBSERVED)


def test_n1_one_notice_per_order():
    n = aqi.notices(season())
    assert list(n.columns) == ["time", "event", "event_zh", "level", "level_zh", "response", "response_zh", "doc_no",
                               "title", "text"]
    assert list(n["event"]) == ["ISSUE", "LIFT", "ISSUE", "UPGRADE", "LIFT"]
    assert list(n["event_zh"]) == ["发布", "解除", "发布", "升级", "解除"]  # N5
    assert list(n["doc_no"]) == ["第1期", "第2期", "第3期", "第4期", "第5期"]
    assert n["title"][3] == "沂源县重污染天气应急指挥部办公室关于将重污染天气预警由黄色升级为红色启动Ⅰ级应急响应的通知"
    # L8: an order without a response start begins its response at once: the notice says so.
    assert "全县于2019年12月10日16时00分启动Ⅲ级应急响应" in n["text"][2]
    assert n["time"][0] == pd.Timestamp("2019-12-02 10:00")


def test_n1_notices_are_chinese_and_need_the_plan():
    with pytest.raises(ValueError, match="lang must be one of 'zh', got 'en'"):
        aqi.notices(season(), lang="en")
    s = aqi.run_season(orders=ORDERS, rules=aqi.rule_set("yiyuan-2019"))
    assert len(aqi.notices(s, plan="yiyuan-2019")) == 5


def test_n3_checklist_per_notice():
    c = aqi.notice_checklist(season())
    assert len(c) == 5 * 6  # six channels of plan §4.3 per notice
    first = c[c["doc_no"] == "第1期"]
    assert list(first["channel"]) == ["portals", "screens", "media_centre", "sms", "road_signs", "villages"]
    assert first["until"].iloc[0] == pd.Timestamp("2019-12-05 12:00")  # the lift


def test_n2_every_member_unit():
    u = aqi.unit_tasks("Ⅱ级")
    assert list(u.columns) == ["unit", "unit_zh", "unit_en", "measure_id", "kind", "text_zh", "text_en"]
    assert u["unit"].nunique() == 23
    for unit in ["县政府办公室", "县财政局", "县应急局", "县气象局", "各镇政府、街道办事处、开发区管委会"]:
        assert (u["unit_zh"] == unit).any() and ((u["unit_zh"] == unit) & (u["kind"] == "duty")).any()
    assert (u["text_en"] != "").all()
    with pytest.raises(ValueError, match="lang must be one of 'zh', 'en', got 'fr'"):
        aqi.unit_tasks("II", lang="fr")


def test_n2_source_tasks(tmp_path):
    header = ("id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,"
              "cost,vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n")
    path = tmp_path / "inventory.csv"
    path.write_text(header + "P1,塑料厂,enterprise,plastic_products,,3,,1,1,1,1,,,0,100,,,,,,,\n", encoding="utf-8")
    inv = aqi.Inventory.read_csv(path)
    t = aqi.source_tasks(inv, "I")
    assert list(t.columns) == ["id", "name", "industry", "grade", "measure_zh", "lines_stopped", "cut", "transport",
                               "rule", "status"]
    # E4 ②, E6: plastics stop at red, all 3 lines.
    assert t["measure_zh"][0] == "红色预警停产，以生产线计；停产3条生产线（共3条）"
    assert t["lines_stopped"][0] == 3 and t["cut"][0] == 1.0 and t["status"][0] == "verified"


def test_n4_records_of_a_two_episode_season():
    r = aqi.episode_records(season())
    assert len(r) == 2
    # By hand (as tests/cpp/warning/episode_records_test.cpp): 60 h at II; 20 h at III and 21 h at I.
    assert list(r["hours_II"]) == [60, 0] and list(r["hours_III"]) == [0, 20] and list(r["hours_I"]) == [0, 21]
    assert list(r["daily_reports"]) == [3, 1]
    assert list(r["response_zh"]) == ["Ⅱ级", "Ⅰ级"]
    assert list(r["summary_due"].dt.date) == [pd.Timestamp("2019-12-10").date(), pd.Timestamp("2019-12-17").date()]
    assert list(r["verification"]) == ["hit", "lower"] and list(r["observed_max"]) == [240, 220]
    # L4: observed 220 240 230 (> 200 three days: orange, W4) and 210 220 (two days: yellow); N5 beside.
    assert list(r["observed_level"]) == ["orange", "yellow"] and list(r["observed_level_zh"]) == ["橙色", "黄色"]
    assert r["so2_ratio"].isna().all()  # no inventory: no planned reductions


def test_n4_k8_records_count_the_kiln_rotation(tmp_path):
    header = ("id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,"
              "cost,vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n")
    path = tmp_path / "inventory.csv"
    path.write_text(header + "P1,塑料厂,enterprise,plastic_products,,2,,1,1,1,1,,,0,100,,,,,,,\n", encoding="utf-8")
    inv = aqi.Inventory.read_csv(path)
    # K1 (one line, 2, 1, 1, 0 t/day) stops in its batch, and every batch holds December (K2);
    # K2 (two lines, 1, 2, 0.4, 0) stops line 1 all season (K3, fixed): ½ of it every day.
    kilns = pd.DataFrame({"id": ["K1", "K2"], "lines": [1, 2], "capacity": [10.0, 10.0], "so2": [2, 1],
                          "nox": [1, 2], "pm": [1, 0.4], "vocs": [0, 0]})
    schedule = aqi.kiln_schedule(kilns, 2019)
    r = aqi.episode_records(season(), inv, kilns=schedule)
    # SPEC K8, N4: both responses (12-03 … 12-05, 12-10 … 12-12) credit 2 + 0.5 = 2.5 SO2,
    # 1 + 1 = 2 NOx, 1 + 0.2 = 1.2 PM, 0 VOCs on each day; baselines 4 SO2, 4 NOx, 2.4 PM.
    assert list(r["kiln_so2"]) == [2.5, 2.5] and list(r["kiln_nox"]) == [2, 2] and list(r["kiln_vocs"]) == [0, 0]
    assert r["kiln_pm"].tolist() == pytest.approx([1.2, 1.2])
    # II: P1 stops 1 of 2 lines (0.5): SO2 (0.5 + 2.5) / 4 = 0.75; I: it stops (1): (1 + 2.5) / 4.
    assert list(r["so2_ratio"]) == [0.75, 0.875]
    assert r["pm_ratio"].tolist() == pytest.approx([(0.5 + 1.2) / 2.4, (1 + 1.2) / 2.4])
    assert aqi.episode_records(season(), inv)["kiln_so2"].isna().all()  # no kilns: no credit
    # SPEC E12 in the records: every ratio above its target at II and I (SO2 0.75 / 0.875 …): met.
    assert list(r["targets_met"]) == ["met", "met"] and list(r["targets_met_zh"]) == ["达标", "达标"]
    with pytest.raises(ValueError, match=r"episode records \(SPEC K8, N4\): the kiln credit counts toward the "
                                         r"inventory's planned reductions; give the inventory too"):
        aqi.episode_records(season(), kilns=schedule)
    with pytest.raises(TypeError, match="kilns: expected an aqi.KilnSchedule"):
        aqi.episode_records(season(), inv, kilns=kilns)


def test_n4_e12_records_verdict_is_three_valued(tmp_path):
    # SPEC E12, N4: a record never says "short" where the missing rules decide. P1 (plastic
    # products, 1 t/day each) stops 1 of 2 lines at II, both at I.
    header = ("id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,"
              "cost,vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n")
    p1 = "P1,塑料厂,enterprise,plastic_products,,2,,1,1,1,1,,,0,100,,,,,,,\n"

    def records(extra):
        path = tmp_path / "inventory.csv"
        path.write_text(header + p1 + extra, encoding="utf-8")
        return aqi.episode_records(season(), aqi.Inventory.read_csv(path))
    # + a ceramics B- enterprise (no sourced row) of 10 t PM (no R4 trade for PM): PM 0.5 / 11 and
    # 1 / 11 < 20 %, 30 % counting the rules that exist, ≥ if it stopped: undetermined at II and I.
    r = records("B1,陶瓷厂,enterprise,ceramics,B-,1,,0,0,10,0,,,0,100,,,,,,,\n")
    assert list(r["targets_met"]) == ["undetermined", "undetermined"]
    assert list(r["targets_met_zh"]) == ["无法判定", "无法判定"]
    # + an 'other' enterprise of 99 t PM (E5: runs at II, stops at I): II PM 0.5 / 100 short with no
    # unsourced source to decide it; I (1 + 99) / 100 met.
    r = records("O1,其他厂,enterprise,other,,1,,0,0,99,0,,,0,100,,,,,,,\n")
    assert list(r["targets_met"]) == ["short", "met"] and list(r["targets_met_zh"]) == ["未达标", "达标"]


def test_n1_a_season_of_another_rule_set_needs_its_plan():
    s = aqi.run_season(orders=ORDERS, rules="mee-2017")
    with pytest.raises(ValueError, match="the season's rule set 'mee-2017' is not a built-in plan's; pass plan="):
        aqi.notices(s)
