// Classification of forecasts into warning levels (SPEC W1–W9), single series and batches.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/classify_batch.hpp"
#include "aqi/warning/classify.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

using FlagArray = py::array_t<std::uint8_t, py::array::c_style>;

aqi::span<const std::uint8_t> flags(const std::optional<FlagArray>& a) {
  if (!a) return {};
  return {a->data(), static_cast<std::size_t>(a->size())};
}

py::dict to_dict(const Warning& w) {
  py::dict d;
  d["rules"] = w.rules->id;
  d["kind"] = w.kind == SeriesKind::daily ? "daily" : "hourly";
  d["level_code"] = w.level;
  d["level"] = w.level_name();
  d["response"] = w.level == 0 ? py::object(py::none()) : py::object(py::str(std::string(name(w.response()))));
  d["clause"] = w.clause_text();
  d["first"] = w.level == 0 ? py::object(py::none()) : py::object(py::int_(w.first));
  d["last"] = w.level == 0 ? py::object(py::none()) : py::object(py::int_(w.last));
  d["days_above_200"] = w.days_above_200;
  d["days_above_300"] = w.days_above_300;
  d["peak"] = w.peak;
  d["alignment"] = w.alignment < 0 ? py::object(py::none()) : py::object(py::int_(w.alignment));
  d["basis"] = w.basis.empty() ? py::object(py::none()) : py::object(py::str(w.basis));
  d["explanation"] = w.explain();
  return d;
}

RangeBasis parse_basis(const std::string& s) {
  if (s == "hi") return RangeBasis::hi;
  if (s == "mid") return RangeBasis::mid;
  if (s == "lo") return RangeBasis::lo;
  throw InvalidArgument("use must be 'hi', 'mid' or 'lo', got '" + s + "'");
}

SeriesKind parse_kind(const std::string& s) {
  if (s == "daily") return SeriesKind::daily;
  if (s == "hourly") return SeriesKind::hourly;
  throw InvalidArgument("kind must be 'daily' or 'hourly', got '" + s + "'");
}

}  // namespace

void register_warning(py::module_& m) {
  m.def(
      "classify_daily",
      [](const DoubleArray& v, const std::optional<FlagArray>& dust, const RuleSet& rules) {
        return to_dict(classify_daily(view(v), flags(dust), rules));
      },
      py::arg("values").noconvert(), py::arg("dust"), py::arg("rules"));
  m.def(
      "classify_hourly",
      [](const DoubleArray& v, const std::optional<FlagArray>& dust, const RuleSet& rules) {
        Warning w;
        {
          py::gil_scoped_release release;
          w = classify_hourly(view(v), flags(dust), rules);
        }
        return to_dict(w);
      },
      py::arg("values").noconvert(), py::arg("dust"), py::arg("rules"));
  m.def(
      "classify_daily_range",
      [](const DoubleArray& lo, const DoubleArray& hi, const std::string& use, const std::optional<FlagArray>& dust,
         const RuleSet& rules) {
        return to_dict(classify_daily_range(view(lo), view(hi), parse_basis(use), flags(dust), rules));
      },
      py::arg("lo").noconvert(), py::arg("hi").noconvert(), py::arg("use"), py::arg("dust"), py::arg("rules"));
  m.def(
      "day_levels",
      [](const DoubleArray& v, const std::optional<FlagArray>& dust, const RuleSet& rules) {
        const auto levels = day_levels(view(v), flags(dust), rules);
        py::array_t<std::int8_t> out(static_cast<py::ssize_t>(levels.size()));
        std::copy(levels.begin(), levels.end(), out.mutable_data());
        return out;
      },
      py::arg("values").noconvert(), py::arg("dust"), py::arg("rules"));
  m.def(
      "classify_batch",
      [](const py::array_t<double, py::array::c_style>& values, const std::string& kind, const RuleSet& rules,
         unsigned threads) {
        std::vector<std::size_t> shape(values.shape(), values.shape() + values.ndim());
        std::vector<py::ssize_t> out_shape(values.shape(), values.shape() + values.ndim() - 1);
        py::array_t<std::int8_t> out(out_shape);
        Parallelism p;
        p.threads = threads;
        {
          py::gil_scoped_release release;
          classify_batch({values.data(), static_cast<std::size_t>(values.size())}, shape, parse_kind(kind), rules,
                         {out.mutable_data(), static_cast<std::size_t>(out.size())}, p);
        }
        return out;
      },
      py::arg("values").noconvert(), py::arg("kind"), py::arg("rules"), py::arg("threads") = 0);
}

}  // namespace aqi::python
