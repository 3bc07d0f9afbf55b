// SPEC D1–D4: the deadline calendar of a season run. Expected dates are counted by hand on a
// printed calendar (weekdays in the comments) and the holiday notices.
#include <gtest/gtest.h>

#include <vector>

#include "aqi/calendar/deadlines.hpp"
#include "test_support.hpp"

namespace {
using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;
using boost::posix_time::seconds;

ptime at(int y, int m, int d, int h, int mi = 0) { return ptime(date(y, m, d), hours(h) + minutes(mi)); }
ptime end_of(int y, int m, int d) { return ptime(date(y, m, d), hours(23) + minutes(59) + seconds(59)); }

std::vector<aqi::Deadline> of_kind(const std::vector<aqi::Deadline>& all, aqi::DeadlineKind k) {
  std::vector<aqi::Deadline> out;
  for (const auto& d : all)
    if (d.kind == k) out.push_back(d);
  return out;
}
}  // namespace

TEST(Deadlines, D1DailyAt15WhileInForceAndD2ThreeWorkingDays) {
  // Level II from Mon 2019-12-09 20:00 to Thu 12-12 09:00. In force at 15:00 on 12-10 and 12-11
  // only (12-09 15:00 is before the start, 12-12 15:00 after the lift).
  const std::vector<aqi::ResponsePeriod> p{{at(2019, 12, 9, 20), at(2019, 12, 12, 9), aqi::ResponseLevel::II}};
  const auto all = aqi::deadline_calendar(2019, p);
  const auto d1 = of_kind(all, aqi::DeadlineKind::daily_report);
  ASSERT_EQ(d1.size(), 2u);
  EXPECT_EQ(d1[0].due, at(2019, 12, 10, 15));
  EXPECT_EQ(d1[1].due, at(2019, 12, 11, 15));
  EXPECT_EQ(d1[1].day, 2);
  EXPECT_EQ(d1[0].rule, "D1");
  EXPECT_EQ(d1[1].what, "daily progress report, day 2 of the Level II response from 2019-12-09 20:00");
  EXPECT_EQ(d1[0].who_zh, "各镇政府、街道办事处、开发区管委会和县直有关部门单位");
  EXPECT_EQ(d1[0].submit_to_zh, "县重污染天气应急指挥部办公室");
  // D2: after Thu 12-12: Fri 12-13 (1), Mon 12-16 (2), Tue 12-17 (3); due at the end of that day.
  const auto d2 = of_kind(all, aqi::DeadlineKind::response_summary);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].due, end_of(2019, 12, 17));
  EXPECT_EQ(d2[0].rule, "D2");
  EXPECT_EQ(d2[0].what,
            "response summary report (measures, results, problems, improvements) for the Level II response "
            "2019-12-09 20:00 … 2019-12-12 09:00 (3 working days after it ended)");
  // D4: sorted by due time — the two reports, the summary, then the yearly deadlines (D3).
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].kind, aqi::DeadlineKind::daily_report);
  EXPECT_EQ(all[2].kind, aqi::DeadlineKind::response_summary);
  EXPECT_EQ(all[3].kind, aqi::DeadlineKind::plan_assessment);
  EXPECT_EQ(all[4].kind, aqi::DeadlineKind::list_revision);
}

TEST(Deadlines, D1ReportsOnHolidaysAndD2CountsTheMakeUpSaturday) {
  // From Sat 2019-10-05 08:00 (a National Day holiday) to Thu 10-10 10:00: reports at 15:00 on
  // 10-05 … 10-09 (five; holidays included). Summary: Fri 10-11 (1), Sat 10-12 worked (2),
  // Mon 10-14 (3).
  const std::vector<aqi::ResponsePeriod> p{{at(2019, 10, 5, 8), at(2019, 10, 10, 10), aqi::ResponseLevel::III}};
  const auto all = aqi::deadline_calendar(2019, p);
  const auto d1 = of_kind(all, aqi::DeadlineKind::daily_report);
  ASSERT_EQ(d1.size(), 5u);
  EXPECT_EQ(d1.front().due, at(2019, 10, 5, 15));
  EXPECT_EQ(d1.back().due, at(2019, 10, 9, 15));
  EXPECT_EQ(of_kind(all, aqi::DeadlineKind::response_summary)[0].due, end_of(2019, 10, 14));
}

