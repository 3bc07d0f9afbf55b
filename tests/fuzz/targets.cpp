// EmissionTargets::parse (a plan's reduction targets, SPEC R3, R4), then the check and the top-up
// of the default scenario's inventory against them (R3–R6, E10). Invariant: a feasible top-up
// meets every target it was given.
#include "aqi/emissions/top_up.hpp"
#include "scenario-inventory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const aqi::Inventory& inventory = aqi_fuzz::scenario_inventory();
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::EmissionTargets targets = aqi::EmissionTargets::parse(aqi_fuzz::text(data, size), "targets.toml");
    aqi::TopUpOptions options;
    options.time_limit = 2;  // a slow branch and bound is an aqi::Error, not a fuzzer timeout
    options.cuts.targets = &targets;
    options.cuts.dust_cap = 0.15;
    for (aqi::ResponseLevel level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}) {
      for (auto p : aqi::all_emission_pollutants) {
        const double t = targets.ratio(level, p);
        AQI_FUZZ_CHECK(t >= 0 && t <= 1);
      }
      const aqi::EmissionCuts cuts = aqi::emission_cuts(inventory, level, options.cuts);
      const aqi::TopUp t = aqi::top_up(inventory, level, options);
      AQI_FUZZ_CHECK(t.needed == !cuts.met);
      if (t.feasible)
        for (const auto& c : t.after) AQI_FUZZ_CHECK(c.met);
    }
  });
  return 0;
}
