#!/usr/bin/python3
"""Builds orders.csv of the yiyuan-2019 scenario: the season's warning orders of the Zibo city
command (淄博市重污染天气应急指挥部办公室), which Yiyuan County relays (SPEC L7–L9). Synthetic but
made the way the city makes them, from a city-level forecast. Deterministic: same seed, same file.

1. The city's forecast. One 7-day daily AQI forecast per day, 2019-09-30 … 2020-03-30, from the
   scenario's observed AQI (observations.csv rated with libaqi) with the error model of
   make_forecasts.py (forecast = observed · exp(b + e): b the day's shared bias, AR(1) with
   σ 0.08; e growing with lead, σ 0.05 + 0.035·lead) — its own seed (CITY_SEED): the city's
   forecast centre is not the county's forecast (forecasts.csv), which the scenario keeps as
   advice (SPEC L10).
2. The city's decisions. libaqi's forecast mode (SPEC L1, L12) on that forecast with the plan's
   rules (the national guidance 环办大气函〔2019〕648号, which Zibo's plan shares), decided at the
   city's 10:00 consultation, with an issue horizon of 48 h: every observed Shandong warning of
   2017–2025 was issued 0–48 h before its response start (../shared/reference/warning-timing.md).
3. Each decision → one order, on the day it was taken:
   - issued at a time drawn between 09:00 and 17:00 (the hour uniform; the minutes :00 half the
     time, else any minute) — notices give "hour always, minutes often";
   - response_start (ISSUE, UPGRADE) on the hour, drawn among the run's first hour shifted by
     −4, 0, +7, +8, +10 or +12 h (the hours seen in Shandong notices: 20, 00, 07, 08, 10, 12 h),
     keeping those 0–48 h after the issue; when the run has begun (none is left), the next full
     hour. DOWNGRADE: the next full hour. LIFT: none (it ends the response at its issue, L9);
   - expected_end: the day after the run's last day, 00:00 (ISSUE, UPGRADE, DOWNGRADE);
   - doc_no: the season's serial number, 2019—2020年第N期, one per order (Zibo numbers its notices
     per season: "2024—2025年 第11期");
   - level in Chinese (黄色, 橙色, 红色; empty for LIFT), as the notices write it.

Usage (needs the built package):
    PYTHONPATH=build/python /usr/bin/python3 scenarios/yiyuan-2019/make_orders.py
"""
import pathlib
import tempfile

import numpy as np
import pandas as pd

import aqi

CITY_SEED, ORDER_SEED, HORIZON = 370300, 20191022, 7  # 370300: Zibo's administrative code
CONSULTATION_HOUR, CITY_HORIZON_HOURS = 10, 48
START_SHIFTS = [-4, 0, 7, 8, 10, 12]  # hours from the run's first hour (00:00)
ISSUER = "淄博市重污染天气应急指挥部办公室"
ZH = {"yellow": "黄色", "orange": "橙色", "red": "红色", "none": ""}

here = pathlib.Path(__file__).resolve().parent
root = here.parents[1]


def observed_aqi():
    obs = pd.read_csv(here / "observations.csv", parse_dates=["date"]).set_index("date")
    return aqi.aqi(obs.drop(columns=["published_aqi", "source_date"]))["aqi"]


def city_forecasts(observed):
    rng = np.random.default_rng(CITY_SEED)
    issue_days = pd.date_range(observed.index[0] - pd.Timedelta(days=1), observed.index[-1] - pd.Timedelta(days=1))
    rows, bias = [], 0.0
    for issue in issue_days:
        bias = 0.6 * bias + rng.normal(0, 0.08)
        for k in range(1, HORIZON + 1):
            day = issue + pd.Timedelta(days=k)
            noise = rng.normal(0, 0.05 + 0.035 * k)
            if day in observed.index and not np.isnan(observed[day]):
                rows.append((issue, day, min(500, int(round(observed[day] * np.exp(bias + noise))))))
    return pd.DataFrame(rows, columns=["issue_date", "valid_date", "aqi"])


def city_rules():
    """The plan's rules with the city's 48-hour horizon (a copy: the shipped set says 72)."""
    text = (root / "libaqi" / "rules" / "plans" / "yiyuan-2019" / "warnings.toml").read_text(encoding="utf-8")
    assert text.count("issue_horizon_hours = 72") == 1
    path = pathlib.Path(tempfile.mkdtemp()) / "zibo-city.toml"
    path.write_text(text.replace("issue_horizon_hours = 72", f"issue_horizon_hours = {CITY_HORIZON_HOURS}"),
                    encoding="utf-8")
    return aqi.rule_set(str(path))


def next_hour(t):
    return t if t.minute == 0 else t.floor("h") + pd.Timedelta(hours=1)


def response_start(rng, event, issued):
    if pd.isna(event.run_first) or event.event == "DOWNGRADE":
        return next_hour(issued)
    run = pd.Timestamp(event.run_first)
    options = [run + pd.Timedelta(hours=h) for h in START_SHIFTS]
    options = [t for t in options if issued <= t <= issued + pd.Timedelta(hours=48)]
    return options[rng.integers(len(options))] if options else next_hour(issued)


def orders(decisions, rng):
    rows = []
    for n, e in enumerate(decisions.itertuples(), start=1):
        day = e.time.normalize()
        minute = 0 if rng.random() < 0.5 else int(rng.integers(1, 60))
        issued = day + pd.Timedelta(hours=int(rng.integers(9, 17)), minutes=minute)
        start = "" if e.event == "LIFT" else response_start(rng, e, issued).strftime("%Y-%m-%d %H:%M")
        end = "" if e.event == "LIFT" else (pd.Timestamp(e.run_last) + pd.Timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        rows.append((issued.strftime("%Y-%m-%d %H:%M"), e.event, ZH[e.level], start, end, f"2019—2020年第{n}期",
                     ISSUER))
    return pd.DataFrame(rows, columns=["issued", "event", "level", "response_start", "expected_end", "doc_no",
                                       "issuer"])


def main():
    observed = observed_aqi()
    city = aqi.run_season(city_forecasts(observed), rules=city_rules(), issue_hour=CONSULTATION_HOUR,
                          mode="forecast")
    decisions = city.events[city.events.time >= pd.Timestamp("2019-10-01")]
    table = orders(decisions, np.random.default_rng(ORDER_SEED))
    aqi.read_orders(table)  # the library's own checks (SPEC L8) before the file is written
    table.to_csv(here / "orders.csv", index=False)
    print(f"wrote {len(table)} orders to {here / 'orders.csv'}")


if __name__ == "__main__":
    main()
