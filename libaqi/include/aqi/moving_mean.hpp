// Moving means with the GB 3095-2012 validity rule — SPEC A5, W2(b), W8.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/span.hpp"

namespace aqi {

// The 24-hour mean needs 20 valid hours; the 8-hour O3 mean needs 6 (SPEC A5).
inline constexpr std::size_t day_window = 24;
inline constexpr std::size_t day_min_valid = 20;
inline constexpr std::size_t o3_8h_window = 8;
inline constexpr std::size_t o3_8h_min_valid = 6;

namespace detail {

inline void check_window(std::size_t window, std::size_t min_valid) {
  if (window == 0) throw InvalidArgument("moving_mean: window must be at least 1");
  if (min_valid == 0 || min_valid > window)
    throw InvalidArgument("moving_mean: min_valid must be between 1 and the window (" + std::to_string(window) +
                          "), got " + std::to_string(min_valid));
}

// Negative or infinite values are bad input (concentrations and AQI are never negative).
inline void check_series_value(double x, std::size_t i, const char* field) {
  if (std::isinf(x) || x < 0.0)
    throw InvalidValue(field, i, std::isinf(x) ? "infinite value" : "negative value " + detail::format_number(x));
}

}  // namespace detail

// Trailing moving mean: out[t] is the mean of the valid (non-NaN) values among
// in[t-window+1 .. t] when there are at least `min_valid` of them, NaN otherwise; the first
// window-1 outputs are NaN (their window is incomplete). `field` names the series in errors.
inline void moving_mean(span<const double> in, span<double> out, std::size_t window = day_window,
                        std::size_t min_valid = day_min_valid, const char* field = "values") {
  detail::check_window(window, min_valid);
  if (out.size() != in.size())
    throw InvalidArgument("moving_mean: output has " + std::to_string(out.size()) + " elements, input has " +
                          std::to_string(in.size()));
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) detail::check_series_value(in[i], i, field);
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t t = 0; t < n; ++t) {
    // Sliding add/subtract lets rounding errors drift; summing each window afresh every
    // `window` steps bounds the drift to one window's worth of operations.
    if (t % window == 0) {
      sum = 0.0;
      count = 0;
      const std::size_t first = t + 1 >= window ? t + 1 - window : 0;
      for (std::size_t j = first; j <= t; ++j)
        if (!std::isnan(in[j])) {
          sum += in[j];
          ++count;
        }
    } else {
      if (!std::isnan(in[t])) {
        sum += in[t];
        ++count;
      }
      if (t >= window && !std::isnan(in[t - window])) {
        sum -= in[t - window];
        --count;
      }
    }
    out[t] = (t + 1 >= window && count >= min_valid) ? sum / static_cast<double>(count) : nan;
  }
}

inline std::vector<double> moving_mean(span<const double> in, std::size_t window = day_window,
                                       std::size_t min_valid = day_min_valid, const char* field = "values") {
  std::vector<double> out(in.size());
  moving_mean(in, span<double>(out), window, min_valid, field);
  return out;
}

}  // namespace aqi
