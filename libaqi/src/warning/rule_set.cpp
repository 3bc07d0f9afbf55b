#include "aqi/warning/rule_set.hpp"

#include <algorithm>

#include "detail/builtin_rules.hpp"
#include "detail/toml.hpp"

namespace aqi {

namespace {

int whole(const toml::node& n, const std::string& source, int minimum) {
  const auto v = detail::integer_value(n);
  if (!v || *v < minimum || *v > 10000)
    throw detail::toml_error(source, n, "expected a whole number ≥ " + std::to_string(minimum));
  return static_cast<int>(*v);
}

Clause parse_clause(const toml::node& node, const std::string& source) {
  using namespace detail;
  const auto* t = node.as_table();
  if (!t) throw toml_error(source, node, "a clause must be a table { terms = [...] }");
  require_known_keys(*t, source, {"terms", "anchored"});
  Clause c;
  if (const auto* a = t->get("anchored")) {
    auto b = a->value<bool>();
    if (!b) throw toml_error(source, *a, "'anchored' must be true or false");
    c.anchored = *b;
  }
  for (const auto& tn : require_array(*t, "terms", source)) {
    const auto* tt = tn.as_table();
    if (!tt) throw toml_error(source, tn, "a term must be a table { above = …, days = … }");
    require_known_keys(*tt, source, {"above", "strict", "at_most", "days", "consecutive"});
    RunTerm term;
    term.threshold = require_number(*tt, "above", source);
    term.days = whole(require_node(*tt, "days", source), source, 1);
    if (const auto* s = tt->get("strict")) {
      auto b = s->value<bool>();
      if (!b) throw toml_error(source, *s, "'strict' must be true or false");
      term.strict = *b;
    }
    if (tt->contains("at_most")) term.at_most = require_number(*tt, "at_most", source);
    if (const auto* s = tt->get("consecutive")) {
      auto b = s->value<bool>();
      if (!b) throw toml_error(source, *s, "'consecutive' must be true or false");
      term.consecutive = *b;
    }
    if (!(term.at_most > term.threshold)) throw toml_error(source, tn, "'at_most' must exceed 'above'");
    c.terms.push_back(term);
  }
  if (c.terms.empty()) throw toml_error(source, node, "a clause needs at least one term");
  if (!c.terms[0].consecutive) throw toml_error(source, node, "the first term defines a run: it must be consecutive");
  return c;
}

}  // namespace

RuleSet RuleSet::parse(std::string_view text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(text, source);
  require_known_keys(root, source,
                     {"id", "title", "document", "year", "measures", "merge_gap_days", "issue_horizon_hours",
                      "min_lead_hours", "flap_window_hours", "level", "lift", "downgrade"});
  RuleSet r;
  r.id = require_string(root, "id", source);
  r.title = require_string(root, "title", source);
  r.document = require_string(root, "document", source);
  r.measures = optional_string(root, "measures", source);
  if (root.contains("year")) r.year = whole(require_node(root, "year", source), source, 1);
  if (root.contains("merge_gap_days"))
    r.merge_gap_days = whole(require_node(root, "merge_gap_days", source), source, 0);
  // L5, L11, L12: optional (a bureau's older file keeps the defaults 72, 24 and 48 hours).
  if (root.contains("issue_horizon_hours"))
    r.issue_horizon_hours = whole(require_node(root, "issue_horizon_hours", source), source, 1);
  if (root.contains("min_lead_hours"))
    r.min_lead_hours = whole(require_node(root, "min_lead_hours", source), source, 0);
  if (root.contains("flap_window_hours"))
    r.flap_window_hours = whole(require_node(root, "flap_window_hours", source), source, 1);
  const auto* levels = root.get_as<toml::array>("level");
  if (!levels || levels->empty()) throw toml_error(source, root, "a rule set needs at least one [[level]]");
  for (const auto& node : *levels) {
    const auto* t = node.as_table();
    if (!t) throw toml_error(source, node, "[[level]] entries must be tables");
    if (r.level_count() == max_rule_set_levels)
      throw toml_error(source, node, "a rule set has at most " + std::to_string(max_rule_set_levels) + " levels");
    require_known_keys(*t, source, {"name", "name_zh", "response", "clauses"});
    LevelRule level;
    level.name = require_string(*t, "name", source);
    level.name_zh = optional_string(*t, "name_zh", source, level.name);
    if (level.name == "none") throw toml_error(source, node, "'none' is reserved for no warning");
    for (const auto& other : r.levels)
      if (other.name == level.name) throw toml_error(source, node, "level '" + level.name + "' appears twice");
    try {
      level.response = parse_response_level(require_string(*t, "response", source));
    } catch (const UnknownName& e) {
      throw toml_error(source, require_node(*t, "response", source), e.what());
    }
    for (const auto& cn : require_array(*t, "clauses", source)) level.clauses.push_back(parse_clause(cn, source));
    if (level.clauses.empty()) throw toml_error(source, node, "level '" + level.name + "' has no clauses");
    r.levels.push_back(std::move(level));
  }
  if (const auto* lift = root.get_as<toml::table>("lift")) {
    require_known_keys(*lift, source, {"first_hours", "at_most"});
    r.lift_first_hours = whole(require_node(*lift, "first_hours", source), source, 1);
    r.lift_at_most = require_number(*lift, "at_most", source);
  }
  if (const auto* dg = root.get_as<toml::table>("downgrade")) {
    require_known_keys(*dg, source, {"consecutive_issues"});
    r.downgrade_consecutive_issues = whole(require_node(*dg, "consecutive_issues", source), source, 1);
  }
  return r;
}

RuleSet RuleSet::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

// The plans' sets (plans/<id>/warnings.toml, by id), then the other standards (warnings/*.toml),
// newest document first.
const std::vector<RuleSet>& builtin_rule_sets() {
  static const std::vector<RuleSet> sets = [] {
    std::vector<RuleSet> v;
    for (const auto& id : detail::builtin_plan_ids()) {
      const std::string file = detail::builtin_plan_file(id, "warnings.toml");
      v.push_back(RuleSet::parse(detail::builtin_rule_file(file), detail::builtin_source(file)));
      if (v.back().id != id)
        throw ParseError(detail::builtin_source(file), 0, 0,
                         "the rule set of plan '" + id + "' has id '" + v.back().id + "'");
    }
    auto others = detail::parse_builtin_folder<RuleSet>("warnings/", RuleSet::parse);
    std::stable_sort(others.begin(), others.end(), [](const RuleSet& a, const RuleSet& b) { return a.year > b.year; });
    for (auto& r : others) v.push_back(std::move(r));
    return v;
  }();
  return sets;
}

const RuleSet& rule_set(std::string_view id) {
  return detail::find_by_id(
      builtin_rule_sets(), id, [](const RuleSet& r) -> const std::string& { return r.id; }, "rule set",
      " (or load a file with RuleSet::load)");
}

std::shared_ptr<const RuleSet> share(const RuleSet& rules) { return detail::share_or_copy(rules, builtin_rule_sets()); }

}  // namespace aqi
