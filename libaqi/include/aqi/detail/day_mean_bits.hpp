// The first stage of the batch's hot path (SPEC A5, W2 b, W3, W8, W9): from an hourly series,
// for each distinct condition of a rule set, the bitset of the 24-hour windows whose mean
// satisfies it — bit t for the window ending at hour t (none before hour 23). Blocks of one
// alignment are then bits 24 apart, so runs of back-to-back blocks on all 24 alignments are
// shifts of one bitset (detail/alignment_runs.hpp).
//
// The means are exactly the doubles day_means() gives — the same pairwise eight-hour sums, the
// same three-term sum, the same division — so no level can differ from the general search; but
// they are formed in registers, one pass over the series, and never stored:
// - the sums of 2, 4 and 8 hours ending at each hour are this pack plus the previous one moved
//   in by 1, 2 and 4 lanes, and the day sum adds the eight-hour sums 8 and 16 hours back;
// - where all 24 hours are valid (most windows), `s / 24 > T` is decided without dividing: the
//   quotient is monotone in s, so it holds exactly when s lies in the range of sums that pass,
//   found once per condition by asking the division itself (SumRange below). Windows with a
//   missing hour divide by their count, as day_means() does.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "aqi/detail/simd.hpp"

namespace aqi::detail {

inline constexpr std::size_t window_hours = 24;  // SPEC W2(b): the trailing 24-hour mean
inline constexpr double min_valid_hours = 20;    // SPEC A5: a mean needs 20 valid hours

// One distinct condition on a day-mean m: (strict ? m > threshold : m ≥ threshold) && m ≤ at_most
// (RunTerm::holds). NaN (no mean) satisfies none.
struct MeanCondition {
  double threshold = 0;
  bool strict = true;
  double at_most = std::numeric_limits<double>::infinity();

  bool holds(double m) const noexcept { return (strict ? m > threshold : m >= threshold) && m <= at_most; }
};

// 64 bits of a bitset of `words` words starting at bit `pos` (negative or past the end: zeros).
inline std::uint64_t bits_at(const std::uint64_t* x, std::size_t words, std::ptrdiff_t pos) noexcept {
  const std::ptrdiff_t w = pos >= 0 ? pos / 64 : -((63 - pos) / 64);
  const unsigned shift = static_cast<unsigned>(pos - w * 64);
  const auto word = [&](std::ptrdiff_t i) {
    return i >= 0 && i < static_cast<std::ptrdiff_t>(words) ? x[i] : std::uint64_t{0};
  };
  const std::uint64_t lo = word(w);
  return shift == 0 ? lo : (lo >> shift) | (word(w + 1) << (64 - shift));
}

// A condition on the mean of `count` valid hours as a range of their sum s: it holds exactly
// when low ≤ s ≤ high (s ≥ 0 and never NaN: missing hours add 0). `s / count` rounds
// monotonically in s, so the sums that pass form a range; its ends are found by bisection over
// the doubles (ordered like their bit patterns when ≥ 0) asking the very division and
// comparison the means use, not by reasoning about rounding.
struct SumRange {
  double low = 0, high = std::numeric_limits<double>::infinity();
  bool none = false;  // no sum passes

  SumRange(const MeanCondition& c, double count) {
    const auto above = [&](double s) { return c.strict ? s / count > c.threshold : s / count >= c.threshold; };
    const auto below = [&](double s) { return s / count <= c.at_most; };
    none = !above(inf) || !below(0.0);
    if (none) return;
    std::uint64_t lo = 0, hi = bits_of(inf);  // the least passing `above`
    while (lo < hi) {
      const std::uint64_t mid = lo + (hi - lo) / 2;
      if (above(double_of(mid)))
        hi = mid;
      else
        lo = mid + 1;
    }
    low = double_of(lo);
    lo = 0, hi = bits_of(inf);  // the greatest passing `below`
    while (lo < hi) {
      const std::uint64_t mid = lo + (hi - lo + 1) / 2;
      if (below(double_of(mid)))
        lo = mid;
      else
        hi = mid - 1;
    }
    high = double_of(lo);
    none = low > high;
  }

