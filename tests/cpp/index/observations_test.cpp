// Observed concentrations read from CSV (scenario files) — SPEC A4 (bad values), A7 (dated
// records): every error names file:line:column.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "aqi/index/column_names.hpp"
#include "aqi/index/observations.hpp"
#include "test_support.hpp"

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Observations CSV" (SPEC A4, A7).

TEST(Observations, CsvMalformed) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,1,2\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: expected 2 fields, found 3");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,\"1\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,\"1\"x\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: text after a closing quote");
  EXPECT_THROW_MSG(aqi::parse_observations("", "o.csv"), aqi::ParseError, "o.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h,pm25_24h\n", "o.csv"), aqi::ParseError,
                   "o.csv:1:3: duplicate column 'pm25_24h'");
  EXPECT_THROW_MSG(aqi::parse_observations("day,pm25_24h\n2019-12-01,1\n", "o.csv"), aqi::ParseError,
                   "o.csv:1: missing column 'date'");
  // A header without rows is a table of no days, not an error.
  EXPECT_EQ(aqi::parse_observations("date,pm25_24h\n", "o.csv").size(), 0u);
}

TEST(Observations, CsvWrongTypesAndOrder) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,3 ug\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:2: column 'pm25_24h': '3 ug' is not a number");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,inf\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:2: column 'pm25_24h': 'inf' is not a number");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\nDec 1,3\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:1: column 'date': 'Dec 1' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,3\n2019-12-01,4\n", "o.csv"), aqi::ParseError,
                   "o.csv:3:1: column 'date': dates must increase (2019-12-01 after 2019-12-01)");
  EXPECT_THROW_MSG(aqi::read_observations("/nonexistent/o.csv"), aqi::FileNotFound,
                   "/nonexistent/o.csv: no such file or it cannot be read");
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
  EXPECT_THROW_MSG(aqi::parse_observations("date,city\n2019-02-03,zibo\n", "o.csv"), aqi::ParseError,
                   "o.csv:1: no indicator column; expected some of: so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, "
                   "pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
}

// Indicator columns are read as parse_indicator reads them (the national network writes
// PM2.5_24h), and one indicator in two columns is an error naming both.
TEST(Observations, IndicatorColumnsUnderTheirOtherNames) {
  const auto o = aqi::parse_observations("date,PM2.5_24h,O3_8h\n2019-10-01,40,120\n", "o.csv");
  ASSERT_EQ(o.indicators, (std::vector<aqi::Indicator>{aqi::Indicator::pm25_24h, aqi::Indicator::o3_8h}));
  EXPECT_EQ(o.values[1][0], 120);
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h,PM2.5_24h\n2019-10-01,40,41\n", "o.csv"), aqi::ParseError,
                   "o.csv:1:3: column 'PM2.5_24h' is pm25_24h again (column 2)");
}

// Issue 16: the engine reads observation files by the same table of names as aqi.aqi; these
// files are daily, so aqistudy's bare names are 24-hour means (pm25 → pm25_24h).
TEST(Observations, AqistudyBareNamesAreDailyMeans) {
  const auto o =
      aqi::parse_observations("date,pm25,pm10,so2,no2,co,o3_8h\n2015-10-01,40.6,106.2,34.4,37.1,1.354,99\n", "o.csv");
  ASSERT_EQ(o.indicators,
            (std::vector<aqi::Indicator>{aqi::Indicator::pm25_24h, aqi::Indicator::pm10_24h, aqi::Indicator::so2_24h,
                                         aqi::Indicator::no2_24h, aqi::Indicator::co_24h, aqi::Indicator::o3_8h}));
  EXPECT_EQ(o.values[4][0], 1.354);
}

// Issue 16: a misspelt pollutant column is an error naming it, never dropped (the engine exited
// 0); CO in µg/m³ (the UCI Beijing data's unit) is refused with the hint, not rated 500.
TEST(Observations, MisspeltColumnAndCoUnitRefused) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm_25_24h\n2015-10-01,40\n", "o.csv"), aqi::ParseError,
                   "o.csv:1: column 'pm_25_24h' names a pollutant but no indicator; accepted names: " +
                       aqi::accepted_column_names());
  EXPECT_THROW_MSG(aqi::parse_observations("date,co_24h\n2015-10-01,1.2\n2015-10-02,1354\n", "o.csv"), aqi::ParseError,
                   "o.csv:3:2: column 'co_24h': CO 1354 mg/m3 is above 150 mg/m3, which no instrument reports: the "
                   "data are in another unit (µg/m³?); convert them to mg/m3 or pass units={'CO': 'ug/m3'}");
}
