// The table of column names (issue 16): canonical keys, the national platform's names, aqistudy's
// and the UCI Beijing data's bare names by the data's time step; misspellings refused.
#include <gtest/gtest.h>

#include "aqi/index/column_names.hpp"
#include "test_support.hpp"

using aqi::Indicator;
using aqi::TimeStep;

TEST(ColumnNames, KeysAndThePlatformsNames) {
  for (TimeStep s : {TimeStep::unknown, TimeStep::daily, TimeStep::hourly}) {
    EXPECT_EQ(aqi::find_column("pm25_24h", s), Indicator::pm25_24h);
    EXPECT_EQ(aqi::find_column("PM2.5_24h", s), Indicator::pm25_24h);
    EXPECT_EQ(aqi::find_column("pm2_5_24h", s), Indicator::pm25_24h);  // the national platform
    EXPECT_EQ(aqi::find_column("O3_8H", s), Indicator::o3_8h);
    EXPECT_EQ(aqi::find_column("city", s), std::nullopt);
    EXPECT_EQ(aqi::find_column("aqi", s), std::nullopt);
    EXPECT_EQ(aqi::find_column("co2", s), std::nullopt);  // not an HJ 633 pollutant
  }
  // The platform's daily maxima: o3_24h (of the 1-hour values), o3_8h_24h (of the 8-hour means).
  EXPECT_EQ(aqi::find_column("o3_24h", TimeStep::daily), Indicator::o3_1h);
  EXPECT_EQ(aqi::find_column("o3_8h_24h", TimeStep::daily), Indicator::o3_8h);
  EXPECT_THROW_MSG(aqi::find_column("o3_24h", TimeStep::hourly), aqi::UnknownName,
                   "column 'o3_24h' is the national platform's maximum over 24 hours, read on a daily index only; "
                   "accepted names: " +
                       aqi::accepted_column_names());
}

// Bare names: a 24-hour mean on a daily index (aqistudy), a 1-hour value on an hourly one (UCI).
TEST(ColumnNames, BareNamesFollowTheTimeStep) {
  EXPECT_EQ(aqi::find_column("pm25", TimeStep::daily), Indicator::pm25_24h);
  EXPECT_EQ(aqi::find_column("PM2.5", TimeStep::daily), Indicator::pm25_24h);
  EXPECT_EQ(aqi::find_column("co", TimeStep::daily), Indicator::co_24h);
  EXPECT_EQ(aqi::find_column("PM2.5", TimeStep::hourly), Indicator::pm25_1h);
  EXPECT_EQ(aqi::find_column("pm2_5", TimeStep::hourly), Indicator::pm25_1h);
  EXPECT_EQ(aqi::find_column("SO2", TimeStep::hourly), Indicator::so2_1h);
  EXPECT_EQ(aqi::find_column("O3", TimeStep::hourly), Indicator::o3_1h);
  EXPECT_EQ(aqi::find_column("pm25", TimeStep::unknown), std::nullopt);
  EXPECT_THROW_MSG(aqi::find_column("o3", TimeStep::daily), aqi::UnknownName,
                   "column 'o3' on a daily index may be the day's maximum 1-hour value (o3_1h) or 8-hour mean "
                   "(o3_8h): rename it; accepted names: " +
                       aqi::accepted_column_names());
}

TEST(ColumnNames, MisspeltPollutantColumnsAreErrors) {
  for (const char* bad : {"pm_25_24h", "PM2.5-24h", "pm25_24hr", "so2_12h"})
    EXPECT_THROW_MSG(aqi::find_column(bad, TimeStep::daily), aqi::UnknownName,
                     std::string("column '") + bad +
                         "' names a pollutant but no indicator; accepted names: " + aqi::accepted_column_names());
}

TEST(ColumnNames, MatchOverridesAndUndatedBareNames) {
  const auto m = aqi::match_columns({"date", "PM2.5", "pm10_24h"}, TimeStep::hourly, {{"PM2.5", "pm25_24h"}});
  ASSERT_EQ(m.columns.size(), 2u);
  EXPECT_EQ(m.columns[0].position, 1u);
  EXPECT_EQ(m.columns[0].indicator, Indicator::pm25_24h);  // the override wins over the time step
  EXPECT_THROW_MSG(aqi::match_columns({"pm25"}, TimeStep::daily, {{"PM10", "pm10_24h"}}), aqi::InvalidArgument,
                   "columns: the data have no column 'PM10'");
  EXPECT_EQ(aqi::match_columns({"pm25"}, TimeStep::unknown).unread_bare_names, std::vector<std::string>{"pm25"});
  EXPECT_THROW_MSG(aqi::match_columns({"pm25", "pm10_24h"}, TimeStep::unknown), aqi::InvalidArgument,
                   "column 'pm25' is a bare pollutant name, a 24-hour mean on a daily index and a 1-hour value on an "
                   "hourly one, and these data have no dates: pass period='daily' or 'hourly', or name its indicator "
                   "(columns={'pm25': 'pm25_24h'})");
}
