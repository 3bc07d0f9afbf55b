// Per-source cuts and the target check (SPEC E1–E9, R3–R6) as the bound class _core.EmissionCuts:
// the result keeps its inventory alive (and, in C++, its measure table and targets); numbers come
// as arrays, the per-source texts as categoricals (a county has a few hundred distinct measures:
// 100,000 Python strings would cost more than the cuts).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/kiln_credit.hpp"
#include "aqi/emissions/source_tasks.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"
#include "kilns/kiln_columns.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

// The cuts with the inventory they index (ids, kinds, the texts of each source).
struct CutsResult {
  EmissionCuts cuts;
  std::shared_ptr<const Inventory> inventory;
};

template <std::size_t N>
std::vector<std::string> categories(const std::array<std::string_view, N>& keys) {
  return {keys.begin(), keys.end()};
}

std::vector<std::string> grade_categories() {
  std::vector<std::string> out;
  for (std::size_t g = 0; g < grade_count; ++g) out.emplace_back(name(static_cast<Grade>(g)));
  return out;
}

// Per source: cut, reductions, its kind, industry and grade, and what decided the cut.
Table sources_table(const CutsResult& self) {
  const EmissionCuts& r = self.cuts;
  const Inventory& inv = *self.inventory;
  const auto rows = row_numbers(r.size());
  // SPEC N5: the measure in Chinese beside the English, as the task list words it (N2).
  const std::vector<SourceTask> tasks = source_tasks(inv, r);
  using I = std::size_t;
  TableBuilder<I> t(rows);
  t.number("cut", [&r](I i) { return r.cut[static_cast<Eigen::Index>(i)]; });
  for (auto p : all_emission_pollutants)
    t.number(key(p).data(),
             [&r, p](I i) { return r.reduction(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(p)); });
  // The inventory's keys by their enum values (categories in key-table order): nothing hashed.
  t.category(
      "kind", [&inv](I i) { return inv.kind[i]; }, categories(source_kind_keys));
  t.category(
      "industry", [&inv](I i) { return inv.industry[i]; }, categories(industry_keys));
  t.category(
      "grade", [&inv](I i) { return inv.grade[i]; }, grade_categories());
  return t.category("rule_status", [&r](I i) { return cut_rule_status(r, i); })
      .category("counted_by", [&r](I i) { return cut_counted_by(r, i); })
      .optional_integer(
          "lines_stopped",
          [&r](I i) { return r.lines_stopped[i] < 0 ? std::nullopt : std::optional<int>(r.lines_stopped[i]); })
      .flag("capped", [&r](I i) { return r.capped[i] != 0; })
      .flag("voluntary", [&r](I i) { return r.voluntary[i] != 0; })
      .category("measure", [&r, &inv](I i) { return cut_measure(r, inv, i); })
      .category("measure_zh", [&tasks](I i) { return tasks[i].measure_zh; })
      .category("rule_source", [&r, &inv](I i) { return cut_source(r, inv, i); })
      .build();
}

// SPEC E11: the facts of the inventory the office must see (protected enterprises below grade B).
Table warnings_table(const CutsResult& self) {
  const Inventory& inv = *self.inventory;
  using W = CutWarning;
  return TableBuilder<W>(self.cuts.warnings)
      .text("id", [&inv](const W& w) { return inv.id[w.source]; })
      .text("rule", [](const W& w) { return w.rule; })
      .text("reason_zh", [](const W& w) { return w.reason_zh; })
      .text("reason", [](const W& w) { return w.reason; })
      .build();
}

