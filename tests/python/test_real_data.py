"""AQI on real observations (../shared/data/aqistudy-daily, see its README): SPEC A1–A3 against
the AQI the national network published.

Single days are checked by hand (HJ 633-2012 was in force): Dezhou 2020-01-04, PM2.5 251 →
300 + 100·1/100 = 301 (published 301); 2019-12-23, PM2.5 168 → 200 + 100·18/100 = 218
(published 218); 2020-01-23, PM2.5 252 → 302 while PM10 331 → 150 + 50·81/100 = 190.5 → 191,
so 302 (published 302)."""
import numpy as np
import pandas as pd

import aqi

COLUMNS = {"pm25": "pm25_24h", "pm10": "pm10_24h", "so2": "so2_24h", "no2": "no2_24h", "co": "co_24h",
           "o3_8h": "o3_8h"}


def dezhou(shared_data):
    d = pd.read_csv(shared_data / "aqistudy-daily" / "dezhou_daily.csv", parse_dates=["date"])
    return d[d.source.str.startswith("qishibo/")].reset_index(drop=True)


def test_hand_checked_days(shared_data):
    d = dezhou(shared_data).set_index("date")
    out = aqi.aqi(d.rename(columns=COLUMNS)[list(COLUMNS.values())])
    for day, expected in [("2020-01-04", 301), ("2019-12-23", 218), ("2020-01-23", 302)]:
        assert out.aqi[day] == expected == d.aqi[day]
        assert out.primary[day] == "PM2.5"
        assert out.edition[day] == "hj633-2012"


def test_published_aqi_is_reproduced(shared_data):
    # In 2016 and 2019–2020 this scrape's integer concentrations reproduce every published AQI.
    # In 2014–2015 a point or two may differ: the official AQI comes from unrounded means and
    # the file has no O3 daily 1-hour maximum (a 2012 daily indicator). 2017 is left out: that
    # year of the scrape differs from the published AQI in both directions by up to tens of
    # points on PM2.5 days, a data issue of the scrape, not of the rules.
    d = dezhou(shared_data)
    out = aqi.aqi(d.rename(columns=COLUMNS)[["date"] + list(COLUMNS.values())])
    diff = pd.Series(out.aqi.to_numpy() - d.aqi.to_numpy())
    year = d.date.dt.year
    exact = year.isin([2016, 2019, 2020])
    assert exact.sum() > 850
    assert (diff[exact] == 0).all()
    early = year.isin([2014, 2015])
    assert (diff[early].abs() <= 1).mean() > 0.98
