// load_scenario reads a directory, so this target fuzzes its scenario.toml: each input is written
// as <tmp>/scenario.toml beside small data files (the default scenario's, cut short) and the
// scenario is loaded and run through the season (SPEC L1–L6). The data files have targets of
// their own (observations, forecasts, imposed, inventory, kilns).
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "aqi/scenario.hpp"
#include "fuzzer-common.h"

namespace {

std::string directory;
constexpr long max_run_days = 10 * 366;

std::string first_lines(const std::string& text, int lines) {
  std::istringstream in(text);
  std::string out, line;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

void put(const std::string& name, const std::string& text) {
  std::ofstream out(directory + "/" + name, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) aqi_fuzz::finding("cannot write", name.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char name[] = "/tmp/aqi-fuzz-scenario-XXXXXX";
  if (!mkdtemp(name)) aqi_fuzz::finding("mkdtemp", name);
  directory = name;
  const std::string s = "scenarios/yiyuan-2019/";
  put("observations.csv", first_lines(aqi_fuzz::source_file(s + "observations.csv"), 60));
  put("forecasts.csv", first_lines(aqi_fuzz::source_file(s + "forecasts.csv"), 300));
  put("imposed.csv", aqi_fuzz::source_file(s + "imposed.csv"));
  put("kilns.csv", aqi_fuzz::source_file(s + "kilns.csv"));
  put("inventory.csv", first_lines(aqi_fuzz::source_file(s + "inventory.csv"), 40));
  put("rules.toml", aqi_fuzz::source_file("libaqi/rules/warnings/mee-2017.toml"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  put("scenario.toml", std::string(aqi_fuzz::text(data, size)));
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::Scenario s = aqi::load_scenario(directory);
    AQI_FUZZ_CHECK(s.rules != nullptr && s.plan != nullptr && s.season_start <= s.season_end);
    AQI_FUZZ_CHECK(s.observed_aqi.size() == static_cast<std::size_t>((s.season_end - s.season_start).days() + 1));
    // A season of decades (the loader accepts up to a century) runs the same code as one of a
    // decade, with a gaps table per forecast (issue 16) that takes minutes under ASan: the fuzzer's
    // 10 s hang limit would flag its length, not a hang. Its loading is still fuzzed.
    if ((s.season_end - s.season_start).days() > max_run_days) return;
    const aqi::SeasonResult r = aqi::run_scenario(s);
    AQI_FUZZ_CHECK(!r.days.empty());
  });
  return 0;
}
