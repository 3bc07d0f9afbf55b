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
