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
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/detail/keys.hpp"
#include "aqi/emissions/fleet_dust_rules.hpp"
#include "aqi/emissions/industry.hpp"
#include "aqi/error.hpp"
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

// Throws UnknownName listing the keys.
inline CountedBy parse_counted_by(std::string_view text) {
  return static_cast<CountedBy>(detail::parse_key(counted_by_keys, text, "counted_by"));
}

// How the numbers of a row were established (the table's `evidence` field).
enum class Evidence : std::uint8_t { plan, plan_partial, guide_text, principle, secondary, none };

inline constexpr std::array<std::string_view, 6> evidence_keys{"plan",      "plan_partial", "guide_text",
                                                               "principle", "secondary",    "none"};

constexpr std::string_view key(Evidence e) noexcept { return evidence_keys[static_cast<std::size_t>(e)]; }

inline Evidence parse_evidence(std::string_view text) {
  return static_cast<Evidence>(detail::parse_key(evidence_keys, text, "evidence"));
}

// A transport rule attached to a row; applied to the owner's fleets (E8).
enum class TransportRule : std::uint8_t { none, no_heavy_truck_cn4_or_older, no_road_transport };

inline constexpr std::array<std::string_view, 3> transport_rule_keys{"", "no_heavy_truck_cn4_or_older",
                                                                     "no_road_transport"};

constexpr std::string_view key(TransportRule t) noexcept { return transport_rule_keys[static_cast<std::size_t>(t)]; }

// "" → none.
inline TransportRule parse_transport_rule(std::string_view text) {
  return static_cast<TransportRule>(detail::parse_key(transport_rule_keys, text, "transport rule"));
}

// E4 ⑦ / E8: whether an owner's transport rule stops a heavy truck of China emission stage
// `standard` (no_heavy_truck_cn4_or_older: 国四及以下, stage ≤ 4, as the key says).
constexpr bool stops_heavy_truck(TransportRule t, int standard) noexcept {
  return t == TransportRule::no_road_transport || (t == TransportRule::no_heavy_truck_cn4_or_older && standard <= 4);
}

// How far a rule can be trusted; every use of a rule reports it.
enum class RuleStatus : std::uint8_t {
  verified,     // the numbers were read in the cited source
  unverified,   // a value taken from a principle or a secondary source
  not_sourced,  // no value: cut = NaN
};

inline constexpr std::array<std::string_view, 3> rule_status_keys{"verified", "unverified", "not_sourced"};

constexpr std::string_view name(RuleStatus s) noexcept { return rule_status_keys[static_cast<std::size_t>(s)]; }

inline RuleStatus parse_rule_status(std::string_view text) {
  return static_cast<RuleStatus>(detail::parse_key(rule_status_keys, text, "rule status"));
}

// The `condition` field: only gas boilers are told apart, by their low-NOx retrofit (E4 ⑧).
enum class LowNoxCondition : std::int8_t { any = -1, not_retrofitted = 0, retrofitted = 1 };

// As the table writes it: "", "low_nox = 0", "low_nox = 1".
inline constexpr std::array<std::string_view, 3> low_nox_condition_keys{"", "low_nox = 0", "low_nox = 1"};

constexpr std::string_view name(LowNoxCondition c) noexcept {
  return low_nox_condition_keys[static_cast<std::size_t>(static_cast<int>(c) + 1)];
}

inline LowNoxCondition parse_low_nox_condition(std::string_view text) {
  return static_cast<LowNoxCondition>(static_cast<int>(detail::parse_key(low_nox_condition_keys, text, "condition")) -
                                      1);
}

// SPEC E3, E11: the grades the table has rows for — A, B, B-, C, D of a graded key industry, ""
// of every other (leading enterprises take no ordered measure; non-leading ones the "" row).
constexpr bool has_table_row(Industry i, Grade g) noexcept {
  return is_graded(i) ? grade_fits(i, g) : g == Grade::none;
}

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
  bool bureau = false;   // E13: the row came from a bureau's file (overridden_by), not the shipped table
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
    if (condition != LowNoxCondition::any) s += " " + std::string(name(condition));
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

}  // namespace detail

class IndustryMeasures {
 public:
  // Parses the TOML form of libaqi/rules/industry/technical-guide-2020.toml; `file` names it in
  // errors. A file may be partial (a bureau's override); `require_complete` says what is missing.
  static IndustryMeasures parse(std::string_view toml_text, const std::string& file);

  static IndustryMeasures load(const std::string& path);

  // A plan's table: the national guide's rows (its key industries) with the plan's own rows (the
  // industries outside the guide), the plan's first as the county reads its table. A key in both
  // is a ParseError naming the second row, as a key twice in one file is.
  static IndustryMeasures combine(const IndustryMeasures& guide, const IndustryMeasures& plan_rows) {
    IndustryMeasures m = plan_rows;
    for (const auto& row : guide.rules_) m.add(row, /*replace=*/false);
    m.reference_.insert(m.reference_.end(), guide.reference_.begin(), guide.reference_.end());
    m.notes_.insert(m.notes_.end(), guide.notes_.begin(), guide.notes_.end());
    // One table, one document; each row's file and source still say where it was read.
    m.add_source_rules(guide, /*replace=*/false);
    m.document_ = guide.document_ + "; " + plan_rows.document_;
    m.edition_ = guide.edition_;
    m.status_ = guide.status_;
    for (auto& row : m.rules_) row.document = m.document_;
    for (auto& row : m.reference_) row.document = m.document_;
    return m;
  }

