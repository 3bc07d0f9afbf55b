#!/usr/bin/python3
"""Builds forecasts.csv of the yiyuan-2019 scenario: one 7-day daily AQI forecast per issue day,
made from the observed daily AQI (observations.csv rated with libaqi under HJ 633-2012) with a
seeded error model. Deterministic: same seed, same file.

Error model (realistic for city AQI forecasts of the period: errors of 15–30 % growing with
lead time, and forecasts that drift together for several days):
    forecast = observed · exp(b_d + e_{d,k}),   k = lead in days (1…7)
    b_d = 0.6·b_{d-1} + N(0, 0.08²)        (the issue day's shared bias, AR(1) across issue days)
    e_{d,k} ~ N(0, (0.05 + 0.035·k)²)       (independent error growing with lead)
rounded to whole AQI points and capped at 500, the top of the AQI scale (A4). A day with no observation has no forecast either.

Usage (needs the built package): PYTHONPATH=build/python /usr/bin/python3 scenarios/yiyuan-2019/make_forecasts.py
"""
import pathlib

import numpy as np
import pandas as pd

import aqi

SEED, HORIZON = 2019, 7
here = pathlib.Path(__file__).resolve().parent
obs = pd.read_csv(here / "observations.csv", parse_dates=["date"]).set_index("date")
observed = aqi.aqi(obs.drop(columns=["published_aqi", "source_date"]))["aqi"]

rng = np.random.default_rng(SEED)
issue_days = pd.date_range(observed.index[0] - pd.Timedelta(days=1), observed.index[-1] - pd.Timedelta(days=1))
rows, bias = [], 0.0
for issue in issue_days:
    bias = 0.6 * bias + rng.normal(0, 0.08)
    for k in range(1, HORIZON + 1):
        day = issue + pd.Timedelta(days=k)
        noise = rng.normal(0, 0.05 + 0.035 * k)  # drawn for every day, so the stream is stable
        if day in observed.index and not np.isnan(observed[day]):
            rows.append((issue.date(), day.date(), min(500, int(round(observed[day] * np.exp(bias + noise))))))
pd.DataFrame(rows, columns=["issue_date", "valid_date", "aqi"]).to_csv(here / "forecasts.csv", index=False)
print(f"wrote {len(rows)} forecast days for {len(issue_days)} issue days to {here / 'forecasts.csv'}")