 private:
  static constexpr double inf = std::numeric_limits<double>::infinity();
  static std::uint64_t bits_of(double d) noexcept {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
  }
  static double double_of(std::uint64_t u) noexcept {
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
  }
};

// What one read of a series found.
struct HourScan {
  bool bad = false;      // a negative or infinite value (SPEC W9): the caller finds which
  bool missing = false;  // a missing hour
  double high = 0;       // the largest value (0 when none is positive)
};

// The per-worker buffers and the kernel for series of one length n, with pack P (the widest the
// compiler targets in the library; tests run every pack against the scalar one).
template <class P>
class DayMeanBits {
  using D = typename P::D;
  using M = typename P::M;
  static constexpr std::size_t W = P::width;
  static_assert(64 % W == 0 && 8 % W == 0, "packs of 1, 2, 4 or 8 hours");

 public:
  static constexpr std::size_t max_conditions = 16;

  DayMeanBits(std::size_t n, std::vector<MeanCondition> conditions)
      : n_(n),
        words_((n + 63) / 64),
        conditions_(std::move(conditions)),
        arena_(64 * words_ + 8, 0.0),
        missing_(words_, 0),
        touched_(words_, 0),
        bits_(conditions_.size() * words_, 0) {
    // A 64-byte aligned buffer of whole 64-hour words: no pack straddles a cache line and no
    // pass has a tail (hours from n on are 0 and valid; their windows are cleared at the end).
    value_ = arena_.data();
    while (reinterpret_cast<std::uintptr_t>(value_) % 64 != 0) ++value_;
    for (const MeanCondition& c : conditions_) {
      const SumRange r(c, static_cast<double>(window_hours));
      // A range no sum reaches: inf ≤ s fails for every finite s, s ≤ -1 for every s ≥ 0.
      low_.push_back(r.none ? std::numeric_limits<double>::infinity() : r.low);
      high_.push_back(r.none ? -1.0 : r.high);
      bounded_ = bounded_ || high_.back() != std::numeric_limits<double>::infinity();
    }
  }

  DayMeanBits(const DayMeanBits&) = delete;  // value_ points into arena_
  DayMeanBits& operator=(const DayMeanBits&) = delete;

  std::size_t words() const noexcept { return words_; }
  // The bitset of condition c: bit t for the 24-hour window ending at hour t (zero for t < 23).
  const std::uint64_t* bits(std::size_t c) const noexcept { return bits_.data() + c * words_; }

  // One pass over the input: the W9 check, the peak, the values with missing hours as 0 and a
  // bitset of the missing hours. Call compute() after it unless the peak rules everything out.
  HourScan scan(const double* x) noexcept {
    const D zero = P::set1(0.0);
    D high = zero, low = zero;  // NaN lanes keep the accumulators
    std::uint64_t missing = 0;
    for (std::size_t w = 0; w < words_; ++w) {
      const std::size_t end = std::min<std::size_t>(64, n_ - 64 * w);
      std::uint64_t word = 0;
      std::size_t j = 0;
      for (; j + W <= end; j += W) {
        const D a = P::load(x + 64 * w + j);
        const M nan = P::is_nan(a);
        high = P::max(a, high);
        low = P::min(a, low);
        P::store(value_ + 64 * w + j, P::select(nan, zero, a));
        word |= static_cast<std::uint64_t>(P::bits(nan)) << j;
      }
      for (; j < end; ++j) {  // the last hours of a series that is not whole packs
        const double a = x[64 * w + j];
        high = P::max(P::set1(a), high);
        low = P::min(P::set1(a), low);
        value_[64 * w + j] = a == a ? a : 0.0;
        word |= static_cast<std::uint64_t>(a != a) << j;
      }
      missing_[w] = word;
      missing |= word;
    }
    alignas(64) double h[W], l[W];
    P::store(h, high);
    P::store(l, low);
    HourScan r;
    double lowest = 0;
    for (std::size_t k = 0; k < W; ++k) {
      r.high = std::max(r.high, h[k]);
      lowest = std::min(lowest, l[k]);
    }
    r.bad = lowest < 0.0 || r.high > std::numeric_limits<double>::max();
    r.missing = missing != 0;
    return r;
  }

