// Forecast tables — SPEC L1, W9: the CSV form (parse_forecasts), the column form of a DataFrame
// (group_forecasts, the same checks), the long table of forecasts and the perfect forecasts of
// back-testing. Expected values are read off the rows written in each test.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "aqi/warning/forecast.hpp"
#include "test_support.hpp"

using boost::gregorian::date;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
const double missing = std::numeric_limits<double>::quiet_NaN();
}  // namespace

// docs/errors.md, "Forecasts CSV" (SPEC L1, W9).

TEST(Forecast, CsvBadInput) {
  const std::string h = "issue_date,valid_date,aqi\n";
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02\n", "f.csv"), aqi::ParseError,
                   "f.csv:2: expected 3 fields, found 2");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,\"2019-12-02,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_forecasts("", "f.csv"), aqi::ParseError, "f.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_forecasts("issue_date,aqi\n2019-12-01,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:1: missing column 'valid_date'");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,high\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': 'high' is not a number");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,12/02/2019,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': '12/02/2019' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,-3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': negative AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,inf\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': 'inf' is not a number");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-11-30,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': valid_date 2019-11-30 is before the issue date 2019-12-01");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,3\n2019-12-01,2019-12-02,4\n", "f.csv"),
                   aqi::ParseError,
                   "f.csv:3:2: column 'valid_date': the forecast of 2019-12-01 for 2019-12-02 is already given on "
                   "line 2");
  EXPECT_THROW_MSG(aqi::read_forecasts("/nonexistent/f.csv"), aqi::FileNotFound,
                   "/nonexistent/f.csv: no such file or it cannot be read");
  // Rows in any order: one forecast per issue day, days in order, a day not given is missing
  // (NaN) — no row is lost.
  const auto f = aqi::parse_forecasts(
      h + "2019-12-02,2019-12-04,5\n2019-12-01,2019-12-02,4\n2019-12-02,2019-12-03,6\n2019-12-01,2019-12-04,7\n",
      "f.csv");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].issue, date(2019, 12, 1));
  EXPECT_EQ(f[0].first_valid, date(2019, 12, 2));
  ASSERT_EQ(f[0].aqi.size(), 3u);
  EXPECT_EQ(f[0].aqi[0], 4);
  EXPECT_TRUE(std::isnan(f[0].aqi[1]));
  EXPECT_EQ(f[0].aqi[2], 7);
  EXPECT_EQ(f[1].aqi, (std::vector<double>{6, 5}));
}

// The column form (a DataFrame's rows) has the checks of the CSV and groups the same way: the
// rows of CsvBadInput's last table give the same forecasts.
TEST(Forecast, ColumnFormHasTheChecksOfTheCsv) {
  const date d1(2019, 12, 1), d2(2019, 12, 2), d3(2019, 12, 3), d4(2019, 12, 4);
  const auto f = aqi::group_forecasts({{d2, d4, 5}, {d1, d2, 4}, {d2, d3, 6}, {d1, d4, 7}});
  const auto csv = aqi::parse_forecasts(
      "issue_date,valid_date,aqi\n2019-12-02,2019-12-04,5\n2019-12-01,2019-12-02,4\n2019-12-02,2019-12-03,6\n"
      "2019-12-01,2019-12-04,7\n",
      "f.csv");
  ASSERT_EQ(f.size(), 2u);
  ASSERT_EQ(csv.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(f[i].issue, csv[i].issue);
    EXPECT_EQ(f[i].first_valid, csv[i].first_valid);
    ASSERT_EQ(f[i].aqi.size(), csv[i].aqi.size());
    for (std::size_t k = 0; k < f[i].aqi.size(); ++k)
      EXPECT_TRUE(f[i].aqi[k] == csv[i].aqi[k] || (std::isnan(f[i].aqi[k]) && std::isnan(csv[i].aqi[k])));
  }
  EXPECT_TRUE(std::isnan(f[0].aqi[1]));  // 2019-12-03 not given for the forecast of 12-01
  EXPECT_THROW_MSG(aqi::group_forecasts({{d1, d2, 4}, {d1, d3, -3}}), aqi::InvalidValue,
                   "aqi[1]: forecast of 2019-12-01 for 2019-12-03: negative AQI -3 (SPEC W9)");
  EXPECT_THROW_MSG(aqi::group_forecasts({{d1, d2, inf}}), aqi::InvalidValue,
                   "aqi[0]: forecast of 2019-12-01 for 2019-12-02: infinite AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::group_forecasts({{d2, d1, 4}}), aqi::InvalidValue,
                   "valid_date[0]: the forecast of 2019-12-02 has a valid_date before its issue date (2019-12-01)");
  EXPECT_THROW_MSG(aqi::group_forecasts({{d1, date(2020, 12, 2), 4}}), aqi::InvalidValue,
                   "valid_date[0]: the forecast of 2019-12-01 has a valid_date more than 366 days after its issue "
                   "date (2020-12-02)");
  EXPECT_THROW_MSG(aqi::group_forecasts({{d1, d2, 4}, {d1, d2, 250}}), aqi::InvalidArgument,
                   "forecasts: the forecast of 2019-12-01 has a valid_date twice");
  EXPECT_THROW_MSG(aqi::group_forecasts({{date(), d2, 4}}), aqi::InvalidValue,
                   "forecasts[0]: the issue_date or the valid_date is not a date");
  EXPECT_TRUE(aqi::group_forecasts({}).empty());
  // 2019-12-01 + 366 days = 2020-12-01 (2020 is a leap year): the furthest valid date accepted.
  EXPECT_EQ(aqi::group_forecasts({{d1, date(2020, 12, 1), 4}})[0].first_valid, date(2020, 12, 1));
}

// Back-testing: on each day the next `horizon` observed days; as the long table, one row per day
// of each forecast (a missing observation is a NaN row).
TEST(Forecast, PerfectForecastsAndTheirRows) {
  const date d1(2019, 12, 1);
  const std::vector<double> obs{100, 250, missing, 300};
  const auto f = aqi::perfect_forecasts(obs, d1, 2);
  ASSERT_EQ(f.size(), 3u);  // issued on 12-01, 12-02, 12-03 (the last day has nothing after it)
  EXPECT_EQ(f[0].first_valid, date(2019, 12, 2));
  EXPECT_EQ(f[2].aqi, (std::vector<double>{300}));  // 12-03: only 12-04 remains
  const auto rows = aqi::forecast_rows(f);
  ASSERT_EQ(rows.size(), 5u);  // 2 + 2 + 1
  EXPECT_EQ(rows[1].issue_date, d1);
  EXPECT_EQ(rows[1].valid_date, date(2019, 12, 3));
  EXPECT_TRUE(std::isnan(rows[1].aqi));
  EXPECT_EQ(rows[4].valid_date, date(2019, 12, 4));
  EXPECT_EQ(rows[4].aqi, 300);
  const auto again = aqi::group_forecasts(rows);  // the long table groups back into the same forecasts
  ASSERT_EQ(again.size(), 3u);
  EXPECT_EQ(again[1].aqi.size(), 2u);
  EXPECT_EQ(again[1].aqi[1], 300);
}
