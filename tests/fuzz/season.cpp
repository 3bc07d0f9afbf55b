// run_season on fuzz-built forecasts (issue days, first valid days, arbitrary AQI doubles),
// imposed events and observations, under every built-in rule set (SPEC L1–L6). Invariants: bad
// input is an aqi error; otherwise the result covers every day of its window once, the warning
// days add up to the days, the response periods hold exactly the response hours, each event's
// level belongs to the set, the verification counts every observed day once per level, and every
// gap (issue 16) lies in the window, names a warning of the result (or none) and says what it did.
#include "aqi/warning/season.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  const auto& sets = aqi::builtin_rule_sets();
  const aqi::RuleSet& rules = sets[mode % sets.size()];
  aqi::SeasonOptions options;
  options.issue_hour = static_cast<int>(in.below(26));
  std::vector<aqi::DailyForecast> forecasts(in.below(12));
  aqi::date issue(2019, 10, 1);
  for (auto& f : forecasts) {
    issue += boost::gregorian::days(static_cast<long>(in.below(4)));
    f.issue = issue;
    f.first_valid = issue + boost::gregorian::days(static_cast<long>(in.below(3)));
    f.aqi.resize(in.below(10));
    for (auto& x : f.aqi) x = in.byte() < 20 ? in.number() : in.byte() * 1.9;
  }
  const std::size_t imposed = in.below(4);
  for (std::size_t k = 0; k < imposed; ++k) {
    aqi::ImposedEvent e;
    e.time = boost::posix_time::ptime(aqi::date(2019, 10, 1) + boost::gregorian::days(static_cast<long>(in.below(30))),
                                      boost::posix_time::hours(static_cast<long>(in.below(24))));
    e.type = static_cast<aqi::EventType>(in.below(4));
    e.level = static_cast<int>(in.below(static_cast<std::size_t>(rules.level_count()) + 1));
    options.imposed.push_back(e);
  }
  std::vector<double> observed(in.below(40));
  for (auto& x : observed) x = in.byte() < 20 ? in.number() : in.byte() * 1.9;
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::SeasonResult r = aqi::run_season(forecasts, rules, options, observed, aqi::date(2019, 10, 2));
    AQI_FUZZ_CHECK(!r.days.empty());
    int days = 0;
    for (int d : r.warning_days) days += d;
    AQI_FUZZ_CHECK(static_cast<std::size_t>(days) == r.days.size());
    for (std::size_t d = 1; d < r.days.size(); ++d)
      AQI_FUZZ_CHECK(r.days[d].day == r.days[d - 1].day + boost::gregorian::days(1));
    for (const auto& e : r.events) AQI_FUZZ_CHECK(e.level >= 0 && e.level <= rules.level_count());
    long period_hours = 0, response_hours = 0;
    const boost::posix_time::ptime end(r.days.back().day + boost::gregorian::days(1));
    for (const auto& p : r.periods) period_hours += ((p.end.is_special() ? end : p.end) - p.start).hours();
    for (const auto& [level, h] : r.response_hours) response_hours += h;
    AQI_FUZZ_CHECK(period_hours == response_hours);
    std::size_t observed_days = 0;
    for (const auto& d : r.days) observed_days += d.observed_level >= 0;
    for (const auto& v : r.verification)
      AQI_FUZZ_CHECK(static_cast<std::size_t>(v.hits + v.misses + v.false_alarms + v.correct_negatives) ==
                     observed_days);
    for (const auto& g : r.gaps) {
      AQI_FUZZ_CHECK(g.day >= r.days.front().day && g.day <= r.days.back().day);
      AQI_FUZZ_CHECK(g.warning == aqi::SeasonGap::no_warning || g.warning < r.warnings.size());
      AQI_FUZZ_CHECK(!g.detail.empty() && !g.detail_zh.empty());
    }
  });
  return 0;
}
