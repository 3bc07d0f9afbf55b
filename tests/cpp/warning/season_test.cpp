// The warning lifecycle over a season — SPEC L1–L6. Each forecast is written out; the
// expected events follow from W4 and L1 by hand (issue at 16:00, daily input).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "aqi/warning/season.hpp"
#include "test_support.hpp"
#include "warning/daily_forecasts.hpp"

using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::ptime;

using namespace season_days;

// L1: issue, upgrade at once, lift on a forecast of none with the next 36 hours (two days) ≤ 200.
// SPEC L1 as revised (issue 13): while the warning is active its episode is classified whole —
// the run's elapsed days (no observations: the earlier forecasts of them) and the new forecast —
// so the orange episode from day 2 stands to its end. Before the revision day 3's forecast alone
// (yellow, the 2nd lower in a row) downgraded it: 4 events with DOWNGRADE yellow at day 3 16:00;
// now 3 events.
TEST(Season, L1Lifecycle) {
  std::vector<aqi::DailyForecast> f{
      fc(day(0), {150, 250, 250, 150}),  // yellow: days 2–3 > 200 → ISSUE yellow
      fc(day(1), {250, 250, 250, 150}),  // orange → UPGRADE at once
      fc(day(2), {250, 250, 150, 150}),  // day 2 (250, day 1's forecast) + 250, 250 → orange stands
      fc(day(3), {250, 250, 150}),       // days 2–3 (250, 250) + days 4–5 → 4 days > 200: orange stands
      fc(day(4), {250, 150, 150}),       // days 2–4 + day 5 (250) → orange stands
      fc(day(5), {150, 150, 150}),       // the run ended on day 5; none, next two days ≤ 200 → LIFT
  };
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].type, aqi::EventType::issue);
  EXPECT_EQ(r.events[0].level, 1);
  EXPECT_EQ(r.events[0].time, ptime(day(0), hours(16)));
  EXPECT_EQ(r.events[1].type, aqi::EventType::upgrade);
  EXPECT_EQ(r.events[1].level, 2);
  EXPECT_EQ(r.events[2].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[2].time, ptime(day(5), hours(16)));
  EXPECT_EQ(r.event_counts.at(aqi::EventType::issue), 1);
}

// L5: lead time from issue (16:00) to the first hour of the qualifying run; under 24 h is
// flagged. Issue day 0 for a run starting day 2: 32 h. Issue for a run starting tomorrow: 8 h.
TEST(Season, L5LeadTimes) {
  auto r = aqi::run_season({fc(day(0), {150, 250, 250})}, aqi::yiyuan_2019());
  EXPECT_EQ(r.events[0].lead_hours, 32);
  EXPECT_FALSE(r.events[0].short_lead);
  r = aqi::run_season({fc(day(0), {250, 250})}, aqi::yiyuan_2019());
  EXPECT_EQ(r.events[0].lead_hours, 8);
  EXPECT_TRUE(r.events[0].short_lead);
}

// L2, L3: the response runs from the first hour of the qualifying run (or the issue, if later)
// to the lift; warning days and response hours follow. Issue day 0 16:00 (run days 2–3: the
// response starts day 2 00:00); day 2's forecast is none but day 3 is 250 (no lift); day 3's is
// none with days 4–5 at 150 → lift day 3 16:00: 40 response hours at III; the warning is in
// force on days 0–3 (4 days).
TEST(Season, L2L3ResponsePeriodAndCounts) {
  std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250}), fc(day(1), {250, 250, 150}),
                                    fc(day(2), {250, 150, 150}), fc(day(3), {150, 150}), fc(day(4), {150, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[1].time, ptime(day(3), hours(16)));
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].start, ptime(day(2), hours(0)));
  EXPECT_EQ(r.periods[0].end, ptime(day(3), hours(16)));
  EXPECT_EQ(r.periods[0].highest, aqi::ResponseLevel::III);
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::III), 40);  // day 2 00:00 → day 3 16:00
  EXPECT_EQ(r.warning_days[1], 4);                              // days 0, 1, 2, 3
  EXPECT_EQ(r.days[1].response, aqi::ResponseLevel::none);      // warned, not yet responding
  EXPECT_EQ(r.days[2].response, aqi::ResponseLevel::III);
}

