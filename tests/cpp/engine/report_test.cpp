// The engine's report (apps/aqi-engine/report.hpp): which response levels it reports measures
// and cuts for — one decision for the text and the JSON.
#include "report.hpp"

#include "aqi/warning/rule_set.hpp"
#include "test_support.hpp"

using aqi::ResponseLevel;
using aqi::engine::response_levels_reached;

namespace {

aqi::SeasonEvent event(aqi::EventType type, int previous, int level) {
  aqi::SeasonEvent e;
  e.type = type;
  e.previous = previous;
  e.level = level;
  return e;
}

}  // namespace

// SPEC R1 (yellow → III, orange → II, red → I): a yellow warning lifted before its response
// began has no response period, yet it named Level III; an orange period names II.
TEST(EngineReport, LevelsReachedByPeriodsAndByEvents) {
  aqi::SeasonResult r;
  r.events = {event(aqi::EventType::issue, 0, 1), event(aqi::EventType::lift, 1, 0), event(aqi::EventType::issue, 0, 2),
              event(aqi::EventType::lift, 2, 0)};
  r.periods.push_back({aqi::ptime(aqi::date(2019, 12, 5)), aqi::ptime(aqi::date(2019, 12, 7)), ResponseLevel::II});
  EXPECT_EQ(response_levels_reached(r, aqi::yiyuan_2019()),
            (std::vector<ResponseLevel>{ResponseLevel::III, ResponseLevel::II}));
}

// SPEC R1: a red warning (I) downgraded to yellow (III) before its lift, in a period that reached
// I: Level III and Level I, mildest first, each once.
TEST(EngineReport, LevelsReachedAreMildestFirstAndOnce) {
  aqi::SeasonResult r;
  r.events = {event(aqi::EventType::issue, 0, 3), event(aqi::EventType::downgrade, 3, 1),
              event(aqi::EventType::lift, 1, 0)};
  r.periods.push_back({aqi::ptime(aqi::date(2019, 12, 5)), aqi::ptime(aqi::date(2019, 12, 9)), ResponseLevel::I});
  EXPECT_EQ(response_levels_reached(r, aqi::yiyuan_2019()),
            (std::vector<ResponseLevel>{ResponseLevel::III, ResponseLevel::I}));
}

TEST(EngineReport, NoWarningNoLevel) {
  EXPECT_TRUE(response_levels_reached(aqi::SeasonResult{}, aqi::yiyuan_2019()).empty());
}
