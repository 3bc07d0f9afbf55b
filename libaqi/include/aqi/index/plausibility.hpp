// Values no instrument reports in the table's unit: a wrong unit, refused with the hint to
// convert, never rated (issue 16: CO in µg/m³ read as mg/m³ rated every day 500). Applied where
// data are read (aqi.aqi on a DataFrame, the engine's observations), not in the IAQI kernel,
// which keeps SPEC A4 (above the top breakpoint: 500, beyond scale).
#pragma once

#include <cmath>
#include <limits>
#include <string>

#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/index/indicator.hpp"
#include "aqi/index/units.hpp"
#include "aqi/span.hpp"

namespace aqi {

// CO: 150 mg/m³ is the top of HJ 633's 1-hour table (IAQI 500); ambient air, even beside a fire,
// stays far below it (China's worst city hours are a few tens of mg/m³), while the same air in
// µg/m³ is 200–10000. Mass concentrations in µg/m³ have no such test: the wrong unit (mg/m³)
// would make them small, which clean air is too.
constexpr double plausible_maximum(Pollutant p) noexcept {
  return p == Pollutant::co ? 150.0 : std::numeric_limits<double>::infinity();
}

// Why `v` (in the table's unit) cannot be a measurement of `p`; empty when it can be.
inline std::string implausible(Pollutant p, double v) {
  const double top = plausible_maximum(p);
  if (!(v > top)) return {};
  const std::string unit(name(table_unit(p)));
  return std::string(name(p)) + " " + detail::format_number(v) + " " + unit + " is above " +
         detail::format_number(top) + " " + unit + ", which no instrument reports: the data are in another unit " +
         "(µg/m³?); convert them to " + unit + " or pass units={'" + std::string(name(p)) + "': 'ug/m3'}";
}

// Throws InvalidValue naming the column and the first row above the maximum, with the hint.
inline void check_plausible(const std::string& column, Indicator i, span<const double> values) {
  for (std::size_t r = 0; r < values.size(); ++r) {
    const std::string why = implausible(pollutant_of(i), values[r]);
    if (!why.empty()) throw InvalidValue(column, r, why);
  }
}

}  // namespace aqi
