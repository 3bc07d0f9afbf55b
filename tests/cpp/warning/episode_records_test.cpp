// The records of a season — SPEC N4 (plan §6.2, §6.3): a two-episode relay season, every value of
// its response statistics table derived by hand from the orders (L9), the deadlines (D1, D2, the
// 2019 calendar), an inventory (R3–R5) and observations (L4).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "aqi/plan.hpp"
#include "aqi/warning/episode_records.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::ptime;

namespace {

ptime at(int day, int hour) { return ptime(date(2019, 12, day), hours(hour)); }

aqi::Order order(ptime issued, aqi::EventType e, int level, ptime start, std::string doc) {
  return {issued, e, level, start, ptime(), std::move(doc), "淄博市"};
}

// Orange 12-02 10:00 (response 12-03 00:00), lifted 12-05 12:00; yellow 12-10 16:00 at once,
// red 12-11 12:00 at once, lifted 12-12 09:00. Observed AQI 12-02 … 12-12.
const std::vector<double> observed{150, 220, 240, 230, 120, 100, 90, 80, 100, 210, 220};

aqi::SeasonResult two_episodes() {
  aqi::SeasonOptions o;
  o.orders = {order(at(2, 10), aqi::EventType::issue, 2, at(3, 0), "第1期"),
              order(at(5, 12), aqi::EventType::lift, 0, at(5, 12), "第2期"),
              order(at(10, 16), aqi::EventType::issue, 1, at(10, 16), "第3期"),
              order(at(11, 12), aqi::EventType::upgrade, 3, at(11, 12), "第4期"),
              order(at(12, 9), aqi::EventType::lift, 0, at(12, 9), "第5期")};
  return aqi::run_season({}, *aqi::plan("yiyuan-2019").warnings, o, observed, date(2019, 12, 2));
}

}  // namespace

// N4, L9, D1, D2: the orders, the hours per level, the reports owed.
TEST(EpisodeRecords, N4TwoEpisodesOrdersHoursAndReports) {
  const auto r = aqi::episode_records(two_episodes(), aqi::plan("yiyuan-2019"));
  ASSERT_EQ(r.size(), 2u);
  // Episode 1: Level II from 12-03 00:00 to the lift 12-05 12:00 = 60 h; reports at 15:00 on
  // 12-02, 12-03, 12-04 (12-05 15:00 is after the lift) = 3; the summary 3 working days after Thu
  // 12-05: Fri 12-06, Mon 12-09, Tue 12-10.
  EXPECT_EQ(r[0].number, 1u);
  EXPECT_EQ(r[0].response, aqi::ResponseLevel::II);
  EXPECT_EQ(r[0].orders, "2019-12-02 10:00 ISSUE 橙色 第1期; 2019-12-05 12:00 LIFT 橙色 第2期");
  EXPECT_EQ(r[0].doc_nos, "第1期、第2期");
  EXPECT_EQ(r[0].response_start, at(3, 0));
  EXPECT_EQ(r[0].response_end, at(5, 12));
  EXPECT_EQ(r[0].response_hours.at(aqi::ResponseLevel::II), 60);
  EXPECT_EQ(r[0].response_hours.count(aqi::ResponseLevel::III), 0u);
  EXPECT_EQ(r[0].daily_reports, 3);
  EXPECT_EQ(r[0].summary_due.date(), date(2019, 12, 10));
  // Episode 2: Level III 12-10 16:00 → 12-11 12:00 = 20 h, Level I 12-11 12:00 → 12-12 09:00 = 21 h;
  // one report (12-11 15:00); the summary after Thu 12-12: Fri 13, Mon 16, Tue 17.
  EXPECT_EQ(r[1].response, aqi::ResponseLevel::I);
  EXPECT_EQ(r[1].orders,
            "2019-12-10 16:00 ISSUE 黄色 第3期; 2019-12-11 12:00 UPGRADE 红色 第4期; "
            "2019-12-12 09:00 LIFT 红色 第5期");
  EXPECT_EQ(r[1].response_hours.at(aqi::ResponseLevel::III), 20);
  EXPECT_EQ(r[1].response_hours.at(aqi::ResponseLevel::I), 21);
  EXPECT_EQ(r[1].daily_reports, 1);
  EXPECT_EQ(r[1].summary_due.date(), date(2019, 12, 17));
  EXPECT_FALSE(r[0].planned.has_value());
}

