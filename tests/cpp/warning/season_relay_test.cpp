// The season in relay mode — SPEC L7–L11: the superior command's orders decide; each order's
// response holds from its response start (L9); the county's forecast is advice (L10); the
// superior's lead time (L11). Every expected value is derived by hand from the orders.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi/warning/season.hpp"
#include "test_support.hpp"

using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::ptime;

namespace {

ptime at(int month, int day, int hour, int year = 2019) { return ptime(date(year, month, day), hours(hour)); }

aqi::Order order(ptime issued, aqi::EventType event, int level, ptime start = ptime(), std::string doc_no = "") {
  return {issued, event, level, start.is_special() ? issued : start, ptime(), std::move(doc_no), "淄博市"};
}

aqi::SeasonResult relay(std::vector<aqi::Order> orders, std::vector<aqi::DailyForecast> forecasts = {}) {
  aqi::SeasonOptions o;
  o.orders = std::move(orders);
  return aqi::run_season(forecasts, aqi::yiyuan_2019(), o);
}

}  // namespace

// L8, L9, L11: an orange order issued 12-26 10:00 whose response starts 48 h later, 12-28 10:00
// (as Zibo's of 2025-12-26), lifted 12-31 11:00. The warning is in force from the 26th, the
// Level II response from the 28th 10:00 to the lift: 3 days and 1 hour = 73 h. Lead 48 h: not short.
TEST(Relay, L9ResponseStarts48HoursAfterIssue) {
  const auto r = relay({order(at(12, 26, 10), aqi::EventType::issue, 2, at(12, 28, 10), "2019—2020年第3期"),
                        order(at(12, 31, 11), aqi::EventType::lift, 0)});
  EXPECT_EQ(r.mode, aqi::SeasonMode::relay);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].lead_hours, 48);
  EXPECT_FALSE(r.events[0].short_lead);
  EXPECT_EQ(r.events[0].response_from, at(12, 28, 10));
  EXPECT_EQ(r.events[0].doc_no, "2019—2020年第3期");
  EXPECT_EQ(r.events[0].order, 0);
  EXPECT_EQ(r.events[0].county_level, -1);  // no forecast of the county
  EXPECT_EQ(r.events[0].comparison, aqi::Comparison::none);
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].start, at(12, 28, 10));
  EXPECT_EQ(r.periods[0].end, at(12, 31, 11));
  EXPECT_EQ(r.periods[0].highest, aqi::ResponseLevel::II);
  EXPECT_EQ(r.periods[0].level, 2);
  EXPECT_EQ(r.periods[0].doc_no, "2019—2020年第3期");
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::II), 73);
  ASSERT_EQ(r.days.size(), 6u);  // 12-26 … 12-31
  EXPECT_EQ(r.warning_days[2], 6);
  EXPECT_EQ(r.days[1].response, aqi::ResponseLevel::none);  // 12-27: warned, not yet responding
  EXPECT_EQ(r.days[2].response, aqi::ResponseLevel::II);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].issued, at(12, 26, 10));
  EXPECT_EQ(r.warnings[0].lifted, at(12, 31, 11));
  EXPECT_EQ(r.warnings[0].period, 0u);
  EXPECT_EQ(r.flaps, 0);
}

// L9: an UPGRADE issued before the ISSUE's response start. Yellow ordered 12-01 09:00 from 12-03
// 00:00; orange ordered 12-02 15:00 from 12-02 20:00 — before the yellow start, so yellow never
// holds: one period 12-02 20:00 → the lift 12-05 12:00 (64 h) at II, begun by the UPGRADE.
// With the orange start after the yellow one (12-04 08:00), yellow holds 12-03 00:00 → 12-04 08:00
// (32 h) and orange until the lift (28 h), one period begun by the ISSUE.
TEST(Relay, L9UpgradeBeforeTheIssuesResponseStart) {
  auto r = relay({order(at(12, 1, 9), aqi::EventType::issue, 1, at(12, 3, 0), "第1期"),
                  order(at(12, 2, 15), aqi::EventType::upgrade, 2, at(12, 2, 20), "第2期"),
                  order(at(12, 5, 12), aqi::EventType::lift, 0, ptime(), "第3期")});
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].start, at(12, 2, 20));
  EXPECT_EQ(r.periods[0].end, at(12, 5, 12));
  EXPECT_EQ(r.periods[0].highest, aqi::ResponseLevel::II);
  EXPECT_EQ(r.periods[0].doc_no, "第2期");
  EXPECT_EQ(r.response_hours.size(), 1u);  // no Level III hour
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::II), 64);
  EXPECT_EQ(r.events[1].lead_hours, 5);  // L11: 15:00 → 20:00
  EXPECT_TRUE(r.events[1].short_lead);
  EXPECT_EQ(r.events[1].note, "issued 5 h before its response start, under the 24 h minimum (SPEC L11)");

  r = relay({order(at(12, 1, 9), aqi::EventType::issue, 1, at(12, 3, 0), "第1期"),
             order(at(12, 2, 15), aqi::EventType::upgrade, 2, at(12, 4, 8), "第2期"),
             order(at(12, 5, 12), aqi::EventType::lift, 0, ptime(), "第3期")});
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].start, at(12, 3, 0));
  EXPECT_EQ(r.periods[0].highest, aqi::ResponseLevel::II);
  EXPECT_EQ(r.periods[0].doc_no, "第1期");
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::III), 32);
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::II), 28);
  EXPECT_EQ(r.days[2].response, aqi::ResponseLevel::III);  // 12-03
  EXPECT_EQ(r.days[3].response, aqi::ResponseLevel::II);   // 12-04 from 08:00
}

