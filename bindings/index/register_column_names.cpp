// What aqi.aqi reads from a DataFrame (issue 16), decided here in C++: which columns are which
// indicators (aqi/index/column_names.hpp), their units and plausibility (units.hpp,
// plausibility.hpp), the dates of string columns and indexes (record_dates.hpp). Python passes
// names, strings and arrays and gets the answers.
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/index/column_names.hpp"
#include "aqi/index/plausibility.hpp"
#include "aqi/index/record_dates.hpp"
#include "aqi/index/units.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

TimeStep parse_step(const std::string& s) {
  if (s == "daily") return TimeStep::daily;
  if (s == "hourly") return TimeStep::hourly;
  if (s == "unknown") return TimeStep::unknown;
  throw InvalidArgument("time step must be 'daily', 'hourly' or 'unknown', got '" + s + "'");
}

// The unit `units` gives the pollutant of `i` (pollutant name → unit), else the table's.
ConcentrationUnit unit_for(Indicator i, const std::vector<std::pair<std::string, std::string>>& units) {
  for (const auto& [pollutant, unit] : units)
    if (parse_pollutant(pollutant) == pollutant_of(i)) return parse_unit(unit);
  return table_unit(pollutant_of(i));
}

// Dates of strings (None = missing, NaT): days since 1970-01-01, and whether any has a time of
// day. With `required` false, a first value that does not look like a date means "no dates": None.
std::optional<std::pair<py::array_t<std::int64_t>, bool>> record_days(
    const std::vector<std::optional<std::string>>& texts, bool required) {
  if (!required && !texts.empty() && texts[0] && !looks_like_a_date(*texts[0])) return std::nullopt;
  auto out = new_array<std::int64_t>(texts.size());
  bool timed = false;
  for (std::size_t r = 0; r < texts.size(); ++r) {
    if (!texts[r] || texts[r]->empty()) {
      out.mutable_data()[r] = nat;
      continue;
    }
    const auto d = find_record_date(*texts[r]);
    if (!d) throw InvalidArgument("row " + std::to_string(r) + ": " + not_a_record_date(*texts[r]));
    out.mutable_data()[r] = days_from_date(d->day);
    timed = timed || d->minute_of_day != 0;
  }
  return std::make_pair(out, timed);
}

}  // namespace

void register_column_names(py::module_& m) {
  m.def(
      "match_columns",
      [](const std::vector<std::string>& names, const std::string& step,
         const std::vector<std::pair<std::string, std::string>>& overrides) {
        const ColumnMatches c = match_columns(names, parse_step(step), overrides);
        std::vector<std::tuple<std::size_t, std::string, std::string>> read;
        for (const auto& col : c.columns) read.emplace_back(col.position, col.name, std::string(key(col.indicator)));
        return std::make_pair(read, c.unread_bare_names);
      },
      py::arg("names"), py::arg("step"), py::arg("overrides"),
      "Columns read as indicators: ([(position, name, key)], [bare names left unread: no time step]).");
  m.def("accepted_column_names", &accepted_column_names);
  m.def(
      "column_values",
      [](const std::string& name, const std::string& k, const std::vector<std::pair<std::string, std::string>>& units,
         const DoubleArray& values) -> py::array_t<double> {
        const Indicator i = parse_indicator(k);
        const ConcentrationUnit from = unit_for(i, units);
        if (from == table_unit(pollutant_of(i))) {  // no copy: the frame's own array
          check_plausible(name, i, view(values));
          return py::array_t<double>(values);
        }
        auto out = new_array<double>(static_cast<std::size_t>(values.size()));
        for (py::ssize_t r = 0; r < values.size(); ++r)
          out.mutable_data()[r] = to_table_unit(pollutant_of(i), from, values.data()[r]);
        check_plausible(name, i, {out.data(), static_cast<std::size_t>(out.size())});
        return out;
      },
      py::arg("name"), py::arg("key"), py::arg("units"), py::arg("values").noconvert(),
      "A column's values in the table's unit (units: pollutant → unit), refused when no instrument "
      "reports them (a unit mistake).");
  m.def(
      "check_units",
      [](const std::vector<std::pair<std::string, std::string>>& units) {
        for (const auto& [pollutant, unit] : units) {
          parse_pollutant(pollutant);
          parse_unit(unit);
        }
      },
      py::arg("units"), "KeyError for an unknown pollutant or unit in units=.");
  m.def("record_days", &record_days, py::arg("texts"), py::arg("required"),
        "ISO dates of strings: (days since 1970-01-01 with NaT for None, any time of day); None when not "
        "required and the first text has no digit.");
}

}  // namespace aqi::python
