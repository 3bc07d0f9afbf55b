"""aqi.Inventory — the emission-reduction inventory (SPEC E1, E2, E6–E9): CSV and DataFrame input,
every bad cell an error naming file:line:column and the column."""
import numpy as np
import pandas as pd
import pytest

import aqi
from conftest import SOURCE_DIR

SCENARIO = SOURCE_DIR / "scenarios" / "yiyuan-2019" / "inventory.csv"


def frame(**changes):
    """A valid two-row inventory (an enterprise and a dust site) with `changes` to row 0."""
    df = pd.DataFrame({
        "id": ["E1", "D1"], "name": ["Plant", "Quarry"], "kind": ["enterprise", "dust"],
        "industry": ["plastic_products", "other"], "grade": ["", ""], "lines": [3, 1],
        "so2": [1.0, 0.0], "nox": [2.0, 0.0], "pm": [3.0, 5.0], "vocs": [4.0, 0.0],
        "protected_max_load": [np.nan, np.nan], "excluded": ["", ""], "low_nox": [0, 0],
        "cost": [100.0, np.nan], "dust": ["", "mine"]})
    for k, v in changes.items():
        df.loc[0, k] = v
    return df


def test_e1_reads_a_dataframe():
    inv = aqi.Inventory(frame())
    assert len(inv) == 2 and inv.ids == ["E1", "D1"] and inv.file == "<DataFrame>"
    assert repr(inv) == ("Inventory(2 sources: 1 enterprises, 0 fleets, 1 dust; 0 excluded (E2), 0 protected (E7); "
                         "file='<DataFrame>')")
    back = inv.to_frame()
    assert back.index.name == "id" and back.loc["D1", "dust"] == "mine" and back.loc["E1", "lines"] == 3
    assert back.loc["E1", "vocs"] == 4.0 and np.isnan(back.loc["D1", "cost"])


def test_e1_id_as_index_and_exact_floats():
    # Values survive the round trip exactly (0.1 + 0.2 is not 0.3 in binary: it must come back as is).
    df = frame(so2=0.1 + 0.2).set_index("id")
    inv = aqi.Inventory(df)
    assert inv.to_frame().loc["E1", "so2"] == 0.1 + 0.2


def test_e1_boolean_and_float_integer_columns():
    # A spreadsheet read by pandas gives bools and floats-with-NaN: converted exactly, not refused.
    df = frame(industry="gas_boiler")
    df["low_nox"] = [True, False]
    df["lines"] = [2.0, 1.0]
    inv = aqi.Inventory(df)
    assert bool(inv.to_frame().loc["E1", "low_nox"]) is True


def test_errors_name_the_row_and_column():
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame(nox=-1.0))
    assert str(e.value) == "<DataFrame>:2:8: column 'nox': negative emission -1 (t/day must be ≥ 0)"
    with pytest.raises(aqi.ScenarioError, match=r"^<DataFrame>:2:4: column 'industry': unknown industry 'steel'"):
        aqi.Inventory(frame(industry="steel"))
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame(grade="B"))
    assert str(e.value) == ("<DataFrame>:2:5: column 'grade': grade B on plastic_products, which is not a graded "
                            "industry (SPEC E3)")
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(pd.concat([frame().iloc[:1], frame().iloc[:1]]))
    assert str(e.value) == "<DataFrame>:3:1: column 'id': duplicate id 'E1' (first on line 2)"
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame(excluded="dormant"))
    assert str(e.value) == ("<DataFrame>:2:12: column 'excluded': 'dormant' is not one of: zombie, fake, long_stopped, "
                            "yellow_label, banned, eliminated_boiler (SPEC E2)")
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame(protected_max_load=1.5))
    assert str(e.value) == ("<DataFrame>:2:11: column 'protected_max_load': 1.5 is outside 0-1 (approved maximum "
                            "load, SPEC E7)")
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame(lines=0))
    assert str(e.value) == "<DataFrame>:2:6: column 'lines': must be a whole number ≥ 1, got 0"
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory(frame().rename(columns={"cost": "value"}))
    assert str(e.value) == ("<DataFrame>:1:14: unknown column 'value' (name your own columns x_…; see "
                            "docs/emissions.md for the inventory's columns)")
    assert isinstance(e.value, ValueError)
    with pytest.raises(TypeError, match="pass a pandas DataFrame"):
        aqi.Inventory({"id": ["E1"]})


def test_read_csv_errors(tmp_path):
    with pytest.raises(FileNotFoundError) as e:
        aqi.Inventory.read_csv(tmp_path / "none.csv")
    assert str(e.value) == f"{tmp_path / 'none.csv'}: no such file or it cannot be read"
    bad = tmp_path / "inv.csv"
    bad.write_text("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
                   "E1,A,enterprise,ceramics,,1,1,1,1,1,,,0,5\n", encoding="utf-8")
    with pytest.raises(aqi.ScenarioError) as e:
        aqi.Inventory.read_csv(bad)
    assert str(e.value) == (f"{bad}:2:5: column 'grade': ceramics is a graded key industry: grade A, B, C or D "
                            f"required (SPEC E3)")


def test_scenario_inventory_covers_every_key():
    inv = aqi.Inventory.read_csv(SCENARIO)
    df = inv.to_frame()
    assert set(df[df.kind == "enterprise"].industry) == set(aqi.INDUSTRY_KEYS)
    assert set(df.excluded) - {""} == {"zombie", "fake", "long_stopped", "yellow_label", "banned", "eliminated_boiler"}
    assert df.protected_max_load.notna().sum() >= 3
    assert {"fleet", "dust"} <= set(df.kind)
    assert set(df[df.kind == "enterprise"].grade) == {"", "A", "B", "C", "D"}
    assert (df.line_capacity != "").any()
