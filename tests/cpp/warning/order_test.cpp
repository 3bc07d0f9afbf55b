// Orders of the superior command — SPEC L8: each cell and the sequence, every refusal naming the
// row and the column (CSV: file:line:column; in memory: column[row]).
#include <gtest/gtest.h>

#include <string>

#include "aqi/warning/order.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;

namespace {

const std::string header = "issued,event,level,response_start,expected_end,doc_no,issuer\n";

std::vector<aqi::Order> parse(const std::string& rows) {
  return aqi::parse_orders(header + rows, "o.csv", aqi::yiyuan_2019());
}

}  // namespace

// L8: the issue time, the event, the level by its English or Chinese name, the response start
// (absent or 立即: the issue time), the expected end, document number and issuer.
TEST(Orders, L8ReadsEveryField) {
  const auto o = parse(
      "2025-12-26 10:00,ISSUE,橙色,2025-12-28 10:00,2025-12-31 00:00,2025—2026年第3期,淄博市\n"
      "2025-12-29 09:30,UPGRADE,red,立即,,,\n"
      "2025-12-30 11:00,DOWNGRADE,orange,,,,\n"
      "2025-12-31 11:00,LIFT,,,,2025—2026年第4期,淄博市\n");
  ASSERT_EQ(o.size(), 4u);
  EXPECT_EQ(o[0].issued, ptime(date(2025, 12, 26), hours(10)));
  EXPECT_EQ(o[0].event, aqi::EventType::issue);
  EXPECT_EQ(o[0].level, 2);
  EXPECT_EQ(o[0].response_start, ptime(date(2025, 12, 28), hours(10)));
  EXPECT_EQ(o[0].lead_hours(), 48);  // L11: 26th 10:00 → 28th 10:00
  EXPECT_EQ(o[0].expected_end, ptime(date(2025, 12, 31)));
  EXPECT_EQ(o[0].doc_no, "2025—2026年第3期");
  EXPECT_EQ(o[0].issuer, "淄博市");
  EXPECT_EQ(o[1].response_start, ptime(date(2025, 12, 29), hours(9) + minutes(30)));  // 立即
  EXPECT_TRUE(o[1].expected_end.is_not_a_date_time());
  EXPECT_EQ(o[2].response_start, o[2].issued);  // empty: at once
  EXPECT_EQ(o[3].level, 0);
  EXPECT_EQ(o[3].response_start, o[3].issued);  // L9: a LIFT ends the response at its issue
}

// L8: every refused sequence and cell, naming the row (line) and the column.
TEST(Orders, L8RefusedSequencesNameTheRowAndColumn) {
  EXPECT_THROW_MSG(parse("2019-12-02 10:00,ISSUE,yellow,,,,\n2019-12-01 10:00,LIFT,,,,,\n"), aqi::ParseError,
                   "o.csv:3:1: column 'issued': orders must be in time order: 2019-12-01 10:00 comes after "
                   "2019-12-02 10:00");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,orange,,,,\n2019-12-02 10:00,UPGRADE,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:3:3: column 'level': an UPGRADE to yellow does not raise the orange warning in force "
                   "since 2019-12-01 10:00");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,,,,\n2019-12-02 10:00,DOWNGRADE,orange,,,,\n"), aqi::ParseError,
                   "o.csv:3:3: column 'level': a DOWNGRADE to orange does not lower the yellow warning in force "
                   "since 2019-12-01 10:00");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,LIFT,none,,,,\n"), aqi::ParseError,
                   "o.csv:2:2: column 'event': a LIFT with no warning in force");
  // An ISSUE over an active warning of a lower level is an UPGRADE written wrongly: refused.
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,,,,\n2019-12-02 10:00,ISSUE,orange,,,,\n"), aqi::ParseError,
                   "o.csv:3:2: column 'event': an ISSUE over the yellow warning in force since 2019-12-01 10:00; "
                   "an order that changes a warning in force is an UPGRADE or a DOWNGRADE (SPEC L8)");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,2019-12-01 08:00,,,\n"), aqi::ParseError,
                   "o.csv:2:4: column 'response_start': the response start 2019-12-01 08:00 is before the order's "
                   "issue 2019-12-01 10:00 (SPEC L8)");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,purple,,,,\n"), aqi::ParseError,
                   "o.csv:2:3: column 'level': unknown warning level 'purple' in rule set yiyuan-2019; expected one "
                   "of: none, yellow, orange, red");
  EXPECT_THROW_MSG(parse("2019-12-01 10,ISSUE,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:2:1: column 'issued': '2019-12-01 10' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse("2019-12-01T10:00,ISSUE,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:2:1: column 'issued': '2019-12-01T10:00' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,2019-12-02 24:00,,,\n"), aqi::ParseError,
                   "o.csv:2:4: column 'response_start': '2019-12-02 24:00' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse("2019-02-30 10:00,ISSUE,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:2:1: column 'issued': '2019-02-30 10:00' is not a time (YYYY-MM-DD HH:MM)");
}

// L8: the other refusals of one order — the level of a LIFT and of an ISSUE, the LIFT's times,
// an expected end before the response start, an unknown event.
TEST(Orders, L8OneOrdersOwnFields) {
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,,,,,\n"), aqi::ParseError,
                   "o.csv:2:3: column 'level': an ISSUE needs a warning level (none, yellow, orange, red)");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,,,,\n2019-12-02 10:00,LIFT,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:3:3: column 'level': a LIFT takes no level (empty or none), got 'yellow'");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,,,,\n2019-12-02 10:00,LIFT,,2019-12-02 12:00,,,\n"),
                   aqi::ParseError,
                   "o.csv:3:4: column 'response_start': a LIFT ends the response at its issue time (SPEC L9); leave "
                   "response_start empty, got 2019-12-02 12:00");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUE,yellow,2019-12-02 00:00,2019-12-01 20:00,,\n"), aqi::ParseError,
                   "o.csv:2:5: column 'expected_end': the expected end 2019-12-01 20:00 is not after the response "
                   "start 2019-12-02 00:00");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,ISSUED,yellow,,,,\n"), aqi::ParseError,
                   "o.csv:2:2: column 'event': unknown event 'ISSUED'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
  EXPECT_THROW_MSG(parse("2019-12-01 10:00,UPGRADE,red,,,,\n"), aqi::ParseError,
                   "o.csv:2:2: column 'event': an UPGRADE with no warning in force; a warning begins with an ISSUE");
}

