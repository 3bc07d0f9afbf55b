#!/usr/bin/python3
"""Builds kilns.csv of the yiyuan-2019 scenario: a synthetic but realistic brick-kiln table for
the rotating shutdown (SPEC K1–K7; plan §5.5). See README.md, section "kilns.csv".

No public list of the county's brick works exists in the data we have, so the table is drawn
from a seeded generator with the structure of a county brick industry on the North China Plain:
36 enterprises spread over Yiyuan's 12 towns and sub-districts, three in four with a single
Hoffmann kiln (轮窑) line, the others with 2–4 tunnel-kiln (隧道窑) lines. Capacity is per line,
in 10,000 standard bricks a day (万块标砖/日): Hoffmann lines around 10 (a 3,000–6,000万块 a year
kiln), tunnel lines around 20, rounded to 0.5.
Deterministic: a fixed seed; run it again and the file is byte-identical.
Usage: /usr/bin/python3 make_kilns.py
"""
import csv
import math
import pathlib
import random

here = pathlib.Path(__file__).resolve().parent
TOWNS = ["历山街道", "南麻街道", "鲁村镇", "大张庄镇", "中庄镇", "张家坡镇", "燕崖镇", "西里镇", "东里镇",
         "悦庄镇", "南鲁山镇", "石桥镇"]
KILNS = 36
rng = random.Random(20191022)  # the plan's date


def capacity(median, sigma, lo, hi):
    value = math.exp(rng.gauss(math.log(median), sigma))
    return min(hi, max(lo, round(value * 2) / 2))


rows = []
for i in range(KILNS):
    u = rng.random()
    lines = 1 if u < 0.75 else 2 if u < 0.90 else 3 if u < 0.97 else 4
    if lines == 1:
        kind, cap = "轮窑", capacity(10, 0.35, 4, 25)
    else:
        kind, cap = "隧道窑", capacity(20, 0.25, 10, 35)
    rows.append([f"YY-K{i + 1:02d}", TOWNS[rng.randrange(len(TOWNS))], kind, lines, f"{cap:g}"])

# At least one kiln of each size 2, 3 and 4 lines, so the scenario exercises every K3 case.
for n, row in zip((2, 3, 4), (rows[5], rows[17], rows[29])):
    if not any(r[3] == n for r in rows):
        row[2], row[3], row[4] = "隧道窑", n, f"{capacity(20, 0.25, 10, 35):g}"

# SPEC K8: baseline emissions (t/day, every line running), from the scenario inventory's own brick
# kilns outside the rotation (7 enterprises, 11 lines): per line they emit SO2 0.042, NOx 0.032,
# PM 0.027, VOCs 0.0003 t/day at a typical 10 万块/day, i.e. per 万块/day of capacity:
FACTORS = (0.0042, 0.0032, 0.0027, 0.0)  # so2, nox, pm, vocs (t per 万块)
for row in rows:
    total = row[3] * float(row[4])
    row.extend(f"{round(f * total, 4):g}" for f in FACTORS)

with open(here / "kilns.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "town", "kiln_type", "lines", "capacity", "so2", "nox", "pm", "vocs"])
    w.writerows(rows)
lines = sum(r[3] for r in rows)
print(f"wrote {len(rows)} kilns ({sum(r[3] > 1 for r in rows)} with 2–4 lines, {lines} lines) "
      f"to {here / 'kilns.csv'}")
