// Edition::parse (an AQI regulation's breakpoint tables, SPEC A1, A4, A7), then IAQI and AQI
// under the parsed edition. Invariants: the scalar and the vectorised IAQI agree; IAQI of a
// valid concentration is NaN or a whole number within the edition's levels.
#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/iaqi.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::Edition e = aqi::Edition::parse(aqi_fuzz::text(data, size), "edition.toml");
    const std::vector<double> c{0, 0.5, 35, 75, 150, 160.8, 800, 801, 1e6, 1e300,
                                std::numeric_limits<double>::quiet_NaN()};
    std::vector<aqi::IndicatorColumn> columns;
    for (aqi::Indicator i : aqi::all_indicators) {
      if (!e.rates(i)) continue;
      columns.push_back({i, c});
      const std::vector<double> v = aqi::iaqi(e, i, c);
      for (std::size_t k = 0; k < c.size(); ++k) {
        AQI_FUZZ_CHECK(aqi_fuzz::same(v[k], aqi::iaqi(e, i, c[k])));
        AQI_FUZZ_CHECK(std::isnan(v[k]) || v[k] == std::floor(v[k]));
      }
      const auto& t = e.table(i);
      for (std::size_t p = 0; p < t.points; ++p) (void)aqi::iaqi(e, i, t.concentration[p]);
    }
    for (aqi::Period period : {aqi::Period::daily, aqi::Period::hourly})
      aqi_fuzz::expect_aqi_errors([&] {
        const aqi::AqiTable t = aqi::air_quality_index(e, columns, period);
        AQI_FUZZ_CHECK(t.size() == c.size());
      });
  });
  return 0;
}
