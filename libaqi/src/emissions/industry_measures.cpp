#include "aqi/emissions/industry_measures.hpp"

#include "detail/toml.hpp"

namespace aqi {

namespace {

using detail::parse_key_of;
using detail::require_bool;

IndustryMeasure parse_row(const toml::table& t, const std::string& file, bool reference) {
  using namespace detail;
  IndustryMeasure r;
  r.file = file;
  r.line = t.source().begin.line;
  const std::string industry = require_string(t, "industry", file);
  if (!reference) {
    try {
      r.industry = parse_industry(industry);
    } catch (const UnknownName& e) {
      throw toml_error(file, *t.get("industry"), e.what());
    }
  }
  const std::string grade = require_string(t, "grade", file);
  try {
    r.grade = parse_grade(grade);
  } catch (const InvalidArgument& e) {
    throw toml_error(file, *t.get("grade"), e.what());
  }
  if (!reference && is_graded(r.industry) && r.grade == Grade::none)
    throw toml_error(file, *t.get("grade"), industry + " is a graded key industry (SPEC E3): grade must be A-D");
  if (!reference && !is_graded(r.industry) && r.grade != Grade::none)
    throw toml_error(file, *t.get("grade"), industry + " is not a graded industry (SPEC E3-E5): grade must be empty");
  const std::string response = require_string(t, "response", file);
  if (response != "III" && response != "II" && response != "I")
    throw toml_error(file, *t.get("response"), "'response' must be III, II or I; got '" + response + "'");
  r.response = parse_response_level(response);
  r.cut = require_number(t, "cut", file);
  if (!std::isnan(r.cut) && !(r.cut >= 0 && r.cut <= 1))
    throw toml_error(file, *t.get("cut"), "'cut' must be in 0..1 or nan, got " + format_number(r.cut));
  r.counted_by = static_cast<CountedBy>(parse_key_of(counted_by_keys, t, "counted_by", file));
  const std::string condition = optional_string(t, "condition", file);
  if (condition == "low_nox = 1")
    r.condition = LowNoxCondition::retrofitted;
  else if (condition == "low_nox = 0")
    r.condition = LowNoxCondition::not_retrofitted;
  else if (!condition.empty())
    throw toml_error(file, *t.get("condition"), "'condition' must be \"\", \"low_nox = 0\" or \"low_nox = 1\"");
  if (!reference && (r.industry == Industry::gas_boiler) != (r.condition != LowNoxCondition::any))
    throw toml_error(file, t,
                     r.industry == Industry::gas_boiler
                         ? "gas_boiler rows need condition \"low_nox = 0\" or \"low_nox = 1\" (SPEC E4)"
                         : "only gas_boiler rows take a condition (SPEC E4)");
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

}  // namespace

IndustryMeasures IndustryMeasures::parse(std::string_view toml_text, const std::string& file) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, file);
  require_known_keys(root, file, {"document", "edition", "status", "reference_only_industries", "rule", "note"});
  IndustryMeasures m;
  m.document_ = require_string(root, "document", file);
  m.edition_ = optional_string(root, "edition", file);
  m.status_ = optional_string(root, "status", file);
  std::vector<std::string> reference_only;
  if (root.contains("reference_only_industries")) {
    for (const auto& n : require_array(root, "reference_only_industries", file)) {
      auto s = n.value<std::string>();
      if (!s) throw toml_error(file, n, "reference_only_industries must list strings");
      for (auto k : industry_keys)
        if (k == *s) throw toml_error(file, n, "'" + *s + "' is an inventory industry, not a reference-only one");
      reference_only.push_back(*s);
    }
  }
  if (root.contains("rule")) {
    for (const auto& node : require_array(root, "rule", file)) {
      const auto* t = node.as_table();
      if (!t) throw toml_error(file, node, "each [[rule]] must be a table");
      require_known_keys(*t, file,
                         {"industry", "grade", "response", "cut", "counted_by", "condition", "measure_zh",
                          "measure_en", "source", "verified", "evidence", "transport", "note"});
      const std::string industry = require_string(*t, "industry", file);
      bool reference = false;
      for (const auto& r : reference_only) reference = reference || r == industry;
      IndustryMeasure row = parse_row(*t, file, reference);
      row.document = m.document_;
      if (reference) {
        m.reference_.push_back(std::move(row));
        continue;
      }
      m.add(std::move(row), /*replace=*/false);
    }
  }
  if (root.contains("note")) {
    for (const auto& node : require_array(root, "note", file)) {
      const auto* t = node.as_table();
      if (!t) throw toml_error(file, node, "each [[note]] must be a table");
      require_known_keys(*t, file, {"id", "text", "source", "verified", "note"});
      m.notes_.push_back({require_string(*t, "id", file), require_string(*t, "text", file),
                          require_string(*t, "source", file), require_bool(*t, "verified", file),
                          optional_string(*t, "note", file)});
    }
  }
  return m;
}

IndustryMeasures IndustryMeasures::load(const std::string& path) { return parse(detail::read_text_file(path), path); }


}  // namespace aqi
