// The industry measure table — SPEC E3, E4, E5: for every industry × performance grade × response
// level, the fraction of activity an enterprise removes and how it is counted. Data, not code:
// libaqi/rules/industry/technical-guide-2020.toml is compiled in (its README cites every row), and a
// bureau overrides it with a file of the same form (`overridden_by`).
//
// A row whose numbers were not found in any source has cut = NaN ("not sourced"); the accounting
// reports such sources as having no rule and never counts them as 0.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/detail/embedded_rules.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/detail/toml.hpp"
#include "aqi/error.hpp"
#include "aqi/emissions/industry.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// What a row's cut applies to (libaqi/rules/industry/README.md).
enum class CountedBy : std::uint8_t {
  line,          // whole production lines: ⌈f·n⌉ lines stop (E6)
  load,          // production load or output
  raw_material,  // raw-material input
  fuel,          // fuel burned (boilers)
  transport,     // transport only: no cut to the plant's own emissions (E4 power & heat; trucks: E8)
  process,       // the processes that emit to air stop (E5)
  none,          // no activity cut
};

inline constexpr std::array<std::string_view, 7> counted_by_keys{"line",      "load",    "raw_material", "fuel",
                                                                 "transport", "process", "none"};

constexpr std::string_view key(CountedBy c) noexcept { return counted_by_keys[static_cast<std::size_t>(c)]; }

// How the numbers of a row were established (the table's `evidence` field).
enum class Evidence : std::uint8_t { plan, plan_partial, guide_text, principle, secondary, none };

inline constexpr std::array<std::string_view, 6> evidence_keys{"plan",      "plan_partial", "guide_text",
                                                               "principle", "secondary",    "none"};

constexpr std::string_view key(Evidence e) noexcept { return evidence_keys[static_cast<std::size_t>(e)]; }

// A transport rule attached to a row; applied to the owner's fleets (E8).
enum class TransportRule : std::uint8_t { none, no_heavy_truck_cn4_or_older, no_road_transport };

inline constexpr std::array<std::string_view, 3> transport_rule_keys{"", "no_heavy_truck_cn4_or_older",
                                                                     "no_road_transport"};

constexpr std::string_view key(TransportRule t) noexcept { return transport_rule_keys[static_cast<std::size_t>(t)]; }

// How far a rule can be trusted; every use of a rule reports it.
enum class RuleStatus : std::uint8_t {
  verified,     // the numbers were read in the cited source
  unverified,   // a value taken from a principle or a secondary source
  not_sourced,  // no value: cut = NaN
};

constexpr std::string_view name(RuleStatus s) noexcept {
  constexpr std::array<std::string_view, 3> names{"verified", "unverified", "not_sourced"};
  return names[static_cast<std::size_t>(s)];
}

// The `condition` field: only gas boilers are told apart, by their low-NOx retrofit (E4 ⑧).
enum class LowNoxCondition : std::int8_t { any = -1, not_retrofitted = 0, retrofitted = 1 };

struct IndustryMeasure {
  Industry industry = Industry::other;
  Grade grade = Grade::none;
  ResponseLevel response = ResponseLevel::III;
  LowNoxCondition condition = LowNoxCondition::any;
  double cut = 0;  // fraction of activity removed, 0..1; NaN = not sourced
  CountedBy counted_by = CountedBy::none;
  std::string measure_zh;
  std::string measure_en;
  std::string source;  // where the numbers were read
  bool verified = false;
  Evidence evidence = Evidence::none;
  TransportRule transport = TransportRule::none;
  std::string note;
  std::string document;  // the `document` of the file the row came from (built-in or a bureau's)
  std::string file;      // that file, for messages
  std::size_t line = 0;  // the row's line in it

  bool sourced() const noexcept { return !std::isnan(cut); }
  RuleStatus status() const noexcept {
    return !sourced() ? RuleStatus::not_sourced : verified ? RuleStatus::verified : RuleStatus::unverified;
  }
  // "gas_boiler low_nox = 0 at I", "ceramics grade B at II": the row's key as people say it.
  std::string describe() const {
    std::string s(key(industry));
    if (grade != Grade::none) s += " grade " + std::string(name(grade));
    if (condition != LowNoxCondition::any)
      s += std::string(" low_nox = ") + (condition == LowNoxCondition::retrofitted ? "1" : "0");
    return s + " at " + std::string(name(response));
  }
};

