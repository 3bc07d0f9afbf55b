// Reading the national platform's station files (aqi/index/station_hours.hpp), both forms, on
// real rows (tests/data/cnemc, README there: HeQinWill/CNEMC and zkzkok/mydata), and every
// refusal with its exact message.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "aqi/error.hpp"
#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/station_hours.hpp"
#include "test_support.hpp"

using aqi::Indicator;
using boost::posix_time::ptime;
using boost::posix_time::time_from_string;

namespace {

const std::string dir = std::string(AQI_SOURCE_DIR) + "/tests/data/cnemc";
const std::string hourly_header =
    "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,"
    "o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n";

aqi::StationList fixture_list() { return aqi::read_station_list(dir + "/站点列表-2022.02.13起.csv"); }

// The row of `code` at `time`, or -1.
long row_of(const aqi::StationHours& h, const std::string& code, const std::string& time) {
  const ptime t = time_from_string(time);
  for (std::size_t i = 0; i < h.size(); ++i)
    if (h.stations[h.station[i]].code == code && h.time[i] == t) return static_cast<long>(i);
  return -1;
}

double value(const aqi::StationHours& h, const std::string& code, const std::string& time, Indicator i) {
  const long r = row_of(h, code, time);
  EXPECT_GE(r, 0) << code << " " << time;
  return r < 0 ? -1 : h.values[static_cast<std::size_t>(r)][i];
}

}  // namespace

// 2022-01-06 01:00 … 2022-01-07 00:00 for Tianjin and Chengde (+ the other Tianjin stations at
// 00:00, Zibo at 22:00–00:00): 14 stations × 23 hours, less three station-hours the archive
// lacks (T14: 1018A, 1027A; T15: 1018A), 4 Zibo rows at 22:00 and 23:00, 31 rows at 00:00. T03 holds every row twice,
// as the archive file does: read once.
TEST(StationHours, ReadsTheArchiveFolders) {
  const auto h = aqi::read_station_files({dir + "/Archive/2022-01-06", dir + "/Archive/2022-01-07"});
  EXPECT_EQ(h.size(), 14u * 23 - 3 + 8 + 31);
  EXPECT_EQ(h.stations.size(), 31u);
  EXPECT_EQ(h.files.size(), 24u);
  EXPECT_EQ(value(h, "1631A", "2022-01-06 22:00:00", Indicator::pm25_1h), 114);
  EXPECT_EQ(row_of(h, "1018A", "2022-01-06 14:00:00"), -1);
  // Sorted by station, then time.
  for (std::size_t i = 1; i < h.size(); ++i)
    EXPECT_TRUE(h.station[i - 1] < h.station[i] || (h.station[i - 1] == h.station[i] && h.time[i - 1] < h.time[i]));
  // 2022-01-06T01.csv, 1015A: …,aqi 98,pm10 123,pm10_24h 82,pm2_5 73,pm2_5_24h 44,o3 38,o3_24h 3,o3_8h 3,
  // o3_8h_24h 3,no2 76,no2_24h 58,so2 11,so2_24h 14,co 1.3,co_24h 1.1. This archive swaps the O3
  // columns (its README): o3_24h is the hour's value, o3 the 24-hour maximum.
  const long r = row_of(h, "1015A", "2022-01-06 01:00:00");
  ASSERT_GE(r, 0);
  const auto& v = h.values[static_cast<std::size_t>(r)];
  EXPECT_EQ(v[Indicator::pm10_1h], 123);
  EXPECT_EQ(v[Indicator::pm10_24h], 82);
  EXPECT_EQ(v[Indicator::pm25_1h], 73);
  EXPECT_EQ(v[Indicator::pm25_24h], 44);
  EXPECT_EQ(v[Indicator::o3_1h], 3);
  EXPECT_EQ(v[Indicator::no2_1h], 76);
  EXPECT_EQ(v[Indicator::so2_24h], 14);
  EXPECT_DOUBLE_EQ(v[Indicator::co_1h], 1.3);
  EXPECT_EQ(h.aqi[static_cast<std::size_t>(r)], 98);
  EXPECT_EQ(h.primary[static_cast<std::size_t>(r)], "细颗粒物(PM2.5)");
  // The platform's 8-hour column restarts at midnight: at 01:00 it is one hour, not an 8-hour
  // mean (SPEC A5), so it is not read; from 08:00 it is.
  EXPECT_TRUE(std::isnan(v[Indicator::o3_8h]));
  EXPECT_FALSE(std::isnan(value(h, "1015A", "2022-01-06 08:00:00", Indicator::o3_8h)));
  EXPECT_FALSE(std::isnan(value(h, "1015A", "2022-01-07 00:00:00", Indicator::o3_8h)));
  // Cities as the platform writes them; the background station by its name.
  const auto& s = h.stations[h.station[static_cast<std::size_t>(row_of(h, "1066A", "2022-01-06 01:00:00"))]];
  EXPECT_EQ(s.city, "承德市");
  EXPECT_EQ(s.name, "离宫(对照点)");
  EXPECT_TRUE(s.background);
}

