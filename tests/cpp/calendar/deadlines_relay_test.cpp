// SPEC D1 as revised (issue 13): the daily reports run from the receipt of a warning notice (its
// ISSUE) to its LIFT, whatever the response does; D2 follows the response periods. The seasons are
// relay runs (SPEC L8, L9); dates counted by hand on a printed calendar and the holiday notices.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi/calendar/deadlines.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

namespace {
using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;
using boost::posix_time::seconds;

ptime at(int y, int m, int d, int h, int mi = 0) { return ptime(date(y, m, d), hours(h) + minutes(mi)); }
ptime end_of(int y, int m, int d) { return ptime(date(y, m, d), hours(23) + minutes(59) + seconds(59)); }

aqi::Order order(ptime issued, aqi::EventType e, int level, ptime start, std::string doc_no = "") {
  return {issued, e, level, start, ptime(), std::move(doc_no), ""};
}

aqi::SeasonResult relay(std::vector<aqi::Order> orders) {
  aqi::SeasonOptions o;
  o.orders = std::move(orders);
  return aqi::run_season({}, aqi::yiyuan_2019(), o);
}

std::vector<aqi::Deadline> of_kind(const std::vector<aqi::Deadline>& all, aqi::DeadlineKind k) {
  std::vector<aqi::Deadline> out;
  for (const auto& d : all)
    if (d.kind == k) out.push_back(d);
  return out;
}

std::vector<aqi::Deadline> reports(int season, const aqi::SeasonResult& r) {
  return of_kind(aqi::deadline_calendar(season, r.warnings, r.periods), aqi::DeadlineKind::daily_report);
}
}  // namespace

// D1: yellow received Mon 2019-12-09 10:00, its response from Wed 12-11 00:00; UPGRADE to orange
// Tue 12-10 16:00 (at once); LIFT Thu 12-12 09:00. Reports at 15:00 on 12-09 (before 15:00 on the
// day of receipt, the response not yet begun), 12-10 and 12-11 — the UPGRADE adds none and does
// not restart the count; 12-12 15:00 is after the lift.
TEST(DeadlinesRelay, D1FromTheNoticeReceivedBefore15) {
  const auto r = relay({order(at(2019, 12, 9, 10), aqi::EventType::issue, 1, at(2019, 12, 11, 0), "第1期"),
                        order(at(2019, 12, 10, 16), aqi::EventType::upgrade, 2, at(2019, 12, 10, 16), "第2期"),
                        order(at(2019, 12, 12, 9), aqi::EventType::lift, 0, at(2019, 12, 12, 9), "第3期")});
  const auto d1 = reports(2019, r);
  ASSERT_EQ(d1.size(), 3u);
  EXPECT_EQ(d1[0].due, at(2019, 12, 9, 15));
  EXPECT_EQ(d1[1].due, at(2019, 12, 10, 15));
  EXPECT_EQ(d1[2].due, at(2019, 12, 11, 15));
  EXPECT_EQ(d1[2].day, 3);
  EXPECT_EQ(d1[0].warning, 0u);
  EXPECT_EQ(d1[0].period, 0u);  // the warning's response period (the UPGRADE began it at 12-10 16:00)
  EXPECT_EQ(d1[0].what, "daily progress report, day 1 since the warning notice received 2019-12-09 10:00 (第1期)");
  // D2 follows the response: after Thu 12-12, Fri 12-13 (1), Mon 12-16 (2), Tue 12-17 (3).
  const auto d2 = of_kind(aqi::deadline_calendar(2019, r.warnings, r.periods), aqi::DeadlineKind::response_summary);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].due, end_of(2019, 12, 17));
}

