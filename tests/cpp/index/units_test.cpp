// Units and plausibility (issue 16): CO in µg/m³ converted exactly (SPEC A6), refused unconverted.
#include <gtest/gtest.h>

#include <vector>

#include "aqi/index/plausibility.hpp"
#include "aqi/index/record_dates.hpp"
#include "aqi/index/units.hpp"
#include "test_support.hpp"

TEST(Units, ConversionToTheTablesUnitIsExact) {
  using aqi::ConcentrationUnit;
  EXPECT_EQ(aqi::parse_unit("µg/m³"), ConcentrationUnit::ug_m3);
  EXPECT_EQ(aqi::parse_unit("UG/M3"), ConcentrationUnit::ug_m3);
  EXPECT_EQ(aqi::parse_unit("mg/m3"), ConcentrationUnit::mg_m3);
  // 2000 µg/m³ is CO 2 mg/m³ exactly (the 24-hour IAQI-50 breakpoint: 50, not 51, SPEC A2/A6).
  EXPECT_EQ(aqi::to_table_unit(aqi::Pollutant::co, ConcentrationUnit::ug_m3, 2000), 2.0);
  EXPECT_EQ(aqi::to_table_unit(aqi::Pollutant::co, ConcentrationUnit::ug_m3, 1354), 1.354);
  EXPECT_EQ(aqi::to_table_unit(aqi::Pollutant::pm25, ConcentrationUnit::mg_m3, 0.075), 75.0);
  EXPECT_EQ(aqi::to_table_unit(aqi::Pollutant::pm25, ConcentrationUnit::ug_m3, 75), 75.0);
  EXPECT_THROW_MSG(aqi::parse_unit("ppm"), aqi::UnknownName,
                   "unknown unit 'ppm'; expected ug/m3 (µg/m³) or mg/m3 (mg/m³)");
}

TEST(Units, CoAboveWhatInstrumentsReportIsRefused) {
  const std::vector<double> ok{0.3, 150.0}, bad{0.3, 300.0};
  aqi::check_plausible("CO", aqi::Indicator::co_1h, ok);  // 150: the table's top, still possible
  EXPECT_THROW_MSG(aqi::check_plausible("CO", aqi::Indicator::co_1h, bad), aqi::InvalidValue,
                   "CO[1]: CO 300 mg/m3 is above 150 mg/m3, which no instrument reports: the data are in another "
                   "unit (µg/m³?); convert them to mg/m3 or pass units={'CO': 'ug/m3'}");
  const std::vector<double> pm{5000.0};
  aqi::check_plausible("pm25_24h", aqi::Indicator::pm25_24h, pm);  // beyond scale (A4), not a unit mistake
}

TEST(RecordDates, IsoOnly) {
  const auto d = aqi::find_record_date("2015-12-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->day, boost::gregorian::date(2015, 12, 1));
  EXPECT_EQ(d->minute_of_day, 0);
  EXPECT_EQ(aqi::find_record_date("2015-12-01 13:00")->minute_of_day, 13 * 60);
  EXPECT_EQ(aqi::find_record_date("2015-12-01T13:30:00")->minute_of_day, 13 * 60 + 30);
  for (const char* bad : {"01/12/2015", "20151201", "2015-02-30", "2015-12-01 24:00", "2015-12-1", "2015/12/01"})
    EXPECT_FALSE(aqi::find_record_date(bad)) << bad;
  EXPECT_EQ(aqi::not_a_record_date("01/12/2015"),
            "'01/12/2015' is not a date in the form YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] (ISO 8601); write dates that "
            "way (day-first and month-first forms such as 01/12/2015 are ambiguous)");
}

// A text index is read as dates when its first value looks like one, in any form (then refused
// unless ISO); station codes and names are no dates.
TEST(RecordDates, WhatLooksLikeADate) {
  for (const char* d : {"2015-12-01", "01/12/2015", "2015.12.01", "20151201", "2015-12-01 13:00"})
    EXPECT_TRUE(aqi::looks_like_a_date(d)) << d;
  for (const char* n : {"1001A", "zibo", "淄博", "12", ""}) EXPECT_FALSE(aqi::looks_like_a_date(n)) << n;
}
