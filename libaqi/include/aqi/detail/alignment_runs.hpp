// The batch's hot path: a rule set compiled to a run automaton evaluated on all 24 alignments
// of an hourly series at once (SPEC W3: blocks aligned at ANY hour). Block j of alignment a is
// the day-mean ending at hour 23 + 24j + a, so for fixed j the 24 alignments are contiguous and
// every step below is a plain loop over 24 lanes that the compiler vectorises.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "aqi/detail/simd.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi::detail {

inline constexpr std::size_t lanes = 24;

// A rule set as distinct conditions and clauses over them. Run state per lane: the length of
// the current base run, and per further term its current and best stretch (or count) inside it.
class CompiledRules {
 public:
  static constexpr std::size_t max_terms = 16, max_clauses = 16, max_others = 4;

  explicit CompiledRules(const RuleSet& rules) : merge_gap_(rules.merge_gap_days) {
    for (int level = 1; level <= rules.level_count(); ++level)
      for (const Clause& c : rules.levels[static_cast<std::size_t>(level - 1)].clauses) {
        if (c.anchored || clauses_.size() == max_clauses || c.terms.size() > max_others + 1) {
          supported_ = false;
          return;
        }
        CompiledClause cc;
        cc.level = level;
        cc.base = term_index(c.terms[0]);
        cc.base_days = c.terms[0].days;
        cc.run = run_index(cc.base);
        for (std::size_t t = 1; t < c.terms.size(); ++t) {
          // A merged run (gap > 0) may hold gap blocks; the automaton is exact when a block
          // satisfying a further term also satisfies the base term (true of every shipped set).
          const RunTerm& base = c.terms[0];
          const RunTerm& other = c.terms[t];
          if (merge_gap_ > 0 && !(other.threshold >= base.threshold && other.at_most <= base.at_most)) {
            supported_ = false;
            return;
          }
          cc.others[cc.n_others] = term_index(other);
          cc.other_days[cc.n_others] = other.days;
          cc.consecutive[cc.n_others] = other.consecutive;
          ++cc.n_others;
        }
        if (!supported_) return;
        clauses_.push_back(cc);
      }
  }

  bool supported() const noexcept { return supported_; }