// L1 decision: the lift needs the next 36 hours ≤ 200 — a forecast of none whose first day is
// 210 (one day > 200 is no level) does not lift.
TEST(Season, L1NoLiftWhileTheNextDaysAreHigh) {
  std::vector<aqi::DailyForecast> f{fc(day(0), {250, 250}), fc(day(1), {210, 150}), fc(day(2), {150, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].time, ptime(day(2), hours(16)));
}

// L6: an imposed warning prevails: the county's own lift does not end it, and the log shows the
// county's level beside it.
TEST(Season, L6ImposedWarningsPrevail) {
  std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250}), fc(day(1), {150, 150}), fc(day(2), {150, 150}),
                                    fc(day(3), {150, 150})};
  aqi::SeasonOptions o;
  o.imposed = {{ptime(day(0), hours(20)), aqi::EventType::issue, 2},  // the city orders orange
               {ptime(day(2), hours(12)), aqi::EventType::lift, 0}};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), o);
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].level, 1);  // the county's own yellow at 16:00
  EXPECT_TRUE(r.events[1].imposed);
  EXPECT_EQ(r.events[1].level, 2);
  EXPECT_EQ(r.events[1].county_level, 1);
  EXPECT_EQ(r.events[1].comparison, aqi::Comparison::stricter);
  // Day 1's own forecast (none, next days 150) would lift; the imposed warning stands until the
  // imposed LIFT on day 2 12:00.
  EXPECT_EQ(r.events[2].type, aqi::EventType::lift);
  EXPECT_TRUE(r.events[2].imposed);
  EXPECT_EQ(r.events[2].comparison, aqi::Comparison::consistent);
}

// L4: verification per level against observed runs. Observed days 0–6: 100, 250, 250, 100, 250,
// 250, 100 → observed yellow runs on days 1–2 and 4–5. Perfect forecasts (horizon 7) warn
// from day 0 and stand through day 3 (the next episode is in view), so every observed yellow
// day is warned (hits 4), no misses, and the warned clean days 0 and 3 are false alarms (2).
TEST(Season, L4VerificationWithPerfectForecasts) {
  const std::vector<double> obs{100, 250, 250, 100, 250, 250, 100, 100, 100};
  const auto f = aqi::perfect_forecasts(obs, d1, 7);
  EXPECT_EQ(f.size(), obs.size() - 1);
  EXPECT_EQ(f[0].aqi.size(), 7u);
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), {}, obs, d1);
  ASSERT_EQ(r.verification.size(), 3u);
  const auto& y = r.verification[0];
  EXPECT_EQ(y.hits, 4);
  EXPECT_EQ(y.misses, 0);
  EXPECT_EQ(y.false_alarms, 2);
  EXPECT_DOUBLE_EQ(y.pod, 1.0);
  EXPECT_DOUBLE_EQ(y.far, 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(y.csi, 4.0 / 6.0);
  EXPECT_TRUE(std::isnan(r.verification[2].pod));  // no red observed: POD undefined
}

TEST(Season, InputErrors) {
  EXPECT_THROW_MSG(aqi::run_season({}, aqi::yiyuan_2019()), aqi::InvalidArgument, "run_season: no forecasts");
  EXPECT_THROW_MSG(aqi::run_season({fc(day(1), {1}), fc(day(0), {1})}, aqi::yiyuan_2019()), aqi::InvalidArgument,
                   "forecasts must have one issue day each, in order: 2019-12-01 after 2019-12-02");
  EXPECT_THROW_MSG(aqi::run_season({fc(day(0), {100, -5})}, aqi::yiyuan_2019()), aqi::InvalidValue,
                   "aqi[1]: forecast of 2019-12-01 for 2019-12-03: negative AQI -5 (SPEC W9)");
  aqi::SeasonOptions o;
  o.imposed = {{ptime(day(0), hours(1)), aqi::EventType::lift, 2}};
  EXPECT_THROW_MSG(aqi::run_season({fc(day(0), {1})}, aqi::yiyuan_2019(), o), aqi::InvalidArgument,
                   "imposed LIFT at 2019-12-01 01:00: level 2 is not valid for it in rule set yiyuan-2019");
}