// Missing cells are missing, never zero: 1002A at 2022-01-01 00:00 reported no hour values.
TEST(StationHours, EmptyCellsAreMissing) {
  const auto h = aqi::read_station_files({dir + "/Archive/2022-01-01/2022-01-01T00.csv"});
  EXPECT_EQ(h.size(), 32u);
  EXPECT_TRUE(std::isnan(value(h, "1002A", "2022-01-01 00:00:00", Indicator::pm10_1h)));
  EXPECT_EQ(value(h, "1002A", "2022-01-01 00:00:00", Indicator::pm10_24h), 29);
  EXPECT_TRUE(std::isnan(h.aqi[static_cast<std::size_t>(row_of(h, "1002A", "2022-01-01 00:00:00"))]));
  // 1132A: a row of empty cells is a row of missing values.
  const long empty = row_of(h, "1132A", "2022-01-01 00:00:00");
  for (Indicator i : aqi::all_indicators) EXPECT_TRUE(std::isnan(h.values[static_cast<std::size_t>(empty)][i]));
}

// The wide daily form: the same hours re-laid as china_sites_20220106.csv (README) read with
// the station list give exactly the per-hour files' values; read together, every station-hour
// agrees and is kept once.
TEST(StationHours, WideFormEqualsPerHourForm) {
  const auto list = fixture_list();
  const auto per_hour = aqi::read_station_files({dir + "/Archive/2022-01-06"});
  const auto wide = aqi::read_station_files({dir + "/relaid/china_sites_20220106.csv"}, &list);
  ASSERT_EQ(wide.size(), per_hour.size());
  for (std::size_t i = 0; i < wide.size(); ++i) {
    EXPECT_EQ(wide.time[i], per_hour.time[i]);
    EXPECT_EQ(wide.stations[wide.station[i]].code, per_hour.stations[per_hour.station[i]].code);
    for (Indicator k : aqi::all_indicators) {
      const double a = wide.values[i][k], b = per_hour.values[i][k];
      EXPECT_TRUE((std::isnan(a) && std::isnan(b)) || a == b) << i << " " << aqi::key(k);
    }
    EXPECT_TRUE((std::isnan(wide.aqi[i]) && std::isnan(per_hour.aqi[i])) || wide.aqi[i] == per_hour.aqi[i]);
  }
  EXPECT_EQ(wide.stations[wide.station[0]].city, "天津");  // the list's spelling
  const auto both = aqi::read_station_files({dir + "/Archive/2022-01-06", dir + "/relaid"}, &list);
  EXPECT_EQ(both.size(), per_hour.size());
  EXPECT_EQ(both.primary[0], per_hour.primary[0]);  // the wide form has none: the per-hour text is kept
}

// A real wide file's first row (zkzkok/mydata, china_sites_20220101.csv, truncated to Beijing's
// columns) publishes the same AQI as the per-hour archive's 2022-01-01T00.csv.
TEST(StationHours, RealWideFileAgreesWithPerHourArchive) {
  const auto list = fixture_list();
  const aqi::StationFilter beijing{{"北京市"}};
  const auto h =
      aqi::read_station_files({dir + "/china_sites_20220101.csv", dir + "/Archive/2022-01-01"}, &list, beijing);
  EXPECT_EQ(h.stations.size(), 12u);
  EXPECT_EQ(h.size(), 12u);
  EXPECT_EQ(h.aqi[static_cast<std::size_t>(row_of(h, "1001A", "2022-01-01 00:00:00"))], 59);
  EXPECT_TRUE(h.stations[h.station[static_cast<std::size_t>(row_of(h, "1002A", "2022-01-01 00:00:00"))]].background);
}

