// Gaps in a season's inputs (issue 16: no input may produce a wrong answer silently). Each forecast
// is written out; the expected rows follow by hand from W8 (a missing day breaks a run), L1 (issue,
// lift — a missing day cannot lift —, the episode whole), L2 (the response from the run's first
// hour) and L4 (observations verify the season's days). Issue at 16:00, daily input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi/warning/season.hpp"
#include "test_support.hpp"
#include "warning/daily_forecasts.hpp"

using namespace season_days;

// W8, L1, L2: the forecast of day 1 (12-02) misses day 3 (12-04). Read as missing it breaks the
// run 250, –, 250: no level, and day 2 (250) stops a LIFT, so the yellow warning of day 0 stands.
// With day 3 as day 0 forecast it (250) the run is 3 days > 200: orange (W4), an UPGRADE whose
// Level II response would start day 2 00:00 (L2) and supersede the Level III one. Days 2–3 run to
// the LIFT of day 3 16:00 either way (the episode over, days 4–5 at 150): 40 h at III as read, 40 h
// at II with the day.
TEST(SeasonGaps, W8AMissingForecastDayChangesTheResponse) {
  const std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250, 150}), fc(day(1), {250, missing, 250, 150}),
                                          fc(day(2), {250, 150, 150}), fc(day(3), {150, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);  // the run itself is unchanged: ISSUE yellow, LIFT
  EXPECT_EQ(r.response_hours.at(aqi::ResponseLevel::III), 40);
  ASSERT_EQ(r.gaps.size(), 1u);
  const aqi::SeasonGap& g = r.gaps[0];
  EXPECT_EQ(g.day, day(3));
  EXPECT_EQ(g.kind, aqi::GapKind::forecast_day);
  EXPECT_EQ(g.issue, day(1));
  EXPECT_EQ(g.warning, 0u);
  EXPECT_TRUE(g.changed);
  EXPECT_EQ(g.detail,
            "the forecast of 2019-12-02 has no value for 2019-12-04: read as missing, which breaks any run through it "
            "(SPEC W8); the forecast gives none as read, orange with its missing days as forecast before; the yellow "
            "warning stood; with the missing days as forecast before, the season's responses: Level III 0 h, not 40 "
            "h, Level II 40 h, not 0 h");
  EXPECT_EQ(
      g.detail_zh,
      "2019-12-02发布的预报缺少2019-12-04的数值：按缺测处理，缺测日中断连续超标过程（SPEC W8）；按缺测判定为无预警，"
      "按此前预报补齐缺日则为橙色；黄色预警维持不变；按此前预报补齐缺日，本季Ⅲ级响应0小时，而非40小时，Ⅱ级响应40小时，"
      "而非0小时");
}

// L1: a missing day among the first two days after issue cannot lift. Yellow issued day 0 (run days
// 2–3, response from day 2 00:00); the forecast of day 3 is none (the run ended day 3) with day 4 at
// 150 and day 5 missing: held. Day 4's forecast lifts at day 4 16:00: Level III 64 h; had day 5
// been as forecast before (150) the LIFT of day 3 16:00 gives 40 h.
TEST(SeasonGaps, L1AMissingDayHoldsTheWarning) {
  const std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250, 150}), fc(day(1), {250, 250, 150, 150}),
                                          fc(day(2), {250, 150, 150}), fc(day(3), {150, missing, 150}),
                                          fc(day(4), {150, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].time, boost::posix_time::ptime(day(4), boost::posix_time::hours(16)));
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_EQ(r.gaps[0].day, day(5));
  EXPECT_EQ(r.gaps[0].issue, day(3));
  EXPECT_EQ(r.gaps[0].warning, 0u);
  EXPECT_TRUE(r.gaps[0].changed);
  EXPECT_EQ(r.gaps[0].detail,
            "the forecast of 2019-12-04 has no value for 2019-12-06: read as missing, which breaks any run through it "
            "(SPEC W8); the forecast gives none either way (with its missing days as forecast before); the yellow "
            "warning was held: the first 36 hours a LIFT needs include a missing day (SPEC L1); the yellow warning "
            "stood; with the missing days as forecast before, the season's responses: Level III 40 h, not 64 h");
}

