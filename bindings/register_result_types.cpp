// _core.Table: the typed columns of a result's table (result.hpp), for aqi/_frames.py.
#include "result.hpp"

namespace aqi::python {

void register_result_types(py::module_& m) {
  py::class_<Table>(m, "Table", "Named columns of a result's table; aqi turns it into a pandas DataFrame.")
      .def_readonly("names", &Table::names)
      .def_readonly("kinds", &Table::kinds)
      .def_readonly("rows", &Table::rows)
      .def(
          "column", [](const Table& t, const std::string& name) -> py::object {
            for (std::size_t k = 0; k < t.names.size(); ++k)
              if (t.names[k] == name) return t.columns[k];
            throw py::key_error("no column '" + name + "'");
          },
          py::arg("name"))
      .def("__len__", [](const Table& t) { return t.rows; })
      .def("__repr__", [](const Table& t) {
        std::string s = "<aqi._core.Table " + std::to_string(t.rows) + " rows:";
        for (const auto& n : t.names) s += " " + n;
        return s + ">";
      });
}

}  // namespace aqi::python
