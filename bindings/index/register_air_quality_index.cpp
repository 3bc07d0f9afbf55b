// AQI of records from indicator columns (SPEC A2–A4, A7): undated columns under one edition
// (AqiResult, numpy arrays written in place), dated records each under the edition in force
// (aqi::AqiTable), and the names of the report periods, indicators, pollutants and categories.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/index/air_quality_index.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "result.hpp"

namespace aqi::python {

namespace {

// The AQI of undated records under one edition: the columns numpy holds, written in place by
// the kernel (no copy: the benchmark's path), and what the edition used.
struct AqiResult {
  AqiResult() = default;
  // A copy (copy.copy, copy.deepcopy) owns copies of the arrays.
  AqiResult(const AqiResult& o)
      : edition(o.edition),
        period(o.period),
        use(o.use),
        aqi(copy(o.aqi)),
        primary_mask(copy(o.primary_mask)),
        category(copy(o.category)),
        beyond_scale(copy(o.beyond_scale)) {}
  AqiResult& operator=(const AqiResult&) = delete;

  template <class T>
  static py::array_t<T> copy(const py::array_t<T>& a) {
    return py::array_t<T>(a.attr("copy")());
  }

  std::shared_ptr<const Edition> edition;
  Period period = Period::daily;
  AqiColumnUse use;
  py::array_t<double> aqi;
  py::array_t<std::uint8_t> primary_mask;
  py::array_t<std::int8_t> category;
  py::array_t<bool> beyond_scale;
};

std::vector<std::string> keys(const std::vector<Indicator>& v) {
  std::vector<std::string> out;
  for (Indicator i : v) out.emplace_back(key(i));
  return out;
}

// Columns as (name, array) pairs: names as parse_indicator reads them (pm25_24h, PM2.5_24h), so
// two names of one indicator reach plan_aqi as the same column twice, an error.
struct Columns {
  std::vector<IndicatorColumn> columns;
  std::vector<DoubleArray> keep;  // holds the arrays while the GIL is released
  std::size_t n = 0;
};

Columns read_columns(const std::vector<std::pair<std::string, py::object>>& items) {
  Columns c;
  for (const auto& [name, values] : items) {
    const Indicator ind = parse_indicator(name);
    if (!py::isinstance<DoubleArray>(values))
      throw InvalidArgument("column " + std::string(key(ind)) + " must be a C-contiguous float64 array");
    c.keep.push_back(values.cast<DoubleArray>());
    if (c.keep.back().ndim() != 1)
      throw InvalidArgument("column " + std::string(key(ind)) + " must be one-dimensional");
    c.n = static_cast<std::size_t>(c.keep.back().size());
    c.columns.push_back({ind, view(c.keep.back())});
  }
  return c;
}

std::vector<Indicator> indicators_of(const std::vector<std::string>& names) {
  std::vector<Indicator> out;
  for (const auto& n : names) out.push_back(parse_indicator(n));
  return out;
}

// A numpy view of a vector the table owns; `owner` (the Python table) keeps it alive.
template <class T>
py::array_t<T> column_of(const std::vector<T>& v, const py::object& owner) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data(), owner);
}

std::shared_ptr<AqiResult> rate(const std::shared_ptr<Edition>& edition, const Columns& c, Period period,
                                bool round_inputs) {
  auto r = std::make_shared<AqiResult>();
  r->edition = edition;
  r->period = period;
  r->aqi = new_array<double>(c.n);
  r->primary_mask = new_array<std::uint8_t>(c.n);
  r->category = new_array<std::int8_t>(c.n);
  r->beyond_scale = new_array<bool>(c.n);
  AqiColumns out{view_mut(r->aqi),
                 view_mut(r->primary_mask),
                 view_mut(r->category),
                 {reinterpret_cast<std::uint8_t*>(r->beyond_scale.mutable_data()), c.n}};
  std::optional<py::gil_scoped_release> release;
  if (c.n * c.columns.size() > release_gil_above) release.emplace();
  r->use = aqi::air_quality_index(*edition, c.columns, period, out, IaqiOptions{round_inputs, {}});
  return r;
}