// SPEC K8: each kiln on the day — its stopped share and the reductions credited.
Table kiln_credit_table(const KilnCredit& k) {
  using R = KilnCreditRow;
  TableBuilder<R> t(k.kilns);
  t.text("id", [](const R& r) { return r.id; })
      .integer("lines", [](const R& r) { return r.lines; })
      .integer("lines_stopped", [](const R& r) { return r.lines_stopped; })
      .number("share", [](const R& r) { return r.share; })
      .flag("has_emissions", [](const R& r) { return r.has_emissions; });
  for (auto p : all_emission_pollutants)
    t.number(key(p).data(), [p](const R& r) { return r.reduction[static_cast<std::size_t>(p)]; });
  for (auto p : all_emission_pollutants)
    t.number((std::string("baseline_") + std::string(key(p))).c_str(),
             [p](const R& r) { return r.baseline[static_cast<std::size_t>(p)]; });
  return t.build();
}

// SPEC N2: the task list of each source (aqi::source_tasks).
Table tasks_table(const CutsResult& self) {
  using T = const SourceTask&;
  return TableBuilder<SourceTask>(source_tasks(*self.inventory, self.cuts))
      .text("id", [](T t) { return t.id; })
      .text("name", [](T t) { return t.name; })
      .text("industry", [](T t) { return t.industry; })
      .text("grade", [](T t) { return t.grade; })
      .text("measure_zh", [](T t) { return t.measure_zh; })
      .optional_integer("lines_stopped",
                        [](T t) { return t.lines_stopped < 0 ? std::nullopt : std::optional<int>(t.lines_stopped); })
      .number("cut", [](T t) { return t.cut; })
      .text("transport", [](T t) { return t.transport; })
      .text("rule", [](T t) { return t.rule; })
      .text("status", [](T t) { return t.status; })
      .build();
}

py::array_t<double> reduction_of(const CutsResult& self, const std::string& pollutant) {
  const auto p = static_cast<Eigen::Index>(parse_emission_pollutant(pollutant));
  const std::size_t n = self.cuts.size();
  py::array_t<double> a(static_cast<py::ssize_t>(n));
  for (std::size_t i = 0; i < n; ++i) a.mutable_data()[i] = self.cuts.reduction(static_cast<Eigen::Index>(i), p);
  return a;
}

// "EmissionCuts(response='II', dust_cap=0.15, 283 sources, met=False: so2 …; 12 without a sourced
// rule, 3 on unverified rules, 9 excluded)".
std::string cuts_repr(const CutsResult& self) {
  const EmissionCuts& r = self.cuts;
  const std::string cap = r.dust_cap ? ", dust_cap=" + printf_number("%g", *r.dust_cap) : "";
  return "EmissionCuts(response=" + python_repr(std::string(name(r.level))) + cap + ", " + std::to_string(r.size()) +
         " sources, met=" + (r.met ? "True" : "False") + ": " + checks_text(r.summary) + "; " +
         std::to_string(r.unsourced) + " without a sourced rule, " + std::to_string(r.unverified) +
         " on unverified rules, " + std::to_string(r.excluded) + " excluded)";
}

