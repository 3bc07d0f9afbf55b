#!/usr/bin/python3
"""Writes the seed corpora of tests/fuzz/corpus/seed-*: real files of the project, cut to a few
kilobytes (scenarios/, libaqi/rules/), and hand-made edge cases. Entries a fuzzing run found
(named by their SHA-1, as libFuzzer names them) are kept beside the seeds and never touched here.

    /usr/bin/python3 tests/fuzz/make_seeds.py
"""
from __future__ import annotations

import math
import pathlib
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
RULES = ROOT / "libaqi" / "rules"
SCENARIO = ROOT / "scenarios" / "yiyuan-2019"


def read(path: pathlib.Path) -> str:
    return path.read_text(encoding="utf-8")


def lines(path: pathlib.Path, n: int) -> str:
    return "".join(read(path).splitlines(keepends=True)[:n])


def uncommented(text: str) -> str:
    """TOML without whole-line comments and blank lines: the same document, a fraction of the bytes."""
    return "".join(l for l in text.splitlines(keepends=True) if l.strip() and not l.lstrip().startswith("#"))


def blocks(text: str) -> tuple[str, list[str]]:
    """A TOML document split into its preamble and its [[array-of-tables]] entries."""
    parts = re.split(r"(?m)^(?=\[\[)", text)
    return parts[0], parts[1:]


seeds: dict[str, dict[str, bytes | str]] = {}


def seed(target: str, name: str, content: bytes | str) -> None:
    seeds.setdefault(target, {})[name] = content


# ---------------------------------------------------------------- CSV files
for name, n in [("observations", 20), ("forecasts", 40), ("inventory", 30), ("kilns", 40), ("imposed", 10)]:
    seed(name, "scenario", lines(SCENARIO / f"{name}.csv", n))
seed("observations", "beijing", lines(ROOT / "scenarios" / "beijing-2015-16" / "observations.csv", 20))
seed("observations", "edge", "\ufeffdate,pm25_24h,so2_1h,o3_8h,x\r\n2026-02-28,NA,801,,\"a,b\"\r\n"
     "2026-03-01,500.1,900,801,\"\"\"\"\r\n2026-03-02 00:00,-0,1e300,0,\n")
seed("observations", "bad", "date,pm25_24h\n2019-02-29,1\n2019-13-01,+5\n2019-10-01,inf\n")
seed("forecasts", "edge", "issue_date,valid_date,aqi\n2019-10-01,2019-10-01,NaN\n2019-10-01,2019-10-09,501\n"
     "9999-12-30,9999-12-31,250\n1400-01-01,1400-01-02,1e308\n")
seed("forecasts", "duplicate", "issue_date,valid_date,aqi\n2019-10-01,2019-10-02,201\n2019-10-01,2019-10-02,202\n")
seed("imposed", "edge", "time,event,level\n2019-11-13,ISSUE,红色\n2019-11-14 23:59,UPGRADE,red\n"
     "2019-11-15 24:00,DOWNGRADE,yellow\n2019-11-16 12:00,LIFT,none\n")
seed("inventory", "fleets-dust", lines(SCENARIO / "inventory.csv", 1) + "".join(
    l for l in read(SCENARIO / "inventory.csv").splitlines(keepends=True)[1:]
    if ",fleet," in l or ",dust," in l)[:3000])
seed("inventory", "edge", "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,"
     "excluded,low_nox,cost,x_note\n"
     "a,,enterprise,ceramics,A,3,1e308;1e308;1,1e308,0,5e-324,1,0.5,,0,1e308,\n"
     "b,,enterprise,gas_boiler,,1,,0,1,0,0,,,1,,\n"
     "c,,enterprise,glass,,2,,1,1,1,1,,zombie,,,\n"
     "d,,enterprise,other,,100000,,1,1,1,1,1,,,0,\n")
seed("kilns", "edge", "id,lines,capacity\nk1,1,5e-324\nk2,1000,1e308\nk3,1,1.7976931348623157e308\n\"k,4\",2,0.5\n")
seed("kilns", "single", "id,lines,capacity\nonly,1,9\n")
seed("csv", "quotes", "\ufeffa,\"b\"\"c\",d\r\n1,\"x\ny\",\r\n\"\",,\n")
seed("csv", "numbers", "n,i,d\n+1.5,-7,2019-10-01\n1e400,99999999999999999999,2019-02-29T10:00\nNA,+3,9999-12-31 23:00\n")
seed("csv", "one-column", "a\n\"\"\n\n1\n")
seed("csv", "scenario", lines(SCENARIO / "kilns.csv", 8))

# ---------------------------------------------------------------- TOML rule files
for f in sorted((RULES / "warnings").glob("*.toml")):
    seed("rule_set", f.stem, uncommented(read(f)))
