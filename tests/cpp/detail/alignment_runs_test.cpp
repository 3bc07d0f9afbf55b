// The compiled rule sets (detail/alignment_runs.hpp) against the general search of
// warning/classify.hpp (find_run, SPEC W3: blocks aligned at any hour; W4: k days in a row, a
// further term inside the same run): the bitwise evaluation on hand-built sets that exercise
// what it accepts, the lane automaton on what it does not.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/warning/classify.hpp"

namespace {

aqi::RunTerm term(double above, int days, bool strict = true, double at_most = std::numeric_limits<double>::infinity(),
                  bool consecutive = true) {
  aqi::RunTerm t;
  t.threshold = above;
  t.days = days;
  t.strict = strict;
  t.at_most = at_most;
  t.consecutive = consecutive;
  return t;
}

aqi::RuleSet rule_set(const std::vector<std::vector<aqi::Clause>>& levels, int merge_gap = 0) {
  aqi::RuleSet r;
  r.id = "hand-built";
  r.merge_gap_days = merge_gap;
  for (std::size_t k = 0; k < levels.size(); ++k) {
    aqi::LevelRule l;
    l.name = "level" + std::to_string(k + 1);
    l.clauses = levels[k];
    r.levels.push_back(l);
  }
  return r;
}

// Hourly series with an episode, a diurnal cycle, noise and missing hours, as in the batch tests.
std::vector<double> series(std::mt19937_64& rng, std::size_t n) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> h(n);
  const double base = 80 + 250 * u(rng), amp = 2 * u(rng), centre = u(rng) * static_cast<double>(n);
  for (std::size_t t = 0; t < n; ++t) {
    const double e = amp * std::exp(-std::pow((static_cast<double>(t) - centre) / 40, 2));
    h[t] = std::round(base * (1 + e) * (0.8 + 0.4 * u(rng)));
    if (u(rng) < 0.02) h[t] = std::numeric_limits<double>::quiet_NaN();
  }
  return h;
}

void expect_general_search(const aqi::RuleSet& rules, bool bitwise) {
  const aqi::detail::CompiledRules compiled(rules);
  ASSERT_TRUE(compiled.supported());
  ASSERT_EQ(compiled.bitwise(), bitwise);
  std::mt19937_64 rng(23);
  std::uniform_real_distribution<double> u(0, 1);
  for (int s = 0; s < 3000; ++s) {
    const std::size_t n = 24 + static_cast<std::size_t>(u(rng) * 400);
    const std::vector<double> h = series(rng, n);
    std::vector<double> m(n + 24, std::numeric_limits<double>::quiet_NaN()), work(6 * n);
    aqi::detail::day_means(h.data(), nullptr, n, m.data(), work.data());
    ASSERT_EQ(compiled.level(m.data(), n), aqi::detail::hourly_level(rules, m.data(), n))
        << "series " << s << " of " << n;
  }
}

}  // namespace

// Further terms with an upper bound (not implied by the base term), lower than the base term,
// longer than the base run asks, ≥ and >, several clauses on one level, one-day runs.
TEST(AlignmentRuns, BitwiseEqualsTheGeneralSearch) {
  using C = aqi::Clause;
  expect_general_search(rule_set({{C{{term(150, 1)}}},
                                  {C{{term(150, 3), term(250, 2, true, 400)}}, C{{term(100, 1), term(300, 3, false)}}},
                                  {C{{term(300, 2), term(200, 3)}}},
                                  {C{{term(500, 1, false)}}, C{{term(200, 5), term(350, 1, true, 420)}}}}),
                        true);
  expect_general_search(rule_set({{C{{term(200, 2, false)}}}, {C{{term(200, 4, false), term(300, 2, false)}}}}), true);
}

// What the bitwise evaluation leaves to the lanes: merged runs (MEE 2017), counts of days,
// two further terms in one clause.
TEST(AlignmentRuns, LanesEqualTheGeneralSearch) {
  using C = aqi::Clause;
  expect_general_search(rule_set({{C{{term(200, 2)}}}, {C{{term(200, 3), term(300, 1)}}}}, 1), false);
  expect_general_search(
      rule_set({{C{{term(200, 3), term(300, 2, true, std::numeric_limits<double>::infinity(), false)}}}}), false);
  expect_general_search(rule_set({{C{{term(150, 4), term(300, 1), term(250, 2)}}}}), false);
}
