// Shared by the bindings that take a kiln table from Python's columns (the kiln credit of
// emission_cuts and of episode_records): id, lines, capacity and K8's emissions.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>

#include "aqi/error.hpp"
#include "aqi/kilns/kiln.hpp"
#include "common.hpp"

namespace aqi::python {

// K8: emissions is an n × 4 array (so2, nox, pm, vocs); a row of NaN = no emissions given for that kiln.
inline std::vector<Kiln> kiln_table(const std::vector<std::string>& ids,
                                    const pybind11::array_t<std::int64_t, pybind11::array::c_style>& lines,
                                    const DoubleArray& capacity, const std::optional<DoubleArray>& emissions) {
  auto kilns = kilns_from_columns(ids, {lines.data(), static_cast<std::size_t>(lines.size())}, view(capacity));
  if (!emissions) return kilns;
  if (static_cast<std::size_t>(emissions->size()) != 4 * kilns.size())
    throw InvalidArgument("kilns: the so2, nox, pm and vocs columns differ in length from the id column");
  const double* e = emissions->data();
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    std::size_t missing = 0;
    for (std::size_t p = 0; p < 4; ++p) missing += std::isnan(e[4 * i + p]);
    if (missing == 4) continue;
    if (missing > 0)
      throw InvalidValue(
          "kilns", i,
          "kiln '" + kilns[i].id + "': a kiln gives all four emissions so2, nox, pm, vocs or none (t/day, SPEC K8)");
    kilns[i].emissions = std::array<double, 4>{e[4 * i], e[4 * i + 1], e[4 * i + 2], e[4 * i + 3]};
  }
  return kilns;
}

}  // namespace aqi::python
