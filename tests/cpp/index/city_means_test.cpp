// A city's concentrations from its stations as HJ 663 defines them (aqi/index/city_means.hpp):
// the mean of the assessment stations, background stations (对照点) excluded, each station's
// statistic valid by GB 3095-2012 (SPEC A5). Expected values derived by hand from the real rows
// of tests/data/cnemc (README there) and from synthetic stations.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "aqi/error.hpp"
#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/city_means.hpp"
#include "test_support.hpp"

using aqi::Indicator;
using aqi::Period;
using boost::posix_time::ptime;
using boost::posix_time::time_from_string;

namespace {

const std::string dir = std::string(AQI_SOURCE_DIR) + "/tests/data/cnemc";

// 2022-01-06 01:00 … 2022-01-07 00:00: the natural day 2022-01-06 (hours 01:00–24:00).
aqi::StationHours january_6() {
  return aqi::read_station_files({dir + "/Archive/2022-01-06", dir + "/Archive/2022-01-07"});
}

std::size_t at(const std::vector<Indicator>& v, Indicator i) {
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), i) - v.begin());
}

// Synthetic stations: one value of `indicator` per hour label (NaN = the hour is absent).
struct Synthetic {
  std::vector<std::int64_t> seconds;
  std::vector<std::string> station, city;
  std::vector<std::uint8_t> background;
  std::vector<double> values;

  void add(const std::string& code, bool bg, ptime first, const std::vector<double>& hourly) {
    for (std::size_t k = 0; k < hourly.size(); ++k) {
      if (std::isnan(hourly[k])) continue;
      const ptime t = first + boost::posix_time::hours(static_cast<long>(k));
      seconds.push_back((t - ptime(boost::gregorian::date(1970, 1, 1))).total_seconds());
      station.push_back(code);
      city.push_back("测试市");
      background.push_back(bg);
      values.push_back(hourly[k]);
    }
  }
  aqi::StationHours read(Indicator indicator) const {
    aqi::StationColumns c;
    c.seconds = {seconds.data(), seconds.size()};
    c.station = &station;
    c.city = &city;
    c.background = {background.data(), background.size()};
    c.values.push_back({indicator, {values.data(), values.size()}});
    return aqi::station_hours(c);
  }
};

constexpr double missing = std::numeric_limits<double>::quiet_NaN();
const ptime day_start = time_from_string("2022-07-01 01:00:00");  // natural day 2022-07-01

}  // namespace

// HJ 663: the mean of the assessment stations; 1066A 离宫(对照点) is excluded. At 2022-01-06
// 01:00 Chengde's stations read PM2.5 76, 125, 97, 98 (and 96 at 1066A): (76+125+97+98)/4 = 99.
TEST(CityMeans, HourlyMeanExcludesBackgroundStations) {
  const auto m = aqi::city_means(january_6(), "承德市", Period::hourly, {1, {Indicator::pm25_1h}});
  EXPECT_EQ(m.assessment_stations, (std::vector<std::string>{"1062A", "1063A", "1064A", "1065A"}));
  EXPECT_EQ(m.background_stations, (std::vector<std::string>{"1066A"}));
  ASSERT_EQ(m.size(), 24u);
  EXPECT_EQ(m.times.front(), time_from_string("2022-01-06 01:00:00"));
  EXPECT_DOUBLE_EQ(m.values[0][0], 99);
  EXPECT_EQ(m.stations_used[0][0], 4u);
  // The city is matched with or without 市, as the station list writes it.
  EXPECT_DOUBLE_EQ(aqi::city_means(january_6(), "承德", Period::hourly, {1, {Indicator::pm25_1h}}).values[0][0], 99);
}