// A rule of the table that is not a per-row cut (transport rules by grade, the base of "限产X%" …).
struct IndustryMeasureNote {
  std::string id;
  std::string text;
  std::string source;
  bool verified = false;
  std::string note;
};

namespace detail {

// The three levels that have measures, in table order.
inline std::size_t measure_level_index(ResponseLevel r) {
  switch (r) {
    case ResponseLevel::III:
      return 0;
    case ResponseLevel::II:
      return 1;
    case ResponseLevel::I:
      return 2;
    default:
      throw InvalidArgument("response level " + std::string(r == ResponseLevel::none ? "none" : name(r)) +
                            " has no emission-reduction measures (SPEC R3: III, II, I)");
  }
}

inline constexpr std::array<ResponseLevel, 3> measure_levels{ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};

template <std::size_t N>
std::size_t parse_key_of(const std::array<std::string_view, N>& keys, const toml::table& t, std::string_view field,
                         const std::string& file) {
  const std::string s = require_string(t, field, file);
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == s) return i;
  std::string list;
  for (auto k : keys) list += (list.empty() ? "" : ", ") + (k.empty() ? std::string("\"\"") : std::string(k));
  throw toml_error(file, *t.get(field), "'" + std::string(field) + "' must be one of: " + list + "; got '" + s + "'");
}

inline bool require_bool(const toml::table& t, std::string_view key, const std::string& file) {
  const auto& n = require_node(t, key, file);
  if (auto b = n.value<bool>()) return *b;
  throw toml_error(file, n, "'" + std::string(key) + "' must be true or false");
}

}  // namespace detail

