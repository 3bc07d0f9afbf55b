// Editions as data — SPEC A7: both editions ship, each one file; the edition in force by date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi/index/edition.hpp"
#include "aqi/index/iaqi.hpp"
#include "test_support.hpp"

using aqi::Indicator;
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

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "AQI edition files" (SPEC A1, A7).

namespace {
// iaqi's `[` at 4:8, daily_indicators's first element at 5:21, breakpoints's `[` at 8:15.
const std::string edition_head =
    "id = \"x\"\ntitle = \"t\"\nin_force_from = 2030-01-01\niaqi = [0, 50, 100]\n"
    "daily_indicators = [\"pm25_24h\"]\nhourly_indicators = [\"pm25_24h\"]\n";
std::string edition_text(const std::string& breakpoints = "[0, 35, 75]", const std::string& extra = "") {
  return edition_head + "[indicator.pm25_24h]\nbreakpoints = " + breakpoints + "\n" + extra;
}
std::string with_line(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}
}  // namespace

TEST(Edition, FileErrorsNameLineAndColumn) {
  using aqi::Edition;
  EXPECT_EQ(aqi::iaqi(Edition::parse(edition_text(), "e.toml"), Indicator::pm25_24h, 75.0), 100);
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [10, 50, 100]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:8: 'iaqi' must list 2 to 8 levels starting at 0");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [0, 50, 50]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:8: 'iaqi' levels must increase");
  // Found writing this matrix: infinite levels and breakpoints were accepted; [0, 35, inf] rated
  // PM2.5 1e300 as IAQI 0 (inf − inf in the ramp).
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [0, 50, inf]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:16: an IAQI level must be a finite number");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, inf]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:23: a breakpoint must be a finite number");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[5, 35, 75]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:15: breakpoints must start at 0");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, 75, 100]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:15: breakpoints must have 2 to 3 values");
  // …and a negative IAQI above the top breakpoint.
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, 75]", "above_top = {value = -5}\n"), "e.toml"), aqi::ParseError,
                   "e.toml:9:22: 'value' must be a finite IAQI ≥ 0, got -5");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "daily_indicators = [\"pm25_24h\"]",
                                            "daily_indicators = [\"pm10_24h\"]"),
                                  "e.toml"),
                   aqi::ParseError, "e.toml:5:21: pm10_24h is listed but has no breakpoints");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "in_force_from = 2030-01-01\n", ""), "e.toml"),
                   aqi::ParseError, "e.toml:1:1: missing key 'in_force_from'");
}

// The name()/parse_period() pair: HJ 633's daily report (日报) and real-time report (实时报).
TEST(Edition, A3PeriodNames) {
  for (aqi::Period p : {aqi::Period::daily, aqi::Period::hourly}) {
    EXPECT_EQ(aqi::parse_period(aqi::name(p)), p);
    EXPECT_EQ(aqi::parse_period(aqi::name_zh(p)), p);
  }
  EXPECT_EQ(aqi::parse_period("日报"), aqi::Period::daily);
  EXPECT_EQ(aqi::parse_period("Hourly"), aqi::Period::hourly);
  EXPECT_THROW_MSG(aqi::parse_period("weekly"), aqi::InvalidArgument,
                   "period must be 'daily' or 'hourly', got 'weekly'");
}

// A3: columns without a period say which report they are for. 1-hour SO2, NO2, CO, PM10, PM2.5
// are hourly indicators only; o3_1h is also a daily indicator of HJ 633-2012.
TEST(Edition, A3DefaultPeriodOfColumns) {
  using I = Indicator;
  EXPECT_EQ(aqi::default_period(std::vector<I>{I::pm25_24h, I::o3_1h, I::o3_8h}), aqi::Period::daily);
  EXPECT_EQ(aqi::default_period(std::vector<I>{I::pm25_24h, I::so2_1h}), aqi::Period::hourly);
  EXPECT_EQ(aqi::default_period(std::vector<I>{I::pm25_1h}), aqi::Period::hourly);
  EXPECT_EQ(aqi::default_period(std::vector<I>{}), aqi::Period::daily);
}

// A1 notes, A4: what the editions do above the top breakpoint, in words.
TEST(Edition, A4AboveTopRules) {
  EXPECT_EQ(aqi::describe(aqi::hj633_2012().above_top(Indicator::pm25_24h)), "beyond_scale");
  EXPECT_EQ(aqi::describe(aqi::hj633_2012().above_top(Indicator::so2_1h)), "substitute so2_24h");  // 2012 note
  EXPECT_EQ(aqi::describe(aqi::hj633_2026().above_top(Indicator::so2_1h)), "value 200");           // 2026 note b
  EXPECT_EQ(aqi::describe(aqi::hj633_2026().above_top(Indicator::o3_8h)), "value 300");            // 2026 note c
  using K = aqi::AboveTop::Kind;
  for (K k : {K::beyond_scale, K::substitute, K::fixed_value}) EXPECT_EQ(aqi::parse_above_top_kind(aqi::name(k)), k);
  EXPECT_THROW_MSG(aqi::parse_above_top_kind("clamp"), aqi::UnknownName,
                   "unknown above-top rule 'clamp'; expected one of: beyond_scale, substitute, fixed_value");
}

// Safe lifetimes (issue 12): a built-in edition is shared as itself, any other as a copy.
TEST(Edition, ShareAliasesBuiltInsAndCopiesTheRest) {
  EXPECT_EQ(aqi::share(aqi::hj633_2012()).get(), &aqi::hj633_2012());
  const aqi::Edition mine = aqi::hj633_2026();
  const auto shared = aqi::share(mine);
  EXPECT_NE(shared.get(), &mine);
  EXPECT_EQ(shared->id(), "hj633-2026");
}

// Indicator keys are read as parse_indicator reads them, so one indicator written twice is an
// error, not the second table silently replacing the first (toml++ reads a table's keys in
// sorted order: "PM2.5_24h" first).
TEST(Edition, AnIndicatorTwiceIsAnError) {
  const std::string text =
      "id = \"x\"\ntitle = \"t\"\nin_force_from = 2030-01-01\niaqi = [0, 50, 100]\n"
      "daily_indicators = [\"pm25_24h\"]\nhourly_indicators = [\"pm25_24h\"]\n"
      "[indicator.pm25_24h]\nbreakpoints = [0, 35, 75]\n[indicator.\"PM2.5_24h\"]\nbreakpoints = [0, 30, 60]\n";
  EXPECT_THROW_MSG(aqi::Edition::parse(text, "x.toml"), aqi::ParseError,
                   "x.toml:7:1: pm25_24h is given twice: as 'PM2.5_24h' and as 'pm25_24h'");
}
