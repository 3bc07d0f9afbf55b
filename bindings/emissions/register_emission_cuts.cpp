// Per-source cuts and the target check (SPEC E1–E9, R3–R6). The result keeps its inventory and
// measure table alive, and gives numbers as arrays at once and texts (measure, source) on demand.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/emissions/cuts.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"

namespace aqi::python {

namespace {

struct CutsResult {
  EmissionCuts cuts;
  std::shared_ptr<const Inventory> inventory;
  std::shared_ptr<const IndustryMeasures> measures;
};

template <class T, class U>
py::array_t<T> array_of(const std::vector<U>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  auto* p = a.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i) p[i] = static_cast<T>(v[i]);
  return a;
}

std::shared_ptr<const IndustryMeasures> measures_or_builtin(std::shared_ptr<IndustryMeasures> m) {
  if (m) return m;
  // The built-in table is a function-local static: alias it without ownership.
  return std::shared_ptr<const IndustryMeasures>(std::shared_ptr<void>{}, &builtin_industry_measures());
}

}  // namespace

void register_emission_cuts(py::module_& m) {
  py::class_<CutsResult, std::shared_ptr<CutsResult>>(m, "EmissionCutsResult")
      .def("arrays",
           [](const CutsResult& self) {
             const auto& r = self.cuts;
             const std::size_t n = r.size();
             py::dict d;
             py::array_t<double> cut(static_cast<py::ssize_t>(n));
             std::copy(r.cut.data(), r.cut.data() + n, cut.mutable_data());
             d["cut"] = cut;
             for (auto p : all_emission_pollutants) {
               py::array_t<double> a(static_cast<py::ssize_t>(n));
               auto* out = a.mutable_data();
               for (std::size_t i = 0; i < n; ++i)
                 out[i] = r.reduction(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(p));
               d[py::str(std::string(key(p)))] = a;
             }
             d["lines_stopped"] = array_of<std::int32_t>(r.lines_stopped);
             d["capped"] = array_of<bool>(r.capped);
             d["basis"] = array_of<std::uint8_t>(r.basis);
             d["status"] = array_of<std::uint8_t>(r.status);
             return d;
           })
      // Texts as pandas categoricals: codes per source and the distinct strings (a county has a
      // few hundred distinct measures; 100,000 Python strings would cost more than the cuts).
      .def("texts",
           [](const CutsResult& self) {
             const auto& r = self.cuts;
             const auto& inv = *self.inventory;
             const auto& ms = *self.measures;
             const std::size_t n = r.size();
             struct Column {
               std::unordered_map<std::string, std::int32_t> index;
               py::list categories;
               py::array_t<std::int32_t> codes;
               void add(std::size_t i, std::string s) {
                 auto [it, fresh] = index.emplace(std::move(s), static_cast<std::int32_t>(index.size()));
                 if (fresh) categories.append(py::str(it->first));
                 codes.mutable_data()[i] = it->second;
               }
             };
             Column status, counted_by, measure, source;
             for (Column* c : {&status, &counted_by, &measure, &source})
               c->codes = py::array_t<std::int32_t>(static_cast<py::ssize_t>(n));
             for (std::size_t i = 0; i < n; ++i) {
               measure.add(i, cut_measure(r, inv, i, ms));
               source.add(i, cut_source(r, i, ms));
               std::string how;
               switch (r.basis[i]) {
                 case CutBasis::rule:
                   how = key(ms.rules()[static_cast<std::size_t>(r.rule[i])].counted_by);
                   break;
                 case CutBasis::fleet:
                   how = "transport";
                   break;
                 case CutBasis::dust:
                   how = "activity";
                   break;
                 case CutBasis::excluded:
                   break;
               }
               counted_by.add(i, how);
               status.add(i,
                          r.basis[i] == CutBasis::excluded ? std::string("excluded") : std::string(name(r.status[i])));
             }
             py::dict d;
             d["rule_status"] = py::make_tuple(status.codes, status.categories);
             d["counted_by"] = py::make_tuple(counted_by.codes, counted_by.categories);
             d["measure"] = py::make_tuple(measure.codes, measure.categories);
             d["rule_source"] = py::make_tuple(source.codes, source.categories);
             return d;
           })
      .def("summary",
           [](const CutsResult& self) {
             py::list out;
             for (const auto& c : self.cuts.summary) out.append(check_dict(c, *self.inventory));
             return out;
           })
      .def_property_readonly("met", [](const CutsResult& self) { return self.cuts.met; })
      .def_property_readonly("level", [](const CutsResult& self) { return std::string(name(self.cuts.level)); })
      .def_property_readonly("dust_cap", [](const CutsResult& self) { return self.cuts.dust_cap; })
      .def_property_readonly("excluded", [](const CutsResult& self) { return self.cuts.excluded; })
      .def_property_readonly("unsourced", [](const CutsResult& self) { return self.cuts.unsourced; })
      .def_property_readonly("unverified", [](const CutsResult& self) { return self.cuts.unverified; })
      .def_property_readonly("measures_document", [](const CutsResult& self) { return self.cuts.measures_document; })
      .def_property_readonly("targets_document", [](const CutsResult& self) { return self.cuts.targets_document; })
      .def("__len__", [](const CutsResult& self) { return self.cuts.size(); });

  m.def(
      "emission_cuts",
      [](std::shared_ptr<Inventory> inv, const std::string& level, std::optional<double> dust_cap,
         std::shared_ptr<IndustryMeasures> measures, std::shared_ptr<EmissionTargets> targets, std::size_t top) {
        auto out = std::make_shared<CutsResult>();
        out->inventory = inv;
        out->measures = measures_or_builtin(measures);
        CutOptions o;
        o.dust_cap = dust_cap;
        o.measures = measures.get();
        o.targets = targets.get();
        o.top_contributors = top;
        const ResponseLevel l = parse_response_level(level);
        std::optional<py::gil_scoped_release> release;
        if (inv->size() > release_gil_above) release.emplace();
        out->cuts = emission_cuts(*inv, l, o);
        return out;
      },
      py::arg("inventory"), py::arg("level"), py::arg("dust_cap"), py::arg("measures"), py::arg("targets"),
      py::arg("top"));
}

}  // namespace aqi::python
