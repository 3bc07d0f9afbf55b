// IAQI of one indicator over an array (SPEC A1, A2, A4, A6).
#include <optional>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "aqi/index/iaqi.hpp"
#include "common.hpp"

namespace aqi::python {

void register_iaqi(py::module_& m) {
  m.def(
      "iaqi",
      [](const std::string& key, const DoubleArray& values, const Edition& e, bool round_inputs) {
        const Indicator ind = parse_indicator(key);
        e.require_rated(ind);
        const std::size_t n = static_cast<std::size_t>(values.size());
        auto out = new_array<double>(n);
        auto out_view = view_mut(out);
        {
          std::optional<py::gil_scoped_release> release;
          if (n > release_gil_above) release.emplace();
          aqi::iaqi(e, ind, view(values), out_view, IaqiOptions{round_inputs, {}});
        }
        return out;
      },
      py::arg("key"), py::arg("values").noconvert(), py::arg("edition"), py::arg("round_inputs") = false);
}

}  // namespace aqi::python
