"""The bad-input matrix of docs/errors.md, Python side: every row that no other test proves.

Each test names the table of docs/errors.md it belongs to (and the SPEC rule); expected messages
are derived by hand from the inputs written here. Exception types follow docs/errors.md:
ValueError for bad values and arguments (aqi.ScenarioError, a ValueError, for data files),
KeyError for unknown names, FileNotFoundError, TypeError for a wrong Python type or dtype.
"""
import re

import numpy as np
import pandas as pd
import pytest

import aqi

INVENTORY_CSV = ("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
                 "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n")


def one_source(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text(INVENTORY_CSV, encoding="utf-8")
    return aqi.Inventory.read_csv(path)


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


def test_numeric_options():
    with pytest.raises(ValueError, match=r"^kind must be 'daily' or 'hourly', got 'weekly'$"):
        aqi.classify_batch(np.ones((2, 30)), kind="weekly")


def test_unknown_names():
    with pytest.raises(TypeError, match=r"^rules must be a rule-set id, a .toml path or an aqi.RuleSet, got int$"):
        aqi.classify_daily([1.0], rules=3)
    with pytest.raises(KeyError, match=r"unknown response level 'V'; expected one of: III, II, I \(or IV\)"):
        aqi.tasks("housing", "V")


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


# --- docs/errors.md "Kilns (Python)" (SPEC K1–K7) ---------------------------------------------------

KILNS = pd.DataFrame({"id": ["a", "b"], "lines": [1, 1], "capacity": [1.0, 2.0]})


def test_kiln_options():
    # Found writing this matrix: a negative january_extension_days silently became the rules' 7.
    with pytest.raises(ValueError, match=r"^january_extension_days must be 0 to 92 \(None: the rules' 7\), got -5$"):
        aqi.kiln_schedule(KILNS, january_extension_days=-5)
    with pytest.raises(ValueError, match=r"^january_extension_days must be 0 to 92 \(None: the rules' 7\), got -1$"):
        aqi.kiln_batches(2019, january_extension_days=-1)
    with pytest.raises(ValueError, match=r"^january_extension_days must be at most 92 \(got 93\)$"):
        aqi.kiln_schedule(KILNS, january_extension_days=93)
    with pytest.raises(ValueError, match=r"^exact_up_to must be a whole number ≥ 0, got -1$"):
        aqi.kiln_schedule(KILNS, exact_up_to=-1)
    # Found writing this matrix: a large exact_up_to ran the exhaustive search for hours.
    many = pd.DataFrame({"id": [f"k{i}" for i in range(17)], "lines": [1] * 17, "capacity": np.arange(1.0, 18.0)})
    with pytest.raises(ValueError, match=re.escape("kiln schedule: exact_up_to = 40 asks to try every assignment of "
                                                   "17 one-line kilns to 3 batches (3^17), more than the 100000000")):
        aqi.kiln_schedule(many, exact_up_to=40)
    with pytest.raises(ValueError, match=r"^season must be the year the season starts in, e.g. 2019 \(got 1800\)$"):
        aqi.kiln_schedule(KILNS, season=1800)
    with pytest.raises(ValueError, match=r"^month_weights: one weight per season month is needed \(6: 2019-10 … "
                                         r"2020-03\), got 5$"):
        aqi.kiln_schedule(KILNS, month_weights=[1] * 5)
    with pytest.raises(ValueError, match=r"^month_weights\[2\]: a weight must be a finite number ≥ 0 \(2019-12\)$"):
        aqi.kiln_schedule(KILNS, month_weights=[1, 1, np.nan, 1, 1, 1])
    with pytest.raises(KeyError, match=r"unknown extension placement 'middle'; expected after_end or before_start"):
        aqi.kiln_schedule(KILNS, extension="middle")


def test_kiln_tables():
    # Found writing this matrix: a missing id became the kiln "nan".
    with pytest.raises(ValueError, match=r"^kilns.id\[0\]: a kiln id is required$"):
        aqi.kiln_schedule(pd.DataFrame({"id": [np.nan, "a"], "lines": [1, 1], "capacity": [1.0, 2.0]}))
    with pytest.raises(ValueError, match=r"^kilns\[1\]: duplicate kiln id 'a' \(first at kilns\[0\]\)$"):
        aqi.kiln_schedule(pd.DataFrame({"id": ["a", "a"], "lines": [1, 1], "capacity": [1.0, 2.0]}))
    with pytest.raises(TypeError, match=r"^kilns.capacity: values must be numbers \(NaN or None for missing\): "):
        aqi.kiln_schedule(pd.DataFrame({"id": ["a"], "lines": [1], "capacity": ["x"]}))
    with pytest.raises(ValueError, match=r"^kilns\[0\]: kiln 'a': more than 1000 lines \(got 1001\)$"):
        aqi.kiln_schedule(pd.DataFrame({"id": ["a"], "lines": [1001], "capacity": [1.0]}))
    with pytest.raises(TypeError, match=r"^kilns: expected a DataFrame \(id, lines, capacity\)"):
        aqi.kiln_schedule(5)


def test_kiln_assignments_that_cannot_be_read():
    a = pd.DataFrame({"id": ["zz", "a", "b", "a"], "line": [1, 3, 1, 1],
                      "start": ["2019-10-01", "2019-10-01", "2019-12-31", None],
                      "end": ["2019-12-31", "2019-12-31", "2019-10-01", "2019-12-31"]})
    found = aqi.validate_kiln_schedule(KILNS, a)
    assert found[:4] == [
        "assignments[0]: kiln 'zz' is not in the kiln table",
        "assignments[1]: kiln 'a' has 1 line; there is no line 3",
        "assignments[2]: kiln 'b' line 1 ends (2019-10-01) before it starts (2019-12-31)",
        "assignments[3]: kiln 'a' line 1 has no start date",
    ]
    with pytest.raises(ValueError, match=r"^assignments.start: cannot read dates: "):
        aqi.validate_kiln_schedule(KILNS, pd.DataFrame({"id": ["a"], "start": ["xx"], "end": ["2019-10-01"]}))
    with pytest.raises(KeyError, match=r"assignments: missing column\(s\) start; expected id, line, start, end"):
        aqi.validate_kiln_schedule(KILNS, pd.DataFrame({"id": ["a"], "end": ["2019-10-01"]}))
    with pytest.raises(ValueError, match=r"^assignments.id\[0\]: a kiln id is required$"):
        aqi.validate_kiln_schedule(KILNS, pd.DataFrame({"id": [None], "start": ["2019-10-01"], "end": ["2019-12-31"]}))


# --- docs/errors.md "Emissions (Python)" (SPEC E1–E10, R3–R6) --------------------------------------

def test_emission_arguments(tmp_path):
    inv = one_source(tmp_path)
    # Found writing this matrix: a negative `top` failed as "incompatible function arguments".
    with pytest.raises(ValueError, match=r"^top: the number of contributors listed per pollutant must be ≥ 0, got -1$"):
        aqi.emission_cuts(inv, "I", top=-1)
    assert len(aqi.emission_cuts(inv, "I", top=2**62).top("so2")) == 1  # at most one entry per source
    with pytest.raises(TypeError, match=r"^dust_cap: expected a share of the PM baseline in 0..1 \(SPEC R5\) or None, "
                                        r"got 'x'$"):
        aqi.emission_cuts(inv, "I", dust_cap="x")
    with pytest.raises(ValueError, match=r"^dust_cap must be a share of the PM baseline in 0..1 \(SPEC R5\), got nan$"):
        aqi.emission_cuts(inv, "I", dust_cap=float("nan"))
    with pytest.raises(FileNotFoundError, match=r"nonexistent/m.toml: no such file or it cannot be read"):
        aqi.emission_cuts(inv, "I", measures=tmp_path / "nonexistent" / "m.toml")
    with pytest.raises(FileNotFoundError, match=r"nonexistent/t.toml: no such file or it cannot be read"):
        aqi.top_up(inv, "I", targets=tmp_path / "nonexistent" / "t.toml")
    with pytest.raises(aqi.ScenarioError, match=r"^<DataFrame>:1: empty file: no header line$"):
        aqi.Inventory(pd.DataFrame())
