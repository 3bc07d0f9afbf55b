#include "aqi/index/city_means.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "aqi/detail/dates.hpp"
#include "aqi/index/moving_mean.hpp"

namespace aqi {

using boost::posix_time::hours;
using boost::posix_time::ptime;
using date = boost::gregorian::date;

namespace detail {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The hour labelled 00:00 closes the day before: a natural day is the hours 01:00–24:00.
date natural_day(ptime label) { return (label - hours(1)).date(); }

struct CityStations {
  std::vector<std::uint32_t> assessment;  // indices into data.stations
  std::vector<std::string> assessment_codes, background_codes;
};

// HJ 663: the city's assessment stations; background stations (对照点) are excluded.
CityStations city_stations(const StationHours& data, std::string_view city) {
  CityStations s;
  for (std::uint32_t i = 0; i < data.stations.size(); ++i) {
    const Station& st = data.stations[i];
    if (!same_city(st.city, city)) continue;
    if (st.background) {
      s.background_codes.push_back(st.code);
    } else {
      s.assessment.push_back(i);
      s.assessment_codes.push_back(st.code);
    }
  }
  if (s.assessment.empty() && s.background_codes.empty()) {
    std::vector<std::string> present;
    for (const auto& st : data.stations)
      if (std::find(present.begin(), present.end(), st.city) == present.end()) present.push_back(st.city);
    std::string list;
    for (std::size_t k = 0; k < present.size() && k < 20; ++k) list += (k ? ", " : "") + present[k];
    if (present.size() > 20) list += ", …";
    throw UnknownName("no station of city '" + std::string(city) +
                      "' in the data; its cities: " + (list.empty() ? "none (no rows)" : list));
  }
  if (s.assessment.empty())
    throw InvalidArgument("every station of city '" + std::string(city) +
                          "' in the data is a background station (对照点), which HJ 663 excludes from the city mean");
  return s;
}

// The first row of each station (rows are sorted by station, then time), and one past its last.
std::vector<std::pair<std::size_t, std::size_t>> station_ranges(const StationHours& data) {
  std::vector<std::pair<std::size_t, std::size_t>> r(data.stations.size(), {0, 0});
  for (std::size_t i = 0; i < data.size();) {
    std::size_t j = i;
    while (j < data.size() && data.station[j] == data.station[i]) ++j;
    r[data.station[i]] = {i, j};
    i = j;
  }
  return r;
}

struct Span {
  ptime first, last;  // hour labels
};

Span hour_span(const StationHours& data, const CityStations& s,
               const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  Span out{ptime(boost::posix_time::pos_infin), ptime(boost::posix_time::neg_infin)};
  for (std::uint32_t st : s.assessment) {
    const auto [b, e] = ranges[st];
    if (b == e) continue;
    out.first = std::min(out.first, data.time[b]);
    out.last = std::max(out.last, data.time[e - 1]);
  }
  return out;
}

// The report's indicators: daily, every daily indicator of the editions in force over the days
// (all are rated by every edition; HJ 633-2026 leaves o3_1h out of its AQI and says so);
// hourly, the hourly indicators of the one edition in force.
std::vector<Indicator> report_indicators(Period period, date first, date last) {
  const Edition& e = edition_in_force(first);
  if (period == Period::hourly) {
    if (&edition_in_force(last) != &e)
      throw InvalidArgument("city_means: the hours span a change of AQI edition (" + e.id() + " to " +
                            edition_in_force(last).id() +
                            "), whose hourly reports rate PM by different indicators; ask for the hours on each side "
                            "separately, or name the indicators");
    return e.indicators(Period::hourly);
  }
  std::vector<Indicator> out;
  for (const Edition& ed : builtin_editions()) {
    if (&ed != &edition_in_force(std::max(first, ed.in_force_from())) || ed.in_force_from() > last) continue;
    for (Indicator i : ed.indicators(Period::daily))
      if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  }
  return out;
}

Indicator one_hour_indicator(Indicator i) {
  switch (pollutant_of(i)) {
    case Pollutant::so2:
      return Indicator::so2_1h;
    case Pollutant::no2:
      return Indicator::no2_1h;
    case Pollutant::pm10:
      return Indicator::pm10_1h;
    case Pollutant::co:
      return Indicator::co_1h;
    case Pollutant::o3:
      return Indicator::o3_1h;
    case Pollutant::pm25:
      break;
  }
  return Indicator::pm25_1h;
}

// A station's 1-hour values of one pollutant on the hourly grid starting at `start`.
std::vector<double> hourly_series(const StationHours& data, std::pair<std::size_t, std::size_t> rows, ptime start,
                                  std::size_t n, Indicator one_hour) {
  std::vector<double> out(n, nan);
  for (std::size_t i = rows.first; i < rows.second; ++i) {
    const long k = (data.time[i] - start).hours();
    if (k >= 0 && static_cast<std::size_t>(k) < n) out[static_cast<std::size_t>(k)] = data.values[i][one_hour];
  }
  return out;
}

// SPEC A5: the mean of a day's hours with at least 20 valid; the maximum likewise (decision: a
// day's maximum hour needs the day's completeness, else a missing peak would lower it).
double day_mean(const double* h, bool maximum) {
  double sum = 0, max = -1;
  std::size_t valid = 0;
  for (std::size_t k = 0; k < day_window; ++k)
    if (!std::isnan(h[k])) {
      sum += h[k];
      max = std::max(max, h[k]);
      ++valid;
    }
  if (valid < day_min_valid) return nan;
  return maximum ? max : sum / static_cast<double>(valid);
}

// HJ 663: the day's maximum of the 8-hour means ending 08:00–24:00 (each with 6 valid hours,
// SPEC A5) needs 14 of those 17 means; with fewer it is still valid when above the limit.
double day_max_8h(const double* means_8h) {
  double max = nan;
  std::size_t valid = 0;
  for (std::size_t k = 7; k < day_window; ++k)
    if (!std::isnan(means_8h[k])) {
      max = std::isnan(max) ? means_8h[k] : std::max(max, means_8h[k]);
      ++valid;
    }
  if (valid >= o3_8h_daily_min_windows || (!std::isnan(max) && max > o3_8h_daily_limit)) return max;
  return nan;
}

// One station's statistic of `indicator` on the output axis (hours, or days of 24 grid hours).
std::vector<double> station_statistic(const std::vector<double>& one_hour, Indicator indicator, Period period) {
  const int span = averaging_hours(indicator);
  if (period == Period::hourly) {
    if (span == 1) return one_hour;
    return span == 24 ? moving_mean(one_hour, day_window, day_min_valid)
                      : moving_mean(one_hour, o3_8h_window, o3_8h_min_valid);
  }
  const std::size_t days = one_hour.size() / day_window;
  std::vector<double> out(days, nan);
  if (span == 8) {
    const auto means_8h = moving_mean(one_hour, o3_8h_window, o3_8h_min_valid);
    for (std::size_t d = 0; d < days; ++d) out[d] = day_max_8h(means_8h.data() + d * day_window);
  } else {
    for (std::size_t d = 0; d < days; ++d) out[d] = day_mean(one_hour.data() + d * day_window, span == 1);
  }
  return out;
}

// HJ 663: the city value is the arithmetic mean of its assessment stations' valid statistics.
void average_stations(const std::vector<std::vector<double>>& per_station, std::size_t min_stations,
                      std::vector<double>& mean, std::vector<std::uint32_t>& used) {
  const std::size_t n = per_station.empty() ? 0 : per_station.front().size();
  mean.assign(n, nan);
  used.assign(n, 0);
  for (std::size_t t = 0; t < n; ++t) {
    double sum = 0;
    for (const auto& s : per_station)
      if (!std::isnan(s[t])) {
        sum += s[t];
        ++used[t];
      }
    if (used[t] >= min_stations && used[t] > 0) mean[t] = sum / used[t];
  }
}

void check_options(const CityMeanOptions& o, Period period) {
  if (o.min_stations == 0) throw InvalidArgument("city_means: min_stations must be at least 1");
  for (Indicator i : o.indicators)
    if (period == Period::daily && averaging_hours(i) == 1 && i != Indicator::o3_1h)
      // Every X_1h but o3_1h follows its X_24h in the Indicator enumeration.
      throw InvalidArgument("city_means: " + std::string(key(i)) + " is a 1-hour value, not a daily statistic; " +
                            "ask for " + std::string(key(static_cast<Indicator>(static_cast<int>(i) - 1))) +
                            " (its 24-hour mean)");
}

}  // namespace
}  // namespace detail

