"""aqi.emissions — the inventory (SPEC E1, E2, E6–E9), emission cuts and the measure table (E1–E9,
R3–R6) and the top-up (E10), with hand-derived expectations (the arithmetic is in the comments),
GLPK's optimum checked by brute force, and the bad input of docs/errors.md ("Emissions (Python)")."""
import itertools
import math
import random

import numpy as np
import pandas as pd
import pytest

import aqi
from conftest import SOURCE_DIR

SCENARIO = SOURCE_DIR / "scenarios" / "yiyuan-2019" / "inventory.csv"

# ---- aqi.Inventory (was test_inventory.py) --------------------------------------------------------

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


# ---- aqi.emission_cuts and aqi.industry_measures (was test_emission_cuts.py) --------------------------

E4_INDUSTRIES = ["organic_chemical", "plastic_products", "cotton_dyeing", "fertiliser", "machinery", "other_rubber",
                 "power_heat", "coal_boiler", "gas_boiler", "gas_boiler", "other"]


def inventory(rows):
    """rows: dicts with id, industry and any other column; defaults fill the rest."""
    base = {"name": "", "kind": "enterprise", "grade": "", "lines": 1, "so2": 0.0, "nox": 0.0, "pm": 0.0,
            "vocs": 0.0, "protected_max_load": np.nan, "excluded": "", "low_nox": 0, "cost": 10.0,
            "line_capacity": "", "dust": ""}
    return aqi.Inventory(pd.DataFrame([{**base, **r} for r in rows]))


def e4_inventory():
    # One source per E4 row, each emitting 1 t/day of every pollutant; line rules on 2 equal lines.
    rows = []
    for k, industry in enumerate(E4_INDUSTRIES):
        lines = 2 if industry in ("plastic_products", "cotton_dyeing", "machinery", "other_rubber") else 1
        rows.append({"id": f"s{k}", "industry": industry, "lines": lines, "so2": 1.0, "nox": 1.0, "pm": 1.0,
                     "vocs": 1.0, "low_nox": 1 if k == 8 else 0})
    return inventory(rows)


@pytest.mark.parametrize("response,cuts,total", [
    # organic plastic dyeing fert mach rubber power coal gas(low-NOx) gas other
    ("III", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.0),
    ("II", [0.2, 0.5, 0.5, 0.3, 0.5, 0.5, 0, 0.5, 0, 0, 0], 3.0),   # 0.2+4·0.5+0.3+0.5 = 3.0
    ("I", [0.2, 1, 1, 0.5, 1, 1, 0, 1, 0, 1, 1], 7.7),              # 0.2+4+0.5+1+1+1 = 7.7
])
def test_e4_every_row_at_every_level(response, cuts, total):
    res = aqi.emission_cuts(e4_inventory(), response=response)
    np.testing.assert_allclose(res.sources.cut.to_numpy(), cuts)
    np.testing.assert_allclose(res.sources.vocs.to_numpy(), cuts)  # 1 t/day each
    np.testing.assert_allclose(res.summary.reduction, total, atol=1e-12)
    np.testing.assert_allclose(res.summary.baseline, 11)
    np.testing.assert_allclose(res.summary.ratio, total / 11, atol=1e-12)
    # II: 3/11 = 27% ≥ 20% and 15%; I: 70% ≥ 30%, 20%; III: 0% < 10%.
    assert res.met == (response != "III")
    assert list(res.summary.index) == ["so2", "nox", "pm", "vocs"]
    assert list(res.summary.columns[:6]) == ["baseline", "reduction", "ratio", "target", "met", "shortfall"]


def test_e3_status_is_reported_per_source():
    inv = inventory([{"id": "cer", "industry": "ceramics", "grade": "B", "nox": 6.0},
                     {"id": "glass", "industry": "glass", "grade": "D", "nox": 10.0},
                     {"id": "coal", "industry": "coal_boiler", "nox": 10.0}])
    res = aqi.emission_cuts(inv, "II")
    s = res.sources
    assert list(s.rule_status) == ["not_sourced", "unverified", "verified"]
    assert math.isnan(s.loc["cer", "cut"]) and math.isnan(s.loc["cer", "nox"])  # never a silent 0
    assert s.loc["cer", "rule_source"] == "not sourced"
    nox = res.summary.loc["nox"]
    # Baseline 26 (the unsourced source stays in it); counted 0.3·10 + 0.5·10 = 8; unverified 3.
    assert nox.baseline == 26 and nox.reduction == 8 and nox.unverified_reduction == 3
    assert nox.unsourced_sources == 1 and nox.unsourced_baseline == 6
    assert res.unsourced == 1 and res.unverified == 1
    assert "1 without a sourced rule, 1 on unverified rules" in repr(res)


