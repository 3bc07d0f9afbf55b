// What the command office's system does with libaqi, complete. Built against the installed
// package (find_package) and the source tree (add_subdirectory) and run by ctest; it exits 1 if
// the library gives a wrong answer. docs/embedding.md shows this file.
//   consumer [scenario-dir]
#include <aqi/aqi.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  bool ok = true;

  // 1. The AQI of a monitoring record (SPEC A1–A3). PM2.5 80 µg/m³ on 2019-12-01 (HJ 633-2012):
  //    100 + 50·5/40 = 106.25 → 107, primary PM2.5.
  const auto& edition = aqi::edition_in_force(boost::gregorian::date(2019, 12, 1));
  const auto rec = aqi::air_quality_index(edition, aqi::Concentrations{}.set(aqi::Indicator::pm25_24h, 80.0),
                                          aqi::Period::daily);
  std::printf("AQI %g (%s), primary %s\n", rec.aqi, rec.edition.c_str(), rec.primary.to_string().c_str());
  ok = ok && rec.aqi == 107 && rec.primary.to_string() == "PM2.5";

  // 2. The decision on the latest forecast, with its explanation (SPEC W4, W6, R1): four days
  //    > 200 with two consecutive > 300 → red, Level I response.
  const std::vector<double> forecast{150, 250, 320, 350, 260};
  const aqi::Warning w = aqi::classify_daily(forecast);
  std::printf("%s\n", w.explain().c_str());
  ok = ok && w.level_name() == "red" && w.response() == aqi::ResponseLevel::I;

  // 3. What one department must do at that level (SPEC R2).
  const auto& catalogue = aqi::builtin_measure_catalogue();
  const auto tasks = catalogue.tasks("县住房城乡建设局", w.response());
  for (const auto* m : tasks) std::printf("  %s %s\n", m->id.c_str(), m->en.c_str());
  ok = ok && !tasks.empty();

  // 4. Many stations at once, from several threads: everything is reentrant and the built-in
  //    rule sets are shared read-only.
  std::vector<aqi::Warning> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] { results[t] = aqi::classify_daily(forecast, {}, aqi::rule_set("mee-2017")); });
  for (auto& th : threads) th.join();
  for (const auto& r : results) ok = ok && r.level_name() == "red";

  // 5. Bad input is a typed error naming the value, never a crash.
  try {
    (void)aqi::classify_daily(std::vector<double>{100, -5});
    ok = false;
  } catch (const aqi::InvalidValue& e) {
    std::printf("rejected: %s\n", e.what());
    ok = ok && std::string(e.what()) == "values[1]: negative AQI -5 (SPEC W9)";
  }

  // 6. A whole scenario: files in, the season's decisions out (SPEC L1–L6).
  if (argc > 1) {
    try {
      const aqi::Scenario s = aqi::load_scenario(argv[1]);
      const aqi::SeasonResult season = aqi::run_scenario(s);
      std::printf("%s: %zu events, %zu response periods\n", s.name.c_str(), season.events.size(),
                  season.periods.size());
      ok = ok && !season.events.empty();
    } catch (const aqi::Error& e) {  // FileNotFound, ParseError (file:line:column), …
      std::printf("scenario error: %s\n", e.what());
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
