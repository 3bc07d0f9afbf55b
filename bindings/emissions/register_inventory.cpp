// The emission-reduction inventory (SPEC E1, E2, E7–E9): read from CSV text or a file, and given
// back column by column for pandas.
#include <memory>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/inventory.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

template <class Enum, std::size_t N>
py::list keys_of(const std::vector<Enum>& v, const std::array<std::string_view, N>& keys) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = py::str(std::string(keys[static_cast<std::size_t>(v[i])]));
  return out;
}

template <class T>
py::array_t<T> array_of(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

template <class Enum>
py::array_t<std::int8_t> array_of_codes(const std::vector<Enum>& v) {
  py::array_t<std::int8_t> a(static_cast<py::ssize_t>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) a.mutable_data()[i] = static_cast<std::int8_t>(v[i]);
  return a;
}

py::dict columns(const Inventory& inv) {
  const std::size_t n = inv.size();
  py::dict d;
  d["id"] = inv.id;
  d["name"] = inv.name;
  d["kind"] = keys_of(inv.kind, source_kind_keys);
  d["industry"] = keys_of(inv.industry, industry_keys);
  py::list grade(n);
  for (std::size_t i = 0; i < n; ++i) grade[i] = py::str(std::string(name(inv.grade[i])));
  d["grade"] = grade;
  d["lines"] = array_of(inv.lines);
  d["line_capacity"] = inv.line_capacity;
  for (auto p : all_emission_pollutants) {
    py::array_t<double> a(static_cast<py::ssize_t>(n));
    auto* out = a.mutable_data();
    for (std::size_t i = 0; i < n; ++i) out[i] = inv.baseline(i, p);
    d[py::str(std::string(key(p)))] = a;
  }
  d["protected_max_load"] = array_of(inv.protected_max_load);
  d["excluded"] = keys_of(inv.excluded, exclusion_keys);
  d["low_nox"] = array_of(inv.low_nox);
  d["cost"] = array_of(inv.cost);
  d["vehicle"] = keys_of(inv.vehicle, vehicle_keys);
  d["standard"] = array_of(inv.standard);
  d["trips_per_day"] = array_of(inv.trips_per_day);
  d["exempt"] = keys_of(inv.exempt, fleet_exemption_keys);
  d["built_up"] = array_of(inv.built_up);
  d["black_smoke"] = array_of(inv.black_smoke);
  d["dust"] = keys_of(inv.dust, dust_activity_keys);
  d["line"] = array_of(inv.line);
  return d;
}

}  // namespace

void register_inventory(py::module_& m) {
  py::class_<Inventory, std::shared_ptr<Inventory>>(m, "Inventory")
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
      .def("columns", &columns, "Every column as a list or array, for a DataFrame.")
      .def("codes",
           [](const Inventory& inv) {
             // kind, industry and grade as codes into KIND_KEYS, INDUSTRY_KEYS, GRADE_KEYS (categoricals).
             py::dict d;
             d["kind"] = array_of_codes(inv.kind);
             d["industry"] = array_of_codes(inv.industry);
             d["grade"] = array_of_codes(inv.grade);
             return d;
           })
      .def("counts", [](const Inventory& inv) {
        py::dict d;
        std::size_t kinds[3] = {0, 0, 0}, excluded = 0, protected_count = 0;
        for (std::size_t i = 0; i < inv.size(); ++i) {
          ++kinds[static_cast<std::size_t>(inv.kind[i])];
          excluded += inv.excluded[i] != Exclusion::none;
          protected_count += !std::isnan(inv.protected_max_load[i]);
        }
        d["enterprise"] = kinds[0];
        d["fleet"] = kinds[1];
        d["dust"] = kinds[2];
        d["excluded"] = excluded;
        d["protected"] = protected_count;
        return d;
      });
  py::list industries;
  for (auto k : industry_keys) industries.append(std::string(k));
  m.attr("INDUSTRY_KEYS") = industries;
  py::list kinds, grades;
  for (auto k : source_kind_keys) kinds.append(std::string(k));
  for (std::size_t g = 0; g < grade_count; ++g) grades.append(std::string(name(static_cast<Grade>(g))));
  m.attr("KIND_KEYS") = kinds;
  m.attr("GRADE_KEYS") = grades;
}

}  // namespace aqi::python