def test_e6_line_rounding_and_e7_cap():
    inv = inventory([
        {"id": "one", "industry": "plastic_products", "lines": 1, "so2": 10.0},   # II: ⌈0.5⌉ = 1 → 1.0
        {"id": "three", "industry": "plastic_products", "lines": 3, "so2": 9.0},  # ⌈1.5⌉ = 2 → 2/3 → 6 t
        {"id": "uneq", "industry": "plastic_products", "lines": 3, "line_capacity": "10;30;60", "so2": 10.0},
        # 2 smallest of 10;30;60 → 0.4 → 4 t
        {"id": "prot", "industry": "coal_boiler", "so2": 10.0, "protected_max_load": 0.6},  # min(0.5, 0.4)
    ])
    s = aqi.emission_cuts(inv, "II").sources
    np.testing.assert_allclose(s.cut, [1, 2 / 3, 0.4, 0.4])
    np.testing.assert_allclose(s.so2, [10, 6, 4, 4])
    assert list(s.lines_stopped.astype(object).where(s.lines_stopped.notna(), None)) == [1, 2, 2, None]
    assert list(s.capped) == [False, False, False, True]
    assert s.loc["uneq", "measure"] == "cut 50% by production line; 2 of 3 lines stop (E6)"
    assert s.loc["uneq", "measure_zh"].endswith("；停产2条生产线（共3条）")  # N5: the same in Chinese (E6)
    assert list(s.columns[s.columns.get_loc("measure"):][:2]) == ["measure", "measure_zh"]


def test_e2_excluded_count_for_nothing():
    inv = inventory([{"id": "kept", "industry": "other", "so2": 10.0, "nox": 10.0, "pm": 10.0, "vocs": 10.0},
                     {"id": "zombie", "industry": "other", "so2": 90.0, "excluded": "zombie"}])
    res = aqi.emission_cuts(inv, "I")
    assert res.summary.loc["so2", "baseline"] == 10 and res.summary.loc["so2", "ratio"] == 1
    assert res.sources.loc["zombie", "rule_status"] == "excluded" and res.sources.loc["zombie", "cut"] == 0
    assert res.excluded == 1


def test_r4_trade_and_r5_dust_cap():
    # II. SO2: coal 50 → 25 of 100 = 25%; NOx 20 → 10 of 100 = 10%: pair 35% < 40%, short 5 pp each.
    inv = inventory([{"id": "coal", "industry": "coal_boiler", "so2": 50.0, "nox": 20.0, "pm": 10.0},
                     {"id": "gas", "industry": "gas_boiler", "low_nox": 1, "so2": 50.0, "nox": 80.0},
                     {"id": "mine", "kind": "dust", "industry": "other", "dust": "mine", "pm": 20.0},
                     {"id": "road", "kind": "dust", "industry": "other", "dust": "road", "pm": 70.0, "cost": np.nan}])
    res = aqi.emission_cuts(inv, "II", dust_cap=0.1)
    so2, nox, pm = res.summary.loc["so2"], res.summary.loc["nox"], res.summary.loc["pm"]
    assert so2.traded and not so2.met and so2.met_alone and not nox.met_alone
    assert so2.shortfall_pp == pytest.approx(5) and nox.shortfall == pytest.approx(5)
    # The repr says whose shortfall it is: SO2 alone meets 20 %, the pair misses 40 % by 5 pp.
    assert ("so2 25.0%/20% short 5.0 pp as the SO2+NOx pair (R4); nox 10.0%/20% short 5.0 pp as the SO2+NOx "
            "pair (R4); pm 15.0%/20% short 5.0 pp;") in repr(res)
    # PM baseline 100: coal 10 → 5 t; mine 20 t of dust, counted min(20, 0.1·100) = 10: 15% < 20%.
    assert pm.dust_reduction == 20 and pm.dust_counted == 10 and pm.reduction == 15
    assert pm.shortfall_pp == pytest.approx(5) and not pm.met
    assert aqi.emission_cuts(inv, "II").summary.loc["pm", "reduction"] == 25  # no cap: all dust counts
    assert res.dust_cap == 0.1 and "dust_cap=0.1" in repr(res)
    with pytest.raises(ValueError) as e:
        aqi.emission_cuts(inv, "II", dust_cap=2)
    assert str(e.value) == "dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got 2"
    with pytest.raises(KeyError, match="unknown response level 'IV'"):
        aqi.emission_cuts(inv, "IV")


