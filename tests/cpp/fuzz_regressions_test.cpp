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

// fuzz_edition, fuzz_holidays: a TOML date before 1400 escaped as boost::gregorian::bad_year
// (std::out_of_range), not an aqi::ParseError. Input: `notice_date = 0001-01-01`.
TEST(FuzzRegression, TomlDateBefore1400IsAParseError) {
  const std::string edition =
      "id = \"e\"\ntitle = \"e\"\nin_force_from = 0001-01-01\niaqi = [0, 500]\ndaily_indicators = []\n"
      "hourly_indicators = []\n[indicator]\n";
  EXPECT_THROW_MSG(aqi::Edition::parse(edition, "e.toml"), aqi::ParseError,
                   "e.toml:3:17: 0001-01-01 is before 1400-01-01, the earliest date libaqi handles");
}

// fuzz_deadline_rules, fuzz_holidays, fuzz_targets, fuzz_scenario: toml++ 3.3.0 reached
// TOML_UNREACHABLE (undefined behaviour in a release build) on a value directly followed by a
// non-ASCII character. Input (corpus/deadline_rules/regression-toml-nonascii-after-value):
// `id =019〕56号）"`.
TEST(FuzzRegression, TomlNonAsciiAfterAValueIsRefusedBeforeTomlpp) {
  EXPECT_THROW_MSG(aqi::detail::parse_toml("id =019\xE3\x80\x95" "56\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:8: a non-ASCII character in a value that is not a string");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("id = \"a\"\xE3\x80\x95\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:9: a non-ASCII character outside a string or comment");
  // toml++ scans a value that starts with a digit or sign up to a terminator, quotes included
  // (corpus/deadline_rules/regression-toml-quote-in-number: `what_zh =+"应急…"`), and reads
  // "1979-05-27 07:32:00" as one value.
  EXPECT_THROW_MSG(aqi::detail::parse_toml("what_zh =+\"应急\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:12: a non-ASCII character in a value that is not a string");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 1979-05-27 0\"中\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:18: a non-ASCII character in a value that is not a string");
  EXPECT_NO_THROW(aqi::detail::parse_toml("d = 1979-05-27 07:32:00 # 注释\n", "d.toml"));
  // fuzz_rule_set: after 10 characters shaped like a date (digit first, `-` at 4 and 7; toml++ does
  // not look at the rest), a space and a digit, toml++ assumed more of the value follows
  // (corpus/rule_set/regression-toml-date-lone-digit: `m = 4"in--5-es 5$.`).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 2019-01-01 5\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:15: a date followed by a space and a single digit is not a date-time");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = [4xin--5-es 5]\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:16: a date followed by a space and a single digit is not a date-time");
  EXPECT_THROW(aqi::detail::parse_toml("d = 2019-01-01 5", "d.toml"), aqi::ParseError);  // toml++'s own error
  // fuzz_measures: toml++ assumed a digit after a date-time's T
  // (corpus/measures/regression-toml-t-without-time: `zo= 2019-10-22tt:g2h[2`).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("zo= 2019-10-22tt:g2h[2", "m.toml"), aqi::ParseError,
                   "m.toml:1:15: the 'T' of a date-time must be followed by the time (HH:MM:SS)");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 2019-10-22T\n", "m.toml"), aqi::ParseError,
                   "m.toml:1:15: the 'T' of a date-time must be followed by the time (HH:MM:SS)");
  EXPECT_EQ(aqi::detail::parse_toml("d = 2019-10-22t07:32:00\n", "m.toml")["d"].value<toml::date_time>()->time.hour, 7);
  try {  // a date, a space and a string: invalid TOML that toml++ itself reports, safely
    aqi::detail::parse_toml("e = 1979-05-27 \"中\"\n", "d.toml");
    ADD_FAILURE() << "no error";
  } catch (const aqi::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).find("non-ASCII"), std::string::npos) << e.what();
  }
  // Inside strings and comments non-ASCII text is fine, as every rule file shows.
  EXPECT_NO_THROW(aqi::detail::parse_toml("a = \"沂源〕\" # 注释〕\nb = '〕'\nc = \"\"\"\n〕\"\"\"\n", "d.toml"));
  // A multi-line basic string: after a backslash, and first after a line-ending backslash.
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = \"\"\"x\\\xE3\x80\x95\"\"\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:10: a non-ASCII character after a backslash (not an escape sequence)");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = \"\"\"x \\\n  \xE3\x80\x95\"\"\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:2:3: a non-ASCII character first after a line-ending backslash (toml++ 3.3 mishandles "
                   "it; start the continued line with an ASCII character)");
  EXPECT_EQ(aqi::detail::parse_toml("a = \"\"\"x \\\n  y〕\"\"\"\n", "d.toml")["a"].value<std::string>(), "x y〕");
}

// fuzz_edition, fuzz_measures, fuzz_rule_set: toml++ 3.3.0 assumed (TOML_ASSERT_ASSUME) that a
// table header starts with a key. Inputs: `[\x01\x00\x00\x01catoA]`, `[[,evel]]`
// (corpus/rule_set/regression-toml-header-key).
TEST(FuzzRegression, TomlHeaderWithoutKeyOrWithControlCharacterIsRefused) {
  EXPECT_THROW_MSG(aqi::detail::parse_toml(std::string("[\x01\x00\x00\x01" "catoA]\n", 12), "r.toml"),
                   aqi::ParseError, "r.toml:1:1: a table header must start with a key");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("[a\x01]\n", "r.toml"), aqi::ParseError,
                   "r.toml:1:3: control character U+0001 is not allowed in TOML");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = 1\n[[,evel]]\n", "r.toml"), aqi::ParseError,
                   "r.toml:2:1: a table header must start with a key");
  // toml++ assumed a value after a comma in an array (corpus/kiln_rules/regression-toml-brace-in-array).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("w = [1e308, 0, }, 0]\n", "r.toml"), aqi::ParseError,
                   "r.toml:1:16: a value was expected");
  // Arrays at the start of a line inside a value are not headers.
  EXPECT_NO_THROW(aqi::detail::parse_toml("a = [\n[+1],\n[{ b = 2 }],\n]\n[ \"c\" ]\n[[d]]\n", "r.toml"));
}

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

// fuzz_iaqi (corpus/iaqi/regression-round-huge-co): rounding CO 1.8e308 to 0.1 mg/m³ scaled it
// by 10 to infinity, and the valid input was reported as "negative concentration 1.8e308".
TEST(FuzzRegression, RoundingTheLargestConcentrationKeepsIt) {
  aqi::IaqiOptions o;
  o.round_inputs = true;
  EXPECT_EQ(aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::co_1h, huge, o), 500);
  const std::vector<double> c{1.5, huge};
  EXPECT_EQ(aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::co_1h, c, o), (std::vector<double>{15, 500}));
}

// fuzz_moving_mean (corpus/moving_mean/regression-cancellation): the sliding sum let a huge
// value absorb its neighbours and cancel them when it left the window: the mean of 3, 4, 5 came
// out 0, and later means negative.
TEST(FuzzRegression, MovingMeanIsNotCancelledByAHugeValue) {
  const std::vector<double> v{1, 2, 1e17, 3, 4, 5, 6};
  const std::vector<double> m = aqi::moving_mean(v, 3, 1);
  EXPECT_EQ(m[5], 4);
  EXPECT_EQ(m[6], 5);
  for (double x : aqi::moving_mean(std::vector<double>{huge, 1, 2, 3, 4}, 2, 1)) EXPECT_FALSE(x < 0);
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
