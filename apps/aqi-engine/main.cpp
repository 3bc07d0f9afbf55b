// aqi-engine — runs a county scenario through libaqi and prints the decisions: the observed
// AQI, the season's warning timeline, each warning's response, its measures by department, the
// emission cuts, the kiln rotation and the deadlines (report.hpp; docs/engine.md) — in Chinese by
// default (SPEC N5); and writes what the office hands out (SPEC N1–N4, documents.hpp).
//   aqi-engine run <scenario-dir> [--json] [--lang zh|en] [--mode relay|forecast]
//   aqi-engine notices <scenario-dir> --out DIR [--mode relay|forecast]
//   aqi-engine measures-template [--out FILE] [--plan ID]   (SPEC E13: the bureau's template)
// Exit codes: 0 done, 1 bad input (the message names file, line and column), 2 bad usage.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "aqi/emissions/industry_measures.hpp"
#include "aqi/error.hpp"
#include "aqi/plan.hpp"
#include "aqi/scenario.hpp"
#include "documents.hpp"
#include "format.hpp"
#include "render.hpp"
#include "report.hpp"
#include "texts.hpp"

namespace {

constexpr const char* usage =
    "usage: aqi-engine run <scenario-dir> [--json] [--lang zh|en] [--mode relay|forecast]\n"
    "       aqi-engine notices <scenario-dir> --out DIR [--mode relay|forecast]\n"
    "       aqi-engine measures-template [--out FILE] [--plan ID]\n";

// SPEC E13: `measures-template [--out FILE] [--plan ID]` writes every (industry, grade, level) row
// of the plan's measure table with its status, in the override file's form; stdout without
// --out. Returns the exit code.
int measures_template_command(const std::vector<std::string>& args) {
  std::string out_file, plan_id = "yiyuan-2019";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--out" || args[i] == "--plan") && i + 1 < args.size()) {
      (args[i] == "--out" ? out_file : plan_id) = args[i + 1];
      ++i;
    } else {
      std::fprintf(stderr, "aqi-engine: measures-template: unexpected argument %s\n%s", args[i].c_str(), usage);
      return 2;
    }
  }
  try {
    const std::string text = aqi::measures_template(*aqi::plan(plan_id).industry_measures);
    if (out_file.empty()) {
      std::cout << text;
      return 0;
    }
    std::ofstream out(out_file, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw aqi::Error("cannot write " + out_file);
    std::fprintf(stderr, "aqi-engine: wrote the measure-table template to %s\n", out_file.c_str());
  } catch (const aqi::Error& e) {
    std::fprintf(stderr, "aqi-engine: %s\n", e.what());
    return 1;
  }
  return 0;
}

struct Command {
  std::string verb;  // run | notices
  std::string scenario;
  std::string out;  // notices: the folder written
  bool json = false;
  aqi::engine::Language language = aqi::engine::Language::zh;  // SPEC N5
  std::optional<aqi::SeasonMode> mode;                         // SPEC L7: the scenario's own unless chosen here
};

// --mode relay|forecast; false (and the message printed) for anything else.
bool parse_mode(const std::vector<std::string>& args, std::size_t& i, Command& c) {
  const std::string value = i + 1 < args.size() ? args[++i] : "(none)";
  if (value != "relay" && value != "forecast") {
    std::fprintf(stderr, "aqi-engine: unknown mode %s; expected relay or forecast\n", value.c_str());
    return false;
  }
  c.mode = aqi::parse_season_mode(value);
  return true;
}

// The command line, or the exit code when there is nothing to run (help, bad usage).
std::optional<Command> parse_args(const std::vector<std::string>& args, int& exit_code) {
  Command c;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a == "--json") {
      c.json = true;
    } else if (a == "--lang") {
      const auto language = i + 1 < args.size() ? aqi::engine::parse_language(args[++i]) : std::nullopt;
      if (!language) {
        std::fprintf(stderr, "aqi-engine: unknown language %s; expected one of: %s\n",
                     i < args.size() && args[i] != "--lang" ? args[i].c_str() : "(none)",
                     aqi::engine::join(aqi::engine::language_codes(), ", ").c_str());
        exit_code = 2;
        return std::nullopt;
      }
      c.language = *language;
    } else if (a == "--out" && i + 1 < args.size()) {
      c.out = args[++i];
    } else if (a == "--mode") {
      if (!parse_mode(args, i, c)) {
        exit_code = 2;
        return std::nullopt;
      }
    } else if (a == "-h" || a == "--help") {
      std::fputs(usage, stdout);
      exit_code = 0;
      return std::nullopt;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "aqi-engine: unknown option %s\n%s", a.c_str(), usage);
      exit_code = 2;
      return std::nullopt;
    } else {
      positional.push_back(a);
    }
  }
  const bool notices = positional.size() == 2 && positional[0] == "notices";
  if (positional.size() != 2 || (positional[0] != "run" && !notices) || notices != !c.out.empty()) {
    std::fputs(usage, stderr);
    exit_code = 2;
    return std::nullopt;
  }
  c.verb = positional[0];
  c.scenario = positional[1];
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  if (argc > 1 && std::string(argv[1]) == "measures-template")
    return measures_template_command({argv + 1, argv + argc});
  const auto command = parse_args({argv + 1, argv + argc}, exit_code);
  if (!command) return exit_code;
  try {
    aqi::Scenario scenario = aqi::load_scenario(command->scenario);
    if (command->mode) aqi::choose_mode(scenario, *command->mode);
    if (command->verb == "notices") {
      const auto season = aqi::run_scenario(scenario);
      for (const auto& path : aqi::engine::write_documents(scenario, season, command->out)) std::cout << path << '\n';
      return 0;
    }
    const auto report = aqi::engine::build_report(scenario);
    if (command->json) {
      std::cout << aqi::engine::render_json(report) << '\n';
    } else {
      aqi::engine::render_text(report, aqi::engine::texts(command->language), std::cout);
    }
  } catch (const aqi::Error& e) {
    std::fprintf(stderr, "aqi-engine: %s\n", e.what());
    return 1;
  }
  return 0;
}
