// iaqi on arbitrary doubles — NaN, ±inf, the largest and smallest magnitudes, denormals, -0,
// negatives, raw bit patterns — for every indicator of every built-in edition, scalar and
// vectorised, with and without rounding the inputs (SPEC A1, A2, A4, A6). Invariants: negative
// or infinite input is an InvalidValue naming the first such index; otherwise the scalar and the
// vectorised results agree, are NaN or a whole number in 0…500, and never fall as the
// concentration rises.
#include <algorithm>

#include "aqi/index/iaqi.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const bool round = in.flag();
  std::vector<double> c;
  while (!in.empty() && c.size() < 300) c.push_back(in.number());
  aqi::IaqiOptions options;
  options.round_inputs = round;
  options.parallelism.threads = 2;
  options.parallelism.min_per_thread = 64;  // large inputs take the threaded path
  std::size_t first_bad = aqi::detail::npos;
  for (std::size_t k = 0; k < c.size() && first_bad == aqi::detail::npos; ++k)
    if (c[k] < 0 || std::isinf(c[k])) first_bad = k;
  for (const aqi::Edition& e : aqi::builtin_editions())
    for (aqi::Indicator i : aqi::all_indicators) {
      if (!e.rates(i)) continue;
      std::vector<double> v;
      try {
        v = aqi::iaqi(e, i, c, options);
        AQI_FUZZ_CHECK(first_bad == aqi::detail::npos);
      } catch (const aqi::InvalidValue& bad) {
        AQI_FUZZ_CHECK(bad.index() == first_bad);
        continue;
      }
      std::vector<std::pair<double, double>> rated;
      for (std::size_t k = 0; k < c.size(); ++k) {
        AQI_FUZZ_CHECK(aqi_fuzz::same(v[k], aqi::iaqi(e, i, c[k], options)));
        AQI_FUZZ_CHECK(std::isnan(v[k]) || (v[k] == std::floor(v[k]) && v[k] >= 0 && v[k] <= 500));
        if (!std::isnan(v[k])) rated.emplace_back(c[k], v[k]);
      }
      {  // rounding half to even is monotone as well
        std::sort(rated.begin(), rated.end());
        for (std::size_t k = 1; k < rated.size(); ++k) AQI_FUZZ_CHECK(rated[k - 1].second <= rated[k].second);
      }
    }
  return 0;
}
