// Indicators — the columns of the HJ 633 breakpoint table (SPEC A1, A3): keys, pollutants and
// averaging periods, and the names people write for them.
#include <gtest/gtest.h>

#include <string>

#include "aqi/index/indicator.hpp"
#include "test_support.hpp"

using aqi::Indicator;

// docs/errors.md, "Numeric entry points" and "Unknown names".
TEST(Indicator, UnknownKeyListsTheKeys) {
  EXPECT_THROW_MSG(aqi::parse_indicator("pm25"), aqi::UnknownName,
                   "unknown indicator key 'pm25'; expected one of: so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, "
                   "pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
}

// The name()/parse_indicator() pair: every key reads back as its indicator.
TEST(Indicator, NameAndParseArePairs) {
  for (Indicator i : aqi::all_indicators) {
    EXPECT_EQ(aqi::parse_indicator(aqi::name(i)), i);
    EXPECT_EQ(aqi::name(i), aqi::key(i));
  }
}

// A pollutant under any of its names, then the averaging period: the national network's file
// headers write PM2.5_24h, analysts pm2.5_1h; Chinese names work too.
TEST(Indicator, PollutantNamesWithThePeriod) {
  EXPECT_EQ(aqi::parse_indicator("PM2.5_24h"), Indicator::pm25_24h);
  EXPECT_EQ(aqi::parse_indicator("pm2.5_1h"), Indicator::pm25_1h);
  EXPECT_EQ(aqi::parse_indicator("PM25_24H"), Indicator::pm25_24h);
  EXPECT_EQ(aqi::parse_indicator("O3_8h"), Indicator::o3_8h);
  EXPECT_EQ(aqi::parse_indicator("臭氧_1h"), Indicator::o3_1h);
  EXPECT_EQ(aqi::parse_indicator("可吸入颗粒物_24h"), Indicator::pm10_24h);
  EXPECT_EQ(aqi::parse_indicator("CO_24h"), Indicator::co_24h);
  // No such indicator: PM2.5 has no 8-hour mean (A1); a pollutant alone names no period.
  EXPECT_EQ(aqi::find_indicator("PM2.5_8h"), std::nullopt);
  EXPECT_EQ(aqi::find_indicator("PM2.5"), std::nullopt);
  EXPECT_EQ(aqi::find_indicator("pm25_24"), std::nullopt);
  EXPECT_EQ(aqi::find_indicator("_24h"), std::nullopt);
  EXPECT_THROW_MSG(aqi::parse_indicator("PM2.5_8h"), aqi::UnknownName,
                   "unknown indicator key 'PM2.5_8h'; expected one of: so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, "
                   "pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
}