def test_e8_fleets_and_e9_dust():
    fleet = {"kind": "fleet", "industry": "other", "nox": 1.0, "vehicle": "heavy_truck", "standard": 4,
             "trips_per_day": 30.0, "exempt": "", "built_up": 0, "black_smoke": 0}
    inv = inventory([
        {**fleet, "id": "t4"},                                                 # II, I
        {**fleet, "id": "power", "industry": "power_heat", "trips_per_day": 2.0},  # E4 ⑦: every level
        {**fleet, "id": "nr2", "vehicle": "non_road", "standard": 2, "trips_per_day": np.nan},  # II, I
        {"id": "slope", "kind": "dust", "industry": "other", "dust": "slope_spraying", "pm": 1.0},  # II, I
        {"id": "earth", "kind": "dust", "industry": "other", "dust": "earthwork", "pm": 1.0},       # every level
    ])
    cut = {r: aqi.emission_cuts(inv, r).sources.cut.to_list() for r in ("III", "II", "I")}
    assert cut == {"III": [0, 1, 0, 0, 1], "II": [1, 1, 1, 1, 1], "I": [1, 1, 1, 1, 1]}
    s = aqi.emission_cuts(inv, "III").sources
    assert list(s.counted_by) == ["transport", "transport", "transport", "activity", "activity"]
    assert s.loc["earth", "measure"] == "earthwork stops (E9)"
    assert s.loc["slope", "measure"] == "slope_spraying continues at this level (E9)"
    assert s.loc["slope", "measure_zh"] == "本级别正常作业（E9）"  # N5


def test_r6_top_contributors():
    inv = inventory([{"id": k, "industry": "other", "so2": v} for k, v in (("a", 1.0), ("b", 5.0), ("c", 4.0))])
    res = aqi.emission_cuts(inv, "I", top=2)
    top = res.top("so2")
    assert list(top.index) == ["b", "c"] and list(top.share) == [0.5, 0.4]
    assert res.summary.loc["so2", "top_contributors"] == "b (5 t/d, 50%), c (4 t/d, 40%)"
    with pytest.raises(KeyError, match="unknown pollutant 'co'"):
        res.top("co")


def test_industry_measures_table_and_bureau_override(tmp_path):
    m = aqi.industry_measures()
    t = m.table
    # 123 + the 15 B- rows of the graded industries (SPEC E11), not sourced.
    assert len(t) == 138 and (t.status == "verified").sum() == 32 and (t.status == "not_sourced").sum() == 81
    assert repr(m).startswith("IndustryMeasures(138 rows: 32 verified, 25 unverified, 81 not sourced;")
    bureau = tmp_path / "bureau.toml"
    bureau.write_text('document = "county bureau 2020"\n[[rule]]\nindustry = "ceramics"\ngrade = "B"\n'
                      'response = "II"\ncut = 0.5\ncounted_by = "line"\nsource = "bureau list 2020"\nverified = true\n'
                      'evidence = "plan"\n', encoding="utf-8")
    inv = inventory([{"id": "cer", "industry": "ceramics", "grade": "B", "lines": 4, "nox": 8.0}])
    assert math.isnan(aqi.emission_cuts(inv, "II").sources.cut.iloc[0])
    res = aqi.emission_cuts(inv, "II", measures=bureau)  # 2 of 4 lines: 4 t
    assert res.sources.loc["cer", "nox"] == 4 and res.sources.loc["cer", "rule_source"] == "bureau list 2020"
    assert res.measures_document.endswith("overridden by county bureau 2020")
    assert aqi.emission_cuts(inv, "II", measures=aqi.IndustryMeasures(bureau)).sources.cut.iloc[0] == 0.5
    bad = tmp_path / "bad.toml"
    bad.write_text('document = "x"\n[[rule]]\nindustry = "ceramic"\n', encoding="utf-8")
    with pytest.raises(aqi.ScenarioError, match=r"bad.toml:3:12: unknown industry 'ceramic'"):
        aqi.emission_cuts(inv, "II", measures=bad)


