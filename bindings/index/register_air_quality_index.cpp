// AQI of records from indicator columns (SPEC A2–A4).
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/index/air_quality_index.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {
Period parse_period(const std::string& p) {
  if (p == "daily") return Period::daily;
  if (p == "hourly") return Period::hourly;
  throw InvalidArgument("period must be 'daily' or 'hourly', got '" + p + "'");
}

py::list keys(const std::vector<Indicator>& v) {
  py::list out;
  for (Indicator i : v) out.append(std::string(key(i)));
  return out;
}
}  // namespace

void register_air_quality_index(py::module_& m) {
  m.def(
      "air_quality_index",
      [](const py::dict& columns, const std::string& edition_id, const std::string& period, bool round_inputs) {
        const Edition& e = edition(edition_id);
        std::vector<IndicatorColumn> cols;
        std::vector<DoubleArray> keep;  // holds the arrays while the GIL is released
        std::size_t n = 0;
        for (auto item : columns) {
          const Indicator ind = parse_indicator(item.first.cast<std::string>());
          if (!py::isinstance<DoubleArray>(item.second))
            throw InvalidArgument("column " + std::string(key(ind)) + " must be a C-contiguous float64 array");
          keep.push_back(item.second.cast<DoubleArray>());
          if (keep.back().ndim() != 1)
            throw InvalidArgument("column " + std::string(key(ind)) + " must be one-dimensional");
          n = static_cast<std::size_t>(keep.back().size());
          cols.push_back({ind, view(keep.back())});
        }
        auto aqi = new_array<double>(n);
        auto mask = new_array<std::uint8_t>(n);
        auto category = new_array<std::int8_t>(n);
        auto beyond = new_array<bool>(n);
        AqiColumns out{view_mut(aqi),
                       view_mut(mask),
                       view_mut(category),
                       {reinterpret_cast<std::uint8_t*>(beyond.mutable_data()), n}};
        AqiColumnUse use;
        {
          std::optional<py::gil_scoped_release> release;
          if (n * cols.size() > release_gil_above) release.emplace();
          use = aqi::air_quality_index(e, cols, parse_period(period), out, IaqiOptions{round_inputs, {}});
        }
        py::dict result;
        result["aqi"] = aqi;
        result["primary_mask"] = mask;
        result["category"] = category;
        result["beyond_scale"] = beyond;
        result["used"] = keys(use.used);
        result["substitutes"] = keys(use.substitutes);
        result["ignored"] = keys(use.ignored);
        return result;
      },
      py::arg("columns"), py::arg("edition"), py::arg("period"), py::arg("round_inputs") = false);

  py::list labels;
  for (unsigned bits = 0; bits < 64; ++bits) labels.append(PollutantSet(static_cast<std::uint8_t>(bits)).to_string());
  m.attr("PRIMARY_LABELS") = labels;
}

}  // namespace aqi::python
