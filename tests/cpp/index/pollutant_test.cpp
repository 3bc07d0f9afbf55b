// The six pollutants of GB 3095-2012 / HJ 633 and sets of them (SPEC A3: primary pollutants):
// every name people write for them, read back.
#include <gtest/gtest.h>

#include <string>

#include "aqi/index/pollutant.hpp"
#include "test_support.hpp"

using aqi::Pollutant;
using aqi::PollutantSet;

TEST(Pollutant, NameKeyAndChineseNameOfEach) {
  EXPECT_EQ(aqi::name(Pollutant::pm25), "PM2.5");
  EXPECT_EQ(aqi::key(Pollutant::pm25), "pm25");
  EXPECT_EQ(aqi::name_zh(Pollutant::pm25), "细颗粒物");
  EXPECT_EQ(aqi::name(Pollutant::pm10), "PM10");
  EXPECT_EQ(aqi::name_zh(Pollutant::pm10), "可吸入颗粒物");
  EXPECT_EQ(aqi::name(Pollutant::o3), "O3");
  EXPECT_EQ(aqi::name_zh(Pollutant::o3), "臭氧");
  EXPECT_EQ(aqi::name_zh(Pollutant::no2), "二氧化氮");
  EXPECT_EQ(aqi::name_zh(Pollutant::so2), "二氧化硫");
  EXPECT_EQ(aqi::name_zh(Pollutant::co), "一氧化碳");
}

// The name()/parse_pollutant() pair, and the other spellings: the key, any case, Chinese.
TEST(Pollutant, ParseTakesEveryName) {
  for (Pollutant p : aqi::all_pollutants) {
    EXPECT_EQ(aqi::parse_pollutant(aqi::name(p)), p);
    EXPECT_EQ(aqi::parse_pollutant(aqi::key(p)), p);
    EXPECT_EQ(aqi::parse_pollutant(aqi::name_zh(p)), p);
  }
  EXPECT_EQ(aqi::parse_pollutant("pm2.5"), Pollutant::pm25);
  EXPECT_EQ(aqi::parse_pollutant("PM25"), Pollutant::pm25);
  EXPECT_EQ(aqi::parse_pollutant("No2"), Pollutant::no2);
  EXPECT_THROW_MSG(aqi::parse_pollutant("PM1"), aqi::UnknownName,
                   "unknown pollutant 'PM1'; expected one of: PM2.5, PM10, O3, NO2, SO2, CO (or pm25, pm10, o3, no2, "
                   "so2, co; or 细颗粒物, 可吸入颗粒物, 臭氧, 二氧化氮, 二氧化硫, 一氧化碳)");
}

// The primary-pollutant labels (A3) read back as the sets they print: all 64.
TEST(Pollutant, SetsReadBackFromTheirLabels) {
  for (unsigned bits = 0; bits < 64; ++bits) {
    const PollutantSet s(static_cast<std::uint8_t>(bits));
    EXPECT_EQ(PollutantSet::parse(s.to_string()), s) << s.to_string();
  }
  EXPECT_EQ(PollutantSet::parse("pm10, 细颗粒物").to_string(), "PM2.5,PM10");
  EXPECT_TRUE(PollutantSet::parse("").empty());
  EXPECT_THROW_MSG(PollutantSet::parse("PM2.5,"), aqi::UnknownName,
                   "unknown pollutant ''; expected one of: PM2.5, PM10, O3, NO2, SO2, CO (or pm25, pm10, o3, no2, "
                   "so2, co; or 细颗粒物, 可吸入颗粒物, 臭氧, 二氧化氮, 二氧化硫, 一氧化碳)");
}
