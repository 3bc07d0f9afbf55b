// An indicator is a pollutant over an averaging period: the columns of the HJ 633 breakpoint
// table ("pm25_24h", "o3_8h"). Keys are the names analysts write in their data frames.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aqi/error.hpp"
#include "aqi/index/pollutant.hpp"

namespace aqi {

enum class Indicator : std::uint8_t {
  so2_24h,
  so2_1h,
  no2_24h,
  no2_1h,
  pm10_24h,
  pm10_1h,
  co_24h,
  co_1h,
  o3_1h,
  o3_8h,
  pm25_24h,
  pm25_1h,
};

inline constexpr std::size_t indicator_count = 12;

inline constexpr std::array<Indicator, indicator_count> all_indicators{
    Indicator::so2_24h,  Indicator::so2_1h,  Indicator::no2_24h,  Indicator::no2_1h,
    Indicator::pm10_24h, Indicator::pm10_1h, Indicator::co_24h,   Indicator::co_1h,
    Indicator::o3_1h,    Indicator::o3_8h,   Indicator::pm25_24h, Indicator::pm25_1h};

namespace detail {
inline constexpr std::array<std::string_view, indicator_count> indicator_keys{
    "so2_24h", "so2_1h", "no2_24h", "no2_1h", "pm10_24h", "pm10_1h",
    "co_24h",  "co_1h",  "o3_1h",   "o3_8h",  "pm25_24h", "pm25_1h"};
}  // namespace detail

constexpr std::string_view key(Indicator i) noexcept { return detail::indicator_keys[static_cast<std::size_t>(i)]; }

constexpr Pollutant pollutant_of(Indicator i) noexcept {
  switch (i) {
    case Indicator::so2_24h:
    case Indicator::so2_1h:
      return Pollutant::so2;
    case Indicator::no2_24h:
    case Indicator::no2_1h:
      return Pollutant::no2;
    case Indicator::pm10_24h:
    case Indicator::pm10_1h:
      return Pollutant::pm10;
    case Indicator::co_24h:
    case Indicator::co_1h:
      return Pollutant::co;
    case Indicator::o3_1h:
    case Indicator::o3_8h:
      return Pollutant::o3;
    case Indicator::pm25_24h:
    case Indicator::pm25_1h:
      break;
  }
  return Pollutant::pm25;
}

// Averaging period in hours (1, 8 or 24).
constexpr int averaging_hours(Indicator i) noexcept {
  switch (i) {
    case Indicator::so2_24h:
    case Indicator::no2_24h:
    case Indicator::pm10_24h:
    case Indicator::co_24h:
    case Indicator::pm25_24h:
      return 24;
    case Indicator::o3_8h:
      return 8;
    default:
      return 1;
  }
}

// CO is in mg/m³, every other indicator in µg/m³.
constexpr std::string_view unit(Indicator i) noexcept { return pollutant_of(i) == Pollutant::co ? "mg/m3" : "ug/m3"; }

inline std::string indicator_key_list() {
  std::string s;
  for (auto k : detail::indicator_keys) {
    if (!s.empty()) s += ", ";
    s += k;
  }
  return s;
}

// The name()/parse_indicator() pair: an indicator's name is its key.
constexpr std::string_view name(Indicator i) noexcept { return key(i); }

// A key ("pm25_24h"), or a pollutant under any of its names and the averaging period after the
// last `_`: "PM2.5_24h", "pm2.5_1h", "O3_8h", "臭氧_8h" (the headers of the national network's
// files write PM2.5_24h). nullopt for anything else, e.g. "pm25" (which period?).
constexpr std::optional<Indicator> find_indicator(std::string_view text) noexcept {
  for (std::size_t i = 0; i < indicator_count; ++i)
    if (detail::indicator_keys[i] == text) return static_cast<Indicator>(i);
  const std::size_t cut = text.rfind('_');
  if (cut == std::string_view::npos) return std::nullopt;
  const auto pollutant = find_pollutant(text.substr(0, cut));
  const std::string_view period = text.substr(cut + 1);
  for (Indicator i : all_indicators)
    if (pollutant == pollutant_of(i) && (detail::same_name(period, averaging_hours(i) == 24  ? "24h"
                                                                   : averaging_hours(i) == 8 ? "8h"
                                                                                             : "1h")))
      return i;
  return std::nullopt;
}

// Throws UnknownName listing the valid keys.
inline Indicator parse_indicator(std::string_view text) {
  if (auto i = find_indicator(text)) return *i;
  throw UnknownName("unknown indicator key '" + std::string(text) + "'; expected one of: " + indicator_key_list());
}

}  // namespace aqi
