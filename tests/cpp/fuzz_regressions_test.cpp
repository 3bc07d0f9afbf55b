// Bugs the fuzz targets (tests/fuzz) found, each pinned by the smallest input that showed it. The
// input that libFuzzer saved is kept in tests/fuzz/corpus/<target>/regression-*, so the fuzz
// ctest entries replay it too. Every case here crashed the process, escaped as a non-aqi
// exception, hung, or gave a wrong answer before its fix.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "aqi/aqi.hpp"
#include "detail/toml.hpp"  // the library's private TOML door (aqi_internal)
#include "test_support.hpp"

namespace {
constexpr double huge = std::numeric_limits<double>::max();
constexpr double tiny = std::numeric_limits<double>::denorm_min();
}  // namespace

// fuzz_kilns: a kiln table whose total capacity overflows (1000 lines × 1e308) fed NaN into
// GLPK, which aborted the process ("Assertion failed: teta >= 0.0", simplex/spxchuzr.c).
TEST(FuzzRegression, KilnTableWhoseTotalOverflowsIsAnError) {
  const std::vector<aqi::Kiln> kilns{{"k1", 1, tiny}, {"k2", 1000, 1e308}, {"k3", 1, huge}, {"k,4", 2, 0.5}};
  EXPECT_THROW_MSG(aqi::schedule_kilns(kilns, 2019), aqi::InvalidValue,
                   "kilns[1]: kiln 'k2': the table's total capacity (lines × capacity) is too large to represent");
}

// fuzz_kiln_rules: month weights 1e308 beside 5e-324 made the LP of the K5 bound so badly
// scaled that GLPK aborted the process ("Assertion failed: q != 0", simplex/spxchuzc.c).
TEST(FuzzRegression, MonthWeightsTooFarApartAreRefused) {
  aqi::KilnScheduleOptions o;
  o.month_weights = {0, 1e308, tiny, 1, 1, 0};
  const std::vector<aqi::Kiln> kilns{{"a", 1, 9}, {"b", 1, 8}, {"c", 1, 7}};
  EXPECT_THROW_MSG(aqi::schedule_kilns(kilns, 2019, o), aqi::InvalidArgument,
                   "month_weights: positive month weights must lie within a factor of 10^6 of each other (got "
                   "4.94066e-324 and 1e+308); weights are relative: give 0 to a month that does not count (SPEC K5)");
  o.month_weights = {0, 1e300, 1e296, 1e297, 1e299, 0};  // within 10^6: the LP sees them scaled to 1
  const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019, o);
  EXPECT_TRUE(aqi::validate_kiln_schedule(kilns, s.windows, 2019, o).empty());
  EXPECT_GE(s.bound, s.objective);
}

// GLPK calls abort() after an internal error unless an error hook jumps out; now such an error
// is an aqi::Error naming GLPK's message. (The inputs that did it are refused above; an invalid
// control parameter is a direct way to make GLPK fail.)
TEST(FuzzRegression, GlpkInternalErrorBecomesAnAqiError) {
  const aqi::detail::GlpkEnvironment env("test");
  ASSERT_TRUE(env.owned());
  aqi::detail::GlpkProblemPtr p(glp_create_prob());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.meth = 12345;
  int rc = 0;
  ASSERT_FALSE(aqi::detail::glpk_guarded(env, glp_simplex, p.get(), &parm, &rc));
  p.release();  // the environment frees it
  EXPECT_THROW_MSG(aqi::detail::throw_glpk_failure(env, "a test problem"), aqi::Error,
                   "test: GLPK failed on a test problem (glp_simplex: meth = 12345; invalid parameter Error detected "
                   "in file draft/glpapi06.c at line 388)");
}

