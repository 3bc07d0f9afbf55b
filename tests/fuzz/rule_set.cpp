// RuleSet::parse (a bureau's warning rules, SPEC W7), then classification with the parsed set:
// daily, hourly, the batch (whose compiled automaton must give the general search's answer on
// every series), the day levels of L4 and a short season (L1).
#include "aqi/warning/classify_batch.hpp"
#include "aqi/warning/season.hpp"
#include "aqi/warning/classify.hpp"
#include "fuzzer-common.h"

namespace {

// Hourly AQI with a four-day episode over 300, a dip, missing hours, and a tail.
std::vector<double> hourly_series() {
  std::vector<double> h;
  for (int t = 0; t < 24 * 9 + 7; ++t) {
    double v = 120 + 60 * ((t / 24) % 3);
    if (t >= 48 && t < 48 + 96) v = 310 + (t % 24) * 4;
    if (t % 31 == 5) v = std::numeric_limits<double>::quiet_NaN();
    h.push_back(v);
  }
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::RuleSet rules = aqi::RuleSet::parse(aqi_fuzz::text(data, size), "rules.toml");
    AQI_FUZZ_CHECK(rules.level_count() >= 1);
    const std::vector<std::vector<double>> daily{
        {150, 250, 320, 350, 260}, {210, 220, 230, 240, 250, 260}, {460, 120}, {500}, {},
        {201, std::numeric_limits<double>::quiet_NaN(), 301, 302, 451, 201, 199}};
    for (const auto& d : daily) {
      const aqi::Warning w = aqi::classify_daily(d, {}, rules);
      AQI_FUZZ_CHECK(w.level >= 0 && w.level <= rules.level_count());
      AQI_FUZZ_CHECK(w.level == 0 || (w.first >= 0 && w.first <= w.last));
      (void)w.explain();
      const std::vector<std::int8_t> levels = aqi::day_levels(d, {}, rules);
      AQI_FUZZ_CHECK(levels.size() == d.size());
    }
    const std::vector<double> h = hourly_series();
    const aqi::Warning w = aqi::classify_hourly(h, {}, rules);
    (void)w.explain();
    std::vector<double> batch(h.begin(), h.end());
    batch.insert(batch.end(), h.begin() + 24, h.end());
    batch.insert(batch.end(), h.begin() + 24, h.end());
    std::vector<std::int8_t> out(1);
    aqi::classify_batch(h, {h.size()}, aqi::SeriesKind::hourly, rules, out);
    AQI_FUZZ_CHECK(out[0] == w.level);
    aqi::classify_batch(daily[5], {daily[5].size()}, aqi::SeriesKind::daily, rules, out);
    AQI_FUZZ_CHECK(out[0] == aqi::classify_daily(daily[5], {}, rules).level);

    aqi::DailyForecast f1{aqi::date(2019, 11, 10), aqi::date(2019, 11, 11), daily[0]};
    aqi::DailyForecast f2{aqi::date(2019, 11, 11), aqi::date(2019, 11, 12), daily[1]};
    aqi::DailyForecast f3{aqi::date(2019, 11, 12), aqi::date(2019, 11, 13), {100, 90, 80}};
    const aqi::SeasonResult r = aqi::run_season({f1, f2, f3}, rules, {}, daily[1], aqi::date(2019, 11, 11));
    AQI_FUZZ_CHECK(r.warning_days.size() == static_cast<std::size_t>(rules.level_count()) + 1);
  });
  return 0;
}
