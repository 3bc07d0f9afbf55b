// classify_daily, classify_hourly, classify_daily_range and day_levels on arbitrary doubles and
// dust flags, under every built-in rule set (SPEC W1–W9). Invariants: a negative or infinite
// value is an InvalidValue; otherwise the level is a level of the set, its run lies inside the
// series, the explanation can be written, and flagging every day as dust leaves no warning.
#include "aqi/warning/classify.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  const auto& sets = aqi::builtin_rule_sets();
  const aqi::RuleSet& rules = sets[mode % sets.size()];
  const bool with_dust = mode & 8;
  std::vector<double> v;
  std::vector<std::uint8_t> dust;
  while (!in.empty() && v.size() < 600) {
    v.push_back(in.number());
    if (with_dust) dust.push_back(in.byte() < 16);
  }
  auto check = [&](const aqi::Warning& w, std::size_t n) {
    AQI_FUZZ_CHECK(w.level >= 0 && w.level <= rules.level_count());
    if (w.level > 0)
      AQI_FUZZ_CHECK(w.first >= 0 && w.first <= w.last && static_cast<std::size_t>(w.last) < n);
    (void)w.explain();
  };
  aqi_fuzz::expect_aqi_errors([&] { check(aqi::classify_daily(v, dust, rules), v.size()); });
  aqi_fuzz::expect_aqi_errors([&] { check(aqi::classify_hourly(v, dust, rules), v.size()); });
  aqi_fuzz::expect_aqi_errors([&] {
    const auto levels = aqi::day_levels(v, dust, rules);
    AQI_FUZZ_CHECK(levels.size() == v.size());
    for (auto l : levels) AQI_FUZZ_CHECK(l >= 0 && l <= rules.level_count());
  });
  aqi_fuzz::expect_aqi_errors([&] {
    const std::vector<std::uint8_t> all(v.size(), 1);
    AQI_FUZZ_CHECK(aqi::classify_daily(v, all, rules).level == 0);
    AQI_FUZZ_CHECK(aqi::classify_hourly(v, all, rules).level == 0);
  });
  const std::size_t half = v.size() / 2;
  const std::vector<double> lo(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(half));
  const std::vector<double> hi(v.begin() + static_cast<std::ptrdiff_t>(half),
                               v.begin() + static_cast<std::ptrdiff_t>(2 * half));
  for (aqi::RangeBasis basis : {aqi::RangeBasis::hi, aqi::RangeBasis::mid, aqi::RangeBasis::lo})
    aqi_fuzz::expect_aqi_errors([&] { check(aqi::classify_daily_range(lo, hi, basis, {}, rules), half); });
  return 0;
}
