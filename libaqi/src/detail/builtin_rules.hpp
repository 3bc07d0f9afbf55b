// The rule files compiled into the library (libaqi/rules/**/*.toml), and the one way every
// built-in set is found: by folder, then by id.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/error.hpp"
#include "aqi/span.hpp"

namespace aqi::detail {

struct BuiltinRuleFile {
  std::string_view path;  // relative to libaqi/rules/, e.g. "plans/yiyuan-2019/warnings.toml"
  std::string_view text;
};

// Every built-in file, sorted by path (generated: embedded_rules.cpp).
span<const BuiltinRuleFile> builtin_rule_files() noexcept;

// One file by path; throws UnknownName.
std::string_view builtin_rule_file(std::string_view path);

// The files whose path starts with `folder` ("editions/"), sorted by path.
std::vector<BuiltinRuleFile> builtin_rule_folder(std::string_view folder);

// The ids of the built-in plans: the folders under plans/, sorted.
std::vector<std::string> builtin_plan_ids();

// The path of a built-in plan's file: "plans/<id>/<file>".
inline std::string builtin_plan_file(std::string_view id, std::string_view file) {
  return "plans/" + std::string(id) + "/" + std::string(file);
}

// How errors name a built-in file.
inline std::string builtin_source(std::string_view path) { return "libaqi/rules/" + std::string(path); }

// Every file of a folder parsed with `parse(text, source)`, in path order.
template <class T, class Parse>
std::vector<T> parse_builtin_folder(std::string_view folder, Parse parse) {
  std::vector<T> out;
  for (const auto& f : builtin_rule_folder(folder)) out.push_back(parse(f.text, builtin_source(f.path)));
  return out;
}

// A shared handle on `x` for a result that must outlive the caller's object: an element of the
// built-in `registry` (which lives as long as the program) is aliased, anything else is copied.
template <class T>
std::shared_ptr<const T> share_or_copy(const T& x, const std::vector<T>& registry) {
  for (const auto& b : registry)
    if (&b == &x) return std::shared_ptr<const T>(std::shared_ptr<const void>(), &b);
  return std::make_shared<const T>(x);
}

// The element of `all` whose id is `id`; throws UnknownName naming `what` and the known ids.
template <class T, class IdOf>
const T& find_by_id(const std::vector<T>& all, std::string_view id, IdOf id_of, std::string_view what,
                    std::string_view hint = {}) {
  std::string known;
  for (const auto& x : all) {
    if (id_of(x) == id) return x;
    known += (known.empty() ? "" : ", ") + std::string(id_of(x));
  }
  throw UnknownName("unknown " + std::string(what) + " '" + std::string(id) + "'; expected one of: " + known +
                    std::string(hint));
}

}  // namespace aqi::detail
