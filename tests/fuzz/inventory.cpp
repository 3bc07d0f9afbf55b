// parse_inventory (the emission-reduction inventory CSV, SPEC E1–E9), then the cuts and the
// check at every response level (R3–R6) and the cheapest top-up (E10, GLPK). Invariants: one
// source per data row; cuts are fractions in [0, 1] (NaN for rules without a value) and never
// reduce a source by more than its baseline; a top-up that says it is feasible meets every target.
#include "aqi/detail/csv.hpp"
#include "aqi/emissions/top_up.hpp"
#include "aqi/detail/csv.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const auto text = aqi_fuzz::text(data, size);
    const aqi::Inventory inv = aqi::parse_inventory(text, "inventory.csv");
    AQI_FUZZ_CHECK(inv.size() == aqi::detail::parse_csv(text, "inventory.csv").size());
    inv.require_consistent();
    for (aqi::ResponseLevel level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}) {
      aqi::TopUpOptions options;
    options.time_limit = 2;  // a slow branch and bound is an aqi::Error, not a fuzzer timeout
      if (size % 3 == 1) options.cuts.dust_cap = 0.15;
      if (size % 3 == 2) options.cuts.dust_cap = 0.0;
      const aqi::EmissionCuts cuts = aqi::emission_cuts(inv, level, options.cuts);
      for (std::size_t i = 0; i < inv.size(); ++i) {
        const double c = cuts.cut[static_cast<Eigen::Index>(i)];
        AQI_FUZZ_CHECK(std::isnan(c) || (c >= 0 && c <= 1));
      }
      const aqi::TopUp t = aqi::top_up(inv, level, options);
      if (t.feasible)
        for (const auto& c : t.after) AQI_FUZZ_CHECK(c.met);
      for (const auto& c : t.cuts) AQI_FUZZ_CHECK(c.extra > 0 && c.new_cut <= 1);
    }
  });
  return 0;
}
