"""aqi.aqi — SPEC A2, A3, A4, A7 and the 2012 substitutions of A1; hand-derived values."""
import numpy as np
import pandas as pd
import pytest

import aqi


def test_a3_mapping_result():
    # PM2.5 80 → 107, PM10 130 → 90 (2012): AQI 107, primary PM2.5, category 3.
    # PM2.5 75 → 100 = PM10 150 → 100: both primary. PM2.5 10 → 15: no primary (≤ 50).
    r = aqi.aqi({"pm25_24h": [80, 75, 10], "pm10_24h": [130, 150, 10]}, edition="hj633-2012")
    assert isinstance(r, aqi.AqiResult)
    np.testing.assert_array_equal(r.aqi, [107, 100, 15])
    assert list(r.primary) == ["PM2.5", "PM2.5,PM10", ""]
    np.testing.assert_array_equal(r.category, [3, 2, 1])
    assert r.edition == "hj633-2012" and r.period == "daily"
    assert not r.beyond_scale.any()
    assert "AqiResult(3 records" in repr(r)


def test_a3_daily_indicators_2026_ignore_o3_1h():
    # O3 1h 250 → 125 counts under 2012 (seven indicators), not under 2026 (six): PM2.5 50 → 80.
    data = {"pm25_24h": [50.0], "o3_1h": [250.0]}
    assert aqi.aqi(data, edition="hj633-2012").aqi[0] == 125
    r = aqi.aqi(data, edition="hj633-2026")
    assert r.aqi[0] == 80 and r.ignored == ["o3_1h"]


def test_a7_dataframe_by_date():
    # 2026-02-28 is rated by HJ 633-2012 (PM2.5 80 → 107), 2026-03-01 by HJ 633-2026 (→ 119).
    df = pd.DataFrame({"date": ["2026-02-28", "2026-03-01"], "pm25_24h": [80.0, 80.0], "city": ["x", "y"]})
    out = aqi.aqi(df)
    assert list(out.columns) == ["aqi", "primary", "category", "beyond_scale", "edition"]
    assert list(out.aqi) == [107, 119]
    assert list(out.edition) == ["hj633-2012", "hj633-2026"]
    assert list(out.primary) == ["PM2.5", "PM2.5"]
    assert list(out.category) == [3, 3]
    # An explicit edition wins over the dates; a DatetimeIndex works like a date column.
    assert list(aqi.aqi(df, edition="hj633-2026").aqi) == [119, 119]
    indexed = df.set_index(pd.DatetimeIndex(df.pop("date")))
    assert list(aqi.aqi(indexed).aqi) == [107, 119]


def test_a7_timezone_aware_dates_are_read_in_china_time():
    # 2026-02-28 17:00 UTC is 2026-03-01 01:00 in China: the 2026 edition.
    idx = pd.DatetimeIndex(["2026-02-28 17:00"], tz="UTC")
    out = aqi.aqi(pd.DataFrame({"pm25_24h": [80.0]}, index=idx))
    assert out.edition.iloc[0] == "hj633-2026"


def test_a7_undated_defaults_to_the_edition_in_force_now():
    out = aqi.aqi(pd.DataFrame({"pm25_24h": [80.0]}))
    assert out.edition.iloc[0] == "hj633-2026" and out.aqi.iloc[0] == 119


def test_missing_values():
    df = pd.DataFrame({"pm25_24h": [np.nan, 80.0], "pm10_24h": [np.nan, np.nan]})
    out = aqi.aqi(df, edition="hj633-2012")
    assert np.isnan(out.aqi.iloc[0]) and out.category.isna().iloc[0] and out.primary.iloc[0] == ""
    assert out.aqi.iloc[1] == 107
    # pandas nullable columns: <NA> is missing.
    nullable = pd.DataFrame({"pm25_24h": pd.array([None, 80], dtype="Int64")})
    assert aqi.aqi(nullable, edition="hj633-2012").aqi.iloc[1] == 107


def test_a1_substitutions_2012():
    # Hourly 2012: SO2 1h 900 is rated from SO2 24h 700 → 150 + 50·225/325 = 184.6 → 185.
    r = aqi.aqi({"so2_1h": [900.0, 900.0], "so2_24h": [700.0, np.nan], "no2_1h": [100.0, 100.0]},
                edition="hj633-2012")
    assert r.period == "hourly"
    assert r.aqi[0] == 185 and r.primary[0] == "SO2"
    assert np.isnan(r.aqi[1])  # the 24-hour value is missing: SO2, and so the AQI, unknown
    # Daily 2012: O3 8h 850 is rated from O3 1h 900 → 300 + 100·100/200 = 350.
    assert aqi.aqi({"o3_8h": [850.0], "o3_1h": [900.0]}, edition="hj633-2012").aqi[0] == 350
    # 2026: fixed values instead (note c).
    assert aqi.aqi({"o3_8h": [850.0]}, edition="hj633-2026").aqi[0] == 300


def test_a4_beyond_scale_flag():
    r = aqi.aqi({"pm10_24h": [600.0, 601.0]})
    np.testing.assert_array_equal(r.aqi, [500, 500])
    np.testing.assert_array_equal(r.beyond_scale, [False, True])


def test_errors():
    with pytest.raises(KeyError, match="unknown indicator key 'pm25'"):
        aqi.aqi({"pm25": [1.0]})
    with pytest.raises(KeyError, match="the DataFrame has no indicator column"):
        aqi.aqi(pd.DataFrame({"pm25": [1.0]}))
    with pytest.raises(ValueError, match=r"^pm10_24h\[1\]: negative concentration -5 \(SPEC A4\)$"):
        aqi.aqi({"pm25_24h": [1.0, 2.0], "pm10_24h": [1.0, -5.0]})
    with pytest.raises(ValueError, match="columns differ in length"):
        aqi.aqi({"pm25_24h": [1.0, 2.0], "pm10_24h": [1.0]})
    with pytest.raises(ValueError, match=r"column 'date': row 1 has no date"):
        aqi.aqi(pd.DataFrame({"date": ["2026-01-01", None], "pm25_24h": [1.0, 2.0]}))
    with pytest.raises(ValueError, match="period must be 'daily' or 'hourly'"):
        aqi.aqi({"pm25_24h": [1.0]}, period="weekly")
    with pytest.raises(TypeError, match="must be a pandas DataFrame or a mapping"):
        aqi.aqi([1, 2, 3])


def test_to_frame_matches_dataframe_path():
    data = {"pm25_24h": [80.0, 10.0, np.nan], "pm10_24h": [130.0, 10.0, np.nan]}
    frame = aqi.aqi(data, edition="hj633-2012").to_frame()
    direct = aqi.aqi(pd.DataFrame(data), edition="hj633-2012")
    pd.testing.assert_frame_equal(frame, direct)
