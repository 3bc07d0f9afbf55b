// The CSV reader behind every scenario, inventory and kiln file: errors name file:line:column.
#include <gtest/gtest.h>

#include <cmath>

#include "aqi/detail/csv.hpp"
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