TEST(Deadlines, D2SpringFestivalWeekAndThe2020Extension) {
  // Ends Fri 2019-02-01 (season 2018): Sat 02-02 (1) and Sun 02-03 (2) worked, 02-04 … 02-10 off,
  // Mon 02-11 (3).
  const std::vector<aqi::ResponsePeriod> a{{at(2019, 1, 30, 12), at(2019, 2, 1, 12), aqi::ResponseLevel::III}};
  EXPECT_EQ(of_kind(aqi::deadline_calendar(2018, a), aqi::DeadlineKind::response_summary)[0].due, end_of(2019, 2, 11));
  // Ends Wed 2020-01-22: Thu 01-23 (1), 01-24 … 02-02 off (the extension), Mon 02-03 (2),
  // Tue 02-04 (3).
  const std::vector<aqi::ResponsePeriod> b{{at(2020, 1, 20, 12), at(2020, 1, 22, 18), aqi::ResponseLevel::I}};
  EXPECT_EQ(of_kind(aqi::deadline_calendar(2019, b), aqi::DeadlineKind::response_summary)[0].due, end_of(2020, 2, 4));
}

TEST(Deadlines, D1TheLiftInstantIsNotInForce) {
  // From 12-09 15:00 to 12-10 15:00: in force at 12-09 15:00, lifted at 12-10 15:00: one report.
  const std::vector<aqi::ResponsePeriod> p{{at(2019, 12, 9, 15), at(2019, 12, 10, 15), aqi::ResponseLevel::III}};
  EXPECT_EQ(of_kind(aqi::deadline_calendar(2019, p), aqi::DeadlineKind::daily_report).size(), 1u);
}

TEST(Deadlines, D4StillInForceAtTheEndOfTheData) {
  // From Mon 2020-03-30 10:00, not lifted: season 2019's data ends 2020-04-01 00:00, so reports on
  // 03-30 and 03-31; the summary's due time is not known yet and comes last.
  const std::vector<aqi::ResponsePeriod> p{{at(2020, 3, 30, 10), ptime(), aqi::ResponseLevel::III}};
  const auto all = aqi::deadline_calendar(2019, p);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].due, at(2020, 3, 30, 15));
  EXPECT_EQ(all[1].due, at(2020, 3, 31, 15));
  EXPECT_TRUE(all.back().due.is_not_a_date_time());
  EXPECT_EQ(all.back().what,
            "response summary report (measures, results, problems, improvements) for the Level III response from "
            "2020-03-30 10:00, still in force at 2020-04-01 00:00: due 3 working days after it ends");
  aqi::DeadlineOptions o;
  o.data_end = at(2020, 3, 31, 12);  // the data ends before 03-31 15:00: one report
  EXPECT_EQ(of_kind(aqi::deadline_calendar(2019, p, o), aqi::DeadlineKind::daily_report).size(), 1u);
}

TEST(Deadlines, D3YearlyDatesOfTheSeason) {
  // Season 2019 (2019-10-01 … 2020-03-31): assessment by 2020-05-31, list revision by 2020-09-30.
  const auto all = aqi::deadline_calendar(2019, {});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].due, end_of(2020, 5, 31));
  EXPECT_EQ(all[0].rule, "D3");
  EXPECT_EQ(all[0].what, "assessment of the plan's effectiveness and practicability, yearly, after season 2019–2020");
  EXPECT_EQ(all[1].due, end_of(2020, 9, 30));
  EXPECT_EQ(all[1].what_zh, "应急减排清单更新修订");
  // On request, a date on a day off moves back: 2020-05-31 is a Sunday → Fri 05-29;
  // Wed 2020-09-30 is a working day and stays.
  aqi::DeadlineOptions o;
  o.yearly_on_working_day = true;
  const auto moved = aqi::deadline_calendar(2019, {}, o);
  EXPECT_EQ(moved[0].due, end_of(2020, 5, 29));
  EXPECT_EQ(moved[0].what,
            "assessment of the plan's effectiveness and practicability, yearly, after season 2019–2020; moved from "
            "2020-05-31 (Sunday) to the last working day before it");
  EXPECT_EQ(moved[1].due, end_of(2020, 9, 30));
}