void bind_cuts_result(py::module_& m) {
  bind_result<CutsResult>(m, "EmissionCuts", "Every source's cut at one response level and the county's check.")
      .def_property_readonly(
          "cut",
          [](const CutsResult& self) {
            py::array_t<double> a(static_cast<py::ssize_t>(self.cuts.size()));
            std::copy(self.cuts.cut.data(), self.cuts.cut.data() + self.cuts.size(), a.mutable_data());
            return a;
          },
          "Every source's cut, in inventory order (NaN: the rule has no value).")
      .def("reduction", &reduction_of, py::arg("pollutant"),
           "Every source's reduction of so2, nox, pm or vocs (t/day).")
      .def_property_readonly("sources", &sources_table)
      .def_property_readonly("tasks", &tasks_table, "SPEC N2: every source's task (一厂一策), Chinese first.")
      .def_property_readonly("summary",
                             [](const CutsResult& self) { return summary_table(self.cuts.summary, *self.inventory); })
      .def(
          "top",
          [](const CutsResult& self, const std::string& pollutant) {
            return contributors_table(self.cuts.check(parse_emission_pollutant(pollutant)), *self.inventory);
          },
          py::arg("pollutant"))
      .def_property_readonly("met", [](const CutsResult& self) { return self.cuts.met; })
      .def_property_readonly("warnings", &warnings_table)
      .def_property_readonly(
          "kilns",
          [](const CutsResult& self) -> std::optional<std::shared_ptr<KilnCredit>> {
            if (!self.cuts.kilns) return std::nullopt;
            return std::make_shared<KilnCredit>(*self.cuts.kilns);
          },
          "SPEC K8: the kiln rotation on the day, or None.")
      .def_property_readonly("response", [](const CutsResult& self) { return std::string(name(self.cuts.level)); })
      .def_property_readonly("response_zh",
                             [](const CutsResult& self) { return std::string(name_zh(self.cuts.level)); })
      .def_property_readonly("dust_cap", [](const CutsResult& self) { return self.cuts.dust_cap; })
      .def_property_readonly("excluded", [](const CutsResult& self) { return self.cuts.excluded; })
      .def_property_readonly("unsourced", [](const CutsResult& self) { return self.cuts.unsourced; })
      .def_property_readonly("unverified", [](const CutsResult& self) { return self.cuts.unverified; })
      .def_property_readonly("measures_document", [](const CutsResult& self) { return self.cuts.measures_document; })
      .def_property_readonly("targets_document", [](const CutsResult& self) { return self.cuts.targets_document; })
      .def("__len__", [](const CutsResult& self) { return self.cuts.size(); })
      .def("__repr__", &cuts_repr);
}

}  // namespace

void bind_kiln_credit(py::module_& m) {
  bind_result<KilnCredit>(m, "KilnCredit", "SPEC K8: the brick-kiln rotation credited on one day.")
      .def_property_readonly("on", [](const KilnCredit& k) { return days_from_date(k.on); })
      .def_readonly("in_season", &KilnCredit::in_season)
      .def_readonly("stopped", &KilnCredit::stopped)
      .def_readonly("without_emissions", &KilnCredit::without_emissions)
      .def_property_readonly(
          "baseline", [](const KilnCredit& k) { return std::vector<double>(k.baseline.begin(), k.baseline.end()); })
      .def_property_readonly(
          "reduction", [](const KilnCredit& k) { return std::vector<double>(k.reduction.begin(), k.reduction.end()); })
      .def_property_readonly("kilns", &kiln_credit_table);
  m.def(
      "kiln_credit",
      [](const std::vector<std::string>& ids, const py::array_t<std::int64_t, py::array::c_style>& lines,
         const DoubleArray& capacity, const std::optional<DoubleArray>& emissions, const KilnSchedule& schedule,
         std::int64_t on) {
        const auto kilns = kiln_table(ids, lines, capacity, emissions);
        return std::make_shared<KilnCredit>(kiln_credit(kilns, schedule, date_from_days(on)));
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("emissions"),
      py::arg("schedule"), py::arg("on"));
}

void register_emission_cuts(py::module_& m) {
  bind_cuts_result(m);
  bind_kiln_credit(m);
  m.def(
      "emission_cuts",
      [](std::shared_ptr<Inventory> inv, const std::string& response, std::optional<double> dust_cap,
         std::shared_ptr<IndustryMeasures> measures, std::shared_ptr<EmissionTargets> targets, std::size_t top,
         std::shared_ptr<KilnCredit> kilns) {
        CutOptions o = cut_options(dust_cap, measures, targets);
        o.top_contributors = top;
        if (kilns) o.kilns = *kilns;
        const ResponseLevel level = parse_measure_level(response);  // R3: III, II, I (Ⅱ, Ⅱ级)
        auto out = std::make_shared<CutsResult>();
        out->inventory = inv;
        std::optional<py::gil_scoped_release> release;
        if (inv->size() > release_gil_above) release.emplace();
        out->cuts = emission_cuts(*inv, level, o);
        return out;
      },
      py::arg("inventory"), py::arg("response"), py::arg("dust_cap"), py::arg("measures"), py::arg("targets"),
      py::arg("top"), py::arg("kilns") = nullptr);
}

}  // namespace aqi::python
