// Moving means with the validity rule of SPEC A5.
#include <optional>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "aqi/index/moving_mean.hpp"
#include "common.hpp"

namespace aqi::python {

void register_moving_mean(py::module_& m) {
  m.def(
      "moving_mean",
      [](const DoubleArray& values, long long window, long long min_valid) {
        aqi::detail::check_window_signed(window, min_valid);
        const std::size_t n = static_cast<std::size_t>(values.size());
        auto out = new_array<double>(n);
        auto out_view = view_mut(out);
        std::optional<py::gil_scoped_release> release;
        if (n > release_gil_above) release.emplace();
        aqi::moving_mean(view(values), out_view, static_cast<std::size_t>(window), static_cast<std::size_t>(min_valid));
        return out;
      },
      py::arg("values").noconvert(), py::arg("window"), py::arg("min_valid"));
}

}  // namespace aqi::python