class IndustryMeasures {
 public:
  // Parses the TOML form of libaqi/rules/industry/technical-guide-2020.toml; `file` names it in
  // errors. A file may be partial (a bureau's override); `require_complete` says what is missing.
  static IndustryMeasures parse(std::string_view toml_text, const std::string& file) {
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

  static IndustryMeasures load(const std::string& path) { return parse(detail::read_text_file(path), path); }

  // The table with a bureau's rows: a row of `bureau` replaces the row with the same key
  // (industry, grade, response, condition); rows with new keys are added; the others stay.
  // Each row keeps the document it came from.
  IndustryMeasures overridden_by(const IndustryMeasures& bureau) const {
    IndustryMeasures m = *this;
    for (const auto& row : bureau.rules_) m.add(row, /*replace=*/true);
    m.document_ = document_ + "; overridden by " + bureau.document_;
    m.notes_.insert(m.notes_.end(), bureau.notes_.begin(), bureau.notes_.end());
    return m;
  }

  // The rule of an enterprise. `low_nox` only matters for gas boilers. Throws InvalidArgument when
  // the table has no row for it (a partial table that was not completed: require_complete).
  const IndustryMeasure& rule(Industry industry, Grade grade, ResponseLevel level, bool low_nox = false) const {
    const int at = index_[slot(industry, grade, detail::measure_level_index(level), low_nox)];
    if (at < 0) {
      IndustryMeasure probe;
      probe.industry = industry;
      probe.grade = grade;
      probe.response = level;
      if (industry == Industry::gas_boiler)
        probe.condition = low_nox ? LowNoxCondition::retrofitted : LowNoxCondition::not_retrofitted;
      throw InvalidArgument("the measure table (" + document_ + ") has no row for " + probe.describe());
    }
    return rules_[static_cast<std::size_t>(at)];
  }

  // Every (industry, grade, level, condition) an inventory can need, without a row.
  std::vector<std::string> missing() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < industry_count; ++i) {
      const auto ind = static_cast<Industry>(i);
      for (std::size_t g = 0; g < grade_count; ++g) {
        const auto grade = static_cast<Grade>(g);
        if (is_graded(ind) != (grade != Grade::none)) continue;
        for (std::size_t l = 0; l < 3; ++l)
          for (int nox = 0; nox < (ind == Industry::gas_boiler ? 2 : 1); ++nox)
            if (index_[slot(ind, grade, l, nox != 0)] < 0) {
              IndustryMeasure probe;
              probe.industry = ind;
              probe.grade = grade;
              probe.response = detail::measure_levels[l];
              if (ind == Industry::gas_boiler)
                probe.condition = nox ? LowNoxCondition::retrofitted : LowNoxCondition::not_retrofitted;
              out.push_back(probe.describe());
            }
      }
    }
    return out;
  }

  void require_complete() const {
    const auto m = missing();
    if (m.empty()) return;
    std::string list;
    for (std::size_t k = 0; k < m.size() && k < 3; ++k) list += (k ? ", " : "") + m[k];
    if (m.size() > 3) list += " …";
    throw InvalidArgument("the measure table (" + document_ + ") lacks " + std::to_string(m.size()) + " rows: " + list +
                          "; override the built-in table instead of replacing it");
  }

  const std::vector<IndustryMeasure>& rules() const noexcept { return rules_; }
  // Rows of reference-only industries (cement clinker): parsed and checked, never applied.
  const std::vector<IndustryMeasure>& reference_rules() const noexcept { return reference_; }
  const std::vector<IndustryMeasureNote>& notes() const noexcept { return notes_; }
  const std::string& document() const noexcept { return document_; }
  const std::string& edition() const noexcept { return edition_; }
  const std::string& status() const noexcept { return status_; }

 private:
  static constexpr std::size_t slots = industry_count * grade_count * 3 * 2;

  static std::size_t slot(Industry i, Grade g, std::size_t level, bool low_nox) noexcept {
    return ((static_cast<std::size_t>(i) * grade_count + static_cast<std::size_t>(g)) * 3 + level) * 2 +
           (low_nox ? 1 : 0);
  }

  static IndustryMeasure parse_row(const toml::table& t, const std::string& file, bool reference) {
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

  void add(IndustryMeasure row, bool replace) {
    const std::size_t level = detail::measure_level_index(row.response);
    const std::size_t n = rules_.size();
    int existing = -1;
    for (int nox = 0; nox < 2; ++nox) {
      if (row.condition != LowNoxCondition::any && nox != static_cast<int>(row.condition)) continue;
      const int at = index_[slot(row.industry, row.grade, level, nox != 0)];
      if (at >= 0) existing = at;
    }
    if (existing >= 0 && !replace) {
      const auto& first = rules_[static_cast<std::size_t>(existing)];
      throw ParseError(row.file, row.line, 0,
                       "duplicate rule for " + row.describe() + " (first on line " + std::to_string(first.line) + ")");
    }
    if (existing >= 0) {
      rules_[static_cast<std::size_t>(existing)] = std::move(row);
      return;
    }
    for (int nox = 0; nox < 2; ++nox) {
      if (row.condition != LowNoxCondition::any && nox != static_cast<int>(row.condition)) continue;
      index_[slot(row.industry, row.grade, level, nox != 0)] = static_cast<int>(n);
    }
    rules_.push_back(std::move(row));
  }

  std::string document_;
  std::string edition_;
  std::string status_;
  std::vector<IndustryMeasure> rules_;
  std::vector<IndustryMeasure> reference_;
  std::vector<IndustryMeasureNote> notes_;
  std::array<int, slots> index_ = filled_index();

  static std::array<int, slots> filled_index() {
    std::array<int, slots> a{};
    a.fill(-1);
    return a;
  }
};

// The table libaqi ships (libaqi/rules/industry/technical-guide-2020.toml), immutable, built once
// on first use. It is complete: every inventory combination has a row (many say "not sourced").
inline const IndustryMeasures& builtin_industry_measures() {
  static const IndustryMeasures measures = [] {
    auto m = IndustryMeasures::parse(detail::embedded_rule_file("industry/technical-guide-2020.toml"),
                                     "libaqi/rules/industry/technical-guide-2020.toml");
    m.require_complete();
    return m;
  }();
  return measures;
}

}  // namespace aqi