// fuzz_emission_cuts: a dust cap of a few denormals made GLPK's presolver assert lb < ub and
// abort the process.
TEST(FuzzRegression, DenormalDustCapIsZero) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,dust\n"
      "a,,enterprise,machinery,,2,0,0,1,1,,,0,5,\n"
      "d,,dust,other,,1,0,0,3,0,,,0,1,earthwork\n"
      "r,,dust,other,,1,0,0,3,0,,,0,1,road\n",
      "i.csv");
  aqi::TopUpOptions o;
  o.cuts.dust_cap = 1e-320;  // dust counts for nothing: PM and VOCs need both machinery lines (E6)
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::III, o);
  EXPECT_TRUE(t.needed);
  EXPECT_TRUE(t.feasible);
  ASSERT_EQ(t.cuts.size(), 1u);
  EXPECT_EQ(t.cuts[0].extra_lines, 2);
}

// fuzz_inventory (corpus/inventory/regression-glpk-presolve-infeasible): glp_intopt's presolver
// (GLPK 5.0) answered "optimal" for a program whose LP relaxation is infeasible, within its
// 1e-3 row tolerance, and top_up said "3 extra cuts close every shortfall" with VOCs at 14.97 %
// of a 15 % target. Stopping all three candidates reaches 1/6.68 = 14.97 %: no set can.
TEST(FuzzRegression, TopUpNeverClaimsATargetItMisses) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "A,,enterprise,organic_chemical,,1,0,0,0,0.4,,,0,10\n"
      "B,,enterprise,fertiliser,,1,0,0,0,0.3,,,0,10\n"
      "C,,enterprise,coal_boiler,,1,0,0,0,0.3,,,0,10\n"
      "D,,enterprise,other,,1,0,0,0,5.68,,,0,\n",
      "i.csv");
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::II);
  EXPECT_TRUE(t.needed);
  EXPECT_FALSE(t.feasible);
  EXPECT_EQ(t.explanation,
            "no set of extra cuts meets every target of level II: with 3 candidate sources all at their largest cut, "
            "VOCs reaches 14.97% (target 15%). Not candidates: 1 without a cost.");
}

// fuzz_schedule_kilns (corpus/schedule_kilns/regression-k5-underflow): one kiln of capacity
// 1e-323 stopped 7 days of February; capacity × 7 / 29 underflowed to 0 and the K7 check said
// "K5: no kiln is stopped in 2020-02" of the scheduler's own schedule.
TEST(FuzzRegression, K5ReadsStoppedDaysNotAnUnderflowingCapacity) {
  const std::vector<aqi::Kiln> kilns{{"k0", 1, 2 * tiny}};
  const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  EXPECT_TRUE(aqi::validate_kiln_schedule(kilns, s.windows, 2019).empty());
}

// fuzz_kiln_rules: a 12-month season from December 9998 whose batch holds January ran, with a
// 92-day extension (K4), past 9999-12-31, and Boost threw bad_year (std::out_of_range)
// (corpus/kiln_rules/regression-extension-past-9999).
TEST(FuzzRegression, KilnExtensionPast9999IsAnError) {
  aqi::KilnRules r = aqi::kiln_rules();
  r.season_first_month = 12;
  r.season_months = 12;
  r.batches = {{"all", "", 12, 12}};
  r.required_months = {12};
  r.month_weights.assign(12, 1.0);
  EXPECT_THROW_MSG(aqi::KilnSeason(9998, r, 92), aqi::InvalidArgument,
                   "season 9998: batch all with the January extension (K4) runs past 9999-12-31, the last date "
                   "libaqi handles");
  // 2019-12-01 … 2020-11-30, then 92 days: 2021-03-02.
  EXPECT_EQ(aqi::KilnSeason(2019, r, 92).window(0).last, boost::gregorian::date(2021, 3, 2));
}

// fuzz_schedule_kilns (corpus/schedule_kilns/regression-evaluate-overflow): evaluating a schedule
// computed capacity × stopped days before dividing by the month's days; with a capacity of
// 1.8e308 that overflowed, and evaluate_kiln_schedule reported an infinite stopped capacity.
TEST(FuzzRegression, EvaluatingAScheduleOfHugeCapacitiesStaysFinite) {
  const std::vector<aqi::Kiln> kilns{{"a", 1, 4}, {"b", 1, 5}, {"c", 1, 6}, {"d", 1, huge / 2}};
  const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  const aqi::KilnScheduleEvaluation e = aqi::evaluate_kiln_schedule(kilns, s.windows, 2019);
  for (std::size_t m = 0; m < e.months.size(); ++m) {
    EXPECT_TRUE(std::isfinite(e.months[m].stopped_capacity)) << m;
    EXPECT_NEAR(e.months[m].stopped_capacity, s.months[m].stopped_capacity, 1e-9 * s.total_capacity) << m;
  }
}

