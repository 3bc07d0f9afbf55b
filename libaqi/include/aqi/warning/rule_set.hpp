// Warning rule sets as data — SPEC W4, W7, L1. A rule set is a list of named levels, each an OR
// of clauses; a clause is an AND of terms evaluated on one run of day-blocks. Files live under
// libaqi/rules/warnings/ (compiled in); a bureau loads its own file of the same form.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// One condition on day-means: above `threshold` (strictly or not), at most `at_most`, for at
// least `days` consecutive days (or, when not `consecutive`, on at least `days` days of the run).
struct RunTerm {
  double threshold = 0;
  bool strict = true;
  double at_most = std::numeric_limits<double>::infinity();
  int days = 1;
  bool consecutive = true;

  // NaN (a missing day, or a day excluded as dust) satisfies nothing (W5, W8).
  bool holds(double day_mean) const noexcept {
    return (strict ? day_mean > threshold : day_mean >= threshold) && day_mean <= at_most;
  }

  std::string describe() const {
    std::string s = "AQI " + std::string(strict ? "> " : "≥ ") + detail::format_number(threshold);
    if (std::isfinite(at_most))
      s = "AQI in " + detail::format_number(threshold + (strict ? 1 : 0)) + "–" + detail::format_number(at_most);
    s += consecutive ? " for ≥ " : " on ≥ ";
    s += std::to_string(days) + (days == 1 ? " day" : " days");
    return s;
  }
  // SPEC N5: the same in Chinese — "AQI > 200 连续 ≥ 4 天"; "累计" for days not consecutive.
  std::string describe_zh() const {
    std::string s = "AQI " + std::string(strict ? "> " : "≥ ") + detail::format_number(threshold);
    if (std::isfinite(at_most))
      s = "AQI " + detail::format_number(threshold + (strict ? 1 : 0)) + "–" + detail::format_number(at_most);
    return s + (consecutive ? " 连续 ≥ " : " 累计 ≥ ") + std::to_string(days) + " 天";
  }
};

struct Clause {
  std::vector<RunTerm> terms;  // terms[0] defines the run; the others must hold inside it
  bool anchored = false;       // the run must start on the first day of the series

  std::string describe() const {
    std::string s;
    for (const auto& t : terms) s += (s.empty() ? "" : " and ") + t.describe();
    return anchored ? s + ", from the first day" : s;
  }
  std::string describe_zh() const {
    std::string s;
    for (const auto& t : terms) s += (s.empty() ? "" : " 且 ") + t.describe_zh();
    return anchored ? s + "，自首日起" : s;
  }
};

struct LevelRule {
  std::string name;     // "yellow"
  std::string name_zh;  // "黄色"
  ResponseLevel response = ResponseLevel::none;
  std::vector<Clause> clauses;
};

// Level codes are int8 in batch results and day levels (and their numpy arrays).
inline constexpr int max_rule_set_levels = 127;

class RuleSet {
 public:
  std::string id;
  std::string title;
  std::string document;
  std::string measures;           // the measure catalogue file of its responses (may be empty)
  int year = 0;                   // the document's year (0: not given); orders the built-in sets
  std::vector<LevelRule> levels;  // level code k (1-based) is levels[k-1]; 0 = none
  int merge_gap_days = 0;         // episodes this close count as one (MEE 2017)
  int lift_first_hours = 36;      // L1: lift when the forecast's first hours are all ≤ …
  double lift_at_most = 200;
  int downgrade_consecutive_issues = 2;  // L1: a lower level must be forecast this many times
  // L12: forecast mode issues (or holds) a warning only for a qualifying run that starts within
  // this many hours of the forecast's issue; a run further ahead is logged as expected.
  int issue_horizon_hours = 72;
  // L5, L11: an ISSUE/UPGRADE less than this many hours before its run (forecast mode) or its
  // response start (relay mode) is flagged (Shandong 2019: 24 h; Shandong 2024: 48 h).
  int min_lead_hours = 24;
  // L12: a LIFT followed by an ISSUE within this many hours is a flap (season statistics, L3).
  int flap_window_hours = 48;

  int level_count() const noexcept { return static_cast<int>(levels.size()); }

  // "none" for 0.
  std::string level_name(int code) const {
    return code == 0 ? "none" : levels.at(static_cast<std::size_t>(code - 1)).name;
  }
  // SPEC N5: the Chinese name ("橙色"); "无预警" for 0.
  std::string level_name_zh(int code) const {
    return code == 0 ? "无预警" : levels.at(static_cast<std::size_t>(code - 1)).name_zh;
  }
  ResponseLevel response(int code) const {
    return code == 0 ? ResponseLevel::none : levels.at(static_cast<std::size_t>(code - 1)).response;
  }
  // A level by its English or Chinese name ("orange" or "橙色"; "none" is 0): every entry point
  // that takes a level takes it through here. Throws UnknownName listing the set's levels.
  int level_code(std::string_view name) const {
    if (name == "none") return 0;
    for (std::size_t k = 0; k < levels.size(); ++k)
      if (levels[k].name == name || levels[k].name_zh == name) return static_cast<int>(k + 1);
    throw UnknownName("unknown warning level '" + std::string(name) + "' in rule set " + id +
                      "; expected one of: " + level_names());
  }
  // "none, yellow, orange, red": the names level_code takes, for messages.
  std::string level_names() const {
    std::string known = "none";
    for (const auto& level : levels) known += ", " + level.name;
    return known;
  }
  // Throws InvalidArgument when a hand-built set has more levels than an int8 code can hold.
  void require_int8_levels() const {
    if (level_count() > max_rule_set_levels)
      throw InvalidArgument("rule set " + id + " has " + std::to_string(level_count()) + " levels; at most " +
                            std::to_string(max_rule_set_levels) + " fit the int8 level codes");
  }

  // Throws InvalidArgument when a hand-built set has a clause without terms: terms[0] defines the
  // run, so every classification would read past the end of the vector (a file cannot give one:
  // parse refuses it). The classification entry points check this first.
  void require_valid() const {
    for (const auto& level : levels)
      for (std::size_t c = 0; c < level.clauses.size(); ++c)
        if (level.clauses[c].terms.empty())
          throw InvalidArgument("rule set " + id + ": clause " + std::to_string(c + 1) + " of level '" + level.name +
                                "' has no terms (the first term defines the run)");
  }

  // The lift window in days for daily input: the first 36 hours are the first two days.
  int lift_first_days() const noexcept { return (lift_first_hours + 23) / 24; }

  static RuleSet parse(std::string_view text, const std::string& source);

  static RuleSet load(const std::string& path);
};

// The rule sets libaqi ships. Immutable, built once on first use (thread-safe).
const std::vector<RuleSet>& builtin_rule_sets();

// "yiyuan-2019" (the default), "mee-2017", "beijing-2013"; throws UnknownName naming them.
const RuleSet& rule_set(std::string_view id);

// A shared handle on `rules` for results that refer to it (Warning, SeasonResult): a built-in set
// is aliased (it lives as long as the program), any other set is copied, so a result never
// refers to an object its caller may destroy. Entry points that take a shared_ptr use it as is.
std::shared_ptr<const RuleSet> share(const RuleSet& rules);

namespace detail {
// The entry points that take a shared_ptr refuse a null one.
inline const RuleSet& require_rules(const std::shared_ptr<const RuleSet>& rules) {
  if (!rules) throw InvalidArgument("rules: a null rule set (give aqi::share(set) or a set of the Plan)");
  return *rules;
}
}  // namespace detail

inline const RuleSet& yiyuan_2019() { return rule_set("yiyuan-2019"); }

}  // namespace aqi
