// SPEC D2: working days from the official holiday arrangement (one notice per year, as data).
// Weekdays in the comments were read off a printed calendar, not computed by the library.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "aqi/calendar/holidays.hpp"
#include "test_support.hpp"

namespace {
using boost::gregorian::date;
const aqi::HolidayCalendar& cal() { return aqi::builtin_holiday_calendar(); }
}  // namespace

TEST(HolidayCalendar, D2ShipsEveryYear2019To2026WithItsNotice) {
  // 2015 and 2016 ship too, for the Beijing 2015-16 back-test.
  EXPECT_EQ(cal().year_list(), "2015–2016, 2019–2026");
  ASSERT_EQ(cal().years().size(), 10u);
  EXPECT_EQ(cal().years()[0].notice_number, "国办发明电〔2014〕28号");
  EXPECT_EQ(cal().years()[1].notice_number, "国办发明电〔2015〕18号");
  EXPECT_EQ(cal().years()[2].notice_number, "国办发明电〔2018〕15号");
  EXPECT_EQ(cal().years()[3].notice_number, "国办发明电〔2019〕16号");
  for (const auto& y : cal().years()) EXPECT_FALSE(y.sources.empty()) << y.year;
}

// 2015: the one-off Victory Day holiday (国发明电〔2015〕1号): 09-03 (Thu) … 09-05 off, Sun
// 09-06 worked; National Day 10-01 … 10-07 off, Sat 10-10 worked.
TEST(HolidayCalendar, D2The2015NoticesWithTheVictoryDayHoliday) {
  EXPECT_EQ(cal().kind(date(2015, 9, 4)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2015, 9, 6)), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(cal().kind(date(2015, 10, 10)), aqi::DayKind::makeup_working_day);
  // Three working days after Wed 10-07: Thu 10-08, Fri 10-09, Sat 10-10 (worked).
  EXPECT_EQ(cal().working_days_after(date(2015, 10, 7), 3), date(2015, 10, 10));
}

TEST(HolidayCalendar, D2SpringFestivalWeek2019) {
  // 春节 2019: 02-04 (Mon) … 02-10 (Sun) off; 02-02 (Sat) and 02-03 (Sun) worked.
  for (int d = 4; d <= 10; ++d) EXPECT_EQ(cal().kind(date(2019, 2, d)), aqi::DayKind::holiday) << d;
  EXPECT_EQ(cal().kind(date(2019, 2, 2)), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(cal().kind(date(2019, 2, 3)), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(cal().holiday_of(date(2019, 2, 5))->name_zh, "春节");
  EXPECT_EQ(cal().holiday_of(date(2019, 2, 2))->name_zh, "春节");
  // Three working days after Fri 02-01: Sat 02-02 (1), Sun 02-03 (2), then the holiday week,
  // then Mon 02-11 (3).
  EXPECT_EQ(cal().working_days_after(date(2019, 2, 1), 3), date(2019, 2, 11));
  // 02-01 … 02-11: 02-01, 02-02, 02-03, 02-11 are the working days.
  EXPECT_EQ(cal().working_days_between(date(2019, 2, 1), date(2019, 2, 11)), 4);
}

TEST(HolidayCalendar, D2MakeUpSaturdayCounts) {
  // 国庆节 2019: 10-12 (Sat) is a make-up working day. After Thu 10-10: Fri 10-11 (1),
  // Sat 10-12 (2), Mon 10-14 (3) — not Tue 10-15 as weekdays alone would say.
  EXPECT_TRUE(cal().is_working_day(date(2019, 10, 12)));
  EXPECT_EQ(cal().kind(date(2019, 10, 13)), aqi::DayKind::weekend);
  EXPECT_EQ(cal().working_days_after(date(2019, 10, 10), 3), date(2019, 10, 14));
  // 元旦 2019 was announced in the 2019 notice but starts in 2018: Sat 2018-12-29 was worked,
  // Mon 2018-12-31 was off. The 2019 file holds them; the days still need 2018's notice too.
  const auto& years = cal().years();
  const auto y2019 = std::find_if(years.begin(), years.end(), [](const auto& y) { return y.year == 2019; });
  ASSERT_NE(y2019, years.end());
  const auto& new_year = y2019->holidays[0];
  EXPECT_EQ(new_year.makeup_workdays, (std::vector<date>{date(2018, 12, 29)}));
  EXPECT_EQ(new_year.days_off.front(), date(2018, 12, 30));
  EXPECT_THROW(cal().kind(date(2018, 12, 29)), aqi::CalendarNotAvailable);
}

TEST(HolidayCalendar, D2LabourDay2019AsRevised) {
  // 国办发明电〔2019〕3号: 05-01 … 05-04 off, Sun 04-28 and Sun 05-05 worked (first notice: 05-01 only).
  EXPECT_EQ(cal().kind(date(2019, 5, 2)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2019, 5, 3)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2019, 5, 5)), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(cal().kind(date(2019, 4, 28)), aqi::DayKind::makeup_working_day);
}

TEST(HolidayCalendar, D2SpringFestivalExtension2020) {
  // 国办发明电〔2020〕1号: 春节 off to Sun 02-02; Sat 02-01 was to be a make-up day and is off.
  EXPECT_EQ(cal().kind(date(2020, 1, 31)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2020, 2, 1)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2020, 2, 2)), aqi::DayKind::holiday);
  EXPECT_EQ(cal().kind(date(2020, 2, 3)), aqi::DayKind::working_day);
  // After Wed 01-22: Thu 01-23 (1), then 01-24 … 02-02 off, Mon 02-03 (2), Tue 02-04 (3).
  EXPECT_EQ(cal().working_days_after(date(2020, 1, 22), 3), date(2020, 2, 4));
  // Sun 01-19 stayed a make-up day: after Fri 01-17 come Sun 01-19 (1), Mon 01-20 (2), Tue 01-21 (3).
  EXPECT_EQ(cal().working_days_after(date(2020, 1, 17), 3), date(2020, 1, 21));
}

