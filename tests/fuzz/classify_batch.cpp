// classify_batch on arbitrary doubles in 1–3 dimensions, daily or hourly, on one thread or
// several (SPEC W1–W9 per series). Invariants: a negative or infinite value is an InvalidValue
// whose flat index is the first bad value; otherwise each series' level is exactly what
// classify_daily / classify_hourly give it (the compiled automaton against the general search),
// whatever the threads.
#include "aqi/warning/classify_batch.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  const auto& sets = aqi::builtin_rule_sets();
  const aqi::RuleSet& rules = sets[mode % sets.size()];
  const aqi::SeriesKind kind = mode & 4 ? aqi::SeriesKind::hourly : aqi::SeriesKind::daily;
  std::vector<std::size_t> shape;
  const std::size_t dims = 1 + in.below(3);
  for (std::size_t d = 0; d + 1 < dims; ++d) shape.push_back(in.below(4));
  shape.push_back(in.below(kind == aqi::SeriesKind::hourly ? 200 : 40));
  std::size_t total = 1;
  for (std::size_t d : shape) total *= d;
  std::vector<double> v(total);
  // Mostly plausible AQI with the occasional arbitrary value: the runs, not only the errors.
  for (auto& x : v) x = in.byte() < 24 ? in.number() : static_cast<double>(in.byte()) * 2;
  const std::size_t length = shape.back();
  const std::size_t series = length == 0 ? 0 : total / length;
  std::vector<std::int8_t> one(series, -1), many(series, -1);
  aqi::Parallelism single, threads;
  single.threads = 1;
  threads.threads = 3;
  threads.min_per_thread = 1;
  std::size_t first_bad = aqi::detail::npos;
  for (std::size_t k = 0; k < v.size() && first_bad == aqi::detail::npos; ++k)
    if (v[k] < 0 || std::isinf(v[k])) first_bad = k;
  try {
    aqi::classify_batch(v, shape, kind, rules, one, single);
    AQI_FUZZ_CHECK(first_bad == aqi::detail::npos);
  } catch (const aqi::InvalidValue& e) {
    AQI_FUZZ_CHECK(e.index() == first_bad);
    return 0;
  }
  aqi::classify_batch(v, shape, kind, rules, many, threads);
  AQI_FUZZ_CHECK(one == many);
  for (std::size_t s = 0; s < series; ++s) {
    const aqi::span<const double> x(v.data() + s * length, length);
    const int level = kind == aqi::SeriesKind::hourly ? aqi::classify_hourly(x, {}, rules).level
                                                      : aqi::classify_daily(x, {}, rules).level;
    AQI_FUZZ_CHECK(one[s] == level);
  }
  return 0;
}
