// AQI categories (级别) of HJ 633 §5.3 — SPEC A3.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aqi/detail/ascii.hpp"
#include "aqi/error.hpp"

namespace aqi {

enum class Category : std::int8_t {
  missing = 0,              // no AQI (every indicator missing)
  good = 1,                 // 0–50    优       I
  moderate = 2,             // 51–100  良       II
  lightly_polluted = 3,     // 101–150 轻度污染 III
  moderately_polluted = 4,  // 151–200 中度污染 IV
  heavily_polluted = 5,     // 201–300 重度污染 V
  severely_polluted = 6,    // > 300   严重污染 VI
};

// SPEC A3. The AQI is a whole number (A2), so the bounds are inclusive integers.
constexpr Category category_of(double aqi) noexcept {
  if (!(aqi == aqi)) return Category::missing;  // NaN without <cmath> constexpr issues
  if (aqi <= 50) return Category::good;
  if (aqi <= 100) return Category::moderate;
  if (aqi <= 150) return Category::lightly_polluted;
  if (aqi <= 200) return Category::moderately_polluted;
  if (aqi <= 300) return Category::heavily_polluted;
  return Category::severely_polluted;
}

constexpr std::string_view name_zh(Category c) noexcept {
  constexpr std::array<std::string_view, 7> names{"", "优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"};
  return names[static_cast<std::size_t>(c)];
}

constexpr std::string_view name_en(Category c) noexcept {
  constexpr std::array<std::string_view, 7> names{
      "", "good", "moderate", "lightly polluted", "moderately polluted", "heavily polluted", "severely polluted"};
  return names[static_cast<std::size_t>(c)];
}

// HJ 633 Table 2: the level (级别) of each category, 一级 … 六级.
constexpr std::string_view level_zh(Category c) noexcept {
  constexpr std::array<std::string_view, 7> names{"", "一级", "二级", "三级", "四级", "五级", "六级"};
  return names[static_cast<std::size_t>(c)];
}

inline constexpr std::array<Category, 6> all_categories{Category::good,
                                                        Category::moderate,
                                                        Category::lightly_polluted,
                                                        Category::moderately_polluted,
                                                        Category::heavily_polluted,
                                                        Category::severely_polluted};

// The name()/parse_category() pair: a category's name is its English name ("lightly polluted";
// "" for missing). parse_category takes the Chinese name (轻度污染), the English name in any case
// and with `_` for spaces (lightly_polluted), or the level (三级).
constexpr std::string_view name(Category c) noexcept { return name_en(c); }

constexpr std::optional<Category> find_category(std::string_view text) noexcept {
  for (Category c : all_categories)
    if (text == name_zh(c) || text == level_zh(c) || detail::same_name(text, name_en(c))) return c;
  return std::nullopt;
}

// Throws UnknownName listing the categories.
inline Category parse_category(std::string_view text) {
  if (auto c = find_category(text)) return *c;
  throw UnknownName(
      "unknown AQI category '" + std::string(text) + "'; expected one of: " +
      detail::name_list(all_categories,
                        [](Category c) { return std::string(name_zh(c)) + " (" + std::string(name_en(c)) + ")"; }) +
      ", or a level 一级 … 六级");
}

}  // namespace aqi