TEST(HolidayCalendar, D2AYearWithoutAFileIsAnError) {
  EXPECT_THROW_MSG(
      cal().is_working_day(date(2018, 6, 1)), aqi::CalendarNotAvailable,
      "no holiday calendar for 2018, needed for 2018-06-01; the calendar has 2015–2016, 2019–2026; add 2018.toml "
      "from the State Council notice 国务院办公厅关于2018年部分节假日安排的通知 "
      "(libaqi/rules/holidays/README.md)");
  EXPECT_THROW_MSG(
      cal().kind(date(2027, 1, 4)), aqi::UnknownName,
      "no holiday calendar for 2027, needed for 2027-01-04; the calendar has 2015–2016, 2019–2026; add 2027.toml "
      "from the State Council notice 国务院办公厅关于2027年部分节假日安排的通知 "
      "(libaqi/rules/holidays/README.md)");
  // From 25 December on, the next year's notice decides too (its New Year may take the day).
  EXPECT_TRUE(cal().is_working_day(date(2026, 12, 24)));  // Thursday
  try {
    cal().is_working_day(date(2026, 12, 28));
    ADD_FAILURE() << "no exception";
  } catch (const aqi::CalendarNotAvailable& e) {
    EXPECT_EQ(e.year(), 2027);
    EXPECT_EQ(
        std::string(e.what()),
        "no holiday calendar for 2027, needed for 2026-12-28 (the last days of December depend on the next "
        "year's New Year holiday); the calendar has 2015–2016, 2019–2026; add 2027.toml from the State Council notice "
        "国务院办公厅关于2027年部分节假日安排的通知 (libaqi/rules/holidays/README.md)");
  }
  // An empty calendar decides nothing.
  EXPECT_THROW_MSG(aqi::HolidayCalendar().kind(date(2020, 1, 1)), aqi::CalendarNotAvailable,
                   "no holiday calendar for 2020, needed for 2020-01-01; the calendar has no year; add 2020.toml from "
                   "the State Council notice 国务院办公厅关于2020年部分节假日安排的通知 "
                   "(libaqi/rules/holidays/README.md)");
}

namespace {
const char* year_2030 =
    "year = 2030\n"
    "notice = \"n\"\n"
    "notice_number = \"x\"\n"
    "notice_date = 2029-11-01\n"
    "revisions = []\n"
    "sources = []\n"
    "total_days_off = 1\n"
    "\n"
    "[[holiday]]\n"
    "name_zh = \"元旦\"\n"
    "name_en = \"New Year's Day\"\n"
    "days_off = [2030-01-01]\n"
    "declared_days = 1\n"
    "makeup_workdays = [MAKEUP]\n"
    "note = \"\"\n";

std::string with_makeup(const std::string& makeup) {
  std::string s = year_2030;
  s.replace(s.find("MAKEUP"), 6, makeup);
  return s;
}
}  // namespace