// The header: required columns, no unknown column (a misspelt response_start would put every
// response on its issue), x_ columns are the analyst's; a file with only the required columns.
TEST(Orders, L8Columns) {
  const auto& y = aqi::yiyuan_2019();
  EXPECT_THROW_MSG(aqi::parse_orders("issued,event\n", "o.csv", y), aqi::ParseError,
                   "o.csv:1: missing column 'level' (expected issued, event, level and optionally response_start, "
                   "expected_end, doc_no, issuer)");
  EXPECT_THROW_MSG(aqi::parse_orders("issued,event,level,response_begin\n", "o.csv", y), aqi::ParseError,
                   "o.csv:1: unknown column 'response_begin'; expected issued, event, level, response_start, "
                   "expected_end, doc_no, issuer (columns of your own start with x_)");
  const auto o =
      aqi::parse_orders("issued,event,level,x_note\n2019-12-01 10:00,ISSUE,黄色,from the phone\n", "o.csv", y);
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].level, 1);
  EXPECT_EQ(o[0].response_start, o[0].issued);
  EXPECT_THROW_MSG(aqi::read_orders("/nonexistent/orders.csv", y), aqi::FileNotFound,
                   "/nonexistent/orders.csv: no such file or it cannot be read");
}

// Orders built in code are checked by run_season the same way, named column[row].
TEST(Orders, L8OrdersBuiltInCodeAreCheckedByTheSeason) {
  aqi::SeasonOptions o;
  const ptime t(date(2019, 12, 1), hours(10));
  o.orders = {{t, aqi::EventType::issue, 2, t, ptime(), "", ""},
              {t + hours(24), aqi::EventType::upgrade, 1, t + hours(24), ptime(), "", ""}};
  EXPECT_THROW_MSG(aqi::run_season({}, aqi::yiyuan_2019(), o), aqi::InvalidValue,
                   "level[1]: an UPGRADE to yellow does not raise the orange warning in force since 2019-12-01 10:00");
  o.orders[1] = {t + hours(24), aqi::EventType::upgrade, 4, t + hours(24), ptime(), "", ""};
  EXPECT_THROW_MSG(aqi::run_season({}, aqi::yiyuan_2019(), o), aqi::InvalidValue,
                   "level[1]: level 4 is not a level of rule set yiyuan-2019");
  o.orders[1] = {t + hours(24), aqi::EventType::lift, 0, t + hours(20), ptime(), "", ""};
  EXPECT_THROW_MSG(aqi::run_season({}, aqi::yiyuan_2019(), o), aqi::InvalidValue,
                   "response_start[1]: a LIFT ends the response at its issue time (SPEC L9); leave response_start "
                   "empty, got 2019-12-02 06:00");
}