  // The condition bitsets of the series last scanned.
  void compute(const HourScan& scan) noexcept {
    if (n_ < window_hours) {
      std::fill(bits_.begin(), bits_.end(), std::uint64_t{0});
      return;
    }
    const bool counted = scan.missing;
    if (counted) touch_windows();
    switch (conditions_.size()) {  // a few conditions live in registers
      case 1:
        counted ? windows<true, 1>() : windows<false, 1>();
        break;
      case 2:
        counted ? windows<true, 2>() : windows<false, 2>();
        break;
      case 3:
        counted ? windows<true, 3>() : windows<false, 3>();
        break;
      case 4:
        counted ? windows<true, 4>() : windows<false, 4>();
        break;
      default:
        counted ? windows<true, max_conditions>() : windows<false, max_conditions>();
        break;
    }
    for (std::size_t c = 0; c < conditions_.size(); ++c) {
      std::uint64_t* b = bits_.data() + c * words_;
      b[0] &= ~((std::uint64_t{1} << (window_hours - 1)) - 1);  // windows reaching before hour 0
      if (const std::size_t tail = n_ % 64) b[words_ - 1] &= (std::uint64_t{1} << tail) - 1;
    }
  }

 private:
  // Packs h[0] (the latest), h[1] (the one before), … of a stream; lag<L> is the stream L hours
  // earlier, lane by lane.
  template <std::size_t N>
  struct History {
    D h[N];
    explicit History(double fill = 0.0) { reset(fill); }
    void reset(double fill) {
      for (auto& p : h) p = P::set1(fill);
    }
    void push(D latest) {
      for (std::size_t k = N - 1; k > 0; --k) h[k] = h[k - 1];
      h[0] = latest;
    }
    template <std::size_t L>
    D lag() const {
      constexpr std::size_t q = L / W, r = L % W;
      static_assert(q + (r ? 1 : 0) < N, "history too short for this lag");
      if constexpr (r == 0)
        return h[q];
      else
        return P::template shift_in<static_cast<int>(r)>(h[q], h[q + 1]);
    }
  };

  // Sums of 24 hours ending at each hour of the pack, pairwise as day_means() adds them:
  // s8[t] = ((x[t]+x[t-1]) + (x[t-2]+x[t-3])) + ((x[t-4]+x[t-5]) + (x[t-6]+x[t-7])), then
  // (s8[t] + s8[t-8]) + s8[t-16]. Hours before 0 count as `fill`.
  struct DaySums {
    History<1 / W + 2> one;
    History<2 / W + 2> two;
    History<4 / W + 2> four;
    History<16 / W + 1> eight;
    explicit DaySums(double fill = 0.0) { reset(fill); }
    // As if every hour so far were `fill`.
    void reset(double fill) {
      one.reset(fill);
      two.reset(2 * fill);
      four.reset(4 * fill);
      eight.reset(8 * fill);
    }
    D next(D x) {
      one.push(x);
      two.push(P::add(one.h[0], one.template lag<1>()));
      four.push(P::add(two.h[0], two.template lag<2>()));
      eight.push(P::add(four.h[0], four.template lag<4>()));
      return P::add(P::add(eight.h[0], eight.template lag<8>()), eight.template lag<16>());
    }
  };

