"""End to end on real data: Beijing (Dongsi) winter 2015-16 (scenarios/beijing-2015-16, from
../shared/data/beijing-prsa, CC BY 4.0): hourly concentrations → hourly AQI → 24-hour means →
warnings, and the perfect-forecast season.

Hand check of the second red-alert episode (Beijing's red alert of 19–22 December 2015): the
calendar-day PM2.5 means at Dongsi, computed below with plain pandas, are above 250 µg/m³ on
22 and 23 December (IAQI > 300 on the 2012 table: 250 → 300) and above 150 µg/m³ (IAQI > 200)
on 20–23 December: four days > 200 with two consecutive > 300 → red (W4).
"""
import os
import pathlib

import numpy as np
import pandas as pd

import aqi

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCENARIO = SOURCE / "scenarios" / "beijing-2015-16"


def hourly():
    return pd.read_csv(SCENARIO / "hourly.csv", parse_dates=["time"]).set_index("time")


def test_hand_check_of_the_december_episode():
    pm = hourly()["pm25"]
    daily = pm.resample("D").mean()
    assert (daily["2015-12-20":"2015-12-23"] > 150).all()
    assert (daily["2015-12-22":"2015-12-23"] > 250).all()


def test_hourly_concentrations_to_warnings():
    h = hourly()
    # The 2012 real-time report (HJ 633-2012 §5.1.1): 1-hour SO2, NO2, CO, O3, the 8-hour O3 mean
    # and 24-hour moving PM means (SPEC A5 validity).
    data = {
        "so2_1h": h.so2, "no2_1h": h.no2, "co_1h": h.co, "o3_1h": h.o3,
        "o3_8h": aqi.moving_mean(h.o3, window=8, min_valid=6),
        "pm10_24h": aqi.moving_mean(h.pm10), "pm25_24h": aqi.moving_mean(h.pm25),
    }
    hourly_aqi = aqi.aqi(pd.DataFrame(data, index=h.index), edition="hj633-2012", period="hourly").aqi
    episode = hourly_aqi["2015-12-18":"2015-12-25"].to_numpy()
    w = aqi.classify_hourly(episode)
    assert w.level == "red" and w.response == "I"
    start = pd.Timestamp("2015-12-18") + pd.Timedelta(hours=w.first)
    assert pd.Timestamp("2015-12-19") <= start <= pd.Timestamp("2015-12-21")
    # The clean days after the first episode: no warning (W9 semantics on real data).
    assert aqi.classify_hourly(hourly_aqi["2015-12-15":"2015-12-18"].to_numpy()).level == "none"


def test_perfect_forecast_season():
    obs = pd.read_csv(SCENARIO / "observations.csv", parse_dates=["date"]).set_index("date")
    daily = aqi.aqi(obs)
    r = aqi.run_season(aqi.perfect_forecasts(daily.aqi, horizon=7), observations=daily.aqi)
    # Perfect forecasts warn every observed warning day (yellow POD 1). A red run is under a red
    # warning on its first day; its last days may be downgraded, because a forecast starts the
    # day after issue and sees only the rest of the episode (L1's two-issue downgrade).
    assert r.verification.loc["yellow", "misses"] == 0
    levels = r.days.observed_level
    starts = levels[(levels == "red") & (levels.shift() != "red")].index
    assert len(starts) >= 3
    assert (r.days.loc[starts, "warning"] == "red").all()
    red = r.days[r.days.warning == "red"].index
    assert pd.Timestamp("2015-12-22") in red and pd.Timestamp("2015-11-30") in red