// N4, L4: the observed AQI over each response's days. Episode 1, 12-03 … 12-05: 220, 240, 230 —
// the observed run 12-03 … 12-05 is three days above 200: orange, as warned (hit). Episode 2,
// 12-10 … 12-12: 100, 210, 220 — two days above 200: yellow, below the red warning (lower).
TEST(EpisodeRecords, N4ObservedAqiAndVerification) {
  const auto season = two_episodes();
  aqi::RecordOptions o;
  o.observed = observed;
  o.observed_first = date(2019, 12, 2);
  const auto r = aqi::episode_records(season, aqi::plan("yiyuan-2019"), o);
  EXPECT_EQ(r[0].observed_days, 3);
  EXPECT_DOUBLE_EQ(r[0].observed_mean, 230);
  EXPECT_EQ(r[0].observed_max, 240);
  EXPECT_EQ(r[0].observed_level, 2);
  EXPECT_EQ(r[0].verification, "hit");
  EXPECT_EQ(r[1].observed_days, 3);
  EXPECT_DOUBLE_EQ(r[1].observed_mean, 530.0 / 3);
  EXPECT_EQ(r[1].observed_level, 1);
  EXPECT_EQ(r[1].verification, "lower");
}

// N4, R3, E4 ②, E6: one plastics plant of 2 lines at 1 t/day of each pollutant. Level II: −50% by
// line stops 1 of 2 lines: 50% of each, every target (20/20/20/15%) met. Level I: it stops: 100%.
TEST(EpisodeRecords, N4PlannedReductionsAgainstTheTargets) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
      "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n"
      "P1,塑料厂,enterprise,plastic_products,,2,,1,1,1,1,,,0,100,,,,,,,\n",
      "t.csv");
  aqi::RecordOptions o;
  o.inventory = &inv;
  const auto r = aqi::episode_records(two_episodes(), aqi::plan("yiyuan-2019"), o);
  ASSERT_TRUE(r[0].planned && r[1].planned);
  EXPECT_EQ(r[0].planned->level, aqi::ResponseLevel::II);
  EXPECT_DOUBLE_EQ(r[0].planned->check(aqi::EmissionPollutant::vocs).ratio, 0.5);
  EXPECT_DOUBLE_EQ(r[0].planned->check(aqi::EmissionPollutant::vocs).target, 0.15);
  EXPECT_TRUE(r[0].planned->met);
  EXPECT_DOUBLE_EQ(r[1].planned->check(aqi::EmissionPollutant::so2).ratio, 1.0);
  EXPECT_DOUBLE_EQ(r[1].planned->check(aqi::EmissionPollutant::so2).target, 0.30);
}

namespace {

// K8: K1 (one line; SO2, NOx, PM, VOCs 2, 1, 1, 0 t/day) stops 12-01 … 12-09; K2 (two lines;
// 1, 2, 0.4, 0 t/day) stops line 1 on 12-09 … 12-31 and line 2 on 12-11 … 12-31.
const std::vector<aqi::Kiln> two_kilns{{"K1", 1, 10, std::array<double, 4>{2, 1, 1, 0}},
                                       {"K2", 2, 10, std::array<double, 4>{1, 2, 0.4, 0}}};

aqi::KilnSchedule two_kiln_schedule() {
  aqi::KilnSchedule s;
  s.season = 2019;
  s.season_days = {date(2019, 10, 1), date(2020, 3, 31)};
  s.kiln_batch = {0, -1};
  s.windows = {{"K1", 1, date(2019, 12, 1), date(2019, 12, 9), 0},
               {"K2", 1, date(2019, 12, 9), date(2019, 12, 31), -1},
               {"K2", 2, date(2019, 12, 11), date(2019, 12, 31), -1}};
  return s;
}

const char* const plastics_plant =
    "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
    "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n"
    "P1,塑料厂,enterprise,plastic_products,,2,,1,1,1,1,,,0,100,,,,,,,\n";

}  // namespace

