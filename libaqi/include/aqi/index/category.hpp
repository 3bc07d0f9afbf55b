// AQI categories (级别) of HJ 633 §5.3 — SPEC A3.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

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

}  // namespace aqi
