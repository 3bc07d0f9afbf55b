// Shared helpers of the binding files: numpy views without copies, and the GIL policy.
#pragma once

#include <cstddef>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "aqi/error.hpp"
#include "aqi/span.hpp"

namespace aqi::python {

namespace py = pybind11;

// The Python layer converts (and refuses lossy conversions) before calling in, so these only
// accept C-contiguous arrays of the exact dtype; `py::arg().noconvert()` keeps pybind11 from
// copying behind our back.
using DoubleArray = py::array_t<double, py::array::c_style>;

inline aqi::span<const double> view(const DoubleArray& a) { return {a.data(), static_cast<std::size_t>(a.size())}; }

template <class T>
py::array_t<T> new_array(std::size_t n) {
  return py::array_t<T>(static_cast<py::ssize_t>(n));
}

template <class T>
aqi::span<T> view_mut(py::array_t<T>& a) {
  return {a.mutable_data(), static_cast<std::size_t>(a.size())};
}

// Releasing the GIL costs a little; it pays for arrays this large.
inline constexpr std::size_t release_gil_above = 4096;

}  // namespace aqi::python
