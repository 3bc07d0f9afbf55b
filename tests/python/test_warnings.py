"""aqi.classify_* — SPEC W1–W9, W7; expected levels derived by hand from W4 in each comment."""
import numpy as np
import pytest

import aqi


def test_w4_levels_and_response():
    w = aqi.classify_daily([120, 230, 320, 350, 260, 150])  # 4 days > 200 with 2 > 300 → red
    assert (w.level, w.response, w.level_code) == ("red", "I", 3)
    assert (w.first, w.last, w.days_above_200, w.days_above_300, w.peak) == (1, 4, 4, 2, 350)
    assert w.clause == "AQI > 200 for ≥ 4 days and AQI > 300 for ≥ 2 days"
    assert aqi.classify_daily([201, 201]).level == "yellow"
    assert aqi.classify_daily([200, 200, 200]).level == "none"  # strict thresholds
    assert aqi.classify_daily([100, 500]).level == "red"        # reaching 500
    none = aqi.classify_daily([150])
    assert (none.level, none.response, none.first) == ("none", None, None)
    assert "aqi.Warning(level='red'" in repr(w)


def test_w3_thirty_four_hours_yellow_thirty_three_not():
    # Each of two back-to-back blocks needs > 16 hours of 250 among 100s: 17 + 17 = 34.
    for hours, level in [(34, "yellow"), (33, "none")]:
        h = np.full(144, 100.0)
        h[40:40 + hours] = 250
        assert aqi.classify_hourly(h).level == level


def test_w5_w8_dust_and_missing():
    assert aqi.classify_daily([250, np.nan, 250]).level == "none"
    assert aqi.classify_daily([250, 250, 250], dust=[False, False, True]).level == "yellow"
    h = np.full(72, 250.0)
    dust = np.zeros(72, dtype=bool)
    dust[30] = True  # excludes every window ending at hours 30–53: no two back-to-back blocks remain
    assert aqi.classify_hourly(h, dust=dust).level == "none"


def test_w2c_ranges():
    w = aqi.classify_daily_range([150, 180, 190], [230, 240, 260])
    assert (w.level, w.basis) == ("orange", "hi")
    assert aqi.classify_daily_range([150, 180, 190], [230, 240, 260], use="mid").level == "yellow"  # 190, 210, 225
    with pytest.raises(ValueError, match="use must be 'hi', 'mid' or 'lo'"):
        aqi.classify_daily_range([1], [2], use="max")


def test_w9_errors_name_the_index():
    with pytest.raises(ValueError, match=r"^values\[1\]: negative AQI -1 \(SPEC W9\)$"):
        aqi.classify_daily([100, -1])
    with pytest.raises(ValueError, match="dust has 1 flags for 2 values|dust: expected 2 flags"):
        aqi.classify_daily([1, 2], dust=[True])
    assert aqi.classify_hourly(np.full(23, 400.0)).level == "none"  # shorter than one block


def test_w7_rule_sets():
    assert aqi.RULE_SETS == ("yiyuan-2019", "mee-2017", "beijing-2013")
    assert aqi.classify_daily([100, 210, 100], rules="mee-2017").level == "blue"
    assert aqi.classify_daily([100, 210, 100], rules="mee-2017").response == "IV"
    assert aqi.classify_daily([350], rules="beijing-2013").level == "orange"
    with pytest.raises(KeyError, match="unknown rule set 'x'"):
        aqi.classify_daily([1], rules="x")


def test_w7_rule_set_files(tmp_path):
    f = tmp_path / "own.toml"
    f.write_text('id = "own"\ntitle = "t"\ndocument = "d"\n[[level]]\nname = "alert"\nresponse = "II"\n'
                 'clauses = [ { terms = [ { above = 150, days = 2 } ] } ]\n', encoding="utf-8")
    assert aqi.classify_daily([160, 160], rules=f).level == "alert"
    f.write_text('id = "own"\ntitle = t\n', encoding="utf-8")
    with pytest.raises(aqi.ScenarioError, match=r"own.toml:2:\d+: Error while parsing"):
        aqi.rule_set(str(f))
    with pytest.raises(FileNotFoundError, match="nope.toml: no such file"):
        aqi.rule_set(str(tmp_path / "nope.toml"))


def test_batch_matches_single_series():
    rng = np.random.default_rng(7)
    x = rng.uniform(120, 330, size=(4, 6, 240))
    x[0, 0, 5] = np.nan
    codes = aqi.classify_batch(x)
    assert codes.shape == (4, 6) and codes.dtype == np.int8
    for i in range(4):
        for j in range(6):
            assert codes[i, j] == aqi.classify_hourly(x[i, j]).level_code
    daily = aqi.classify_batch(np.array([[100, 250, 250, 100], [250, 320, 320, 250]]), kind="daily")
    assert list(daily) == [1, 3]


def test_batch_error_names_the_full_index():
    x = np.full((2, 3, 30), 100.0)
    x[1, 2, 7] = -4
    with pytest.raises(ValueError, match=r"^values\[1, 2, 7\]: negative AQI -4 \(SPEC W9\)$"):
        aqi.classify_batch(x)


def test_level_probabilities():
    # Station 0: members at 250 for 3 days (orange) ×3 and at 100 (none) ×1 → P = [.25, 0, .75, 0].
    x = np.full((2, 4, 72), 100.0)
    x[0, :3, :] = 250
    p = aqi.level_probabilities(x, member_axis=1)
    assert p.shape == (2, 4)
    np.testing.assert_allclose(p[0], [0.25, 0, 0.75, 0])
    np.testing.assert_allclose(p[1], [1, 0, 0, 0])
    with pytest.raises(ValueError, match="member_axis cannot be the last axis"):
        aqi.level_probabilities(x, member_axis=-1)


def test_to_frame():
    f = aqi.classify_daily([250, 250, 100]).to_frame()
    assert list(f["level"]) == ["yellow"] and list(f["first"]) == [0] and list(f["last"]) == [1]
