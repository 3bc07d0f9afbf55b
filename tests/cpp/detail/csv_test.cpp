// The CSV reader behind every scenario, inventory and kiln file: errors name file:line:column.
#include <gtest/gtest.h>

#include <cmath>

#include "aqi/detail/csv.hpp"
#include "aqi/index/observations.hpp"
#include "test_support.hpp"

using aqi::detail::parse_csv;

TEST(Csv, QuotesCrlfAndBom) {
  const auto t = parse_csv("\xEF\xBB\xBFid,name\r\n1,\"a, \"\"b\"\"\"\r\n2,\"two\nlines\"\n\n", "f.csv");
  ASSERT_EQ(t.header, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.text(0, 1), "a, \"b\"");
  EXPECT_EQ(t.text(1, 1), "two\nlines");
  EXPECT_EQ(t.row_line[1], 3u);
}

TEST(Csv, LastLineWithoutNewline) {
  const auto t = parse_csv("a,b\n1,2", "f.csv");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.text(0, 1), "2");
}

TEST(Csv, ErrorsNameFileLineColumn) {
  EXPECT_THROW_MSG(parse_csv("a,b\n1,2\n3\n", "f.csv"), aqi::ParseError, "f.csv:3: expected 2 fields, found 1");
  EXPECT_THROW_MSG(parse_csv("a,b\n1,\"2\n", "f.csv"), aqi::ParseError, "f.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(parse_csv("", "f.csv"), aqi::ParseError, "f.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(parse_csv("a,a\n", "f.csv"), aqi::ParseError, "f.csv:1:2: duplicate column 'a'");
  const auto t = parse_csv("a,b\n1,x\n", "f.csv");
  EXPECT_THROW_MSG(t.number(0, 1), aqi::ParseError, "f.csv:2:2: column 'b': 'x' is not a number");
  EXPECT_THROW_MSG(t.column("c"), aqi::ParseError, "f.csv:1: missing column 'c'");
  EXPECT_TRUE(std::isnan(parse_csv("a\nNA\n", "f.csv").number(0, 0)));
  EXPECT_THROW_MSG(parse_csv("a\ninf\n", "f.csv").number(0, 0), aqi::ParseError,
                   "f.csv:2:1: column 'a': 'inf' is not a number");
}

TEST(Observations, ReadsDatesAndIndicatorColumns) {
  const auto o = aqi::parse_observations("date,pm25_24h,city\n2019-10-01,40.6,zibo\n2019-10-02,,zibo\n", "o.csv");
  ASSERT_EQ(o.size(), 2u);
  ASSERT_EQ(o.indicators.size(), 1u);
  EXPECT_EQ(o.values[0][0], 40.6);
  EXPECT_TRUE(std::isnan(o.values[0][1]));
}

TEST(Observations, ErrorsNameFileLineColumn) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-10-01,-1\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:2: column 'pm25_24h': negative concentration (SPEC A4)");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-10-02,1\n2019-10-01,1\n", "o.csv"), aqi::ParseError,
                   "o.csv:3:1: column 'date': dates must increase (2019-10-01 after 2019-10-02)");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-02-30,1\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:1: column 'date': '2019-02-30' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25\n2019-02-03,1\n", "o.csv"), aqi::ParseError,
                   "o.csv:1: no indicator column; expected some of: so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, "
                   "pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
}
