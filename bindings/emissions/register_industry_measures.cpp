// The industry measure table (SPEC E3–E5) with the plan's fleet (E8) and dust (E9) measures, and
// the response targets (R3, R4): the built-in tables, a bureau's file of the same form, and the
// rows as tables for pandas.
#include <memory>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/targets.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

// A built-in table aliased (it lives as long as the program): held by pybind11 without const,
// as nothing bound mutates it.
template <class T>
std::shared_ptr<T> held(const std::shared_ptr<const T>& p) {
  return std::const_pointer_cast<T>(p);
}

Table rows_table(const std::vector<IndustryMeasure>& rules) {
  using R = IndustryMeasure;
  return TableBuilder<R>(rules)
      .text("industry", [](const R& r) { return key(r.industry); })
      .text("grade", [](const R& r) { return name(r.grade); })
      .text("response", [](const R& r) { return name(r.response); })
      .text("condition", [](const R& r) { return name(r.condition); })
      .number("cut", [](const R& r) { return r.cut; })
      .text("counted_by", [](const R& r) { return key(r.counted_by); })
      .text("status", [](const R& r) { return name(r.status()); })
      .flag("verified", [](const R& r) { return r.verified; })
      .text("evidence", [](const R& r) { return key(r.evidence); })
      .text("transport", [](const R& r) { return key(r.transport); })
      .text("measure_en", [](const R& r) { return r.measure_en; })
      .text("measure_zh", [](const R& r) { return r.measure_zh; })
      .text("source", [](const R& r) { return r.source; })
      .text("note", [](const R& r) { return r.note; })
      .text("document", [](const R& r) { return r.document; })
      .build();
}

Table notes_table(const std::vector<IndustryMeasureNote>& notes) {
  using N = IndustryMeasureNote;
  return TableBuilder<N>(notes)
      .text("id", [](const N& n) { return n.id; })
      .text("text", [](const N& n) { return n.text; })
      .text("source", [](const N& n) { return n.source; })
      .flag("verified", [](const N& n) { return n.verified; })
      .text("note", [](const N& n) { return n.note; })
      .build();
}

// SPEC E8, E9: one row per measure of the [fleet] and [dust] sections (what a source of that
// measure gets at III, II, I).
struct SourceRuleRow {
  std::string section, measure;
  const SourceRule* rule;
};

Table source_rules_table(const IndustryMeasures& m) {
  std::vector<SourceRuleRow> rows;
  if (m.has_fleet_rules())
    for (auto f : {FleetMeasure::heavy_truck_ban, FleetMeasure::non_road_ban, FleetMeasure::black_smoke_ban,
                   FleetMeasure::restricted_zone})
      rows.push_back({"fleet", std::string(name(f)), m.fleet().rule(f)});
  for (std::size_t a = 1; a < dust_activity_count; ++a)
    if (const SourceRule* r = m.dust_rules().rule(static_cast<DustActivity>(a)))
      rows.push_back({"dust", std::string(dust_activity_keys[a]), r});
  using S = SourceRuleRow;
  TableBuilder<S> t(rows);
  t.text("section", [](const S& s) { return s.section; }).text("measure", [](const S& s) { return s.measure; });
  for (ResponseLevel l : measure_levels) t.flag(name(l).data(), [l](const S& s) { return s.rule->levels.contains(l); });
  return t.text("measure_en", [](const S& s) { return s.rule->measure_en; })
      .text("measure_zh", [](const S& s) { return s.rule->measure_zh; })
      .text("source", [](const S& s) { return s.rule->source; })
      .build();
}

// "IndustryMeasures(123 rows: 32 verified, 25 unverified, 66 not sourced; document='…')".
std::string measures_repr(const IndustryMeasures& m) {
  std::size_t count[3] = {0, 0, 0};
  for (const auto& r : m.rules()) ++count[static_cast<std::size_t>(r.status())];
  return "IndustryMeasures(" + std::to_string(m.rules().size()) + " rows: " + std::to_string(count[0]) + " verified, " +
         std::to_string(count[1]) + " unverified, " + std::to_string(count[2]) +
         " not sourced; document=" + python_repr(m.document()) + ")";
}

void register_measure_table(py::module_& m) {
  bind_result<IndustryMeasures>(m, "IndustryMeasures", "The measure table (SPEC E3–E5, E8, E9).")
      .def_static("builtin", [] { return held(share(builtin_industry_measures())); })
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
      .def("rows", [](const IndustryMeasures& self) { return rows_table(self.rules()); })
      .def("reference_rows", [](const IndustryMeasures& self) { return rows_table(self.reference_rules()); })
      .def("notes", [](const IndustryMeasures& self) { return notes_table(self.notes()); })
      .def("source_rules", &source_rules_table, "The fleet (E8) and dust (E9) measures, one row each.")
      .def("missing", &IndustryMeasures::missing)
      .def("require_complete", &IndustryMeasures::require_complete)
      .def_property_readonly("document", &IndustryMeasures::document)
      .def_property_readonly("edition", &IndustryMeasures::edition)
      .def_property_readonly("status", &IndustryMeasures::status)
      .def("__len__", [](const IndustryMeasures& self) { return self.rules().size(); })
      .def("__repr__", &measures_repr);
}

void register_targets(py::module_& m) {
  bind_result<EmissionTargets>(m, "EmissionTargets", "Reduction targets of a response (SPEC R3, R4).")
      .def_static("builtin", [] { return held(share(builtin_emission_targets())); })
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
            return t.ratio(parse_measure_level(level), parse_emission_pollutant(pollutant));
          },
          py::arg("level"), py::arg("pollutant"), "The minimum reduction ratio (R3); level III, II, I (or Ⅱ, Ⅱ级).")
      .def_property_readonly("so2_nox_trade", &EmissionTargets::so2_nox_trade)
      .def_property_readonly("document", &EmissionTargets::document)
      .def_property_readonly("source", &EmissionTargets::source)
      .def("__repr__",
           [](const EmissionTargets& t) { return "EmissionTargets(document=" + python_repr(t.document()) + ")"; });
}

}  // namespace

void register_industry_measures(py::module_& m) {
  register_measure_table(m);
  register_targets(m);
}

}  // namespace aqi::python
