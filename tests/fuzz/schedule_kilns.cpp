// schedule_kilns on fuzz-built kiln tables and options: ids (duplicates and empty ones), line
// counts, capacities from plain decimals to the largest, smallest and non-finite doubles, month
// weights, the January extension, its placement, the line rotation and the exhaustive-search
// limit, in ordinary and edge seasons (SPEC K1–K6). Invariants: bad input is an aqi error;
// otherwise the schedule passes the K7 validation and evaluating its windows gives back its
// monthly stopped capacity.
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  const int years[] = {2019, 2020, 2023, 1900, 1901, 9997, 9998, 9999};
  const int season = years[in.below(8)];
  aqi::KilnScheduleOptions options;
  options.rotation = mode & 1 ? aqi::LineRotation::cyclic : aqi::LineRotation::fixed;
  options.extension = mode & 2 ? aqi::ExtensionPlacement::before_start : aqi::ExtensionPlacement::after_end;
  // −1: the rules' own extension (nullopt).
  if (const int days = static_cast<int>(in.below(100)) - 1; days >= 0) options.january_extension_days = days;
  options.exact_up_to = in.below(10);
  if (mode & 4) options.month_weights = in.numbers(mode & 8 ? 5 : 6);
  std::vector<aqi::Kiln> kilns(in.below(24));
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    const std::uint8_t b = in.byte();
    kilns[i].id = b < 4 ? "" : b < 8 ? "dup" : "k" + std::to_string(i);
    kilns[i].lines = static_cast<int>(in.below(8)) - (b == 9 ? 1 : 0);
    kilns[i].capacity = in.byte() < 32 ? in.number() : 1 + in.below(20);
  }
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, season, options);
    AQI_FUZZ_CHECK(s.kiln_batch.size() == kilns.size());
    AQI_FUZZ_CHECK(aqi::validate_kiln_schedule(kilns, s.windows, season, options).empty());
    const aqi::KilnScheduleEvaluation e = aqi::evaluate_kiln_schedule(kilns, s.windows, season, options);
    AQI_FUZZ_CHECK(e.months.size() == s.months.size());
    if (std::isfinite(s.total_capacity))
      for (std::size_t m = 0; m < s.months.size(); ++m)
        AQI_FUZZ_CHECK(std::fabs(e.months[m].stopped_capacity - s.months[m].stopped_capacity) <=
                       1e-9 * s.total_capacity);
  });
  return 0;
}
