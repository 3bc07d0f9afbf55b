"""aqi-engine, the office's reference client: the main job, its JSON, and bad input files
named by file, line and column."""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
ENGINE = pathlib.Path(os.environ.get("AQI_BUILD_DIR", SOURCE / "build")) / "bin" / "aqi-engine"


def run(*args):
    return subprocess.run([str(ENGINE), *map(str, args)], capture_output=True, text=True)


def test_main_job_prints_the_season():
    r = run("run", SOURCE / "scenarios" / "yiyuan-2019")
    assert r.returncode == 0, r.stderr
    for heading in ["OBSERVED AQI", "WARNING TIMELINE", "WARNINGS AND RESPONSES", "SEASON (SPEC L3)",
                    "VERIFICATION", "MEASURES AT RESPONSE Ⅰ级 BY DEPARTMENT"]:
        assert heading in r.stdout
    assert "IMPOSED (stricter)" in r.stdout  # the city's order of 2019-11-13 (L6)


def test_json_is_the_same_report():
    r = run("run", SOURCE / "scenarios" / "yiyuan-2019", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["scenario"]["rules"] == "yiyuan-2019"
    assert len(d["observed_aqi"]) == 183
    assert {e["event"] for e in d["events"]} == {"ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"}
    assert set(d["measures"]) == {"III", "II", "I"}


@pytest.fixture
def scenario(tmp_path):
    dst = tmp_path / "s"
    shutil.copytree(SOURCE / "scenarios" / "yiyuan-2019", dst)
    return dst


def test_bad_forecast_file_is_located(scenario):
    f = scenario / "forecasts.csv"
    lines = f.read_text().splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",abc"
    f.write_text("\n".join(lines) + "\n")
    r = run("run", scenario)
    assert r.returncode == 1
    assert r.stderr.strip() == f"aqi-engine: {scenario}/forecasts.csv:6:3: column 'aqi': 'abc' is not a number"


def test_bad_observation_and_config_are_located(scenario):
    f = scenario / "observations.csv"
    lines = f.read_text().splitlines()
    cells = lines[2].split(",")
    cells[1] = "-5"
    lines[2] = ",".join(cells)
    f.write_text("\n".join(lines) + "\n")
    r = run("run", scenario)
    assert r.stderr.strip() == (f"aqi-engine: {scenario}/observations.csv:3:2: column 'pm25_24h': "
                                "negative concentration (SPEC A4)")
    (scenario / "scenario.toml").write_text('name = "x"\nrules = "nope"\n')
    r = run("run", scenario)
    assert r.returncode == 1
    assert r.stderr.startswith(f"aqi-engine: {scenario}/scenario.toml:2:9: unknown rule set 'nope'")


def test_missing_scenario_and_usage():
    r = run("run", "/nonexistent/scenario")
    assert r.returncode == 1
    assert r.stderr.strip() == "aqi-engine: /nonexistent/scenario/scenario.toml: no such file or it cannot be read"
    assert run("frobnicate").returncode == 2


def test_main_job_prints_kilns_and_deadlines():
    r = run("run", SOURCE / "scenarios" / "yiyuan-2019")
    assert "BRICK-KILN ROTATING SHUTDOWN, SEASON 2019" in r.stdout
    assert "validation (K7): the schedule satisfies K1–K5" in r.stdout
    # D2 by hand: the response lifted on Thu 2020-01-16 16:00 → working days Fri 17, the make-up
    # Sunday 19 (调休, 国办发明电〔2019〕16号) and Mon 20 → due 2020-01-20.
    assert "2020-01-20 23:59  D2" in r.stdout
    assert "2020-05-31 23:59  D3" in r.stdout and "2020-09-30 23:59  D3" in r.stdout
    d = json.loads(run("run", SOURCE / "scenarios" / "yiyuan-2019", "--json").stdout)
    assert d["kilns"]["season"] == 2019 and d["kilns"]["gap"] < 0.01
    assert {x["rule"] for x in d["deadlines"]} == {"D1", "D2", "D3"}


def test_main_job_prints_emission_cuts_per_warning():
    r = run("run", SOURCE / "scenarios" / "yiyuan-2019")
    # Every warning carries its response level's cut verdict (R3–R6), each level its table and
    # the E10 top-up when the plan's measures fall short.
    assert r.stdout.count("      cuts: SO2 ") == r.stdout.count("  #")
    assert "EMISSION CUTS AT RESPONSE Ⅰ级" in r.stdout and "top-up (E10):" in r.stdout
    assert "dust (R5):" in r.stdout and "(cap 15% of the PM baseline)" in r.stdout
    d = json.loads(run("run", SOURCE / "scenarios" / "yiyuan-2019", "--json").stdout)
    assert set(d["emission_cuts"]) == {"III", "II", "I"}
    assert [row["pollutant"] for row in d["emission_cuts"]["I"]["summary"]] == ["so2", "nox", "pm", "vocs"]


def test_a_season_without_holiday_data_still_reports(tmp_path):
    # A season in 2017-18, for which no holiday notice ships: the deadline calendar is not
    # guessed (D2) and says why; everything else is reported. Three days of PM2.5 200 µg/m³
    # (IAQI 250 under HJ 633-2012) make an orange episode.
    (tmp_path / "scenario.toml").write_text(
        'name = "t"\nrules = "yiyuan-2019"\nseason = { start = 2017-12-01, end = 2017-12-10 }\n'
        'observations = "observations.csv"\nforecasts = "perfect"\n', encoding="utf-8")
    days = [f"2017-12-{d:02d}" for d in range(1, 11)]
    pm = [50, 50, 50, 200, 200, 200, 50, 50, 50, 50]
    (tmp_path / "observations.csv").write_text(
        "date,pm25_24h\n" + "".join(f"{d},{v}\n" for d, v in zip(days, pm)), encoding="utf-8")
    r = run("run", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "ISSUE      橙色 orange" in r.stdout
    assert "not computed: no holiday calendar for 2017" in r.stdout
    d = json.loads(run("run", tmp_path, "--json").stdout)
    assert d["deadlines"] == [] and d["deadlines_unavailable"].startswith("no holiday calendar for 2017")


def test_beijing_back_test_gets_its_deadlines():
    # 2015 and 2016 ship: the response of 2015-10-05 … 10-07 16:00 (National Day holiday) is due
    # on the third working day after: Thu 10-08, Fri 10-09, the make-up Saturday 10-10.
    r = run("run", SOURCE / "scenarios" / "beijing-2015-16")
    assert r.returncode == 0, r.stderr
    assert "2015-10-10 23:59  D2" in r.stdout
