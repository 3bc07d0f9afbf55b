"""Parity of names (issue 12: each rule once, in C++): every entry point that takes a warning level
or a response level takes the plan's Chinese spelling as well as the English one, and gives the
same answer for both. Levels: RuleSet.level_code in the library (黄色 yellow, 橙色 orange, 红色 red;
mee-2017 adds 蓝色 blue). Responses: parse_response_level (II, Ⅱ, Ⅱ级 — SPEC R1)."""
import pandas as pd
import pytest

import aqi

RESPONSES = {"III": ("Ⅲ", "Ⅲ级"), "II": ("Ⅱ", "Ⅱ级"), "I": ("Ⅰ", "Ⅰ级")}


def frames_equal(a, b):
    pd.testing.assert_frame_equal(a, b)
    return True


# --- Warning levels ---------------------------------------------------------------------------

@pytest.mark.parametrize("rules", aqi.RULE_SETS)
def test_rule_set_level_code_takes_english_and_chinese_names(rules):
    rs = aqi.rule_set(rules)
    for code, (en, zh) in enumerate(zip(rs.levels, rs.levels_zh)):
        assert rs.level_code(en) == code
        if code:
            assert rs.level_code(zh) == code


def imposed_run(rules, level, lift="none"):
    # One county forecast of none; the superior command imposes `level` at 20:00 and lifts it the
    # next day at 12:00 (SPEC L6).
    fc = pd.DataFrame({"issue_date": ["2019-12-01"] * 3, "valid_date": pd.date_range("2019-12-02", periods=3),
                       "aqi": [150.0, 150.0, 150.0]})
    imposed = pd.DataFrame({"time": ["2019-12-01 20:00", "2019-12-02 12:00"], "event": ["ISSUE", "LIFT"],
                            "level": [level, lift]})
    return aqi.run_season(fc, imposed=imposed, rules=rules)


@pytest.mark.parametrize("rules", aqi.RULE_SETS)
def test_run_season_imposed_levels_by_english_or_chinese_name(rules):
    rs = aqi.rule_set(rules)
    for en, zh in zip(rs.levels[1:], rs.levels_zh[1:]):
        english, chinese = imposed_run(rules, en), imposed_run(rules, zh)
        assert list(english.events.level) == [en, "none"]  # the level is the imposed one, named in English
        assert frames_equal(english.events, chinese.events)
        assert frames_equal(english.days, chinese.days)
        assert english.counts == chinese.counts


# --- Response levels --------------------------------------------------------------------------

@pytest.mark.parametrize("response", list(RESPONSES))
def test_measures_take_every_spelling_of_a_response(response):
    english = aqi.measures(response=response)
    assert len(english) > 0 and set(english.response) == {response}
    for spelling in RESPONSES[response]:
        assert frames_equal(aqi.measures(response=spelling), english)


@pytest.mark.parametrize("response", list(RESPONSES))
def test_tasks_take_every_spelling_of_a_response(response):
    english = aqi.tasks(department="housing", response=response)
    assert len(english) > 0
    for spelling in RESPONSES[response]:
        assert frames_equal(aqi.tasks(department="县住房城乡建设局", response=spelling), english)