// L1: no forecast on day 2 (12-03): no decision that day; the yellow warning of day 0 stands, and
// the forecast of day 3 lifts it (elapsed days 2–3 at 250, the run over). No warning in force on a
// day without a forecast: none could be issued.
TEST(SeasonGaps, L1AMissingIssueDay) {
  auto r = aqi::run_season({fc(day(0), {150, 250, 250, 150}), fc(day(1), {250, 250, 150, 150}), fc(day(3), {150, 150})},
                           aqi::yiyuan_2019());
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_EQ(r.gaps[0].day, day(2));
  EXPECT_EQ(r.gaps[0].kind, aqi::GapKind::issue_day);
  EXPECT_EQ(r.gaps[0].warning, 0u);
  EXPECT_FALSE(r.gaps[0].changed);
  EXPECT_EQ(r.gaps[0].detail,
            "no forecast issued on 2019-12-03: no decision that day (SPEC L1); the warning issued 2019-12-01 16:00 "
            "(yellow that day) stood");
  EXPECT_EQ(r.gaps[0].detail_zh,
            "2019-12-03未发布预报：当日无预警决策（SPEC L1）；2019-12-01 16:00发布的预警（当日黄色）维持不变");
  r = aqi::run_season({fc(day(0), {100, 100}), fc(day(3), {100, 100})}, aqi::yiyuan_2019());
  ASSERT_EQ(r.gaps.size(), 2u);  // days 1 and 2
  EXPECT_EQ(r.gaps[0].day, day(1));
  EXPECT_EQ(r.gaps[1].day, day(2));
  EXPECT_EQ(r.gaps[1].warning, aqi::SeasonGap::no_warning);
  EXPECT_EQ(r.gaps[1].detail,
            "no forecast issued on 2019-12-03: no decision that day (SPEC L1); no warning was in force, and none "
            "could be issued that day");
}

// L7, L10: in relay mode the county's forecasts are advice; their gaps are reported, and change no
// warning or response. A forecast starting two days after its issue misses the day after it.
TEST(SeasonGaps, L10GapsOfTheAdviceInRelayMode) {
  aqi::SeasonOptions o;
  o.mode = aqi::SeasonMode::relay;
  const std::vector<aqi::DailyForecast> f{{day(0), day(2), {150, 150}}, fc(day(2), {150, missing, 150})};
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), o);
  ASSERT_EQ(r.gaps.size(), 3u);
  EXPECT_EQ(r.gaps[0].day, day(1));  // the forecast of day 0 misses day 1
  EXPECT_EQ(r.gaps[0].kind, aqi::GapKind::forecast_day);
  EXPECT_EQ(r.gaps[1].day, day(1));  // and no forecast was issued on day 1
  EXPECT_EQ(r.gaps[1].kind, aqi::GapKind::issue_day);
  EXPECT_EQ(r.gaps[1].detail,
            "no forecast issued on 2019-12-02: no advice that day (SPEC L10); the orders decide, no warning or "
            "response changed");
  EXPECT_EQ(r.gaps[2].day, day(4));
  EXPECT_EQ(r.gaps[2].issue, day(2));
  EXPECT_EQ(r.gaps[2].detail,
            "the forecast of 2019-12-03 has no value for 2019-12-05: read as missing, which breaks any run through it "
            "(SPEC W8); in relay mode the county's forecast is advice (SPEC L7, L10): the orders decide, no warning "
            "or response changed");
  EXPECT_FALSE(r.gaps[2].changed);
}

// Whole forecasts, one each day: no gaps.
TEST(SeasonGaps, WholeForecastsHaveNoGaps) {
  const auto r = aqi::run_season({fc(day(0), {150, 250, 250}), fc(day(1), {250, 250, 150})}, aqi::yiyuan_2019());
  EXPECT_TRUE(r.gaps.empty());
}

// L4: observations with no value on any day of the season would verify nothing (an all-zero
// table, issue 16): refused, naming both ranges. The season: 12-01 (the issue) … 12-04.
TEST(SeasonGaps, L4ObservationsThatDoNotOverlapTheSeasonAreRefused) {
  const std::vector<aqi::DailyForecast> f{fc(day(0), {150, 250, 250})};
  const std::vector<double> obs{100, 120, 130};
  EXPECT_THROW_MSG(aqi::run_season(f, aqi::yiyuan_2019(), {}, obs, date(2015, 10, 1)), aqi::InvalidArgument,
                   "run_season: the observations (2015-10-01 … 2015-10-03) do not overlap the season 2019-12-01 … "
                   "2019-12-04 (its forecasts and orders): nothing to verify (SPEC L4); give observations of the "
                   "season's days");
  const std::vector<double> none{missing, missing};
  EXPECT_THROW_MSG(aqi::run_season(f, aqi::yiyuan_2019(), {}, none, d1), aqi::InvalidArgument,
                   "run_season: the observations (2019-12-01 … 2019-12-02) have no value: nothing to verify in the "
                   "season 2019-12-01 … 2019-12-04 (SPEC L4); give observed AQI or none");
  // One day in common is enough: the last observed day is the season's first.
  const auto r = aqi::run_season(f, aqi::yiyuan_2019(), {}, obs, date(2019, 11, 29));
  EXPECT_EQ(r.days[0].observed_level, 0);
}
