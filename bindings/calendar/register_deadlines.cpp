// The deadline calendar of a season run (SPEC D1–D4), under a plan's deadline rules.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/calendar/deadlines.hpp"
#include "aqi/plan.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;

// starts/ends: seconds since 1970-01-01 local time (NaT: an end not reached); levels: a response
// level as parse_response_level reads it, or "" (none).
std::vector<ResponsePeriod> response_periods(const Int64Array& starts, const Int64Array& ends,
                                             const std::vector<std::string>& levels) {
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
  return periods;
}

// A season result's warnings table as columns (SPEC D1 from the notice): issued and lifted in
// seconds since 1970 local time (NaT: still in force), the row of the response period (-1: none),
// the document numbers (may be empty).
std::vector<WarningPeriod> warning_periods(const Int64Array& issued, const Int64Array& lifted,
                                           const Int64Array& periods, const std::vector<std::string>& doc_nos) {
  const auto n = static_cast<std::size_t>(issued.size());
  if (static_cast<std::size_t>(lifted.size()) != n || static_cast<std::size_t>(periods.size()) != n ||
      (!doc_nos.empty() && doc_nos.size() != n))
    throw InvalidArgument("warnings: the issued, lifted, period and doc_no columns differ in length");
  std::vector<WarningPeriod> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].issued = time_from_seconds(issued.data()[i]);
    out[i].lifted = time_from_seconds(lifted.data()[i]);
    const auto p = periods.data()[i];
    out[i].period = p < 0 ? WarningPeriod::no_period : static_cast<std::size_t>(p);
    if (!doc_nos.empty()) out[i].doc_no = doc_nos[i];
  }
  return out;
}

// The deadlines as the columns of aqi.deadlines: `period` -1 and `day` 0 where they do not apply.
Table deadline_table(const std::vector<Deadline>& all) {
  return TableBuilder<Deadline>(all)
      .time("due", [](const Deadline& d) { return d.due; })
      .text("what", [](const Deadline& d) { return d.what; })
      .text("who", [](const Deadline& d) { return d.who; })
      .text("rule", [](const Deadline& d) { return d.rule; })
      .text("kind", [](const Deadline& d) { return std::string(name(d.kind)); })
      .integer(
          "period",
          [](const Deadline& d) { return d.period == Deadline::no_period ? -1 : static_cast<std::int64_t>(d.period); })
      .integer("day", [](const Deadline& d) { return d.day; })
      .text("what_zh", [](const Deadline& d) { return d.what_zh; })
      .text("who_zh", [](const Deadline& d) { return d.who_zh; })
      .text("submit_to", [](const Deadline& d) { return d.submit_to_zh; })
      .integer("warning",
               [](const Deadline& d) {
                 return d.warning == Deadline::no_period ? -1 : static_cast<std::int64_t>(d.warning);
               })
      .text("detail_zh", [](const Deadline& d) { return d.detail_zh; })  // SPEC N5: what `what` adds, in Chinese
      .build();
}

// A season's deadlines: which season and rules they are of, and the table.
struct DeadlineCalendar {
  int season = 0;
  std::string rules;  // the deadline rules' id (the plan's)
  Table deadlines;
};

}  // namespace

void register_deadlines(py::module_& m) {
  bind_result<DeadlineCalendar>(m, "DeadlineCalendar", "The deadlines of a season run (SPEC D4).")
      .def_readonly("season", &DeadlineCalendar::season)
      .def_readonly("rules", &DeadlineCalendar::rules)
      .def_readonly("deadlines", &DeadlineCalendar::deadlines)
      .def("__repr__", [](const DeadlineCalendar& c) {
        return "DeadlineCalendar(season=" + std::to_string(c.season) + ", plan='" + c.rules + "', " +
               std::to_string(c.deadlines.rows) + " deadlines)";
      });
  // season: the year the season starts in, or None: the season of first_day (days since
  // 1970-01-01), else of the first response. data_end (seconds) or last_day (days): where the
  // run's data end. plan: whose deadline rules (None: the built-in plan's).
  m.def(
      "deadline_calendar",
      [](std::optional<int> season, const Int64Array& starts, const Int64Array& ends,
         const std::vector<std::string>& levels, std::optional<std::int64_t> first_day,
         std::optional<std::int64_t> last_day, std::optional<std::int64_t> data_end, bool yearly_on_working_day,
         const std::optional<std::shared_ptr<Plan>>& plan, const std::optional<Int64Array>& issued,
         const std::optional<Int64Array>& lifted, const std::optional<Int64Array>& warning_periods_of,
         const std::vector<std::string>& doc_nos) {
        const auto periods = response_periods(starts, ends, levels);
        const int s = season
                          ? *season
                          : season_of_run(first_day ? date_from_days(*first_day) : boost::gregorian::date(), periods);
        DeadlineOptions o;
        if (data_end) o.data_end = time_from_seconds(*data_end);
        if (last_day) o.last_day = date_from_days(*last_day);
        o.yearly_on_working_day = yearly_on_working_day;
        const DeadlineRules& rules = plan && *plan ? *(*plan)->deadlines : deadline_rules();
        // SPEC D1 as revised: a season's warnings carry the daily reports from each notice to its
        // lift; without them (a table of response periods alone), the response periods do.
        if (issued && lifted && warning_periods_of) {
          const auto warnings = warning_periods(*issued, *lifted, *warning_periods_of, doc_nos);
          return DeadlineCalendar{
              s, rules.id,
              deadline_table(deadline_calendar(s, warnings, periods, o, builtin_holiday_calendar(), rules))};
        }
        return DeadlineCalendar{s, rules.id,
                                deadline_table(deadline_calendar(s, periods, o, builtin_holiday_calendar(), rules))};
      },
      py::arg("season"), py::arg("starts").noconvert(), py::arg("ends").noconvert(), py::arg("levels"),
      py::arg("first_day"), py::arg("last_day"), py::arg("data_end"), py::arg("yearly_on_working_day"),
      py::arg("plan") = py::none(), py::arg("issued") = py::none(), py::arg("lifted") = py::none(),
      py::arg("warning_periods") = py::none(), py::arg("doc_nos") = std::vector<std::string>{});
  m.def(
      "season_of", [](std::int64_t day) { return season_of(date_from_days(day)); }, py::arg("day"));
}

}  // namespace aqi::python
