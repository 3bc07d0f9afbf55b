// Classification of forecasts into warning levels (SPEC W1–W9), single series and batches. A
// classification crosses as the bound class _core.Warning (aqi.Warning wraps it); it holds the
// rule set it was computed with (shared, never copied per call).
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/detail/format.hpp"
#include "aqi/warning/classify.hpp"
#include "aqi/warning/classify_batch.hpp"
#include "common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

using FlagArray = py::array_t<std::uint8_t, py::array::c_style>;
using Rules = std::shared_ptr<RuleSet>;  // pybind11's holder of RuleSet; shared with the result as is

aqi::span<const std::uint8_t> flags(const std::optional<FlagArray>& a) {
  if (!a) return {};
  return {a->data(), static_cast<std::size_t>(a->size())};
}

// Python reads a warning of no level as None for the fields that only a level has.
// A read-only property whose getter is a method (its signature names `self`, so the generated stubs
// give its type).
template <class C, class F>
void readonly(C& c, const char* name, F f, const char* doc = "") {
  c.def_property_readonly(name, py::cpp_function(f, py::is_method(c)), doc);
}

std::optional<std::string> response_of(const Warning& w) {
  if (w.level == 0) return std::nullopt;
  return std::string(name(w.response()));
}
std::optional<std::string> response_zh_of(const Warning& w) {
  if (w.level == 0) return std::nullopt;
  return std::string(name_zh(w.response()));
}
std::optional<std::int64_t> index_of(const Warning& w, std::ptrdiff_t i) {
  if (w.level == 0) return std::nullopt;
  return static_cast<std::int64_t>(i);
}
std::optional<std::int64_t> alignment_of(const Warning& w) {
  if (w.alignment < 0) return std::nullopt;
  return w.alignment;
}
std::optional<std::string> basis_of(const Warning& w) {
  if (w.basis.empty()) return std::nullopt;
  return w.basis;
}
std::string rules_id(const Warning& w) { return w.rules ? w.rules->id : std::string(); }

std::string quoted(const std::string& s) { return py::repr(py::str(s)); }

// aqi.Warning(level='red', response='I', clause='…', first=1, last=4, days_above_200=4,
// days_above_300=2, peak=350, rules='yiyuan-2019'): the fields that say what was decided.
std::string repr(const Warning& w) {
  std::string s = "aqi.Warning(level=" + quoted(w.level_name());
  if (w.level > 0)
    s += ", response=" + quoted(*response_of(w)) + ", clause=" + quoted(w.clause_text()) +
         ", first=" + std::to_string(w.first) + ", last=" + std::to_string(w.last);
  s += ", days_above_200=" + std::to_string(w.days_above_200) + ", days_above_300=" + std::to_string(w.days_above_300) +
       ", peak=" + (std::isnan(w.peak) ? std::string("nan") : aqi::detail::format_number(w.peak));
  if (w.kind == SeriesKind::hourly) s += ", kind='hourly'";
  if (w.alignment >= 0) s += ", alignment=" + std::to_string(w.alignment);
  if (!w.basis.empty()) s += ", basis=" + quoted(w.basis);
  return s + ", rules=" + quoted(rules_id(w)) + ")";
}

// The classification as one row (aqi.Warning.to_frame), its columns in the order of the fields.
Table row_of(const Warning& w) {
  const std::vector<Warning> one{w};
  using W = const Warning&;
  return TableBuilder<Warning>(one)
      .text("rules", [](W x) { return rules_id(x); })
      .text("kind", [](W x) { return std::string(name(x.kind)); })
      .text("level", [](W x) { return x.level_name(); })
      .text("level_zh", [](W x) { return x.level_name_zh(); })
      .integer("level_code", [](W x) { return x.level; })
      .text("response", [](W x) { return response_of(x); })
      .text("response_zh", [](W x) { return response_zh_of(x); })
      .text("clause", [](W x) { return x.clause_text(); })
      .text("clause_zh", [](W x) { return x.clause_text_zh(); })
      .integer_or_none("first", [](W x) { return index_of(x, x.first); })
      .integer_or_none("last", [](W x) { return index_of(x, x.last); })
      .integer("days_above_200", [](W x) { return x.days_above_200; })
      .integer("days_above_300", [](W x) { return x.days_above_300; })
      .number("peak", [](W x) { return x.peak; })
      .integer_or_none("alignment", [](W x) { return alignment_of(x); })
      .text("basis", [](W x) { return basis_of(x); })
      .text("explanation", [](W x) { return x.explain(); })
      .text("explanation_zh", [](W x) { return x.explain_zh(); })
      .build();
}

