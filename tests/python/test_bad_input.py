"""The bad-input matrix of docs/errors.md, Python side: every row that no other test proves.

Each test names the table of docs/errors.md it belongs to (and the SPEC rule); expected messages
are derived by hand from the inputs written here. Exception types follow docs/errors.md:
ValueError for bad values and arguments (aqi.ScenarioError, a ValueError, for data files),
KeyError for unknown names, FileNotFoundError, TypeError for a wrong Python type or dtype.
"""
import numpy as np
import pandas as pd
import pytest

import aqi


def forecast_frame(aqi_values, issue="2019-12-01"):
    days = pd.date_range(pd.Timestamp(issue) + pd.Timedelta(days=1), periods=len(aqi_values))
    return pd.DataFrame({"issue_date": [issue] * len(aqi_values), "valid_date": days, "aqi": aqi_values})


# --- docs/errors.md "NumPy input" (SPEC A6, W2, W5, W9) -------------------------------------------

def test_numpy_dtypes_are_refused_or_converted_exactly():
    with pytest.raises(TypeError, match=r"^values: values must be numbers, got dtype <U1$"):
        aqi.classify_daily(["a", "b"])
    with pytest.raises(TypeError, match=r"^values: values must be numbers, got dtype complex128$"):
        aqi.classify_daily(np.array([1 + 1j]))
    with pytest.raises(TypeError, match=r"^values: float32 values would change when widened to float64"):
        aqi.classify_batch(np.ones((2, 30), dtype=np.float32))
    with pytest.raises(TypeError, match=r"^values: values must be numbers \(NaN or None for missing\): "):
        aqi.moving_mean(np.array([1.0, "x"], dtype=object))
    # Exact conversions are accepted: integers, booleans, None as missing (W8: breaks a run).
    assert aqi.classify_daily(np.array([250, 250], dtype=np.int16)).level == "yellow"
    assert aqi.moving_mean(np.ones(24, dtype=bool))[-1] == 1.0  # 24 valid hours of 1 (A5)
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


def test_aqi_columns_must_be_one_dimensional():
    # One value per record (A3): a 2-D column used to come back flattened, its shape lost.
    with pytest.raises(ValueError, match=r"^aqi.aqi: column 'pm25_24h' must be 1-D \(one value per record\), "
                                         r"got shape \(2, 2\)$"):
        aqi.aqi({"pm25_24h": np.full((2, 2), 80.0)}, edition="hj633-2012")
    # PM2.5 80 µg/m³ (24 h) lies in 75–115 → IAQI 100 + (80-75)·50/40 = 106.25 → 107 (A3, rounded up).
    assert aqi.aqi({"pm25_24h": np.array([80.0])}, edition="hj633-2012").aqi.tolist() == [107]


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
    column = np.array([[35.0, 0], [75.0, 0]])[:, 0]  # PM2.5 35 → 50, 75 → 100 (HJ 633-2012, A1)
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", column, edition="hj633-2012"), [50.0, 100.0])


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


# --- docs/errors.md "Numeric entry points" ---------------------------------------------------------

def test_numeric_values_out_of_range():
    with pytest.raises(ValueError, match=r"^values\[1\]: infinite AQI \(SPEC W9\)$"):
        aqi.classify_daily([np.nan, np.inf])
    with pytest.raises(ValueError, match=r"^values\[1\]: negative AQI -2 \(SPEC W9\)$"):
        aqi.day_levels([1.0, -2.0])
    with pytest.raises(ValueError, match=r"^lo\[0\]: lower bound 300 above the upper bound 200 \(SPEC W2\)$"):
        aqi.classify_daily_range([300.0], [200.0])
    with pytest.raises(ValueError, match=r"^values\[0, 1\]: infinite AQI \(SPEC W9\)$"):
        aqi.classify_batch(np.array([[1.0, np.inf]]), kind="daily")
    with pytest.raises(ValueError, match=r"^pm25_24h\[0\]: negative concentration -0.3 \(SPEC A4\)$"):
        aqi.iaqi("pm25_24h", [-0.3], round_inputs=True)
    assert np.isnan(aqi.iaqi("pm25_24h", [np.nan])[0])  # missing, not an error (A4)


