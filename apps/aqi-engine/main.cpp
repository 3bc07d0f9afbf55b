// aqi-engine — runs a county scenario through libaqi and prints the decisions: the observed
// AQI, the season's warning timeline, each warning's response, its measures by department, the
// emission cuts, the kiln rotation and the deadlines (report.hpp; docs/engine.md).
//   aqi-engine run <scenario-dir> [--json] [--lang en]
// Exit codes: 0 done, 1 bad input (the message names file, line and column), 2 bad usage.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "aqi/error.hpp"
#include "format.hpp"
#include "render.hpp"
#include "report.hpp"
#include "texts.hpp"

namespace {

constexpr const char* usage = "usage: aqi-engine run <scenario-dir> [--json] [--lang en]\n";

struct Command {
  std::string scenario;
  bool json = false;
  aqi::engine::Language language = aqi::engine::Language::en;
};

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
  if (positional.size() != 2 || positional[0] != "run") {
    std::fputs(usage, stderr);
    exit_code = 2;
    return std::nullopt;
  }
  c.scenario = positional[1];
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  const auto command = parse_args({argv + 1, argv + argc}, exit_code);
  if (!command) return exit_code;
  try {
    const auto report = aqi::engine::make_report(command->scenario);
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