CityMeans city_means(const StationHours& data, std::string_view city, Period period, const CityMeanOptions& options) {
  using namespace detail;
  check_options(options, period);
  const CityStations st = city_stations(data, city);
  const auto ranges = station_ranges(data);
  const Span span = hour_span(data, st, ranges);
  CityMeans out;
  out.city = std::string(city);
  out.period = period;
  out.assessment_stations = st.assessment_codes;
  out.background_stations = st.background_codes;
  out.min_stations = options.min_stations;
  const date first_day = natural_day(span.first), last_day = natural_day(span.last);
  // The grid: the span's hours, or whole natural days (01:00 of the first to 24:00 of the last).
  const ptime start = period == Period::daily ? ptime(first_day, hours(1)) : span.first;
  const std::size_t n = period == Period::daily
                            ? static_cast<std::size_t>((last_day - first_day).days() + 1) * day_window
                            : static_cast<std::size_t>((span.last - span.first).hours() + 1);
  for (std::size_t k = 0; k < (period == Period::daily ? n / day_window : n); ++k) {
    if (period == Period::daily) out.dates.push_back(first_day + boost::gregorian::days(static_cast<long>(k)));
    if (period == Period::hourly) out.times.push_back(start + hours(static_cast<long>(k)));
  }
  out.indicators = options.indicators.empty() ? report_indicators(period, first_day, last_day) : options.indicators;
  for (Indicator i : out.indicators) {
    std::vector<std::vector<double>> per_station;
    for (std::uint32_t s : st.assessment)
      per_station.push_back(
          station_statistic(hourly_series(data, ranges[s], start, n, one_hour_indicator(i)), i, period));
    out.values.emplace_back();
    out.stations_used.emplace_back();
    average_stations(per_station, options.min_stations, out.values.back(), out.stations_used.back());
  }
  return out;
}

}  // namespace aqi
