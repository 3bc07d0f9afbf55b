// A county's plan as one object (aqi::Plan): its parts, built-in by id or read from a folder.
// Parts are shared immutable objects; pybind11 holds them through shared_ptr (const cast away
// for the holder only: nothing bound mutates them).
#include <memory>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/detail/dates.hpp"
#include "aqi/plan.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {
template <class T>
std::shared_ptr<T> held(const std::shared_ptr<const T>& p) {
  return std::const_pointer_cast<T>(p);
}
}  // namespace

void register_plan(py::module_& m) {
  py::class_<Plan, std::shared_ptr<Plan>>(m, "Plan", "A county's emergency plan as data; use aqi.plan(id or folder).")
      .def_readonly("id", &Plan::id)
      .def_readonly("title", &Plan::title)
      .def_readonly("document", &Plan::document)
      .def_readonly("issuer", &Plan::issuer)
      .def_property_readonly("date", [](const Plan& p) { return detail::iso(p.date); })
      .def_readonly("county_zh", &Plan::county_zh)
      .def_readonly("county_en", &Plan::county_en)
      .def_readonly("source", &Plan::source)
      .def_property_readonly("warnings", [](const Plan& p) { return held(p.warnings); })
      .def_property_readonly("targets", [](const Plan& p) { return held(p.targets); })
      .def_property_readonly("industry_measures", [](const Plan& p) { return held(p.industry_measures); })
      .def("__repr__", [](const Plan& p) { return "aqi.plan(" + std::string(p.source.rfind("libaqi/rules/plans/", 0) == 0 ? "'" + p.id + "'" : "'" + p.source + "'") + ")"; });
  m.def("plan", [](const std::string& id) { return held(share(plan(id))); }, py::arg("id"),
        "A built-in plan (immutable, lives as long as the module).");
  m.def("load_plan", [](const std::string& folder) { return std::make_shared<Plan>(Plan::load(folder)); },
        py::arg("folder"));
  m.def("plan_ids", [] {
    py::list out;
    for (const auto& p : builtin_plans()) out.append(p.id);
    return out;
  });
}

}  // namespace aqi::python
