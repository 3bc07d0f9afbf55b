// Batch classification — SPEC W1–W9 per series over N-d arrays; the compiled run automaton
// (detail/alignment_runs.hpp) must give exactly the general search's answer.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "aqi/warning/classify_batch.hpp"
#include "test_support.hpp"

// Every rule set the automaton supports, on random hourly series with episodes, missing hours
// and lengths that are not multiples of 24: same level as the general search on every series.
TEST(ClassifyBatch, CompiledAutomatonEqualsTheGeneralSearch) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (const auto& rules : aqi::builtin_rule_sets()) {
    const aqi::detail::CompiledRules compiled(rules);
    if (!compiled.supported()) {
      EXPECT_EQ(rules.id, "beijing-2013");  // anchored clauses take the general path
      continue;
    }
    for (int s = 0; s < 3000; ++s) {
      const std::size_t n = 24 + static_cast<std::size_t>(u(rng) * 300);
      std::vector<double> h(n);
      const double base = 80 + 200 * u(rng), amp = 2 * u(rng), centre = u(rng) * static_cast<double>(n);
      for (std::size_t t = 0; t < n; ++t) {
        const double e = amp * std::exp(-std::pow((static_cast<double>(t) - centre) / 30, 2));
        h[t] = std::round(base * (1 + e) * (0.8 + 0.4 * u(rng)));
        if (u(rng) < 0.03) h[t] = std::numeric_limits<double>::quiet_NaN();
      }
      std::vector<double> m(n + 24, std::numeric_limits<double>::quiet_NaN()), work(6 * n);
      aqi::detail::day_means(h.data(), nullptr, n, m.data(), work.data());
      ASSERT_EQ(compiled.level(m.data(), n), aqi::detail::hourly_level(rules, m.data(), n))
          << rules.id << " series " << s << " of length " << n;
    }
  }
}

// The batch answer for each series is classify_hourly's level; threads do not change it.
TEST(ClassifyBatch, EqualsSingleSeriesAndThreadsAgree) {
  const std::size_t series = 40, hours = 120;
  std::vector<double> x(series * hours);
  for (std::size_t s = 0; s < series; ++s)
    for (std::size_t t = 0; t < hours; ++t) x[s * hours + t] = 150.0 + static_cast<double>((s * 7 + t * 3) % 190);
  std::vector<std::int8_t> one(series), two(series);
  aqi::Parallelism p1, p2;
  p1.threads = 1;
  p2.threads = 3;
  p2.min_per_thread = 100;
  aqi::classify_batch(x, {4, 10, hours}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), one, p1);
  aqi::classify_batch(x, {4, 10, hours}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), two, p2);
  EXPECT_EQ(one, two);
  for (std::size_t s = 0; s < series; ++s)
    EXPECT_EQ(one[s], aqi::classify_hourly(aqi::span<const double>(x.data() + s * hours, hours)).level) << s;
}