// The platform's published hourly AQI, recomputed from each station's 1-hour concentrations
// with HJ 633-2012 (in force in 2022): the platform rates the 1-hour PM10 and PM2.5 values on
// the 24-hour breakpoints (HJ 633-2012 has no 1-hour PM breakpoints), SO2, NO2, CO and O3 on
// their 1-hour breakpoints, and O3's 8-hour mean. Every published value of the fixtures (379
// station-hours) agrees, 1631A at 2022-01-06 22:00 among them: published (149) without its
// NO2 hour, from the other five. The platform publishes no AQI for 11: 10 lack a 1-hour value
// of one of the six pollutants, and 1062A at 2022-01-06 18:00 has all six (its AQI would be
// 97) — withheld for a reason the file does not give.
TEST(StationHours, PublishedHourlyAqiIsRecomputed) {
  const auto h = aqi::read_station_files({dir + "/Archive"});
  std::size_t agree = 0, withheld = 0, withheld_complete = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const auto& v = h.values[i];
    aqi::Concentrations rec;
    rec.set(Indicator::pm10_24h, v[Indicator::pm10_1h])
        .set(Indicator::pm25_24h, v[Indicator::pm25_1h])
        .set(Indicator::so2_1h, v[Indicator::so2_1h])
        .set(Indicator::no2_1h, v[Indicator::no2_1h])
        .set(Indicator::co_1h, v[Indicator::co_1h])
        .set(Indicator::o3_1h, v[Indicator::o3_1h])
        .set(Indicator::o3_8h, v[Indicator::o3_8h]);
    if (std::isnan(h.aqi[i])) {
      ++withheld;
      bool complete = true;
      for (Indicator k : {Indicator::pm10_1h, Indicator::pm25_1h, Indicator::so2_1h, Indicator::no2_1h,
                          Indicator::co_1h, Indicator::o3_1h})
        complete = complete && !std::isnan(v[k]);
      if (complete) {
        ++withheld_complete;
        EXPECT_EQ(h.stations[h.station[i]].code, "1062A");
        EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), rec, aqi::Period::hourly).aqi, 97);
      }
      continue;
    }
    const auto r = aqi::air_quality_index(aqi::hj633_2012(), rec, aqi::Period::hourly);
    EXPECT_EQ(r.aqi, h.aqi[i]) << h.stations[h.station[i]].code << " "
                               << boost::posix_time::to_simple_string(h.time[i]);
    agree += r.aqi == h.aqi[i];
  }
  EXPECT_EQ(agree, 379u);
  EXPECT_EQ(withheld, 11u);
  EXPECT_EQ(withheld_complete, 1u);
}

// Rated by libaqi's own hourly set for 2012 (PM by its trailing 24-hour mean), the same rows
// would agree 3 times in 379: the platform does not rate PM that way.
TEST(StationHours, PublishedHourlyAqiIsNotTheTwentyFourHourPm) {
  const auto h = aqi::read_station_files({dir + "/Archive"});
  std::size_t agree = 0, published = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (std::isnan(h.aqi[i])) continue;
    ++published;
    const auto& v = h.values[i];
    aqi::Concentrations rec;
    for (Indicator k : aqi::hj633_2012().indicators(aqi::Period::hourly)) rec.set(k, v[k]);
    agree += aqi::air_quality_index(aqi::hj633_2012(), rec, aqi::Period::hourly).aqi == h.aqi[i];
  }
  EXPECT_EQ(published, 379u);
  EXPECT_EQ(agree, 3u);
}

// ---- Refusals -----------------------------------------------------------------------------

