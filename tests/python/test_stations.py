"""aqi.read_cnemc and aqi.city_means (issue 16 item 5, docs/cnemc.md) on the real rows of
tests/data/cnemc (README there): both archive forms, the HJ 663 city mean, and the platform's
published values."""
import math
import os
import pathlib

import numpy as np
import pandas as pd
import pytest

import aqi

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
DATA = SOURCE / "tests" / "data" / "cnemc"
LIST = DATA / "站点列表-2022.02.13起.csv"
HOURS = ["2022-01-06 01:00", "2022-01-06 02:00"]


@pytest.fixture(scope="module")
def january_6():
    return aqi.read_cnemc(str(DATA / "Archive" / "2022-01-0[67]" / "*.csv"))


def test_read_cnemc_long_frame(january_6):
    f = january_6
    # 14 stations × 23 hours less 3 absent, Zibo's 8 rows at 22:00/23:00, 31 rows at 00:00.
    assert len(f) == 14 * 23 - 3 + 8 + 31
    assert list(f.columns[:9]) == ["time", "station", "city", "name", "background", "longitude", "latitude", "aqi",
                                   "primary_pollutant"]
    assert set(aqi.KEYS) <= set(f.columns)
    row = f[(f.station == "1015A") & (f.time == pd.Timestamp("2022-01-06 01:00"))].iloc[0]
    # 2022-01-06T01.csv: …,98,123,82,73,44,38,3,… — o3_24h (3) is the hour's O3 in this archive.
    assert (row.pm10_1h, row.pm10_24h, row.pm25_1h, row.pm25_24h, row.o3_1h) == (123, 82, 73, 44, 3)
    assert math.isnan(row.o3_8h)  # the platform's 8-hour column restarts at midnight
    assert row.city == "天津市" and row.aqi == 98 and row.primary_pollutant == "细颗粒物(PM2.5)"
    assert f[f.station == "1066A"].background.all()
    assert len(f.attrs["files"]) == 24


def test_read_cnemc_paths_forms(january_6):
    folder = aqi.read_cnemc([DATA / "Archive" / "2022-01-06", DATA / "Archive" / "2022-01-07"])
    pd.testing.assert_frame_equal(folder, january_6, check_like=False)
    one = aqi.read_cnemc(DATA / "Archive" / "2022-01-01" / "2022-01-01T00.csv", cities="北京")
    assert len(one) == 12 and set(one.city) == {"北京市"}
    assert math.isnan(one.set_index("station").loc["1002A", "pm10_1h"])  # empty cell: missing, not 0


def test_wide_form_needs_the_station_list_and_reads_alike(january_6):
    with pytest.raises(aqi.ScenarioError, match=r"china_sites_20220106\.csv:1: the wide daily form names stations by "
                                                r"code only: pass the platform's station list"):
        aqi.read_cnemc(DATA / "relaid" / "china_sites_20220106.csv")
    wide = aqi.read_cnemc(DATA / "relaid" / "china_sites_20220106.csv", stations=LIST)
    per_hour = aqi.read_cnemc(DATA / "Archive" / "2022-01-06")
    pd.testing.assert_frame_equal(wide[[*aqi.KEYS, "time", "station"]], per_hour[[*aqi.KEYS, "time", "station"]])
    assert set(wide.city) == {"天津", "承德", "淄博"}  # the list's spelling
    real = aqi.read_cnemc([DATA / "china_sites_20220101.csv", DATA / "Archive" / "2022-01-01"], stations=LIST,
                          cities=["北京市"])
    assert real.set_index("station").loc["1001A", "aqi"] == 59