// Zibo (淄博市): PM2.5 at 22:00 114, 100, 122, 120 (1631A, 1633A, 1634A, 1635A) → 114; at 23:00
// 133, 101, 127, 187 → 137; at 24:00 also 3363A: 140, 103, 110, 173, 105 → 126.2. No station
// of the fixture's Zibo is a background station. A day of three hours has no daily value.
TEST(CityMeans, ZiboHours) {
  const auto h = january_6();
  const auto m = aqi::city_means(h, "淄博市", Period::hourly, {1, {Indicator::pm25_1h}});
  EXPECT_EQ(m.assessment_stations.size(), 5u);
  EXPECT_TRUE(m.background_stations.empty());
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m.times[0], time_from_string("2022-01-06 22:00:00"));
  EXPECT_DOUBLE_EQ(m.values[0][0], 114);
  EXPECT_DOUBLE_EQ(m.values[0][1], 137);
  EXPECT_DOUBLE_EQ(m.values[0][2], 126.2);
  EXPECT_EQ(m.stations_used[0][2], 5u);
  const auto d = aqi::city_means(h, "淄博", Period::daily);
  EXPECT_EQ(d.city, "淄博");
  for (const auto& v : d.values) EXPECT_TRUE(std::isnan(v[0]));
}

// The natural day from the stations' 1-hour values, each of the four with all 24 hours:
// PM2.5 sums 1648, 1871, 1585, 1816 → (1648+1871+1585+1816)/96 = 72.083…; PM10 10088/96;
// SO2 1323/96; NO2 5081/96; CO 167/96; O3 daily maximum 8-hour means 23.375, 29.25, 28.625,
// 22.625 → 25.96875; O3 daily maximum hour 47, 39, 47, 39 → 43. Each station's own mean agrees
// with the platform's published 24-hour value at 24:00 (69, 78, 66, 76 for PM2.5; its O3
// daily maxima 23, 29, 29, 23). Rated by HJ 633-2012: PM2.5 IAQI 97 = the city's AQI.
TEST(CityMeans, DailyFromHourlyStationValues) {
  const auto m = aqi::city_means(january_6(), "承德市", Period::daily);
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(m.dates[0], boost::gregorian::date(2022, 1, 6));
  EXPECT_EQ(m.indicators, aqi::hj633_2012().indicators(Period::daily));
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::pm25_24h)][0], 6920.0 / 96);
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::pm10_24h)][0], 10088.0 / 96);
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::so2_24h)][0], 1323.0 / 96);
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::no2_24h)][0], 5081.0 / 96);
  EXPECT_NEAR(m.values[at(m.indicators, Indicator::co_24h)][0], 167.0 / 96, 1e-12);
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::o3_8h)][0], 25.96875);
  EXPECT_DOUBLE_EQ(m.values[at(m.indicators, Indicator::o3_1h)][0], 43);
  aqi::Concentrations day;
  for (std::size_t k = 0; k < m.indicators.size(); ++k) day.set(m.indicators[k], m.values[k][0]);
  const auto r = aqi::air_quality_index(aqi::hj633_2012(), day, Period::daily);
  EXPECT_EQ(r.aqi, 97);
  EXPECT_EQ(r.primary.to_string(), "PM2.5");
}

// Tianjin: 1018A has 22 of the day's hours (valid, SPEC A5: ≥ 20), 1024A 23; the twelve
// stations read only at 24:00 have one hour each, not a valid day: the city's PM2.5 is the mean
// of eight station means, 1018A's being 1996/22.
TEST(CityMeans, DailyCountsOnlyValidStationDays) {
  const auto m = aqi::city_means(january_6(), "天津市", Period::daily, {1, {Indicator::pm25_24h}});
  EXPECT_EQ(m.assessment_stations.size(), 20u);
  EXPECT_EQ(m.background_stations, (std::vector<std::string>{"1027A"}));
  EXPECT_EQ(m.stations_used[0][0], 8u);
  // 1015A 2290/24, 1017A 2223/24, 1018A 1996/22, 1019A 2266/24, 1021A 2123/24, 1023A 1926/24,
  // 1024A 2489/23, 1026A 1788/24.
  const double expected =
      (2290.0 / 24 + 2223.0 / 24 + 1996.0 / 22 + 2266.0 / 24 + 2123.0 / 24 + 1926.0 / 24 + 2489.0 / 23 + 1788.0 / 24) /
      8;
  EXPECT_NEAR(m.values[0][0], expected, 1e-12);
  // A city value of at least nine stations: none that day.
  EXPECT_TRUE(
      std::isnan(aqi::city_means(january_6(), "天津市", Period::daily, {9, {Indicator::pm25_24h}}).values[0][0]));
}