TEST(StationHours, PerHourRefusals) {
  const std::string row =
      "1015A,117.1444,39.1661,天津市,勤俭道,细颗粒物(PM2.5),98,123,82,73,44,38,3,3,3,76,58,11,14,1.3,1.1\n";
  const std::string t03 = "2022-01-06T03:00:00," + row;
  EXPECT_THROW_MSG(aqi::parse_station_file(hourly_header + "2022-01-06T04:00:00," + row, "2022-01-06T03.csv"),
                   aqi::ParseError,
                   "2022-01-06T03.csv:2:1: column 'timepoint': 2022-01-06 04:00 is not the file's hour 2022-01-06 "
                   "03:00 (from its name)");
  EXPECT_THROW_MSG(aqi::parse_station_file(hourly_header + "2022-01-06T03:30:00," + row, "x.csv"), aqi::ParseError,
                   "x.csv:2:1: column 'timepoint': '2022-01-06T03:30:00' is not an hour (YYYY-MM-DDTHH:00:00)");
  EXPECT_THROW_MSG(
      aqi::parse_station_file(hourly_header + "2022-01-06T03:00:00,1015A,117.1,39.1,天津市,勤俭道,,98,12x,82,73,44,38,"
                                              "3,3,3,76,58,11,14,1.3,1.1\n",
                              "2022-01-06T03.csv"),
      aqi::ParseError, "2022-01-06T03.csv:2:9: column 'pm10': '12x' is not a number");
  EXPECT_THROW_MSG(
      aqi::parse_station_file(hourly_header + "2022-01-06T03:00:00,1015A,117.1,39.1,天津市,勤俭道,,98,-5,82,73,44,38,"
                                              "3,3,3,76,58,11,14,1.3,1.1\n",
                              "2022-01-06T03.csv"),
      aqi::ParseError, "2022-01-06T03.csv:2:9: column 'pm10': negative value -5 (SPEC A4)");
  // o3 (the 24-hour maximum here) below o3_24h (the hour's value): not this archive's layout.
  EXPECT_THROW_MSG(
      aqi::parse_station_file(hourly_header + "2022-01-06T03:00:00,1015A,117.1,39.1,天津市,勤俭道,,98,123,82,73,44,3,"
                                              "38,3,3,76,58,11,14,1.3,1.1\n",
                              "2022-01-06T03.csv"),
      aqi::ParseError,
      "2022-01-06T03.csv:2:13: column 'o3': 3 is below o3_24h 38, of which it is the maximum (the HeQinWill/CNEMC "
      "layout, where o3/o3_24h and o3_8h/o3_8h_24h are swapped)");
  EXPECT_THROW_MSG(aqi::parse_station_file("timepoint,stationcode,pm25\n", "2022-01-06T03.csv"), aqi::ParseError,
                   "2022-01-06T03.csv:1:3: unknown column 'pm25'; the platform's per-hour files have: timepoint, "
                   "stationcode, longitude, latitude, area, positionname, primarypollutant, aqi, pm10, pm10_24h, "
                   "pm2_5, pm2_5_24h, o3, o3_24h, o3_8h, o3_8h_24h, no2, no2_24h, so2, so2_24h, co, co_24h");
  EXPECT_THROW_MSG(
      aqi::parse_station_file(hourly_header + "2022-01-06T03:00:00,,117.1,39.1,天津市,勤俭道,,98,123,82,73,"
                                              "44,38,3,3,3,76,58,11,14,1.3,1.1\n",
                              "2022-01-06T03.csv"),
      aqi::ParseError, "2022-01-06T03.csv:2:2: column 'stationcode': a station code is required");
  EXPECT_THROW_MSG(aqi::parse_station_file(hourly_header + "2022-01-06T03:00:00,1015A,117.1,39.1,,勤俭道,,98,123,82,73,"
                                                           "44,38,3,3,3,76,58,11,14,1.3,1.1\n",
                                           "2022-01-06T03.csv"),
                   aqi::ParseError, "2022-01-06T03.csv:2:5: column 'area': the city (area) is required");
  // A station named a background station (对照点) in one hour but not in another.
  EXPECT_THROW_MSG(aqi::parse_station_file(hourly_header + t03 +
                                               "2022-01-06T03:00:00,1017A,117.2,39.1,天津市,x(对照点),,,,,,,,,,,,,,,,\n"
                                               "2022-01-06T03:00:00,1017A,117.2,39.1,天津市,x,,,,,,,,,,,,,,,,\n",
                                           "2022-01-06T03.csv"),
                   aqi::ParseError,
                   "2022-01-06T03.csv:4: station 1017A is an assessment station here but a background "
                   "station (对照点) before");
  // The same station-hour twice with different values (identical rows are read once).
  EXPECT_EQ(aqi::parse_station_file(hourly_header + t03 + t03, "2022-01-06T03.csv").size(), 1u);
  EXPECT_THROW_MSG(
      aqi::parse_station_file(hourly_header + t03 +
                                  "2022-01-06T03:00:00,1015A,117.1444,39.1661,天津市,勤俭道,细颗粒物(PM2.5),98,123,82,"
                                  "74,44,38,3,3,3,76,58,11,14,1.3,1.1\n",
                              "2022-01-06T03.csv"),
      aqi::ParseError,
      "2022-01-06T03.csv:3: station 1015A at 2022-01-06 03:00 is also read at 2022-01-06T03.csv:2 with different "
      "values: pm25_1h 74 here, 73 there");
  // With a list, every station must be in it.
  aqi::StationList list;
  list.file = "list.csv";
  EXPECT_THROW_MSG(aqi::parse_station_file(hourly_header + t03, "2022-01-06T03.csv", &list), aqi::ParseError,
                   "2022-01-06T03.csv:2:2: column 'stationcode': station 1015A is not in the station list list.csv");
  EXPECT_THROW_MSG(aqi::parse_station_file("监测点编码,监测点名称,城市,经度,纬度,对照点\n", "list.csv"),
                   aqi::ParseError,
                   "list.csv:1: this is a station list, not a station file: pass it as the station list");
  EXPECT_THROW_MSG(aqi::parse_station_file("time,station,pm25\n", "a.csv"), aqi::ParseError,
                   "a.csv:1: not a station file of the national platform: expected a header starting "
                   "'timepoint,stationcode,' (one file per hour) or 'date,hour,type,' (china_sites_YYYYMMDD.csv)");
}