// docs/errors.md, "Season entry points" (SPEC L1–L6, W9).
TEST(Season, NumericEntryPointsBadInput) {
  const auto& y = aqi::yiyuan_2019();
  const date d(2019, 12, 1);
  const std::vector<aqi::DailyForecast> f{{d, d + boost::gregorian::days(1), {250, 250}}};
  aqi::SeasonOptions o;
  o.issue_hour = 24;
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument, "issue_hour must be 0–23, got 24");
  EXPECT_THROW_MSG(aqi::run_season({{d, d + boost::gregorian::days(1), {inf}}}, y), aqi::InvalidValue,
                   "aqi[0]: forecast of 2019-12-01 for 2019-12-02: infinite AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::run_season({{d + boost::gregorian::days(1), d, {100}}}, y), aqi::InvalidArgument,
                   "forecast of 2019-12-02 starts before its issue day, on 2019-12-01");
  EXPECT_THROW_MSG(aqi::run_season({{date(), d, {100}}}, y), aqi::InvalidArgument,
                   "forecasts[0]: the issue or first valid date is not a date");
  o = {};
  o.imposed = {{ptime(), aqi::EventType::issue, 1}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument, "imposed ISSUE: the time is not a date and time");
  o.imposed = {{ptime(d, hours(10)), aqi::EventType::issue, 4}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument,
                   "imposed ISSUE at 2019-12-01 10:00: level 4 is not valid for it in rule set yiyuan-2019");
  // Found writing this matrix: observations without their first date were silently ignored (no
  // verification at all).
  EXPECT_THROW_MSG(aqi::run_season(f, y, {}, std::vector<double>{100, 100}), aqi::InvalidArgument,
                   "run_season: observed values are given without the date of the first (observed_first)");
  EXPECT_THROW_MSG(aqi::run_season(f, y, {}, std::vector<double>{100, -1}, d), aqi::InvalidValue,
                   "values[1]: negative AQI -1 (SPEC W9)");
  EXPECT_THROW_MSG(aqi::perfect_forecasts(std::vector<double>{100, 100}, d, 0), aqi::InvalidArgument,
                   "horizon must be at least 1 day, got 0");
  EXPECT_THROW_MSG(aqi::parse_event_type("issue"), aqi::UnknownName,
                   "unknown event 'issue'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
}

// fuzz_forecasts (corpus/forecasts/seed-edge): forecasts issued in 1400 and 9999 made a season
// window of 8,600 years filled hour by hour — 100 s and 900 MB for a 200-byte file — and a row
// with a valid date years after its issue date allocated a value for every day between.
TEST(Season, FuzzRegressionSeasonsAndForecastsOfCenturiesAreRefused) {
  EXPECT_THROW_MSG(aqi::parse_forecasts("issue_date,valid_date,aqi\n1400-01-01,9999-12-31,200\n", "f.csv"),
                   aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': valid_date 9999-12-31 is more than 366 days after the issue "
                   "date 1400-01-01");
  const auto f = aqi::parse_forecasts(
      "issue_date,valid_date,aqi\n1400-01-01,1400-01-02,250\n9999-12-30,9999-12-31,250\n", "f.csv");
  EXPECT_THROW_MSG(aqi::run_season(f, aqi::yiyuan_2019()), aqi::InvalidArgument,
                   "run_season: the forecasts and imposed events span 1400-01-01 … 9999-12-31, more than 100 years");
  // Days past 9999-12-31 cannot be printed by Boost.Date_Time: refused before they are made.
  const boost::gregorian::date last(9999, 12, 30);
  EXPECT_THROW_MSG(aqi::run_season({{last, last, {250, 250, 250}}}, aqi::yiyuan_2019()), aqi::InvalidArgument,
                   "forecast of 9999-12-30 runs past 9999-12-31, the last date libaqi handles");
}

