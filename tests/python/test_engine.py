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


def run_raw(*args):
    return subprocess.run([str(ENGINE), *map(str, args)], capture_output=True, text=True)


def run(*args):
    """The engine; a text report in English (the tests below read its English words; the default
    is Chinese, SPEC N5 — test_the_chinese_report_is_the_default)."""
    args = [str(a) for a in args]
    if args and args[0] == "run" and "--json" not in args and "--lang" not in args:
        args += ["--lang", "en"]
    return run_raw(*args)


def test_main_job_prints_the_season():
    # The default scenario relays the city's orders (issue 13); its forecast-mode season is chosen
    # explicitly (SPEC L7).
    r = run("run", SOURCE / "scenarios" / "yiyuan-2019", "--mode", "forecast")
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


def test_issue16_misspelt_observation_column_stops_the_engine(scenario):
    # Issue 16: a misspelt pollutant column was dropped and the engine exited 0; now exit 1,
    # naming it (the one table of names, aqi/index/column_names.hpp).
    f = scenario / "observations.csv"
    text = f.read_text()
    f.write_text(text.replace("pm25_24h", "pm_25_24h", 1))
    r = run("run", scenario)
    assert r.returncode == 1
    assert r.stderr.startswith(f"aqi-engine: {scenario}/observations.csv:1: column 'pm_25_24h' names a pollutant "
                               "but no indicator; accepted names: the indicator keys (so2_24h, ")
    # aqistudy's bare names are the 24-hour means of a daily file: the same season as the keys.
    f.write_text(text.replace("pm25_24h", "pm25", 1).replace("co_24h", "co", 1))
    renamed = run("run", scenario)
    f.write_text(text)
    assert renamed.returncode == 0 and renamed.stdout and renamed.stdout == run("run", scenario).stdout


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


# ---- The text report and the JSON are one report (issue 12 item 8) ----------------------------
# Every fact the text prints — number, id, date, time, name, reason — must be in the JSON, in the
# part of it that holds the same section. The text's own words (headings, labels, units) are the
# string literals of the English table, read from its source: what the text prints that is
# neither a label nor in the JSON is a fact the JSON lacks.
import math
import re

TEXTS_EN = SOURCE / "apps" / "aqi-engine" / "texts_en.cpp"
TOP_UP_LISTED = 5  # render_text.cpp lists the first five extra cuts and counts the rest
SPLIT = re.compile(r"[\s(),;:!<>→…—–=/|#+§]+")
STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}(?![\d-])|\b\d{2}:\d{2}\b")
NUMBER = re.compile(r"^(-?\d+(?:\.(\d+))?)(%?)$")  # negative: a lead after the run began (L5)


def words(text):
    return {w.strip(".") for w in SPLIT.split(text) if w.strip(".")}


def label_words():
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', TEXTS_EN.read_text(encoding="utf-8"))
    return words(" ".join(re.sub(r"\{[^{}]*\}", " ", s) for s in literals))