// D1: a notice received after 15:00 (16:30) reports first the next day; one received at 15:00
// exactly too ("strictly after the receipt").
TEST(DeadlinesRelay, D1FromTheNoticeReceivedAfter15) {
  for (const ptime issued : {at(2019, 12, 9, 16, 30), at(2019, 12, 9, 15)}) {
    SCOPED_TRACE(issued.time_of_day().hours());
    const auto r = relay({order(issued, aqi::EventType::issue, 1, at(2019, 12, 10, 0)),
                          order(at(2019, 12, 11, 12), aqi::EventType::lift, 0, at(2019, 12, 11, 12))});
    const auto d1 = reports(2019, r);
    ASSERT_EQ(d1.size(), 1u);
    EXPECT_EQ(d1[0].due, at(2019, 12, 10, 15));
    EXPECT_EQ(d1[0].day, 1);
  }
}

// D1, L2: a warning lifted before its response began still owed its reports — yellow received
// 12-01 10:00 from 12-03 00:00, lifted 12-02 14:00: one report, 12-01 15:00, belonging to no
// response period; no D2 summary (there was no response).
TEST(DeadlinesRelay, D1AWarningLiftedBeforeItsResponseStillReported) {
  const auto r = relay({order(at(2019, 12, 1, 10), aqi::EventType::issue, 1, at(2019, 12, 3, 0)),
                        order(at(2019, 12, 2, 14), aqi::EventType::lift, 0, at(2019, 12, 2, 14))});
  const auto all = aqi::deadline_calendar(2019, r.warnings, r.periods);
  const auto d1 = of_kind(all, aqi::DeadlineKind::daily_report);
  ASSERT_EQ(d1.size(), 1u);
  EXPECT_EQ(d1[0].due, at(2019, 12, 1, 15));
  EXPECT_EQ(d1[0].period, aqi::Deadline::no_period);
  EXPECT_TRUE(of_kind(all, aqi::DeadlineKind::response_summary).empty());
}

// D1, D2: orange received Sun 2025-12-28 10:00, responding from Mon 12-29 00:00, lifted Wed 12-31
// 11:00 — the last day of the year. Reports 12-28, 12-29, 12-30 at 15:00. The summary counts
// across New Year 2026 (off Thu 01-01 … Sat 01-03, the notice of 2025) and its make-up working
// Sunday 01-04: Sun 01-04 (1), Mon 01-05 (2), Tue 01-06 (3) → the end of 2026-01-06.
TEST(DeadlinesRelay, D2ALiftOnNewYearsEveCountsTheHolidayAndItsMakeUpSunday) {
  const auto r = relay({order(at(2025, 12, 28, 10), aqi::EventType::issue, 2, at(2025, 12, 29, 0), "2025—2026年第3期"),
                        order(at(2025, 12, 31, 11), aqi::EventType::lift, 0, at(2025, 12, 31, 11))});
  const auto all = aqi::deadline_calendar(2025, r.warnings, r.periods);
  const auto d1 = of_kind(all, aqi::DeadlineKind::daily_report);
  ASSERT_EQ(d1.size(), 3u);
  EXPECT_EQ(d1[0].due, at(2025, 12, 28, 15));
  EXPECT_EQ(d1[2].due, at(2025, 12, 30, 15));
  const auto d2 = of_kind(all, aqi::DeadlineKind::response_summary);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].due, end_of(2026, 1, 6));
}

// The warnings table is checked as the response periods are: named by its row.
TEST(DeadlinesRelay, D1BadWarningsAreNamed) {
  std::vector<aqi::WarningPeriod> w(1);
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, w, {}), aqi::InvalidValue, "warnings[0]: the issue time is missing");
  w[0].issued = at(2019, 12, 2, 10);
  w[0].lifted = at(2019, 12, 1, 10);
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, w, {}), aqi::InvalidValue,
                   "warnings[0]: ends (2019-12-01 10:00) before it starts (2019-12-02 10:00)");
  w[0].lifted = at(2019, 12, 3, 10);
  w[0].period = 0;
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, w, {}), aqi::InvalidValue,
                   "warnings[0]: its response period 0 is not in the table");
}
