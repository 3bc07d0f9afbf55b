// The brick-kiln table (SPEC K1–K7): the CSV reader, the checks of a table built in code, the
// table from a data frame's columns.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "aqi/kilns/kiln.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "test_support.hpp"

namespace {
constexpr double huge = std::numeric_limits<double>::max();
constexpr double tiny = std::numeric_limits<double>::denorm_min();
}  // namespace

TEST(Kilns, CsvTable) {
  const auto k = aqi::parse_kilns("id,town,lines,capacity\nK1,南麻街道,1,12.5\n\"K 2\",鲁村镇,3,8\n", "k.csv");
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[1].id, "K 2");
  EXPECT_EQ(k[1].lines, 3);
  EXPECT_EQ(k[0].capacity, 12.5);
  EXPECT_DOUBLE_EQ(aqi::total_capacity(k), 12.5 + 3 * 8);
}

TEST(Kilns, CsvErrorsNameFileLineColumn) {
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,0,10\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': a kiln has at least 1 line (got 0)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,2.5,10\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': '2.5' is not a whole number");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,-3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': capacity must be a positive number (got -3)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': a value is required");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,3\nK1,2,4\n", "k.csv"), aqi::ParseError,
                   "k.csv:3:1: column 'id': duplicate kiln id 'K1' (first on line 2)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\n,1,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:1: column 'id': a kiln id is required");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines\nK1,1\n", "k.csv"), aqi::ParseError,
                   "k.csv:1: missing column 'capacity'");
  EXPECT_THROW_MSG(aqi::read_kilns("/nonexistent/kilns.csv"), aqi::FileNotFound,
                   "/nonexistent/kilns.csv: no such file or it cannot be read");
}

TEST(Kilns, ScenarioTable) {
  // scenarios/yiyuan-2019/kilns.csv: a few dozen kilns, mostly one line, some with 2–4.
  const auto kilns = aqi::read_kilns(std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/kilns.csv");
  EXPECT_GE(kilns.size(), 24u);
  std::size_t multi = 0;
  for (const auto& k : kilns) {
    EXPECT_LE(k.lines, 4);
    multi += k.lines > 1;
  }
  EXPECT_GT(multi, 0u);
  EXPECT_LT(multi, kilns.size() / 2);
  const auto s = aqi::schedule_kilns(kilns, 2019);
  EXPECT_LT(s.gap, 0.01);
  EXPECT_TRUE(aqi::validate_kiln_schedule(kilns, s.windows, 2019).empty());
}

// docs/errors.md, "Kilns CSV".
TEST(Kilns, BadInputCsv) {
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1\n", "k.csv"), aqi::ParseError,
                   "k.csv:2: expected 3 fields, found 2");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\n\"K1,1,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_kilns("", "k.csv"), aqi::ParseError, "k.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,one,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': 'one' is not a whole number");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1001,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': more than 1000 lines (got 1001)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,x\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': 'x' is not a number");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,inf\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': 'inf' is not a number");
  EXPECT_EQ(aqi::parse_kilns("id,lines,capacity\n", "k.csv").size(), 0u);
}

// fuzz_kilns: a kiln table whose total capacity overflows (1000 lines × 1e308) fed NaN into
// GLPK, which aborted the process ("Assertion failed: teta >= 0.0", simplex/spxchuzr.c).
TEST(Kilns, TableWhoseTotalOverflowsIsAnError) {
  const std::vector<aqi::Kiln> kilns{{"k1", 1, tiny}, {"k2", 1000, 1e308}, {"k3", 1, huge}, {"k,4", 2, 0.5}};
  EXPECT_THROW_MSG(aqi::schedule_kilns(kilns, 2019), aqi::InvalidValue,
                   "kilns[1]: kiln 'k2': the table's total capacity (lines × capacity) is too large to represent");
}

// The table from a data frame's columns: the line range is checked once, by check_kilns, with the
// number as given even beyond int.
TEST(Kilns, FromColumns) {
  const std::vector<std::string> ids{"a", "b"};
  const std::vector<std::int64_t> lines{1, 3};
  const std::vector<double> capacity{2.5, 4};
  const auto k = aqi::kilns_from_columns(ids, lines, capacity);
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[1].id, "b");
  EXPECT_EQ(k[1].lines, 3);
  EXPECT_EQ(k[0].capacity, 2.5);
  EXPECT_THROW_MSG(aqi::kilns_from_columns(ids, std::vector<std::int64_t>{1}, capacity), aqi::InvalidArgument,
                   "kilns: the id, lines and capacity columns differ in length");
  EXPECT_THROW_MSG(aqi::kilns_from_columns(ids, std::vector<std::int64_t>{1, 5000000000}, capacity), aqi::InvalidValue,
                   "kilns[1]: kiln 'b': more than 1000 lines (got 5000000000)");
  const auto many = aqi::kilns_from_columns(ids, std::vector<std::int64_t>{1, 1001}, capacity);
  EXPECT_THROW_MSG(aqi::check_kilns(many), aqi::InvalidValue, "kilns[1]: kiln 'b': more than 1000 lines (got 1001)");
}