// W9 in a batch: the full index of the first bad value (in memory order).
TEST(ClassifyBatch, W9ErrorNamesTheFullIndex) {
  std::vector<double> x(2 * 3 * 30, 100.0);
  x[(1 * 3 + 2) * 30 + 7] = -4;
  std::vector<std::int8_t> out(6);
  EXPECT_THROW_MSG(aqi::classify_batch(x, {2, 3, 30}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidValue, "values[1, 2, 7]: negative AQI -4 (SPEC W9)");
  EXPECT_THROW_MSG(aqi::classify_batch(x, {2, 3, 31}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidArgument, "classify_batch: shape holds 186 values, got 180");
}

namespace {

// Hourly values of whole days: each day's 24 hours hold that day's AQI.
std::vector<double> hours_of_days(const std::vector<double>& days) {
  std::vector<double> h;
  for (double d : days) h.insert(h.end(), 24, d);
  return h;
}

}  // namespace

// SPEC W4 (yiyuan-2019 red): 4 days > 200 AND 2 days > 300 inside that same run. Days 310, 310,
// 100, 100, 250 × 4: on every alignment the pair above 300 sits in a run of at most 2 blocks (the
// 100 days break it) and the run of 4 has none above 300 → orange (3+ days > 200), not red.
// Days 100, 250, 310, 310, 250, 100, 100: the pair lies inside the 4-day run → red.
TEST(ClassifyBatch, W4RedNeedsBothTermsInOneRun) {
  std::vector<double> x = hours_of_days({310, 310, 100, 100, 250, 250, 250, 250});
  const std::vector<double> red = hours_of_days({100, 250, 310, 310, 250, 100, 100, 100});
  x.insert(x.end(), red.begin(), red.end());
  std::vector<std::int8_t> out(2);
  aqi::classify_batch(x, {2, 192}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out);
  EXPECT_EQ(out[0], 2);  // orange
  EXPECT_EQ(out[1], 3);  // red
}

// W9 with the series handed out in blocks to several workers: the error names the first bad
// value in memory order, wherever the workers were.
TEST(ClassifyBatch, W9FirstBadValueWhateverTheWorkers) {
  const std::size_t series = 5000, hours = 30;
  std::vector<double> x(series * hours, 120.0);
  x[4321 * hours + 3] = -2;
  x[1700 * hours + 29] = std::numeric_limits<double>::infinity();
  x[1699 * hours + 5] = -7.5;
  std::vector<std::int8_t> out(series);
  aqi::Parallelism p;
  p.threads = 2;
  p.min_per_thread = 1;
  EXPECT_THROW_MSG(aqi::classify_batch(x, {50, 100, hours}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out, p),
                   aqi::InvalidValue, "values[16, 99, 5]: negative AQI -7.5 (SPEC W9)");
}

namespace {

// The edge series of one rule set's thresholds (SPEC W4: "> T" excludes T, "≥ T" includes it):
// every hour at T and one ulp either side, the same with a missing hour (23 valid: the mean
// divides by 23, A5), whole days at T between days below it, values that overflow a 24-hour
// sum, denormals, -0.0, all missing, shorter than a day.
std::vector<std::vector<double>> edge_series(const aqi::RuleSet& rules) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> out;
  for (const auto& level : rules.levels)
    for (const auto& clause : level.clauses)
      for (const auto& term : clause.terms)
        for (double t : {term.threshold, term.at_most})
          if (std::isfinite(t))
            for (double x : {std::nextafter(t, 0.0), t, std::nextafter(t, inf)}) {
              out.emplace_back(24 * 7, x);
              out.emplace_back(24 * 7, x);
              out.back()[30] = nan;
              out.push_back(hours_of_days({x, x, 50, x, x, x, x, x, 50}));
            }
  out.emplace_back(100, 1e308);
  out.emplace_back(100, std::numeric_limits<double>::denorm_min());
  out.emplace_back(100, -0.0);
  out.emplace_back(100, nan);
  out.emplace_back(23, 900.0);
  out.emplace_back(24, 900.0);
  return out;
}

// Random series around the thresholds: episodes, 0–60 % missing hours, whole and fractional
// values, lengths that are not whole days, packs or 64-bit words.
std::vector<double> random_series(std::mt19937_64& rng, std::size_t n) {
  std::uniform_real_distribution<double> u(0, 1);
  const double base = 60 + 300 * u(rng), amp = 2 * u(rng), centre = u(rng) * static_cast<double>(n);
  const double missing = u(rng) < 0.5 ? 0 : 0.6 * u(rng) * u(rng);
  const bool whole = u(rng) < 0.7;
  std::vector<double> h(n);
  for (std::size_t t = 0; t < n; ++t) {
    const double e = amp * std::exp(-std::pow((static_cast<double>(t) - centre) / 40, 2));
    const double x = base * (1 + e) * (0.8 + 0.4 * u(rng));
    h[t] = u(rng) < missing ? std::numeric_limits<double>::quiet_NaN() : whole ? std::round(x) : x;
  }
  return h;
}

// classify_batch on `series` (padded with NaN hours to one length) against classify_hourly, the
// scalar path (day_means and the general search with its explanation), series by series.
// Returns the batch's level codes.
std::vector<std::int8_t> expect_batch_equals_scalar(const std::vector<std::vector<double>>& series,
                                                    const aqi::RuleSet& rules, unsigned threads) {
  std::size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.size());
  std::vector<double> x(series.size() * n, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t s = 0; s < series.size(); ++s) std::copy(series[s].begin(), series[s].end(), x.begin() + s * n);
  std::vector<std::int8_t> out(series.size(), -1);
  aqi::Parallelism p;
  p.threads = threads;
  p.min_per_thread = 1;
  aqi::classify_batch(x, {series.size(), n}, aqi::SeriesKind::hourly, rules, out, p);
  for (std::size_t s = 0; s < series.size(); ++s) {
    const aqi::Warning w = aqi::classify_hourly(aqi::span<const double>(x.data() + s * n, n), {}, rules);
    EXPECT_EQ(out[s], w.level) << rules.id << " series " << s << " of length " << n << " threads " << threads;
  }
  return out;
}

}  // namespace

// SPEC W1–W4, W8, A5 end to end: the batch kernel (condition bitsets, the compiled automaton,
// the workers' blocks) gives each series exactly the level of the scalar classify_hourly, for
// every built-in rule set, on random series of many lengths and on the thresholds' edges.
TEST(ClassifyBatch, LevelsEqualTheScalarPathOnRandomAndEdgeSeries) {
  std::mt19937_64 rng(1717);
  for (const auto& rules : aqi::builtin_rule_sets()) {
    std::vector<int> seen(static_cast<std::size_t>(rules.level_count()) + 1);
    for (std::size_t n : {24, 25, 63, 64, 65, 120, 240, 241, 500}) {
      std::vector<std::vector<double>> series;
      for (int s = 0; s < 300; ++s) series.push_back(random_series(rng, n));
      for (std::int8_t level : expect_batch_equals_scalar(series, rules, 1)) ++seen.at(static_cast<std::size_t>(level));
      expect_batch_equals_scalar(series, rules, 2);
    }
    for (std::size_t level = 0; level < seen.size(); ++level)  // the random series reach every level
      EXPECT_GT(seen[level], 0) << rules.id << " level " << level;
    expect_batch_equals_scalar(edge_series(rules), rules, 1);
    expect_batch_equals_scalar(edge_series(rules), rules, 2);
  }
}
