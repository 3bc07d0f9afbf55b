// An orders table from Python (SPEC L8): a DataFrame's columns as lists of text, read by the
// library (aqi::read_order_rows) — the checks and messages of the CSV reader, the row and column
// named as `level[2]: …`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aqi/error.hpp"
#include "aqi/warning/order.hpp"

namespace aqi::python {

// Column name → its cells as text ("" for an empty cell), in row order.
using OrderColumns = std::map<std::string, std::vector<std::string>>;

inline std::vector<Order> orders_from_columns(const OrderColumns& columns, const RuleSet& rules) {
  std::vector<std::string> header;
  std::size_t n = 0;
  for (const auto& [name, cells] : columns) {
    header.push_back(name);
    n = std::max(n, cells.size());
  }
  check_order_columns(header, [](const std::string& what) -> void { throw UnknownName("orders: " + what); });
  std::vector<OrderRow> rows(n);
  const auto take = [&](const char* name, std::string OrderRow::*field) {
    const auto it = columns.find(name);
    if (it == columns.end()) return;
    if (it->second.size() != n) throw InvalidArgument("orders: the columns differ in length");
    for (std::size_t i = 0; i < n; ++i) rows[i].*field = it->second[i];
  };
  take("issued", &OrderRow::issued);
  take("event", &OrderRow::event);
  take("level", &OrderRow::level);
  take("response_start", &OrderRow::response_start);
  take("expected_end", &OrderRow::expected_end);
  take("doc_no", &OrderRow::doc_no);
  take("issuer", &OrderRow::issuer);
  return read_order_rows(rows, rules);
}

}  // namespace aqi::python
