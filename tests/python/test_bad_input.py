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


# --- docs/errors.md "NumPy input" (SPEC A6, W2, W5, W9) -------------------------------------------

def test_numpy_dtypes_are_refused_or_converted_exactly():
    with pytest.raises(TypeError, match=r"^values: values must be numbers \(NaN or None for missing\): "):
        aqi.moving_mean(np.array([1.0, "x"], dtype=object))
    # Exact conversions are accepted: integers, booleans, None as missing (W8: breaks a run).
    assert aqi.moving_mean(np.ones(24, dtype=bool))[-1] == 1.0  # 24 valid hours of 1 (A5)


def test_aqi_columns_must_be_one_dimensional():
    # One value per record (A3): a 2-D column used to come back flattened, its shape lost.
    with pytest.raises(ValueError, match=r"^aqi.aqi: column 'pm25_24h' must be 1-D \(one value per record\), "
                                         r"got shape \(2, 2\)$"):
        aqi.aqi({"pm25_24h": np.full((2, 2), 80.0)}, edition="hj633-2012")
    # PM2.5 80 µg/m³ (24 h) lies in 75–115 → IAQI 100 + (80-75)·50/40 = 106.25 → 107 (A3, rounded up).
    assert aqi.aqi({"pm25_24h": np.array([80.0])}, edition="hj633-2012").aqi.tolist() == [107]


def test_numpy_non_contiguous_input_gives_the_contiguous_result():
    column = np.array([[35.0, 0], [75.0, 0]])[:, 0]  # PM2.5 35 → 50, 75 → 100 (HJ 633-2012, A1)
    np.testing.assert_array_equal(aqi.iaqi("pm25_24h", column, edition="hj633-2012"), [50.0, 100.0])


# --- docs/errors.md "Numeric entry points" ---------------------------------------------------------

def test_numeric_values_out_of_range():
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


def test_unknown_names():
    with pytest.raises(KeyError, match=r"unknown AQI edition 'x'; expected one of: hj633-2012, hj633-2026"):
        aqi.aqi({"pm25_24h": [1.0]}, edition="x")
    with pytest.raises(KeyError, match=r"pm25_1h is not rated by hj633-2012"):
        aqi.aqi({"pm25_1h": [1.0]}, edition="hj633-2012")
    with pytest.raises(ValueError, match=r"^edition_in_force: the date is missing \(NaT\)$"):
        aqi.edition_in_force("NaT")
    with pytest.raises(ValueError, match=r"^column 'date': cannot read dates: "):
        aqi.aqi(pd.DataFrame({"date": ["2019-13-01"], "pm25_24h": [1.0]}))


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
