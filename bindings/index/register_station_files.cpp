// The national platform's station files and HJ 663 city means (aqi/index/station_hours.hpp,
// aqi/index/city_means.hpp): bound results with tables; aqi/stations.py makes the DataFrames.
#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/index/city_means.hpp"
#include "aqi/index/station_hours.hpp"
#include "common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

std::vector<std::size_t> row_numbers(std::size_t n) {
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return rows;
}

std::optional<std::string> text_or_none(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// A row per station and hour: time, station, city, name, background, longitude, latitude, aqi,
// primary_pollutant, then every indicator key.
Table station_table(const StationHours& h) {
  const auto rows = row_numbers(h.size());
  auto st = [&h](std::size_t i) -> const Station& { return h.stations[h.station[i]]; };
  TableBuilder<std::size_t> b(rows);
  b.time("time", [&h](std::size_t i) { return h.time[i]; })
      .text("station", [&](std::size_t i) { return st(i).code; })
      .text("city", [&](std::size_t i) { return st(i).city; })
      .text("name", [&](std::size_t i) { return st(i).name; })
      .flag("background", [&](std::size_t i) { return st(i).background; })
      .number("longitude", [&](std::size_t i) { return st(i).longitude; })
      .number("latitude", [&](std::size_t i) { return st(i).latitude; })
      .number("aqi", [&h](std::size_t i) { return h.aqi[i]; })
      .text("primary_pollutant", [&h](std::size_t i) { return text_or_none(h.primary[i]); });
  for (Indicator k : all_indicators)
    b.number(std::string(key(k)).c_str(), [&h, k](std::size_t i) { return h.values[i][k]; });
  return b.build();
}

// A row per hour or day: time or date, then one column per indicator (values or station counts).
Table city_table(const CityMeans& m, bool counts) {
  const auto rows = row_numbers(m.size());
  TableBuilder<std::size_t> b(rows);
  if (m.period == Period::hourly)
    b.time("time", [&m](std::size_t i) { return m.times[i]; });
  else
    b.date("date", [&m](std::size_t i) { return m.dates[i]; });
  for (std::size_t k = 0; k < m.indicators.size(); ++k) {
    const std::string name(key(m.indicators[k]));
    if (counts)
      b.integer(name.c_str(), [&m, k](std::size_t i) { return m.stations_used[k][i]; });
    else
      b.number(name.c_str(), [&m, k](std::size_t i) { return m.values[k][i]; });
  }
  return b.build();
}

Period parse_freq(const std::string& p) {
  if (p == "daily") return Period::daily;
  if (p == "hourly") return Period::hourly;
  throw InvalidArgument("period must be 'daily' or 'hourly', got '" + p + "'");
}

std::shared_ptr<StationHours> read_files(const std::vector<std::string>& paths, const std::optional<std::string>& list,
                                         const std::vector<std::string>& cities) {
  std::optional<StationList> stations;
  if (list) stations = read_station_list(*list);
  py::gil_scoped_release release;
  return std::make_shared<StationHours>(
      read_station_files(paths, stations ? &*stations : nullptr, StationFilter{cities}));
}

std::shared_ptr<StationHours> from_columns(const py::array_t<std::int64_t, py::array::c_style>& seconds,
                                           const std::vector<std::string>& station,
                                           const std::vector<std::string>& city,
                                           const py::array_t<bool, py::array::c_style>& background,
                                           const py::dict& columns) {
  StationColumns c;
  c.seconds = {seconds.data(), static_cast<std::size_t>(seconds.size())};
  c.station = &station;
  c.city = &city;
  c.background = {reinterpret_cast<const std::uint8_t*>(background.data()),
                  static_cast<std::size_t>(background.size())};
  std::vector<DoubleArray> keep;
  for (auto item : columns) {
    keep.push_back(item.second.cast<DoubleArray>());
    c.values.push_back({parse_indicator(item.first.cast<std::string>()), view(keep.back())});
  }
  return std::make_shared<StationHours>(station_hours(c));
}

}  // namespace

void register_station_files(py::module_& m) {
  auto h = bind_result<StationHours>(m, "StationHours", "Hourly station records of the national platform.");
  h.def_property_readonly("table", &station_table)
      .def_readonly("files", &StationHours::files)
      .def("__len__", &StationHours::size);
  m.def("read_station_files", &read_files, py::arg("paths"), py::arg("stations"), py::arg("cities"));
  m.def("station_hours", &from_columns, py::arg("seconds"), py::arg("station"), py::arg("city"), py::arg("background"),
        py::arg("columns"));

  auto c = bind_result<CityMeans>(m, "CityMeans", "A city's means of its assessment stations (HJ 663).");
  c.def_property_readonly("table", [](const CityMeans& r) { return city_table(r, false); })
      .def_property_readonly("counts", [](const CityMeans& r) { return city_table(r, true); })
      .def_readonly("city", &CityMeans::city)
      .def_property_readonly("period", [](const CityMeans& r) { return std::string(name(r.period)); })
      .def_readonly("assessment_stations", &CityMeans::assessment_stations)
      .def_readonly("background_stations", &CityMeans::background_stations)
      .def_readonly("min_stations", &CityMeans::min_stations)
      .def("__len__", &CityMeans::size);
  m.def(
      "city_means",
      [](const StationHours& data, const std::string& city, const std::string& period, std::size_t min_stations,
         const std::vector<std::string>& indicators) {
        CityMeanOptions o;
        o.min_stations = min_stations;
        for (const auto& k : indicators) o.indicators.push_back(parse_indicator(k));
        return std::make_shared<CityMeans>(city_means(data, city, parse_freq(period), o));
      },
      py::arg("data"), py::arg("city"), py::arg("period"), py::arg("min_stations"), py::arg("indicators"));
}

}  // namespace aqi::python
