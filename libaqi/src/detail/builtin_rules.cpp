#include "detail/builtin_rules.hpp"

namespace aqi::detail {

std::string_view builtin_rule_file(std::string_view path) {
  for (const auto& f : builtin_rule_files())
    if (f.path == path) return f.text;
  throw UnknownName("no built-in rule file '" + std::string(path) + "'");
}

std::vector<BuiltinRuleFile> builtin_rule_folder(std::string_view folder) {
  std::vector<BuiltinRuleFile> out;
  for (const auto& f : builtin_rule_files())
    if (f.path.substr(0, folder.size()) == folder) out.push_back(f);
  return out;
}

std::vector<std::string> builtin_plan_ids() {
  constexpr std::string_view folder = "plans/";
  std::vector<std::string> ids;
  for (const auto& f : builtin_rule_folder(folder)) {
    const auto rest = f.path.substr(folder.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) continue;
    const std::string id(rest.substr(0, slash));
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  return ids;
}

}  // namespace aqi::detail
