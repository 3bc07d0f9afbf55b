// Warning levels of many series at once — stations × ensemble members × hours in one call
// (SPEC W1–W9 per series), multi-threaded, int8 level codes out.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/detail/day_mean_bits.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/detail/iaqi_kernel.hpp"
#include "aqi/detail/parallel.hpp"
#include "aqi/error.hpp"
#include "aqi/parallelism.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/classify.hpp"
#include "aqi/warning/rule_set.hpp"

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

// The series [b, e) of a batch, each of `length` values from `values`, into out[b, e). Each
// returns the flat index of the first negative or infinite value (SPEC W9) or npos; a worker
// stops at its first.
class BatchWorker {
 public:
  BatchWorker(std::size_t length, SeriesKind kind, const RuleSet& rules, const CompiledRules& compiled)
      : length_(length),
        kind_(kind),
        rules_(rules),
        compiled_(compiled),
        fast_(kind == SeriesKind::hourly && compiled.supported()),
        bits_(fast_ ? length : 0, compiled.conditions()),
        scratch_(compiled.scratch_words(bits_.words())) {}

  std::size_t run(const double* values, std::size_t b, std::size_t e, std::int8_t* out) {
    for (std::size_t s = b; s < e; ++s) {
      const double* x = values + s * length_;
      if (s + ahead < e) prefetch(x + ahead * length_);
      const int level = fast_ ? hourly_compiled(x) : general(x);
      if (level < 0) return s * length_ + first_bad(x, length_);
      out[s] = static_cast<std::int8_t>(level);
    }
    return npos;
  }

 private:
  // Reading a series costs about as long as classifying it: ask for the one `ahead` series
  // later now, so its bytes arrive while this one is classified (the hardware prefetcher alone
  // runs only a few cache lines ahead of the reads).
  static constexpr std::size_t ahead = 2;
  void prefetch(const double* x) const noexcept {
    const char* p = reinterpret_cast<const char*>(x);
    const std::size_t bytes = std::min<std::size_t>(length_ * sizeof(double), 16384);
    for (std::size_t i = 0; i < bytes; i += 64) __builtin_prefetch(p + i);
  }

  // The hot path: one read of the series, the condition bitsets of its day-means, the compiled
  // automaton. -1 for a bad value.
  int hourly_compiled(const double* x) {
    const HourScan scan = bits_.scan(x);
    if (scan.bad) return -1;
    if (length_ < day_window || !any_base_holds_up_to(rules_, scan.high)) return 0;
    bits_.compute(scan);
    return compiled_.level_bits(bits_.bits(0), bits_.words(), length_, scratch_.data());
  }

  // Daily series, and hourly series of rule sets the automaton does not take (anchored runs).
  int general(const double* x) {
    double low, high;
    min_max(x, length_, low, high);
    if (low < 0 || high > std::numeric_limits<double>::max()) return -1;
    if (!any_base_holds_up_to(rules_, high)) return 0;
    if (kind_ == SeriesKind::daily) {
      auto get = [&](int j) { return x[j]; };
      return evaluate_blocks(rules_, static_cast<int>(length_), get).level;
    }
    if (length_ < day_window) return 0;
    // Day-means padded with a day of NaN, as the general search may read past the last block.
    means_.assign(length_ + day_window, std::numeric_limits<double>::quiet_NaN());
    work_.resize(6 * length_);
    day_means(x, nullptr, length_, means_.data(), work_.data());
    return hourly_level(rules_, means_.data(), length_);
  }

  std::size_t length_;
  SeriesKind kind_;
  const RuleSet& rules_;
  const CompiledRules& compiled_;
  bool fast_;
  DayMeanBits<simd::Widest> bits_;
  std::vector<std::uint64_t> scratch_;
  std::vector<double> means_, work_;
};

}  // namespace detail

// values: C-order array of `shape` (the last axis is time: days or hours). out: one level code
// per series (product of the leading dimensions). NaN is missing. A negative or infinite value
// throws InvalidValue naming its full index, e.g. "values[12, 3, 40]: negative AQI -1 (SPEC W9)".
// Series are handed to the workers in blocks of about 256 KB of input, in order.
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
  const unsigned workers = std::max(1u, detail::worker_count(total, parallelism));
  const detail::CompiledRules compiled(rules);
  std::vector<std::unique_ptr<detail::BatchWorker>> state(workers);
  std::vector<std::size_t> first_bad(workers, detail::npos);
  const std::size_t block = std::max<std::size_t>(1, (std::size_t{1} << 15) / length);
  detail::parallel_blocks(series, workers, block, [&](unsigned w, std::size_t b, std::size_t e) {
    if (!state[w]) state[w] = std::make_unique<detail::BatchWorker>(length, kind, rules, compiled);
    first_bad[w] = std::min(first_bad[w], state[w]->run(values.data(), b, e, out.data()));
    return first_bad[w] == detail::npos;
  });
  const std::size_t bad = *std::min_element(first_bad.begin(), first_bad.end());
  if (bad != detail::npos) {
    const double v = values[bad];
    throw InvalidValue(
        "values", bad, detail::multi_index(shape, bad),
        std::isinf(v) ? "infinite AQI (SPEC W9)" : "negative AQI " + detail::format_number(v) + " (SPEC W9)");
  }
}

}  // namespace aqi