TEST(StationHours, WideRefusals) {
  const auto list = fixture_list();
  const std::string head = "date,hour,type,1062A,1063A\n";
  EXPECT_THROW_MSG(aqi::parse_station_file(head + "20220106,1,PM2.5,76,125\n", "china_sites_20220106.csv"),
                   aqi::ParseError,
                   "china_sites_20220106.csv:1: the wide daily form names stations by code only: pass the platform's "
                   "station list (the archives' 站点列表-YYYY.MM.DD起.csv: 监测点编码, 监测点名称, 城市, 经度, 纬度, "
                   "对照点) to map codes to cities");
  EXPECT_THROW_MSG(
      aqi::parse_station_file("date,hour,type,9999A\n20220106,1,PM2.5,76\n", "china_sites_20220106.csv", &list),
      aqi::ParseError,
      "china_sites_20220106.csv:1:4: station 9999A is not in the station list " + dir + "/站点列表-2022.02.13起.csv");
  EXPECT_THROW_MSG(
      aqi::parse_station_file(head + "20220107,1,PM2.5,76,125\n", "china_sites_20220106.csv", &list), aqi::ParseError,
      "china_sites_20220106.csv:2:1: column 'date': 2022-01-07 is not the file's day 2022-01-06 (from its name)");
  EXPECT_THROW_MSG(aqi::parse_station_file(head + "20220106,24,PM2.5,76,125\n", "china_sites_20220106.csv", &list),
                   aqi::ParseError, "china_sites_20220106.csv:2:2: column 'hour': hour 24 is not 0–23");
  EXPECT_THROW_MSG(aqi::parse_station_file(head + "20220106,1,PM25,76,125\n", "china_sites_20220106.csv", &list),
                   aqi::ParseError,
                   "china_sites_20220106.csv:2:3: column 'type': unknown type 'PM25'; expected AQI, PM2.5, PM2.5_24h, "
                   "PM10, PM10_24h, SO2, SO2_24h, NO2, NO2_24h, O3, O3_24h, O3_8h, O3_8h_24h, CO, CO_24h");
  EXPECT_THROW_MSG(aqi::parse_station_file(head + "20220106,1,PM2.5,76,125\n20220106,1,PM2.5,76,125\n",
                                           "china_sites_20220106.csv", &list),
                   aqi::ParseError,
                   "china_sites_20220106.csv:3:3: column 'type': hour 1 has a PM2.5 row already (line 2)");
  EXPECT_THROW_MSG(aqi::parse_station_file(head + "20220106,1,PM2.5,76,—x\n", "china_sites_20220106.csv", &list),
                   aqi::ParseError, "china_sites_20220106.csv:2:5: column '1063A': '—x' is not a number");
  // O3 (the hour) above O3_24h (its maximum): not this layout.
  EXPECT_THROW_MSG(
      aqi::parse_station_file(head + "20220106,1,O3,50,\n20220106,1,O3_24h,40,\n", "china_sites_20220106.csv", &list),
      aqi::ParseError,
      "china_sites_20220106.csv:3:4: column '1062A': 40 is below O3 50, of which it is the maximum (the china_sites "
      "layout, where O3 is the 1-hour value)");
  // Real files name 1961A and 1966A twice; the two columns must agree.
  const std::string twice = "date,hour,type,1062A,1063A,1062A\n";
  EXPECT_EQ(aqi::parse_station_file(twice + "20220106,1,PM2.5,76,125,76\n", "china_sites_20220106.csv", &list).size(),
            2u);
  EXPECT_THROW_MSG(aqi::parse_station_file(twice + "20220106,1,PM2.5,76,125,77\n", "china_sites_20220106.csv", &list),
                   aqi::ParseError,
                   "china_sites_20220106.csv:2:6: column '1062A#6': station 1062A is named twice in the header "
                   "(columns 4 and 6) with different values: 76 and 77");
  // Dashes are missing: a station with no value in an hour has no row.
  EXPECT_EQ(aqi::parse_station_file(head + "20220106,1,PM2.5,—,125\n", "china_sites_20220106.csv", &list).size(), 1u);
}

