// Industries of the emission-reduction inventory and performance grades — SPEC E3, E4, E5.
// The key list is the county's (plan §5.5.1–3 (3)①): graded key industries of the national
// technical guide, its ungraded key industries, the plan's eight non-key industries (§5.5 ①–⑧;
// boilers split into coal and gas), and `other` for every remaining enterprise (E5).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aqi/detail/keys.hpp"
#include "aqi/error.hpp"

namespace aqi {

enum class Industry : std::uint8_t {
  // graded key industries (E3: the measure of the enterprise's grade)
  ceramics,
  glass,
  lime_kiln,
  foundry,
  pharmaceutical,
  // ungraded key industries (E3: one measure per level)
  cement_grinding,
  brick_kiln,
  refractory,
  rock_wool,
  furniture,
  packaging_printing,
  wood_panel,
  plastics_manufacturing,
  rubber_products,
  industrial_coating,
  // the plan's non-key industries (E4)
  organic_chemical,
  plastic_products,
  cotton_dyeing,
  fertiliser,
  machinery,
  other_rubber,
  power_heat,
  coal_boiler,
  gas_boiler,
  // every other industrial enterprise (E5)
  other,
};

inline constexpr std::size_t industry_count = 25;

// clang-format off
inline constexpr std::array<std::string_view, industry_count> industry_keys{
    "ceramics", "glass", "lime_kiln", "foundry", "pharmaceutical",
    "cement_grinding", "brick_kiln", "refractory", "rock_wool", "furniture", "packaging_printing", "wood_panel",
    "plastics_manufacturing", "rubber_products", "industrial_coating",
    "organic_chemical", "plastic_products", "cotton_dyeing", "fertiliser", "machinery", "other_rubber", "power_heat",
    "coal_boiler", "gas_boiler",
    "other"};
// clang-format on

constexpr std::string_view key(Industry i) noexcept { return industry_keys[static_cast<std::size_t>(i)]; }

// Which rule of SPEC E3–E5 an industry follows.
enum class IndustryClass : std::uint8_t { graded_key, ungraded_key, non_key, other };

inline constexpr std::array<std::string_view, 4> industry_class_keys{"graded_key", "ungraded_key", "non_key", "other"};

constexpr std::string_view name(IndustryClass c) noexcept { return industry_class_keys[static_cast<std::size_t>(c)]; }

inline IndustryClass parse_industry_class(std::string_view text) {
  return static_cast<IndustryClass>(detail::parse_key(industry_class_keys, text, "industry class"));
}

constexpr IndustryClass industry_class(Industry i) noexcept {
  if (i <= Industry::pharmaceutical) return IndustryClass::graded_key;
  if (i <= Industry::industrial_coating) return IndustryClass::ungraded_key;
  if (i <= Industry::gas_boiler) return IndustryClass::non_key;
  return IndustryClass::other;
}

constexpr bool is_graded(Industry i) noexcept { return industry_class(i) == IndustryClass::graded_key; }

inline std::string industry_key_list() {
  std::string s;
  for (auto k : industry_keys) s += (s.empty() ? "" : ", ") + std::string(k);
  return s;
}

// Throws UnknownName listing the keys.
inline Industry parse_industry(std::string_view text) {
  for (std::size_t i = 0; i < industry_count; ++i)
    if (industry_keys[i] == text) return static_cast<Industry>(i);
  throw UnknownName("unknown industry '" + std::string(text) + "'; expected one of: " + industry_key_list());
}

// Environmental performance grade (绩效分级) of an enterprise of a key industry — SPEC E11 (the
// guide, 2020 revision): A, B, B-, C, D for the graded key industries; 引领性 (leading) /
// 非引领性 (non-leading) for the ungraded ones; `none` for every other enterprise (and for an
// ungraded key enterprise whose grade is not recorded: it takes the non-leading measure). New
// grades are appended so that existing values keep their numbers.
enum class Grade : std::uint8_t { none, A, B, C, D, B_minus, leading, non_leading };

inline constexpr std::size_t grade_count = 8;

inline constexpr std::array<std::string_view, grade_count> grade_keys{"",  "A",  "B",       "C",
                                                                      "D", "B-", "leading", "non_leading"};
// The guide's own spellings, accepted wherever a grade is read.
inline constexpr std::array<std::string_view, grade_count> grade_keys_zh{"",    "A级",  "B级",    "C级",
                                                                         "D级", "B-级", "引领性", "非引领性"};

constexpr std::string_view name(Grade g) noexcept { return grade_keys[static_cast<std::size_t>(g)]; }
constexpr std::string_view name_zh(Grade g) noexcept { return grade_keys_zh[static_cast<std::size_t>(g)]; }

// "" → none, "A" … "D", "B-", "leading", "non_leading", or the Chinese spellings ("A级", "引领性" …);
// throws InvalidArgument otherwise.
inline Grade parse_grade(std::string_view text) {
  for (std::size_t g = 0; g < grade_count; ++g)
    if (grade_keys[g] == text || (g > 0 && grade_keys_zh[g] == text)) return static_cast<Grade>(g);
  throw InvalidArgument(
      "grade must be A, B, B-, C, D, leading, non_leading (or A级 … D级, B-级, 引领性, 非引领性) or "
      "empty, got '" +
      std::string(text) + "'");
}

// SPEC E11: A and 引领性 enterprises "可自主采取减排措施" — no measure is ordered at any level.
constexpr bool is_exempt_grade(Grade g) noexcept { return g == Grade::A || g == Grade::leading; }

// SPEC E3, E11: the grades an enterprise of `i` may carry: A, B, B-, C, D in a graded key industry;
// leading, non_leading or none in an ungraded one; none elsewhere.
constexpr bool grade_fits(Industry i, Grade g) noexcept {
  switch (industry_class(i)) {
    case IndustryClass::graded_key:
      return g != Grade::none && g != Grade::leading && g != Grade::non_leading;
    case IndustryClass::ungraded_key:
      return g == Grade::none || g == Grade::leading || g == Grade::non_leading;
    default:
      return g == Grade::none;
  }
}

// The grade of the measure table's row: a non-leading enterprise of an ungraded key industry takes
// the industry's single row (grade "").
constexpr Grade table_grade(Grade g) noexcept { return g == Grade::non_leading ? Grade::none : g; }

// SPEC E11 (plan §5.5): a protected (保障类) enterprise of a graded key industry should be at least
// grade B; B-, C and D are below.
constexpr bool below_grade_b(Grade g) noexcept { return g == Grade::B_minus || g == Grade::C || g == Grade::D; }

}  // namespace aqi
