#!/usr/bin/python3
"""Builds observations.csv of the yiyuan-2019 scenario from real data (see README.md).

Source: ../shared/data/aqistudy-daily/dezhou_daily.csv — Dezhou's observed city daily means
(CNEMC via aqistudy.cn, scraped by qishibo/aqistudy-spider @ ac1eb61; see that folder's README).
Why Dezhou and not Zibo, Yiyuan's own city: in the Zibo record of the same source family the
published AQI is not reproduced by HJ 633 from the published concentrations (14 % of days
agree), while Dezhou's record is self-consistent (81 % exact, 94 % within 1 point, the rest
explained by concentrations published as integers). Dezhou lies ~150 km north-west of Zibo on
the same plain and shares its winter episodes.
The 2015-10-01 … 2016-03-31 season (183 days, 29 February included) is placed day for day on
the plan's own season 2019-10-01 … 2020-03-31 (also 183 days with a 29 February), so the plan's
calendar, kiln batches and holidays apply to a winter that really happened in the county's city.
Deterministic: no randomness; run it again and the file is byte-identical.
Usage: /usr/bin/python3 make_observations.py [path/to/shared]
"""
import csv
import datetime as dt
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / "shared"
source = shared / "data" / "aqistudy-daily" / "dezhou_daily.csv"
first_source, first_target, days = dt.date(2015, 10, 1), dt.date(2019, 10, 1), 183

rows = {r["date"]: r for r in csv.DictReader(open(source, encoding="utf-8"))}
columns = [("pm25", "pm25_24h"), ("pm10", "pm10_24h"), ("so2", "so2_24h"), ("no2", "no2_24h"),
           ("co", "co_24h"), ("o3_8h", "o3_8h")]
with open(here / "observations.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["date"] + [k for _, k in columns] + ["published_aqi", "source_date"])
    for d in range(days):
        src = (first_source + dt.timedelta(days=d)).isoformat()
        r = rows[src]  # a KeyError here means the source lost a day: fail loudly
        w.writerow([(first_target + dt.timedelta(days=d)).isoformat()] + [r[c] for c, _ in columns] +
                   [r["aqi"], src])
print(f"wrote {days} days to {here / 'observations.csv'}")