TEST(Deadlines, Errors) {
  const std::vector<aqi::ResponsePeriod> reversed{{at(2019, 12, 2, 10), at(2019, 12, 1, 10), aqi::ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, reversed), aqi::InvalidValue,
                   "response_periods[0]: ends (2019-12-01 10:00) before it starts (2019-12-02 10:00)");
  const std::vector<aqi::ResponsePeriod> no_start{{ptime(), at(2019, 12, 1, 10), aqi::ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, no_start), aqi::InvalidValue,
                   "response_periods[0]: the start is missing");
  // D2 of a response ending Mon 2026-12-28 counts from Tue 12-29, which needs the 2027 notice.
  const std::vector<aqi::ResponsePeriod> late{{at(2026, 12, 26, 10), at(2026, 12, 28, 10), aqi::ResponseLevel::III}};
  EXPECT_THROW_MSG(
      aqi::deadline_calendar(2026, late), aqi::CalendarNotAvailable,
      "no holiday calendar for 2027, needed for 2026-12-29 (the last days of December depend on the next "
      "year's New Year holiday); the calendar has 2015–2016, 2019–2026; add 2027.toml from the State Council notice "
      "国务院办公厅关于2027年部分节假日安排的通知 (libaqi/rules/holidays/README.md)");
  EXPECT_THROW_MSG(aqi::deadline_rules("beijing"), aqi::UnknownName,
                   "unknown deadline rules 'beijing'; expected one of: yiyuan-2019");
}

TEST(Deadlines, SeasonOfADate) {
  EXPECT_EQ(aqi::season_of(date(2019, 10, 1)), 2019);
  EXPECT_EQ(aqi::season_of(date(2020, 3, 31)), 2019);
  EXPECT_EQ(aqi::season_of(date(2020, 6, 30)), 2019);
  EXPECT_EQ(aqi::season_of(date(2020, 7, 1)), 2020);
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Deadline rules TOML" (SPEC D1–D3).

namespace {
// 30 lines: [daily_report] on 5 (time on 7), [response_summary] on 13 (working_days on 15),
// [[yearly]] on 21 (kind 23, month 24, day 25).
std::string deadline_rules_text(int line, const std::string& replacement) {
  std::vector<std::string> lines{"id = \"t\"",
                                 "document = \"d\"",
                                 "submit_to_zh = \"z\"",
                                 "submit_to_en = \"e\"",
                                 "[daily_report]",
                                 "rule = \"D1\"",
                                 "time = 15:00:00",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\"",
                                 "[response_summary]",
                                 "rule = \"D2\"",
                                 "working_days = 3",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\"",
                                 "[[yearly]]",
                                 "rule = \"D3\"",
                                 "kind = \"plan_assessment\"",
                                 "month = 5",
                                 "day = 31",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\""};
  if (line > 0) lines[static_cast<std::size_t>(line - 1)] = replacement;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}
}  // namespace

TEST(DeadlineRules, FileErrorsNameLineAndColumn) {
  using aqi::DeadlineRules;
  EXPECT_EQ(DeadlineRules::parse(deadline_rules_text(0, ""), "d.toml").summary_working_days, 3);
  EXPECT_THROW_MSG(DeadlineRules::parse("phone = 1\n" + deadline_rules_text(0, ""), "d.toml"), aqi::ParseError,
                   "d.toml:1:1: unknown key 'phone'");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(8, "hour = 15"), "d.toml"), aqi::ParseError,
                   "d.toml:8:1: unknown key 'hour'");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(7, "time = \"15:00\""), "d.toml"), aqi::ParseError,
                   "d.toml:7:8: 'time' must be a time of day (e.g. 15:00:00)");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(15, "working_days = 0"), "d.toml"), aqi::ParseError,
                   "d.toml:15:16: 'working_days' must be a whole number from 1 to 366");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(23, "kind = \"assessment\""), "d.toml"), aqi::ParseError,
                   "d.toml:23:8: unknown yearly deadline kind 'assessment'; expected plan_assessment or list_revision");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(24, "month = 13"), "d.toml"), aqi::ParseError,
                   "d.toml:24:9: 'month' must be 1 to 12");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(24, "month = 4"), "d.toml"), aqi::ParseError,
                   "d.toml:25:7: 'day' is not a day of month 4");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(6, "rule = 1"), "d.toml"), aqi::ParseError,
                   "d.toml:6:8: 'rule' must be a string");
  EXPECT_THROW_MSG(DeadlineRules::load("/nonexistent/d.toml"), aqi::FileNotFound,
                   "/nonexistent/d.toml: no such file or it cannot be read");
}

