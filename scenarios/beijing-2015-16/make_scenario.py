#!/usr/bin/python3
"""Builds the beijing-2015-16 scenario from real hourly observations (see README.md).

Source: ../shared/data/beijing-prsa/PRSA_Data_Dongsi_20130301-20170228.csv — the Beijing
Multi-Site Air-Quality Data (UCI; Beijing Municipal Environmental Monitoring Center; Zhang et
al. 2017, Proc. R. Soc. A 473: 20170457), CC BY 4.0.

Writes
  hourly.csv        the season's rows of the Dongsi site, unchanged except: one `time` column,
                    CO in mg/m³ (the source gives µg/m³), NA → empty.
  observations.csv  daily values from them, per calendar day (China Standard Time):
                    24-hour means of PM2.5, PM10, SO2, NO2, CO with at least 20 valid hours
                    (SPEC A5, else empty); the daily maximum 1-hour O3 (at least 20 valid
                    hours); the daily maximum 8-hour O3 mean over the 17 windows ending 07:00 …
                    23:00, each needing 6 valid hours, at least 14 windows (HJ 663). Means are
                    rounded to 0.1 µg/m³ (CO 0.001 mg/m³) to keep the file readable.
Deterministic. Usage: /usr/bin/python3 scenarios/beijing-2015-16/make_scenario.py [path/to/shared]
"""
import pathlib
import sys

import numpy as np
import pandas as pd

here = pathlib.Path(__file__).resolve().parent
shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / "shared"
src = shared / "data" / "beijing-prsa" / "PRSA_Data_Dongsi_20130301-20170228.csv"
d = pd.read_csv(src)
d["time"] = pd.to_datetime(d[["year", "month", "day", "hour"]])
d = d[(d.time >= "2015-10-01") & (d.time < "2016-04-01")].set_index("time")
hourly = pd.DataFrame({
    "pm25": d["PM2.5"], "pm10": d["PM10"], "so2": d["SO2"], "no2": d["NO2"],
    "co": (d["CO"] / 1000).round(3), "o3": d["O3"],
})
if len(hourly) != 183 * 24 or hourly.index.to_series().diff().dropna().ne(pd.Timedelta(hours=1)).any():
    raise SystemExit("the source lost hours: expected every hour of 2015-10-01 … 2016-03-31")
hourly.to_csv(here / "hourly.csv", index_label="time", date_format="%Y-%m-%d %H:%M")


def daily_mean(s):
    g = s.resample("D")
    return g.mean().where(g.count() >= 20).round(3 if s.name == "co" else 1)


daily = pd.DataFrame({key: daily_mean(hourly[col].rename(col)) for col, key in
                      [("pm25", "pm25_24h"), ("pm10", "pm10_24h"), ("so2", "so2_24h"),
                       ("no2", "no2_24h"), ("co", "co_24h")]})
o3 = hourly["o3"]
daily["o3_1h"] = o3.resample("D").max().where(o3.resample("D").count() >= 20)
o3_8h = o3.rolling(8, min_periods=6).mean()
windows = o3_8h[o3_8h.index.hour >= 7]  # windows ending 07:00 … 23:00 lie within the day
daily["o3_8h"] = windows.resample("D").max().where(windows.resample("D").count() >= 14).round(1)
daily.index.name = "date"
daily.to_csv(here / "observations.csv", date_format="%Y-%m-%d")
print(f"wrote {len(hourly)} hours and {len(daily)} days to {here}")