def test_numeric_options():
    # Found writing this matrix: a negative window reached the compiled core as a failed
    # conversion to an unsigned size (TypeError "incompatible function arguments").
    with pytest.raises(ValueError, match=r"^moving_mean: window must be at least 1, got -1$"):
        aqi.moving_mean([1.0] * 30, window=-1)
    with pytest.raises(ValueError, match=r"^moving_mean: min_valid must be between 1 and the window \(24\), got 0$"):
        aqi.moving_mean([1.0] * 30, min_valid=0)
    with pytest.raises(ValueError, match=r"^kind must be 'daily' or 'hourly', got 'weekly'$"):
        aqi.classify_batch(np.ones((2, 30)), kind="weekly")


def test_unknown_names():
    with pytest.raises(KeyError, match=r"unknown AQI edition 'x'; expected one of: hj633-2012, hj633-2026"):
        aqi.aqi({"pm25_24h": [1.0]}, edition="x")
    with pytest.raises(KeyError, match=r"pm25_1h is not rated by hj633-2012"):
        aqi.aqi({"pm25_1h": [1.0]}, edition="hj633-2012")
    with pytest.raises(TypeError, match=r"^rules must be a rule-set id, a .toml path or an aqi.RuleSet, got int$"):
        aqi.classify_daily([1.0], rules=3)
    with pytest.raises(KeyError, match=r"unknown response level 'V'; expected one of: III, II, I \(or IV\)"):
        aqi.tasks("housing", "V")
    with pytest.raises(ValueError, match=r"^edition_in_force: the date is missing \(NaT\)$"):
        aqi.edition_in_force("NaT")
    with pytest.raises(ValueError, match=r"^column 'date': cannot read dates: "):
        aqi.aqi(pd.DataFrame({"date": ["2019-13-01"], "pm25_24h": [1.0]}))


# --- docs/errors.md "Forecasts, observations and imposed warnings (Python)" (SPEC L1–L6) ----------

def test_season_wrong_types():
    # Found writing this matrix: text in the aqi column raised numpy's "could not convert string to
    # float: 'x'", naming neither column nor row.
    with pytest.raises(ValueError, match=r"^column 'aqi': row 0: 'x' is not a number \(NaN or None for missing\)$"):
        aqi.run_season(forecast_frame(["x", 250]))
    with pytest.raises(ValueError, match=r"^column 'valid_date': cannot read dates: "):
        aqi.run_season(pd.DataFrame({"issue_date": ["2019-12-01"], "valid_date": ["x"], "aqi": [1]}))
    with pytest.raises(ValueError, match=r"^column 'issue_date': row 1 has no date$"):
        aqi.run_season(pd.DataFrame({"issue_date": ["2019-12-01", None], "valid_date": ["2019-12-02"] * 2,
                                     "aqi": [1, 2]}))
    obs = pd.Series(["a", 3.0], index=pd.date_range("2019-12-01", periods=2))
    with pytest.raises(ValueError, match=r"^column 'aqi': row 0: 'a' is not a number"):
        aqi.run_season(forecast_frame([250.0]), observations=obs)
    with pytest.raises(TypeError, match=r"^observations must be a pandas Series"):
        aqi.run_season(forecast_frame([250.0]), observations=[1.0])


