#!/usr/bin/python3
"""Writes inventory.csv of the yiyuan-2019 scenario: a SYNTHETIC emission-reduction inventory
(应急减排清单) for a county of about 560,000 people whose industry is glass (pharmaceutical
glass), ceramics and pharmaceuticals — the industries the 2019 plan names (§5.5.1 (3)①).

No row is a real enterprise; names are made up from the county's towns and the industry.
What is realistic is the structure and the order of magnitude (README.md, "inventory.csv"):
every industry key of SPEC E3–E5 with performance grades, line counts and unequal line
capacities, protected enterprises (E7), the six exclusions of E2, heavy-truck and non-road
fleets (E8) and dust sources (E9), with baseline emissions in tonnes per day sized from
typical plant capacities and emission factors (stated below each group).

Deterministic: a seeded random.Random; run it again and the file is byte-identical.
Usage: /usr/bin/python3 make_inventory.py
"""
import csv
import math
import pathlib
import random

here = pathlib.Path(__file__).resolve().parent
rng = random.Random(20191022)  # the plan's date: 2019-10-22

TOWNS = ["南麻街道", "历山街道", "悦庄镇", "东里镇", "西里镇", "大张庄镇", "中庄镇", "张家坡镇", "燕崖镇",
         "石桥镇", "鲁村镇", "南鲁山镇"]
COLUMNS = ["id", "name", "kind", "industry", "grade", "lines", "line_capacity", "so2", "nox", "pm", "vocs",
           "protected_max_load", "excluded", "low_nox", "cost", "vehicle", "standard", "trips_per_day", "exempt",
           "built_up", "black_smoke", "dust", "x_town"]

rows = []


def lognormal(median, spread=0.6):
    return median * math.exp(rng.gauss(0, spread))


def tonnes(x):
    return round(x, 4)  # 0.1 kg/day


def grade_for(weights="ABCD", probs=(0.1, 0.35, 0.4, 0.15)):
    return rng.choices(list(weights), probs)[0]


def add(kind, industry, name, **cells):
    row = {c: "" for c in COLUMNS}
    town = rng.choice(TOWNS)
    row.update(kind=kind, industry=industry, name=name.format(town=town), x_town=town, low_nox="0", lines="1")
    row.update({k: str(v) for k, v in cells.items()})
    row["id"] = f"{ {'enterprise': 'E', 'fleet': 'F', 'dust': 'D'}[kind]}{sum(r['kind'] == kind for r in rows) + 1:03d}"
    rows.append(row)
    return row


def enterprise(industry, zh, count, medians, cost_median, lines=(1, 3), graded=False, unequal=0.3,
               grades=(0.1, 0.35, 0.4, 0.15)):
    """`medians`: (so2, nox, pm, vocs) t/day of a typical enterprise; cost in 10^4 yuan/day."""
    for k in range(count):
        n = rng.randint(*lines)
        size = lognormal(1.0, 0.5)  # the enterprise's size relative to the median
        cells = {p: tonnes(m * size * lognormal(1.0, 0.25)) if m else 0 for p, m in
                 zip(("so2", "nox", "pm", "vocs"), medians)}
        cells["lines"] = n
        if n > 1 and rng.random() < unequal:
            cells["line_capacity"] = ";".join(str(rng.choice((5, 8, 10, 12, 15, 20, 30))) for _ in range(n))
        if graded:
            cells["grade"] = grade_for(probs=grades)
        cells["cost"] = round(cost_median * size * lognormal(1.0, 0.2), 1)
        add("enterprise", industry, f"{{town}}{zh}{k + 1:02d}", **cells)


# --- Graded key industries (E3) ---------------------------------------------------------------
# Pharmaceutical glass: 6 works, 1–4 furnaces; a 100–200 t/d furnace emits ~0.3–1 t NOx/day at
# 300–500 mg/m³ after SNCR; SO2 and PM smaller. Output 20–200 (10^4 yuan)/day.
enterprise("glass", "药用玻璃厂", 6, (0.25, 0.9, 0.08, 0.02), 60, lines=(1, 4), graded=True,
           grades=(0.15, 0.45, 0.3, 0.1))
# Ceramics (wall/floor tiles, daily-use porcelain): 16 works with 1–5 kilns; spray dryers and kilns.
enterprise("ceramics", "陶瓷厂", 16, (0.12, 0.18, 0.08, 0.02), 12, lines=(1, 5), graded=True)
enterprise("lime_kiln", "石灰窑", 8, (0.05, 0.12, 0.06, 0), 4, lines=(1, 3), graded=True,
           grades=(0.05, 0.3, 0.4, 0.25))
enterprise("foundry", "铸造厂", 10, (0.01, 0.02, 0.04, 0.03), 6, lines=(1, 3), graded=True)
enterprise("pharmaceutical", "制药厂", 8, (0.01, 0.03, 0.01, 0.25), 40, lines=(1, 4), graded=True,
           grades=(0.2, 0.5, 0.25, 0.05))
