// The emission-reduction inventory (SPEC E1, E2, E7–E9): read from CSV text or a file, given back
// as a table of typed columns for pandas, and the key lists the Python package documents.
#include <memory>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/inventory.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

// Every column of the CSV form, in its order (`line`: the row's line in the file).
Table inventory_table(const Inventory& inv) {
  const auto rows = row_numbers(inv.size());
  const Inventory& v = inv;
  using I = std::size_t;
  TableBuilder<I> t(rows);
  t.text("id", [&v](I i) { return v.id[i]; })
      .text("name", [&v](I i) { return v.name[i]; })
      .text("kind", [&v](I i) { return key(v.kind[i]); })
      .text("industry", [&v](I i) { return key(v.industry[i]); })
      .text("grade", [&v](I i) { return name(v.grade[i]); })
      .integer("lines", [&v](I i) { return v.lines[i]; })
      .text("line_capacity", [&v](I i) { return v.line_capacity[i]; });
  for (auto p : all_emission_pollutants) t.number(key(p).data(), [&v, p](I i) { return v.baseline(i, p); });
  return t.number("protected_max_load", [&v](I i) { return v.protected_max_load[i]; })
      .text("excluded", [&v](I i) { return key(v.excluded[i]); })
      .flag("low_nox", [&v](I i) { return v.low_nox[i] != 0; })
      .number("cost", [&v](I i) { return v.cost[i]; })
      .text("vehicle", [&v](I i) { return key(v.vehicle[i]); })
      .optional_integer("standard",
                        [&v](I i) { return v.standard[i] < 0 ? std::nullopt : std::optional<int>(v.standard[i]); })
      .number("trips_per_day", [&v](I i) { return v.trips_per_day[i]; })
      .text("exempt", [&v](I i) { return key(v.exempt[i]); })
      .flag("built_up", [&v](I i) { return v.built_up[i] != 0; })
      .flag("black_smoke", [&v](I i) { return v.black_smoke[i] != 0; })
      .text("dust", [&v](I i) { return key(v.dust[i]); })
      .integer("line", [&v](I i) { return v.line[i]; })
      .build();
}

// "Inventory(283 sources: 240 enterprises, 20 fleets, 23 dust; 9 excluded (E2), 3 protected (E7);
// file='…')".
std::string inventory_repr(const Inventory& inv) {
  std::size_t kinds[3] = {0, 0, 0}, excluded = 0, protected_count = 0;
  for (std::size_t i = 0; i < inv.size(); ++i) {
    ++kinds[static_cast<std::size_t>(inv.kind[i])];
    excluded += inv.excluded[i] != Exclusion::none;
    protected_count += !std::isnan(inv.protected_max_load[i]);
  }
  return "Inventory(" + std::to_string(inv.size()) + " sources: " + std::to_string(kinds[0]) + " enterprises, " +
         std::to_string(kinds[1]) + " fleets, " + std::to_string(kinds[2]) + " dust; " + std::to_string(excluded) +
         " excluded (E2), " + std::to_string(protected_count) + " protected (E7); file=" + python_repr(inv.file) + ")";
}

template <std::size_t N>
py::tuple keys_tuple(const std::array<std::string_view, N>& keys) {
  py::list out;
  for (auto k : keys) out.append(py::str(k.data(), k.size()));
  return py::tuple(out);
}

}  // namespace

void register_inventory(py::module_& m) {
  bind_result<Inventory>(m, "Inventory", "The emission-reduction inventory (SPEC E1, E2, E7–E9); use aqi.Inventory.")
      .def_static(
          "parse",
          [](const std::string& text, const std::string& file) {
            std::optional<py::gil_scoped_release> release;
            if (text.size() > (std::size_t{1} << 20)) release.emplace();
            return std::make_shared<Inventory>(parse_inventory(text, file));
          },
          py::arg("text"), py::arg("file"), "Reads inventory CSV text; `file` names it in errors.")
      .def_static(
          "read", [](const std::string& path) { return std::make_shared<Inventory>(read_inventory(path)); },
          py::arg("path"))
      .def("__len__", &Inventory::size)
      .def_property_readonly("file", [](const Inventory& inv) { return inv.file; })
      .def_property_readonly(
          "ids", [](const Inventory& inv) { return inv.id; }, "The source ids, in file order.")
      .def("columns", &inventory_table, "Every column of the CSV form as a table (`line`: the row's line).")
      .def("__repr__", &inventory_repr);
  // The keys of the inventory's columns (SPEC E1–E9): documented by the Python package, decided here.
  m.attr("INDUSTRY_KEYS") = keys_tuple(industry_keys);
  m.attr("KIND_KEYS") = keys_tuple(source_kind_keys);
  std::array<std::string_view, grade_count> grades{};
  for (std::size_t g = 0; g < grade_count; ++g) grades[g] = name(static_cast<Grade>(g));
  m.attr("GRADE_KEYS") = keys_tuple(grades);
  std::array<std::string_view, emission_pollutant_count> pollutants{};
  for (auto p : all_emission_pollutants) pollutants[static_cast<std::size_t>(p)] = key(p);
  m.attr("EMISSION_POLLUTANTS") = keys_tuple(pollutants);
  m.attr("EXCLUSION_KEYS") = keys_tuple(exclusion_keys);
  m.attr("VEHICLE_KEYS") = keys_tuple(vehicle_keys);
  m.attr("FLEET_EXEMPTION_KEYS") = keys_tuple(fleet_exemption_keys);
  m.attr("DUST_ACTIVITY_KEYS") = keys_tuple(dust_activity_keys);
}

}  // namespace aqi::python
