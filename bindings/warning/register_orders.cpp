// Orders of the superior command (SPEC L8) read on their own: aqi.read_orders(path or DataFrame)
// gives the table the season would relay, every cell and the sequence checked.
#include <memory>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/order.hpp"
#include "common.hpp"
#include "result.hpp"
#include "warning/orders_convert.hpp"
#include "warning/season_tables.hpp"

namespace aqi::python {

void register_orders(py::module_& m) {
  m.def(
      "read_orders",
      [](const std::optional<std::string>& file, const std::optional<OrderColumns>& columns,
         const std::shared_ptr<RuleSet>& rules) {
        if (file.has_value() == columns.has_value())
          throw InvalidArgument("read_orders: give a file or the columns of a table");
        return orders_table(file ? read_orders(*file, *rules) : orders_from_columns(*columns, *rules), *rules);
      },
      py::arg("file"), py::arg("columns"), py::arg("rules"));
  m.attr("ORDER_COLUMNS") = order_columns();
}

}  // namespace aqi::python