# --- Ungraded key industries (E3) -------------------------------------------------------------
enterprise("cement_grinding", "水泥粉磨站", 3, (0, 0, 0.08, 0), 8, lines=(1, 2))
enterprise("brick_kiln", "砖瓦厂", 6, (0.08, 0.06, 0.05, 0), 2, lines=(1, 2))
enterprise("refractory", "耐火材料厂", 5, (0.04, 0.06, 0.05, 0), 5, lines=(1, 3))
enterprise("rock_wool", "岩棉厂", 2, (0.06, 0.08, 0.05, 0.02), 6, lines=(1, 2))
enterprise("furniture", "家具厂", 8, (0, 0, 0.01, 0.06), 3, lines=(1, 3))
enterprise("packaging_printing", "包装印刷厂", 6, (0, 0, 0, 0.05), 3, lines=(1, 3))
enterprise("wood_panel", "人造板厂", 3, (0.01, 0.03, 0.04, 0.05), 4, lines=(1, 2))
enterprise("plastics_manufacturing", "塑料制造厂", 3, (0, 0, 0.005, 0.04), 5, lines=(1, 3))
enterprise("rubber_products", "橡胶制品厂", 4, (0.005, 0.01, 0.01, 0.05), 5, lines=(1, 3))
enterprise("industrial_coating", "工业涂装厂", 6, (0, 0, 0.01, 0.08), 4, lines=(1, 3))
# --- The plan's non-key industries (E4) -------------------------------------------------------
enterprise("organic_chemical", "有机化工厂", 4, (0.03, 0.05, 0.01, 0.3), 30, lines=(1, 3))
enterprise("plastic_products", "塑料制品厂", 8, (0, 0, 0.005, 0.04), 3, lines=(1, 4))
enterprise("cotton_dyeing", "印染厂", 4, (0.01, 0.02, 0.01, 0.06), 6, lines=(1, 4))
enterprise("fertiliser", "化肥厂", 3, (0.02, 0.05, 0.06, 0.02), 10, lines=(1, 2))
enterprise("machinery", "机械厂", 10, (0, 0, 0.02, 0.06), 8, lines=(1, 4))
enterprise("other_rubber", "橡胶厂", 4, (0.005, 0.01, 0.01, 0.04), 3, lines=(1, 3))
# Power & heat: the county's combined heat-and-power plant and two heating stations (ultra-low
# emission: 35/50/10 mg/m³ on a few 10^6 m³/day).
enterprise("power_heat", "热电厂", 3, (0.25, 0.4, 0.05, 0.01), 80, lines=(1, 3))
enterprise("coal_boiler", "燃煤锅炉", 8, (0.06, 0.08, 0.02, 0), 2, lines=(1, 2))
for k in range(12):  # gas boilers: NOx only, about half retrofitted to low-NOx burners
    size = lognormal(1.0, 0.5)
    add("enterprise", "gas_boiler", f"{{town}}燃气锅炉{k + 1:02d}", so2=tonnes(0.001 * size),
        nox=tonnes(0.03 * size), pm=tonnes(0.002 * size), vocs=0, low_nox=int(rng.random() < 0.5),
        cost=round(1.5 * size, 1))
# --- Every other enterprise (E5): food, paper, metal products, building stone, … ----------------
enterprise("other", "工业企业", 40, (0.01, 0.02, 0.02, 0.02), 5, lines=(1, 3))

# --- Protected (E7) and excluded (E2) enterprises -------------------------------------------------
protected = {"glass": 0.7, "pharmaceutical": 0.8, "coal_boiler": 0.8, "power_heat": 1.0, "other": 0.9}
for industry, load in protected.items():
    candidates = [r for r in rows if r["industry"] == industry and not r["protected_max_load"]]
    rng.choice(candidates)["protected_max_load"] = load
for industry, zh, exclusion, grade in (
        ("ceramics", "陶瓷厂", "zombie", ""), ("other", "工业企业", "fake", ""),
        ("lime_kiln", "石灰窑", "long_stopped", ""), ("other", "小作坊", "banned", ""),
        ("other", "散乱污企业", "banned", ""), ("coal_boiler", "燃煤锅炉", "eliminated_boiler", ""),
        ("coal_boiler", "燃煤小锅炉", "eliminated_boiler", ""), ("brick_kiln", "砖瓦厂", "long_stopped", "")):
    add("enterprise", industry, f"{{town}}{zh}(已剔除)", grade=grade, so2=tonnes(lognormal(0.05)),
        nox=tonnes(lognormal(0.05)), pm=tonnes(lognormal(0.04)), vocs=tonnes(lognormal(0.01)), excluded=exclusion,
        cost="")

# --- Fleets (E8) --------------------------------------------------------------------------------
# Per vehicle and day (150–200 km; China stages): NOx 1.6/1.2/0.7/0.15 kg, PM 0.06/0.025/0.01/0.002 kg
# for 国三/国四/国五/国六 heavy trucks; non-road machines (8 h): NOx 1.4/1.0/0.7/0.3 kg, PM 0.12/0.07/0.04/0.01 kg
# for 国一/国二/国三/国四. VOCs about a tenth of NOx.
TRUCK = {3: (1.6, 0.06), 4: (1.2, 0.025), 5: (0.7, 0.01), 6: (0.15, 0.002)}
NON_ROAD = {1: (1.4, 0.12), 2: (1.0, 0.07), 3: (0.7, 0.04), 4: (0.3, 0.01)}


