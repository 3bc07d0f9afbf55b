"""aqi.emission_cuts and aqi.industry_measures — SPEC E1–E9, R3–R6 with hand-derived expectations
(the arithmetic is in the comments)."""
import math

import numpy as np
import pandas as pd
import pytest

import aqi
from conftest import SOURCE_DIR

SCENARIO = SOURCE_DIR / "scenarios" / "yiyuan-2019" / "inventory.csv"
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
    assert len(t) == 123 and (t.status == "verified").sum() == 32 and (t.status == "not_sourced").sum() == 66
    assert repr(m).startswith("IndustryMeasures(123 rows: 32 verified, 25 unverified, 66 not sourced;")
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
