// A city's concentrations from its stations, as HJ 663 (环境空气质量评价技术规范) defines them:
// the arithmetic mean over the city's assessment stations (国控评价点) of each station's
// statistic, background stations (对照点) excluded; each station statistic with the validity of
// GB 3095-2012 (SPEC A5). The result is ready for the AQI (SPEC A3) and the season (SPEC L).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/index/edition.hpp"
#include "aqi/index/indicator.hpp"
#include "aqi/index/station_hours.hpp"

namespace aqi {

// GB 3095-2012 Table 1, level 2 (二级): the limit of the O3 daily maximum 8-hour mean, µg/m³.
// HJ 663: a day with fewer than 14 valid 8-hour means still has a valid maximum above it.
inline constexpr double o3_8h_daily_limit = 160;
// HJ 663: the O3 daily maximum 8-hour mean needs 14 of the day's 17 8-hour means (08:00–24:00).
inline constexpr std::size_t o3_8h_daily_min_windows = 14;

struct CityMeanOptions {
  // A city value needs at least this many assessment stations with a valid statistic.
  std::size_t min_stations = 1;
  // The indicators to give; empty: the report's (daily: the daily indicators of the editions in
  // force; hourly: the hourly indicators of the edition in force — hours that span a change of
  // edition are refused, since the editions rate PM by different indicators).
  std::vector<Indicator> indicators;
};

struct CityMeans {
  std::string city;  // as asked
  Period period = Period::daily;
  std::vector<boost::posix_time::ptime> times;  // hourly: the platform's hour labels
  std::vector<boost::gregorian::date> dates;    // daily: natural days (hours 01:00–24:00)
  std::vector<Indicator> indicators;
  std::vector<std::vector<double>> values;                // values[k][t] for indicators[k]; NaN = no value
  std::vector<std::vector<std::uint32_t>> stations_used;  // how many stations each value averages
  std::vector<std::string> assessment_stations;           // the codes averaged
  std::vector<std::string> background_stations;           // the codes excluded (对照点)
  std::size_t min_stations = 1;

  std::size_t size() const noexcept { return period == Period::daily ? dates.size() : times.size(); }
};

// The city's hourly (Period::hourly) or daily (Period::daily) means over the span of its
// stations' records. Station statistics (SPEC A5, HJ 663):
//   X_1h   the hour's value;
//   X_24h  hourly: the trailing 24-hour mean (20 valid hours); daily: the mean of the natural
//          day's hours 01:00–24:00 (20 valid hours);
//   o3_8h  hourly: the trailing 8-hour mean (6 valid hours); daily: the maximum of the 8-hour
//          means ending 08:00–24:00, valid with 14 of them or when above o3_8h_daily_limit;
//   o3_1h  daily: the maximum hour of the day (20 valid hours, as the day's means).
// Only the 1-hour values are read; the platform's own 24-hour and 8-hour columns are not mixed in.
// Throws UnknownName for a city without stations in the data (the message lists those present),
// InvalidArgument for a city of background stations only, a 1-hour key asked daily, or
// min_stations 0.
CityMeans city_means(const StationHours& data, std::string_view city, Period period,
                     const CityMeanOptions& options = {});

}  // namespace aqi