// The published city day (aqistudy re-publishing the platform; tests/data/cnemc/published):
// Tianjin 2022-01-06 AQI 117, PM2.5 88, PM10 131, SO2 12, NO2 70, CO 1.3. The HJ 663 mean of
// the platform's own 24-hour station values at 24:00 over the 20 assessment stations gives
// 87.65, 131.4, 12.45, 70.25, 1.34 — each rounds to the published value. The published AQI is
// rated from the rounded values (µg/m³ integers, CO 0.1 mg/m³: round_inputs): PM2.5 88 → 117;
// from 87.65 as given (SPEC A6, libaqi's default) it would be 116.
TEST(CityMeans, PublishedTianjinDayFromStationDayValues) {
  const auto h = january_6();
  const ptime midnight = time_from_string("2022-01-07 00:00:00");
  const std::vector<Indicator> keys{Indicator::pm25_24h, Indicator::pm10_24h, Indicator::so2_24h, Indicator::no2_24h,
                                    Indicator::co_24h};
  std::vector<double> sum(keys.size(), 0);
  std::size_t n = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const auto& s = h.stations[h.station[i]];
    if (h.time[i] != midnight || s.city != "天津市" || s.background) continue;
    ++n;
    for (std::size_t k = 0; k < keys.size(); ++k) sum[k] += h.values[i][keys[k]];
  }
  ASSERT_EQ(n, 20u);
  const std::vector<double> published{88, 131, 12, 70, 1.3};
  aqi::Concentrations day;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const double mean = sum[k] / n;
    const double digits = keys[k] == Indicator::co_24h ? 10 : 1;
    EXPECT_EQ(std::round(mean * digits) / digits, published[k]) << aqi::key(keys[k]);
    day.set(keys[k], mean);
  }
  EXPECT_DOUBLE_EQ(sum[0] / n, 87.65);
  aqi::IaqiOptions rounded;
  rounded.round_inputs = true;
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), day, Period::daily, rounded).aqi, 117);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), day, Period::daily).aqi, 116);
}

// The hourly report's statistics at 24:00 are the natural day's: Chengde's trailing 24-hour
// PM2.5 mean then equals its daily mean; before 20 valid hours it has none (SPEC A5).
TEST(CityMeans, HourlyTrailingMeans) {
  const auto m = aqi::city_means(january_6(), "承德市", Period::hourly);
  EXPECT_EQ(m.indicators, aqi::hj633_2012().indicators(Period::hourly));
  const std::size_t pm25 = at(m.indicators, Indicator::pm25_24h), o3 = at(m.indicators, Indicator::o3_8h);
  EXPECT_DOUBLE_EQ(m.values[pm25].back(), 6920.0 / 96);
  // A trailing window that reaches before the first hour read is incomplete, not short of valid
  // hours: no value until a whole window lies in the data (moving_mean, SPEC A5).
  EXPECT_TRUE(std::isnan(m.values[pm25][22]));
  EXPECT_TRUE(std::isnan(m.values[o3][6]));
  EXPECT_FALSE(std::isnan(m.values[o3][7]));
}