seed("rule_set", "edge", 'id = "x"\ntitle = "x"\ndocument = "x"\nmerge_gap_days = 10000\n'
     '[[level]]\nname = "a"\nresponse = "Ⅰ"\nclauses = [{ anchored = true, terms = [{ above = -inf, days = 10000 },'
     ' { above = nan, at_most = inf, days = 1, consecutive = false }] }]\n[lift]\nfirst_hours = 1\nat_most = nan\n')
for f in sorted((RULES / "editions").glob("*.toml")):
    seed("edition", f.stem, uncommented(read(f)))
seed("edition", "edge", 'id = "e"\ntitle = "e"\nin_force_from = 1399-12-31\niaqi = [0, 1e-300, inf]\n'
     'daily_indicators = ["pm25_24h"]\nhourly_indicators = ["pm25_1h"]\n'
     '[indicator]\npm25_24h = { breakpoints = [0, 5e-324, 1e308] }\npm25_1h = { rated_as = "pm25_1h" }\n')
for f in sorted((RULES / "holidays").glob("*.toml")):
    if f.stem in ("2019", "2020", "2024"):
        seed("holidays", f.stem, uncommented(read(f)))
seed("holidays", "edge", 'year = 9999\nnotice = "n"\nnotice_number = "n"\nnotice_date = 0001-01-01\n'
     'revisions = []\nsources = []\ntotal_days_off = 2\n[[holiday]]\nname_zh = "x"\nname_en = "x"\n'
     'days_off = [9999-12-30, 9999-12-31]\ndeclared_days = 2\nmakeup_workdays = [9999-12-25]\n')
seed("deadline_rules", "yiyuan-2019", uncommented(read(RULES / "deadlines" / "yiyuan-2019.toml")))
seed("kiln_rules", "yiyuan-2019", uncommented(read(RULES / "kilns" / "yiyuan-2019.toml")))
seed("kiln_rules", "edge", 'id = "k"\ndocument = "k"\nseason_first_month = 12\nseason_months = 12\n'
     'january_extension_days = 92\nmulti_line_stop_share = 1e-300\nrequired_months = [1, 11]\n'
     'month_weights = [1e308, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5e-324]\n'
     '[[batch]]\nname = "all"\nfirst_month = 12\nmonths = 12\n[[batch]]\nname = "jan"\nfirst_month = 1\nmonths = 1\n')
seed("targets", "yiyuan-2019", uncommented(read(RULES / "targets" / "yiyuan-2019.toml")))
seed("targets", "edge", 'document = "t"\nsource = "t"\nso2_nox_trade = false\n'
     '[[target]]\nresponse = "III"\nso2 = 1\nnox = 0\npm = 1\nvocs = 5e-324\n'
     '[[target]]\nresponse = "II"\nso2 = 1\nnox = 1\npm = 1\nvocs = 1\n'
     '[[target]]\nresponse = "I"\nso2 = 0\nnox = 1\npm = 0.999999999\nvocs = 1\n')

pre, rules = blocks(uncommented(read(RULES / "industry" / "technical-guide-2020.toml")))
seed("industry_measures", "guide-head", pre + "".join(rules[:6]) + "".join(r for r in rules if r.startswith("[[note"))[:600])
seed("industry_measures", "guide-cement", pre + "".join(r for r in rules if "cement_clinker" in r)[:2500])
seed("industry_measures", "bureau", 'document = "bureau"\n[[rule]]\nindustry = "gas_boiler"\ngrade = ""\n'
     'response = "I"\ncut = 1\ncounted_by = "fuel"\ncondition = "low_nox = 1"\nsource = "s"\nverified = true\n'
     'evidence = "plan"\n[[rule]]\nindustry = "ceramics"\ngrade = "B"\nresponse = "II"\ncut = nan\n'
     'counted_by = "line"\nsource = "s"\nverified = false\nevidence = "none"\n')