def test_scenario_products_equal_source_sums():
    inv = aqi.Inventory.read_csv(SCENARIO)
    for response in ("III", "II", "I"):
        res = aqi.emission_cuts(inv, response, dust_cap=0.15)
        s = res.sources
        kept = s.rule_status != "excluded"
        for p in ("so2", "nox", "vocs"):
            assert res.summary.loc[p, "reduction"] == pytest.approx(s.loc[kept, p].sum(skipna=True), rel=1e-12)
        assert res.summary.loc["pm", "dust_reduction"] == pytest.approx(s.loc[s.kind == "dust", "pm"].sum())
        assert res.unsourced == (s.rule_status == "not_sourced").sum() > 0


def test_r3_targets_from_a_file(tmp_path):
    # A stricter county: 25% SO2 at II and no SO2/NOx trade. coal II: 5 of 10 t = 50% ≥ 25%.
    path = tmp_path / "targets.toml"
    rows = "".join(f'[[target]]\nresponse = "{r}"\nso2 = {s}\nnox = 0.2\npm = 0.2\nvocs = 0.15\n'
                   for r, s in (("III", 0.1), ("II", 0.25), ("I", 0.3)))
    path.write_text('document = "stricter"\nsource = "test"\nso2_nox_trade = false\n' + rows, encoding="utf-8")
    inv = inventory([{"id": "coal", "industry": "coal_boiler", "so2": 10.0, "nox": 10.0}])
    res = aqi.emission_cuts(inv, "II", targets=path)
    assert res.summary.loc["so2", "target"] == 0.25 and not res.summary.loc["so2", "traded"]
    assert res.targets_document == "stricter"
    assert aqi.emission_cuts(inv, "II").targets_document.startswith("沂源县重污染天气应急预案")


# ---- aqi.top_up (was test_top_up.py) ------------------------------------------------------------------

def inventory_with_fleets(rows):
    base = {"name": "", "kind": "enterprise", "grade": "", "lines": 1, "so2": 0.0, "nox": 0.0, "pm": 0.0,
            "vocs": 0.0, "protected_max_load": np.nan, "excluded": "", "low_nox": 0, "cost": 10.0,
            "line_capacity": "", "dust": "", "vehicle": "", "standard": np.nan, "exempt": "", "built_up": np.nan,
            "black_smoke": np.nan}
    return aqi.Inventory(pd.DataFrame([{**base, **r} for r in rows]))


def test_e10_continuous_by_hand():
    # III needs 10%: B (cost 30) cut by x removes 10x of 20 t → x = 0.2, cost 6; A would cost 20.
    inv = inventory_with_fleets([{"id": "A", "industry": "other", "so2": 10.0, "nox": 10.0, "pm": 10.0, "vocs": 10.0,
                      "cost": 100.0},
                     {"id": "B", "industry": "other", "so2": 10.0, "nox": 10.0, "pm": 10.0, "vocs": 10.0,
                      "cost": 30.0}])
    t = aqi.top_up(inv, "III")
    assert t.needed and t.feasible and t.cost == pytest.approx(6, abs=1e-6)
    assert list(t.cuts.index) == ["B"] and t.cuts.loc["B", "extra_cut"] == pytest.approx(0.2, abs=1e-7)
    assert t.summary.met.all() and not t.before.met.any()
    assert aqi.top_up(inv, "III", candidates=["A"]).cost == pytest.approx(20, abs=1e-6)
    assert repr(t).startswith("TopUp(response='III', 1 extra cuts, cost 6")
    with pytest.raises(KeyError, match="no source with id 'C'"):
        aqi.top_up(inv, "III", candidates=["C"])


def test_e10_not_needed_and_infeasible():
    inv = inventory_with_fleets([{"id": "E", "industry": "other", "so2": 1.0, "nox": 1.0, "pm": 1.0, "vocs": 1.0}])
    met = aqi.top_up(inv, "I")
    assert not met.needed and met.feasible and met.cost == 0 and met.cuts.empty
    power = inventory_with_fleets([{"id": "P", "industry": "power_heat", "so2": 1.0, "nox": 1.0, "pm": 1.0, "vocs": 1.0}])
    t = aqi.top_up(power, "II")
    assert not t.feasible
    assert t.explanation == ("no set of extra cuts meets every target of level II: with 0 candidate sources all at "
                             "their largest cut, SO2 + NOx reach 0% + 0% (targets 20% + 20%, R4); PM reaches 0% "
                             "(target 20%); VOCs reaches 0% (target 15%). Not candidates: 1 exempt.")
    assert t.counts["exempt"] == 1 and "infeasible" in repr(t)


