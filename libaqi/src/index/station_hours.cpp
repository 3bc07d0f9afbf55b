#include "aqi/index/station_hours.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"
#include "aqi/detail/format.hpp"
#include "index/station_cells.hpp"

namespace aqi {

using boost::posix_time::hours;
using boost::posix_time::ptime;

bool StationFilter::keeps(std::string_view city) const {
  if (cities.empty()) return true;
  return std::any_of(cities.begin(), cities.end(), [&](const std::string& c) { return same_city(c, city); });
}

namespace detail {
namespace {

std::string hour_text(ptime t) {
  const auto d = t.date();
  const auto h = t.time_of_day().hours();
  return iso(d) + (h < 10 ? " 0" : " ") + std::to_string(h) + ":00";
}

const std::string nan_text = "missing";

std::string value_text(double v) { return std::isnan(v) ? nan_text : format_number(v); }

bool same_value(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Collects rows and their stations; a station seen again must keep its city and flag.
class RowCollector {
 public:
  explicit RowCollector(StationHours& out) : out_(out) {
    for (std::uint32_t i = 0; i < out_.stations.size(); ++i) index_.emplace(out_.stations[i].code, i);
  }
  std::uint32_t file(const std::string& name) {
    out_.files.push_back(name);
    return static_cast<std::uint32_t>(out_.files.size() - 1);
  }
  std::uint32_t station(const Station& s, const std::string& file, std::size_t line) {
    auto [it, fresh] = index_.emplace(s.code, static_cast<std::uint32_t>(out_.stations.size()));
    if (fresh) {
      out_.stations.push_back(s);
      return it->second;
    }
    const Station& known = out_.stations[it->second];
    if (!same_city(known.city, s.city))
      throw ParseError(file, line, 0,
                       "station " + s.code + " is in city '" + s.city + "' here but in '" + known.city + "' before");
    if (known.background != s.background)
      throw ParseError(file, line, 0,
                       "station " + s.code +
                           (s.background ? " is a background station (对照点) here but not before"
                                         : " is an assessment station here but a background station "
                                           "(对照点) before"));
    return it->second;
  }
  void row(ptime t, std::uint32_t station, const Concentrations& v, double aqi, std::string primary, std::uint32_t file,
           std::size_t line) {
    out_.time.push_back(t);
    out_.station.push_back(station);
    out_.values.push_back(v);
    out_.aqi.push_back(aqi);
    out_.primary.push_back(std::move(primary));
    out_.origin_file.push_back(file);
    out_.origin_line.push_back(static_cast<std::uint32_t>(line));
  }

 private:
  StationHours& out_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

// "2022-01-06T03:00:00", "2022-01-06 03:00:00" or without seconds; on the hour.
std::optional<ptime> parse_hour_label(const std::string& s) {
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      out = out * 10 + (s[k] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, se = 0;
  const bool shaped = (s.size() == 16 || s.size() == 19) && s[4] == '-' && s[7] == '-' &&
                      (s[10] == 'T' || s[10] == ' ') && s[13] == ':' && digits(0, 4, y) && digits(5, 2, mo) &&
                      digits(8, 2, d) && digits(11, 2, h) && digits(14, 2, mi) &&
                      (s.size() == 16 || (s[16] == ':' && digits(17, 2, se)));
  if (!shaped || h > 23 || mi != 0 || se != 0) return std::nullopt;
  try {
    return ptime(boost::gregorian::date(y, mo, d), hours(h));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// ---- The per-hour form (HeQinWill/CNEMC) ----------------------------------------------------

constexpr std::array<std::string_view, 22> hourly_header{
    "timepoint", "stationcode", "longitude", "latitude", "area",   "positionname", "primarypollutant", "aqi", "pm10",
    "pm10_24h",  "pm2_5",       "pm2_5_24h", "o3",       "o3_24h", "o3_8h",        "o3_8h_24h",        "no2", "no2_24h",
    "so2",       "so2_24h",     "co",        "co_24h"};

// Columns read as a canonical key directly. In this archive o3 and o3_24h are swapped (its
// README): o3_24h is the 1-hour value, o3 the 24-hour maximum; o3_8h_24h is the current 8-hour
// mean, o3_8h the day's maximum of them.
constexpr std::array<std::pair<std::string_view, Indicator>, 11> hourly_direct{{{"pm10", Indicator::pm10_1h},
                                                                                {"pm10_24h", Indicator::pm10_24h},
                                                                                {"pm2_5", Indicator::pm25_1h},
                                                                                {"pm2_5_24h", Indicator::pm25_24h},
                                                                                {"o3_24h", Indicator::o3_1h},
                                                                                {"no2", Indicator::no2_1h},
                                                                                {"no2_24h", Indicator::no2_24h},
                                                                                {"so2", Indicator::so2_1h},
                                                                                {"so2_24h", Indicator::so2_24h},
                                                                                {"co", Indicator::co_1h},
                                                                                {"co_24h", Indicator::co_24h}}};

// The platform's 8-hour O3 column restarts at midnight: only from 08:00 to 24:00 (label 00:00)
// does it average the 8 hours before the label (SPEC A5's 8-hour mean).
bool platform_8h_is_trailing(ptime t) {
  const auto h = t.time_of_day().hours();
  return h == 0 || h >= 8;
}

// A maximum column must not be below the value it is the maximum of; otherwise the file is not
// in the layout read here (a file with o3/o3_24h unswapped would be misread silently).
void check_maximum(const CsvTable& t, std::size_t r, std::size_t max_col, double max, std::string_view of, double v,
                   std::string_view layout) {
  if (!std::isnan(max) && !std::isnan(v) && max < v)
    t.fail(r, max_col,
           format_number(max) + " is below " + std::string(of) + " " + format_number(v) +
               ", of which it is the maximum " + std::string(layout));
}

ptime hourly_file_hour(const CsvTable& t, std::size_t time_col, std::string& source) {
  const std::string name = base_name(t.file);
  // Archive/YYYY-MM-DD/YYYY-MM-DDTHH.csv
  if (name.size() == 17 && name.substr(13) == ".csv")
    if (auto h = parse_hour_label(name.substr(0, 10) + " " + name.substr(11, 2) + ":00")) {
      source = "from its name";
      return *h;
    }
  if (t.size() == 0) throw ParseError(t.file, 1, 0, "no rows, and the name does not give the hour (YYYY-MM-DDTHH.csv)");
  source = "from its first row";
  if (auto h = parse_hour_label(t.text(0, time_col))) return *h;
  t.fail(0, time_col, "'" + t.text(0, time_col) + "' is not an hour (YYYY-MM-DDTHH:00:00)");
}

Station hourly_station(const CsvTable& t, std::size_t r, const std::array<std::size_t, 22>& col,
                       const StationList* list) {
  Station s;
  s.code = t.text(r, col[1]);
  if (s.code.empty()) t.fail(r, col[1], "a station code is required");
  for (std::size_t k : {1, 4, 5, 6}) require_utf8(t, r, col[k]);
  s.city = t.text(r, col[4]);
  if (s.city.empty()) t.fail(r, col[4], "the city (area) is required");
  s.name = t.text(r, col[5]);
  s.longitude = is_missing_cell(t.text(r, col[2])) ? s.longitude : t.number(r, col[2], false);
  s.latitude = is_missing_cell(t.text(r, col[3])) ? s.latitude : t.number(r, col[3], false);
  // HJ 663: a background station (对照点) is not an assessment station of its city; the platform
  // marks it in the station's name, its station list with the flag Y.
  s.background = s.name.find("对照点") != std::string::npos;
  if (list) {
    const Station* known = list->find(s.code);
    if (!known) t.fail(r, col[1], "station " + s.code + " is not in the station list " + list->file);
    s.background = known->background;
  }
  return s;
}

std::array<std::size_t, 22> hourly_columns(const CsvTable& t) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (std::find(hourly_header.begin(), hourly_header.end(), t.header[c]) == hourly_header.end())
      throw ParseError(
          t.file, 1, c + 1,
          "unknown column '" + t.header[c] +
              "'; the platform's per-hour files have: timepoint, "
              "stationcode, longitude, latitude, area, positionname, primarypollutant, aqi, pm10, pm10_24h, "
              "pm2_5, pm2_5_24h, o3, o3_24h, o3_8h, o3_8h_24h, no2, no2_24h, so2, so2_24h, co, co_24h");
  std::array<std::size_t, 22> col{};
  for (std::size_t k = 0; k < hourly_header.size(); ++k) col[k] = t.column(hourly_header[k]);
  return col;
}

void read_hourly_values(const CsvTable& t, std::size_t r, const std::array<std::size_t, 22>& col, ptime hour,
                        Concentrations& v) {
  for (auto [name, indicator] : hourly_direct) {
    const auto k =
        static_cast<std::size_t>(std::find(hourly_header.begin(), hourly_header.end(), name) - hourly_header.begin());
    v.set(indicator, station_value(t, r, col[k]));
  }
  constexpr std::string_view layout = "(the HeQinWill/CNEMC layout, where o3/o3_24h and o3_8h/o3_8h_24h are swapped)";
  const double max_1h = station_value(t, r, col[12]), max_8h = station_value(t, r, col[14]);
  const double mean_8h = station_value(t, r, col[15]);
  check_maximum(t, r, col[12], max_1h, "o3_24h", v[Indicator::o3_1h], layout);
  check_maximum(t, r, col[14], max_8h, "o3_8h_24h", mean_8h, layout);
  if (platform_8h_is_trailing(hour)) v.set(Indicator::o3_8h, mean_8h);
}

void parse_hourly_file(const CsvTable& t, const StationList* list, const StationFilter& filter, RowCollector& rows) {
  const auto col = hourly_columns(t);
  std::string source;
  const ptime hour = hourly_file_hour(t, col[0], source);
  const std::uint32_t file = rows.file(t.file);
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto label = parse_hour_label(t.text(r, col[0]));
    if (!label) t.fail(r, col[0], "'" + t.text(r, col[0]) + "' is not an hour (YYYY-MM-DDTHH:00:00)");
    if (*label != hour)
      t.fail(r, col[0], hour_text(*label) + " is not the file's hour " + hour_text(hour) + " (" + source + ")");
    if (!filter.keeps(t.text(r, col[4]))) continue;
    const Station s = hourly_station(t, r, col, list);
    Concentrations v;
    read_hourly_values(t, r, col, hour, v);
    const double aqi = station_value(t, r, col[7]);
    rows.row(hour, rows.station(s, t.file, t.row_line[r]), v, aqi, t.text(r, col[6]), file, t.row_line[r]);
  }
}

// ---- The wide daily form (china_sites_YYYYMMDD.csv) -----------------------------------------

// Its types. Unlike the per-hour archive, O3 is the 1-hour value and O3_24h its 24-hour maximum;
// O3_8h the current 8-hour mean, O3_8h_24h the maximum of those.
enum class WideType : std::uint8_t { value, aqi, max_1h, max_8h, mean_8h };
struct WideColumn {
  std::string_view type;
  WideType kind;
  Indicator indicator;
};
constexpr std::array<WideColumn, 15> wide_types{{{"AQI", WideType::aqi, Indicator::so2_24h},
                                                 {"PM2.5", WideType::value, Indicator::pm25_1h},
                                                 {"PM2.5_24h", WideType::value, Indicator::pm25_24h},
                                                 {"PM10", WideType::value, Indicator::pm10_1h},
                                                 {"PM10_24h", WideType::value, Indicator::pm10_24h},
                                                 {"SO2", WideType::value, Indicator::so2_1h},
                                                 {"SO2_24h", WideType::value, Indicator::so2_24h},
                                                 {"NO2", WideType::value, Indicator::no2_1h},
                                                 {"NO2_24h", WideType::value, Indicator::no2_24h},
                                                 {"O3", WideType::value, Indicator::o3_1h},
                                                 {"O3_24h", WideType::max_1h, Indicator::o3_1h},
                                                 {"O3_8h", WideType::mean_8h, Indicator::o3_8h},
                                                 {"O3_8h_24h", WideType::max_8h, Indicator::o3_8h},
                                                 {"CO", WideType::value, Indicator::co_1h},
                                                 {"CO_24h", WideType::value, Indicator::co_24h}}};

// One station's values in one hour, with the row lines of the maxima for the checks.
struct WideSlot {
  Concentrations values;
  double aqi = std::numeric_limits<double>::quiet_NaN();
  double max_1h = std::numeric_limits<double>::quiet_NaN(), max_8h = max_1h, mean_8h = max_1h;
  std::size_t max_1h_row = 0, max_8h_row = 0;
  bool any = false;
};

// Real files name a station twice (china_sites_2022*.csv: 1961A, 1966A). The CSV reader refuses
// duplicate columns, so the second is renamed here and checked against the first below.
std::string rename_duplicate_codes(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& dups) {
  const auto end = text.find_first_of("\r\n");
  const std::string_view head = text.substr(0, end);
  if (head.find('"') != std::string_view::npos) return std::string(text);
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t b = 0;;) {
    const auto comma = head.find(',', b);
    names.emplace_back(head.substr(b, comma == std::string_view::npos ? std::string_view::npos : comma - b));
    auto [it, fresh] = seen.emplace(names.back(), names.size() - 1);
    if (!fresh && names.size() > 3) {
      dups.emplace_back(it->second, names.size() - 1);
      names.back() += "#" + std::to_string(names.size());
    }
    if (comma == std::string_view::npos) break;
    b = comma + 1;
  }
  if (dups.empty()) return std::string(text);
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  out += text.substr(head.size());
  return out;
}

boost::gregorian::date wide_file_day(const CsvTable& t, std::string& source) {
  const std::string name = base_name(t.file);
  int y, m, d;  // china_sites_YYYYMMDD.csv
  if (name.size() == 24 && name.substr(0, 12) == "china_sites_" && name.substr(20) == ".csv" &&
      std::sscanf(name.c_str() + 12, "%4d%2d%2d", &y, &m, &d) == 3) {
    try {
      source = "from its name";
      return boost::gregorian::date(y, m, d);
    } catch (const std::exception&) {
    }
  }
  if (t.size() == 0)
    throw ParseError(t.file, 1, 0, "no rows, and the name does not give the day (china_sites_YYYYMMDD.csv)");
  source = "from its first row";
  return boost::gregorian::date(boost::gregorian::not_a_date_time);
}

// 20220106 or 2022-01-06.
boost::gregorian::date wide_row_day(const CsvTable& t, std::size_t r) {
  const std::string& s = t.text(r, 0);
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    try {
      return boost::gregorian::date(std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2)));
    } catch (const std::exception&) {
    }
  }
  if (s.size() == 10) return t.date(r, 0);
  t.fail(r, 0, "'" + s + "' is not a date (YYYYMMDD)");
}

// The kept station columns of a wide file: column → station (by the list) for the filter's cities.
std::vector<std::pair<std::size_t, Station>> wide_stations(const CsvTable& t, const StationList* list,
                                                           const StationFilter& filter) {
  if (t.header.size() < 3 || t.header[0] != "date" || t.header[1] != "hour" || t.header[2] != "type")
    throw ParseError(t.file, 1, 0, "a wide daily file starts with the columns date, hour, type");
  if (!list)
    throw ParseError(t.file, 1, 0,
                     "the wide daily form names stations by code only: pass the platform's station list (the "
                     "archives' 站点列表-YYYY.MM.DD起.csv: 监测点编码, 监测点名称, 城市, 经度, 纬度, 对照点) to map "
                     "codes to cities");
  std::vector<std::pair<std::size_t, Station>> out;
  for (std::size_t c = 3; c < t.header.size(); ++c) {
    if (t.header[c].find('#') != std::string::npos) continue;  // a renamed duplicate: compared, not read
    const Station* s = list->find(t.header[c]);
    if (!s) throw ParseError(t.file, 1, c + 1, "station " + t.header[c] + " is not in the station list " + list->file);
    if (filter.keeps(s->city)) out.emplace_back(c, *s);
  }
  return out;
}

void check_duplicate_columns(const CsvTable& t, std::size_t r,
                             const std::vector<std::pair<std::size_t, std::size_t>>& dups) {
  for (auto [first, second] : dups) {
    const double a = station_value(t, r, first), b = station_value(t, r, second);
    if (!same_value(a, b))
      t.fail(r, second,
             "station " + t.header[first] + " is named twice in the header (columns " + std::to_string(first + 1) +
                 " and " + std::to_string(second + 1) + ") with different values: " + value_text(a) + " and " +
                 value_text(b));
  }
}

void store_wide(WideSlot& slot, const WideColumn& type, double v, std::size_t r) {
  if (std::isnan(v)) return;
  slot.any = true;
  switch (type.kind) {
    case WideType::value:
      slot.values.set(type.indicator, v);
      break;
    case WideType::aqi:
      slot.aqi = v;
      break;
    case WideType::max_1h:
      slot.max_1h = v, slot.max_1h_row = r;
      break;
    case WideType::max_8h:
      slot.max_8h = v, slot.max_8h_row = r;
      break;
    case WideType::mean_8h:
      slot.mean_8h = v;
      break;
  }
}

const WideColumn& wide_type(const CsvTable& t, std::size_t r) {
  for (const auto& w : wide_types)
    if (t.text(r, 2) == w.type) return w;
  t.fail(r, 2,
         "unknown type '" + t.text(r, 2) +
             "'; expected AQI, PM2.5, PM2.5_24h, PM10, PM10_24h, SO2, SO2_24h, NO2, "
             "NO2_24h, O3, O3_24h, O3_8h, O3_8h_24h, CO, CO_24h");
}

// Reads the rows into slots[hour][kept station]; each (hour, type) once, every row of one day.
void read_wide_rows(const CsvTable& t, const std::vector<std::pair<std::size_t, Station>>& kept,
                    const std::vector<std::pair<std::size_t, std::size_t>>& dups, boost::gregorian::date& day,
                    const std::string& source, std::vector<std::vector<WideSlot>>& slots,
                    std::array<std::size_t, 24>& hour_line) {
  std::array<std::array<std::size_t, 15>, 24> seen{};  // 1-based row of each (hour, type)
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto d = wide_row_day(t, r);
    if (day.is_not_a_date()) day = d;
    if (d != day) t.fail(r, 0, iso(d) + " is not the file's day " + iso(day) + " (" + source + ")");
    const long long h = t.integer(r, 1);
    if (h < 0 || h > 23) t.fail(r, 1, "hour " + std::to_string(h) + " is not 0–23");
    const WideColumn& type = wide_type(t, r);
    auto& first = seen[static_cast<std::size_t>(h)][static_cast<std::size_t>(&type - wide_types.data())];
    if (first)
      t.fail(r, 2,
             "hour " + std::to_string(h) + " has a " + std::string(type.type) + " row already (line " +
                 std::to_string(t.row_line[first - 1]) + ")");
    first = r + 1;
    if (!hour_line[static_cast<std::size_t>(h)]) hour_line[static_cast<std::size_t>(h)] = t.row_line[r];
    check_duplicate_columns(t, r, dups);
    for (std::size_t k = 0; k < kept.size(); ++k)
      store_wide(slots[static_cast<std::size_t>(h)][k], type, station_value(t, r, kept[k].first), r);
  }
}

void parse_wide_file(std::string_view text, const std::string& file, const StationList* list,
                     const StationFilter& filter, RowCollector& rows) {
  std::vector<std::pair<std::size_t, std::size_t>> dups;
  const CsvTable t = parse_csv(rename_duplicate_codes(text, dups), file);
  const auto kept = wide_stations(t, list, filter);
  std::string source;
  auto day = wide_file_day(t, source);
  std::vector<std::vector<WideSlot>> slots(24, std::vector<WideSlot>(kept.size()));
  std::array<std::size_t, 24> hour_line{};  // the first line of each hour, where its rows are said to be
  read_wide_rows(t, kept, dups, day, source, slots, hour_line);
  const std::uint32_t id = rows.file(file);
  constexpr std::string_view layout = "(the china_sites layout, where O3 is the 1-hour value)";
  for (std::size_t h = 0; h < 24; ++h)
    for (std::size_t k = 0; k < kept.size(); ++k) {
      WideSlot& s = slots[h][k];
      if (!s.any) continue;  // the station reported nothing that hour (stopped stations have columns)
      const ptime hour(day, hours(static_cast<long>(h)));
      check_maximum(t, s.max_1h_row, kept[k].first, s.max_1h, "O3", s.values[Indicator::o3_1h], layout);
      check_maximum(t, s.max_8h_row, kept[k].first, s.max_8h, "O3_8h", s.mean_8h, layout);
      if (platform_8h_is_trailing(hour)) s.values.set(Indicator::o3_8h, s.mean_8h);
      const std::size_t line = hour_line[h];
      rows.row(hour, rows.station(kept[k].second, file, line), s.values, s.aqi, "", id, line);
    }
}

// ---- One table: sorted by station and time, each station-hour once ---------------------------

std::string origin(const StationHours& h, std::size_t row) {
  return h.files[h.origin_file[row]] + ":" + std::to_string(h.origin_line[row]);
}

// Two values of one reading agree when equal, or when one reading lacks it (a truncated file, the
// wide form without a primary-pollutant text): the present value is then kept.
bool agrees(double a, double b) { return std::isnan(a) || std::isnan(b) || a == b; }

// The first difference between two readings of one station-hour, or "" when they agree.
std::string first_difference(const StationHours& h, std::size_t a, std::size_t b) {
  for (Indicator i : all_indicators)
    if (!agrees(h.values[a][i], h.values[b][i]))
      return std::string(key(i)) + " " + value_text(h.values[b][i]) + " here, " + value_text(h.values[a][i]) + " there";
  if (!agrees(h.aqi[a], h.aqi[b])) return "aqi " + value_text(h.aqi[b]) + " here, " + value_text(h.aqi[a]) + " there";
  if (!h.primary[a].empty() && !h.primary[b].empty() && h.primary[a] != h.primary[b])
    return "primary pollutant '" + h.primary[b] + "' here, '" + h.primary[a] + "' there";
  return "";
}

// Completes the kept reading `a` with the values only `b` has.
void complete(StationHours& h, std::size_t a, std::size_t b) {
  for (Indicator i : all_indicators)
    if (std::isnan(h.values[a][i])) h.values[a].set(i, h.values[b][i]);
  if (std::isnan(h.aqi[a])) h.aqi[a] = h.aqi[b];
  if (h.primary[a].empty()) h.primary[a] = h.primary[b];
}

template <class T>
void permute(std::vector<T>& v, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(order.size());
  for (std::size_t i : order) out.push_back(std::move(v[i]));
  v = std::move(out);
}

void sort_and_merge(StationHours& h) {
  std::vector<std::size_t> order(h.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return h.station[a] != h.station[b] ? h.station[a] < h.station[b] : h.time[a] < h.time[b];
  });
  std::vector<std::size_t> kept;
  for (std::size_t i : order) {
    if (!kept.empty() && h.station[kept.back()] == h.station[i] && h.time[kept.back()] == h.time[i]) {
      const std::string diff = first_difference(h, kept.back(), i);
      if (!diff.empty())
        throw ParseError(h.files[h.origin_file[i]], h.origin_line[i], 0,
                         "station " + h.stations[h.station[i]].code + " at " + hour_text(h.time[i]) +
                             " is also read at " + origin(h, kept.back()) + " with different values: " + diff);
      complete(h, kept.back(), i);
      continue;  // the same reading twice (some archive files hold every row twice)
    }
    kept.push_back(i);
  }
  permute(h.time, kept);
  permute(h.station, kept);
  permute(h.values, kept);
  permute(h.aqi, kept);
  permute(h.primary, kept);
  permute(h.origin_file, kept);
  permute(h.origin_line, kept);
}

