// Shared registration templates for result types, in the boost-histogram manner: every result
// crosses into Python as a bound class (never a dict), and every table of a result as a
// `_core.Table` of typed columns that the Python layer turns into a pandas DataFrame
// (aqi/_frames.py). Use them from each register_<concept>.cpp:
//
//   auto c = bind_result<SeasonResult>(m, "SeasonResult", "A season run (SPEC L1–L12).");
//   c.def_property_readonly("events", [](const SeasonResult& r) {
//     return TableBuilder<SeasonEvent>(r.events)
//         .time("time", [](const SeasonEvent& e) { return e.time; })
//         .text("event", [](const SeasonEvent& e) { return std::string(name(e.type)); })
//         .number("lead_hours", [](const SeasonEvent& e) { return e.lead_hours; })
//         .build();
//   });
//
// Results are held by std::shared_ptr, so a Python wrapper and the tables it builds share one
// C++ object, and a result that refers to rules keeps them alive (issue 12, safe lifetimes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "calendar_convert.hpp"

namespace aqi::python {

namespace py = pybind11;

// A table of a result: named columns of equal length. Numbers, flags and times are numpy arrays
// (times as int64 seconds since 1970-01-01 local time, dates as int64 days, NaT = lowest int64);
// texts are lists of str (None where a text is absent); a category is (int32 codes, list of its
// texts), for columns of a few distinct texts over many rows; an optional integer is (int64
// values, bool mask of the absent ones).
struct Table {
  std::vector<std::string> names;
  std::vector<py::object> columns;
  std::vector<std::string> kinds;  // per column: number, flag, integer, time, date, text
  std::size_t rows = 0;
};

template <class Row>
class TableBuilder {
 public:
  explicit TableBuilder(const std::vector<Row>& rows) : rows_(rows) { table_.rows = rows.size(); }

  template <class F>
  TableBuilder& number(const char* name, F f) {
    return array<double>(name, "number", f);
  }
  template <class F>
  TableBuilder& integer(const char* name, F f) {
    return array<std::int64_t>(name, "integer", f);
  }
  template <class F>
  TableBuilder& flag(const char* name, F f) {
    return array<bool>(name, "flag", f);
  }
  template <class F>  // F returns boost::posix_time::ptime (special = NaT)
  TableBuilder& time(const char* name, F f) {
    return array<std::int64_t>(name, "time", [&f](const Row& r) { return seconds_from_time(f(r)); });
  }
  template <class F>  // F returns boost::gregorian::date (special = NaT)
  TableBuilder& date(const char* name, F f) {
    return array<std::int64_t>(name, "date", [&f](const Row& r) { return days_from_date(f(r)); });
  }
  // F returns std::optional<std::int64_t>: a list of int, None where absent (pandas: int64, or
  // object when a value is absent). optional_integer below gives pandas' nullable Int64 instead.
  template <class F>
  TableBuilder& integer_or_none(const char* name, F f) {
    py::list out(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const std::optional<std::int64_t> v = f(rows_[i]);
      out[i] = v ? py::object(py::int_(*v)) : py::object(py::none());
    }
    return add(name, "integer", std::move(out));
  }
  // F returns std::string, or std::optional<std::string> (nullopt = None).
  template <class F>
  TableBuilder& text(const char* name, F f) {
    py::list out(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) out[i] = to_python(f(rows_[i]));
    return add(name, "text", std::move(out));
  }