void bind_warning_class(py::module_& m) {
  auto c = bind_result<Warning>(m, "Warning", "A classification and its explanation (SPEC W6); aqi.Warning wraps it.");
  using W = const Warning&;
  readonly(
      c, "rules", [](W w) { return rules_id(w); }, "The id of the rule set.");
  readonly(
      c, "rule_set", [](W w) { return std::const_pointer_cast<RuleSet>(w.rules); },
      "The rule set itself (shared with the result).");
  readonly(c, "kind", [](W w) { return std::string(name(w.kind)); });
  readonly(c, "level", [](W w) { return w.level_name(); });
  readonly(
      c, "level_zh", [](W w) { return w.level_name_zh(); }, "SPEC N5: the level's Chinese name (橙色; 无预警).");
  readonly(c, "level_code", [](W w) { return w.level; });
  readonly(c, "response", [](W w) { return response_of(w); });
  readonly(
      c, "response_zh", [](W w) { return response_zh_of(w); }, "SPEC N5: Ⅲ级, Ⅱ级, Ⅰ级; None without a warning.");
  readonly(c, "clause", [](W w) { return w.clause_text(); });
  readonly(
      c, "clause_zh", [](W w) { return w.clause_text_zh(); }, "SPEC N5: the clause in Chinese.");
  readonly(c, "first", [](W w) { return index_of(w, w.first); });
  readonly(c, "last", [](W w) { return index_of(w, w.last); });
  readonly(c, "days_above_200", [](W w) { return w.days_above_200; });
  readonly(c, "days_above_300", [](W w) { return w.days_above_300; });
  readonly(c, "peak", [](W w) { return w.peak; });
  readonly(c, "alignment", [](W w) { return alignment_of(w); });
  readonly(c, "basis", [](W w) { return basis_of(w); });
  readonly(c, "explanation", [](W w) { return w.explain(); });
  readonly(
      c, "explanation_zh", [](W w) { return w.explain_zh(); }, "SPEC W6, N5: the explanation in Chinese.");
  c.def("explain", &Warning::explain)
      .def("explain_zh", &Warning::explain_zh, "SPEC W6, N5: the explanation in Chinese.")
      .def("table", &row_of, "The classification as a one-row table (aqi.Warning.to_frame).")
      .def("__repr__", &repr);
}

}  // namespace

void register_warning(py::module_& m) {
  bind_warning_class(m);
  m.def(
      "classify_daily",
      [](const DoubleArray& v, const std::optional<FlagArray>& dust, const Rules& rules) {
        return classify_daily(view(v), flags(dust), std::shared_ptr<const RuleSet>(rules));
      },
      py::arg("values").noconvert(), py::arg("dust"), py::arg("rules"));
  m.def(
      "classify_hourly",
      [](const DoubleArray& v, const std::optional<FlagArray>& dust, const Rules& rules) {
        py::gil_scoped_release release;
        return classify_hourly(view(v), flags(dust), std::shared_ptr<const RuleSet>(rules));
      },
      py::arg("values").noconvert(), py::arg("dust"), py::arg("rules"));
  m.def(
      "classify_daily_range",
      [](const DoubleArray& lo, const DoubleArray& hi, const std::string& use, const std::optional<FlagArray>& dust,
         const Rules& rules) {
        return classify_daily_range(view(lo), view(hi), parse_range_basis(use, "use"), flags(dust),
                                    std::shared_ptr<const RuleSet>(rules));
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
        const SeriesKind series_kind = parse_series_kind(kind);
        std::vector<std::size_t> shape(values.shape(), values.shape() + values.ndim());
        std::vector<py::ssize_t> out_shape(values.shape(), values.shape() + values.ndim() - 1);
        py::array_t<std::int8_t> out(out_shape);
        Parallelism p;
        p.threads = threads;
        {
          py::gil_scoped_release release;
          classify_batch({values.data(), static_cast<std::size_t>(values.size())}, shape, series_kind, rules,
                         {out.mutable_data(), static_cast<std::size_t>(out.size())}, p);
        }
        return out;
      },
      py::arg("values").noconvert(), py::arg("kind"), py::arg("rules"), py::arg("threads") = 0);
}

}  // namespace aqi::python