// Issue 12, safe lifetimes: the result of a season run with a temporary rule set holds the set
// (run under AddressSanitizer: build-asan). The forecasts of L1Lifecycle: ISSUE yellow, UPGRADE
// orange, LIFT (SPEC L1 as revised: was 4 events, with a DOWNGRADE, before issue 13).
TEST(Season, ResultOwnsATemporaryRuleSet) {
  const std::string p = std::string(AQI_RULES_DIR) + "/plans/yiyuan-2019/warnings.toml";
  const std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250, 150}), fc(day(1), {250, 250, 250, 150}),
                                          fc(day(2), {250, 250, 150, 150}), fc(day(3), {250, 250, 150}),
                                          fc(day(4), {250, 150, 150}),      fc(day(5), {150, 150, 150})};
  auto r = aqi::run_season(f, aqi::RuleSet::load(p));
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.rules->level_name(r.events[1].level), "orange");
  EXPECT_EQ(r.rules->response(r.events[1].level), aqi::ResponseLevel::II);
  EXPECT_EQ(r.events[1].reason,
            "forecast of 2019-12-02 (2019-12-03 +4 d): AQI > 200 for ≥ 3 days on 2019-12-03…2019-12-05 (peak 250)");
  // A shared set is held as given, and a null one refused.
  const std::shared_ptr<const aqi::RuleSet> shared = aqi::share(aqi::RuleSet::load(p));
  EXPECT_EQ(aqi::run_season(f, shared).rules, shared);
  EXPECT_EQ(aqi::run_season(f, aqi::yiyuan_2019()).rules.get(), &aqi::yiyuan_2019());  // built-in: aliased
  EXPECT_THROW_MSG(aqi::run_season(f, std::shared_ptr<const aqi::RuleSet>()), aqi::InvalidArgument,
                   "rules: a null rule set (give aqi::share(set) or a set of the Plan)");
}

TEST(Season, EventTypeAndComparisonNames) {
  for (auto e : aqi::all_event_types) EXPECT_EQ(aqi::parse_event_type(aqi::name(e)), e);
  EXPECT_EQ(aqi::name(aqi::EventType::downgrade), "DOWNGRADE");
  for (auto c :
       {aqi::Comparison::none, aqi::Comparison::consistent, aqi::Comparison::stricter, aqi::Comparison::weaker})
    EXPECT_EQ(aqi::parse_comparison(aqi::name(c)), c);
  EXPECT_EQ(aqi::name(aqi::Comparison::stricter), "stricter");
  EXPECT_THROW_MSG(aqi::parse_comparison("harsher"), aqi::UnknownName,
                   "unknown comparison 'harsher'; expected consistent, stricter or weaker");
}

