// scenario.toml's observations from the national platform's station files (issue 16 item 5):
// observations = { cnemc = "dir/", city = "淄博市", stations = "list.csv", min_stations = 1 },
// the city's daily means as HJ 663 defines them (aqi/index/city_means.hpp); the file form
// observations = "file.csv" is unchanged (bad_input_test.cpp, the scenarios' own tests).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "aqi/error.hpp"
#include "aqi/scenario.hpp"
#include "test_support.hpp"

namespace {

const std::string data = std::string(AQI_SOURCE_DIR) + "/tests/data/cnemc";

std::string scenario(const std::string& observations) {
  static int made = 0;
  const std::string dir =
      ::testing::TempDir() + "aqi_scenario_cnemc_" + std::to_string(::getpid()) + "_" + std::to_string(made++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/scenario.toml") << "name = \"t\"\nrules = \"yiyuan-2019\"\n"
                                           "season = { start = 2022-01-05, end = 2022-01-07 }\n"
                                        << observations << "\nforecasts = \"perfect\"\n";
  return dir;
}

}  // namespace

// Chengde's natural day 2022-01-06 from its four assessment stations (city_means_test.cpp:
// PM2.5 6920/96 = 72.08 → IAQI 97 under HJ 633-2012); the days around it have no value. The
// folder also holds 2022-01-01 00:00, the last hour of the natural day 2021-12-31.
TEST(Scenario, ObservationsFromStationFiles) {
  const auto s = aqi::load_scenario(scenario("observations = { cnemc = \"" + data + "/Archive\", city = \"承德市\" }"));
  ASSERT_EQ(s.observations.size(), 7u);
  EXPECT_EQ(s.observations.dates.front(), boost::gregorian::date(2021, 12, 31));
  EXPECT_EQ(s.observations.dates.back(), boost::gregorian::date(2022, 1, 6));
  ASSERT_EQ(s.observed_aqi.size(), 3u);
  EXPECT_TRUE(std::isnan(s.observed_aqi[0]));
  EXPECT_EQ(s.observed_aqi[1], 97);
  EXPECT_TRUE(std::isnan(s.observed_aqi[2]));
}

// The wide form through the station list; min_stations is HJ 663's station count, here 8 of
// Tianjin's 8 stations with 23 hours that day (the re-laid file holds 01:00–23:00).
TEST(Scenario, ObservationsFromWideFilesWithTheStationList) {
  const std::string tianjin = "observations = { cnemc = \"" + data + "/relaid\", city = \"天津\", stations = \"" +
                              data + "/站点列表-2022.02.13起.csv\"";
  auto s = aqi::load_scenario(scenario(tianjin + ", min_stations = 8 }"));
  EXPECT_FALSE(std::isnan(s.observed_aqi[1]));
  s = aqi::load_scenario(scenario(tianjin + ", min_stations = 9 }"));
  EXPECT_TRUE(std::isnan(s.observed_aqi[1]));
}

TEST(Scenario, ObservationsFromStationFilesRefusals) {
  const std::string prefix = "observations = { cnemc = \"" + data + "/Archive\", city = ";
  std::string d = scenario(prefix + "\"济南市\" }");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:4:" + std::to_string(prefix.size() + 1) + ": no station of city '济南市' in " +
                       data +
                       "/Archive (the per-hour files write cities as 淄博市, the station lists as 淄博; either "
                       "matches)");
  d = scenario(prefix + "\"承德市\", town = \"承德市\" }");
  // toml++ counts columns in characters: 承德市 is three.
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:4:" + std::to_string(prefix.size() + 8) + ": unknown key 'town'");
  d = scenario(prefix + "\"承德市\", min_stations = 0 }");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:4:" + std::to_string(prefix.size() + 23) + ": min_stations must be 1–1000");
  d = scenario("observations = { cnemc = \"" + data + "/relaid\", city = \"天津\" }");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   data +
                       "/relaid/china_sites_20220106.csv:1: the wide daily form names stations by code only: pass the "
                       "platform's station list (the archives' 站点列表-YYYY.MM.DD起.csv: 监测点编码, 监测点名称, "
                       "城市, 经度, 纬度, 对照点) to map codes to cities");
  d = scenario("observations = { city = \"天津\" }");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:4:16: missing key 'cnemc'");
  d = scenario("observations = { cnemc = \"" + data + "/Archive/2022-01-06\", city = \"承德市\", stations = \"" + data +
               "/站点列表-2022.02.13起.csv\" }");
  EXPECT_FALSE(std::isnan(aqi::load_scenario(d).observed_aqi[1]));
}
