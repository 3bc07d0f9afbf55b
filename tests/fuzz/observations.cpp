// parse_observations (a scenario's observations.csv), then the dated AQI of what it read (SPEC A7:
// each record rated by the edition in force on its date). Invariant: one record per data row.
#include "aqi/detail/csv.hpp"
#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/observations.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const auto text = aqi_fuzz::text(data, size);
    const aqi::Observations obs = aqi::parse_observations(text, "observations.csv");
    AQI_FUZZ_CHECK(obs.size() == aqi::detail::parse_csv(text, "observations.csv").size());
    for (const auto& column : obs.values) AQI_FUZZ_CHECK(column.size() == obs.size());
    for (aqi::Period period : {aqi::Period::daily, aqi::Period::hourly}) {
      aqi_fuzz::expect_aqi_errors([&] {
        const aqi::AqiTable t =
            aqi::air_quality_index(aqi::span<const boost::gregorian::date>(obs.dates), obs.columns(), period);
        AQI_FUZZ_CHECK(t.size() == obs.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
          AQI_FUZZ_CHECK(std::isnan(t.aqi[i]) || (t.aqi[i] >= 0 && t.aqi[i] <= 500));
          AQI_FUZZ_CHECK(t.category[i] == static_cast<std::int8_t>(aqi::category_of(t.aqi[i])));
          AQI_FUZZ_CHECK(t.record_edition[i] != nullptr);
        }
      });
    }
  });
  return 0;
}
