// aqi-engine — runs a county scenario through libaqi and prints the decisions.
//   aqi-engine run <scenario-dir> [--json]
// Exit codes: 0 done, 1 bad input (the message names file, line and column), 2 bad usage.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aqi/aqi.hpp"
#include "aqi/detail/dates.hpp"

namespace {

constexpr const char* usage = "usage: aqi-engine run <scenario-dir> [--json]\n";

struct Report {
  std::string scenario;
  aqi::Observations observations;
  aqi::AqiTable aqi;
};

Report run(const std::string& dir) {
  Report r;
  r.scenario = dir;
  r.observations = aqi::read_observations(dir + "/observations.csv");
  const auto columns = r.observations.columns();
  r.aqi = aqi::air_quality_index(aqi::span<const boost::gregorian::date>(r.observations.dates), columns,
                                 aqi::Period::daily);
  return r;
}

std::string aqi_text(double a) { return std::isnan(a) ? "–" : std::to_string(static_cast<int>(a)); }

void print_text(const Report& r) {
  const auto& obs = r.observations;
  std::printf("libaqi %s — scenario %s\n", aqi::version, r.scenario.c_str());
  std::printf("Observed daily AQI, %s … %s (%zu days)\n\n", aqi::detail::iso(obs.dates.front()).c_str(),
              aqi::detail::iso(obs.dates.back()).c_str(), obs.size());
  std::printf("%-10s  %4s  %-8s  %-12s  %s\n", "date", "AQI", "category", "primary", "edition");
  std::map<int, int> days_per_category;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const auto cat = static_cast<aqi::Category>(r.aqi.category[i]);
    ++days_per_category[static_cast<int>(cat)];
    std::printf("%-10s  %4s  %-8s  %-12s  %s\n", aqi::detail::iso(obs.dates[i]).c_str(), aqi_text(r.aqi.aqi[i]).c_str(),
                std::string(aqi::name_zh(cat)).c_str(), r.aqi.primary(i).to_string().c_str(),
                r.aqi.record_edition[i]->id().c_str());
  }
  std::printf("\nDays per category (SPEC A3):\n");
  for (auto [cat, days] : days_per_category) {
    const auto c = static_cast<aqi::Category>(cat);
    std::printf("  %-8s %-20s %3d\n", cat == 0 ? "missing" : std::string(aqi::name_zh(c)).c_str(),
                std::string(aqi::name_en(c)).c_str(), days);
  }
  for (const auto& [edition, use] : r.aqi.uses) {
    std::string used, ignored;
    for (auto i : use.used) used += (used.empty() ? "" : ", ") + std::string(aqi::key(i));
    for (auto i : use.ignored) ignored += (ignored.empty() ? "" : ", ") + std::string(aqi::key(i));
    std::printf("%s rated: %s%s%s\n", edition->id().c_str(), used.c_str(),
                ignored.empty() ? "" : "; not rated: ", ignored.c_str());
  }
}

void print_json(const Report& r) {
  nlohmann::json days = nlohmann::json::array();
  const auto& obs = r.observations;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const double a = r.aqi.aqi[i];
    days.push_back({{"date", aqi::detail::iso(obs.dates[i])},
                    {"aqi", std::isnan(a) ? nlohmann::json(nullptr) : nlohmann::json(static_cast<int>(a))},
                    {"category", r.aqi.category[i]},
                    {"primary", r.aqi.primary(i).to_string()},
                    {"beyond_scale", r.aqi.beyond_scale[i] != 0},
                    {"edition", r.aqi.record_edition[i]->id()}});
  }
  nlohmann::json out{{"libaqi", aqi::version}, {"scenario", r.scenario}, {"observed_aqi", days}};
  std::cout << out.dump(2) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool json = false;
  std::vector<std::string> positional;
  for (const auto& a : args) {
    if (a == "--json")
      json = true;
    else if (a == "-h" || a == "--help") {
      std::fputs(usage, stdout);
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "aqi-engine: unknown option %s\n%s", a.c_str(), usage);
      return 2;
    } else
      positional.push_back(a);
  }
  if (positional.size() != 2 || positional[0] != "run") {
    std::fputs(usage, stderr);
    return 2;
  }
  try {
    const Report r = run(positional[1]);
    json ? print_json(r) : print_text(r);
  } catch (const aqi::Error& e) {
    std::fprintf(stderr, "aqi-engine: %s\n", e.what());
    return 1;
  }
  return 0;
}
