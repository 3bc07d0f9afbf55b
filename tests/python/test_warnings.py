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


# SPEC W6, N5: the classification in Chinese beside the English — W4 yellow: AQI > 200 on two
# consecutive days (250, 250 on days 0–1) → Ⅲ级 (R1).
def test_n5_classification_in_chinese():
    w = aqi.classify_daily([250, 250, 100])
    assert (w.level_zh, w.response_zh, w.clause_zh) == ("黄色", "Ⅲ级", "AQI > 200 连续 ≥ 2 天")
    expected = ("黄色预警（Ⅲ级响应）：AQI > 200 连续 ≥ 2 天；达标时段为第 0–1 日（输入序号）；"
                "日均值 > 200 最长连续 2 天，> 300 最长连续 0 天；日均值峰值 250")
    assert w.explanation_zh == expected and w.explain(lang="zh") == expected
    assert w.explain() == w.explain(lang="en") == w.explanation  # English by default, as before
    f = w.to_frame()
    assert list(f.columns[2:9]) == ["level", "level_zh", "level_code", "response", "response_zh", "clause",
                                    "clause_zh"]
    assert list(f.columns[-2:]) == ["explanation", "explanation_zh"] and f["explanation_zh"][0] == expected
    none = aqi.classify_daily([100, 100])
    assert (none.level_zh, none.response_zh, none.clause_zh) == ("无预警", None, "")
    with pytest.raises(ValueError, match=r"^lang must be one of 'zh', 'en', got 'fr'$"):
        w.explain(lang="fr")


# --- Bad input: docs/errors.md "NumPy input" (SPEC A6, W2, W5, W9) ------------------------------

def test_numpy_dtypes_are_refused_or_converted_exactly():
    with pytest.raises(TypeError, match=r"^values: values must be numbers, got dtype <U1$"):
        aqi.classify_daily(["a", "b"])
    with pytest.raises(TypeError, match=r"^values: values must be numbers, got dtype complex128$"):
        aqi.classify_daily(np.array([1 + 1j]))
    with pytest.raises(TypeError, match=r"^values: float32 values would change when widened to float64"):
        aqi.classify_batch(np.ones((2, 30), dtype=np.float32))
    # Exact conversions are accepted: integers, booleans, None as missing (W8: breaks a run).
    assert aqi.classify_daily(np.array([250, 250], dtype=np.int16)).level == "yellow"
    assert aqi.classify_daily([250.0, None, 250.0]).level == "none"


def test_numpy_shapes():
    with pytest.raises(ValueError, match=r"^values: expected a one-dimensional series, got shape \(2, 3\)$"):
        aqi.classify_daily(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"^values: expected a one-dimensional series, got shape \(2, 24\)$"):
        aqi.classify_hourly(np.ones((2, 24)))
    # Found writing this matrix: a scalar became a series of one day (the 0-d check came after
    # the conversion, which makes arrays at least one-dimensional).
    with pytest.raises(ValueError, match=r"^values: expected an array whose last axis is time$"):
        aqi.classify_batch(np.float64(300))
    with pytest.raises(ValueError, match=r"^lo has 2 days, hi has 1$"):
        aqi.classify_daily_range([1.0, 2.0], [3.0])
    with pytest.raises(ValueError, match=r"^values: expected at least a member axis and a time axis$"):
        aqi.level_probabilities(np.ones(30), member_axis=0)
    # Empty series are an answer (SPEC W9), not an error.
    assert aqi.classify_daily([]).level == "none"
    assert aqi.classify_batch(np.ones((2, 0))).tolist() == [0, 0]


def test_numpy_non_contiguous_input_gives_the_contiguous_result():
    # Every other day of [100, 250, 250, 250, …]: 250 on four days in a row → red needs > 300;
    # 4 days > 200 is orange (W4). A strided view must give what its copy gives.
    base = np.array([100.0, 0, 250, 0, 250, 0, 250, 0, 250, 0])
    view = base[::2]
    assert not view.flags.c_contiguous
    assert aqi.classify_daily(view).level == aqi.classify_daily(view.copy()).level == "orange"
    hours = np.asfortranarray(np.full((3, 72), 250.0))
    assert not hours.flags.c_contiguous
    assert aqi.classify_batch(hours).tolist() == [2, 2, 2]  # 72 hours > 200: three blocks, orange


def test_numpy_dust_flags():
    with pytest.raises(TypeError, match=r"^dust: expected booleans, got dtype float64$"):
        aqi.classify_daily([1.0, 2.0], dust=[0.0, 1.0])
    with pytest.raises(TypeError, match=r"^dust: expected booleans, got dtype int64$"):
        aqi.classify_daily([1.0, 2.0], dust=[0, 2])
    with pytest.raises(ValueError, match=r"^dust: expected 2 flags, got shape \(1, 2\)$"):
        aqi.classify_daily([1.0, 2.0], dust=[[True, False]])
    with pytest.raises(ValueError, match=r"^dust: expected 30 flags, got shape \(29,\)$"):
        aqi.classify_hourly(np.full(30, 1.0), dust=[True] * 29)
    with pytest.raises(ValueError, match=r"^dust: expected 1 flags, got shape \(2,\)$"):
        aqi.day_levels([1.0], dust=[True, False])
    # 0/1 integers are flags (W5: the dust day counts as not exceeding).
    assert aqi.classify_daily([250.0, 250.0, 250.0], dust=[0, 0, 1]).level == "yellow"


# --- Bad input: docs/errors.md "Numeric entry points" --------------------------------------------

def test_numeric_values_out_of_range():
    with pytest.raises(ValueError, match=r"^values\[1\]: infinite AQI \(SPEC W9\)$"):
        aqi.classify_daily([np.nan, np.inf])
    with pytest.raises(ValueError, match=r"^values\[1\]: negative AQI -2 \(SPEC W9\)$"):
        aqi.day_levels([1.0, -2.0])
    with pytest.raises(ValueError, match=r"^lo\[0\]: lower bound 300 above the upper bound 200 \(SPEC W2\)$"):
        aqi.classify_daily_range([300.0], [200.0])
    with pytest.raises(ValueError, match=r"^values\[0, 1\]: infinite AQI \(SPEC W9\)$"):
        aqi.classify_batch(np.array([[1.0, np.inf]]), kind="daily")


def test_numeric_options():
    with pytest.raises(ValueError, match=r"^kind must be 'daily' or 'hourly', got 'weekly'$"):
        aqi.classify_batch(np.ones((2, 30)), kind="weekly")


def test_unknown_names():
    with pytest.raises(TypeError, match=r"^rules must be a rule-set id, a .toml path or an aqi.RuleSet, got int$"):
        aqi.classify_daily([1.0], rules=3)
