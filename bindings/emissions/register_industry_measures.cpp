// The industry measure table (SPEC E3–E5) and the response targets (R3, R4): the built-in
// tables, a bureau's file of the same form, and the rows for pandas.
#include <memory>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/targets.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

py::dict rows(const std::vector<IndustryMeasure>& rules) {
  py::list industry, grade, response, condition, cut, counted_by, measure_zh, measure_en, source, verified, status,
      evidence, transport, note, document;
  for (const auto& r : rules) {
    industry.append(std::string(key(r.industry)));
    grade.append(std::string(name(r.grade)));
    response.append(std::string(name(r.response)));
    condition.append(r.condition == LowNoxCondition::any           ? ""
                     : r.condition == LowNoxCondition::retrofitted ? "low_nox = 1"
                                                                   : "low_nox = 0");
    cut.append(r.cut);
    counted_by.append(std::string(key(r.counted_by)));
    measure_zh.append(r.measure_zh);
    measure_en.append(r.measure_en);
    source.append(r.source);
    verified.append(r.verified);
    status.append(std::string(name(r.status())));
    evidence.append(std::string(key(r.evidence)));
    transport.append(std::string(key(r.transport)));
    note.append(r.note);
    document.append(r.document);
  }
  py::dict d;
  d["industry"] = industry;
  d["grade"] = grade;
  d["response"] = response;
  d["condition"] = condition;
  d["cut"] = cut;
  d["counted_by"] = counted_by;
  d["status"] = status;
  d["verified"] = verified;
  d["evidence"] = evidence;
  d["transport"] = transport;
  d["measure_en"] = measure_en;
  d["measure_zh"] = measure_zh;
  d["source"] = source;
  d["note"] = note;
  d["document"] = document;
  return d;
}

}  // namespace

void register_industry_measures(py::module_& m) {
  py::class_<IndustryMeasures, std::shared_ptr<IndustryMeasures>>(m, "IndustryMeasures")
      .def_static("builtin", [] { return std::make_shared<IndustryMeasures>(builtin_industry_measures()); })
      .def_static(
          "parse",
          [](const std::string& text, const std::string& file) {
            return std::make_shared<IndustryMeasures>(IndustryMeasures::parse(text, file));
          },
          py::arg("text"), py::arg("file"))
      .def_static(
          "load",
          [](const std::string& path) { return std::make_shared<IndustryMeasures>(IndustryMeasures::load(path)); },
          py::arg("path"))
      .def(
          "overridden_by",
          [](const IndustryMeasures& self, const IndustryMeasures& bureau) {
            return std::make_shared<IndustryMeasures>(self.overridden_by(bureau));
          },
          py::arg("bureau"))
      .def("rows", [](const IndustryMeasures& self) { return rows(self.rules()); })
      .def("reference_rows", [](const IndustryMeasures& self) { return rows(self.reference_rules()); })
      .def("missing", &IndustryMeasures::missing)
      .def("require_complete", &IndustryMeasures::require_complete)
      .def("notes",
           [](const IndustryMeasures& self) {
             py::list out;
             for (const auto& n : self.notes()) {
               py::dict d;
               d["id"] = n.id;
               d["text"] = n.text;
               d["source"] = n.source;
               d["verified"] = n.verified;
               d["note"] = n.note;
               out.append(d);
             }
             return out;
           })
      .def_property_readonly("document", &IndustryMeasures::document)
      .def_property_readonly("edition", &IndustryMeasures::edition)
      .def_property_readonly("status", &IndustryMeasures::status)
      .def("__len__", [](const IndustryMeasures& self) { return self.rules().size(); });

  py::class_<EmissionTargets, std::shared_ptr<EmissionTargets>>(m, "EmissionTargets")
      .def_static("builtin", [] { return std::make_shared<EmissionTargets>(builtin_emission_targets()); })
      .def_static(
          "parse",
          [](const std::string& text, const std::string& file) {
            return std::make_shared<EmissionTargets>(EmissionTargets::parse(text, file));
          },
          py::arg("text"), py::arg("file"))
      .def_static(
          "load",
          [](const std::string& path) { return std::make_shared<EmissionTargets>(EmissionTargets::load(path)); },
          py::arg("path"))
      .def(
          "ratio",
          [](const EmissionTargets& t, const std::string& level, const std::string& pollutant) {
            return t.ratio(parse_response_level(level), parse_emission_pollutant(pollutant));
          },
          py::arg("level"), py::arg("pollutant"))
      .def_property_readonly("so2_nox_trade", &EmissionTargets::so2_nox_trade)
      .def_property_readonly("document", &EmissionTargets::document)
      .def_property_readonly("source", &EmissionTargets::source);
}

}  // namespace aqi::python
