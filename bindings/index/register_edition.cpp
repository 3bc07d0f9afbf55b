// Editions of HJ 633 (SPEC A7): ids, dates in force, tables for inspection.
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include "aqi/detail/dates.hpp"

#include "aqi/index/edition.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {
py::dict describe(const Edition& e) {
  py::dict d;
  d["id"] = e.id();
  d["title"] = e.title();
  d["in_force_from"] = aqi::detail::iso(e.in_force_from());
  py::dict tables;
  for (Indicator i : all_indicators) {
    if (!e.rates(i)) continue;
    const auto& t = e.table(i);
    py::list bp, iq;
    for (std::size_t p = 0; p < t.points; ++p) {
      bp.append(t.concentration[p]);
      iq.append(t.iaqi[p]);
    }
    const auto& a = e.above_top(i);
    py::dict row;
    row["breakpoints"] = bp;
    row["iaqi"] = iq;
    row["above_top"] = a.kind == AboveTop::Kind::beyond_scale ? py::str("beyond_scale")
                       : a.kind == AboveTop::Kind::fixed_value
                           ? py::str("value " + std::to_string(int(a.value)))
                           : py::str("substitute " + std::string(key(a.substitute)));
    tables[py::str(std::string(key(i)))] = row;
  }
  d["indicators"] = tables;
  for (Period p : {Period::daily, Period::hourly}) {
    py::list keys;
    for (Indicator i : e.indicators(p)) keys.append(std::string(key(i)));
    d[py::str(std::string(name(p)) + "_indicators")] = keys;
  }
  return d;
}
}  // namespace

void register_edition(py::module_& m) {
  m.def(
      "editions",
      [] {
        py::list out;
        for (const auto& e : builtin_editions()) out.append(describe(e));
        return out;
      },
      "Every built-in edition, oldest first, as dicts.");
  m.def(
      "edition_info", [](const std::string& id) { return describe(edition(id)); }, py::arg("id"));
  m.def(
      "current_edition", [] { return current_edition().id(); },
      "The id of the edition in force today (China Standard Time).");
  m.def("indicator_keys", [] {
    py::list out;
    for (Indicator i : all_indicators) out.append(std::string(key(i)));
    return out;
  });
}

}  // namespace aqi::python
