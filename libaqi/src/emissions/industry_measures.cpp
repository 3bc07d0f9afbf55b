#include "aqi/emissions/industry_measures.hpp"

#include <utility>

#include "detail/toml.hpp"

namespace aqi {

namespace {

using detail::parse_key_of;
using detail::require_bool;

// The row's key: industry, grade (E3: graded industries only), response (R3: III, II, I in any of
// the plan's spellings), condition (E4 ⑧: gas boilers only).
void parse_row_key(const toml::table& t, const std::string& file, bool reference, IndustryMeasure& r) {
  using namespace detail;
  const std::string industry = require_string(t, "industry", file);
  if (!reference) {
    try {
      r.industry = parse_industry(industry);
    } catch (const UnknownName& e) {
      throw toml_error(file, *t.get("industry"), e.what());
    }
  }
  try {
    r.grade = parse_grade(require_string(t, "grade", file));
  } catch (const InvalidArgument& e) {
    throw toml_error(file, *t.get("grade"), e.what());
  }
  if (!reference && is_graded(r.industry) && !has_table_row(r.industry, r.grade))
    throw toml_error(file, *t.get("grade"),
                     industry + " is a graded key industry (SPEC E3, E11): grade must be A, B, B-, C or D");
  if (!reference && !is_graded(r.industry) && r.grade != Grade::none)
    throw toml_error(file, *t.get("grade"), industry + " is not a graded industry (SPEC E3-E5): grade must be empty");
  const std::string response = require_string(t, "response", file);
  const auto level = measure_level(response);
  if (!level) throw toml_error(file, *t.get("response"), "'response' must be III, II or I; got '" + response + "'");
  r.response = *level;
  const std::string condition = optional_string(t, "condition", file);
  if (condition == name(LowNoxCondition::retrofitted))
    r.condition = LowNoxCondition::retrofitted;
  else if (condition == name(LowNoxCondition::not_retrofitted))
    r.condition = LowNoxCondition::not_retrofitted;
  else if (!condition.empty())
    throw toml_error(file, *t.get("condition"), "'condition' must be \"\", \"low_nox = 0\" or \"low_nox = 1\"");
  if (!reference && (r.industry == Industry::gas_boiler) != (r.condition != LowNoxCondition::any))
    throw toml_error(file, t,
                     r.industry == Industry::gas_boiler
                         ? "gas_boiler rows need condition \"low_nox = 0\" or \"low_nox = 1\" (SPEC E4)"
                         : "only gas_boiler rows take a condition (SPEC E4)");
}

IndustryMeasure parse_row(const toml::table& t, const std::string& file, bool reference) {
  using namespace detail;
  IndustryMeasure r;
  r.file = file;
  r.line = t.source().begin.line;
  parse_row_key(t, file, reference, r);
  r.cut = require_number(t, "cut", file);
  if (!std::isnan(r.cut) && !(r.cut >= 0 && r.cut <= 1))
    throw toml_error(file, *t.get("cut"), "'cut' must be in 0..1 or nan, got " + format_number(r.cut));
  r.counted_by = static_cast<CountedBy>(parse_key_of(counted_by_keys, t, "counted_by", file));
  r.measure_zh = optional_string(t, "measure_zh", file);
  r.measure_en = optional_string(t, "measure_en", file);
  r.source = require_string(t, "source", file);
  r.verified = require_bool(t, "verified", file);
  r.evidence = static_cast<Evidence>(parse_key_of(evidence_keys, t, "evidence", file));
  r.transport = t.contains("transport")
                    ? static_cast<TransportRule>(parse_key_of(transport_rule_keys, t, "transport", file))
                    : TransportRule::none;
  r.note = optional_string(t, "note", file);
  // An honest table: no value is "verified", and "no evidence" means no value.
  if (std::isnan(r.cut) && r.verified)
    throw toml_error(file, *t.get("verified"), "a row without a cut (nan) cannot be verified");
  if (std::isnan(r.cut) != (r.evidence == Evidence::none))
    throw toml_error(file, *t.get("evidence"), "evidence \"none\" goes with cut = nan, and only with it");
  return r;
}

// `levels = ["II", "I"]`: the response levels a fleet or dust measure applies at (R3: III, II, I,
// in any of the plan's spellings), each at most once.
MeasureLevels parse_levels(const toml::table& t, const std::string& file) {
  using namespace detail;
  MeasureLevels out;
  for (const auto& n : require_array(t, "levels", file)) {
    const auto text = n.value<std::string>();
    const auto level = text ? measure_level(*text) : std::nullopt;
    if (!level) throw toml_error(file, n, "'levels' must list response levels III, II or I");
    const std::size_t k = measure_level_index(*level);
    if (out.at[k]) throw toml_error(file, n, "'levels' lists " + std::string(name(*level)) + " twice");
    out.at[k] = true;
  }
  return out;
}

SourceRule parse_source_rule(const toml::table& t, const std::string& file, const std::string& section_source) {
  using namespace detail;
  SourceRule r;
  r.levels = parse_levels(t, file);
  r.measure_zh = optional_string(t, "measure_zh", file);
  r.measure_en = require_string(t, "measure_en", file);
  r.source = optional_string(t, "source", file, section_source);
  return r;
}

// A China emission stage 0–6 (国0 … 国六): the oldest stage a ban still covers.
int parse_max_standard(const toml::table& t, const std::string& file) {
  const auto& n = detail::require_node(t, "max_standard", file);
  const auto v = detail::integer_value(n);
  if (!v || *v < 0 || *v > 6) throw detail::toml_error(file, n, "'max_standard' must be a China emission stage 0-6");
  return static_cast<int>(*v);
}

// [fleet]: SPEC E8, the plan's four mobile-source measures, each a table.
FleetRules parse_fleet(const toml::table& t, const std::string& file) {
  using namespace detail;
  require_known_keys(t, file, {"source", "heavy_truck_ban", "non_road_ban", "black_smoke_ban", "restricted_zone"});
  FleetRules f;
  f.source = require_string(t, "source", file);
  f.file = file;
  f.line = t.source().begin.line;
  const std::initializer_list<std::string_view> text_keys{"levels", "measure_zh", "measure_en", "source"};
  const toml::table& truck = require_table(t, "heavy_truck_ban", file);
  require_known_keys(truck, file,
                     {"levels", "measure_zh", "measure_en", "source", "max_standard", "trips_per_day_above"});
  f.heavy_truck_ban = parse_source_rule(truck, file, f.source);
  f.heavy_truck_max_standard = parse_max_standard(truck, file);
  f.trips_per_day_above = require_number(truck, "trips_per_day_above", file);
  if (!(f.trips_per_day_above >= 0) || !std::isfinite(f.trips_per_day_above))
    throw toml_error(file, *truck.get("trips_per_day_above"), "'trips_per_day_above' must be a number ≥ 0");
  const toml::table& non_road = require_table(t, "non_road_ban", file);
  require_known_keys(non_road, file, {"levels", "measure_zh", "measure_en", "source", "max_standard"});
  f.non_road_ban = parse_source_rule(non_road, file, f.source);
  f.non_road_max_standard = parse_max_standard(non_road, file);
  const toml::table& smoke = require_table(t, "black_smoke_ban", file);
  require_known_keys(smoke, file, text_keys);
  f.black_smoke_ban = parse_source_rule(smoke, file, f.source);
  const toml::table& zone = require_table(t, "restricted_zone", file);
  require_known_keys(zone, file, text_keys);
  f.restricted_zone = parse_source_rule(zone, file, f.source);
  return f;
}

// [dust]: SPEC E9, one [[dust.rule]] per activity.
DustRules parse_dust(const toml::table& t, const std::string& file) {
  using namespace detail;
  require_known_keys(t, file, {"source", "rule"});
  DustRules d;
  d.file = file;
  d.line = t.source().begin.line;
  d.source = require_string(t, "source", file);
  for (const auto& node : require_array(t, "rule", file)) {
    const auto* row = node.as_table();
    if (!row) throw toml_error(file, node, "each [[dust.rule]] must be a table");
    require_known_keys(*row, file, {"activity", "levels", "measure_zh", "measure_en", "source"});
    const std::string activity = require_string(*row, "activity", file);
    std::size_t a = 0;
    for (std::size_t k = 1; k < dust_activity_count && a == 0; ++k)
      if (dust_activity_keys[k] == activity) a = k;
    if (a == 0)
      throw toml_error(
          file, *row->get("activity"),
          "unknown dust activity '" + activity + "'; expected one of: " + detail::key_list(dust_activity_keys, ", "));
    if (d.by_activity[a]) throw toml_error(file, node, "a second rule for dust activity " + activity);
    d.by_activity[a] = parse_source_rule(*row, file, d.source);
  }
  return d;
}

// A [[rule]] row and whether its industry is reference-only (parsed and checked, never applied).
std::pair<IndustryMeasure, bool> parse_rule_node(const toml::node& node, const std::string& file,
                                                 const std::vector<std::string>& reference_only) {
  using namespace detail;
  const auto* t = node.as_table();
  if (!t) throw toml_error(file, node, "each [[rule]] must be a table");
  require_known_keys(*t, file,
                     {"industry", "grade", "response", "cut", "counted_by", "condition", "measure_zh", "measure_en",
                      "source", "verified", "evidence", "transport", "note"});
  const std::string industry = require_string(*t, "industry", file);
  bool reference = false;
  for (const auto& r : reference_only) reference = reference || r == industry;
  return {parse_row(*t, file, reference), reference};
}

std::vector<IndustryMeasureNote> parse_notes(const toml::table& root, const std::string& file) {
  using namespace detail;
  std::vector<IndustryMeasureNote> out;
  if (!root.contains("note")) return out;
  for (const auto& node : require_array(root, "note", file)) {
    const auto* t = node.as_table();
    if (!t) throw toml_error(file, node, "each [[note]] must be a table");
    require_known_keys(*t, file, {"id", "text", "source", "verified", "note"});
    out.push_back({require_string(*t, "id", file), require_string(*t, "text", file), require_string(*t, "source", file),
                   require_bool(*t, "verified", file), optional_string(*t, "note", file)});
  }
  return out;
}

std::vector<std::string> parse_reference_only(const toml::table& root, const std::string& file) {
  using namespace detail;
  std::vector<std::string> out;
  if (!root.contains("reference_only_industries")) return out;
  for (const auto& n : require_array(root, "reference_only_industries", file)) {
    auto s = n.value<std::string>();
    if (!s) throw toml_error(file, n, "reference_only_industries must list strings");
    for (auto k : industry_keys)
      if (k == *s) throw toml_error(file, n, "'" + *s + "' is an inventory industry, not a reference-only one");
    out.push_back(*s);
  }
  return out;
}

}  // namespace

IndustryMeasures IndustryMeasures::parse(std::string_view toml_text, const std::string& file) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, file);
  require_known_keys(root, file,
                     {"document", "edition", "status", "reference_only_industries", "rule", "note", "fleet", "dust"});
  IndustryMeasures m;
  m.document_ = require_string(root, "document", file);
  m.edition_ = optional_string(root, "edition", file);
  m.status_ = optional_string(root, "status", file);
  const std::vector<std::string> reference_only = parse_reference_only(root, file);
  if (root.contains("rule")) {
    for (const auto& node : require_array(root, "rule", file)) {
      auto [row, reference] = parse_rule_node(node, file, reference_only);
      row.document = m.document_;
      if (reference)
        m.reference_.push_back(std::move(row));
      else
        m.add(std::move(row), /*replace=*/false);
    }
  }
  m.notes_ = parse_notes(root, file);
  if (root.contains("fleet")) m.fleet_ = parse_fleet(require_table(root, "fleet", file), file);
  if (root.contains("dust")) m.dust_ = parse_dust(require_table(root, "dust", file), file);
  return m;
}

