"""aqi.iaqi, aqi.aqi, aqi.moving_mean and the names and editions of bindings/aqi/air_quality.py —
SPEC A1–A7. Expected values by hand: the IAQI tables below restate SPEC A1 instead of reading the
edition files under test; AQI values are derived in the comments."""
import copy
import re

import numpy as np
import pandas as pd
import pytest

import aqi

from conftest import SOURCE_DIR


# --- aqi.iaqi (SPEC A1, A2, A4, A6, A7) -------------------------------------------------------------

LEVELS = [0, 50, 100, 150, 200, 300, 400, 500]
T2012 = {
    "so2_24h": [0, 50, 150, 475, 800, 1600, 2100, 2620],
    "so2_1h": [0, 150, 500, 650, 800],
    "no2_24h": [0, 40, 80, 180, 280, 565, 750, 940],
    "no2_1h": [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    "pm10_24h": [0, 50, 150, 250, 350, 420, 500, 600],
    "co_24h": [0, 2, 4, 14, 24, 36, 48, 60],
    "co_1h": [0, 5, 10, 35, 60, 90, 120, 150],
    "o3_1h": [0, 160, 200, 300, 400, 800, 1000, 1200],
    "o3_8h": [0, 100, 160, 215, 265, 800],
    "pm25_24h": [0, 35, 75, 115, 150, 250, 350, 500],
}
T2026 = dict(T2012, pm10_24h=[0, 50, 120, 250, 350, 420, 500, 600],
             pm25_24h=[0, 35, 60, 115, 150, 250, 350, 500])
T2026["pm10_1h"], T2026["pm25_1h"] = T2026["pm10_24h"], T2026["pm25_24h"]
TABLES = {"hj633-2012": T2012, "hj633-2026": T2026}


@pytest.mark.parametrize("edition", TABLES)
def test_a1_every_breakpoint_and_its_neighbours(edition):
    for key, bps in TABLES[edition].items():
        d = 0.001 if key.startswith("co") else 0.01
        n = len(bps)
        np.testing.assert_array_equal(aqi.iaqi(key, bps, edition=edition), LEVELS[:n], err_msg=key)
        # A2: just above a breakpoint the fraction carries; just below it rounds up to the level.
        np.testing.assert_array_equal(aqi.iaqi(key, np.array(bps[:-1]) + d, edition=edition),
                                      np.array(LEVELS[:n - 1]) + 1, err_msg=key)
        np.testing.assert_array_equal(aqi.iaqi(key, np.array(bps[1:]) - d, edition=edition),
                                      LEVELS[1:n], err_msg=key)
        mids = (np.array(bps[:-1]) + np.array(bps[1:])) / 2
        np.testing.assert_array_equal(aqi.iaqi(key, mids, edition=edition),
                                      (np.array(LEVELS[:n - 1]) + np.array(LEVELS[1:n])) / 2, err_msg=key)


def test_a1_a7_editions_differ():
    # PM2.5 80: 2012 100 + 50·5/40 = 106.25 → 107; 2026 100 + 50·20/55 = 118.2 → 119.
    assert aqi.iaqi("pm25_24h", 80, edition="hj633-2012") == 107
    assert aqi.iaqi("pm25_24h", 80, edition="hj633-2026") == 119
    # PM10 130: 2012 50 + 50·80/100 = 90; 2026 100 + 50·10/130 = 103.8 → 104.
    assert aqi.iaqi("pm10_24h", 130, edition="hj633-2012") == 90
    assert aqi.iaqi("pm10_24h", 130) == 104  # default edition: hj633-2026


def test_a6_decimal_traps():
    # CO 1h 65.4 → 200 + 100·5.4/30 = 218; O3 1h 160.8 → 50 + 50·0.8/40 = 51;
    # O3 8h 102.4 → 50 + 50·2.4/60 = 52; PM2.5 4.9 → 50·4.9/35 = 7.
    assert aqi.iaqi("co_1h", 65.4) == 218
    assert aqi.iaqi("o3_1h", 160.8) == 51
    assert aqi.iaqi("o3_8h", 102.4) == 52
    assert aqi.iaqi("pm25_24h", 4.9) == 7


def test_a6_round_inputs_option():
    # 35.4 → 35 → 50 (51 unrounded); 35.5 → 36 (half to even) → 51.25 → 52; 34.5 → 34 → 48.6 → 49.
    got = aqi.iaqi("pm25_24h", [35.4, 35.5, 34.5], edition="hj633-2012", round_inputs=True)
    np.testing.assert_array_equal(got, [50, 52, 49])
    assert aqi.iaqi("pm25_24h", 35.4, edition="hj633-2012") == 51


def test_a4_above_top_and_notes():
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", [500, 501, 9999]), [500, 500, 500])
    # 2012 notes: not rated above 800 (NaN); 2026 notes b, c: 200 and 300.
    assert np.isnan(aqi.iaqi("so2_1h", 801, edition="hj633-2012"))
    assert np.isnan(aqi.iaqi("o3_8h", 801, edition="hj633-2012"))
    assert aqi.iaqi("so2_1h", 801, edition="hj633-2026") == 200
    assert aqi.iaqi("o3_8h", 801, edition="hj633-2026") == 300


def test_missing_is_nan():
    out = aqi.iaqi("no2_24h", [np.nan, 40.0])
    assert np.isnan(out[0]) and out[1] == 50


def test_a4_bad_input_names_first_bad_index():
    with pytest.raises(ValueError, match=r"^pm25_24h\[2\]: negative concentration -3 \(SPEC A4\)$"):
        aqi.iaqi("pm25_24h", [1, 2, -3, -4])
    with pytest.raises(ValueError, match=r"^co_1h\[0\]: infinite concentration \(SPEC A4\)$"):
        aqi.iaqi("co_1h", [np.inf])


def test_unknown_keys_and_editions():
    with pytest.raises(KeyError, match="unknown indicator key 'pm25'"):
        aqi.iaqi("pm25", [1])
    with pytest.raises(KeyError, match="pm25_1h is not rated by hj633-2012"):
        aqi.iaqi("pm25_1h", [1], edition="hj633-2012")
    with pytest.raises(KeyError, match="unknown AQI edition 'hj633-2020'"):
        aqi.iaqi("pm25_24h", [1], edition="hj633-2020")


def test_dtypes_and_shapes():
    # Integers widen exactly; strided float64 is read as its values; shapes are kept.
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", np.array([35, 60], dtype=np.int32)), [50, 100])
    strided = np.array([35.0, -1.0, 60.0, -1.0])[::2]
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", strided), [50, 100])
    grid = aqi.iaqi("pm25_24h", np.full((2, 3), 35.0))
    assert grid.shape == (2, 3) and (grid == 50).all()
    assert aqi.iaqi("pm25_24h", 35.0).shape == ()
    with pytest.raises(TypeError, match="float32 values would change"):
        aqi.iaqi("pm25_24h", np.array([65.4], dtype=np.float32))


def test_zero_copy_input_is_not_modified():
    x = np.array([35.0, 80.0])
    before = x.copy()
    aqi.iaqi("pm25_24h", x)
    np.testing.assert_array_equal(x, before)


def test_large_arrays_match_small_calls():
    rng = np.random.default_rng(3)
    x = np.round(rng.uniform(0, 600, 300_001), 1)
    whole = aqi.iaqi("pm10_24h", x, edition="hj633-2012")
    parts = np.concatenate([aqi.iaqi("pm10_24h", x[i:i + 1000], edition="hj633-2012")
                            for i in range(0, len(x), 1000)])
    np.testing.assert_array_equal(whole, parts)


# --- aqi.aqi (SPEC A2, A3, A4, A7 and the 2012 substitutions of A1) ----------------------

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


def test_aqi_errors():
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


# --- aqi.moving_mean (SPEC A5 validity and W8: 20–23 valid hours give the mean of those) -----

def test_a5_twenty_of_twenty_four():
    h = np.full(26, 100.0)
    h[:4] = np.nan
    h[10] = 220
    m = aqi.moving_mean(h)
    assert np.isnan(m[:23]).all()
    assert m[23] == 106  # 20 valid hours: (19·100 + 220)/20
    h[5] = np.nan  # 19 valid hours in the first window
    assert np.isnan(aqi.moving_mean(h)[23])


def test_a5_eight_hour_ozone():
    h = np.array([10, 20, np.nan, 40, np.nan, 60, 70, 80.0])
    assert aqi.moving_mean(h, window=8, min_valid=6)[7] == pytest.approx(280 / 6)
    h[0] = np.nan
    assert np.isnan(aqi.moving_mean(h, window=8, min_valid=6)[7])


def test_moving_mean_errors():
    with pytest.raises(ValueError, match=r"^values\[1\]: negative value -2$"):
        aqi.moving_mean([1.0, -2.0])
    with pytest.raises(ValueError, match="min_valid must be between 1 and the window"):
        aqi.moving_mean([1.0], window=8, min_valid=9)
    with pytest.raises(ValueError, match="one-dimensional"):
        aqi.moving_mean(np.ones((2, 24)))


# --- docs/errors.md "NumPy input", "Numeric entry points", "Unknown names": the AQI rows ------------

def test_aqi_columns_must_be_one_dimensional():
    # One value per record (A3): a 2-D column used to come back flattened, its shape lost.
    with pytest.raises(ValueError, match=r"^aqi.aqi: column 'pm25_24h' must be 1-D \(one value per record\), "
                                         r"got shape \(2, 2\)$"):
        aqi.aqi({"pm25_24h": np.full((2, 2), 80.0)}, edition="hj633-2012")
    # PM2.5 80 µg/m³ (24 h) lies in 75–115 → IAQI 100 + (80-75)·50/40 = 106.25 → 107 (A3, rounded up).
    assert aqi.aqi({"pm25_24h": np.array([80.0])}, edition="hj633-2012").aqi.tolist() == [107]


def test_moving_mean_dtypes_are_refused_or_converted_exactly():
    with pytest.raises(TypeError, match=r"^values: values must be numbers \(NaN or None for missing\): "):
        aqi.moving_mean(np.array([1.0, "x"], dtype=object))
    # Exact conversions are accepted: booleans.
    assert aqi.moving_mean(np.ones(24, dtype=bool))[-1] == 1.0  # 24 valid hours of 1 (A5)


def test_iaqi_non_contiguous_input_gives_the_contiguous_result():
    column = np.array([[35.0, 0], [75.0, 0]])[:, 0]  # PM2.5 35 → 50, 75 → 100 (HJ 633-2012, A1)
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", column, edition="hj633-2012"), [50.0, 100.0])


def test_iaqi_values_out_of_range():
    with pytest.raises(ValueError, match=r"^pm25_24h\[0\]: negative concentration -0.3 \(SPEC A4\)$"):
        aqi.iaqi("pm25_24h", [-0.3], round_inputs=True)
    assert np.isnan(aqi.iaqi("pm25_24h", [np.nan])[0])  # missing, not an error (A4)


def test_moving_mean_options():
    # Found writing this matrix: a negative window reached the compiled core as a failed
    # conversion to an unsigned size (TypeError "incompatible function arguments").
    with pytest.raises(ValueError, match=r"^moving_mean: window must be at least 1, got -1$"):
        aqi.moving_mean([1.0] * 30, window=-1)
    with pytest.raises(ValueError, match=r"^moving_mean: min_valid must be between 1 and the window \(24\), got 0$"):
        aqi.moving_mean([1.0] * 30, min_valid=0)


def test_aqi_unknown_names_and_dates():
    with pytest.raises(KeyError, match=r"unknown AQI edition 'x'; expected one of: hj633-2012, hj633-2026"):
        aqi.aqi({"pm25_24h": [1.0]}, edition="x")
    with pytest.raises(KeyError, match=r"pm25_1h is not rated by hj633-2012"):
        aqi.aqi({"pm25_1h": [1.0]}, edition="hj633-2012")
    with pytest.raises(ValueError, match=r"^edition_in_force: the date is missing \(NaT\)$"):
        aqi.edition_in_force("NaT")
    with pytest.raises(ValueError, match=r"^column 'date': cannot read dates: "):
        aqi.aqi(pd.DataFrame({"date": ["2019-13-01"], "pm25_24h": [1.0]}))


# --- Each rule once, in C++: the names of pollutants, indicators, categories and reports --------

def test_parity_every_entry_point_takes_chinese_and_english_names():
    # A pollutant under its HJ 633 name, its key, any case or its Chinese name, with the period.
    # PM2.5 80 (24 h, HJ 633-2012): 100 + 50·5/40 = 106.25 → 107 (A1, A2).
    for key in ("pm25_24h", "PM2.5_24h", "pm2.5_24h", "PM25_24H", "细颗粒物_24h"):
        assert aqi.iaqi(key, 80.0, edition="hj633-2012") == 107, key
        r = aqi.aqi({key: [80.0]}, edition="hj633-2012")
        assert (r.aqi[0], r.primary[0], r.used) == (107, "PM2.5", ["pm25_24h"]), key
        f = aqi.aqi(pd.DataFrame({key: [80.0]}), edition="hj633-2012")
        assert (f.aqi.iloc[0], f.attrs["used"]) == (107, {"hj633-2012": ["pm25_24h"]}), key
    # PM10 130 (2012): 50 + 50·80/100 = 90; O3 8h 160 → 100 (a breakpoint): AQI 100, primary O3.
    r = aqi.aqi({"PM10_24h": [130.0], "臭氧_8h": [160.0]}, edition="hj633-2012")
    assert (r.aqi[0], r.primary[0]) == (100, "O3")
    # The report by either name: hourly (实时报) rates so2_1h (SO2 1h 150 → 50), daily does not.
    for period in ("hourly", "实时报", "Hourly"):
        assert aqi.aqi({"so2_1h": [150.0], "pm25_24h": [10.0]}, period=period).period == "hourly"
    for period in ("daily", "日报"):
        assert aqi.aqi({"so2_1h": [150.0], "pm25_24h": [10.0]}, period=period).ignored == ["so2_1h"]
    # Pollutant and category names, Chinese and English (HJ 633 Table 2: 良 = moderate = 二级 = 2).
    for name in ("PM2.5", "pm25", "pm2.5", "细颗粒物"):
        assert aqi.pollutant(name) == "PM2.5"
    assert aqi.pollutant("一氧化碳") == "CO"
    for name in ("良", "moderate", "Moderate", "二级"):
        assert aqi.category(name) == 2
    assert aqi.category(["优", "lightly_polluted", "中度污染", "heavily polluted", "严重污染"]).tolist() == [1, 3, 4, 5, 6]
    with pytest.raises(KeyError, match=r"unknown AQI category 'bad'; expected one of: 优 \(good\), 良 \(moderate\)"):
        aqi.category("bad")
    with pytest.raises(KeyError, match=r"unknown pollutant 'PM1'; expected one of: PM2.5, PM10, O3, NO2, SO2, CO"):
        aqi.pollutant("PM1")
    # One indicator under two names is the same column twice, never one silently dropped.
    with pytest.raises(ValueError, match=r"^column pm25_24h is given twice$"):
        aqi.aqi(pd.DataFrame({"pm25_24h": [1.0], "PM2.5_24h": [2.0]}), edition="hj633-2012")


def test_a3_published_category_names_read_as_codes(shared_data):
    # aqistudy's `level` column holds the Chinese category the network published (优, 良 …); our
    # category of the same day is that category wherever the AQI agrees (2019–2020, Dezhou).
    d = pd.read_csv(shared_data / "aqistudy-daily" / "dezhou_daily.csv", parse_dates=["date"])
    d = d[d.source.str.startswith("qishibo/") & d.date.dt.year.isin([2019, 2020])].reset_index(drop=True)
    out = aqi.aqi(d.rename(columns={"pm25": "pm25_24h", "pm10": "pm10_24h", "so2": "so2_24h", "no2": "no2_24h",
                                    "co": "co_24h"})[["date", "pm25_24h", "pm10_24h", "so2_24h", "no2_24h",
                                                      "co_24h", "o3_8h"]])
    assert len(d) > 300
    np.testing.assert_array_equal(out.category.to_numpy(dtype=np.int8), aqi.category(d.level))


# --- Typed results that own what they refer to --------------------------------------------------

def test_a1_a7_editions_are_objects_that_read_like_their_call():
    e2012, e2026 = aqi.editions()
    assert isinstance(e2012, aqi.Edition) and repr(e2012) == "aqi.edition('hj633-2012')"
    assert (e2012.id, e2026.in_force_from) == ("hj633-2012", "2026-03-01")
    # SPEC A1, HJ 633-2012 Table 1: PM2.5 (24 h) breakpoints and the IAQI of each.
    pm25 = e2012.indicators["pm25_24h"]
    assert pm25.breakpoints == [0, 35, 75, 115, 150, 250, 350, 500] and pm25.iaqi == LEVELS
    assert repr(pm25) == "aqi.edition('hj633-2012').indicators['pm25_24h']"
    # A1 notes: 2012 rates SO2 1h above 800 from SO2 24h; 2026 gives 200 (note b); PM2.5 beyond scale.
    assert e2012.indicators["so2_1h"].above_top == "substitute so2_24h"
    assert e2026.indicators["so2_1h"].above_top == "value 200"
    assert pm25.above_top == "beyond_scale"
    # A3: seven daily indicators in 2012, six in 2026; PM 1-hour columns only in 2026.
    assert (len(e2012.daily_indicators), len(e2026.daily_indicators)) == (7, 6)
    assert not e2012.rates("pm25_1h") and e2026.rates("PM2.5_1h")
    # The dict-style access of earlier releases reads the same attributes.
    assert e2012["id"] == "hj633-2012" and e2012["indicators"]["pm25_24h"]["breakpoints"] == pm25.breakpoints
    with pytest.raises(KeyError):
        e2012["breakpoints"]
    assert aqi.edition("hj633-2026").id == "hj633-2026" and aqi.edition().id == aqi.current_edition()
    with pytest.raises(KeyError, match=r"unknown AQI edition 'hj633-2020'; expected one of: hj633-2012, hj633-2026"):
        aqi.edition("hj633-2020")


def test_a7_an_edition_read_from_a_file_rates_the_records():
    # The 2012 file read by path rates as the built-in 2012 edition (PM2.5 80 → 107), and the
    # result keeps its own copy of it.
    path = SOURCE_DIR / "libaqi" / "rules" / "editions" / "hj633-2012.toml"
    loaded = aqi.edition(str(path))
    r = aqi.aqi({"pm25_24h": [80.0]}, edition=loaded)
    del loaded
    assert (r.aqi[0], r.edition) == (107, "hj633-2012")
    assert aqi.iaqi("pm25_24h", 80.0, edition=path) == 107
    assert r.to_frame().edition.iloc[0] == "hj633-2012"


def test_aqi_results_are_typed_and_copy_their_arrays():
    r = aqi.aqi({"pm25_24h": [80.0, 10.0]}, edition="hj633-2012")
    assert isinstance(r.core, aqi._core.AqiResult) and isinstance(r.core.edition, aqi.Edition)
    assert (r.core.period, r.core.use.used, r.core.use.ignored) == ("daily", ["pm25_24h"], [])
    c = copy.deepcopy(r.core)
    c.aqi[0] = 0
    assert r.aqi[0] == 107  # the copy's arrays are its own
    # SPEC A3: PM2.5 80 → 107, category 3 (101–150); 10 → 15, category 1 and no primary pollutant.
    assert r.category.tolist() == [3, 1] and r.primary.tolist() == ["PM2.5", ""]


def test_a7_dated_table_keeps_its_columns_alive():
    # The dated path rates in C++ (aqi::AqiTable); its columns are views that keep the table alive.
    days = np.array([(np.datetime64(d) - np.datetime64("1970-01-01")).astype(np.int64)
                     for d in ("2026-02-28", "2026-03-01")])
    table = aqi._core.aqi_table(days, [("pm25_24h", np.array([80.0, 80.0]))], "daily")
    values, codes = table.aqi, table.record_edition
    editions = [e.id for e in table.editions]
    del table
    import gc
    gc.collect()
    # PM2.5 80: 107 under 2012 (2026-02-28), 100 + 50·20/55 = 118.2 → 119 under 2026 (A7).
    assert values.tolist() == [107, 119] and [editions[c] for c in codes] == ["hj633-2012", "hj633-2026"]


def test_results_read_like_their_call():
    # PM2.5 80 → 107, 10 → 15 (HJ 633-2012, A1); o3_1h is not a 2026 daily indicator (A3).
    r = aqi.aqi({"pm25_24h": [80.0, 10.0]}, edition="hj633-2012")
    assert repr(r) == ("aqi.aqi({'pm25_24h': …}, edition='hj633-2012', period='daily') → "
                       "AqiResult(2 records, aqi=[107, 15])")
    r = aqi.aqi({"pm25_24h": [80.0], "o3_1h": [10.0]}, edition="hj633-2026")
    assert repr(r) == ("aqi.aqi({'pm25_24h': …, 'o3_1h': …}, edition='hj633-2026', period='daily') → "
                       "AqiResult(1 records, aqi=[119], ignored=['o3_1h'])")
    assert repr(r.core) == "aqi._core.AqiResult(1 records, edition='hj633-2026', period='daily')"


# --- Issue 16: the data analysts have, read right or refused ------------------------------------

ZIBO = "aqistudy-daily/zibo_daily.csv"
ACCEPTED = re.escape(aqi._core.accepted_column_names())


def test_issue16_zibo_read_three_ways_gives_the_published_aqi(shared_data):
    # SPEC A1/A2/A7, HJ 633-2012 Table 1 (in force in 2015): on 2015-10-01 Zibo published AQI 79.
    # PM10 106.2 → 50 + 50·(106.2−50)/(150−50) = 78.1 → 79; PM2.5 40.6 → 50 + 50·5.6/40 = 57; O3 8h
    # 99 → 49.5 → 50. O3 alone (the old reading of the raw names) gave 50.
    renamed = pd.read_csv(shared_data / ZIBO, parse_dates=["date"]).set_index("date").rename(columns={
        "pm25": "pm25_24h", "pm10": "pm10_24h", "so2": "so2_24h", "no2": "no2_24h", "co": "co_24h"})
    raw = pd.read_csv(shared_data / ZIBO, parse_dates=["date"]).set_index("date")
    strings = pd.read_csv(shared_data / ZIBO).set_index("date")  # dates as strings: still dates (A7)
    column = pd.read_csv(shared_data / ZIBO)                     # a `date` column of strings
    out = [aqi.aqi(f) for f in (renamed, raw, strings, column)]
    for o in out[1:]:
        np.testing.assert_array_equal(o.aqi.to_numpy(), out[0].aqi.to_numpy())
        assert list(o.edition) == list(out[0].edition)
    day = out[2].loc["2015-10-01"]
    assert (day.aqi, day.primary, day.edition) == (79, "PM10", "hj633-2012")
    assert out[1].attrs["columns"] == {"pm25": "pm25_24h", "pm10": "pm10_24h", "so2": "so2_24h",
                                       "no2": "no2_24h", "o3_8h": "o3_8h", "co": "co_24h"}


def test_issue16_bare_names_follow_the_time_step_and_columns_override():
    # UCI Beijing names on an hourly index are 1-hour values; SO2 1h 150 → 50 (A1), NO2 1h 200 → 100.
    hourly = pd.DataFrame({"SO2": [150.0], "NO2": [200.0]}, index=pd.DatetimeIndex(["2026-03-01 13:00"]))
    r = aqi.aqi(hourly)
    assert r.attrs["columns"] == {"SO2": "so2_1h", "NO2": "no2_1h"} and r.attrs["period"] == "hourly"
    assert (r.aqi.iloc[0], r.primary.iloc[0]) == (100, "NO2")
    # The platform's pm2_5_24h; an explicit mapping wins: PM2.5 as a 24-hour mean, 75 → 100 (2012).
    daily = pd.DataFrame({"date": ["2015-12-01"], "pm2_5_24h": [75.0], "PM2.5": [115.0]})
    r = aqi.aqi(daily[["date", "pm2_5_24h"]])
    assert r.attrs["columns"] == {"pm2_5_24h": "pm25_24h"} and r.aqi.iloc[0] == 100
    r = aqi.aqi(daily[["date", "PM2.5"]], columns={"PM2.5": "pm25_24h"})  # 115 → 150
    assert r.attrs["columns"] == {"PM2.5": "pm25_24h"} and r.aqi.iloc[0] == 150
    # pm2.5_24h is PM2.5_24h in another case: an accepted spelling.
    assert aqi.aqi(pd.DataFrame({"pm2.5_24h": [75.0]}), edition="hj633-2012").attrs["columns"] == {
        "pm2.5_24h": "pm25_24h"}


def test_issue16_misspelt_pollutant_column_is_an_error_naming_it():
    for bad in ("pm_25_24h", "PM2.5-24h"):
        frame = pd.DataFrame({"date": ["2015-12-01"], bad: [75.0], "pm10_24h": [50.0]})
        with pytest.raises(KeyError, match=f"column '{re.escape(bad)}' names a pollutant but no indicator; "
                                           f"accepted names: {ACCEPTED}"):
            aqi.aqi(frame)
    # O3 on a daily index: the day's maximum 1-hour value or 8-hour mean? Refused, not guessed.
    with pytest.raises(KeyError, match=r"column 'o3' on a daily index may be the day's maximum 1-hour value "
                                       r"\(o3_1h\) or 8-hour mean \(o3_8h\): rename it; accepted names: "):
        aqi.aqi(pd.DataFrame({"date": ["2015-12-01"], "o3": [75.0]}))


def test_issue16_no_usable_indicator_is_an_error():
    with pytest.raises(KeyError, match=r"aqi.aqi: the DataFrame has no indicator column; expected some of: "
                                       r"so2_24h, .*, pm25_1h; 'pm25' is a bare pollutant name, read by the data's "
                                       r"time step, and this frame has no dates: pass period='daily' or 'hourly'"):
        aqi.aqi(pd.DataFrame({"pm25": [75.0], "city": ["zibo"]}))
    with pytest.raises(KeyError, match=r"aqi.aqi: the DataFrame has no indicator column; expected some of: "
                                       r"so2_24h, .*, pm25_1h'$"):
        aqi.aqi(pd.DataFrame({"date": ["2015-12-01"], "city": ["zibo"], "aqi": [79]}))
    # Beside a read column an undated bare name is an error, not dropped.
    with pytest.raises(ValueError, match=r"^column 'pm25' is a bare pollutant name, a 24-hour mean on a daily "
                                         r"index and a 1-hour value on an hourly one, and these data have no dates"):
        aqi.aqi(pd.DataFrame({"pm25": [75.0], "pm10_24h": [50.0]}))
    # With period= the step is known: pm25 is a 24-hour mean, 75 → 100 (2012).
    assert aqi.aqi(pd.DataFrame({"pm25": [75.0]}), period="daily", edition="hj633-2012").aqi.iloc[0] == 100


def test_issue16_co_in_ug_m3_refused_then_accepted_with_units(shared_data):
    u = pd.read_csv(shared_data / "beijing-prsa" / "PRSA_Data_Dongsi_20130301-20170228.csv")
    u.index = pd.to_datetime(u[["year", "month", "day", "hour"]])
    u = u.loc["2015-12-01 00:00":"2015-12-01 01:00"]  # CO 9200, 8600 µg/m³
    with pytest.raises(ValueError, match=r"^CO\[0\]: CO 9200 mg/m3 is above 150 mg/m3, which no instrument "
                                         r"reports: the data are in another unit \(µg/m³\?\); convert them to "
                                         r"mg/m3 or pass units=\{'CO': 'ug/m3'\}$"):
        aqi.aqi(u, edition="hj633-2026")
    r = aqi.aqi(u, edition="hj633-2026", units={"CO": "ug/m3"}, iaqi=True)
    # HJ 633-2026 1-hour rows (A1): CO 9.2 mg/m³ → 50 + 50·4.2/5 = 92; 8.6 → 86. PM2.5 490 (the
    # 24-hour rows) → 400 + 100·140/150 = 493.3 → 494; 454 → 400 + 100·104/150 = 469.3 → 470.
    assert r.iaqi_co_1h.tolist() == [92, 86]
    assert r.aqi.tolist() == [494, 470] and r.primary.tolist() == ["PM2.5", "PM2.5"]
    with pytest.raises(KeyError, match=r"unknown unit 'ppm'; expected ug/m3 \(µg/m³\) or mg/m3 \(mg/m³\)"):
        aqi.aqi(u, edition="hj633-2026", units={"CO": "ppm"})


@pytest.mark.parametrize("dates, shown", [(["2015-12-01", "01/12/2015"], "01/12/2015"),
                                          ([20151130, 20151201], "20151130")])
def test_issue16_ambiguous_and_integer_dates_refused(dates, shown):
    row = 1 if shown == "01/12/2015" else 0
    message = (rf"cannot read dates: row {row}: '{shown}' is not a date in the form YYYY-MM-DD or YYYY-MM-DD "
               rf"HH:MM\[:SS\] \(ISO 8601\); write dates that way \(day-first and month-first forms such as "
               rf"01/12/2015 are ambiguous\)$")
    frame = pd.DataFrame({"date": dates, "pm25_24h": [75.0, 75.0]})
    with pytest.raises(ValueError, match="^column 'date': " + message):
        aqi.aqi(frame)
    with pytest.raises(ValueError, match="^index: " + message):
        aqi.aqi(frame.set_index("date"))


def test_issue16_string_dates_are_dates_and_steps():
    # A7: 2026-02-28 under 2012 (PM2.5 80 → 107), 2026-03-01 under 2026 (→ 119) from strings in
    # the index; "2026-03-01 13:00" is an hourly step: PM2.5 a 1-hour value (2026 rates it).
    frame = pd.DataFrame({"PM2.5": [80.0, 80.0]}, index=pd.Index(["2026-02-28", "2026-03-01"], name="date"))
    r = aqi.aqi(frame)
    assert r.aqi.tolist() == [107, 119] and r.edition.tolist() == ["hj633-2012", "hj633-2026"]
    hourly = pd.DataFrame({"time": ["2026-03-01 12:00", "2026-03-01 13:00"], "PM2.5": [80.0, 80.0]})
    assert aqi.aqi(hourly).attrs["columns"] == {"PM2.5": "pm25_1h"}


def test_issue16_readable_results():
    # SPEC A1–A3 (2012): PM2.5 80 → 107, PM10 130 → 90: AQI 107, 轻度污染 lightly polluted.
    frame = pd.DataFrame({"date": ["2015-12-01", "2015-12-02"], "pm25": [80.0, np.nan], "pm10": [130.0, np.nan]})
    r = aqi.aqi(frame, iaqi=True)
    assert list(r.columns) == ["aqi", "primary", "category", "category_zh", "category_en", "beyond_scale",
                               "edition", "iaqi_pm25_24h", "iaqi_pm10_24h"]
    assert r.iaqi_pm25_24h.iloc[0] == 107 and r.iaqi_pm10_24h.iloc[0] == 90
    assert (r.category_zh.iloc[0], r.category_en.iloc[0]) == ("轻度污染", "lightly polluted")
    assert (r.category_zh.iloc[1], r.category_en.iloc[1]) == ("", "")  # no AQI, no category
    assert r.primary.dtype == object and type(r.primary.iloc[0]) is str and r.primary.iloc[0] == "PM2.5"


def test_issue16_an_index_of_station_codes_is_no_dates():
    # A text index that does not look like dates (station codes) leaves the frame undated: the
    # default edition (A7, hj633-2026: PM2.5 80 → 100 + 50·20/55 = 118.2 → 119), said in `edition`.
    r = aqi.aqi(pd.DataFrame({"pm25_24h": [80.0]}, index=pd.Index(["1001A"])))
    assert (r.aqi.iloc[0], r.edition.iloc[0]) == (119, "hj633-2026")
    with pytest.raises(ValueError, match=r"^index: cannot read dates: row 0: '2015\.12\.01' is not a date"):
        aqi.aqi(pd.DataFrame({"pm25_24h": [80.0]}, index=pd.Index(["2015.12.01"])))


def test_issue16_dataframe_options_are_not_ignored_for_a_mapping():
    with pytest.raises(TypeError, match=r"^aqi.aqi: units, iaqi apply to a DataFrame; pass pd.DataFrame\(data\)$"):
        aqi.aqi({"co_24h": [1354.0]}, units={"CO": "ug/m3"}, iaqi=True)


def test_issue16_the_result_says_which_columns_it_read():
    # The frame aqi.aqi returns is a DataFrame whose repr ends with the mapping, the edition and
    # the columns it did not rate (A3: o3_1h is no daily indicator under 2026). PM2.5 80 → 119.
    r = aqi.aqi(pd.DataFrame({"PM2.5_24h": [80.0], "o3_1h": [10.0]}), edition="hj633-2026")
    assert isinstance(r, pd.DataFrame) and r.attrs["columns"] == {"PM2.5_24h": "pm25_24h", "o3_1h": "o3_1h"}
    assert repr(r).splitlines()[-3:] == ["columns read: PM2.5_24h → pm25_24h, o3_1h → o3_1h",
                                         "daily AQI by hj633-2026 (pm25_24h)", "not rated: hj633-2026 (o3_1h)"]
    assert type(copy.deepcopy(r)) is type(r) and r.aqi.tolist() == [119]
