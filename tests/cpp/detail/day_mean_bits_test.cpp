// The batch's condition bitsets (detail/day_mean_bits.hpp) against the reference day-means:
// bit t of condition c is set exactly when the 24-hour mean ending at hour t, as day_means()
// computes it (SPEC A5: at least 20 valid hours; W2 b; W8: NaN satisfies nothing), satisfies c.
// Every pack the compiler provides, every path (no missing hour, a few, many, all).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/detail/day_mean_bits.hpp"

namespace {

using aqi::detail::MeanCondition;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double missing_hour = std::numeric_limits<double>::quiet_NaN();

// yiyuan-2019's conditions: no upper bound (the kernel then compares one end of a range).
std::vector<MeanCondition> unbounded() { return {{200, true, inf}, {300, true, inf}, {500, false, inf}}; }

// The conditions of every shipped rule set and the edges: a bound, ≥, 0, negative, inf, NaN.
std::vector<MeanCondition> conditions() {
  return {{200, true, inf},          {300, true, inf},  {500, false, inf},   {200, true, 300},
          {300, true, 450},          {450, true, inf},  {0, true, inf},      {0, false, 0},
          {-5, true, inf},           {inf, false, inf}, {inf, true, inf},    {missing_hour, true, inf},
          {100, true, missing_hour}, {0.1, true, 0.2},  {1e300, false, inf}, {200, false, 200}};
}

template <class P>
void expect_reference_bits(const std::vector<double>& h, const std::vector<MeanCondition>& conds, const char* pack) {
  const std::size_t n = h.size();
  aqi::detail::DayMeanBits<P> bits(n, conds);
  std::vector<double> m(n), work(6 * n);
  aqi::detail::day_means(h.data(), nullptr, n, m.data(), work.data());
  const aqi::detail::HourScan scan = bits.scan(h.data());
  double high = 0;
  bool bad = false, missing = false;
  for (double x : h) {
    high = x > high ? x : high;
    bad = bad || x < 0 || std::isinf(x);
    missing = missing || std::isnan(x);
  }
  ASSERT_EQ(scan.bad, bad) << pack << " n " << n;
  if (bad) return;
  ASSERT_EQ(scan.high, high) << pack << " n " << n;
  ASSERT_EQ(scan.missing, missing) << pack << " n " << n;
  bits.compute(scan);
  for (std::size_t c = 0; c < conds.size(); ++c)
    for (std::size_t t = 0; t < n; ++t) {
      const bool want = t >= 23 && conds[c].holds(m[t]);
      const bool got = (bits.bits(c)[t / 64] >> (t % 64)) & 1u;
      ASSERT_EQ(got, want) << pack << " n " << n << " condition " << c << " hour " << t << " mean " << m[t];
    }
  for (std::size_t c = 0; c < conds.size(); ++c)  // nothing past the last hour
    if (n % 64) {
      EXPECT_EQ(bits.bits(c)[bits.words() - 1] >> (n % 64), 0u) << pack;
    }
}

void expect_every_pack(const std::vector<double>& h) {
  for (const auto& conds : {unbounded(), conditions()}) {
    expect_reference_bits<aqi::detail::simd::Scalar>(h, conds, "scalar");
#if defined(__AVX2__) && defined(__FMA__)
    expect_reference_bits<aqi::detail::simd::Avx2>(h, conds, "avx2");
#endif
#if defined(__AVX512F__)
    expect_reference_bits<aqi::detail::simd::Avx512>(h, conds, "avx512");
#endif
  }
}

}  // namespace

// Random series of every length class (shorter than a day, one window, not whole packs or
// words, long) with 0 %, 1 %, 10 %, 50 % and 100 % missing hours; values around the shipped
// thresholds, so that means fall on both sides of them.
TEST(DayMeanBits, EqualTheReferenceMeansOnEveryPack) {
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> u(0, 1);
  for (std::size_t n : {0, 1, 23, 24, 25, 31, 63, 64, 65, 127, 240, 241, 1000})
    for (double missing : {0.0, 0.01, 0.1, 0.5, 1.0})
      for (int rep = 0; rep < 6; ++rep) {
        std::vector<double> h(n);
        const double base = 50 + 450 * u(rng);
        for (auto& x : h) {
          x = u(rng) < missing ? missing_hour : std::round(base * (0.6 + 0.8 * u(rng)));
          if (rep == 5 && !std::isnan(x)) x = base * u(rng);  // not whole numbers
        }
        expect_every_pack(h);
      }
}

// Means that land exactly on a threshold (SPEC W4: "> 200" excludes 200, "≥ 500" includes it),
// one ulp on either side, sums that overflow to infinity, denormals, and the W9 refusals.
TEST(DayMeanBits, EdgesOfTheThresholdsAndOfTheDoubles) {
  for (double v : {200.0, 300.0, 500.0, 450.0, 0.1, 0.2, 0.0})
    for (double d : {-1.0, 0.0, 1.0}) {
      const double x = d == 0 ? v : std::nextafter(v, d * inf);
      expect_every_pack(std::vector<double>(72, x));
      std::vector<double> h(72, x);
      h[30] = missing_hour;  // 23 valid hours: the mean divides by 23
      expect_every_pack(h);
    }
  expect_every_pack(std::vector<double>(50, 1e308));  // sums overflow: +inf means
  expect_every_pack(std::vector<double>(50, std::numeric_limits<double>::denorm_min()));
  expect_every_pack(std::vector<double>(50, std::numeric_limits<double>::max()));
  std::vector<double> h(100, 250.0);
  h[70] = -1;  // W9: negative
  expect_every_pack(h);
  h[70] = inf;  // W9: infinite
  expect_every_pack(h);
  h[70] = -0.0;  // not negative
  expect_every_pack(h);
}

// The sum range of a condition is exactly the set of sums whose mean (s / 24) passes it:
// checked one ulp inside and outside each end, for the shipped thresholds and random ones.
TEST(DayMeanBits, SumRangesAreExactlyTheDivision) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(0, 1000);
  std::vector<MeanCondition> conds = conditions();
  for (int i = 0; i < 2000; ++i) conds.push_back({u(rng), i % 2 == 0, i % 3 == 0 ? inf : 1000 + u(rng)});
  for (const MeanCondition& c : conds) {
    const aqi::detail::SumRange r(c, 24);
    auto pass = [&](double s) { return c.holds(s / 24); };
    if (r.none) {
      for (double s : {0.0, c.threshold * 24, 1e300, inf})
        if (s >= 0) {
          EXPECT_FALSE(pass(s)) << c.threshold;
        }
      continue;
    }
    EXPECT_TRUE(pass(r.low)) << c.threshold;
    EXPECT_TRUE(pass(r.high)) << c.threshold;
    if (r.low > 0) {
      EXPECT_FALSE(pass(std::nextafter(r.low, 0.0))) << c.threshold;
    }
    if (r.high < inf) {
      EXPECT_FALSE(pass(std::nextafter(r.high, inf))) << c.threshold;
    }
  }
}
