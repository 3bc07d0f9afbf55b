// Bugs the fuzz targets (tests/fuzz) found, each pinned by the smallest input that showed it. The
// input that libFuzzer saved is kept in tests/fuzz/corpus/<target>/regression-*, so the fuzz
// ctest entries replay it too. Every case here crashed the process, escaped as a non-aqi
// exception, hung, or gave a wrong answer before its fix. A finding of one concept is pinned
// beside it instead (tests/cpp/<domain>/<concept>_test.cpp, its comment naming the fuzz target).
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
  EXPECT_THROW_MSG(aqi::detail::parse_toml("id =019\xE3\x80\x95"
                                           "56\n",
                                           "d.toml"),
                   aqi::ParseError, "d.toml:1:8: a non-ASCII character in a value that is not a string");
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
  EXPECT_THROW_MSG(aqi::detail::parse_toml(std::string("[\x01\x00\x00\x01"
                                                       "catoA]\n",
                                                       12),
                                           "r.toml"),
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

// Found reading the code for the fuzz targets: level codes are int8, so a rule set of 128
// levels came back from classify_batch and day_levels as -128.
TEST(FuzzRegression, RuleSetsHaveAtMost127Levels) {
  std::string text = "id = \"many\"\ntitle = \"t\"\ndocument = \"d\"\n";
  for (int k = 0; k < 128; ++k)
    text += "[[level]]\nname = \"l" + std::to_string(k) +
            "\"\nresponse = \"I\"\nclauses = [{ terms = [{ above = " + std::to_string(k) + ", days = 1 }] }]\n";
  EXPECT_THROW_MSG(aqi::RuleSet::parse(text, "many.toml"), aqi::ParseError,
                   "many.toml:512:1: a rule set has at most 127 levels");
  aqi::RuleSet by_hand = aqi::yiyuan_2019();
  by_hand.levels.resize(128, by_hand.levels.back());
  std::vector<std::int8_t> out(1);
  EXPECT_THROW_MSG(aqi::day_levels(std::vector<double>{300}, {}, by_hand), aqi::InvalidArgument,
                   "rule set yiyuan-2019 has 128 levels; at most 127 fit the int8 level codes");
  EXPECT_THROW_MSG(aqi::classify_batch(std::vector<double>{300}, {1}, aqi::SeriesKind::daily, by_hand, out),
                   aqi::InvalidArgument, "rule set yiyuan-2019 has 128 levels; at most 127 fit the int8 level codes");
}

// fuzz_forecasts (corpus/forecasts/seed-edge): forecasts issued in 1400 and 9999 made a season
// window of 8,600 years filled hour by hour — 100 s and 900 MB for a 200-byte file — and a row
// with a valid date years after its issue date allocated a value for every day between.
TEST(FuzzRegression, SeasonsAndForecastsOfCenturiesAreRefused) {
  EXPECT_THROW_MSG(aqi::parse_forecasts("issue_date,valid_date,aqi\n1400-01-01,9999-12-31,200\n", "f.csv"),
                   aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': valid_date 9999-12-31 is more than 366 days after the issue "
                   "date 1400-01-01");
  const auto f = aqi::parse_forecasts(
      "issue_date,valid_date,aqi\n1400-01-01,1400-01-02,250\n9999-12-30,9999-12-31,250\n", "f.csv");
  EXPECT_THROW_MSG(aqi::run_season(f, aqi::yiyuan_2019()), aqi::InvalidArgument,
                   "run_season: the forecasts and imposed events span 1400-01-01 … 9999-12-31, more than 100 years");
  // Days past 9999-12-31 cannot be printed by Boost.Date_Time: refused before they are made.
  const boost::gregorian::date last(9999, 12, 30);
  EXPECT_THROW_MSG(aqi::run_season({{last, last, {250, 250, 250}}}, aqi::yiyuan_2019()), aqi::InvalidArgument,
                   "forecast of 9999-12-30 runs past 9999-12-31, the last date libaqi handles");
}

// fuzz_measures: department(key) took the first department whose id, Chinese or English name
// matched, so a department whose id is another's name_zh answered department(id) with the other
// one, and tasks(id, level) with that one's tasks (SPEC R2: each department's own tasks).
// Input: corpus/measures/regression-department-key-collision (id "县政府办公室" after a
// department named 县政府办公室).
TEST(FuzzRegression, ADepartmentKeySharedByTwoDepartmentsIsRefused) {
  const std::string head = "document = \"d\"\n";
  const auto dept = [](const std::string& id, const std::string& zh, const std::string& en) {
    return "[[department]]\nid = \"" + id + "\"\nname_zh = \"" + zh + "\"\nname_en = \"" + en + "\"\n";
  };
  const std::string measure =
      "[[measure]]\nid = \"II-1\"\nresponse = \"II\"\nclass = \"procedure\"\nzh = \"报送\"\nen = \"report\"\n"
      "departments = [\"gov\"]\nsource = \"§5.5.2\"\n";
  // Lines: 1 document, 2–5 the first department, 6–9 the second.
  EXPECT_THROW_MSG(aqi::MeasureCatalogue::parse(head + dept("gov", "县政府办公室", "Office") +
                                                    dept("县政府办公室", "县发展改革局", "Reform") + measure,
                                                "m.toml"),
                   aqi::ParseError,
                   "m.toml:6:1: department '县政府办公室': '县政府办公室' already names department 'gov'");
  EXPECT_THROW_MSG(
      aqi::MeasureCatalogue::parse(
          head + dept("gov", "县政府办公室", "Office") + dept("reform", "Office", "Reform") + measure, "m.toml"),
      aqi::ParseError, "m.toml:6:1: department 'reform': 'Office' already names department 'gov'");
  EXPECT_THROW_MSG(
      aqi::MeasureCatalogue::parse(
          head + dept("gov", "县政府办公室", "Office") + dept("reform", "县发展改革局", "gov") + measure, "m.toml"),
      aqi::ParseError, "m.toml:6:1: department 'reform': 'gov' already names department 'gov'");
  // One department may use the same text twice (its own names); distinct keys parse.
  const auto c = aqi::MeasureCatalogue::parse(
      head + dept("gov", "Office", "Office") + dept("reform", "县发展改革局", "Reform") + measure, "m.toml");
  EXPECT_EQ(c.department("Office").id, "gov");
  EXPECT_EQ(c.department("县发展改革局").id, "reform");
  EXPECT_EQ(c.tasks("reform", aqi::ResponseLevel::II).size(), 0u);
  EXPECT_EQ(c.tasks("gov", aqi::ResponseLevel::II).size(), 1u);

  // A hand-built catalogue (no parse) with the collision: an id wins over a name.
  aqi::MeasureCatalogue built = c;
  built.departments[1].name_zh = "gov";
  EXPECT_EQ(built.department("gov").id, "gov");
  built.departments[0].name_en = "reform";
  EXPECT_EQ(built.department("reform").id, "reform");
}

// fuzz_kiln_rules, fuzz_holidays: toml++ 3.3's node::value<int64_t>() converts a float by casting
// it to int64 before it checks the range: undefined behaviour for 1e308 or 1e39. Every integer
// field now goes through detail::integer_value (corpus/kiln_rules/regression-float-month-1e308,
// corpus/holidays/regression-float-year-1e39).
TEST(FuzzRegression, AHugeFloatWhereAnIntegerIsExpectedIsAnError) {
  using aqi::detail::integer_value;
  const auto value_of = [](const std::string& toml) {
    return integer_value(*aqi::detail::parse_toml(toml, "t.toml").get("v"));
  };
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
