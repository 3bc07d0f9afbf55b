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
