// The deadline calendar of a season run (SPEC D1–D4).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/calendar/deadlines.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;

// A season result's warnings table as columns (seconds since 1970 local time, NaT for a warning
// still in force; the row of its response period, -1 for none; document numbers, may be empty).
std::vector<WarningPeriod> warning_periods_from(const Int64Array& issued, const std::optional<Int64Array>& lifted,
                                                const std::optional<Int64Array>& periods,
                                                const std::vector<std::string>& doc_nos) {
  const auto n = static_cast<std::size_t>(issued.size());
  if (!lifted || !periods || static_cast<std::size_t>(lifted->size()) != n ||
      static_cast<std::size_t>(periods->size()) != n || (!doc_nos.empty() && doc_nos.size() != n))
    throw InvalidArgument("warnings: the issued, lifted, period and doc_no columns differ in length");
  std::vector<WarningPeriod> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].issued = time_from_seconds(issued.data()[i]);
    out[i].lifted = time_from_seconds(lifted->data()[i]);
    const auto p = periods->data()[i];
    out[i].period = p < 0 ? WarningPeriod::no_period : static_cast<std::size_t>(p);
    if (!doc_nos.empty()) out[i].doc_no = doc_nos[i];
  }
  return out;
}

}  // namespace

void register_deadlines(py::module_& m) {
  // starts/ends: seconds since 1970-01-01 local time (NaT: an end not reached); levels: "III",
  // "II", "I", "IV" or "" (none).
  m.def(
      "deadline_calendar",
      [](int season, const Int64Array& starts, const Int64Array& ends, const std::vector<std::string>& levels,
         std::optional<std::int64_t> data_end, bool yearly_on_working_day, const std::optional<Int64Array>& issued,
         const std::optional<Int64Array>& lifted, const std::optional<Int64Array>& warning_periods,
         const std::vector<std::string>& doc_nos) {
        const auto n = static_cast<std::size_t>(starts.size());
        if (static_cast<std::size_t>(ends.size()) != n || levels.size() != n)
          throw InvalidArgument("response_periods: the start, end and response columns differ in length");
        std::vector<ResponsePeriod> periods(n);
        for (std::size_t i = 0; i < n; ++i) {
          periods[i].start = time_from_seconds(starts.data()[i]);
          periods[i].end = time_from_seconds(ends.data()[i]);
          try {
            periods[i].highest = levels[i].empty() ? ResponseLevel::none : parse_response_level(levels[i]);
          } catch (const UnknownName& e) {
            throw InvalidValue("response_periods", i, e.what());
          }
        }
        DeadlineOptions o;
        if (data_end) o.data_end = time_from_seconds(*data_end);
        o.yearly_on_working_day = yearly_on_working_day;
        // SPEC D1 as revised: a season's warnings (issued, lifted, their response period: -1 none)
        // carry the daily reports from each notice to its lift; without them, the response periods.
        const auto all =
            issued
                ? deadline_calendar(season, warning_periods_from(*issued, lifted, warning_periods, doc_nos), periods, o)
                : deadline_calendar(season, periods, o);
        const std::size_t k = all.size();
        auto due = new_array<std::int64_t>(k), period = new_array<std::int64_t>(k), day = new_array<std::int64_t>(k);
        auto warning = new_array<std::int64_t>(k);
        std::vector<std::string> kind, rule, what, what_zh, who, who_zh, submit_to;
        for (std::size_t i = 0; i < k; ++i) {
          const auto& d = all[i];
          due.mutable_data()[i] = seconds_from_time(d.due);
          period.mutable_data()[i] = d.period == Deadline::no_period ? -1 : static_cast<std::int64_t>(d.period);
          day.mutable_data()[i] = d.day;
          warning.mutable_data()[i] = d.warning == Deadline::no_period ? -1 : static_cast<std::int64_t>(d.warning);
          kind.emplace_back(name(d.kind));
          rule.push_back(d.rule);
          what.push_back(d.what);
          what_zh.push_back(d.what_zh);
          who.push_back(d.who);
          who_zh.push_back(d.who_zh);
          submit_to.push_back(d.submit_to_zh);
        }
        py::dict out;
        out["due"] = due;
        out["what"] = what;
        out["who"] = who;
        out["rule"] = rule;
        out["kind"] = kind;
        out["period"] = period;
        out["day"] = day;
        out["warning"] = warning;
        out["what_zh"] = what_zh;
        out["who_zh"] = who_zh;
        out["submit_to_zh"] = submit_to;
        return out;
      },
      py::arg("season"), py::arg("starts").noconvert(), py::arg("ends").noconvert(), py::arg("levels"),
      py::arg("data_end"), py::arg("yearly_on_working_day"), py::arg("issued") = py::none(),
      py::arg("lifted") = py::none(), py::arg("warning_periods") = py::none(),
      py::arg("doc_nos") = std::vector<std::string>{});
  m.def(
      "season_of", [](std::int64_t day) { return season_of(date_from_days(day)); }, py::arg("day"));
}

}  // namespace aqi::python