def brute_force(rows, cap):
    """The cheapest subset of whole decisions (each line of a line enterprise, each dust site) meeting
    level III (10% each; SO2+NOx pair 20%; dust within PM capped), computed without the library."""
    base = {p: sum(r.get(p, 0.0) for r in rows) for p in ("so2", "nox", "pm", "vocs")}
    decisions = []
    for r in rows:
        if r["id"] == "power":
            continue
        if r.get("kind") == "dust":
            decisions.append((r, 1.0, r["cost"]))
        else:
            caps = [float(c) for c in r["line_capacity"].split(";")]
            for c in caps:
                decisions.append((r, c / sum(caps), r["cost"] * c / sum(caps)))
    best = math.inf
    for chosen in itertools.product((0, 1), repeat=len(decisions)):
        red = dict.fromkeys(base, 0.0)
        dust = cost = 0.0
        for take, (r, share, c) in zip(chosen, decisions):
            if take:
                cost += c
                for p in red:
                    red[p] += share * r.get(p, 0.0)
                if r.get("kind") == "dust":
                    dust += share * r["pm"]
        pm = red["pm"] - dust + (min(dust, cap * base["pm"]) if cap is not None else dust)
        tol = 1e-6
        if (red["so2"] / base["so2"] + red["nox"] / base["nox"] >= 0.2 - tol and pm / base["pm"] >= 0.1 - tol
                and red["vocs"] / base["vocs"] >= 0.1 - tol):
            best = min(best, cost)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_e10_matches_brute_force(seed):
    rng = random.Random(seed)
    rows = [{"id": "power", "industry": "power_heat", "so2": 30.0, "nox": 50.0, "pm": 20.0, "vocs": 15.0,
             "cost": 900.0}]
    decisions = 0
    while decisions < 9:
        k = len(rows)
        if rng.random() < 0.6:
            n = rng.randint(2, 3)
            caps = ";".join(str(rng.randint(1, 9)) for _ in range(n))
            rows.append({"id": f"e{k}", "industry": "plastic_products", "lines": n, "line_capacity": caps,
                         "so2": float(rng.randint(0, 8)), "nox": float(rng.randint(0, 8)),
                         "pm": float(rng.randint(0, 5)), "vocs": float(rng.randint(0, 9)),
                         "cost": float(rng.randint(1, 100))})
            decisions += n
        else:
            rows.append({"id": f"d{k}", "kind": "dust", "industry": "other", "dust": "concrete",
                         "pm": float(rng.randint(1, 8)), "cost": float(rng.randint(1, 100))})
            decisions += 1
    cap = 0.05 if seed % 2 else None
    best = brute_force(rows, cap)
    t = aqi.top_up(inventory_with_fleets(rows), "III", dust_cap=cap)
    assert t.feasible == math.isfinite(best), t.explanation
    if t.feasible:
        assert t.cost == pytest.approx(best, rel=1e-9)
        assert t.summary.met.all()


def test_e10_on_the_scenario():
    inv = aqi.Inventory.read_csv(SOURCE_DIR / "scenarios" / "yiyuan-2019" / "inventory.csv")
    for response in ("III", "II", "I"):
        t = aqi.top_up(inv, response, dust_cap=0.15)
        assert t.needed  # the scenario's measures alone do not meet the targets (README)
        assert t.feasible and t.summary.met.all()
        assert t.cost == pytest.approx(t.cuts.cost.sum())
        assert (t.cuts.new_cut <= 1 + 1e-12).all()


INVENTORY_CSV = ("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
                 "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n")


