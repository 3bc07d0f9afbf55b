// The six pollutants of GB 3095-2012 / HJ 633, and sets of them (primary pollutants, A3).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aqi/detail/ascii.hpp"
#include "aqi/error.hpp"

namespace aqi {

// Listed in the order the national real-time release platform shows them; a set of primary
// pollutants prints in this order ("PM2.5,PM10").
enum class Pollutant : std::uint8_t { pm25, pm10, o3, no2, so2, co };

inline constexpr std::size_t pollutant_count = 6;

inline constexpr std::array<Pollutant, pollutant_count> all_pollutants{Pollutant::pm25, Pollutant::pm10, Pollutant::o3,
                                                                       Pollutant::no2,  Pollutant::so2,  Pollutant::co};

// Display name as HJ 633 prints it: "PM2.5", "SO2".
constexpr std::string_view display_name(Pollutant p) noexcept {
  constexpr std::array<std::string_view, pollutant_count> names{"PM2.5", "PM10", "O3", "NO2", "SO2", "CO"};
  return names[static_cast<std::size_t>(p)];
}

// The name()/parse_pollutant() pair: the name HJ 633 prints ("PM2.5"); the key indicator keys
// start with ("pm25"); the Chinese name of GB 3095-2012 (细颗粒物).
constexpr std::string_view name(Pollutant p) noexcept { return display_name(p); }

constexpr std::string_view key(Pollutant p) noexcept {
  constexpr std::array<std::string_view, pollutant_count> keys{"pm25", "pm10", "o3", "no2", "so2", "co"};
  return keys[static_cast<std::size_t>(p)];
}

constexpr std::string_view name_zh(Pollutant p) noexcept {
  constexpr std::array<std::string_view, pollutant_count> names{"细颗粒物", "可吸入颗粒物", "臭氧",
                                                                "二氧化氮", "二氧化硫",     "一氧化碳"};
  return names[static_cast<std::size_t>(p)];
}

// Any of the three names, ASCII case ignored ("PM2.5", "pm2.5", "pm25", "PM25", "细颗粒物").
constexpr std::optional<Pollutant> find_pollutant(std::string_view text) noexcept {
  for (Pollutant p : all_pollutants)
    if (detail::same_name(text, name(p)) || detail::same_name(text, key(p)) || text == name_zh(p)) return p;
  return std::nullopt;
}

// Throws UnknownName listing the names.
inline Pollutant parse_pollutant(std::string_view text) {
  if (auto p = find_pollutant(text)) return *p;
  throw UnknownName("unknown pollutant '" + std::string(text) +
                    "'; expected one of: " + detail::name_list(all_pollutants, [](Pollutant p) { return name(p); }) +
                    " (or " + detail::name_list(all_pollutants, [](Pollutant p) { return key(p); }) + "; or " +
                    detail::name_list(all_pollutants, [](Pollutant p) { return name_zh(p); }) + ")");
}

// A set of pollutants, one bit each; the bit layout is the Python `primary_mask` column.
class PollutantSet {
 public:
  constexpr PollutantSet() noexcept = default;
  constexpr explicit PollutantSet(std::uint8_t bits) noexcept : bits_(bits) {}

  static constexpr std::uint8_t bit(Pollutant p) noexcept {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(p));
  }
  constexpr bool contains(Pollutant p) const noexcept { return (bits_ & bit(p)) != 0; }
  constexpr void insert(Pollutant p) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(p)); }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr std::uint8_t bits() const noexcept { return bits_; }
  friend constexpr bool operator==(PollutantSet a, PollutantSet b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(PollutantSet a, PollutantSet b) noexcept { return !(a == b); }

  // "PM2.5,PM10"; empty string for the empty set.
  std::string to_string() const {
    std::string s;
    for (Pollutant p : all_pollutants) {
      if (!contains(p)) continue;
      if (!s.empty()) s += ',';
      s += display_name(p);
    }
    return s;
  }

  // The inverse of to_string: "PM2.5,PM10" (any pollutant names, in any order); "" is the empty
  // set. Throws UnknownName naming the pollutant it does not know.
  static PollutantSet parse(std::string_view text) {
    PollutantSet set;
    if (text.empty()) return set;
    for (;;) {
      const std::size_t comma = text.find(',');
      std::string_view one = text.substr(0, comma);
      while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
      while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
      set.insert(parse_pollutant(one));
      if (comma == std::string_view::npos) return set;
      text.remove_prefix(comma + 1);
    }
  }

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace aqi