  // The level code of an hourly series from its day-means m[0..n) (NaN = no mean), padded by
  // the caller with NaN up to 24 values past the last block.
  int level(const double* m, std::size_t n) const {
    if (n < lanes) return 0;
    const std::size_t blocks = (n - (lanes - 1) + lanes - 1) / lanes;  // block j ends at 23 + 24j + a
    // Only the state the rule set uses is cleared: clearing every slot would cost more than
    // the whole evaluation. All lane arithmetic is int32 0/1 products without branches, so it
    // vectorises.
    std::int32_t run_len[max_clauses][lanes], gap[max_clauses][lanes];
    std::int32_t cur[max_clauses][max_others][lanes], best[max_clauses][max_others][lanes];
    std::int32_t level[lanes] = {};
    std::int32_t cond[max_terms][lanes];
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      std::fill_n(run_len[r], lanes, 0);
      std::fill_n(gap[r], lanes, 0);
    }
    for (std::size_t k = 0; k < clauses_.size(); ++k)
      for (std::size_t o = 0; o < clauses_[k].n_others; ++o) {
        std::fill_n(cur[k][o], lanes, 0);
        std::fill_n(best[k][o], lanes, 0);
      }
    const std::int32_t merge_gap = merge_gap_;
    for (std::size_t j = 0; j < blocks; ++j) {
      const double* v = m + (lanes - 1) + j * lanes;
      for (std::size_t t = 0; t < terms_.size(); ++t) {
        const double lo = terms_[t].threshold, hi = terms_[t].at_most;
        std::int32_t* out = cond[t];
        if (terms_[t].strict)
          for (std::size_t a = 0; a < lanes; ++a)
            out[a] = static_cast<std::int32_t>(v[a] > lo) & static_cast<std::int32_t>(v[a] <= hi);
        else
          for (std::size_t a = 0; a < lanes; ++a)
            out[a] = static_cast<std::int32_t>(v[a] >= lo) & static_cast<std::int32_t>(v[a] <= hi);
      }
      for (std::size_t r = 0; r < runs_.size(); ++r) {
        const std::int32_t* b = cond[runs_[r]];
        std::int32_t* len = run_len[r];
        std::int32_t* g = gap[r];
        for (std::size_t a = 0; a < lanes; ++a) {
          // A failing block ends the run unless it is within the merge gap (MEE 2017).
          const std::int32_t gg = (g[a] + 1) * (1 - b[a]);
          const std::int32_t alive =
              b[a] | (static_cast<std::int32_t>(gg <= merge_gap) & static_cast<std::int32_t>(len[a] > 0));
          g[a] = gg;
          len[a] = (len[a] + b[a]) * alive;
        }
      }
      for (std::size_t k = 0; k < clauses_.size(); ++k) {
        const CompiledClause& cc = clauses_[k];
        const std::int32_t* len = run_len[cc.run];
        std::int32_t ok[lanes];
        for (std::size_t a = 0; a < lanes; ++a) ok[a] = static_cast<std::int32_t>(len[a] >= cc.base_days);
        for (std::size_t o = 0; o < cc.n_others; ++o) {
          const std::int32_t* c = cond[cc.others[o]];
          std::int32_t* cu = cur[k][o];
          std::int32_t* be = best[k][o];
          const std::int32_t days = cc.other_days[o];
          if (cc.consecutive[o])
            for (std::size_t a = 0; a < lanes; ++a) cu[a] = (cu[a] + 1) * c[a];
          else
            for (std::size_t a = 0; a < lanes; ++a) cu[a] = cu[a] + c[a];
          for (std::size_t a = 0; a < lanes; ++a) {
            const std::int32_t alive = static_cast<std::int32_t>(len[a] > 0);
            cu[a] *= alive;
            be[a] = std::max(be[a], cu[a]) * alive;
            ok[a] &= static_cast<std::int32_t>(be[a] >= days);
          }
        }
        const std::int32_t lv = cc.level;
        for (std::size_t a = 0; a < lanes; ++a) level[a] = std::max(level[a], ok[a] * lv);
      }
    }
    return *std::max_element(level, level + lanes);
  }

 private:
  struct Condition {
    double threshold;
    bool strict;
    double at_most;
  };
  struct CompiledClause {
    int level = 0;
    std::size_t base = 0;
    std::size_t run = 0;  // index into runs_: clauses with the same base term share one run
    int base_days = 0;
    std::size_t n_others = 0;
    std::size_t others[max_others] = {};
    int other_days[max_others] = {};
    bool consecutive[max_others] = {};
  };

  std::size_t run_index(std::size_t base_term) {
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i] == base_term) return i;
    runs_.push_back(base_term);
    return runs_.size() - 1;
  }

  std::size_t term_index(const RunTerm& t) {
    for (std::size_t i = 0; i < terms_.size(); ++i)
      if (terms_[i].threshold == t.threshold && terms_[i].strict == t.strict && terms_[i].at_most == t.at_most) return i;
    if (terms_.size() == max_terms) {
      supported_ = false;
      return 0;
    }
    terms_.push_back({t.threshold, t.strict, t.at_most});
    return terms_.size() - 1;
  }

  int merge_gap_;
  bool supported_ = true;
  std::vector<Condition> terms_;
  std::vector<std::size_t> runs_;  // base term of each distinct run
  std::vector<CompiledClause> clauses_;
};