  // touched_: bit t when the window ending at hour t holds a missing hour (t − 23 … t), the
  // missing bitset spread over 24 hours: by 1, 2, 4, 8, then 8 more.
  void touch_windows() noexcept {
    std::uint64_t* a = touched_.data();
    std::copy(missing_.begin(), missing_.end(), a);
    const auto spread = [&](const std::vector<std::uint64_t>& from, unsigned by) {
      for (std::size_t w = words_; w-- > 0;)  // from the top: word w − 1 is still unshifted
        a[w] |= (from[w] << by) | (w > 0 ? from[w - 1] >> (64 - by) : 0);
    };
    spread(touched_, 1);
    spread(touched_, 2);
    spread(touched_, 4);
    spread(touched_, 8);
    spread(touched_, 8);  // 0 … 15 spread by 8 more: 0 … 23
  }

  // Every window of the series, W hours at a time, into each condition's bitset. NC is the
  // number of conditions when it is small (their constants then stay in registers).
  template <bool counted, std::size_t NC>
  void windows() noexcept {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "bitsets are written a byte at a time");
    auto* bytes = reinterpret_cast<unsigned char*>(bits_.data());
    const auto* touched = reinterpret_cast<const unsigned char*>(touched_.data());
    const auto* missing = reinterpret_cast<const unsigned char*>(missing_.data());
    const std::size_t row = 8 * words_, nc = std::min(NC, conditions_.size());
    D low[NC] = {}, high[NC] = {};  // the sum ranges of whole windows (zeroed: GCC -O1 cannot see nc == NC)
    for (std::size_t k = 0; k < nc; ++k) {
      low[k] = P::set1(low_[k]);
      high[k] = P::set1(high_[k]);
    }
    const D one = P::set1(1.0), zero = P::set1(0.0);
    DaySums sum, count(1.0);
    for (std::size_t t = 0; t < 64 * words_; t += W) {
      const D s = sum.next(P::load(value_ + t));
      const std::size_t byte = t / 8, shift = t % 8;
      const unsigned lanes = (1u << W) - 1;
      // Windows with a missing hour divide by their count; the flags' sums are kept only
      // around missing hours (elsewhere every flag, and every sum of them, is whole).
      const bool partial = counted && ((touched[byte] >> shift) & lanes) != 0;
      D c = one;
      if (partial)
        c = count.next(P::select(P::mask((missing[byte] >> shift) & lanes), zero, one));
      else if (counted)
        count.reset(1.0);
      for (std::size_t k = 0; k < nc; ++k) {
        unsigned holds;
        if (partial)
          holds = by_mean(k, s, c);
        else if (bounded_)
          holds = P::bits(P::mand(P::ge(s, low[k]), P::le(s, high[k])));
        else
          holds = P::bits(P::ge(s, low[k]));
        unsigned char& out = bytes[k * row + byte];
        if constexpr (W == 8)
          out = static_cast<unsigned char>(holds);
        else
          out = static_cast<unsigned char>(shift == 0 ? holds : out | (holds << shift));
      }
    }
  }

  // Condition k on windows of c valid hours, through their means (SPEC A5: none below 20).
  unsigned by_mean(std::size_t k, D s, D c) const noexcept {
    const MeanCondition& m = conditions_[k];
    const D mean = P::div(s, P::max(c, P::set1(1.0)));  // never 0/0; those lanes are invalid
    const D lo = P::set1(m.threshold);
    M holds = P::mand(P::ge(c, P::set1(min_valid_hours)), m.strict ? P::gt(mean, lo) : P::ge(mean, lo));
    return P::bits(P::mand(holds, P::le(mean, P::set1(m.at_most))));
  }

  std::size_t n_, words_;
  std::vector<MeanCondition> conditions_;
  std::vector<double> low_, high_;  // the sum range of each condition on whole windows
  bool bounded_ = false;            // a condition with an upper bound
  std::vector<double> arena_;
  double* value_ = nullptr;             // the series with missing hours as 0
  std::vector<std::uint64_t> missing_;  // bit t: hour t is missing
  std::vector<std::uint64_t> touched_;  // bit t: the window ending at hour t holds a missing hour
  std::vector<std::uint64_t> bits_;
};

}  // namespace aqi::detail