// Found writing this matrix: rules built in code skip the file's checks, and a month 13 escaped
// deadline_calendar as Boost's std::out_of_range.
TEST(DeadlineRules, BuiltInCodeIsCheckedToo) {
  aqi::DeadlineRules r = aqi::deadline_rules();
  r.yearly[0].month = 13;
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, {}, {}, aqi::builtin_holiday_calendar(), r), aqi::InvalidArgument,
                   "deadline rules yiyuan-2019: yearly[0] (D3) month 13, day 31 is not a day of the year");
  r = aqi::deadline_rules();
  r.summary_working_days = 0;
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, {}, {}, aqi::builtin_holiday_calendar(), r), aqi::InvalidArgument,
                   "deadline rules yiyuan-2019: summary_working_days must be at least 1 (got 0)");
}

// docs/errors.md, "Numeric entry points" (SPEC D1–D4).
TEST(Deadlines, SeasonAndPeriodsOutOfRange) {
  EXPECT_THROW_MSG(aqi::deadline_calendar(1800, {}), aqi::InvalidArgument,
                   "season must be a year, e.g. 2019 (got 1800)");
  const std::vector<aqi::ResponsePeriod> late{{ptime(date(2020, 5, 1), hours(0)), ptime(), aqi::ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, late), aqi::InvalidValue,
                   "response_periods[0]: still in force, but starts (2020-05-01 00:00) after the end of the data "
                   "(2020-04-01 00:00); pass the data's end");
  const std::vector<aqi::ResponsePeriod> endless{
      {ptime(date(2019, 12, 1), hours(0)), ptime(boost::posix_time::pos_infin), aqi::ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, endless), aqi::InvalidValue,
                   "response_periods[0]: the end is not a date and time");
}

// The name()/parse_deadline_kind() pair; D3's kinds are the yearly ones.
TEST(Deadlines, KindNames) {
  for (aqi::DeadlineKind k : aqi::all_deadline_kinds) EXPECT_EQ(aqi::parse_deadline_kind(aqi::name(k)), k);
  EXPECT_TRUE(aqi::is_yearly(aqi::DeadlineKind::plan_assessment));
  EXPECT_TRUE(aqi::is_yearly(aqi::DeadlineKind::list_revision));
  EXPECT_FALSE(aqi::is_yearly(aqi::DeadlineKind::daily_report));
  EXPECT_THROW_MSG(aqi::parse_deadline_kind("report"), aqi::UnknownName,
                   "unknown deadline kind 'report'; expected one of: daily_report, response_summary, plan_assessment, "
                   "list_revision");
}

// D4: where a run's data end, and which season a run is, when the caller does not say.
TEST(Deadlines, D4DataEndAndSeasonOfARun) {
  aqi::DeadlineOptions o;
  EXPECT_EQ(aqi::data_end_of(o, 2019), at(2020, 4, 1, 0));  // the end of the season
  o.last_day = date(2020, 3, 15);
  EXPECT_EQ(aqi::data_end_of(o, 2019), at(2020, 3, 16, 0));  // the midnight after the last day
  o.data_end = at(2020, 3, 10, 12);
  EXPECT_EQ(aqi::data_end_of(o, 2019), at(2020, 3, 10, 12));  // given
  const std::vector<aqi::ResponsePeriod> jan{{at(2020, 1, 15, 10), at(2020, 1, 17, 10), aqi::ResponseLevel::II}};
  EXPECT_EQ(aqi::season_of_run(date(2019, 10, 1), jan), 2019);
  EXPECT_EQ(aqi::season_of_run(date(), jan), 2019);  // 2020-01-15 belongs to the winter of 2019
  EXPECT_THROW_MSG(aqi::season_of_run(date(), {}), aqi::InvalidArgument,
                   "deadlines: cannot tell the season from an empty run; pass season=");
}