void bind_column_use(py::module_& m) {
  bind_result<AqiColumnUse>(m, "AqiColumnUse",
                            "The columns an AQI computation used, read for the 2012 substitutions, and left out.")
      .def_property_readonly("used", [](const AqiColumnUse& u) { return keys(u.used); })
      .def_property_readonly("substitutes", [](const AqiColumnUse& u) { return keys(u.substitutes); })
      .def_property_readonly("ignored", [](const AqiColumnUse& u) { return keys(u.ignored); })
      .def("__repr__", [](const AqiColumnUse& u) {
        return "AqiColumnUse(used=" + py::repr(py::cast(keys(u.used))).cast<std::string>() +
               ", substitutes=" + py::repr(py::cast(keys(u.substitutes))).cast<std::string>() +
               ", ignored=" + py::repr(py::cast(keys(u.ignored))).cast<std::string>() + ")";
      });
}

void bind_aqi_result(py::module_& m) {
  bind_result<AqiResult>(m, "AqiResult", "The AQI of undated records under one edition (SPEC A2–A4).")
      .def_property_readonly("edition", [](const AqiResult& r) { return std::const_pointer_cast<Edition>(r.edition); })
      .def_property_readonly("period", [](const AqiResult& r) { return std::string(name(r.period)); })
      .def_readonly("use", &AqiResult::use)
      .def_readonly("aqi", &AqiResult::aqi)
      .def_readonly("primary_mask", &AqiResult::primary_mask)
      .def_readonly("category", &AqiResult::category)
      .def_readonly("beyond_scale", &AqiResult::beyond_scale)
      .def("__len__", [](const AqiResult& r) { return r.aqi.size(); })
      .def("__repr__", [](const AqiResult& r) {
        return "aqi._core.AqiResult(" + std::to_string(r.aqi.size()) + " records, edition='" + r.edition->id() +
               "', period='" + std::string(name(r.period)) + "')";
      });
}

void bind_aqi_table(py::module_& m) {
  bind_result<AqiTable>(m, "AqiTable",
                        "The AQI of records, each under the edition that rated it (SPEC A7); owns its editions.")
      .def_property_readonly("aqi",
                             [](const py::object& self) { return column_of(self.cast<const AqiTable&>().aqi, self); })
      .def_property_readonly(
          "primary_mask",
          [](const py::object& self) { return column_of(self.cast<const AqiTable&>().primary_mask, self); })
      .def_property_readonly(
          "category", [](const py::object& self) { return column_of(self.cast<const AqiTable&>().category, self); })
      .def_property_readonly("beyond_scale",
                             [](const py::object& self) {
                               return column_of(self.cast<const AqiTable&>().beyond_scale, self).attr("view")("bool");
                             })
      .def_property_readonly(
          "record_edition",
          [](const py::object& self) { return column_of(self.cast<const AqiTable&>().record_edition.indices(), self); })
      .def_property_readonly("editions",
                             [](const AqiTable& t) {
                               std::vector<std::shared_ptr<Edition>> out;
                               for (const auto& e : t.record_edition.editions())
                                 out.push_back(std::const_pointer_cast<Edition>(e));
                               return out;
                             })
      .def_property_readonly("uses",
                             [](const AqiTable& t) {
                               std::vector<std::pair<std::shared_ptr<Edition>, AqiColumnUse>> out;
                               for (const auto& [e, use] : t.uses)
                                 out.emplace_back(std::const_pointer_cast<Edition>(e), use);
                               return out;
                             })
      .def("__len__", &AqiTable::size)
      .def("__repr__", [](const AqiTable& t) {
        std::string ids;
        for (const auto& e : t.record_edition.editions()) ids += (ids.empty() ? "'" : ", '") + e->id() + "'";
        return "aqi._core.AqiTable(" + std::to_string(t.size()) + " records, editions=[" + ids + "])";
      });
}