// SPEC A5: a station-day needs 20 valid hours. Station A has 20 (mean of 20 × 10 = 10), B 19:
// B is left out, the city mean is A's; asking for two stations leaves the day without value.
TEST(CityMeans, TwentyHourRule) {
  Synthetic s;
  std::vector<double> a(24, 10), b(24, 30);
  for (std::size_t k = 0; k < 4; ++k) a[k] = missing;
  for (std::size_t k = 0; k < 5; ++k) b[k] = missing;
  s.add("A", false, day_start, a);
  s.add("B", false, day_start, b);
  s.add("BG", true, day_start, std::vector<double>(24, 500));  // 对照点: never averaged
  const auto data = s.read(Indicator::pm25_1h);
  const auto m = aqi::city_means(data, "测试市", Period::daily, {1, {Indicator::pm25_24h}});
  EXPECT_DOUBLE_EQ(m.values[0][0], 10);
  EXPECT_EQ(m.stations_used[0][0], 1u);
  EXPECT_TRUE(std::isnan(aqi::city_means(data, "测试市", Period::daily, {2, {Indicator::pm25_24h}}).values[0][0]));
}

// HJ 663: the O3 daily maximum 8-hour mean needs 14 of the 17 8-hour means ending 08:00–24:00
// (each with 6 valid hours, SPEC A5), or a maximum above the limit, 160. The day's first six
// hours missing: the means ending 08:00–11:00 have 2–5 hours, invalid; 13 remain → no value at
// 100, a value at 170. The first five missing: 14 remain → valid. The daily maximum hour needs
// 20 hours, like the day's means (18 and 19 here: none).
TEST(CityMeans, O3EightHourRule) {
  auto o3 = [](std::size_t absent, double v) {
    Synthetic s;
    std::vector<double> h(24, v);
    for (std::size_t k = 0; k < absent; ++k) h[k] = missing;
    s.add("A", false, day_start, h);
    return aqi::city_means(s.read(Indicator::o3_1h), "测试市", Period::daily,
                           {1, {Indicator::o3_8h, Indicator::o3_1h}});
  };
  EXPECT_TRUE(std::isnan(o3(6, 100).values[0][0]));
  EXPECT_DOUBLE_EQ(o3(6, 170).values[0][0], 170);
  EXPECT_DOUBLE_EQ(o3(5, 100).values[0][0], 100);
  EXPECT_TRUE(std::isnan(o3(5, 100).values[1][0]));
  EXPECT_DOUBLE_EQ(o3(4, 100).values[1][0], 100);
}

TEST(CityMeans, Refusals) {
  const auto h = january_6();
  EXPECT_THROW_MSG(aqi::city_means(h, "淄博市", Period::daily, {0, {}}), aqi::InvalidArgument,
                   "city_means: min_stations must be at least 1");
  EXPECT_THROW_MSG(aqi::city_means(h, "济南市", Period::daily), aqi::UnknownName,
                   "no station of city '济南市' in the data; its cities: 天津市, 承德市, 淄博市");
  EXPECT_THROW_MSG(aqi::city_means(h, "天津市", Period::daily, {1, {Indicator::pm25_1h}}), aqi::InvalidArgument,
                   "city_means: pm25_1h is a 1-hour value, not a daily statistic; ask for pm25_24h (its 24-hour mean)");
  Synthetic s;
  s.add("BG", true, day_start, std::vector<double>(24, 5));
  EXPECT_THROW_MSG(aqi::city_means(s.read(Indicator::pm25_1h), "测试市", Period::hourly), aqi::InvalidArgument,
                   "every station of city '测试市' in the data is a background station (对照点), which HJ 663 excludes "
                   "from the city mean");
  Synthetic span;
  span.add("A", false, time_from_string("2026-02-28 20:00:00"), std::vector<double>(12, 5));
  EXPECT_THROW_MSG(aqi::city_means(span.read(Indicator::pm25_1h), "测试市", Period::hourly), aqi::InvalidArgument,
                   "city_means: the hours span a change of AQI edition (hj633-2012 to hj633-2026), whose hourly "
                   "reports rate PM by different indicators; ask for the hours on each side separately, or name the "
                   "indicators");
}
