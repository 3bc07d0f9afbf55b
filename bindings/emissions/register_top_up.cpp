// SPEC E10 as the bound class _core.TopUp: the cheapest extra cuts that close every shortfall, or
// why none can (GLPK MILP).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/top_up.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

// The top-up with the inventory its sources index.
struct TopUpResult {
  TopUp result;
  std::shared_ptr<const Inventory> inventory;
};

// One row per source given an extra cut, largest cost first.
Table extra_cuts_table(const TopUpResult& self) {
  const Inventory& inv = *self.inventory;
  using C = ExtraCut;
  TableBuilder<C> t(self.result.cuts);
  t.text("id", [&inv](const C& c) { return inv.id[c.source]; })
      .number("extra_cut", [](const C& c) { return c.extra; })
      .optional_integer("extra_lines",
                        [](const C& c) { return c.extra_lines < 0 ? std::nullopt : std::optional<int>(c.extra_lines); })
      .number("new_cut", [](const C& c) { return c.new_cut; })
      .number("cost", [](const C& c) { return c.cost; });
  for (auto p : all_emission_pollutants)
    t.number(key(p).data(), [p](const C& c) { return c.reduction[static_cast<std::size_t>(p)]; });
  return t.build();
}

// "TopUp(response='II', 4 extra cuts, cost 12.5: …)", "… not needed: …", "… infeasible: …".
std::string top_up_repr(const TopUpResult& self) {
  const TopUp& t = self.result;
  const std::string state = !t.needed ? "not needed"
                            : t.feasible
                                ? std::to_string(t.cuts.size()) + " extra cuts, cost " + printf_number("%.6g", t.cost)
                                : "infeasible";
  return "TopUp(response=" + python_repr(std::string(name(t.level))) + ", " + state + ": " + t.explanation + ")";
}

void bind_top_up_result(py::module_& m) {
  using R = TopUpResult;
  bind_result<R>(m, "TopUp", "SPEC E10: the cheapest extra cuts that close every shortfall, or why none can.")
      .def_property_readonly("response", [](const R& s) { return std::string(name(s.result.level)); })
      .def_property_readonly("needed", [](const R& s) { return s.result.needed; })
      .def_property_readonly("feasible", [](const R& s) { return s.result.feasible; })
      .def_property_readonly("cost", [](const R& s) { return s.result.cost; })
      .def_property_readonly("explanation", [](const R& s) { return s.result.explanation; })
      .def_property_readonly("cuts", &extra_cuts_table)
      .def_property_readonly("before", [](const R& s) { return summary_table(s.result.before, *s.inventory); })
      .def_property_readonly("after", [](const R& s) { return summary_table(s.result.after, *s.inventory); })
      .def_property_readonly("candidates", [](const R& s) { return s.result.candidates; })
      .def_property_readonly("no_cost", [](const R& s) { return s.result.no_cost; })
      .def_property_readonly("not_sourced", [](const R& s) { return s.result.not_sourced; })
      .def_property_readonly("exempt", [](const R& s) { return s.result.exempt; })
      .def_property_readonly("at_maximum", [](const R& s) { return s.result.at_maximum; })
      .def_property_readonly("not_chosen", [](const R& s) { return s.result.not_chosen; })
      .def_property_readonly("exempt_grade", [](const R& s) { return s.result.exempt_grade; })
      .def_property_readonly("assumption", [](const R& s) { return s.result.assumption; })
      .def_property_readonly("assumption_zh", [](const R& s) { return s.result.assumption_zh; })
      .def("__repr__", &top_up_repr);
}

}  // namespace

void register_top_up(py::module_& m) {
  bind_top_up_result(m);
  m.def(
      "top_up",
      [](std::shared_ptr<Inventory> inv, const std::string& response, std::optional<double> dust_cap,
         std::shared_ptr<IndustryMeasures> measures, std::shared_ptr<EmissionTargets> targets,
         const std::optional<std::vector<std::string>>& candidates, std::shared_ptr<KilnCredit> kilns) {
        TopUpOptions o;
        o.cuts = cut_options(dust_cap, measures, targets);
        if (kilns) o.cuts.kilns = *kilns;
        if (candidates) o.candidates = candidate_flags(*inv, *candidates);
        const ResponseLevel level = parse_measure_level(response);  // R3: III, II, I (Ⅱ, Ⅱ级)
        auto out = std::make_shared<TopUpResult>();
        out->inventory = inv;
        py::gil_scoped_release release;
        out->result = top_up(*inv, level, o);
        return out;
      },
      py::arg("inventory"), py::arg("response"), py::arg("dust_cap"), py::arg("measures"), py::arg("targets"),
      py::arg("candidates"), py::arg("kilns") = nullptr);
}

}  // namespace aqi::python
