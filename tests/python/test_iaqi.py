"""aqi.iaqi — SPEC A1, A2, A4, A6, A7. Expected values by hand from the SPEC A1 table, which
this file restates instead of reading the edition files under test."""
import numpy as np
import pytest

import aqi

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