// N4, K8: the kiln credit of a record is, per pollutant, the least over the response's days.
// Episode 1 (II, 12-03 … 12-05) lies inside K1's window and before K2's: K1's 2, 1, 1, 0 every
// day. Episode 2 (I, 12-10 … 12-12) lies outside K1's window; K2 has 1 of 2 lines stopped on
// 12-10, both on 12-11 and 12-12: the least is 12-10's ½ × (1, 2, 0.4, 0) = 0.5, 1, 0.2, 0.
TEST(EpisodeRecords, N4K8KilnCreditLeastOverTheResponseDays) {
  const auto inv = aqi::parse_inventory(plastics_plant, "t.csv");
  const auto schedule = two_kiln_schedule();
  aqi::RecordOptions o;
  o.inventory = &inv;
  o.kilns = two_kilns;
  o.kiln_schedule = &schedule;
  const auto r = aqi::episode_records(two_episodes(), aqi::plan("yiyuan-2019"), o);
  ASSERT_EQ(r.size(), 2u);
  ASSERT_TRUE(r[0].kilns && r[1].kilns && r[0].planned && r[1].planned);
  EXPECT_EQ(r[0].kiln_days, 3);
  EXPECT_EQ(r[0].kilns->on, date(2019, 12, 3));
  EXPECT_EQ(r[0].kilns->reduction, (std::array<double, 4>{2, 1, 1, 0}));
  EXPECT_EQ(r[0].kiln_least_day[0], date(2019, 12, 3));
  EXPECT_EQ(r[1].kiln_days, 3);
  EXPECT_EQ(r[1].kilns->reduction, (std::array<double, 4>{0.5, 1, 0.2, 0}));
  EXPECT_EQ(r[1].kiln_least_day[0], date(2019, 12, 10));
  EXPECT_EQ(r[1].kilns->stopped, 1u);
  // The accounting (R3, K8): baselines 1 + 2 + 1 = 4 SO2, 1 + 1 + 2 = 4 NOx, 1 + 1 + 0.4 = 2.4 PM,
  // 1 VOCs. Episode 1 (II): P1 stops 1 of 2 lines, 0.5 of each: SO2 (0.5 + 2) / 4 = 0.625, NOx
  // (0.5 + 1) / 4 = 0.375, PM (0.5 + 1) / 2.4 = 0.625, VOCs 0.5.
  using P = aqi::EmissionPollutant;
  const auto& e1 = *r[0].planned;
  EXPECT_DOUBLE_EQ(e1.check(P::so2).baseline, 4);
  EXPECT_DOUBLE_EQ(e1.check(P::pm).baseline, 2.4);
  EXPECT_DOUBLE_EQ(e1.check(P::so2).kiln_reduction, 2);
  EXPECT_DOUBLE_EQ(e1.check(P::so2).ratio, 0.625);
  EXPECT_DOUBLE_EQ(e1.check(P::nox).ratio, 0.375);
  EXPECT_DOUBLE_EQ(e1.check(P::pm).ratio, 0.625);
  EXPECT_DOUBLE_EQ(e1.check(P::vocs).ratio, 0.5);
  // Episode 2 (I): P1 stops, 1 of each: SO2 (1 + 0.5) / 4 = 0.375, NOx (1 + 1) / 4 = 0.5, PM
  // (1 + 0.2) / 2.4 = 0.5, VOCs 1 — not 12-11's (1 + 1) / 4 = 0.5 SO2.
  const auto& e2 = *r[1].planned;
  EXPECT_DOUBLE_EQ(e2.check(P::so2).kiln_reduction, 0.5);
  EXPECT_DOUBLE_EQ(e2.check(P::so2).ratio, 0.375);
  EXPECT_DOUBLE_EQ(e2.check(P::nox).ratio, 0.5);
  EXPECT_DOUBLE_EQ(e2.check(P::pm).ratio, 0.5);
  EXPECT_DOUBLE_EQ(e2.check(P::vocs).ratio, 1);
  // Without a schedule nothing changes (the records above): no kiln credit.
  o.kilns = {};
  o.kiln_schedule = nullptr;
  EXPECT_FALSE(aqi::episode_records(two_episodes(), aqi::plan("yiyuan-2019"), o)[0].kilns.has_value());
}

// K8, N4: a kiln schedule without its table, its table without the schedule, or either without an
// inventory is refused, never silently left out.
TEST(EpisodeRecords, N4K8KilnOptionsRefused) {
  const auto schedule = two_kiln_schedule();
  const auto plan = aqi::plan("yiyuan-2019");
  aqi::RecordOptions o;
  o.kiln_schedule = &schedule;
  EXPECT_THROW_MSG(aqi::episode_records(two_episodes(), plan, o), aqi::InvalidArgument,
                   "episode records (SPEC K8): a kiln schedule needs the kiln table it was made from");
  o.kilns = two_kilns;
  EXPECT_THROW_MSG(aqi::episode_records(two_episodes(), plan, o), aqi::InvalidArgument,
                   "episode records (SPEC K8, N4): the kiln credit counts toward the inventory's planned reductions; "
                   "give the inventory too");
  o.kiln_schedule = nullptr;
  EXPECT_THROW_MSG(aqi::episode_records(two_episodes(), plan, o), aqi::InvalidArgument,
                   "episode records (SPEC K8): a kiln table needs its schedule (schedule_kilns) to be credited");
}