TEST(HolidayCalendar, D2AddingAYearAtRunTime) {
  // 2030-01-01 is a Tuesday; a calendar with 2030 added answers for it, the built-in one does not.
  auto years = cal().years();
  years.push_back(aqi::HolidayYear::parse(with_makeup("2030-01-05"), "2030.toml"));  // Sat
  const aqi::HolidayCalendar extended(years);
  EXPECT_EQ(extended.year_list(), "2015–2016, 2019–2026, 2030");
  EXPECT_EQ(extended.kind(date(2030, 1, 1)), aqi::DayKind::holiday);
  EXPECT_EQ(extended.kind(date(2030, 1, 5)), aqi::DayKind::makeup_working_day);
  EXPECT_THROW(cal().kind(date(2030, 1, 1)), aqi::CalendarNotAvailable);
}

TEST(HolidayCalendar, FilesAreChecked) {
  // 2030-01-07 is a Monday; the array's first element is on line 14, column 20.
  EXPECT_THROW_MSG(aqi::HolidayYear::parse(with_makeup("2030-01-07"), "t.toml"), aqi::ParseError,
                   "t.toml:14:20: 元旦: make-up working day 2030-01-07 is a Monday; make-up days are Saturdays or "
                   "Sundays");
  EXPECT_THROW_MSG(aqi::HolidayYear::parse(with_makeup("2030-01-01"), "t.toml"), aqi::ParseError,
                   "t.toml:14:20: 2030-01-01 is listed twice (first at line 12)");
  EXPECT_THROW_MSG(aqi::HolidayYear::parse(with_makeup("2028-12-30"), "t.toml"), aqi::ParseError,
                   "t.toml:14:20: 2028-12-30 is outside the notice's year (2029-12-01 … 2030-12-31)");
  std::string wrong_total = with_makeup("2030-01-05");
  wrong_total.replace(wrong_total.find("total_days_off = 1"), 18, "total_days_off = 2");
  EXPECT_THROW_MSG(aqi::HolidayYear::parse(wrong_total, "t.toml"), aqi::ParseError,
                   "t.toml:7:18: 'total_days_off' must equal the days off of all holidays (1)");
  auto years = cal().years();
  years.push_back(years.back());
  EXPECT_THROW_MSG(aqi::HolidayCalendar{years}, aqi::InvalidArgument, "holiday calendar: two notices for 2026");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Holiday files" (SPEC D2).

namespace {
// days_off's `[` is at 12:12, declared_days's value at 13:17, the [[holiday]] header on line 9.
std::string holiday_text(const std::string& days_off = "[2030-01-01]", int declared = 1, int total = 1,
                         const std::string& extra = "") {
  return "year = 2030\nnotice = \"n\"\nnotice_number = \"x\"\nnotice_date = 2029-11-01\nrevisions = []\n"
         "sources = []\ntotal_days_off = " +
         std::to_string(total) +
         "\n\n[[holiday]]\nname_zh = \"元旦\"\nname_en = \"New Year's Day\"\ndays_off = " + days_off +
         "\ndeclared_days = " + std::to_string(declared) + "\nmakeup_workdays = []\nnote = \"\"\n" + extra;
}
}  // namespace

TEST(HolidayYear, FileErrorsNameLineAndColumn) {
  using aqi::HolidayYear;
  EXPECT_EQ(HolidayYear::parse(holiday_text(), "t.toml").holidays.size(), 1u);
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01]", 2), "t.toml"), aqi::ParseError,
                   "t.toml:13:17: 元旦: 'declared_days' must equal the number of days off (1)");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01, 2030-01-03]", 2, 2), "t.toml"), aqi::ParseError,
                   "t.toml:12:12: 元旦: days off must be consecutive and sorted (2030-01-01, then 2030-01-03)");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[]", 0, 0), "t.toml"), aqi::ParseError,
                   "t.toml:9:1: 元旦: a holiday needs at least one day off");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01]", 1, 1, "region = \"x\"\n"), "t.toml"),
                   aqi::ParseError, "t.toml:16:1: unknown key 'region'");
  std::string old_year = holiday_text();
  old_year.replace(0, 11, "year = 1800");
  EXPECT_THROW_MSG(HolidayYear::parse(old_year, "t.toml"), aqi::ParseError,
                   "t.toml:1:8: 'year' must be a year (e.g. 2020)");
  std::string text_date = holiday_text();
  text_date.replace(text_date.find("2029-11-01"), 10, "\"2029-11-01\"");
  EXPECT_THROW_MSG(HolidayYear::parse(text_date, "t.toml"), aqi::ParseError,
                   "t.toml:4:15: expected a date (YYYY-MM-DD)");
  std::string ancient = holiday_text();
  ancient.replace(ancient.find("2029-11-01"), 10, "0001-01-01");
  EXPECT_THROW_MSG(HolidayYear::parse(ancient, "t.toml"), aqi::ParseError,
                   "t.toml:4:15: 0001-01-01 is before 1400-01-01, the earliest date libaqi handles");
  EXPECT_THROW_MSG(HolidayYear::load("/nonexistent/2030.toml"), aqi::FileNotFound,
                   "/nonexistent/2030.toml: no such file or it cannot be read");
  // Two notices giving the same date (2031's may list the end of December 2030).
  std::string y2031 = holiday_text("[2030-12-31]");
  y2031.replace(0, 11, "year = 2031");
  std::vector<HolidayYear> years{HolidayYear::parse(holiday_text("[2030-12-31]"), "a.toml"),
                                 HolidayYear::parse(y2031, "b.toml")};
  EXPECT_THROW_MSG(aqi::HolidayCalendar{years}, aqi::InvalidArgument,
                   "holiday calendar: 2030-12-31 is in the notices for 2030 and 2031");
  EXPECT_THROW_MSG(aqi::builtin_holiday_calendar().working_days_after(date(2019, 12, 2), 0), aqi::InvalidArgument,
                   "working_days_after: n must be at least 1 (got 0)");
}

