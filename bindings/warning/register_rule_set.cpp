// Warning rule sets (SPEC W7): the built-in ones and files of the same form.
#include <memory>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/rule_set.hpp"

namespace py = pybind11;

namespace aqi::python {

void register_rule_set(py::module_& m) {
  py::class_<RuleSet, std::shared_ptr<RuleSet>>(m, "RuleSet", "A warning rule set (SPEC W7); use aqi.rule_set(id or path).")
      .def_readonly("id", &RuleSet::id)
      .def_readonly("title", &RuleSet::title)
      .def_readonly("document", &RuleSet::document)
      .def_readonly("merge_gap_days", &RuleSet::merge_gap_days)
      .def_readonly("lift_first_hours", &RuleSet::lift_first_hours)
      .def_readonly("lift_at_most", &RuleSet::lift_at_most)
      .def_readonly("downgrade_consecutive_issues", &RuleSet::downgrade_consecutive_issues)
      .def_property_readonly("levels",
                             [](const RuleSet& r) {
                               py::list out;
                               out.append("none");
                               for (const auto& l : r.levels) out.append(l.name);
                               return out;
                             })
      .def_property_readonly("levels_zh",
                             [](const RuleSet& r) {
                               py::list out;
                               out.append("");
                               for (const auto& l : r.levels) out.append(l.name_zh);
                               return out;
                             })
      .def_property_readonly("responses",
                             [](const RuleSet& r) {
                               py::list out;
                               out.append(py::none());
                               for (const auto& l : r.levels) out.append(std::string(name(l.response)));
                               return out;
                             })
      .def_property_readonly("clauses",
                             [](const RuleSet& r) {
                               py::list out;
                               for (const auto& l : r.levels) {
                                 py::list cs;
                                 for (const auto& c : l.clauses) cs.append(c.describe());
                                 out.append(cs);
                               }
                               return out;
                             })
      .def("__repr__", [](const RuleSet& r) { return "<aqi.RuleSet " + r.id + ": " + r.title + ">"; });
  m.def(
      "rule_set", [](const std::string& id) { return std::const_pointer_cast<RuleSet>(share(rule_set(id))); },
      py::arg("id"), "A built-in rule set (immutable, lives as long as the module).");
  m.def(
      "load_rule_set", [](const std::string& path) { return std::make_shared<RuleSet>(RuleSet::load(path)); },
      py::arg("path"));
  m.def("rule_set_ids", [] {
    py::list out;
    for (const auto& r : builtin_rule_sets()) out.append(r.id);
    return out;
  });
}

}  // namespace aqi::python
