// The monitoring stations of China's national air-quality network (国控点): code, name, city and
// whether the station is an assessment station of its city. The wide daily files of the national
// platform's public archives (china_sites_YYYYMMDD.csv) name stations by code only; the same
// archives ship a station list that maps codes to cities (站点列表-YYYY.MM.DD起.csv).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aqi {

struct Station {
  std::string code;  // 1631A
  std::string name;  // 人民公园
  std::string city;  // as the source writes it: 淄博市 (per-hour files), 淄博 (station lists)
  // Not an assessment station of its city (HJ 663: the city mean excludes it): a background
  // station (对照点), or a station the list marks Y for another reason (stopped, 停运).
  bool background = false;
  double longitude = std::numeric_limits<double>::quiet_NaN();
  double latitude = std::numeric_limits<double>::quiet_NaN();
};

class StationList {
 public:
  std::string file;  // where it was read from (named in errors)

  const std::vector<Station>& stations() const noexcept { return stations_; }
  std::size_t size() const noexcept { return stations_.size(); }
  // The station of `code`, or nullptr.
  const Station* find(std::string_view code) const;
  // Adds a station; false when its code is already listed.
  bool add(Station s);

 private:
  std::vector<Station> stations_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

// The platform's list: columns 监测点编码, 监测点名称, 城市, 经度, 纬度, 对照点 (Y/N), in any order;
// 省级行政区 and 地级行政区 may follow (when 地级行政区 is given it is the city, as the platform's
// per-hour files write it: 淄博市). Longitude and latitude may be missing ('-' or empty).
// Errors name file:line:column: a code twice, 对照点 other than Y/N, text that is not UTF-8
// (the archives' lists are often GBK: convert with `iconv -f GBK -t UTF-8`).
StationList parse_station_list(std::string_view text, const std::string& file);

StationList read_station_list(const std::string& path);

// Two spellings of one city: equal, or equal but for a trailing 市 (the platform's per-hour
// files write 淄博市, its station lists 淄博).
bool same_city(std::string_view a, std::string_view b) noexcept;

}  // namespace aqi