// L6: an imposed event as a table row gives it — the level by its English or Chinese name.
TEST(Season, L6ImposedEventByEnglishOrChineseName) {
  const auto& y = aqi::yiyuan_2019();
  const ptime t(day(0), hours(20));
  const auto orange = aqi::imposed_event(t, "ISSUE", "orange", y);
  EXPECT_EQ(orange.level, 2);
  EXPECT_EQ(orange.type, aqi::EventType::issue);
  EXPECT_EQ(orange.time, t);
  EXPECT_EQ(aqi::imposed_event(t, "ISSUE", "橙色", y).level, 2);
  EXPECT_EQ(aqi::imposed_event(t, "LIFT", "none", y).level, 0);
  EXPECT_THROW_MSG(
      aqi::imposed_event(t, "ISSUE", "purple", y), aqi::UnknownName,
      "imposed: unknown level 'purple' in rule set yiyuan-2019; expected one of: none, yellow, orange, red");
  EXPECT_THROW_MSG(aqi::imposed_event(t, "ISSUED", "red", y), aqi::UnknownName,
                   "unknown event 'ISSUED'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
}

// SPEC L1 (revised): the episode classified whole with its observed days. Orange is issued on
// 12-01 for 12-02…04 (250 each, 8 h ahead). 12-02 is observed at 150: the forecast of 12-02 (12-03,
// 12-04 at 250) with it gives a 2-day run, yellow (1st lower); 12-03's forecast (12-04 at 250) with
// 12-02 (150) and 12-03 (250) observed gives yellow again → DOWNGRADE to yellow. On 12-04 the run
// ended that day and the next two days are 150 → LIFT.
TEST(Season, L1DowngradeWhenTheWholeEpisodeIsLower) {
  const std::vector<double> obs{100, 150, 250, 250, 150, 150, 150};  // 12-01 … 12-07
  std::vector<aqi::DailyForecast> f{fc(day(0), {250, 250, 250, 150, 150}), fc(day(1), {250, 250, 150, 150}),
                                    fc(day(2), {250, 150, 150}), fc(day(3), {150, 150, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), {}, obs, d1);
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].type, aqi::EventType::issue);
  EXPECT_EQ(r.events[0].level, 2);
  EXPECT_EQ(r.events[1].type, aqi::EventType::downgrade);
  EXPECT_EQ(r.events[1].level, 1);
  EXPECT_EQ(r.events[1].time, ptime(day(2), hours(16)));
  EXPECT_EQ(r.events[1].run_first, day(2));  // 12-03 … 12-04
  EXPECT_EQ(r.events[1].run_last, day(3));
  EXPECT_EQ(r.events[2].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[2].time, ptime(day(3), hours(16)));
}

// SPEC L1 (revised): a red episode is not downgraded on its worst days. Perfect forecasts of
// Zibo's December 2015 (from 12-18: 136, 237, 252, 313, 238, 361, 487, 377, 175, 55, …): on
// 12-18 the next days give > 200 from 12-19 to 12-25 with 361, 487, 377 > 300 → red, 8 h ahead.
// Forecast alone, 12-22's (361, 487, 377, 175 …: 3 days) and 12-23's (487, 377: 2 days) would
// downgrade it on 12-23; with the elapsed days from 12-19 the run stays red until it ends on 12-25,
// and 12-26 (175) and 12-27 (55) lift it on 12-25.
TEST(Season, L1ARedEpisodeIsNotDowngradedOnItsWorstDays) {
  const date first(2015, 12, 18);
  const std::vector<double> obs{136, 237, 252, 313, 238, 361, 487, 377, 175, 55, 159, 173};
  const auto r = aqi::run_season(aqi::perfect_forecasts(obs, first, 7), aqi::yiyuan_2019(), {}, obs, first);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].type, aqi::EventType::issue);
  EXPECT_EQ(r.events[0].level, 3);
  EXPECT_EQ(r.events[1].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[1].time, ptime(date(2015, 12, 25), hours(16)));
  EXPECT_EQ(r.days[6].day, date(2015, 12, 24));
  EXPECT_EQ(r.days[6].warning, 3);
  EXPECT_EQ(r.days[7].warning, 3);  // 12-25
  EXPECT_EQ(r.days[7].response, aqi::ResponseLevel::I);
}