// The name()/parse_day_kind() pair, with the notices' Chinese words.
TEST(HolidayCalendar, D2DayKindNames) {
  for (aqi::DayKind k : aqi::all_day_kinds) {
    EXPECT_EQ(aqi::parse_day_kind(aqi::name(k)), k);
    EXPECT_EQ(aqi::parse_day_kind(aqi::name_zh(k)), k);
  }
  EXPECT_EQ(aqi::parse_day_kind("make_up_working_day"), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(aqi::parse_day_kind("调休上班"), aqi::DayKind::makeup_working_day);
  EXPECT_EQ(aqi::parse_day_kind("Holiday"), aqi::DayKind::holiday);
  EXPECT_THROW_MSG(aqi::parse_day_kind("weekday"), aqi::UnknownName,
                   "unknown kind of day 'weekday'; expected one of: working day (工作日), weekend (休息日), "
                   "holiday (放假), make-up working day (调休上班)");
}

// The days a notice lists, by date: 2020's 春节 with the COVID-19 extension (国办发明电〔2020〕1号):
// Sun 01-19 worked, 01-24 … 02-02 off (10 days); Sat 02-01 no longer a make-up day.
TEST(HolidayCalendar, D2ListedDaysOfANotice) {
  std::vector<aqi::HolidayCalendar::ListedDay> spring;
  for (const auto& d : cal().listed_days(2020))
    if (d.holiday->name_zh == "春节") spring.push_back(d);
  ASSERT_EQ(spring.size(), 11u);
  EXPECT_EQ(spring.front().day, date(2020, 1, 19));
  EXPECT_EQ(spring.front().kind, aqi::DayKind::makeup_working_day);
  EXPECT_EQ(spring[1].day, date(2020, 1, 24));
  EXPECT_EQ(spring.back().day, date(2020, 2, 2));
  EXPECT_EQ(spring.back().kind, aqi::DayKind::holiday);
  EXPECT_EQ(spring.back().notice->notice_number, "国办发明电〔2019〕16号");
  const auto all = cal().listed_days();
  EXPECT_EQ(all.front().notice->year, 2015);
  for (std::size_t i = 1; i < all.size(); ++i) ASSERT_LT(all[i - 1].day, all[i].day);
  EXPECT_EQ(cal().year(2019).notice_number, "国办发明电〔2018〕15号");
  EXPECT_THROW_MSG(cal().listed_days(2030), aqi::UnknownName,
                   "no holiday calendar for 2030; the calendar has 2015–2016, 2019–2026");
}
