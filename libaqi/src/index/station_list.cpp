#include "aqi/index/station_list.hpp"

#include <array>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/files.hpp"
#include "index/station_cells.hpp"

namespace aqi {

const Station* StationList::find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &stations_[it->second];
}

bool StationList::add(Station s) {
  if (!by_code_.emplace(s.code, stations_.size()).second) return false;
  stations_.push_back(std::move(s));
  return true;
}

bool same_city(std::string_view a, std::string_view b) noexcept {
  constexpr std::string_view shi = "\xE5\xB8\x82";  // 市
  auto bare = [&](std::string_view s) {
    return s.size() > shi.size() && s.substr(s.size() - shi.size()) == shi ? s.substr(0, s.size() - shi.size()) : s;
  };
  return !a.empty() && !b.empty() && bare(a) == bare(b);
}

namespace {

constexpr std::array<std::string_view, 6> required_columns{"监测点编码", "监测点名称", "城市",
                                                           "经度",       "纬度",       "对照点"};
constexpr std::array<std::string_view, 2> optional_columns{"省级行政区", "地级行政区"};

void check_columns(const detail::CsvTable& t) {
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    bool known = false;
    for (auto k : required_columns) known = known || t.header[c] == k;
    for (auto k : optional_columns) known = known || t.header[c] == k;
    if (!known)
      throw ParseError(t.file, 1, c + 1,
                       "unknown column '" + t.header[c] +
                           "'; a station list has 监测点编码, 监测点名称, 城市, 经度, 纬度, 对照点 "
                           "(and optionally 省级行政区, 地级行政区)");
  }
}

double coordinate(const detail::CsvTable& t, std::size_t r, std::size_t c) {
  if (detail::is_missing_cell(t.text(r, c))) return std::numeric_limits<double>::quiet_NaN();
  return t.number(r, c, false);
}

}  // namespace

StationList parse_station_list(std::string_view text, const std::string& file) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  check_columns(t);
  const std::size_t code = t.column("监测点编码"), name = t.column("监测点名称"), city = t.column("城市"),
                    lon = t.column("经度"), lat = t.column("纬度"), flag = t.column("对照点");
  const auto prefecture = t.find_column("地级行政区");
  StationList list;
  list.file = file;
  for (std::size_t r = 0; r < t.size(); ++r) {
    Station s;
    s.code = t.text(r, code);
    if (s.code.empty()) t.fail(r, code, "a station code is required");
    for (std::size_t c : {code, name, city}) detail::require_utf8(t, r, c);
    s.name = t.text(r, name);
    s.city = prefecture ? t.text(r, *prefecture) : t.text(r, city);
    if (prefecture) detail::require_utf8(t, r, *prefecture);
    if (s.city.empty()) t.fail(r, prefecture ? *prefecture : city, "a city is required");
    const std::string& y = t.text(r, flag);
    if (y != "Y" && y != "N") t.fail(r, flag, "'" + y + "' is not Y or N (Y: not an assessment station of its city)");
    s.background = y == "Y";
    s.longitude = coordinate(t, r, lon);
    s.latitude = coordinate(t, r, lat);
    if (!list.add(s)) t.fail(r, code, "station " + s.code + " is listed twice");
  }
  return list;
}

StationList read_station_list(const std::string& path) {
  return parse_station_list(detail::read_text_file(path), path);
}

}  // namespace aqi
