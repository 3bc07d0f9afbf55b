"""Working days from the official holiday notices — SPEC D2. Weekdays from a printed calendar."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

import aqi


def test_d2_spring_festival_week_and_make_up_days():
    # 春节 2019: 02-04 … 02-10 off; Sat 02-02 and Sun 02-03 worked.
    days = pd.date_range("2019-02-01", "2019-02-11")
    expected = [True, True, True] + [False] * 7 + [True]
    np.testing.assert_array_equal(aqi.is_working_day(days), expected)
    assert aqi.day_kind("2019-02-02") == "make-up working day"
    assert aqi.day_kind(dt.date(2019, 2, 5)) == "holiday"
    assert aqi.day_kind("2019-02-16") == "weekend"
    assert aqi.working_days_after("2019-02-01", 3) == dt.date(2019, 2, 11)


def test_d2_make_up_saturday_and_2020_extension():
    assert aqi.is_working_day("2019-10-12") is True  # Saturday worked for National Day
    assert aqi.working_days_after("2019-10-10") == dt.date(2019, 10, 14)
    # 国办发明电〔2020〕1号: off to Sun 02-02, and Sat 02-01 is no longer a make-up day.
    assert aqi.day_kind("2020-02-01") == "holiday"
    assert aqi.working_days_after("2020-01-22", 3) == dt.date(2020, 2, 4)


def test_holidays_table_cites_the_notices():
    h = aqi.holidays(2020)
    spring = h[h["name_zh"] == "春节"]
    assert (spring["kind"] == "holiday").sum() == 10  # 01-24 … 02-02 with the extension
    assert list(spring.loc[spring["kind"] == "make-up working day", "date"]) == [pd.Timestamp("2020-01-19")]
    assert set(h["notice_number"]) == {"国办发明电〔2019〕16号"}
    everything = aqi.holidays()
    assert sorted(set(everything["notice_year"])) == [2015, 2016] + list(range(2019, 2027))
    assert not everything["date"].duplicated().any()


def test_a_year_without_a_file_is_an_error():
    with pytest.raises(KeyError, match=r"no holiday calendar for 2018, needed for 2018-06-01; the calendar has "
                                       r"2015–2016, 2019–2026; add 2018.toml"):
        aqi.is_working_day("2018-06-01")
    with pytest.raises(KeyError, match="no holiday calendar for 2027, needed for 2026-12-28 \\(the last days of "
                                       "December depend on the next year's New Year holiday\\)"):
        aqi.is_working_day("2026-12-28")
    with pytest.raises(KeyError, match="no holiday calendar for 2030"):
        aqi.holidays(2030)


# docs/errors.md "Holiday files and the holiday calendar" (Python).
def test_holiday_arguments():
    with pytest.raises(ValueError, match=r"^working_days_after: n must be at least 1 \(got 0\)$"):
        aqi.working_days_after("2019-12-02", 0)
    with pytest.raises(ValueError, match=r"^dates\[1\]: the date is missing \(NaT\)$"):
        aqi.day_kind(["2019-12-02", None])
    with pytest.raises(KeyError, match=r"no holiday calendar for 2018, needed for 2018-06-01"):
        aqi.is_working_day("2018-06-01")


def test_d2_notices_are_typed():
    # 国办发明电〔2019〕16号 (the 2020 notice) and its revision for the COVID-19 extension.
    y = aqi.holiday_year(2020)
    assert repr(y) == "aqi.holiday_year(2020)"
    assert (y.year, y.notice_number) == (2020, "国办发明电〔2019〕16号")
    spring = next(h for h in y.holidays if h.name_zh == "春节")
    assert len(spring.days_off) == 10  # 01-24 … 02-02
    assert np.datetime64("1970-01-01") + np.timedelta64(spring.makeup_workdays[0], "D") == np.datetime64("2020-01-19")
    with pytest.raises(KeyError, match=r"^'no holiday calendar for 2030; the calendar has 2015–2016, 2019–2026'$"):
        aqi.holiday_year(2030)