def records(node, keys, out):
    """Each JSON object as (its own strings, its own numbers and list lengths); `keys`: an object's
    keys are names (the season counts)."""
    if isinstance(node, dict):
        strings = {v for v in node.values() if isinstance(v, str) and v} | (set(node) if keys else set())
        numbers = {v for v in node.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        numbers |= {len(v) for v in node.values() if isinstance(v, list)}
        out.append((strings, numbers))
        for v in node.values():
            records(v, keys, out)
    elif isinstance(node, list):
        out.append(({v for v in node if isinstance(v, str) and v}, {len(node)}))
        for v in node:
            records(v, keys, out)
    elif isinstance(node, str) and node:
        out.append(({node}, set()))
    return out


def has(line, s):
    """The line shows the string whole, or the date of a JSON time."""
    whole = lambda t: re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", line) is not None  # noqa: E731
    return whole(s) or (re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", s) is not None and whole(s[:10]))


def sections(text):
    """(heading, lines) per section: the header block, then each block after an empty line."""
    blocks = [b.split("\n") for b in text.strip("\n").split("\n\n")]
    return [("HEADER", blocks[0])] + [(b[0], b) for b in blocks[1:]]


def json_part(d, heading):
    """The JSON that holds a text section, and whether its object keys are data (names)."""
    level = re.search(r"AT RESPONSE (\S+)", heading)
    by_zh = lambda items: [x for x in items if x["response_zh"] == level.group(1)]  # noqa: E731
    parts = [
        ("HEADER", lambda: [d["libaqi"], d["scenario"]], False),
        ("OBSERVED AQI", lambda: d["observed_summary"], False),
        ("WARNING TIMELINE", lambda: d["events"], False),
        ("ORDERS OF THE SUPERIOR COMMAND", lambda: d["orders"], False),
        ("ADVICE FROM THE COUNTY", lambda: d["advice"], False),
        ("RUNS BEYOND THE ISSUE HORIZON", lambda: d["expected"], False),
        ("GAPS IN THE FORECASTS", lambda: d["gaps"], False),
        ("WARNINGS AND RESPONSES", lambda: [d["warnings"], d["response_periods"], d["emission_cuts"]], False),
        ("SEASON", lambda: d["counts"], True),
        ("VERIFICATION", lambda: d["verification"], False),
        ("MEASURES AT", lambda: by_zh(d["response_levels"]), False),
        ("EMISSION CUTS AT", lambda: by_zh(d["emission_cuts"].values()), False),
        ("BRICK-KILN", lambda: d["kilns"], False),
        ("DEADLINES", lambda: [d["deadlines"], d["deadline_entries"], d.get("deadlines_unavailable")], False),
    ]
    for prefix, part, keys in parts:
        if heading.startswith(prefix):
            node = part()
            assert node, f"no JSON for the section {heading!r}"
            return node, keys
    raise AssertionError(f"a text section the test does not know: {heading!r}")


def number_in(token, numbers):
    value, decimals, percent = NUMBER.match(token).groups()
    digits = len(decimals or "")
    for v in numbers:
        if not math.isfinite(v):
            continue
        shown = 100 * v if percent else v
        if f"{shown:.{digits}f}" == value:
            return True
    return False


def line_facts_missing(line, section, labels):
    """What of one text line is in neither the labels nor the JSON of its section. A number must
    be in an object that also holds a name or time printed on the line, or in one that holds no
    text at all (the section's anywhere when the line names nothing), at the precision printed
    (percentages: ratios × 100)."""
    strings = set().union(*(r[0] for r in section))
    rest = line
    for s in sorted(strings, key=len, reverse=True):  # whole strings of the JSON, longest first
        rest = re.sub(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", " ", rest)
    missing = [stamp for stamp in STAMP.findall(rest) if not any(stamp in s for s in strings)]
    rest = STAMP.sub(" ", rest)
    own = [r for r in section if any(has(line, s) for s in r[0])]
    own = [r for r in section if not r[0]] + own if own else section  # objects of numbers only: anywhere
    numbers = set().union(*(r[1] for r in own))
    for w in words(rest):
        if NUMBER.match(w) and number_in(w, numbers):
            continue
        if w not in labels:
            missing.append(w)
    return missing


def facts_missing_from_json(text, d):
    labels = label_words()
    missing = []
    for heading, lines in sections(text):
        node, keys = json_part(d, heading)
        section = records(node, keys, [])
        for line in lines:
            more = re.fullmatch(r"\s*… (\d+) more", line)
            if more:  # the top-up's extra cuts beyond those listed
                counts = [len(x["top_up"]["cuts"]) for x in node if "top_up" in x]
                if int(more.group(1)) + TOP_UP_LISTED not in counts:
                    missing.append((heading, line))
                continue
            missing += [(heading, w) for w in line_facts_missing(line, section, labels)]
    return missing


@pytest.mark.parametrize("name, mode", [("yiyuan-2019", ()), ("yiyuan-2019", ("--mode", "forecast")),
                                        ("beijing-2015-16", ())])
def test_every_fact_of_the_text_report_is_in_the_json(name, mode):
    text = run("run", SOURCE / "scenarios" / name, *mode)
    data = run("run", SOURCE / "scenarios" / name, "--json", *mode)
    assert text.returncode == 0 and data.returncode == 0, text.stderr + data.stderr
    assert facts_missing_from_json(text.stdout, json.loads(data.stdout)) == []


def test_the_text_vs_json_check_sees_a_missing_fact():
    # The check itself: a fact taken out of the JSON is reported, with its section (the forecast-mode
    # season: its timeline gives reasons with peaks).
    text = run("run", SOURCE / "scenarios" / "yiyuan-2019", "--mode", "forecast").stdout
    d = json.loads(run("run", SOURCE / "scenarios" / "yiyuan-2019", "--json", "--mode", "forecast").stdout)
    d["kilns"]["batches"][0]["name_zh"] = "?"
    d["observed_summary"]["categories"][0]["days"] = 5  # 优 good: 4 days
    d["events"][0]["reason"] = "forecast"
    missing = facts_missing_from_json(text, d)
    assert ("BRICK-KILN ROTATING SHUTDOWN, SEASON 2019 (SPEC K1–K7, plan §5.5)", "第一批") in missing
    assert ("OBSERVED AQI (SPEC A1–A7) — 183 days", "4") in missing
    assert ("WARNING TIMELINE (SPEC L1–L6; lead time = issue to the start of the qualifying run)", "peak") in missing


def test_measures_for_a_warning_lifted_before_its_response_in_text_and_json(tmp_path):
    # SPEC L1 with the plan's rules (W4): the forecast of 12-01 gives AQI 250 on 12-03 and 12-04,
    # > 200 for 2 days: yellow, Level III (R1), its response to start 12-03 00:00. The forecast of
    # 12-02 has no level and the next 36 hours ≤ 200: LIFT at 12-02 16:00, before the response
    # began — no response period. The warning still named Level III: both renderings list its
    # measures (the JSON listed only levels of response periods).
    (tmp_path / "scenario.toml").write_text(
        'name = "t"\nplan = "yiyuan-2019"\nseason = { start = 2019-12-01, end = 2019-12-10 }\n'
        'observations = "observations.csv"\nforecasts = "forecasts.csv"\n', encoding="utf-8")
    days = [f"2019-12-{d:02d}" for d in range(1, 11)]
    (tmp_path / "observations.csv").write_text(
        "date,pm25_24h\n" + "".join(f"{d},50\n" for d in days), encoding="utf-8")
    rows = [("2019-12-01", f"2019-12-{v:02d}", 250 if v in (3, 4) else 100) for v in range(2, 9)]
    rows += [(f"2019-12-{i:02d}", f"2019-12-{i + k:02d}", 100) for i in range(2, 10) for k in range(1, 8)
             if i + k <= 16]
    (tmp_path / "forecasts.csv").write_text(
        "issue_date,valid_date,aqi\n" + "".join(f"{a},{b},{v}\n" for a, b, v in rows), encoding="utf-8")
    r = run("run", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2019-12-01 16:00  ISSUE      黄色 yellow  III" in r.stdout
    assert "2019-12-02 16:00  LIFT" in r.stdout
    assert "MEASURES AT RESPONSE Ⅲ级 BY DEPARTMENT" in r.stdout and "III-health-1" in r.stdout
    d = json.loads(run("run", tmp_path, "--json").stdout)
    assert [e["event"] for e in d["events"]] == ["ISSUE", "LIFT"] and d["response_periods"] == []
    assert set(d["measures"]) == {"III"}
    assert [(x["response"], x["reached_by"]) for x in d["response_levels"]] == [
        ("III", {"response_periods": [], "events": [0]})]
    assert facts_missing_from_json(r.stdout, d) == []


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_scenarios_plan_decides_targets_measures_kilns_deadlines_and_catalogue(scenario):
    # The default scenario with a copy of its plan, five parts edited; each edit shows in the report.
    plan = scenario / "plan"
    shutil.copytree(SOURCE / "libaqi" / "rules" / "plans" / "yiyuan-2019", plan)
    edit(scenario / "scenario.toml", 'plan = "yiyuan-2019"', 'plan = "./plan"')
    edit(plan / "targets.toml", 'response = "III"\nso2 = 0.10', 'response = "III"\nso2 = 0.05')
    edit(plan / "industry_measures.toml", 'industry = "organic_chemical"\ngrade = ""\nresponse = "II"\ncut = 0.2',
         'industry = "organic_chemical"\ngrade = ""\nresponse = "II"\ncut = 0.5')
    edit(plan / "kilns.toml", "january_extension_days = 7", "january_extension_days = 10")
    edit(plan / "deadlines.toml", 'submit_to_zh = "县重污染天气应急指挥部办公室"', 'submit_to_zh = "县应急指挥部值班室"')
    edit(plan / "deadlines.toml", "time = 15:00:00", "time = 16:00:00")
    edit(plan / "responses.toml", 'en = "Remind sensitive groups (children, the elderly, the sick) to stop outdoor '
         'activities."', 'en = "Remind sensitive groups to stay in (edited plan)."')
    r = run("run", scenario)
    assert r.returncode == 0, r.stderr
    d = json.loads(run("run", scenario, "--json").stdout)
    base = json.loads(run("run", SOURCE / "scenarios" / "yiyuan-2019", "--json").stdout)
    # R3 with the plan's targets; R4: SO2 and NOx are met as a pair, short by the pair's gap.
    so2, nox = d["emission_cuts"]["III"]["summary"][:2]
    # E12: the sources without a sourced rule could close the gap: undetermined, not short.
    assert so2["target"] == 0.05 and "  SO2       8.548     0.126    1.5%      5%  undetermined: " in r.stdout
    assert so2["shortfall_pp"] == pytest.approx((0.05 + 0.10 - so2["ratio"] - nox["ratio"]) * 100)
    # E1 with the plan's measure table: the four organic-chemical plants (E095–E098, load-counted,
    # neither excluded nor protected) cut 50% instead of 20% at Level II: 0.3 × their VOCs
    # baseline (0.7067 + 0.4024 + 0.196 + 0.1406 t/day) more.
    vocs = d["emission_cuts"]["II"]["summary"][3]["reduction"] - base["emission_cuts"]["II"]["summary"][3]["reduction"]
    assert vocs == pytest.approx(0.3 * (0.7067 + 0.4024 + 0.196 + 0.1406))
    # K4 with the plan's 10 days: B2 (Nov–Jan) ends 01-31 + 10; B3 (Dec–Feb, 2020 a leap year) 02-29 + 10.
    assert "B2 第二批  2019-11-01 … 2020-02-10 (+10 d, K4)" in r.stdout
    assert [(b["name"], b["end"]) for b in d["kilns"]["batches"]][1:] == [("B2", "2020-02-10"), ("B3", "2020-03-10")]
    # D1 with the plan's hour and office. SPEC D1 as revised (issue 13): the reports run from the
    # notice's receipt, whatever the response does — the relay scenario's first order, received
    # 2019-10-02 11:43 (orders.csv, 2019—2020年第1期), reports first at 16:00 that day (was: the
    # forecast-mode response from 2019-10-04 00:00, first report 2019-10-04 16:00).
    assert "2019-10-02 16:00  D1  daily 16:00 progress reports to 县应急指挥部值班室, " in r.stdout
    assert d["deadlines"][0]["due"] == "2019-10-02 16:00" and d["deadlines"][0]["submit_to_zh"] == "县应急指挥部值班室"
    # R2 with the plan's catalogue.
    assert "    III-health-1     Remind sensitive groups to stay in (edited plan)." in r.stdout
    assert facts_missing_from_json(r.stdout, d) == []


def test_language_of_the_text_report():
    # SPEC N5: Chinese by default, English on request.
    default = run_raw("run", SOURCE / "scenarios" / "yiyuan-2019")
    chinese = run_raw("run", SOURCE / "scenarios" / "yiyuan-2019", "--lang", "zh")
    english = run_raw("run", SOURCE / "scenarios" / "yiyuan-2019", "--lang", "en")
    assert default.returncode == 0 and default.stdout == chinese.stdout
    assert english.returncode == 0 and english.stdout != default.stdout
    assert "上级指挥部指令（SPEC L8–L11" in default.stdout and "ORDERS OF THE SUPERIOR COMMAND" in english.stdout
    r = run_raw("run", SOURCE / "scenarios" / "yiyuan-2019", "--lang", "fr")
    assert r.returncode == 2 and r.stderr == "aqi-engine: unknown language fr; expected one of: zh, en\n"
    r = run_raw("run", SOURCE / "scenarios" / "yiyuan-2019", "--lang")
    assert r.returncode == 2 and r.stderr == "aqi-engine: unknown language (none); expected one of: zh, en\n"


# Issue 16: the default scenario's forecast-mode season with a day missing from a forecast, with a
# day without a forecast, and with observations of another season.
def drop_forecast_rows(scenario, keep):
    f = scenario / "forecasts.csv"
    lines = f.read_text().splitlines()
    f.write_text("\n".join([lines[0]] + [x for x in lines[1:] if keep(x.split(","))]) + "\n")


def test_gaps_a_forecast_missing_a_day_is_reported(scenario):
    # The forecast of 2019-11-27 without its value for 11-30 (457), in the red episode (SPEC W8: the
    # day breaks the run; the report says what that changed).
    drop_forecast_rows(scenario, lambda c: c[:2] != ["2019-11-27", "2019-11-30"])
    text = run("run", scenario, "--mode", "forecast")
    d = json.loads(run("run", scenario, "--mode", "forecast", "--json").stdout)
    assert text.returncode == 0, text.stderr
    [g] = d["gaps"]
    assert (g["date"], g["kind"], g["issue_date"], g["changed"]) == ("2019-11-30", "forecast_day", "2019-11-27", True)
    assert g["detail"].startswith("the forecast of 2019-11-27 has no value for 2019-11-30: read as missing, which "
                                  "breaks any run through it (SPEC W8)")
    # The warning it affected is the red episode's, in force at the forecast's issue (16:00).
    w = d["warnings"][g["warning_number"] - 1]
    assert w["issued"] <= "2019-11-27 16:00" and w["lifted"] > "2019-11-27 16:00"
    # The responses as read are the season's counts: "Level I <filled> h, not <as read> h".
    hours = d["counts"]["response_hours"]
    assert f"Level I {{}} h, not {hours['I']:g} h".split("{}")[1] in g["detail"]
    assert "GAPS IN THE FORECASTS (1;" in text.stdout
    assert f"  2019-11-30  forecast_day  (warning {g['warning_number']}) the forecast of 2019-11-27" in text.stdout
    # The whole scenario has no gaps, in either mode.
    whole = SOURCE / "scenarios" / "yiyuan-2019"
    assert json.loads(run("run", whole, "--mode", "forecast", "--json").stdout)["gaps"] == []
    assert json.loads(run("run", whole, "--json").stdout)["gaps"] == []
    assert "GAPS IN THE FORECASTS" not in run("run", whole, "--mode", "forecast").stdout


def test_gaps_a_day_without_a_forecast_is_reported(scenario):
    # No forecast issued on 2019-12-12: no decision that day (SPEC L1); the yellow warning issued
    # 2019-12-11 16:00 stands (its response 12-13 00:00 → 12-14 16:00).
    drop_forecast_rows(scenario, lambda c: c[0] != "2019-12-12")
    d = json.loads(run("run", scenario, "--mode", "forecast", "--json").stdout)
    [g] = d["gaps"]
    assert (g["date"], g["kind"], g["changed"]) == ("2019-12-12", "issue_day", False)
    assert g["detail"] == ("no forecast issued on 2019-12-12: no decision that day (SPEC L1); the warning issued "
                           "2019-12-11 16:00 (yellow that day) stood")
    assert d["warnings"][g["warning_number"] - 1]["issued"] == "2019-12-11 16:00"
    # Relay mode: the forecasts are advice (L10); the day is reported, no warning changed.
    [g] = json.loads(run("run", scenario, "--json").stdout)["gaps"]
    assert g["detail"] == ("no forecast issued on 2019-12-12: no advice that day (SPEC L10); the orders decide, no "
                           "warning or response changed")


def test_observations_of_another_season_stop_the_engine(scenario):
    # The observations moved four years back (2015-10-01 … 2016-03-31): before issue 16 the engine
    # printed an all-zero verification and exited 0.
    f = scenario / "observations.csv"
    lines = f.read_text().splitlines()
    f.write_text("\n".join([lines[0]] + [str(int(x[:4]) - 4) + x[4:] for x in lines[1:]]) + "\n")
    r = run("run", scenario)
    assert r.returncode == 1
    assert r.stderr.strip() == (
        f"aqi-engine: {scenario}/scenario.toml:5:10: the observations ({scenario}/observations.csv: 2015-10-01 … "
        "2016-03-31) do not overlap the season 2019-10-01 … 2020-03-31: nothing to verify (SPEC L4); give "
        "observations of the season's days or correct the season")


def test_measures_template_and_the_bureau_file(tmp_path):
    # SPEC E13: the template lists every row; filled, named in scenario.toml, it changes the
    # report's rule counts (origin bureau) — rows left empty stay not sourced.
    import shutil
    import tomllib
    out = tmp_path / "template.toml"
    r = run("measures-template", "--out", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    rows = tomllib.loads(text)["rule"]
    assert len(rows) == 81 and all(x["cut"] != x["cut"] for x in rows)  # the not-sourced rows, nan
    assert "# glass grade B at II — status: unverified\n# [[rule]]" in text
    scenario = tmp_path / "s"
    shutil.copytree(SOURCE / "scenarios" / "yiyuan-2019", scenario)
    filled = text.replace('industry = "ceramics"\ngrade = "B"\nresponse = "II"\ncut = nan\ncounted_by = "none"',
                          'industry = "ceramics"\ngrade = "B"\nresponse = "II"\ncut = 0.5\ncounted_by = "line"')
    filled = filled.replace('cut = 0.5\ncounted_by = "line"\nmeasure_zh = ""\nmeasure_en = ""\nsource = "not sourced"\n'
                            'verified = false\nevidence = "none"',
                            'cut = 0.5\ncounted_by = "line"\nmeasure_zh = "限产50%"\nmeasure_en = ""\nsource = "省清单"\n'
                            'verified = true\nevidence = "guide_text"')
    (scenario / "bureau.toml").write_text(filled, encoding="utf-8")
    toml = (scenario / "scenario.toml").read_text(encoding="utf-8")
    (scenario / "scenario.toml").write_text(toml.replace('inventory = "inventory.csv"',
                                                         'inventory = "inventory.csv"\nindustry_measures = "bureau.toml"'),
                                            encoding="utf-8")
    r = run("run", scenario)
    assert r.returncode == 0, r.stderr
    assert "measure table (E13), shipped rules: 32 verified, 25 unverified, 80 not sourced" in r.stdout
    assert "measure table (E13), bureau rules: 1 verified, 0 unverified, 0 not sourced" in r.stdout
    assert "the bureau's measure list (E13): bureau.toml" in r.stdout
    assert run("measures-template", "--bogus").returncode == 2


# ---- SPEC N5: the Chinese and the English report carry the same facts --------------------------
FACT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{4}-\d{2}(?:-\d{2})?|[A-Za-z]+\d*(?:-[a-z]+)?-\d+|-?\d+(?:\.\d+)?%?")


def line_facts(line):
    """The facts of a line: times, dates, ids (II-dust-1, E001), numbers — never words."""
    return sorted(FACT.findall(line))


@pytest.mark.parametrize("name, mode", [("yiyuan-2019", ()), ("yiyuan-2019", ("--mode", "forecast")),
                                        ("beijing-2015-16", ())])
def test_chinese_and_english_reports_carry_the_same_facts(name, mode):
    # Section by section, line by line: the same number of lines, and on each line the same times,
    # dates, ids and numbers, whatever the words and their order.
    zh = run_raw("run", SOURCE / "scenarios" / name, "--lang", "zh", *mode)
    en = run_raw("run", SOURCE / "scenarios" / name, "--lang", "en", *mode)
    assert zh.returncode == 0 and en.returncode == 0, zh.stderr + en.stderr
    zh_sections, en_sections = sections(zh.stdout), sections(en.stdout)
    assert len(zh_sections) == len(en_sections)
    for (zh_heading, zh_lines), (en_heading, en_lines) in zip(zh_sections, en_sections):
        assert len(zh_lines) == len(en_lines), en_heading
        for zh_line, en_line in zip(zh_lines, en_lines):
            if en_heading.startswith("MEASURES AT") and zh_line not in (zh_lines[0], "  各单位"):
                # A measure in the plan's words or in its English summary: the same id (the
                # department lines: the same Chinese name).
                assert zh_line.split()[:1] == en_line.split()[:1], (en_heading, en_line, zh_line)
                continue
            assert line_facts(zh_line) == line_facts(en_line), (en_heading, en_line, zh_line)
    # The comparison sees a fact missing: a number taken out of a Chinese line.
    changed = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), zh_sections[1][1][1], count=1)
    assert line_facts(changed) != line_facts(en_sections[1][1][1])


def test_notices_command_writes_notices_task_lists_and_records(tmp_path):
    # SPEC N1–N4: 26 orders in orders.csv → 26 notices; unit and source task lists per response
    # level of the catalogue (III, II, I); the records of the 11 warnings.
    r = run_raw("notices", SOURCE / "scenarios" / "yiyuan-2019", "--out", tmp_path / "docs")
    assert r.returncode == 0, r.stderr
    docs = tmp_path / "docs"
    notices = sorted(p.name for p in docs.glob("*.md"))
    assert len(notices) == 26 and notices[0] == "01-2019-10-02-ISSUE.md" and notices[1] == "02-2019-10-06-LIFT.md"
    first = (docs / notices[0]).read_text(encoding="utf-8")
    assert first.startswith("# 沂源县重污染天气应急指挥部办公室关于发布重污染天气橙色预警启动Ⅱ级应急响应的通知\n")
    assert "全县于2019年10月4日10时00分启动Ⅱ级应急响应" in first and "## 发布渠道（预案§4.3，SPEC N3）" in first
    for level in ("III", "II", "I"):
        assert (docs / f"unit_tasks_{level}.csv").exists() and (docs / f"source_tasks_{level}.csv").exists()
    records = (docs / "records.csv").read_text(encoding="utf-8").splitlines()
    assert len(records) == 1 + 11
    # Episode 1 by hand: Level II from 10-04 10:00 to the lift 10-06 10:22 = 48 h 22 min; D1 at
    # 15:00 on 10-02 … 10-05 = 4 reports; D2: National Day holiday to 10-07, so 10-08, 09, 10.
    assert records[1].startswith("1,2019-10-02 11:43,2019-10-06 10:22,Ⅱ级,")
    assert ",2019-10-04 10:00,2019-10-06 10:22,0.00,48.37,0.00,4,2019-10-10 23:59," in records[1]
    r = run_raw("notices", SOURCE / "scenarios" / "yiyuan-2019")
    assert r.returncode == 2 and "aqi-engine notices <scenario-dir> --out DIR" in r.stderr


def test_notices_records_count_the_scenario_kiln_rotation(tmp_path):
    # SPEC K8, N4: the default scenario's kilns.csv has emissions, so records.csv credits its
    # schedule. Episode 1's response (2019-10-04 10:00 … 10-06 10:22) lies in October: the
    # one-line kilns of batch B1 (Oct–Dec) stop every day of it, each multi-line kiln ⌈n/2⌉ of its
    # n lines (K3, fixed), the others nothing — the same on each day, so the least is that credit.
    import csv
    import aqi
    r = run_raw("notices", SOURCE / "scenarios" / "yiyuan-2019", "--out", tmp_path / "docs")
    assert r.returncode == 0, r.stderr
    with open(tmp_path / "docs" / "records.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[-4:] == ["kiln_so2", "kiln_nox", "kiln_pm", "kiln_vocs"]
    kilns = SOURCE / "scenarios" / "yiyuan-2019" / "kilns.csv"
    table = aqi.read_kilns(kilns).set_index("id")
    a = aqi.kiln_schedule(kilns, 2019).assignments
    b1 = set(a[a["batch"] == "B1"]["id"])
    share = (((table.lines + 1) // 2) / table.lines).where(table.lines > 1, table.index.isin(b1).astype(float))
    for p in ("so2", "nox", "pm"):
        assert float(rows[0][f"kiln_{p}"]) == pytest.approx((share * table[p]).sum(), abs=6e-5), p  # 4 decimals
    assert all(row["kiln_so2"] != "" for row in rows)