TEST(StationHours, FileRefusals) {
  namespace fs = std::filesystem;
  const fs::path tmp = fs::temp_directory_path() / "aqi_station_hours_test";
  fs::remove_all(tmp);
  fs::create_directories(tmp / "empty");
  EXPECT_THROW_MSG(aqi::read_station_files({(tmp / "empty").string()}), aqi::FileNotFound,
                   (tmp / "empty").string() + "/*.csv: no such file or it cannot be read");
  EXPECT_THROW_MSG(aqi::read_station_files({}), aqi::InvalidArgument, "read_station_files: no file or folder given");
  // One station in two cities across files.
  std::ofstream(tmp / "2022-01-06T03.csv")
      << hourly_header << "2022-01-06T03:00:00,1015A,117.1,39.1,天津市,勤俭道,,,,,,,,,,,,,,,,\n";
  std::ofstream(tmp / "2022-01-06T04.csv")
      << hourly_header << "2022-01-06T04:00:00,1015A,117.1,39.1,北京市,勤俭道,,,,,,,,,,,,,,,,\n";
  EXPECT_THROW_MSG(
      aqi::read_station_files({tmp.string()}), aqi::ParseError,
      (tmp / "2022-01-06T04.csv").string() + ":2: station 1015A is in city '北京市' here but in '天津市' before");
  fs::remove_all(tmp);
}

TEST(StationHours, FromColumns) {
  const std::vector<std::int64_t> seconds{1641430800, 1641434400, std::numeric_limits<std::int64_t>::min()};
  const std::vector<std::string> station{"A", "A", "A"}, city{"淄博市", "淄博市", "淄博市"};
  const std::vector<std::uint8_t> background{0, 0, 0};
  const std::vector<double> pm25{10, 20, 30};
  aqi::StationColumns c;
  c.seconds = {seconds.data(), 2};
  c.station = &station;
  c.city = &city;
  c.background = {background.data(), 2};
  const std::vector<std::string> s2{"A", "A"}, c2{"淄博市", "淄博市"};
  c.station = &s2;
  c.city = &c2;
  c.values.push_back({Indicator::pm25_1h, {pm25.data(), 2}});
  const auto h = aqi::station_hours(c);
  EXPECT_EQ(h.size(), 2u);
  EXPECT_EQ(h.time[0], time_from_string("2022-01-06 01:00:00"));
  c.seconds = {seconds.data(), 3};
  c.station = &station;
  c.city = &city;
  c.background = {background.data(), 3};
  c.values[0].values = {pm25.data(), 3};
  EXPECT_THROW_MSG(aqi::station_hours(c), aqi::ParseError, "<DataFrame>:4: column 'time': the time is missing (NaT)");
  const std::vector<double> negative{10, -1, 30};
  c.values[0].values = {negative.data(), 3};
  EXPECT_THROW_MSG(aqi::station_hours(c), aqi::ParseError,
                   "<DataFrame>:3: column 'pm25_1h': negative value -1 (SPEC A4)");
}
