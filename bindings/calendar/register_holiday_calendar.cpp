// The official holiday arrangement and working days (SPEC D2).
#include <cstdint>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/calendar/holidays.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"

namespace aqi::python {

void register_holiday_calendar(py::module_& m) {
  using Int64Array = py::array_t<std::int64_t, py::array::c_style>;
  // DayKind of each day (days since 1970-01-01): 0 working day, 1 weekend, 2 holiday,
  // 3 make-up working day. Throws (KeyError) for a day the calendar cannot decide.
  m.def(
      "day_kinds",
      [](const Int64Array& days) {
        const auto n = static_cast<std::size_t>(days.size());
        auto out = new_array<std::uint8_t>(n);
        const auto& cal = builtin_holiday_calendar();
        for (std::size_t i = 0; i < n; ++i) {
          if (days.data()[i] == nat) throw InvalidValue("dates", i, "the date is missing (NaT)");
          out.mutable_data()[i] = static_cast<std::uint8_t>(cal.kind(date_from_days(days.data()[i])));
        }
        return out;
      },
      py::arg("days").noconvert());
  m.def("day_kind_names", [] {
    std::vector<std::string> names;
    for (auto k : {DayKind::working_day, DayKind::weekend, DayKind::holiday, DayKind::makeup_working_day})
      names.emplace_back(name(k));
    return names;
  });
  m.def(
      "working_days_after",
      [](std::int64_t day, int n) {
        return days_from_date(builtin_holiday_calendar().working_days_after(date_from_days(day), n));
      },
      py::arg("day"), py::arg("n"));
  m.def("holiday_years", [] {
    py::list out;
    for (const auto& y : builtin_holiday_calendar().years()) {
      py::dict d;
      d["year"] = y.year;
      d["notice"] = y.notice;
      d["notice_number"] = y.notice_number;
      d["notice_date"] = days_from_date(y.notice_date);
      d["revisions"] = y.revisions;
      d["sources"] = y.sources;
      py::list holidays;
      for (const auto& h : y.holidays) {
        py::dict hd;
        hd["name_zh"] = h.name_zh;
        hd["name_en"] = h.name_en;
        std::vector<std::int64_t> off, makeup;
        for (auto x : h.days_off) off.push_back(days_from_date(x));
        for (auto x : h.makeup_workdays) makeup.push_back(days_from_date(x));
        hd["days_off"] = off;
        hd["makeup_workdays"] = makeup;
        hd["note"] = h.note;
        holidays.append(hd);
      }
      d["holidays"] = holidays;
      out.append(d);
    }
    return out;
  });
}

}  // namespace aqi::python