// Trailing 24-hour means without a running sum (SPEC A5, W2 b, W5, W8): each window is three
// 8-hour sums of eight values, independent across hours, so the loops vectorise and rounding
// cannot drift along the series. m[t] for t ≥ 23 is the mean of the window's valid hours when
// there are at least 20 and no dust hour, else NaN; m[t < 23] is NaN. `work` holds 6n doubles.
inline void day_means(const double* h, const std::uint8_t* dust, std::size_t n, double* m, double* work) noexcept {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  // Disjoint slices of `work`; __restrict lets the compiler vectorise without alias checks.
  double* __restrict v = work;           // value, 0 where missing
  double* __restrict c = work + n;       // 1 where valid
  double* __restrict d = work + 2 * n;   // 1 where dust
  double* __restrict v8 = work + 3 * n;  // 8-hour sums ending at t (t ≥ 7)
  double* __restrict c8 = work + 4 * n;
  double* __restrict d8 = work + 5 * n;
  for (std::size_t t = 0; t < n; ++t) {
    const bool ok = h[t] == h[t];
    v[t] = ok ? h[t] : 0.0;
    c[t] = ok ? 1.0 : 0.0;
  }
  if (dust)
    for (std::size_t t = 0; t < n; ++t) d[t] = static_cast<double>(dust[t] != 0);
  else
    std::fill_n(d, n, 0.0);
  // Eight-tap sums, pairwise so that every path (pack or scalar tail) adds in the same order.
  auto sum8 = [](auto pack, const double* x, std::size_t t) {
    using P = decltype(pack);
    const auto a = P::add(P::load(x + t), P::load(x + t - 1)), b = P::add(P::load(x + t - 2), P::load(x + t - 3));
    const auto e = P::add(P::load(x + t - 4), P::load(x + t - 5)), f = P::add(P::load(x + t - 6), P::load(x + t - 7));
    return P::add(P::add(a, b), P::add(e, f));
  };
  using W = simd::Widest;
  std::size_t t = 7;
  for (; t + W::width <= n; t += W::width) {
    W::store(v8 + t, sum8(W{}, v, t));
    W::store(c8 + t, sum8(W{}, c, t));
    W::store(d8 + t, sum8(W{}, d, t));
  }
  for (; t < n; ++t) {
    v8[t] = sum8(simd::Scalar{}, v, t);
    c8[t] = sum8(simd::Scalar{}, c, t);
    d8[t] = sum8(simd::Scalar{}, d, t);
  }
  for (std::size_t t = 0; t < std::min<std::size_t>(n, 23); ++t) m[t] = nan;
  for (std::size_t t = 23; t < n; ++t) {
    const double s = v8[t] + v8[t - 8] + v8[t - 16];
    const double k = c8[t] + c8[t - 8] + c8[t - 16];
    const double dusty = d8[t] + d8[t - 8] + d8[t - 16];
    m[t] = (k >= 20.0 && dusty == 0.0) ? s / k : nan;
  }
}

// The smallest and largest non-NaN values (0 when there are none below / above 0): enough to
// tell a negative or infinite value (SPEC W9) and the series' peak, in one vectorised pass.
inline void min_max(const double* x, std::size_t n, double& low, double& high) noexcept {
  using P = simd::Widest;
  typename P::D lo0 = P::set1(0.0), lo1 = lo0, hi0 = lo0, hi1 = lo0;
  std::size_t i = 0;
  for (; i + 2 * P::width <= n; i += 2 * P::width) {
    const auto a = P::load(x + i), b = P::load(x + i + P::width);
    lo0 = P::min(a, lo0);  // a NaN lane keeps the accumulator
    lo1 = P::min(b, lo1);
    hi0 = P::max(a, hi0);
    hi1 = P::max(b, hi1);
  }
  alignas(64) double l[2 * P::width], h[2 * P::width];
  P::store(l, lo0);
  P::store(l + P::width, lo1);
  P::store(h, hi0);
  P::store(h + P::width, hi1);
  low = 0;
  high = 0;
  for (std::size_t k = 0; k < 2 * P::width; ++k) {
    low = std::min(low, l[k]);
    high = std::max(high, h[k]);
  }
  for (; i < n; ++i) {
    low = x[i] < low ? x[i] : low;
    high = x[i] > high ? x[i] : high;
  }
}

}  // namespace aqi::detail
