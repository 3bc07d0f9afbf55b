// Hourly station records of China's national air-quality platform (全国城市空气质量实时发布平台),
// read from the two forms its public archives use:
//   - one file per hour (the GitHub archive HeQinWill/CNEMC, Archive/YYYY-MM-DD/YYYY-MM-DDTHH.csv):
//     timepoint, stationcode, longitude, latitude, area, positionname, primarypollutant, aqi,
//     pm10, pm10_24h, pm2_5, pm2_5_24h, o3, o3_24h, o3_8h, o3_8h_24h, no2, no2_24h, so2, so2_24h,
//     co, co_24h — one row per station;
//   - one wide file per day (china_sites_YYYYMMDD.csv): date, hour, type, then one column per
//     station code; a row per hour and type (AQI, PM2.5, PM2.5_24h, …, CO_24h). Its stations
//     are mapped to cities by the platform's station list (aqi/index/station_list.hpp).
// Times are the platform's labels: the hour that ENDS at the label (16:00 = 15:00–16:00), China
// Standard Time. Every bad cell is a ParseError naming file:line:column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/station_list.hpp"
#include "aqi/span.hpp"

namespace aqi {

// The station records as one long table: a row per station and hour.
struct StationHours {
  std::vector<Station> stations;               // one per code, in order of first appearance
  std::vector<boost::posix_time::ptime> time;  // per row: the platform's hour label
  std::vector<std::uint32_t> station;          // per row: index into `stations`
  // Per row, by canonical key: pm25_1h … co_1h the 1-hour values; pm25_24h … co_24h the
  // platform's trailing 24-hour means at that hour; o3_8h the platform's 8-hour mean, kept only
  // at hours 08:00–24:00 (its 8-hour column restarts at each midnight: at 01:00–07:00 it
  // averages fewer than 8 hours of the day, which is not an 8-hour mean, SPEC A5).
  std::vector<Concentrations> values;
  std::vector<double> aqi;           // per row: the platform's published hourly AQI
  std::vector<std::string> primary;  // per row: its published primary pollutant(s)
  // Where each row was read: files[origin_file[i]] at line origin_line[i].
  std::vector<std::string> files;
  std::vector<std::uint32_t> origin_file;
  std::vector<std::uint32_t> origin_line;

  std::size_t size() const noexcept { return time.size(); }
};

// Which rows to keep while reading: every station, or only the stations of these cities
// (same_city spellings). Reading a season of the whole country holds ~2000 stations an hour.
struct StationFilter {
  std::vector<std::string> cities;
  bool keeps(std::string_view city) const;
};

// One file of either form (recognised by its header). `stations` maps the wide form's codes to
// cities and is required for it; given for the per-hour form it decides `background` (its Y
// flag) and must list every station. The file's hour (per-hour form) or day (wide form) is taken
// from its name when the name has the archive's form, else from its first row; every row must
// belong to it.
StationHours parse_station_file(std::string_view text, const std::string& file, const StationList* stations = nullptr,
                                const StationFilter& filter = {});

// Files, folders (every .csv below, recursively, except the station list itself) or both, in
// one table sorted by station and time. The same station and hour read twice (some archive
// files hold every row twice) is kept once when its values agree — a value one reading lacks is
// taken from the other — and is an error naming both places when two values differ. A station whose city or background
// flag differs between files is an error.
StationHours read_station_files(const std::vector<std::string>& paths, const StationList* stations = nullptr,
                                const StationFilter& filter = {});

// Station records given as columns (a pandas frame): `seconds` are the hour labels as seconds
// since 1970-01-01 local time (the lowest int64 = missing); `background` 0/1. Errors name the
// file "<DataFrame>" and line row + 2 (the header is line 1), like every data file.
struct StationColumns {
  span<const std::int64_t> seconds;
  const std::vector<std::string>* station = nullptr;
  const std::vector<std::string>* city = nullptr;
  span<const std::uint8_t> background;
  std::vector<IndicatorColumn> values;
};
StationHours station_hours(const StationColumns& columns);

}  // namespace aqi
