// parse_forecasts (a scenario's forecasts.csv), then the season through the warning lifecycle
// (SPEC L1–L5) under every built-in rule set. Invariant: every data row lands in its forecast.
#include "aqi/detail/csv.hpp"
#include "aqi/scenario.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const auto text = aqi_fuzz::text(data, size);
    const std::vector<aqi::DailyForecast> forecasts = aqi::parse_forecasts(text, "forecasts.csv");
    const auto table = aqi::detail::parse_csv(text, "forecasts.csv");
    std::size_t slots = 0;
    for (std::size_t i = 0; i < forecasts.size(); ++i) {
      AQI_FUZZ_CHECK(i == 0 || forecasts[i].issue > forecasts[i - 1].issue);
      AQI_FUZZ_CHECK(forecasts[i].first_valid >= forecasts[i].issue && !forecasts[i].aqi.empty());
      slots += forecasts[i].aqi.size();
    }
    AQI_FUZZ_CHECK(slots >= table.size());
    for (const auto& rules : aqi::builtin_rule_sets())
      aqi_fuzz::expect_aqi_errors([&] {
        const aqi::SeasonResult r = aqi::run_season(forecasts, rules);
        int days = 0;
        for (int d : r.warning_days) days += d;
        AQI_FUZZ_CHECK(static_cast<std::size_t>(days) == r.days.size());
        for (const auto& e : r.events) AQI_FUZZ_CHECK(e.level >= 0 && e.level <= rules.level_count());
      });
  });
  return 0;
}
