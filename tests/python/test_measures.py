"""aqi.measures / aqi.tasks — SPEC R1, R2 (plan §5.5.1–3, annex 3)."""
import pytest

import aqi


def test_r2_measures_per_level():
    m = aqi.measures(response="II")
    assert set(m.response) == {"II"}
    assert {"health", "advisory", "mandatory"} <= set(m["class"])
    assert set(m[m["class"] == "mandatory"].sector) == {"industrial", "dust", "mobile", "other"}
    # III has no ④ "other" measures (§5.5.1(3) lists ①–③ only).
    iii = aqi.measures(response="III")
    assert "other" not in set(iii[iii["class"] == "mandatory"].sector)
    assert m.index.is_unique and m.index.str.startswith("II-").all()
    with pytest.raises(KeyError, match="unknown response level 'IV'"):
        aqi.measures(response="IV")


def test_r2_tasks_of_a_department():
    t = aqi.tasks(department="县住房城乡建设局", response="I")
    assert "dust" in set(t.sector) and "other" in set(t.sector)
    assert (t.departments.str.contains("housing")).all()
    assert aqi.tasks(department="housing", response="I").equals(t)
    with pytest.raises(KeyError, match="unknown department '县气象站'"):
        aqi.tasks(department="县气象站", response="I")
    assert "县住房城乡建设局" in set(aqi.departments().name_zh)


def test_unknown_names():
    # docs/errors.md "Unknown names": a response level no plan has.
    with pytest.raises(KeyError, match=r"unknown response level 'V'; expected one of: III, II, I \(or IV\)"):
        aqi.tasks("housing", "V")
