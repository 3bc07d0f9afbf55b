// SPEC E10: the cheapest extra cuts that close every shortfall, or why none can (GLPK MILP).
#include <memory>
#include <optional>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/top_up.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"

namespace aqi::python {

void register_top_up(py::module_& m) {
  m.def(
      "top_up",
      [](std::shared_ptr<Inventory> inv, const std::string& level, std::optional<double> dust_cap,
         std::shared_ptr<IndustryMeasures> measures, std::shared_ptr<EmissionTargets> targets,
         std::optional<py::array_t<std::uint8_t, py::array::c_style>> candidates) {
        TopUpOptions o;
        o.cuts.dust_cap = dust_cap;
        o.cuts.measures = measures.get();
        o.cuts.targets = targets.get();
        if (candidates) o.candidates.assign(candidates->data(), candidates->data() + candidates->size());
        const ResponseLevel l = parse_response_level(level);
        TopUp t;
        {
          py::gil_scoped_release release;
          t = top_up(*inv, l, o);
        }
        py::dict d;
        d["level"] = std::string(name(t.level));
        d["needed"] = t.needed;
        d["feasible"] = t.feasible;
        d["cost"] = t.cost;
        d["explanation"] = t.explanation;
        py::list id, extra, extra_lines, new_cut, cost, so2, nox, pm, vocs;
        for (const auto& c : t.cuts) {
          id.append(inv->id[c.source]);
          extra.append(c.extra);
          extra_lines.append(c.extra_lines);
          new_cut.append(c.new_cut);
          cost.append(c.cost);
          so2.append(c.reduction[0]);
          nox.append(c.reduction[1]);
          pm.append(c.reduction[2]);
          vocs.append(c.reduction[3]);
        }
        py::dict cuts;
        cuts["id"] = id;
        cuts["extra_cut"] = extra;
        cuts["extra_lines"] = extra_lines;
        cuts["new_cut"] = new_cut;
        cuts["cost"] = cost;
        cuts["so2"] = so2;
        cuts["nox"] = nox;
        cuts["pm"] = pm;
        cuts["vocs"] = vocs;
        d["cuts"] = cuts;
        py::list before, after;
        for (const auto& c : t.before) before.append(check_dict(c, *inv));
        for (const auto& c : t.after) after.append(check_dict(c, *inv));
        d["before"] = before;
        d["after"] = after;
        py::dict counts;
        counts["candidates"] = t.candidates;
        counts["no_cost"] = t.no_cost;
        counts["not_sourced"] = t.not_sourced;
        counts["exempt"] = t.exempt;
        counts["at_maximum"] = t.at_maximum;
        counts["not_chosen"] = t.not_chosen;
        d["counts"] = counts;
        return d;
      },
      py::arg("inventory"), py::arg("level"), py::arg("dust_cap"), py::arg("measures"), py::arg("targets"),
      py::arg("candidates"));
}

}  // namespace aqi::python