  // The table with a bureau's rows: a row of `bureau` replaces the row with the same key
  // (industry, grade, response, condition); rows with new keys are added; the others stay.
  // Each row keeps the document it came from.
  IndustryMeasures overridden_by(const IndustryMeasures& bureau) const {
    IndustryMeasures m = *this;
    for (auto row : bureau.rules_) {
      row.bureau = row.sourced();  // E13: origin of a value (a row left nan stays the shipped "not sourced")
      m.add(std::move(row), /*replace=*/true);
    }
    m.add_source_rules(bureau, /*replace=*/true);
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
        if (!has_table_row(ind, grade)) continue;
        for (std::size_t l = 0; l < 3; ++l)
          for (int nox = 0; nox < (ind == Industry::gas_boiler ? 2 : 1); ++nox)
            if (index_[slot(ind, grade, l, nox != 0)] < 0) {
              IndustryMeasure probe;
              probe.industry = ind;
              probe.grade = grade;
              probe.response = measure_levels[l];
              if (ind == Industry::gas_boiler)
                probe.condition = nox ? LowNoxCondition::retrofitted : LowNoxCondition::not_retrofitted;
              out.push_back(probe.describe());
            }
      }
    }
    return out;
  }

  // Every row missing() names, the fleet measures (E8) and a dust measure for every activity (E9).
  void require_complete() const {
    const auto m = missing();
    std::string lacks;
    if (!m.empty()) {
      std::string list;
      for (std::size_t k = 0; k < m.size() && k < 3; ++k) list += (k ? ", " : "") + m[k];
      if (m.size() > 3) list += " …";
      lacks = std::to_string(m.size()) + " rows: " + list;
    } else if (!fleet_) {
      lacks = "the fleet measures ([fleet], SPEC E8)";
    } else {
      for (std::size_t a = 1; a < dust_activity_count && lacks.empty(); ++a)
        if (!dust_.by_activity[a])
          lacks = "a dust measure for " + std::string(dust_activity_keys[a]) + " ([[dust.rule]], SPEC E9)";
    }
    if (lacks.empty()) return;
    throw InvalidArgument("the measure table (" + document_ + ") lacks " + lacks +
                          "; override the built-in table instead of replacing it");
  }

  // SPEC E8: the plan's fleet measures (the table's [fleet] section). Throws InvalidArgument when
  // the table has none (a table that was not completed: require_complete).
  const FleetRules& fleet() const {
    if (!fleet_)
      throw InvalidArgument("the measure table (" + document_ + ") has no fleet measures ([fleet], SPEC E8)");
    return *fleet_;
  }
  bool has_fleet_rules() const noexcept { return fleet_.has_value(); }

  // SPEC E9: the plan's measure for a dust activity (the table's [[dust.rule]]). Throws
  // InvalidArgument when the table has none for it.
  const SourceRule& dust(DustActivity activity) const {
    if (const SourceRule* r = dust_.rule(activity)) return *r;
    throw InvalidArgument("the measure table (" + document_ + ") has no dust measure for " +
                          std::string(key(activity)) + " ([[dust.rule]], SPEC E9)");
  }
  const DustRules& dust_rules() const noexcept { return dust_; }

  const std::vector<IndustryMeasure>& rules() const noexcept { return rules_; }
  // Rows of reference-only industries (cement clinker): parsed and checked, never applied.
  const std::vector<IndustryMeasure>& reference_rules() const noexcept { return reference_; }
  const std::vector<IndustryMeasureNote>& notes() const noexcept { return notes_; }
  const std::string& document() const noexcept { return document_; }
  const std::string& edition() const noexcept { return edition_; }
  const std::string& status() const noexcept { return status_; }

 private:
  static constexpr std::size_t slots = industry_count * grade_count * 3 * 2;

  // The fleet and dust measures of `other` where this table has none; with `replace`, every one
  // `other` has. A section in both when not replacing is a ParseError, as a row twice is.
  void add_source_rules(const IndustryMeasures& other, bool replace);

  static std::size_t slot(Industry i, Grade g, std::size_t level, bool low_nox) noexcept {
    return ((static_cast<std::size_t>(i) * grade_count + static_cast<std::size_t>(g)) * 3 + level) * 2 +
           (low_nox ? 1 : 0);
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
                       "duplicate rule for " + row.describe() + " (first on line " + std::to_string(first.line) +
                           (first.file == row.file ? std::string() : " of " + first.file) + ")");
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
  std::optional<FleetRules> fleet_;  // E8
  DustRules dust_;                   // E9
  std::array<int, slots> index_ = filled_index();

  static std::array<int, slots> filled_index() {
    std::array<int, slots> a{};
    a.fill(-1);
    return a;
  }
};

// SPEC E13: the bureau's template — every (industry, grade, level) row of `shipped` in the
// override file's own form, with its status: rows without a value (not sourced) ready to be filled
// in, rows with one written as comments (a bureau that wants to replace one uncomments it). Rows
// the bureau leaves with cut = nan stay not sourced.
std::string measures_template(const IndustryMeasures& shipped);

// SPEC E13: the rules of a table by status and origin (shipped / bureau), for reports.
struct RuleCounts {
  std::array<std::size_t, 3> shipped{};  // by RuleStatus: verified, unverified, not_sourced
  std::array<std::size_t, 3> bureau{};
};

inline RuleCounts count_rules(const IndustryMeasures& m) {
  RuleCounts c;
  for (const auto& r : m.rules()) ++(r.bureau ? c.bureau : c.shipped)[static_cast<std::size_t>(r.status())];
  return c;
}

// The table libaqi ships (libaqi/rules/industry/technical-guide-2020.toml), immutable, built once
// on first use. It is complete: every inventory combination has a row (many say "not sourced").
const IndustryMeasures& builtin_industry_measures();

// A shared handle for results that refer to a table: a built-in plan's table aliased (it lives as
// long as the program), any other copied.
std::shared_ptr<const IndustryMeasures> share(const IndustryMeasures& table);

}  // namespace aqi
