// parse_kilns (`id,lines,capacity`, SPEC K), then the rotation of the season (K1–K6). Invariants:
// one kiln per data row; the scheduler's own schedule passes the K7 validation.
#include "aqi/detail/csv.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "aqi/detail/csv.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const auto text = aqi_fuzz::text(data, size);
    const std::vector<aqi::Kiln> kilns = aqi::parse_kilns(text, "kilns.csv");
    AQI_FUZZ_CHECK(kilns.size() == aqi::detail::parse_csv(text, "kilns.csv").size());
    aqi::KilnScheduleOptions options;
    options.rotation = size % 2 ? aqi::LineRotation::cyclic : aqi::LineRotation::fixed;
    options.exact_up_to = 8;
    const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019, options);
    AQI_FUZZ_CHECK(s.kiln_batch.size() == kilns.size());
    AQI_FUZZ_CHECK(aqi::validate_kiln_schedule(kilns, s.windows, 2019, options).empty());
  });
  return 0;
}
