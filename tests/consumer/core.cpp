// An embedder that needs only the AQI and the warnings: it includes aqi/index.hpp and
// aqi/warning.hpp and links aqi::core — no GLPK, no Eigen. Built against the installed package
// and the source tree and run by ctest (tests/consumer); docs/embedding.md shows this file.
#include <aqi/index.hpp>
#include <aqi/warning.hpp>

#include <cstdio>
#include <memory>
#include <vector>

int main() {
  bool ok = true;

  // SPEC A1–A3: PM2.5 80 µg/m³ (24 h) on 2019-12-01 is rated by HJ 633-2012:
  // 100 + (150 − 100)/(115 − 75)·(80 − 75) = 106.25 → 107 (A2 rounds up).
  const auto& edition = aqi::edition_in_force(boost::gregorian::date(2019, 12, 1));
  const auto rec = aqi::air_quality_index(edition, aqi::Concentrations{}.set(aqi::Indicator::pm25_24h, 80.0),
                                          aqi::Period::daily);
  std::printf("AQI %g (%s)\n", rec.aqi, rec.edition.c_str());
  ok = ok && rec.aqi == 107;

  // SPEC W4, R1: three days > 200 → orange, Level II; the plan's catalogue says what follows (R2).
  const std::vector<double> forecast{210, 250, 230};
  const aqi::Warning w = aqi::classify_daily(forecast);
  std::printf("%s\n", w.explain().c_str());
  ok = ok && w.level_name() == "orange" && w.response() == aqi::ResponseLevel::II;
  const auto tasks = aqi::measure_catalogue("yiyuan-2019").tasks("县住房城乡建设局", w.response());
  std::printf("县住房城乡建设局: %zu measures at Level II\n", tasks.size());
  ok = ok && !tasks.empty();

  // A rule set the office loads itself may go out of scope: the result shares what it refers to.
  std::shared_ptr<const aqi::RuleSet> kept = aqi::share(aqi::rule_set("mee-2017"));
  ok = ok && kept.get() == &aqi::rule_set("mee-2017");  // a built-in set is aliased, not copied
  return ok ? 0 : 1;
}
