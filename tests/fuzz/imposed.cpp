// parse_imposed (a scenario's imposed.csv: orders of the superior command, SPEC L6) against every
// built-in rule set, then a season that carries the events. Invariant: one event per data row.
#include "aqi/detail/csv.hpp"
#include "aqi/scenario.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = aqi_fuzz::text(data, size);
  for (const auto& rules : aqi::builtin_rule_sets())
    aqi_fuzz::expect_aqi_errors([&] {
      const std::vector<aqi::ImposedEvent> events = aqi::parse_imposed(text, "imposed.csv", rules);
      AQI_FUZZ_CHECK(events.size() == aqi::detail::parse_csv(text, "imposed.csv").size());
      aqi::DailyForecast f;
      f.issue = aqi::date(2019, 11, 10);
      f.first_valid = aqi::date(2019, 11, 11);
      f.aqi = {150, 230, 260, 320, 310, 240, 120};
      aqi::SeasonOptions options;
      options.imposed = events;
      const aqi::SeasonResult r = aqi::run_season({f}, rules, options);
      std::size_t imposed = 0;
      for (const auto& e : r.events) imposed += e.imposed;
      AQI_FUZZ_CHECK(imposed == events.size());
    });
  return 0;
}