def fleet(owner, zh, vehicle, standard, count, **cells):
    per = (TRUCK if vehicle == "heavy_truck" else NON_ROAD)[standard]
    add("fleet", owner, f"{{town}}{zh}", vehicle=vehicle, standard=standard, lines=count, so2=0,
        nox=tonnes(count * per[0] / 1000), pm=tonnes(count * per[1] / 1000),
        vocs=tonnes(count * per[0] / 10000), **cells)


for k in range(18):  # mines, logistics, building materials: heavy trucks, > 10 trips mostly
    standard = rng.choice((3, 4, 4, 5, 5, 6))
    count = rng.randint(10, 150)
    trips = rng.choice((4, 8, 15, 30, 60, 120))
    exempt = "livelihood" if k in (3, 9, 15) else ("special" if k == 6 else "")
    fleet("other", f"物流车队{k + 1:02d}(国{standard})", "heavy_truck", standard, count, trips_per_day=trips,
          exempt=exempt, built_up=int(rng.random() < 0.3), cost=round(count * 0.12, 1))
for standard, count in ((4, 25), (5, 30)):  # the CHP plant's coal trucks (E4 ⑦)
    fleet("power_heat", f"热电厂运煤车队(国{standard})", "heavy_truck", standard, count, trips_per_day=40,
          cost=round(count * 0.1, 1))
fleet("glass", "玻璃厂原料车队(国四)", "heavy_truck", 4, 18, trips_per_day=25, cost=2.2)
for k in range(16):  # non-road machinery on sites, in plants and parks
    standard = rng.choice((1, 2, 2, 3, 3, 4))
    count = rng.randint(5, 40)
    exempt = "clean_energy" if k == 4 else ("emergency_repair" if k == 11 else "")
    black = int(standard <= 3 and rng.random() < 0.2)
    fleet("other", f"工地非道路机械{k + 1:02d}(国{'一二三四'[standard - 1]})", "non_road", standard, count,
          exempt=exempt, built_up=int(rng.random() < 0.5), black_smoke=black, cost=round(count * 0.3, 1))
fleet("other", "黄标车(已纳入常规管理)", "heavy_truck", 3, 12, trips_per_day=20, excluded="yellow_label")

# --- Dust sources (E9) -------------------------------------------------------------------------------
# PM (total particulate) per day: a limestone quarry 0.05–0.4 t, a sand/gravel yard 0.03–0.2 t, a
# construction site 0.02–0.15 t per activity; road dust of the county seat's main roads ~0.3–0.8 t.


def dust(activity, zh, count, pm_median, vocs_median=0.0, cost_median=3.0):
    for k in range(count):
        size = lognormal(1.0, 0.5)
        add("dust", "other", f"{{town}}{zh}{k + 1:02d}", dust=activity, pm=tonnes(pm_median * size),
            vocs=tonnes(vocs_median * size), so2=0, nox=0, cost=round(cost_median * size, 1))


dust("mine", "石灰石矿山", 8, 0.15, cost_median=6)
dust("sand_gravel", "砂石料厂", 5, 0.08, cost_median=2)
dust("stone_works", "石材厂", 5, 0.05, cost_median=2)
for activity, zh, pm, vocs in (("earthwork", "工地土石方", 0.08, 0), ("demolition", "拆除工地", 0.05, 0),
                               ("painting", "工地喷涂粉刷", 0.005, 0.03), ("slope_spraying", "护坡喷浆", 0.03, 0),
                               ("concrete", "混凝土搅拌站", 0.04, 0)):
    dust(activity, zh, 5 if activity != "demolition" else 3, pm, vocs, cost_median=4)
dust("uncovered_transport", "渣土运输车队", 3, 0.04, cost_median=1)
dust("road", "城区道路扬尘", 3, 0.4, cost_median=0)
for r in rows:  # road dust cannot be "stopped": it has no cost of stopping
    if r["dust"] == "road":
        r["cost"] = ""

# A few enterprises whose output value the bureau does not know (E10 will not use them).
for r in rng.sample([r for r in rows if r["kind"] == "enterprise" and not r["excluded"]], 6):
    r["cost"] = ""

with open(here / "inventory.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)

totals = {p: sum(float(r[p]) for r in rows if not r["excluded"]) for p in ("so2", "nox", "pm", "vocs")}
dust_pm = sum(float(r["pm"]) for r in rows if r["kind"] == "dust" and not r["excluded"])
kinds = {k: sum(r["kind"] == k for r in rows) for k in ("enterprise", "fleet", "dust")}
print(f"wrote {len(rows)} sources ({kinds}) to {here / 'inventory.csv'}")
print("baseline t/day (excluded left out): " + ", ".join(f"{p} {v:.2f}" for p, v in totals.items()) +
      f"; dust {dust_pm:.2f} t PM/day = {dust_pm / totals['pm'] * 100:.0f}% of PM")
