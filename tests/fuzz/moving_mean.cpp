// moving_mean on arbitrary doubles with any window and validity minimum (SPEC A5, W8).
// Invariants: bad arguments and negative or infinite values are aqi errors; otherwise every
// output is the mean of its window's valid values when there are at least min_valid of them (NaN
// otherwise), within rounding of a fresh sum — no drift, no cancellation of small values by a
// huge one that leaves the window.
#include "aqi/index/moving_mean.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::size_t window = in.below(50);
  const std::size_t min_valid = in.below(52);
  std::vector<double> v;
  while (!in.empty() && v.size() < 500) v.push_back(in.byte() < 40 ? in.number() : in.byte() * 1.7);
  aqi_fuzz::expect_aqi_errors([&] {
    const std::vector<double> m = aqi::moving_mean(v, window, min_valid);
    AQI_FUZZ_CHECK(m.size() == v.size());
    for (std::size_t t = 0; t < v.size(); ++t) {
      double sum = 0, largest = 0;
      std::size_t count = 0;
      for (std::size_t j = t + 1 >= window ? t + 1 - window : 0; j <= t; ++j)
        if (!std::isnan(v[j])) {
          sum += v[j];
          largest = std::max(largest, v[j]);
          ++count;
        }
      if (t + 1 < window || count < min_valid) {
        AQI_FUZZ_CHECK(std::isnan(m[t]));
      } else if (sum < std::numeric_limits<double>::max() / 2) {
        // Rounding of sums over at most 2·window terms, each at most `largest`.
        AQI_FUZZ_CHECK(std::fabs(m[t] - sum / static_cast<double>(count)) <= 1e-12 * largest * (4.0 * window));
      }
    }
  });
  return 0;
}