// fuzz_emission_cuts (corpus/emission_cuts/regression-symmetric-lines): enterprises of equal
// lines took one binary per line, and GLPK's branch and bound tried every equivalent subset —
// 10 s for 20 sources. Equal lines are now one count; the answer is the same.
TEST(FuzzRegression, EqualLinesAreOneCountInTheTopUp) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "m1,,enterprise,machinery,,6,0,0,3,6,,,0,60\n"
      "m2,,enterprise,machinery,,6,0,0,3,6,,,0,60\n"
      "m3,,enterprise,machinery,,6,0,0,3,6,,,0,61\n"
      "o,,enterprise,other,,1,0,0,21,42,,,0,\n",
      "i.csv");
  // Level III: machinery runs normally. 10 % of VOCs (6 of 60 t/day) and of PM (3 of 30) take 6
  // of the 18 lines (1 and 0.5 t/day each); the cheapest are m1's and m2's (10 a line).
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::III);
  ASSERT_TRUE(t.feasible);
  int lines = 0;
  for (const auto& c : t.cuts) {
    EXPECT_NE(inv.id[c.source], "m3");
    lines += c.extra_lines;
  }
  EXPECT_EQ(lines, 6);
  EXPECT_DOUBLE_EQ(t.cost, 60);
}

// fuzz_kiln_rules, fuzz_holidays: toml++ 3.3's node::value<int64_t>() converts a float by casting
// it to int64 before it checks the range: undefined behaviour for 1e308 or 1e39. Every integer
// field now goes through detail::integer_value (corpus/kiln_rules/regression-float-month-1e308,
// corpus/holidays/regression-float-year-1e39).
TEST(FuzzRegression, AHugeFloatWhereAnIntegerIsExpectedIsAnError) {
  using aqi::detail::integer_value;
  const auto value_of = [](const std::string& toml) { return integer_value(*aqi::detail::parse_toml(toml, "t.toml").get("v")); };
  EXPECT_EQ(value_of("v = 12"), 12);
  EXPECT_EQ(value_of("v = 12.0"), 12);  // as toml++ reads it: an integral float is that integer
  EXPECT_EQ(value_of("v = -9223372036854775808"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(value_of("v = -9.223372036854775808e18"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(value_of("v = 9.223372036854775808e18"), std::nullopt);  // 2^63: one past the largest
  EXPECT_EQ(value_of("v = 1e308"), std::nullopt);
  EXPECT_EQ(value_of("v = -1e39"), std::nullopt);
  EXPECT_EQ(value_of("v = 12.5"), std::nullopt);
  EXPECT_EQ(value_of("v = nan"), std::nullopt);
  EXPECT_EQ(value_of("v = inf"), std::nullopt);
  EXPECT_EQ(value_of("v = \"12\""), std::nullopt);

  EXPECT_THROW_MSG(aqi::HolidayYear::parse("year =999999e33", "h.toml"), aqi::ParseError,
                   "h.toml:1:7: 'year' must be a year (e.g. 2020)");
  const std::string kiln_rules =
      "id = \"k\"\ndocument = \"k\"\nseason_first_month = 12\nseason_months = 12\njanuary_extension_days = 92\n"
      "multi_line_stop_share = 1e-300\nrequired_months = [1e308, 0, 0, 0, 0, 1, 0, 4, 7, 0, 0, 5e-324]\n"
      "[[batch]]\nname = \"alan\"\nfirst_month = 1\nmonths = 1\n";
  EXPECT_THROW_MSG(aqi::KilnRules::parse(kiln_rules, "k.toml"), aqi::ParseError,
                   "k.toml:7:20: required months must be calendar months of the season");
}
