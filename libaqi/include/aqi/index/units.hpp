// Concentration units. HJ 633's tables are in µg/m³, CO in mg/m³ (SPEC A1); data that come in
// the other unit (the UCI Beijing data publish CO in µg/m³) are converted when the caller says so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aqi/detail/ascii.hpp"
#include "aqi/error.hpp"
#include "aqi/index/pollutant.hpp"

namespace aqi {

enum class ConcentrationUnit : std::uint8_t { ug_m3, mg_m3 };

constexpr std::string_view name(ConcentrationUnit u) noexcept {
  return u == ConcentrationUnit::ug_m3 ? "ug/m3" : "mg/m3";
}

// The unit of the pollutant's rows in HJ 633's table.
constexpr ConcentrationUnit table_unit(Pollutant p) noexcept {
  return p == Pollutant::co ? ConcentrationUnit::mg_m3 : ConcentrationUnit::ug_m3;
}

// "ug/m3", "µg/m³", "μg/m3" (Greek mu), "mg/m3", "mg/m³", ASCII case ignored.
inline std::optional<ConcentrationUnit> find_unit(std::string_view text) noexcept {
  for (std::string_view s : {"ug/m3", "µg/m3", "μg/m3", "ug/m³", "µg/m³", "μg/m³"})
    if (detail::same_name(text, s)) return ConcentrationUnit::ug_m3;
  for (std::string_view s : {"mg/m3", "mg/m³"})
    if (detail::same_name(text, s)) return ConcentrationUnit::mg_m3;
  return std::nullopt;
}

// Throws UnknownName naming the unit and the accepted ones.
inline ConcentrationUnit parse_unit(std::string_view text) {
  if (auto u = find_unit(text)) return *u;
  throw UnknownName("unknown unit '" + std::string(text) + "'; expected ug/m3 (µg/m³) or mg/m3 (mg/m³)");
}

// A concentration in `from` as the table's unit of `p`. Dividing by 1000 (not multiplying by
// 0.001) keeps decimal data exact to the last bit, as SPEC A6 needs: 2000 µg/m³ is 2 mg/m³.
constexpr double to_table_unit(Pollutant p, ConcentrationUnit from, double v) noexcept {
  const ConcentrationUnit to = table_unit(p);
  if (from == to) return v;
  return from == ConcentrationUnit::ug_m3 ? v / 1000 : v * 1000;
}

}  // namespace aqi