IndustryMeasures IndustryMeasures::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

namespace {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// One row in the file's form; every line prefixed with `prefix` ("# " for a commented row).
std::string template_row(const IndustryMeasure& r, const std::string& prefix) {
  std::string s;
  auto put = [&](const std::string& key, const std::string& value) { s += prefix + key + " = " + value + "\n"; };
  s += prefix + "[[rule]]\n";
  put("industry", toml_string(std::string(key(r.industry))));
  put("grade", toml_string(std::string(name(r.grade))));
  put("response", toml_string(std::string(name(r.response))));
  if (r.condition != LowNoxCondition::any) put("condition", toml_string(std::string(name(r.condition))));
  put("cut", r.sourced() ? detail::format_number(r.cut) : "nan");
  put("counted_by", toml_string(std::string(key(r.counted_by))));
  put("measure_zh", toml_string(r.sourced() ? r.measure_zh : ""));
  put("measure_en", toml_string(r.sourced() ? r.measure_en : ""));
  put("source", toml_string(r.source));
  put("verified", r.verified ? "true" : "false");
  put("evidence", toml_string(std::string(key(r.evidence))));
  return s;
}

}  // namespace

std::string measures_template(const IndustryMeasures& shipped) {
  std::string out =
      "# 重点行业应急减排措施 — 本局补充清单模板 / the bureau's measure list, template (SPEC E13)\n"
      "# Written by `aqi-engine measures-template` from: " +
      shipped.document() +
      "\n"
      "# 填写状态为 not_sourced 的行：cut（0–1，1 为停产）、counted_by（line | load | raw_material | fuel |\n"
      "# transport | process | none）、measure_zh、source（本省清单文号）、verified、evidence。\n"
      "# Fill in the rows whose status is not_sourced: cut (0..1), counted_by, measure_zh, source (your\n"
      "# province's list), verified = true once read there, evidence (e.g. \"guide_text\"). A row left with\n"
      "# cut = nan stays not sourced. Rows the shipped table already has a value for are comments;\n"
      "# uncomment one only to replace it. Name the filled file in scenario.toml: industry_measures = \"…\".\n"
      "document = " +
      toml_string("（填写：本局清单名称、文号）/ (your list's title and document number)") + "\n";
  for (const auto& r : shipped.rules()) {
    out += "\n# " + r.describe() + " — status: " + std::string(name(r.status())) + "\n";
    out += template_row(r, r.sourced() ? "# " : "");
  }
  return out;
}

void IndustryMeasures::add_source_rules(const IndustryMeasures& other, bool replace) {
  auto twice = [](const std::string& what, const std::string& file, std::size_t line, const std::string& first_file,
                  std::size_t first_line) {
    return ParseError(file, line, 0,
                      "duplicate " + what + " (first on line " + std::to_string(first_line) +
                          (first_file == file ? std::string() : " of " + first_file) + ")");
  };
  if (other.fleet_) {
    if (fleet_ && !replace)
      throw twice("[fleet] section", other.fleet_->file, other.fleet_->line, fleet_->file, fleet_->line);
    fleet_ = other.fleet_;
  }
  for (std::size_t a = 1; a < dust_activity_count; ++a) {
    if (!other.dust_.by_activity[a]) continue;
    if (dust_.by_activity[a] && !replace)
      throw twice("dust rule for " + std::string(dust_activity_keys[a]), other.dust_.file, other.dust_.line, dust_.file,
                  dust_.line);
    dust_.by_activity[a] = other.dust_.by_activity[a];
    if (dust_.file.empty()) {
      dust_.source = other.dust_.source;
      dust_.file = other.dust_.file;
      dust_.line = other.dust_.line;
    }
  }
}

}  // namespace aqi