def one_source(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text(INVENTORY_CSV, encoding="utf-8")
    return aqi.Inventory.read_csv(path)


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


# ---- issue 12: each rule once in C++, typed results, the plan's own E8/E9 --------------------------

def test_responses_as_the_plan_writes_them():
    # SPEC R1: the plan writes Ⅱ级 (and Ⅱ); every entry point takes them as II.
    inv = inventory([{"id": "coal", "industry": "coal_boiler", "so2": 10.0, "nox": 10.0, "pm": 10.0, "vocs": 10.0}])
    ii = aqi.emission_cuts(inv, "II")
    for spelling in ("Ⅱ", "Ⅱ级"):
        res = aqi.emission_cuts(inv, spelling)
        assert res.response == "II" and res.response_zh == "Ⅱ级"
        pd.testing.assert_frame_equal(res.summary, ii.summary)
        assert aqi.top_up(inv, spelling).explanation == aqi.top_up(inv, "II").explanation
    assert aqi.emission_cuts(inv, "Ⅲ级").summary.loc["so2", "target"] == 0.1
    with pytest.raises(KeyError, match=r"unknown response level 'Ⅳ级'; expected one of: III, II, I"):
        aqi.emission_cuts(inv, "Ⅳ级")


def test_e8_e9_thresholds_of_another_plan(tmp_path):
    # A copy of the plan whose heavy-truck ban needs more than 20 trips and covers National V from
    # Level III on, and whose non-road ban covers National III: the same fleets, other cuts.
    import shutil
    folder = tmp_path / "plan"
    shutil.copytree(SOURCE_DIR / "libaqi" / "rules" / "plans" / "yiyuan-2019", folder)
    path = folder / "industry_measures.toml"
    text = path.read_text(encoding="utf-8")
    for old, new in (('levels = ["II", "I"]\nmax_standard = 4', 'levels = ["Ⅲ级", "Ⅱ级", "Ⅰ级"]\nmax_standard = 5'),
                     ("trips_per_day_above = 10", "trips_per_day_above = 20"),
                     ("max_standard = 2", "max_standard = 3")):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    fleet = {"kind": "fleet", "industry": "other", "nox": 1.0, "vehicle": "heavy_truck", "exempt": "", "built_up": 0,
             "black_smoke": 0}
    inv = inventory([{**fleet, "id": "t4_15", "standard": 4, "trips_per_day": 15.0},
                     {**fleet, "id": "t4_20", "standard": 4, "trips_per_day": 20.0},
                     {**fleet, "id": "t5_30", "standard": 5, "trips_per_day": 30.0},
                     {**fleet, "id": "nr3", "vehicle": "non_road", "standard": 3, "trips_per_day": np.nan}])
    # The plan's own at II: stage ≤ 4 with more than 10 trips stops (t4_15, t4_20); non-road ≤ 2.
    assert aqi.emission_cuts(inv, "II").cut.tolist() == [1, 1, 0, 0]
    # The copy: more than 20 trips and stage ≤ 5 (t5_30 only, from III on); non-road ≤ 3 at II.
    assert aqi.emission_cuts(inv, "III", plan=folder).cut.tolist() == [0, 0, 1, 0]
    assert aqi.emission_cuts(inv, "II", plan=str(folder)).cut.tolist() == [0, 0, 1, 1]
    assert aqi.emission_cuts(inv, "II", plan=aqi.plan(folder)).sources.loc["t5_30", "measure"].startswith(
        "National-IV-or-older heavy trucks")  # the copy kept the plan's words: a bureau edits them too


def test_the_measure_tables_fleet_and_dust_rules():
    rules = aqi.industry_measures().source_rules
    assert list(rules.columns) == ["section", "measure", "III", "II", "I", "measure_en", "measure_zh", "source"]
    # SPEC E8: four fleet measures; E9: one rule per dust activity (ten).
    assert list(rules.section).count("fleet") == 4 and list(rules.section).count("dust") == 10
    truck = rules.set_index("measure").loc["heavy_truck_ban"]
    assert (truck.III, truck.II, truck.I) == (False, True, True)
    assert rules.set_index("measure").loc["road", ["III", "II", "I"]].tolist() == [False, False, False]


def test_results_are_bound_classes():
    import copy
    inv = inventory([{"id": "a", "industry": "other", "so2": 1.0}, {"id": "b", "industry": "other", "so2": 3.0}])
    res = aqi.emission_cuts(inv, "I", top=1)
    assert type(res._core) is aqi._core.EmissionCuts and type(inv._core) is aqi._core.Inventory
    assert isinstance(res._core.summary, aqi._core.Table) and len(res._core.sources) == 2
    assert copy.deepcopy(res._core).cut.tolist() == [1.0, 1.0]
    assert repr(res) == repr(res._core)
    assert res.summary.loc["so2", "top_contributors"] == "b (3 t/d, 75%)"  # 3 of 4 t
    t = aqi.top_up(inv, "I")
    assert type(t._core) is aqi._core.TopUp and t.counts == {"candidates": 0, "no_cost": 0, "not_sourced": 0,
                                                             "exempt": 0, "exempt_grade": 0, "at_maximum": 2, "not_chosen": 0}
    assert repr(t) == "TopUp(response='I', not needed: every target of level I is met by its measures: no extra cut needed)"


GRADED = ("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,voluntary_cut\n"
          "a,,enterprise,ceramics,A级,1,10,0,0,0,,,0,1,0.2\n"
          "lead,,enterprise,brick_kiln,leading,1,10,0,0,0,,,0,1,\n"
          "bm,,enterprise,ceramics,B-,1,10,0,0,0,,,0,1,\n"
          "c,,enterprise,glass,C,1,10,0,0,0,,,0,5,\n"
          "d,,enterprise,glass,D,1,10,0,0,0,0.9,,0,5,\n")


def test_grades_verdicts_and_assumption(tmp_path):
    # SPEC E11, E12 (emissions/verdicts_test.cpp derives the same numbers): at II, a's voluntary 2
    # + c's 20 % of 10 + d's E7-capped 1 = 5 of 50 = 10 % < 20 %; with bm's 10 t (no rule) 30 %:
    # undetermined, decided by 10 t/day. Top-up: glass C half (cost 2.5), never a or lead.
    path = tmp_path / "inv.csv"
    path.write_text(GRADED, encoding="utf-8")
    inv = aqi.Inventory.read_csv(path)
    res = aqi.emission_cuts(inv, "II")
    s = res.summary
    assert s.loc["so2", "reduction"] == pytest.approx(5) and s.loc["so2", "voluntary_reduction"] == pytest.approx(2)
    assert s.loc["so2", "verdict"] == "undetermined" and s.loc["so2", "verdict_zh"] == "无法判定"
    assert s.loc["so2", "deciding_baseline"] == pytest.approx(10) and not res.met
    assert list(res.sources.voluntary) == [True, True, False, False, False]
    assert list(res.sources.counted_by[:2]) == ["voluntary", "voluntary"]
    assert list(res.warnings.id) == ["d"] and list(res.warnings.rule) == ["E11"]
    t = aqi.top_up(inv, "II")
    assert list(t.cuts.index) == ["c"] and t.cuts.loc["c", "extra_cut"] == pytest.approx(0.5)
    assert t.counts["exempt_grade"] == 2
    assert t.assumption.startswith("assumes the 1 sources without a sourced rule (10 t/day SO2) cut nothing")
    assert t.assumption_zh.startswith("假定1个无来源规则的源不减排")
    bad = tmp_path / "bad.csv"
    bad.write_text(GRADED.replace("0,1,0.2", "0,1,1.5"), encoding="utf-8")
    with pytest.raises(aqi.ScenarioError, match=r"bad.csv:2:15: column 'voluntary_cut': 1.5 is outside 0-1"):
        aqi.Inventory.read_csv(bad)


def test_kilns_count_on_the_day():
    # SPEC K8 on the default scenario: every one-line kiln's batch covers 2019-12-15, and the 8
    # multi-line kilns stop ⌈n/2⌉ of their lines: the credit is Σ share × baseline per kiln.
    kilns = SOURCE_DIR / "scenarios" / "yiyuan-2019" / "kilns.csv"
    schedule = aqi.kiln_schedule(kilns)
    table = aqi.read_kilns(kilns).set_index("id")
    inv = aqi.Inventory.read_csv(SCENARIO)
    res = aqi.emission_cuts(inv, response="II", dust_cap=0.15, kilns=schedule, on="2019-12-15")
    share = ((table.lines + 1) // 2).where(table.lines > 1, 1) / table.lines
    expected = (share * table.so2).sum()
    assert res.summary.loc["so2", "kiln_reduction"] == pytest.approx(expected)
    assert res.summary.loc["so2", "kiln_baseline"] == pytest.approx(table.so2.sum())
    assert (res.kilns.share == share.loc[res.kilns.index]).all()
    plain = aqi.emission_cuts(inv, response="II", dust_cap=0.15)
    assert res.summary.loc["so2", "baseline"] == pytest.approx(plain.summary.loc["so2", "baseline"] + table.so2.sum())
    # Outside the season nothing rotates; a day without kilns= is refused.
    april = aqi.emission_cuts(inv, response="II", kilns=schedule, on="2020-04-10")
    assert april.summary.loc["so2", "kiln_reduction"] == 0
    with pytest.raises(TypeError, match=r"on: a day needs kilns="):
        aqi.emission_cuts(inv, response="II", on="2019-12-15")