def test_season_empty_duplicate_and_out_of_range():
    with pytest.raises(ValueError, match=r"^run_season: no forecasts$"):
        aqi.run_season(pd.DataFrame({"issue_date": [], "valid_date": [], "aqi": []}))
    # Found writing this matrix: empty observations raised numpy's "zero-size array to reduction
    # operation minimum which has no identity".
    empty = pd.Series([], dtype=float, index=pd.DatetimeIndex([]))
    with pytest.raises(ValueError, match=r"^observations: no rows: no daily AQI to use$"):
        aqi.run_season(forecast_frame([250.0]), observations=empty)
    with pytest.raises(ValueError, match=r"^observations: no rows: no daily AQI to use$"):
        aqi.perfect_forecasts(empty)
    twice = pd.Series([1.0, 2.0], index=pd.DatetimeIndex(["2019-12-01", "2019-12-01"]))
    with pytest.raises(ValueError, match=r"^observations: the date 2019-12-01 appears twice$"):
        aqi.run_season(forecast_frame([250.0]), observations=twice)
    dup = pd.DataFrame({"issue_date": ["2019-12-01"] * 2, "valid_date": ["2019-12-02"] * 2, "aqi": [1, 250]})
    with pytest.raises(ValueError, match=r"^forecasts: the forecast of 2019-12-01 has a valid_date twice$"):
        aqi.run_season(dup)
    with pytest.raises(ValueError, match=r"^values\[1\]: negative AQI -2 \(SPEC W9\)$"):
        aqi.run_season(forecast_frame([250.0]),
                       observations=pd.Series([1.0, -2.0], index=pd.date_range("2019-12-01", periods=2)))
    with pytest.raises(ValueError, match=r"^issue_hour must be 0–23, got 24$"):
        aqi.run_season(forecast_frame([250.0]), issue_hour=24)
    with pytest.raises(ValueError, match=r"^horizon must be at least 1 day, got 0$"):
        aqi.perfect_forecasts(pd.Series([1.0, 2.0], index=pd.date_range("2019-12-01", periods=2)), horizon=0)


def test_season_imposed_warnings():
    fc = forecast_frame([250.0])

    def imposed(time, event, level):
        return pd.DataFrame({"time": [time], "event": [event], "level": [level]})

    with pytest.raises(KeyError, match=r"imposed: unknown level 'purple' in rule set yiyuan-2019; expected one of: "
                                       r"none, yellow, orange, red"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "ISSUE", "purple"))
    with pytest.raises(KeyError, match=r"unknown event 'ISSUED'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "ISSUED", "yellow"))
    with pytest.raises(ValueError, match=r"^imposed LIFT at 2019-12-01 10:00: level 1 is not valid for it in rule "
                                         r"set yiyuan-2019$"):
        aqi.run_season(fc, imposed=imposed("2019-12-01 10:00", "LIFT", "yellow"))
    with pytest.raises(ValueError, match=r"^imposed ISSUE: the time is not a date and time$"):
        aqi.run_season(fc, imposed=imposed(None, "ISSUE", "yellow"))
    with pytest.raises(KeyError, match=r"imposed: missing column 'event' \(expected time, event, level\)"):
        aqi.run_season(fc, imposed=pd.DataFrame({"time": ["2019-12-01"], "level": ["yellow"]}))


# --- docs/errors.md "Deadlines and holidays (Python)" (SPEC D1–D4) ---------------------------------

def test_deadline_and_holiday_arguments():
    periods = pd.DataFrame({"start": ["2020-05-01"], "end": [None], "response": ["II"]})
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: still in force, but starts \(2020-05-01 00:00\) "
                                         r"after the end of the data \(2020-04-01 00:00\); pass the data's end$"):
        aqi.deadlines(periods, season=2019)
    with pytest.raises(ValueError, match=r"^response_periods\[0\]: the start is missing$"):
        aqi.deadlines(pd.DataFrame({"start": [None], "end": ["2019-12-01"]}), season=2019)
    with pytest.raises(ValueError, match=r"^season must be a year, e.g. 2019 \(got 1800\)$"):
        aqi.deadlines(pd.DataFrame({"start": [], "end": []}), season=1800)
    with pytest.raises(ValueError, match=r"^working_days_after: n must be at least 1 \(got 0\)$"):
        aqi.working_days_after("2019-12-02", 0)
    with pytest.raises(ValueError, match=r"^dates\[1\]: the date is missing \(NaT\)$"):
        aqi.day_kind(["2019-12-02", None])
    with pytest.raises(KeyError, match=r"no holiday calendar for 2018, needed for 2018-06-01"):
        aqi.is_working_day("2018-06-01")
