// Individual air quality index (IAQI) of one indicator — SPEC A1, A2, A4, A6.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/detail/iaqi_kernel.hpp"
#include "aqi/detail/parallel.hpp"
#include "aqi/index/edition.hpp"
#include "aqi/error.hpp"
#include "aqi/index/indicator.hpp"
#include "aqi/parallelism.hpp"
#include "aqi/span.hpp"

namespace aqi {

struct IaqiOptions {
  // SPEC A6: inputs are used as given; set this to round them to the reporting precision
  // (µg/m³ integers, CO 0.1 mg/m³) first.
  bool round_inputs = false;
  Parallelism parallelism{};
};

namespace detail {

inline std::string describe_bad(double c) {
  if (std::isinf(c)) return c > 0 ? "infinite concentration (SPEC A4)" : "infinite concentration -inf (SPEC A4)";
  return "negative concentration " + format_number(c) + " (SPEC A4)";
}

[[noreturn]] inline void throw_bad_concentration(Indicator i, std::size_t index, double c) {
  throw InvalidValue(std::string(key(i)), index, describe_bad(c));
}

inline constexpr std::size_t block_size = 256;

}  // namespace detail

// IAQI of one concentration: a whole number (A2), 500 above the top breakpoint (A4), NaN when
// the concentration is NaN (missing) or the edition does not rate it there (HJ 633-2012:
// SO2 1h or O3 8h above 800). Negative or infinite input throws InvalidValue.
inline double iaqi(const Edition& edition, Indicator indicator, double concentration, const IaqiOptions& options = {}) {
  if (detail::is_bad_concentration(concentration)) detail::throw_bad_concentration(indicator, 0, concentration);
  const detail::IaqiKernel k(edition, indicator);
  if (options.round_inputs) concentration = detail::round_to_reporting(concentration, indicator);
  return detail::iaqi_scalar(k, concentration);
}

// IAQI of every element of `concentrations` into `out` (same length). Throws InvalidValue
// naming the first negative or infinite element; no exception otherwise.
inline void iaqi(const Edition& edition, Indicator indicator, span<const double> concentrations, span<double> out,
                 const IaqiOptions& options = {}) {
  if (out.size() != concentrations.size())
    throw InvalidArgument("iaqi: output has " + std::to_string(out.size()) + " elements, input has " +
                          std::to_string(concentrations.size()));
  const detail::IaqiKernel k(edition, indicator);
  const std::size_t n = concentrations.size();
  const unsigned chunks = detail::worker_count(n, options.parallelism);
  std::vector<std::size_t> first_bad(std::max(1u, chunks), detail::npos);
  detail::parallel_chunks(n, chunks, detail::block_size, [&](unsigned chunk, std::size_t b, std::size_t e) {
    double rounded[detail::block_size];
    for (std::size_t i = b; i < e && first_bad[chunk] == detail::npos; i += detail::block_size) {
      const std::size_t m = std::min(detail::block_size, e - i);
      const double* src = concentrations.data() + i;
      if (options.round_inputs) {
        // Validate before rounding: -0.3 must not become a valid 0.
        for (std::size_t j = 0; j < m && first_bad[chunk] == detail::npos; ++j)
          if (detail::is_bad_concentration(src[j])) first_bad[chunk] = i + j;
        if (first_bad[chunk] != detail::npos) break;
        for (std::size_t j = 0; j < m; ++j) rounded[j] = detail::round_to_reporting(src[j], indicator);
        src = rounded;
      }
      const std::size_t bad = detail::iaqi_span(k, src, out.data() + i, m);
      if (bad != detail::npos) first_bad[chunk] = i + bad;
    }
  });
  for (std::size_t b : first_bad)
    if (b != detail::npos) detail::throw_bad_concentration(indicator, b, concentrations[b]);
}

inline std::vector<double> iaqi(const Edition& edition, Indicator indicator, span<const double> concentrations,
                                const IaqiOptions& options = {}) {
  std::vector<double> out(concentrations.size());
  iaqi(edition, indicator, concentrations, span<double>(out), options);
  return out;
}

}  // namespace aqi