// L2, L9: a warning lifted before any response began — yellow ordered 12-01 10:00 from 12-03
// 00:00, lifted 12-02 14:00. No response period, no response hour; the LIFT says why; a new
// ISSUE 12-03 09:00 (from 12-04 00:00: 15 h ahead, L11) is 19 h after the lift: a flap (L12).
TEST(Relay, L2LiftBeforeAnyResponseBegan) {
  const auto r = relay({order(at(12, 1, 10), aqi::EventType::issue, 1, at(12, 3, 0)),
                        order(at(12, 2, 14), aqi::EventType::lift, 0),
                        order(at(12, 3, 9), aqi::EventType::issue, 1, at(12, 4, 0))});
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].period, aqi::WarningPeriod::no_period);
  EXPECT_EQ(r.events[1].note, "lifted before the response began (SPEC L2)");
  EXPECT_EQ(r.events[2].note,
            "issued 15 h before its response start, under the 24 h minimum (SPEC L11); issued 19 h after the lift of "
            "2019-12-02 14:00: a flap (SPEC L12)");
  EXPECT_EQ(r.flaps, 1);
  ASSERT_EQ(r.periods.size(), 1u);  // the second warning's, still in force at the end
  EXPECT_EQ(r.periods[0].start, at(12, 4, 0));
  EXPECT_TRUE(r.periods[0].end.is_not_a_date_time());
  EXPECT_EQ(r.warnings[1].period, 0u);
  EXPECT_EQ(r.days[1].response, aqi::ResponseLevel::none);  // 12-02
  EXPECT_EQ(r.days[1].warning, 1);
}

// L10: the county's forecast of 12-25 16:00 gives 250 on 12-28, 12-29, 12-30 — orange (> 200
// for 3 days), the run starting 56 h ahead (within the 72 h horizon, L12) — and no order has come:
// advice. The city's yellow order of 12-26 10:00 (from 12-27 00:00) is weaker than that forecast
// (L10, as L6). The forecast of 12-26 16:00 still gives orange from 12-28: advice again, beside
// the yellow order.
TEST(Relay, L10AdviceWhenTheCountysForecastMeetsOrangeAndNoOrderHasCome) {
  const std::vector<aqi::DailyForecast> f{{date(2019, 12, 25), date(2019, 12, 26), {150, 150, 250, 250, 250}},
                                          {date(2019, 12, 26), date(2019, 12, 27), {150, 250, 250, 250}}};
  const auto r = relay({order(at(12, 26, 10), aqi::EventType::issue, 1, at(12, 27, 0))}, f);
  ASSERT_EQ(r.advice.size(), 2u);
  EXPECT_EQ(r.advice[0].time, at(12, 25, 16));
  EXPECT_EQ(r.advice[0].forecast_level, 2);
  EXPECT_EQ(r.advice[0].order_level, 0);
  EXPECT_EQ(r.advice[0].first, date(2019, 12, 28));
  EXPECT_EQ(r.advice[0].note, "forecast meets orange from 2019-12-28; no order received (SPEC L10)");
  EXPECT_EQ(r.advice[1].note, "forecast meets orange from 2019-12-28; the orders keep yellow in force (SPEC L10)");
  EXPECT_EQ(r.events[0].county_level, 2);
  EXPECT_EQ(r.events[0].comparison, aqi::Comparison::weaker);
  EXPECT_EQ(r.days[0].forecast_level, 2);  // 12-25: the county's level
}

// L10, L12: a run the county's forecast sees beyond the 72 h horizon gives no advice — issued
// 12-25 16:00, the orange run from 12-29 00:00 is 80 h ahead.
TEST(Relay, L10NoAdviceBeyondTheHorizon) {
  const std::vector<aqi::DailyForecast> f{{date(2019, 12, 25), date(2019, 12, 26), {150, 150, 150, 250, 250, 250}}};
  aqi::SeasonOptions o;
  o.mode = aqi::SeasonMode::relay;  // no order came: the forecasts give advice only
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), o);
  EXPECT_TRUE(r.advice.empty());
  EXPECT_TRUE(r.events.empty());
}

// L7: the modes and what each takes.
TEST(Relay, L7ModesRefuseTheOthersInputs) {
  const auto& y = aqi::yiyuan_2019();
  aqi::SeasonOptions o;
  o.orders = {order(at(12, 1, 10), aqi::EventType::issue, 1)};
  o.mode = aqi::SeasonMode::forecast;
  const std::vector<aqi::DailyForecast> f{{date(2019, 12, 1), date(2019, 12, 2), {100}}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument,
                   "run_season: orders are relayed in relay mode; forecast mode applies the rules to the forecasts "
                   "(SPEC L7)");
  o.mode.reset();
  o.imposed = {{at(12, 1, 12), aqi::EventType::lift, 0}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument,
                   "run_season: imposed events belong to forecast mode (SPEC L6); in relay mode every warning is an "
                   "order of the superior command (SPEC L7–L9): give them as orders");
  o = {};
  o.mode = aqi::SeasonMode::relay;
  EXPECT_THROW_MSG(aqi::run_season({}, y, o), aqi::InvalidArgument,
                   "run_season: no forecasts and no orders: nothing to run");
  EXPECT_EQ(aqi::parse_season_mode("relay"), aqi::SeasonMode::relay);
  EXPECT_THROW_MSG(aqi::parse_season_mode("auto"), aqi::InvalidArgument,
                   "mode must be 'relay' or 'forecast', got 'auto'");
}
