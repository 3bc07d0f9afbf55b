// The official holiday arrangement and working days (SPEC D2): day kinds and working days of
// dates, the D2 count, the notices and the days they list.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/calendar/holidays.hpp"
#include "aqi/detail/dates.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;

// f(kind) of each day (days since 1970-01-01); a missing day (NaT) is an error naming it, a day
// the calendar cannot decide a KeyError (CalendarNotAvailable).
template <class T, class F>
py::array_t<T> per_day(const Int64Array& days, F f) {
  const auto n = static_cast<std::size_t>(days.size());
  auto out = new_array<T>(n);
  const auto& cal = builtin_holiday_calendar();
  for (std::size_t i = 0; i < n; ++i) {
    if (days.data()[i] == nat) throw InvalidValue("dates", i, "the date is missing (NaT)");
    out.mutable_data()[i] = static_cast<T>(f(cal.kind(date_from_days(days.data()[i]))));
  }
  return out;
}

std::vector<std::int64_t> day_numbers(const std::vector<boost::gregorian::date>& v) {
  std::vector<std::int64_t> out;
  for (auto d : v) out.push_back(days_from_date(d));
  return out;
}

// The notices, for inspection: the built-in calendar lives for the program, so its years are
// shared without a copy.
void bind_notices(py::module_& m) {
  bind_result<Holiday>(m, "Holiday", "One holiday of a notice: its days off and make-up working days (SPEC D2).")
      .def_readonly("name_zh", &Holiday::name_zh)
      .def_readonly("name_en", &Holiday::name_en)
      .def_property_readonly("days_off", [](const Holiday& h) { return day_numbers(h.days_off); })
      .def_property_readonly("makeup_workdays", [](const Holiday& h) { return day_numbers(h.makeup_workdays); })
      .def_readonly("note", &Holiday::note)
      .def("__repr__", [](const Holiday& h) {
        return "Holiday(" + h.name_zh + ", " + std::to_string(h.days_off.size()) + " days off from " +
               (h.days_off.empty() ? std::string("-") : aqi::detail::iso(h.days_off.front())) + ")";
      });
  bind_result<HolidayYear>(m, "HolidayYear",
                           "One year's State Council notice (国务院办公厅关于…年部分节假日安排的通知).")
      .def_readonly("year", &HolidayYear::year)
      .def_readonly("notice", &HolidayYear::notice)
      .def_readonly("notice_number", &HolidayYear::notice_number)
      .def_property_readonly("notice_date", [](const HolidayYear& y) { return days_from_date(y.notice_date); })
      .def_readonly("revisions", &HolidayYear::revisions)
      .def_readonly("sources", &HolidayYear::sources)
      .def_readonly("holidays", &HolidayYear::holidays)
      .def("__repr__", [](const HolidayYear& y) { return "aqi.holiday_year(" + std::to_string(y.year) + ")"; });
}

}  // namespace

void register_holiday_calendar(py::module_& m) {
  bind_notices(m);
  // DayKind of each day: 0 working day, 1 weekend, 2 holiday, 3 make-up working day.
  m.def(
      "day_kinds", [](const Int64Array& days) { return per_day<std::uint8_t>(days, [](DayKind k) { return k; }); },
      py::arg("days").noconvert());
  // SPEC D2: a working day is a make-up working day or a Monday–Friday that is not a day off.
  m.def(
      "working_days", [](const Int64Array& days) { return per_day<bool>(days, is_working); },
      py::arg("days").noconvert());
  m.def("day_kind_names", [] {
    std::vector<std::string> names;
    for (DayKind k : all_day_kinds) names.emplace_back(name(k));
    return names;
  });
  m.def(
      "working_days_after",
      [](std::int64_t day, int n) {
        return days_from_date(builtin_holiday_calendar().working_days_after(date_from_days(day), n));
      },
      py::arg("day"), py::arg("n"));
  m.def("holiday_years", [] {
    std::vector<std::shared_ptr<HolidayYear>> out;
    for (const auto& y : builtin_holiday_calendar().years())
      out.emplace_back(std::shared_ptr<HolidayYear>(), const_cast<HolidayYear*>(&y));  // aliased: built in
    return out;
  });
  m.def(
      "holiday_year",
      [](int year) {
        const HolidayYear& y = builtin_holiday_calendar().year(year);
        return std::shared_ptr<HolidayYear>(std::shared_ptr<HolidayYear>(), const_cast<HolidayYear*>(&y));
      },
      py::arg("year"));
  // The days the notices list, by date (one notice's when `year` is given).
  m.def(
      "holiday_days",
      [](std::optional<int> year) {
        return TableBuilder<HolidayCalendar::ListedDay>(builtin_holiday_calendar().listed_days(year))
            .date("date", [](const auto& d) { return d.day; })
            .text("kind", [](const auto& d) { return std::string(name(d.kind)); })
            .text("name_zh", [](const auto& d) { return d.holiday->name_zh; })
            .text("name_en", [](const auto& d) { return d.holiday->name_en; })
            .integer("notice_year", [](const auto& d) { return d.notice->year; })
            .text("notice_number", [](const auto& d) { return d.notice->notice_number; })
            .build();
      },
      py::arg("year") = py::none());
}

}  // namespace aqi::python
