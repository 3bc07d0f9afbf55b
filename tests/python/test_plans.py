"""A plan is a folder (issue 12): aqi.plan by id or by path, and every `rules=` / `plan=` entry
point takes one."""
import os
import pathlib
import shutil

import pytest

import aqi

SOURCE = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BUILTIN = SOURCE / "libaqi" / "rules" / "plans" / "yiyuan-2019"


def copy_plan(tmp_path, new_id="zibo-2024"):
    """A bureau's copy of the built-in plan, renamed."""
    folder = tmp_path / new_id
    shutil.copytree(BUILTIN, folder, ignore=shutil.ignore_patterns("*.md", "*.py"))
    for part in ("plan.toml", "warnings.toml", "kilns.toml", "deadlines.toml"):
        p = folder / part
        p.write_text(p.read_text(encoding="utf-8").replace('id = "yiyuan-2019"', f'id = "{new_id}"', 1),
                     encoding="utf-8")
    return folder


def test_builtin_plan_by_id():
    p = aqi.plan("yiyuan-2019")
    assert aqi.PLANS == ("yiyuan-2019",)
    assert (p.id, p.county_zh, p.document, p.date) == ("yiyuan-2019", "沂源县", "源政办字〔2019〕56号", "2019-10-22")
    assert p.warnings.id == "yiyuan-2019" and p.warnings.levels == ["none", "yellow", "orange", "red"]
    assert len(p.industry_measures) == 138  # with the B- rows (SPEC E11)
    assert repr(p) == "aqi.plan('yiyuan-2019')"
    with pytest.raises(KeyError, match="unknown plan 'zibo'; expected one of: yiyuan-2019"):
        aqi.plan("zibo")


def test_zibo_analyst_changes_the_catalogue_from_python(tmp_path):
    # The Zibo analyst of issue 12: the city's own department name and reporting office.
    folder = copy_plan(tmp_path)
    resp = folder / "responses.toml"
    resp.write_text(resp.read_text(encoding="utf-8").replace('name_zh = "县住房城乡建设局"', 'name_zh = "市住房城乡建设局"'),
                    encoding="utf-8")
    p = aqi.plan(str(folder))
    assert p.id == "zibo-2024" and p.source == str(folder)
    tasks = aqi.tasks(department="市住房城乡建设局", response="I", plan=p)
    assert len(tasks) == len(aqi.tasks(department="县住房城乡建设局", response="I"))
    assert "市住房城乡建设局" in aqi.departments(plan=folder)["name_zh"].tolist()
    with pytest.raises(KeyError, match="unknown department '县住房城乡建设局'"):
        aqi.tasks(department="县住房城乡建设局", response="I", plan=p)


def test_rules_take_a_plan(tmp_path):
    # SPEC W4 through a plan object and a plan folder: 3 days > 200 → orange.
    days = [250, 260, 270]
    assert aqi.classify_daily(days, rules=aqi.plan()).level == "orange"
    assert aqi.classify_daily(days, rules=str(copy_plan(tmp_path))).level == "orange"


def test_refuses_a_folder_without_a_part(tmp_path):
    folder = copy_plan(tmp_path)
    (folder / "kilns.toml").unlink()
    with pytest.raises(aqi.ScenarioError,
                       match=r"plan\.toml:24:9: the plan's part 'kilns' names kilns\.toml, which is not a file of "):
        aqi.plan(folder)
