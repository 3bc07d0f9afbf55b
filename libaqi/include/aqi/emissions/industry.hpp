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

// Environmental performance grade (绩效分级) of an enterprise in a graded key industry; `none`
// for every other enterprise.
enum class Grade : std::uint8_t { none, A, B, C, D };

inline constexpr std::size_t grade_count = 5;

constexpr std::string_view name(Grade g) noexcept {
  constexpr std::array<std::string_view, grade_count> names{"", "A", "B", "C", "D"};
  return names[static_cast<std::size_t>(g)];
}

// "" → none, "A" … "D"; throws InvalidArgument otherwise.
inline Grade parse_grade(std::string_view text) {
  for (std::size_t g = 0; g < grade_count; ++g)
    if (name(static_cast<Grade>(g)) == text) return static_cast<Grade>(g);
  throw InvalidArgument("grade must be A, B, C, D or empty, got '" + std::string(text) + "'");
}

}  // namespace aqi
