// Moving means with the GB 3095-2012 validity rule — SPEC A5, W2(b), W8.
#pragma once

#include <algorithm>
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

// The window and min_valid given as signed numbers (a Python int): below 1 is refused naming
// the number (a negative one cannot become a size).
inline void check_window_signed(long long window, long long min_valid) {
  if (window < 1) throw InvalidArgument("moving_mean: window must be at least 1, got " + std::to_string(window));
  if (min_valid < 1 || min_valid > window)
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
  // Blocks of `window` values from index 0. The window ending at t is a suffix of the previous
  // block plus a prefix of t's own block: two running sums in which nothing is ever subtracted.
  // A sliding add-and-subtract sum lets a huge value absorb its small neighbours and then cancel
  // them when it leaves (fuzzing: a mean of non-negative values came out negative); this way each
  // mean is a plain sum of at most `window` values, within `window` roundings of exact.
  std::vector<double> suffix(n);
  std::vector<std::size_t> suffix_count(n);
  for (std::size_t b = 0; b < n; b += window) {
    double s = 0.0;
    std::size_t k = 0;
    for (std::size_t j = std::min(n, b + window); j-- > b;) {
      if (!std::isnan(in[j])) {
        s += in[j];
        ++k;
      }
      suffix[j] = s;
      suffix_count[j] = k;
    }
  }
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t t = 0; t < n; ++t) {
    if (t % window == 0) {
      sum = 0.0;
      count = 0;
    }
    if (!std::isnan(in[t])) {
      sum += in[t];
      ++count;
    }
    double s = sum;
    std::size_t k = count;
    if (t % window != window - 1 && t + 1 >= window) {  // the window reaches into the previous block
      s += suffix[t + 1 - window];
      k += suffix_count[t + 1 - window];
    }
    out[t] = (t + 1 >= window && k >= min_valid) ? s / static_cast<double>(k) : nan;
  }
}

inline std::vector<double> moving_mean(span<const double> in, std::size_t window = day_window,
                                       std::size_t min_valid = day_min_valid, const char* field = "values") {
  std::vector<double> out(in.size());
  moving_mean(in, span<double>(out), window, min_valid, field);
  return out;
}

}  // namespace aqi
