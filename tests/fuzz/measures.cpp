// MeasureCatalogue::parse (the response measures and departments, SPEC R2), then the queries an
// analyst makes: the measures of each level, each department's tasks at each level.
#include "aqi/warning/measures.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::MeasureCatalogue c = aqi::MeasureCatalogue::parse(aqi_fuzz::text(data, size), "measures.toml");
    std::size_t total = 0;
    for (aqi::ResponseLevel level : aqi::all_response_levels) {
      total += c.at(level).size();
      for (const auto& d : c.departments) {
        AQI_FUZZ_CHECK(&c.department(d.id) == &d || c.department(d.id).id == d.id);
        for (const aqi::Measure* m : c.tasks(d.id, level)) AQI_FUZZ_CHECK(m->response == level);
      }
    }
    AQI_FUZZ_CHECK(total == c.measures.size());
  });
  return 0;
}