  // A pandas Categorical. F returns a text (std::string or std::string_view): the categories are
  // `categories` when given (every text must be one of them) or the texts in order of first use.
  // Or F returns an index into `categories` (an enum's value, for a key table): no text is hashed.
  template <class F>
  TableBuilder& category(const char* name, F f, const std::vector<std::string>& categories = {}) {
    py::list names;
    for (const auto& c : categories) names.append(py::str(c));
    py::array_t<std::int32_t> codes(static_cast<py::ssize_t>(rows_.size()));
    std::int32_t* p = codes.mutable_data();
    using R = std::decay_t<decltype(f(rows_.front()))>;
    if constexpr (std::is_integral_v<R> || std::is_enum_v<R>) {
      for (std::size_t i = 0; i < rows_.size(); ++i) p[i] = static_cast<std::int32_t>(f(rows_[i]));
    } else {
      // Looked up by view, stored once: a row whose text is known allocates nothing.
      std::deque<std::string> texts(categories.begin(), categories.end());
      std::unordered_map<std::string_view, std::int32_t> index;
      for (const auto& t : texts) index.emplace(t, static_cast<std::int32_t>(index.size()));
      for (std::size_t i = 0; i < rows_.size(); ++i) {
        R text = f(rows_[i]);
        auto it = index.find(std::string_view(text));
        if (it == index.end()) {
          texts.emplace_back(std::move(text));
          it = index.emplace(texts.back(), static_cast<std::int32_t>(index.size())).first;
          names.append(py::str(texts.back()));
        }
        p[i] = it->second;
      }
    }
    return add(name, "category", py::make_tuple(std::move(codes), std::move(names)));
  }
  // F returns std::optional<integer> (nullopt = <NA>): a pandas nullable integer column.
  template <class F>
  TableBuilder& optional_integer(const char* name, F f) {
    py::array_t<std::int64_t> values(static_cast<py::ssize_t>(rows_.size()));
    py::array_t<bool> missing(static_cast<py::ssize_t>(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const auto v = f(rows_[i]);
      values.mutable_data()[i] = v ? static_cast<std::int64_t>(*v) : 0;
      missing.mutable_data()[i] = !v;
    }
    return add(name, "optional_integer", py::make_tuple(std::move(values), std::move(missing)));
  }

  Table build() { return std::move(table_); }

 private:
  template <class T, class F>
  TableBuilder& array(const char* name, const char* kind, F f) {
    py::array_t<T> a(static_cast<py::ssize_t>(rows_.size()));
    T* p = a.mutable_data();
    for (std::size_t i = 0; i < rows_.size(); ++i) p[i] = static_cast<T>(f(rows_[i]));
    return add(name, kind, std::move(a));
  }
  static py::object to_python(const std::string& s) { return py::str(s); }
  static py::object to_python(std::string_view s) { return py::str(s.data(), s.size()); }
  static py::object to_python(const std::optional<std::string>& s) {
    return s ? py::object(py::str(*s)) : py::object(py::none());
  }
  TableBuilder& add(const char* name, const char* kind, py::object column) {
    table_.names.emplace_back(name);
    table_.kinds.emplace_back(kind);
    table_.columns.push_back(std::move(column));
    return *this;
  }

  const std::vector<Row>& rows_;
  Table table_;
};

// Registers _core.Table once (register_result_types, called first by module.cpp).
void register_result_types(py::module_& m);

namespace detail {
template <class T, class = void>
struct has_equality : std::false_type {};
template <class T>
struct has_equality<T, std::void_t<decltype(std::declval<const T&>() == std::declval<const T&>())>> : std::true_type {};
}  // namespace detail

// A result class: held by shared_ptr, copyable from Python (copy.copy / copy.deepcopy give an
// independent C++ copy), compared by value where the C++ type defines ==.
template <class T>
py::class_<T, std::shared_ptr<T>> bind_result(py::module_& m, const char* name, const char* doc) {
  py::class_<T, std::shared_ptr<T>> c(m, name, doc);
  c.def("__copy__", [](const T& self) { return std::make_shared<T>(self); });
  c.def(
      "__deepcopy__", [](const T& self, const py::dict&) { return std::make_shared<T>(self); }, py::arg("memo"));
  if constexpr (detail::has_equality<T>::value) {
    // Any object may be compared (Python's protocol, and what type checkers expect of __eq__):
    // another type answers NotImplemented.
    c.def(
        "__eq__",
        [](const T& a, const py::object& b) -> py::object {
          if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
          return py::bool_(a == b.cast<const T&>());
        },
        py::is_operator());
  }
  return c;
}

}  // namespace aqi::python
