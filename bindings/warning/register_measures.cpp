// The response-measure catalogue (SPEC R2) as typed tables: the measures (all, or of one response
// level in any of the plan's spellings), the departments, one department's tasks.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/plan.hpp"
#include "aqi/warning/measures.hpp"
#include "result.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {

std::string joined(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s;
}

// One row per measure, in the plan's order; departments as ids, the lead first.
Table measure_table(const std::vector<const Measure*>& measures) {
  using M = const Measure* const&;
  return TableBuilder<const Measure*>(measures)
      .text("id", [](M x) { return x->id; })
      .text("response", [](M x) { return std::string(name(x->response)); })
      .text("class", [](M x) { return x->measure_class; })
      .text("sector", [](M x) { return x->sector; })
      .text("topic", [](M x) { return x->topic; })
      .text("zh", [](M x) { return x->zh; })
      .text("en", [](M x) { return x->en; })
      .text("departments", [](M x) { return joined(x->departments); })
      .text("source", [](M x) { return x->source; })
      .text("note", [](M x) { return x->note; })
      .build();
}

std::vector<const Measure*> all_measures(const MeasureCatalogue& c) {
  std::vector<const Measure*> out;
  for (const auto& x : c.measures) out.push_back(&x);
  return out;
}

Table department_table(const MeasureCatalogue& c) {
  using D = const Department&;
  return TableBuilder<Department>(c.departments)
      .text("id", [](D d) { return d.id; })
      .text("name_zh", [](D d) { return d.name_zh; })
      .text("name_en", [](D d) { return d.name_en; })
      .text("duties_zh", [](D d) { return d.duties_zh; })
      .text("source", [](D d) { return d.source; })
      .build();
}

}  // namespace

void register_measures(py::module_& m) {
  m.def(
      "measures",
      [](const Plan& plan, const std::optional<std::string>& response) {
        const MeasureCatalogue& c = *plan.responses;
        return measure_table(response ? c.at(c.response_level(*response)) : all_measures(c));
      },
      py::arg("plan"), py::arg("response"),
      "The catalogue's measures; of one response level (II, Ⅱ or Ⅱ级) when given.");
  m.def(
      "departments", [](const Plan& plan) { return department_table(*plan.responses); }, py::arg("plan"));
  m.def(
      "tasks",
      [](const std::string& department, const std::string& response, const Plan& plan) {
        return measure_table(plan.responses->tasks(department, parse_response_level(response)));
      },
      py::arg("department"), py::arg("response"), py::arg("plan"),
      "SPEC R2: the measures one department (id, Chinese or English name) carries out at a response level.");
}

}  // namespace aqi::python
