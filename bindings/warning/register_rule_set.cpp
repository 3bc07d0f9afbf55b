// Warning rule sets (SPEC W7): the built-in ones and files of the same form.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/rule_set.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {
// A read-only property whose getter is a method (its signature names `self`, so the generated stubs
// give its type).
template <class C, class F>
void readonly(C& c, const char* name, F f) {
  c.def_property_readonly(name, py::cpp_function(f, py::is_method(c)));
}
}  // namespace

void register_rule_set(py::module_& m) {
  py::class_<RuleSet, std::shared_ptr<RuleSet>> c(m, "RuleSet",
                                                  "A warning rule set (SPEC W7); use aqi.rule_set(id or path).");
  c.def_readonly("id", &RuleSet::id)
      .def_readonly("title", &RuleSet::title)
      .def_readonly("document", &RuleSet::document)
      .def_readonly("merge_gap_days", &RuleSet::merge_gap_days)
      .def_readonly("lift_first_hours", &RuleSet::lift_first_hours)
      .def_readonly("lift_at_most", &RuleSet::lift_at_most)
      .def_readonly("downgrade_consecutive_issues", &RuleSet::downgrade_consecutive_issues)
      .def("level_code", &RuleSet::level_code, py::arg("name"),
           "A level's code (0 = none) by its English or Chinese name (\"orange\" or \"橙色\").")
      .def("__repr__", [](const RuleSet& r) { return "<aqi.RuleSet " + r.id + ": " + r.title + ">"; });
  readonly(c, "levels", [](const RuleSet& r) {
    std::vector<std::string> out{"none"};
    for (const auto& l : r.levels) out.push_back(l.name);
    return out;
  });
  readonly(c, "levels_zh", [](const RuleSet& r) {
    std::vector<std::string> out{""};
    for (const auto& l : r.levels) out.push_back(l.name_zh);
    return out;
  });
  readonly(c, "responses", [](const RuleSet& r) {
    std::vector<std::optional<std::string>> out{std::nullopt};
    for (const auto& l : r.levels) out.emplace_back(std::string(name(l.response)));
    return out;
  });
  readonly(c, "clauses", [](const RuleSet& r) {
    std::vector<std::vector<std::string>> out;
    for (const auto& l : r.levels) {
      out.emplace_back();
      for (const auto& clause : l.clauses) out.back().push_back(clause.describe());
    }
    return out;
  });
  m.def(
      "rule_set", [](const std::string& id) { return std::const_pointer_cast<RuleSet>(share(rule_set(id))); },
      py::arg("id"), "A built-in rule set (immutable, lives as long as the module).");
  m.def(
      "load_rule_set", [](const std::string& path) { return std::make_shared<RuleSet>(RuleSet::load(path)); },
      py::arg("path"));
  m.def("rule_set_ids", [] {
    std::vector<std::string> out;
    for (const auto& r : builtin_rule_sets()) out.push_back(r.id);
    return out;
  });
}

}  // namespace aqi::python