pre, entries = blocks(uncommented(read(RULES / "responses" / "yiyuan-2019.toml")))
departments = [e for e in entries if e.startswith("[[department")]
measures = [e for e in entries if e.startswith("[[measure")]
chosen = [measures[i] for i in (0, 1, len(measures) // 2, len(measures) - 1)]
ids = set(re.findall(r'"([a-z_0-9]+)"', "".join(re.findall(r"departments = \[[^\]]*\]", "".join(chosen)))))
used = [d for d in departments if re.search(r'^id = "([^"]+)"', d, re.M).group(1) in ids]
seed("measures", "yiyuan-2019", pre + "".join(re.sub(r'(?m)^duties_zh = .*\n', 'duties_zh = "…"\n', d) for d in used)
     + "".join(chosen))

scenario_toml = read(SCENARIO / "scenario.toml")
seed("scenario", "yiyuan-2019", scenario_toml)
seed("scenario", "perfect", 'name = "p"\nrules = "rules.toml"\nseason = { start = 2019-10-01, end = 2019-11-30 }\n'
     'observations = "observations.csv"\nforecasts = "perfect"\nhorizon = 30\nissue_hour = 0\n'
     '[emissions]\ndust_cap = 0\n')
seed("scenario", "edge", 'name = "e"\nrules = "mee-2017"\nseason = { start = 1400-01-01, end = 9999-12-31 }\n'
     'observations = "observations.csv"\nforecasts = "forecasts.csv"\nimposed = "imposed.csv"\n'
     'kilns = "/nonexistent/kilns.csv"\n')


# ---------------------------------------------------------------- binary inputs
def doubles(*xs: float) -> bytes:
    """Inputs for aqi_fuzz::Input::number(): tag 7 then the raw 8 bytes of each value."""
    return b"".join(b"\x07" + struct.pack("<d", x) for x in xs)


def small(*ks: int) -> bytes:
    """number() tag 12: a whole number 0 … 5999 from two bytes."""
    return b"".join(b"\x0c" + struct.pack("<H", k) for k in ks)


specials = bytes(range(16))  # one of every number() tag
seed("iaqi", "specials", b"\x00" + specials * 3)
seed("iaqi", "breakpoints", b"\x01" + doubles(0, 35, 75, 115, 150, 250, 350, 500, 500.0000001, 65.4, 160.8, 800, 801))
seed("iaqi", "bad", b"\x00" + doubles(1, -1e-300, 2, math.inf))
seed("air_quality_index", "daily-2012", b"\x00" + struct.pack("<H", 4) + struct.pack("<H", 3)
     + struct.pack("<H", 10) + small(35, 80, 200, 900) + struct.pack("<H", 0) + small(1, 2, 3, 4)
     + struct.pack("<H", 1) + small(100, 801, 900, 1000) + bytes(range(100, 104)))
seed("air_quality_index", "dated-hourly", b"\x03" + struct.pack("<H", 3) + struct.pack("<H", 1)
     + struct.pack("<H", 11) + specials[:3] + bytes([0, 128, 255]))
seed("classify", "red-episode", b"\x00" + small(150, 250, 320, 350, 260, 510, 201, 0))
seed("classify", "hourly-dust", b"\x09" + (small(310) + b"\x05") * 120 + (small(210) + b"\x00") * 60)
seed("classify", "bad", b"\x01" + small(250, 250) + specials)
seed("classify_batch", "hourly", b"\x04" + struct.pack("<HHH", 2, 1, 150) + bytes((i * 37) % 256 for i in range(300)))
seed("classify_batch", "daily", b"\x00" + struct.pack("<HHH", 3, 3, 9) + bytes(range(40, 240)))
seed("moving_mean", "day", struct.pack("<HH", 24, 20) + bytes((i * 13) % 200 + 40 for i in range(200)))
seed("moving_mean", "edge", struct.pack("<HH", 1, 1) + bytes([0, 3, 0, 1, 0, 2, 0, 7]) * 4)
seed("season", "episode", b"\x00" + struct.pack("<H", 16) + struct.pack("<H", 5)
     + b"".join(struct.pack("<HH", 1, 1) + struct.pack("<H", 7) + bytes([30] * 14) for _ in range(5))
     + struct.pack("<H", 1) + struct.pack("<HHHH", 3, 20, 0, 2) + struct.pack("<H", 10) + bytes([200] * 20))
seed("emission_cuts", "mixed", bytes((i * 71 + 13) % 256 for i in range(600)))
seed("emission_cuts", "zeros", b"\x05" + bytes(400))
seed("schedule_kilns", "plain", b"\x00" + struct.pack("<H", 0) + struct.pack("<H", 8) + struct.pack("<H", 5)
     + struct.pack("<H", 12) + b"".join(bytes([100]) + struct.pack("<H", 1) + bytes([200]) + struct.pack("<H", k)
                                       for k in range(12)))
seed("schedule_kilns", "weights", b"\x05" + struct.pack("<H", 1) + struct.pack("<H", 0) + struct.pack("<H", 20)
     + doubles(0, 1e308, 5e-324, 1, 2, 0) + struct.pack("<H", 4) + bytes([50, 2, 0, 20, 0] * 6))

for target, files in seeds.items():
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("seed-*"):
        old.unlink()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (d / f"seed-{name}").write_bytes(data)
print(f"{sum(len(f) for f in seeds.values())} seeds for {len(seeds)} targets in {CORPUS}")