// SPEC L12: a run beyond the 72 h horizon neither issues nor holds a warning. Yellow is issued on
// 12-01 for 12-03…04 (32 h ahead). On 12-04 the run has ended and the forecast's next run,
// 12-08…09, starts 80 h ahead: expected, not issued; with the next two days at 100 the warning is
// lifted (before the revision it stood through the clean days 12-05…07). On 12-05 the run is 56 h
// ahead: ISSUE, 24 h after the lift — a flap.
TEST(Season, L12ARunBeyondTheHorizonNeitherIssuesNorHolds) {
  std::vector<aqi::DailyForecast> f{
      fc(day(0), {100, 250, 250, 100, 100, 100, 100}), fc(day(1), {250, 250, 100, 100, 100, 100, 100}),
      fc(day(2), {250, 100, 100, 100, 250, 250, 100}), fc(day(3), {100, 100, 100, 250, 250, 100, 100}),
      fc(day(4), {100, 100, 250, 250, 100, 100, 100})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[1].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[1].time, ptime(day(3), hours(16)));
  EXPECT_EQ(r.events[2].type, aqi::EventType::issue);
  EXPECT_EQ(r.events[2].time, ptime(day(4), hours(16)));
  EXPECT_EQ(r.events[2].lead_hours, 56);
  EXPECT_EQ(r.events[2].note, "issued 24 h after the lift of 2019-12-04 16:00: a flap (SPEC L12)");
  EXPECT_EQ(r.flaps, 1);
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0].time, ptime(day(3), hours(16)));
  EXPECT_EQ(r.expected[0].level, 1);
  EXPECT_EQ(r.expected[0].first, day(7));
  EXPECT_EQ(r.expected[0].last, day(8));
  EXPECT_EQ(r.expected[0].lead_hours, 80);
  EXPECT_EQ(r.expected[0].reason,
            "expected, not yet issued: the run starts 80 h ahead, beyond the 72 h issue horizon (SPEC L12); forecast "
            "of 2019-12-04 (2019-12-05 +7 d): AQI > 200 for ≥ 2 days on 2019-12-08…2019-12-09 (peak 250)");
  ASSERT_EQ(r.periods.size(), 2u);
  EXPECT_EQ(r.periods[0].end, ptime(day(3), hours(16)));  // 12-03 00:00 → 12-04 16:00
  // 40 h, then the open period from 12-08 00:00 to the end of the data (12-12, the last forecast day).
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::III), 40 + 5 * 24);
  EXPECT_EQ(r.days[5].warning, 1);  // 12-06: the new warning
  EXPECT_EQ(r.days[5].response, aqi::ResponseLevel::none);
}

// SPEC L2, L12: issued 56 h ahead (run 12-04…05), lifted the next day on a clean forecast — before
// its response began: no response period, and the LIFT says so.
TEST(Season, L2LiftedBeforeTheResponseBeganInForecastMode) {
  std::vector<aqi::DailyForecast> f{fc(day(0), {100, 100, 250, 250, 100}), fc(day(1), {100, 100, 100, 100, 100})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].lead_hours, 56);
  EXPECT_EQ(r.events[0].response_from, ptime(day(3), hours(0)));
  EXPECT_EQ(r.events[1].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[1].note, "lifted before the response began (SPEC L2)");
  EXPECT_TRUE(r.periods.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].period, aqi::WarningPeriod::no_period);
}

// L1: an active warning's episode is classified whole over its last 90 days at most, and the
// reason says so. Found by fuzz_scenario: a warning held through decades of missing data made each
// forecast re-read the whole episode (quadratic; minutes). Here yellow is issued on day 0 for
// days 2–3, 119 forecasts without data hold it (a lift needs the next 36 hours known ≤ 200), and
// day 120's clean forecast (valid from day 121 = 2020-03-31) lifts it: the window starts 90 days
// before day 121, on day 31 = 2020-01-01, not on the run's first day 2019-12-03.
TEST(Season, L1EpisodeWindowIsTheLast90Days) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250, 150})};
  for (int k = 1; k < 120; ++k) f.push_back(fc(day(k), {nan, nan, nan}));
  f.push_back(fc(day(120), {150, 150, 150}));
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].type, aqi::EventType::issue);
  EXPECT_EQ(r.events[1].type, aqi::EventType::lift);
  EXPECT_EQ(r.events[1].time, ptime(date(2020, 3, 30), hours(16)));
  EXPECT_NE(r.events[1].reason.find("forecast of 2020-03-30 (2020-03-31 +3 d) with the episode's days from 2020-01-01 "
                                    "(its last 90 days) (SPEC L1): no warning level within 72 h"),
            std::string::npos)
      << r.events[1].reason;
}
