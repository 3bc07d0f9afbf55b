// The batch's hot path: a rule set compiled to a run automaton evaluated on all 24 alignments
// of an hourly series at once (SPEC W3: blocks aligned at ANY hour). Its input is one bitset per
// distinct condition (detail/day_mean_bits.hpp): bit t says the 24-hour mean ending at hour t
// satisfies it, so block j of alignment a is bit 23 + 24j + a and the blocks of one alignment
// are 24 bits apart. Two evaluations of the same rules:
// - bitwise, for rule sets without merged runs and with at most one further (consecutive) term
//   per clause (yiyuan-2019): a run of k blocks on every alignment is an AND of k shifts of a
//   bitset, 64 windows per word;
// - lanes, for the others (mee-2017's merge gap, counts of days): a loop over blocks j whose
//   every step is a plain loop over the 24 alignments that the compiler vectorises.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "aqi/detail/day_mean_bits.hpp"
#include "aqi/detail/run_bitsets.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi::detail {

inline constexpr std::size_t lanes = 24;

// A rule set as distinct conditions and clauses over them. Run state per lane: the length of
// the current base run, and per further term its current and best stretch (or count) inside it.
class CompiledRules {
 public:
  static constexpr std::size_t max_terms = 16, max_clauses = 16, max_others = 4;
  static_assert(max_terms <= DayMeanBits<simd::Scalar>::max_conditions, "one bitset per distinct condition");

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
        cc.run = run_index(cc.base, cc.base_days);
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
        bitwise_ = bitwise_ && cc.base_days >= 1 &&
                   (cc.n_others == 0 || (cc.n_others == 1 && cc.consecutive[0] && cc.other_days[0] >= 1));
      }
    bitwise_ = bitwise_ && merge_gap_ == 0;
  }

  bool supported() const noexcept { return supported_; }
  // Evaluated on whole bitsets (no merged runs, at most one further consecutive term per clause).
  bool bitwise() const noexcept { return bitwise_; }

  // The distinct conditions; condition c is the bitset c of level_bits().
  const std::vector<MeanCondition>& conditions() const noexcept { return terms_; }

  // Words of scratch level_bits() needs for `words` words per bitset.
  std::size_t scratch_words(std::size_t words) const noexcept { return bitwise_ ? bitwise_scratch(words) : 0; }

  // The level code of an hourly series of n hours from its condition bitsets: bitset c is
  // bits[c·words …), bit t for the 24-hour window ending at hour t, zero before hour 23 and from
  // hour n on.
  int level_bits(const std::uint64_t* bits, std::size_t words, std::size_t n, std::uint64_t* scratch) const {
    return bitwise_ ? bitwise_level(bits, words, scratch) : lanes_level(bits, words, n);
  }

  // The level code of an hourly series from its day-means m[0..n) (NaN = no mean).
  int level(const double* m, std::size_t n) const {
    const std::size_t words = (n + 63) / 64;
    std::vector<std::uint64_t> bits(terms_.size() * words + scratch_words(words), 0);
    for (std::size_t c = 0; c < terms_.size(); ++c)
      for (std::size_t t = lanes - 1; t < n; ++t) {
        const MeanCondition& k = terms_[c];
        if ((k.strict ? m[t] > k.threshold : m[t] >= k.threshold) && m[t] <= k.at_most)
          bits[c * words + t / 64] |= std::uint64_t{1} << (t % 64);
      }
    return level_bits(bits.data(), words, n, bits.data() + terms_.size() * words);
  }

 private:
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

  // Scratch of the bitwise evaluation, in words: per distinct run the windows of 2, 3, …
  // blocks of its base term (built once per series as the clauses ask), and four temporaries.
  std::size_t bitwise_scratch(std::size_t words) const noexcept {
    std::size_t arrays = 4;
    for (int days : run_days_) arrays += static_cast<std::size_t>(std::max(days, 1));
    return arrays * words;
  }

  // The clauses from the highest level down; the first that holds is the answer.
  int bitwise_level(const std::uint64_t* bits, std::size_t words, std::uint64_t* scratch) const {
    std::size_t built[max_clauses] = {};  // windows of the base term built so far, per run
    for (std::size_t k = clauses_.size(); k-- > 0;)
      if (bitwise_holds(clauses_[k], bits, words, scratch, built)) return clauses_[k].level;
    return 0;
  }

  // The windows of `days` blocks of a run's base term: bits itself for one block, else built
  // from the longest built so far (windows of k + 1 blocks are those of k that go on a block).
  const std::uint64_t* run_windows(std::size_t run, int days, const std::uint64_t* bits, std::size_t words,
                                   std::uint64_t* scratch, std::size_t (&built)[max_clauses]) const {
    const std::uint64_t* base = bits + runs_[run] * words;
    if (days <= 1) return base;
    std::size_t offset = 4;
    for (std::size_t r = 0; r < run; ++r) offset += static_cast<std::size_t>(std::max(run_days_[r], 1));
    auto windows = [&](std::size_t k) { return scratch + (offset + k - 2) * words; };  // k ≥ 2 blocks
    for (std::size_t k = std::max<std::size_t>(built[run], 1) + 1; k <= static_cast<std::size_t>(days); ++k) {
      std::copy(k == 2 ? base : windows(k - 1), (k == 2 ? base : windows(k - 1)) + words, windows(k));
      extend_windows(windows(k), words);
    }
    built[run] = std::max(built[run], static_cast<std::size_t>(days));
    return windows(static_cast<std::size_t>(days));
  }

  // A run (maximal, no gap) of ≥ base_days blocks of the base term; with a further term, that
  // run also holds other_days consecutive blocks of it. Blocks of the further term inside a
  // run are its blocks that also satisfy the base term, so such a stretch lies in one run, and
  // that run is long enough when the stretch's first block is covered by a long-enough window.
  bool bitwise_holds(const CompiledClause& cc, const std::uint64_t* bits, std::size_t words, std::uint64_t* scratch,
                     std::size_t (&built)[max_clauses]) const {
    const std::uint64_t* runs = run_windows(cc.run, cc.base_days, bits, words, scratch, built);
    const bool some = any_bit(runs, words);
    if (cc.n_others == 0 || !some) return some;
    std::uint64_t* stretch = scratch;  // the further term's blocks inside a run, then its windows
    std::uint64_t* covered = scratch + words;
    const std::uint64_t* base = bits + cc.base * words;
    const std::uint64_t* other = bits + cc.others[0] * words;
    for (std::size_t w = 0; w < words; ++w) stretch[w] = other[w] & base[w];
    for (int k = 1; k < cc.other_days[0]; ++k) extend_windows(stretch, words);
    if (!any_bit(stretch, words)) return false;
    cover_windows(runs, cc.base_days, words, covered, scratch + 2 * words);
    std::uint64_t both = 0;
    for (std::size_t w = 0; w < words; ++w) both |= covered[w] & stretch[w];
    return both != 0;
  }

  // The general automaton: blocks j in order, all 24 alignments as lanes. Only the state the
  // rule set uses is cleared: clearing every slot would cost more than the evaluation. All lane
  // arithmetic is int32 0/1 products without branches, so it vectorises.
  int lanes_level(const std::uint64_t* bits, std::size_t words, std::size_t n) const {
    const std::size_t blocks = n < lanes ? 0 : (n - (lanes - 1) + lanes - 1) / lanes;  // block j ends at 23 + 24j + a
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
    for (std::size_t j = 0; j < blocks; ++j) {
      for (std::size_t t = 0; t < terms_.size(); ++t) {
        const std::uint64_t b = bits_at(bits + t * words, words, static_cast<std::ptrdiff_t>(lanes - 1 + j * lanes));
        for (std::size_t a = 0; a < lanes; ++a) cond[t][a] = static_cast<std::int32_t>((b >> a) & 1u);
      }
      step_runs(cond, run_len, gap);
      step_clauses(cond, run_len, cur, best, level);
    }
    return *std::max_element(level, level + lanes);
  }

  // A failing block ends the run unless it is within the merge gap (MEE 2017).
  void step_runs(const std::int32_t (&cond)[max_terms][lanes], std::int32_t (&run_len)[max_clauses][lanes],
                 std::int32_t (&gap)[max_clauses][lanes]) const {
    const std::int32_t merge_gap = merge_gap_;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      const std::int32_t* b = cond[runs_[r]];
      std::int32_t* len = run_len[r];
      std::int32_t* g = gap[r];
      for (std::size_t a = 0; a < lanes; ++a) {
        const std::int32_t gg = (g[a] + 1) * (1 - b[a]);
        const std::int32_t alive =
            b[a] | (static_cast<std::int32_t>(gg <= merge_gap) & static_cast<std::int32_t>(len[a] > 0));
        g[a] = gg;
        len[a] = (len[a] + b[a]) * alive;
      }
    }
  }

  void step_clauses(const std::int32_t (&cond)[max_terms][lanes], const std::int32_t (&run_len)[max_clauses][lanes],
                    std::int32_t (&cur)[max_clauses][max_others][lanes],
                    std::int32_t (&best)[max_clauses][max_others][lanes], std::int32_t (&level)[lanes]) const {
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

  std::size_t run_index(std::size_t base_term, int days) {
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i] == base_term) {
        run_days_[i] = std::max(run_days_[i], days);
        return i;
      }
    runs_.push_back(base_term);
    run_days_.push_back(days);
    return runs_.size() - 1;
  }

  std::size_t term_index(const RunTerm& t) {
    for (std::size_t i = 0; i < terms_.size(); ++i)
      if (terms_[i].threshold == t.threshold && terms_[i].strict == t.strict && terms_[i].at_most == t.at_most)
        return i;
    if (terms_.size() == max_terms) {
      supported_ = false;
      return 0;
    }
    terms_.push_back({t.threshold, t.strict, t.at_most});
    return terms_.size() - 1;
  }

  int merge_gap_;
  bool supported_ = true;
  bool bitwise_ = true;
  std::vector<MeanCondition> terms_;
  std::vector<std::size_t> runs_;  // base term of each distinct run
  std::vector<int> run_days_;      // the longest run any clause asks of it
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