// aqi.aqi's two paths: undated columns under one edition (the kernel writes numpy's arrays), dated
// records each under the edition in force.
void def_ratings(py::module_& m) {
  // columns: (name, float64 array) pairs; edition: an aqi.Edition; period: "daily", "hourly" (or
  // 日报, 实时报).
  m.def(
      "air_quality_index",
      [](const std::vector<std::pair<std::string, py::object>>& columns, const std::shared_ptr<Edition>& edition,
         const std::string& period,
         bool round_inputs) { return rate(edition, read_columns(columns), parse_period(period), round_inputs); },
      py::arg("columns"), py::arg("edition"), py::arg("period"), py::arg("round_inputs") = false);
  // SPEC A7: each record under the edition in force on its day (days since 1970-01-01).
  m.def(
      "aqi_table",
      [](const py::array_t<std::int64_t, py::array::c_style>& days,
         const std::vector<std::pair<std::string, py::object>>& columns, const std::string& period, bool round_inputs) {
        const Columns c = read_columns(columns);
        const auto n = static_cast<std::size_t>(days.size());
        std::vector<boost::gregorian::date> dates(n);
        for (std::size_t i = 0; i < n; ++i) {
          if (days.data()[i] == nat) throw InvalidValue("dates", i, "the date is missing (NaT)");
          dates[i] = date_from_days(days.data()[i]);
        }
        std::optional<py::gil_scoped_release> release;
        if (n * c.columns.size() > release_gil_above) release.emplace();
        return std::make_shared<AqiTable>(aqi::air_quality_index(span<const boost::gregorian::date>(dates), c.columns,
                                                                 parse_period(period), IaqiOptions{round_inputs, {}}));
      },
      py::arg("days").noconvert(), py::arg("columns"), py::arg("period"), py::arg("round_inputs") = false);
}

// The names Python reads through C++: the report period, indicator keys, pollutants, categories,
// the primary-pollutant labels.
void def_names(py::module_& m) {
  // The report when the caller does not say (SPEC A3): `period` parsed, else hourly for 1-hour
  // columns other than O3's.
  m.def(
      "report_period",
      [](const std::optional<std::string>& period, const std::vector<std::string>& names) {
        return std::string(name(period ? parse_period(*period) : default_period(indicators_of(names))));
      },
      py::arg("period"), py::arg("names"));
  m.def(
      "indicator_key",
      [](const std::string& text) -> std::optional<std::string> {
        if (auto i = find_indicator(text)) return std::string(key(*i));
        return std::nullopt;
      },
      py::arg("text"), "The key of an indicator name (PM2.5_24h → pm25_24h); None when it names none.");
  m.def(
      "parse_indicator_key", [](const std::string& text) { return std::string(key(parse_indicator(text))); },
      py::arg("text"), "The key of an indicator name; KeyError listing the keys.");
  m.def(
      "pollutant_name", [](const std::string& text) { return std::string(name(parse_pollutant(text))); },
      py::arg("text"));
  m.def(
      "category_codes",
      [](const std::vector<std::string>& names) {
        auto out = new_array<std::int8_t>(names.size());
        for (std::size_t i = 0; i < names.size(); ++i)
          out.mutable_data()[i] = static_cast<std::int8_t>(parse_category(names[i]));
        return out;
      },
      py::arg("names"));
  py::list labels;
  for (unsigned bits = 0; bits < 64; ++bits) labels.append(PollutantSet(static_cast<std::uint8_t>(bits)).to_string());
  m.attr("PRIMARY_LABELS") = labels;
  // Category names by code (0 = missing: ""), SPEC A3 / HJ 633 Table 2: 良, moderate.
  py::list zh, en;
  for (int c = 0; c <= 6; ++c) {
    zh.append(std::string(name_zh(static_cast<Category>(c))));
    en.append(std::string(name_en(static_cast<Category>(c))));
  }
  m.attr("CATEGORY_NAMES_ZH") = zh;
  m.attr("CATEGORY_NAMES_EN") = en;
}

}  // namespace

void register_air_quality_index(py::module_& m) {
  bind_column_use(m);
  bind_aqi_result(m);
  bind_aqi_table(m);
  def_ratings(m);
  def_names(m);
}

}  // namespace aqi::python
