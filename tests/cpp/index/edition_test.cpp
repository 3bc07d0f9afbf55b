// Editions as data — SPEC A7: both editions ship, each one file; the edition in force by date.
#include <gtest/gtest.h>

#include <string>

#include "aqi/index/edition.hpp"
#include "test_support.hpp"

using boost::gregorian::date;

TEST(Edition, A7BothEditionsShip) {
  const auto& all = aqi::builtin_editions();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id(), "hj633-2012");
  EXPECT_EQ(all[1].id(), "hj633-2026");
  EXPECT_EQ(all[1].in_force_from(), date(2026, 3, 1));
}

TEST(Edition, A7InForceByDate) {
  EXPECT_EQ(aqi::edition_in_force(date(2013, 12, 2)).id(), "hj633-2012");
  EXPECT_EQ(aqi::edition_in_force(date(2026, 2, 28)).id(), "hj633-2012");
  EXPECT_EQ(aqi::edition_in_force(date(2026, 3, 1)).id(), "hj633-2026");
  EXPECT_EQ(aqi::edition_in_force(date(2005, 1, 1)).id(), "hj633-2012");  // older data: oldest edition
  // Undated calls default to the edition in force now (2026-11 when this was written).
  EXPECT_EQ(aqi::current_edition().id(), "hj633-2026");
}

// A3: seven daily indicators in 2012 (O3 1-hour maximum included), six in 2026.
TEST(Edition, A3DailyIndicators) {
  EXPECT_EQ(aqi::hj633_2012().indicators(aqi::Period::daily).size(), 7u);
  EXPECT_EQ(aqi::hj633_2026().indicators(aqi::Period::daily).size(), 6u);
}

TEST(Edition, UnknownIdNamesTheValidOnes) {
  EXPECT_THROW_MSG(aqi::edition("hj633-2020"), aqi::UnknownName,
                   "unknown AQI edition 'hj633-2020'; expected one of: hj633-2012, hj633-2026");
}

// The files under libaqi/rules/ are the compiled-in editions (loading one gives the same tables).
TEST(Edition, A7FileAndBuiltinAgree) {
  const auto e = aqi::Edition::load(std::string(AQI_RULES_DIR) + "/editions/hj633-2026.toml");
  const auto& b = aqi::hj633_2026();
  for (auto i : aqi::all_indicators) {
    ASSERT_EQ(e.rates(i), b.rates(i));
    if (!e.rates(i)) continue;
    EXPECT_EQ(e.table(i).concentration, b.table(i).concentration);
  }
}

TEST(Edition, ParseErrorsAreLocated) {
  const std::string base =
      "id = \"x\"\ntitle = \"t\"\nin_force_from = 2030-01-01\niaqi = [0, 50, 100]\n"
      "daily_indicators = [\"pm25_24h\"]\nhourly_indicators = [\"pm25_24h\"]\n";
  EXPECT_THROW_MSG(aqi::Edition::parse(base + "[indicator.pm25_24h]\nbreakpoints = [0, 35, 30]\n", "x.toml"),
                   aqi::ParseError, "x.toml:8:15: breakpoints must increase");
  EXPECT_THROW_MSG(aqi::Edition::parse(base + "[indicator.pm25_24x]\nbreakpoints = [0, 35, 75]\n", "x.toml"),
                   aqi::ParseError,
                   "x.toml:7:1: unknown indicator key 'pm25_24x'; expected one of: so2_24h, so2_1h, no2_24h, "
                   "no2_1h, pm10_24h, pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
  EXPECT_THROW_MSG(aqi::Edition::parse(base + "[indicator.pm25_24h]\nbreakpoint = [0, 35, 75]\n", "x.toml"),
                   aqi::ParseError, "x.toml:8:1: unknown key 'breakpoint'");
  EXPECT_THROW_MSG(aqi::Edition::parse("id = \n", "y.toml"), aqi::ParseError,
                   "y.toml:1:6: Error while parsing key-value pair: expected value, saw '\\n'");
  EXPECT_THROW_MSG(aqi::Edition::load("/nonexistent/e.toml"), aqi::FileNotFound,
                   "/nonexistent/e.toml: no such file or it cannot be read");
}
