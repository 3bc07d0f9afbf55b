// The six pollutants of GB 3095-2012 / HJ 633, and sets of them (primary pollutants, A3).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

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

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace aqi
