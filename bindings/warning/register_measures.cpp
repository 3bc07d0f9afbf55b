// The response-measure catalogue (SPEC R2) as plain Python data.
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/plan.hpp"
#include "aqi/warning/measures.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {
py::dict measure_dict(const Measure& x) {
  py::dict d;
  d["id"] = x.id;
  d["response"] = std::string(name(x.response));
  d["class"] = x.measure_class;
  d["sector"] = x.sector;
  d["topic"] = x.topic;
  d["zh"] = x.zh;
  d["en"] = x.en;
  d["departments"] = x.departments;
  d["source"] = x.source;
  d["note"] = x.note;
  return d;
}
}  // namespace

void register_measures(py::module_& m) {
  m.def("measure_catalogue", [](const Plan& plan) {
    const MeasureCatalogue& c = *plan.responses;
    py::list measures, departments;
    for (const auto& x : c.measures) measures.append(measure_dict(x));
    for (const auto& d : c.departments) {
      py::dict dd;
      dd["id"] = d.id;
      dd["name_zh"] = d.name_zh;
      dd["name_en"] = d.name_en;
      dd["duties_zh"] = d.duties_zh;
      dd["source"] = d.source;
      departments.append(dd);
    }
    py::dict out;
    out["document"] = c.document;
    out["measures"] = measures;
    out["departments"] = departments;
    return out;
  }, py::arg("plan"));
  m.def(
      "tasks",
      [](const std::string& department, const std::string& response, const Plan& plan) {
        const MeasureCatalogue& c = *plan.responses;
        py::list out;
        for (const Measure* x : c.tasks(department, parse_response_level(response))) out.append(measure_dict(*x));
        return py::make_tuple(c.department(department).id, out);
      },
      py::arg("department"), py::arg("response"), py::arg("plan"));
}

}  // namespace aqi::python