def test_read_cnemc_refusals(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nothing-\*\.csv: no file matches"):
        aqi.read_cnemc(str(tmp_path / "nothing-*.csv"))
    with pytest.raises(FileNotFoundError):
        aqi.read_cnemc(tmp_path / "absent.csv")
    with pytest.raises(ValueError, match=r"^read_cnemc: no file or folder given$"):
        aqi.read_cnemc([])
    bad = tmp_path / "2022-01-06T03.csv"
    bad.write_text((DATA / "Archive" / "2022-01-06" / "2022-01-06T01.csv").read_text(encoding="utf-8"),
                   encoding="utf-8")
    with pytest.raises(aqi.ScenarioError, match=r"2022-01-06T03\.csv:2:1: column 'timepoint': 2022-01-06 01:00 is "
                                                r"not the file's hour 2022-01-06 03:00 \(from its name\)$"):
        aqi.read_cnemc(bad)
    with pytest.raises(aqi.ScenarioError, match=r"this is a station list, not a station file"):
        aqi.read_cnemc(LIST)


def test_city_means_daily_hj663(january_6):
    d = aqi.city_means(january_6, city="承德市", freq="D")
    assert list(d.index) == [pd.Timestamp("2022-01-06")] and d.index.name == "date"
    # Hand-derived in tests/cpp/index/city_means_test.cpp: PM2.5 6920/96, O3 8-hour 25.96875.
    assert d.pm25_24h.iloc[0] == pytest.approx(6920 / 96, abs=1e-12)
    assert d.o3_8h.iloc[0] == 25.96875
    assert d.attrs["background_stations"] == ["1066A"]
    assert d.attrs["assessment_stations"] == ["1062A", "1063A", "1064A", "1065A"]
    assert d.attrs["stations_used"].pm25_24h.iloc[0] == 4
    r = aqi.aqi(d, round_inputs=True)
    assert r.aqi.iloc[0] == 97 and r.primary.iloc[0] == "PM2.5" and r.edition.iloc[0] == "hj633-2012"


def test_city_means_hourly_zibo(january_6):
    h = aqi.city_means(january_6, city="淄博市", freq="h", indicators=["pm25_1h"])
    assert list(h.pm25_1h) == [114, 137, 126.2]
    assert h.index[0] == pd.Timestamp("2022-01-06 22:00")
    assert list(h.attrs["stations_used"].pm25_1h) == [4, 4, 5]
    full = aqi.city_means(january_6, city="淄博", freq="h")
    assert "so2_1h" in full.columns and "pm25_24h" in full.columns  # the 2012 hourly report's keys
    assert aqi.aqi(full).aqi.notna().any()


def test_city_means_into_run_season(january_6):
    daily = aqi.city_means(january_6, city="天津市", freq="D")
    observed = aqi.aqi(daily, round_inputs=True)["aqi"]
    assert observed.index.name == "date" and len(observed) == 1
    forecasts = pd.DataFrame({"issue_date": [pd.Timestamp("2022-01-05")], "valid_date": [pd.Timestamp("2022-01-06")],
                              "aqi": [120.0]})
    aqi.run_season(forecasts, observations=observed)


def test_published_tianjin_day():
    """Tianjin 2022-01-06 as published (tests/data/cnemc/published): the HJ 663 mean of the
    platform's 24-hour values of its 20 assessment stations at 24:00, rounded as reported."""
    published = pd.read_csv(DATA / "published" / "tianjin_daily_2022-01-06.csv").iloc[0]
    f = aqi.read_cnemc(DATA / "Archive" / "2022-01-07", cities="天津市")
    stations = f[~f.background]
    assert len(stations) == 20
    means = stations[["pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h"]].mean()
    assert [round(means.pm25_24h), round(means.pm10_24h), round(means.so2_24h), round(means.no2_24h)] == \
        [published.pm25, published.pm10, published.so2, published.no2]
    assert round(means.co_24h, 1) == published.co
    day = pd.DataFrame([means], index=pd.DatetimeIndex([pd.Timestamp("2022-01-06")], name="date"))
    assert aqi.aqi(day, round_inputs=True).aqi.iloc[0] == published.aqi == 117
    assert aqi.aqi(day).aqi.iloc[0] == 116  # 87.65 as given: the platform rates the rounded 88


def test_city_means_refusals(january_6):
    with pytest.raises(KeyError, match=r"no station of city '济南市' in the data; its cities: 天津市, 承德市, 淄博市"):
        aqi.city_means(january_6, city="济南市")
    with pytest.raises(ValueError, match=r"freq must be 'h' \(hourly\) or 'D' \(daily\), got 'W'"):
        aqi.city_means(january_6, city="承德市", freq="W")
    with pytest.raises(ValueError, match=r"min_stations must be a whole number ≥ 1, got 0"):
        aqi.city_means(january_6, city="承德市", min_stations=0)
    with pytest.raises(KeyError, match=r"the frame has no column 'background'"):
        aqi.city_means(january_6.drop(columns="background"), city="承德市")
    with pytest.raises(ValueError, match=r"pm25_1h is a 1-hour value, not a daily statistic; ask for pm25_24h"):
        aqi.city_means(january_6, city="承德市", freq="D", indicators=["pm25_1h"])
    with pytest.raises(KeyError, match=r"unknown indicator key 'pm25'"):
        aqi.city_means(january_6, city="承德市", indicators=["pm25"])
    bg = january_6[january_6.station == "1066A"]
    with pytest.raises(ValueError, match=r"every station of city '承德市' in the data is a background station"):
        aqi.city_means(bg, city="承德市")
    nat = january_6.copy()
    nat.loc[5, "time"] = pd.NaT
    with pytest.raises(aqi.ScenarioError, match=r"^<DataFrame>:7: column 'time': the time is missing \(NaT\)$"):
        aqi.city_means(nat, city="承德市")
    neg = january_6.copy()
    neg.loc[0, "pm25_1h"] = -1.0
    with pytest.raises(aqi.ScenarioError, match=r"^<DataFrame>:2: column 'pm25_1h': negative value -1 \(SPEC A4\)$"):
        aqi.city_means(neg, city="承德市")
