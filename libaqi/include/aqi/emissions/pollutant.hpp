// The four pollutants of the emission-reduction targets (plan §5.3, SPEC R3): SO2, NOx, PM (dust
// included, R5) and VOCs, in tonnes per day. Not the AQI pollutants of aqi/pollutant.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aqi/error.hpp"

namespace aqi {

enum class EmissionPollutant : std::uint8_t { so2, nox, pm, vocs };

inline constexpr std::size_t emission_pollutant_count = 4;

inline constexpr std::array<EmissionPollutant, emission_pollutant_count> all_emission_pollutants{
    EmissionPollutant::so2, EmissionPollutant::nox, EmissionPollutant::pm, EmissionPollutant::vocs};

// The inventory's column names: "so2", "nox", "pm", "vocs".
constexpr std::string_view key(EmissionPollutant p) noexcept {
  constexpr std::array<std::string_view, emission_pollutant_count> keys{"so2", "nox", "pm", "vocs"};
  return keys[static_cast<std::size_t>(p)];
}

// As the plan writes them: "SO2", "NOx", "PM", "VOCs".
constexpr std::string_view display_name(EmissionPollutant p) noexcept {
  constexpr std::array<std::string_view, emission_pollutant_count> names{"SO2", "NOx", "PM", "VOCs"};
  return names[static_cast<std::size_t>(p)];
}

inline EmissionPollutant parse_emission_pollutant(std::string_view text) {
  for (auto p : all_emission_pollutants)
    if (key(p) == text) return p;
  throw UnknownName("unknown pollutant '" + std::string(text) + "'; expected one of: so2, nox, pm, vocs");
}

}  // namespace aqi
