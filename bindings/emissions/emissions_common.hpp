// Shared by the emission bindings (inventory, measure table, cuts, top-up): the per-pollutant
// check as a Python dict, and arguments read the same way everywhere.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/inventory.hpp"

namespace aqi::python {

namespace py = pybind11;

// SPEC R3–R6 for one pollutant; `inv` names the top contributors.
inline py::dict check_dict(const PollutantCheck& c, const Inventory& inv) {
  py::dict d;
  d["pollutant"] = std::string(key(c.pollutant));
  d["baseline"] = c.baseline;
  d["reduction"] = c.reduction;
  d["ratio"] = c.ratio;
  d["target"] = c.target;
  d["met"] = c.met;
  d["shortfall"] = c.shortfall;
  d["shortfall_pp"] = c.shortfall_pp;
  d["met_alone"] = c.met_alone;
  d["traded"] = c.traded;
  d["dust_reduction"] = c.dust_reduction;
  d["dust_counted"] = c.dust_counted;
  d["unverified_reduction"] = c.unverified_reduction;
  d["unsourced_sources"] = c.unsourced_sources;
  d["unsourced_baseline"] = c.unsourced_baseline;
  py::list top;
  for (const auto& t : c.top) {
    py::dict row;
    row["id"] = inv.id[t.source];
    row["reduction"] = t.reduction;
    row["share"] = t.share;
    top.append(row);
  }
  d["top"] = top;
  return d;
}

}  // namespace aqi::python