void parse_into(std::string_view text, const std::string& file, const StationList* list, const StationFilter& filter,
                RowCollector& rows) {
  const std::string_view body = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
  if (body.substr(0, 10) == "timepoint,") return parse_hourly_file(parse_csv(text, file), list, filter, rows);
  if (body.substr(0, 15) == "date,hour,type,") return parse_wide_file(text, file, list, filter, rows);
  if (body.find("监测点编码") < body.find_first_of("\r\n"))
    throw ParseError(file, 1, 0, "this is a station list, not a station file: pass it as the station list");
  throw ParseError(file, 1, 0,
                   "not a station file of the national platform: expected a header starting 'timepoint,stationcode,' "
                   "(one file per hour) or 'date,hour,type,' (china_sites_YYYYMMDD.csv)");
}

}  // namespace
}  // namespace detail

StationHours parse_station_file(std::string_view text, const std::string& file, const StationList* stations,
                                const StationFilter& filter) {
  StationHours out;
  detail::RowCollector rows(out);
  detail::parse_into(text, file, stations, filter, rows);
  detail::sort_and_merge(out);
  return out;
}

namespace {

// The .csv files of `paths` (folders walked recursively, in name order), without the list.
std::vector<std::string> station_file_names(const std::vector<std::string>& paths, const StationList* stations) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".csv") found.push_back(it->path().string());
    if (ec) throw FileNotFound(p);
    std::sort(found.begin(), found.end());
    if (found.empty()) throw FileNotFound(p + "/*.csv");
    files.insert(files.end(), found.begin(), found.end());
  }
  if (stations && !stations->file.empty()) {
    std::error_code ec;
    files.erase(std::remove_if(files.begin(), files.end(),
                               [&](const std::string& f) { return fs::equivalent(f, stations->file, ec); }),
                files.end());
  }
  return files;
}

}  // namespace

