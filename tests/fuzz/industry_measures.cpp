// IndustryMeasures::parse (a bureau's override of the measure table, SPEC E3–E5), then the
// built-in table overridden by it, and the cuts and top-up of the default scenario's inventory
// under the result. A table that is not complete on its own must say so (InvalidArgument).
#include "aqi/emissions/top_up.hpp"
#include "scenario-inventory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const aqi::Inventory& inventory = aqi_fuzz::scenario_inventory();
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::IndustryMeasures bureau = aqi::IndustryMeasures::parse(aqi_fuzz::text(data, size), "bureau.toml");
    for (const auto& r : bureau.rules()) AQI_FUZZ_CHECK(std::isnan(r.cut) || (r.cut >= 0 && r.cut <= 1));
    aqi_fuzz::expect_aqi_errors([&] { bureau.require_complete(); });
    const aqi::IndustryMeasures table = aqi::builtin_industry_measures().overridden_by(bureau);
    table.require_complete();
    aqi::TopUpOptions options;
    options.time_limit = 2;  // a slow branch and bound is an aqi::Error, not a fuzzer timeout
    options.cuts.measures = &table;
    for (aqi::ResponseLevel level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}) {
      const aqi::EmissionCuts cuts = aqi::emission_cuts(inventory, level, options.cuts);
      for (std::size_t i = 0; i < inventory.size(); ++i) {
        const double c = cuts.cut[static_cast<Eigen::Index>(i)];
        AQI_FUZZ_CHECK(std::isnan(c) || (c >= 0 && c <= 1));
        if (cuts.basis[i] == aqi::CutBasis::rule) (void)aqi::cut_measure(cuts, inventory, i, table);
      }
      (void)aqi::top_up(inventory, level, options);
    }
  });
  return 0;
}
