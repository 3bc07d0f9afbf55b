// Warning levels of many series at once — stations × ensemble members × hours in one call
// (SPEC W1–W9 per series), multi-threaded, int8 level codes out.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/detail/iaqi_kernel.hpp"
#include "aqi/detail/parallel.hpp"
#include "aqi/error.hpp"
#include "aqi/parallelism.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/classify.hpp"

namespace aqi {

namespace detail {

inline std::string multi_index(const std::vector<std::size_t>& shape, std::size_t flat) {
  std::vector<std::size_t> idx(shape.size());
  for (std::size_t d = shape.size(); d-- > 0;) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::string s;
  for (std::size_t i : idx) s += (s.empty() ? "" : ", ") + std::to_string(i);
  return s;
}

// Could any clause of any level start a run on a day-mean as high as `peak`? If not, the series
// is "none" without looking at its runs.
inline bool any_base_holds_up_to(const RuleSet& rules, double peak) {
  for (const auto& level : rules.levels)
    for (const auto& clause : level.clauses) {
      const RunTerm& b = clause.terms[0];
      if (b.strict ? peak > b.threshold : peak >= b.threshold) return true;
    }
  return false;
}

}  // namespace detail

// values: C-order array of `shape` (the last axis is time: days or hours). out: one level code
// per series (product of the leading dimensions). NaN is missing. A negative or infinite value
// throws InvalidValue naming its full index, e.g. "values[12, 3, 40]: negative AQI -1 (SPEC W9)".
inline void classify_batch(span<const double> values, const std::vector<std::size_t>& shape, SeriesKind kind,
                           const RuleSet& rules, span<std::int8_t> out, const Parallelism& parallelism = {}) {
  if (shape.empty()) throw InvalidArgument("classify_batch: values need at least one axis (time)");
  rules.require_int8_levels();
  rules.require_valid();
  std::size_t total = 1;
  for (std::size_t d : shape) total *= d;
  if (total != values.size())
    throw InvalidArgument("classify_batch: shape holds " + std::to_string(total) + " values, got " +
                          std::to_string(values.size()));
  const std::size_t length = shape.back();
  const std::size_t series = length == 0 ? 0 : total / length;
  if (out.size() != series && length != 0)
    throw InvalidArgument("classify_batch: " + std::to_string(series) + " series but " + std::to_string(out.size()) +
                          " outputs");
  if (length == 0) {
    for (auto& o : out) o = 0;
    return;
  }
  const unsigned workers = detail::worker_count(total, parallelism);
  std::vector<std::size_t> first_bad(std::max(1u, workers), detail::npos);
  const detail::CompiledRules compiled(rules);
  detail::parallel_chunks(series, workers, 1, [&](unsigned chunk, std::size_t b, std::size_t e) {
    // Day-means padded with a day of NaN so the 24-lane automaton may read past the last block.
    std::vector<double> m(kind == SeriesKind::hourly ? length + day_window : 0,
                          std::numeric_limits<double>::quiet_NaN());
    std::vector<double> work(kind == SeriesKind::hourly ? 6 * length : 0);
    for (std::size_t s = b; s < e; ++s) {
      const double* x = values.data() + s * length;
      double low, high;
      detail::min_max(x, length, low, high);
      if (low < 0 || high > std::numeric_limits<double>::max()) {
        first_bad[chunk] = s * length + detail::first_bad(x, length);
        return;
      }
      std::int8_t level = 0;
      if (kind == SeriesKind::daily) {
        if (detail::any_base_holds_up_to(rules, high)) {
          auto get = [&](int j) { return x[j]; };
          level = static_cast<std::int8_t>(detail::evaluate_blocks(rules, static_cast<int>(length), get).level);
        }
      } else if (length >= day_window && detail::any_base_holds_up_to(rules, high)) {
        detail::day_means(x, nullptr, length, m.data(), work.data());
        level = static_cast<std::int8_t>(compiled.supported() ? compiled.level(m.data(), length)
                                                              : detail::hourly_level(rules, m.data(), length));
      }
      out[s] = level;
    }
  });
  for (std::size_t bad : first_bad)
    if (bad != detail::npos) {
      const double v = values[bad];
      throw InvalidValue("values", bad, detail::multi_index(shape, bad),
                         std::isinf(v) ? "infinite AQI (SPEC W9)"
                                       : "negative AQI " + detail::format_number(v) + " (SPEC W9)");
    }
}

}  // namespace aqi