StationHours read_station_files(const std::vector<std::string>& paths, const StationList* stations,
                                const StationFilter& filter) {
  if (paths.empty()) throw InvalidArgument("read_station_files: no file or folder given");
  StationHours out;
  detail::RowCollector rows(out);
  for (const auto& f : station_file_names(paths, stations))
    detail::parse_into(detail::read_text_file(f), f, stations, filter, rows);
  detail::sort_and_merge(out);
  return out;
}

namespace {

// The frame's row r is line r + 2 of "<DataFrame>" (the header is line 1), like every data file.
[[noreturn]] void frame_error(std::size_t r, const std::string& column, const std::string& what) {
  throw ParseError("<DataFrame>", r + 2, 0, "column '" + column + "': " + what);
}

ptime frame_hour(std::int64_t seconds, std::size_t r) {
  if (seconds == std::numeric_limits<std::int64_t>::min()) frame_error(r, "time", "the time is missing (NaT)");
  if (seconds % 3600 != 0) frame_error(r, "time", "not on the hour (the platform labels hours 00:00–23:00)");
  return ptime(boost::gregorian::date(1970, 1, 1)) + hours(seconds / 3600);
}

void check_column_lengths(const StationColumns& c, std::size_t n) {
  auto check = [&](std::size_t size, const std::string& name) {
    if (size != n)
      throw InvalidArgument("station_hours: column " + name + " has " + std::to_string(size) + " values, expected " +
                            std::to_string(n));
  };
  if (!c.station || !c.city) throw InvalidArgument("station_hours: the station and city columns are required");
  check(c.station->size(), "station");
  check(c.city->size(), "city");
  check(c.background.size(), "background");
  for (const auto& v : c.values) check(v.values.size(), std::string(key(v.indicator)));
}

}  // namespace

StationHours station_hours(const StationColumns& c) {
  const std::size_t n = c.seconds.size();
  check_column_lengths(c, n);
  StationHours out;
  detail::RowCollector rows(out);
  const std::uint32_t file = rows.file("<DataFrame>");
  for (std::size_t r = 0; r < n; ++r) {
    Station s;
    s.code = (*c.station)[r];
    s.city = (*c.city)[r];
    if (s.code.empty()) frame_error(r, "station", "a station code is required");
    if (s.city.empty()) frame_error(r, "city", "a city is required");
    s.background = c.background[r] != 0;
    Concentrations v;
    for (const auto& col : c.values) {
      const double x = col.values[r];
      if (std::isinf(x) || x < 0)
        frame_error(r, std::string(key(col.indicator)),
                    (std::isinf(x) ? "infinite value" : "negative value " + detail::format_number(x)) + " (SPEC A4)");
      v.set(col.indicator, x);
    }
    rows.row(frame_hour(c.seconds[r], r), rows.station(s, "<DataFrame>", r + 2), v,
             std::numeric_limits<double>::quiet_NaN(), "", file, r + 2);
  }
  detail::sort_and_merge(out);
  return out;
}

}  // namespace aqi
