// parse_station_file (the national platform's per-hour and wide daily files, docs/cnemc.md) with the
// fixture's station list, then the HJ 663 city means of every city read, daily and hourly. The
// first byte picks the file name (the hour or day is taken from a well-formed name, else from the
// first row). Invariants: rows sorted by station and time, each station-hour once, values NaN or
// ≥ 0; city values NaN or ≥ 0, averaging no more stations than the city's assessment stations.
#include <set>

#include "aqi/index/city_means.hpp"
#include "aqi/index/station_hours.hpp"
#include "fuzzer-common.h"

namespace {

const aqi::StationList& fixture_list() {
  static const aqi::StationList list = aqi::parse_station_list(
      aqi_fuzz::source_file("tests/data/cnemc/站点列表-2022.02.13起.csv"), "站点列表-2022.02.13起.csv");
  return list;
}

void check_hours(const aqi::StationHours& h) {
  for (std::size_t i = 0; i < h.size(); ++i) {
    AQI_FUZZ_CHECK(h.station[i] < h.stations.size());
    if (i > 0)
      AQI_FUZZ_CHECK(h.station[i - 1] < h.station[i] ||
                     (h.station[i - 1] == h.station[i] && h.time[i - 1] < h.time[i]));
    for (aqi::Indicator k : aqi::all_indicators) AQI_FUZZ_CHECK(std::isnan(h.values[i][k]) || h.values[i][k] >= 0);
    AQI_FUZZ_CHECK(std::isnan(h.aqi[i]) || h.aqi[i] >= 0);
  }
}

void check_city(const aqi::CityMeans& m) {
  for (std::size_t k = 0; k < m.values.size(); ++k)
    for (std::size_t t = 0; t < m.size(); ++t) {
      AQI_FUZZ_CHECK(std::isnan(m.values[k][t]) || m.values[k][t] >= 0);
      AQI_FUZZ_CHECK(m.stations_used[k][t] <= m.assessment_stations.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const names[] = {"2022-01-06T03.csv", "china_sites_20220106.csv", "x.csv"};
  const std::string name = names[data[0] % 3];
  const bool with_list = (data[0] / 3) % 2 == 0;
  aqi_fuzz::expect_aqi_errors([&] {
    const auto h =
        aqi::parse_station_file(aqi_fuzz::text(data + 1, size - 1), name, with_list ? &fixture_list() : nullptr);
    check_hours(h);
    std::set<std::string> cities;
    for (const auto& s : h.stations) cities.insert(s.city);
    for (const auto& city : cities)
      for (aqi::Period p : {aqi::Period::daily, aqi::Period::hourly})
        aqi_fuzz::expect_aqi_errors([&] { check_city(aqi::city_means(h, city, p)); });
  });
  return 0;
}
