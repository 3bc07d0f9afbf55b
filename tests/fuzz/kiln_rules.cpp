// KilnRules::parse (a plan's kiln rotation rules, SPEC K1–K5), then its season calendar in
// ordinary and edge years and the rotation of a kiln table under it. Invariant: the scheduler's
// own schedule passes the K7 validation under the same rules.
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::KilnRules rules = aqi::KilnRules::parse(aqi_fuzz::text(data, size), "kilns.toml");
    const std::vector<aqi::Kiln> kilns{{"a", 1, 9.5}, {"b", 1, 8}, {"c", 1, 6}, {"d", 2, 5}, {"e", 3, 4},
                                       {"f", 1, 7},   {"g", 1, 3}};
    for (int year : {2019, 2020, 1901, 9997, 9998}) {
      for (auto placement : {aqi::ExtensionPlacement::after_end, aqi::ExtensionPlacement::before_start})
        aqi_fuzz::expect_aqi_errors([&] {
          const aqi::KilnSeason season(year, rules, std::nullopt, placement);
          for (std::size_t b = 0; b < season.batches(); ++b) (void)season.window(b).text();
          for (std::size_t m = 0; m < season.months(); ++m) (void)season.month_label(m);
          aqi::KilnScheduleOptions options;
          options.extension = placement;
          options.rotation = year % 2 ? aqi::LineRotation::cyclic : aqi::LineRotation::fixed;
          const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, year, options, rules);
          AQI_FUZZ_CHECK(aqi::validate_kiln_schedule(kilns, s.windows, year, options, rules).empty());
        });
    }
  });
  return 0;
}
