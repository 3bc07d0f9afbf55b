// The national platform's station list (aqi/index/station_list.hpp): codes → name, city and the
// 对照点 flag that HJ 663 uses to exclude a station from its city's mean.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "aqi/error.hpp"
#include "aqi/index/station_list.hpp"
#include "test_support.hpp"

namespace {
const std::string header = "监测点编码,监测点名称,城市,经度,纬度,对照点\n";
}  // namespace

// The fixture is rows of the real list (zkzkok/mydata, 站点列表-2022.02.13起.csv).
TEST(StationList, ReadsTheArchivesList) {
  const auto list = aqi::read_station_list(std::string(AQI_SOURCE_DIR) + "/tests/data/cnemc/站点列表-2022.02.13起.csv");
  EXPECT_EQ(list.size(), 53u);
  const aqi::Station* zibo = list.find("1631A");
  ASSERT_NE(zibo, nullptr);
  EXPECT_EQ(zibo->name, "人民公园");
  EXPECT_EQ(zibo->city, "淄博");
  EXPECT_FALSE(zibo->background);
  EXPECT_DOUBLE_EQ(zibo->longitude, 118.0414);
  // 对照点 Y: a background station, and a stopped one (停运) whose coordinates are '-'.
  EXPECT_TRUE(list.find("1066A")->background);
  EXPECT_TRUE(list.find("1013A")->background);
  EXPECT_TRUE(std::isnan(list.find("1013A")->latitude));
  EXPECT_EQ(list.find("9999A"), nullptr);
}

TEST(StationList, PrefectureColumnIsTheCity) {
  const auto list = aqi::parse_station_list(
      "监测点编码,监测点名称,城市,经度,纬度,对照点,省级行政区,地级行政区\n1631A,人民公园,淄博,118.0414,36.8103,N,"
      "山东省,淄博市\n",
      "list.csv");
  EXPECT_EQ(list.find("1631A")->city, "淄博市");
}

TEST(StationList, SameCityModuloTrailingShi) {
  EXPECT_TRUE(aqi::same_city("淄博市", "淄博"));
  EXPECT_TRUE(aqi::same_city("淄博", "淄博市"));
  EXPECT_TRUE(aqi::same_city("天津市", "天津市"));
  EXPECT_FALSE(aqi::same_city("淄博市", "济南市"));
  EXPECT_FALSE(aqi::same_city("", ""));
  EXPECT_FALSE(aqi::same_city("市", ""));
}

TEST(StationList, Refusals) {
  EXPECT_THROW_MSG(aqi::parse_station_list(header + "1631A,人民公园,淄博,118.0,36.8,是\n", "l.csv"), aqi::ParseError,
                   "l.csv:2:6: column '对照点': '是' is not Y or N (Y: not an assessment station of its city)");
  EXPECT_THROW_MSG(aqi::parse_station_list(header + "1631A,人民公园,淄博,,,N\n1631A,人民公园,淄博,,,N\n", "l.csv"),
                   aqi::ParseError, "l.csv:3:1: column '监测点编码': station 1631A is listed twice");
  EXPECT_THROW_MSG(aqi::parse_station_list(header + ",人民公园,淄博,,,N\n", "l.csv"), aqi::ParseError,
                   "l.csv:2:1: column '监测点编码': a station code is required");
  EXPECT_THROW_MSG(aqi::parse_station_list(header + "1631A,人民公园,,,,N\n", "l.csv"), aqi::ParseError,
                   "l.csv:2:3: column '城市': a city is required");
  EXPECT_THROW_MSG(aqi::parse_station_list(header + "1631A,人民公园,淄博,east,36.8,N\n", "l.csv"), aqi::ParseError,
                   "l.csv:2:4: column '经度': 'east' is not a number");
  EXPECT_THROW_MSG(
      aqi::parse_station_list("监测点编码,名称\n", "l.csv"), aqi::ParseError,
      "l.csv:1:2: unknown column '名称'; a station list has 监测点编码, 监测点名称, 城市, 经度, 纬度, 对照点 "
      "(and optionally 省级行政区, 地级行政区)");
  // 淄博 in GBK: the archives' lists often are.
  EXPECT_THROW_MSG(
      aqi::parse_station_list(header + "1631A,x,\xD7\xCD\xB2\xA9,,,N\n", "l.csv"), aqi::ParseError,
      "l.csv:2:3: column '城市': the text is not UTF-8 (the archives' station lists are often GBK: convert the file "
      "with `iconv -f GBK -t UTF-8`)");
  EXPECT_THROW(aqi::read_station_list("/nonexistent/list.csv"), aqi::FileNotFound);
}
