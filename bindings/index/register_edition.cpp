// Editions of HJ 633 (SPEC A1, A7): the built-in editions as shared objects, their breakpoint
// tables for inspection, and the edition in force on a date.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/detail/dates.hpp"
#include "aqi/index/edition.hpp"
#include "calendar_convert.hpp"
#include "result.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {

// pybind11 holds results through shared_ptr<T>; the shared editions are const (nothing bound
// mutates them).
std::shared_ptr<Edition> held(const Edition& e) { return std::const_pointer_cast<Edition>(share(e)); }

// One column of an edition's breakpoint table, as an analyst reads it (SPEC A1).
struct EditionColumn {
  std::string edition;
  std::string key;
  std::vector<double> breakpoints;
  std::vector<double> iaqi;
  std::string above_top;  // describe(AboveTop): "beyond_scale", "value 200", "substitute so2_24h"

  EditionColumn(const Edition& e, Indicator i)
      : edition(e.id()), key(aqi::key(i)), above_top(describe(e.above_top(i))) {
    const auto& t = e.table(i);
    breakpoints.assign(t.concentration.begin(), t.concentration.begin() + static_cast<std::ptrdiff_t>(t.points));
    iaqi.assign(t.iaqi.begin(), t.iaqi.begin() + static_cast<std::ptrdiff_t>(t.points));
  }
};

std::vector<std::string> keys(const std::vector<Indicator>& v) {
  std::vector<std::string> out;
  for (Indicator i : v) out.emplace_back(key(i));
  return out;
}

// Earlier releases returned these as dicts: e["id"], e["indicators"]["pm25_24h"]["breakpoints"]
// keep working, reading the attribute of that name.
template <class Class>
void readable_by_name(Class& c, std::vector<std::string> names) {
  c.def(
      "__getitem__",
      [names](const py::object& self, const std::string& name) -> py::object {
        for (const auto& n : names)
          if (n == name) return self.attr(name.c_str());
        throw py::key_error(name);
      },
      py::arg("name"));
  c.def("keys", [names](const py::object&) { return names; });
}

void bind_edition_column(py::module_& m) {
  auto c = bind_result<EditionColumn>(m, "EditionColumn", "One column of an edition's breakpoint table (SPEC A1).");
  c.def_readonly("key", &EditionColumn::key)
      .def_readonly("breakpoints", &EditionColumn::breakpoints)
      .def_readonly("iaqi", &EditionColumn::iaqi)
      .def_readonly("above_top", &EditionColumn::above_top)
      .def("__repr__",
           [](const EditionColumn& col) { return "aqi.edition('" + col.edition + "').indicators['" + col.key + "']"; });
  readable_by_name(c, {"breakpoints", "iaqi", "above_top"});
}

void bind_edition(py::module_& m) {
  auto c = bind_result<Edition>(m, "Edition",
                                "An edition of HJ 633 (SPEC A1, A7): breakpoint tables and reports; aqi.edition(id).");
  c.def_property_readonly("id", &Edition::id)
      .def_property_readonly("title", &Edition::title)
      .def_property_readonly("in_force_from", [](const Edition& e) { return aqi::detail::iso(e.in_force_from()); })
      .def_property_readonly("indicators",
                             [](const Edition& e) {
                               std::map<std::string, EditionColumn> out;  // by indicator: the edition's table
                               for (Indicator i : all_indicators)
                                 if (e.rates(i)) out.emplace(std::string(key(i)), EditionColumn(e, i));
                               return out;
                             })
      .def_property_readonly("daily_indicators", [](const Edition& e) { return keys(e.indicators(Period::daily)); })
      .def_property_readonly("hourly_indicators", [](const Edition& e) { return keys(e.indicators(Period::hourly)); })
      .def(
          "rates", [](const Edition& e, const std::string& k) { return e.rates(parse_indicator(k)); }, py::arg("key"))
      .def("__repr__", [](const Edition& e) { return "aqi.edition('" + e.id() + "')"; });
  readable_by_name(c, {"id", "title", "in_force_from", "indicators", "daily_indicators", "hourly_indicators"});
}

}  // namespace

void register_edition(py::module_& m) {
  bind_edition_column(m);
  bind_edition(m);
  m.def(
      "editions",
      [] {
        std::vector<std::shared_ptr<Edition>> out;
        for (const auto& e : builtin_editions()) out.push_back(held(e));
        return out;
      },
      "Every built-in edition, oldest first.");
  m.def(
      "edition", [](const std::string& id) { return held(edition(id)); }, py::arg("id"),
      "A built-in edition by id; KeyError naming the ids.");
  m.def(
      "load_edition", [](const std::string& path) { return std::make_shared<Edition>(Edition::load(path)); },
      py::arg("path"), "An edition read from a TOML file of the built-in form (libaqi/rules/editions/).");
  m.def(
      "current_edition", [] { return current_edition().id(); },
      "The id of the edition in force today (China Standard Time).");
  m.def(
      "edition_in_force", [](std::int64_t day) { return edition_in_force(date_from_days(day)).id(); }, py::arg("day"),
      "SPEC A7: the id of the edition in force on a day (days since 1970-01-01).");
  m.def("indicator_keys", [] {
    std::vector<std::string> out;
    for (Indicator i : all_indicators) out.emplace_back(key(i));
    return out;
  });
}

}  // namespace aqi::python
