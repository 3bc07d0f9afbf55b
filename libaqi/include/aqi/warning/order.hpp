// The superior command's orders (预警通知 / 解除指令) that a county relays — SPEC L7–L9, L11. An
// order carries its issue (receipt) time, the event, the level, the response start it states, and
// optionally the expected end, the document number and the issuer. Orders are read from a table
// (a CSV file or a DataFrame's columns) whose every error names the row and the column.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/warning/event_type.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi {

// One order as the county received it (SPEC L8).
struct Order {
  boost::posix_time::ptime issued;  // when it was issued (received), local time
  EventType event = EventType::issue;
  int level = 0;  // a level of the rule set; 0 for LIFT
  // L8: the response start stated in the order; the issue time when the order says none or "立即".
  // A LIFT ends the response at its issue time (L9): its response_start is its issue time.
  boost::posix_time::ptime response_start;
  boost::posix_time::ptime expected_end;  // as stated; not_a_date_time when not stated
  std::string doc_no;                     // "2019—2020年第3期"; may be empty
  std::string issuer;                     // "淄博市重污染天气应急指挥部办公室"; may be empty

  // L11: hours from the issue to the response start.
  double lead_hours() const { return static_cast<double>((response_start - issued).total_seconds()) / 3600.0; }
};

// The columns of an orders table: `issued`, `event`, `level` required; the others optional.
inline const std::vector<std::string>& order_columns() {
  static const std::vector<std::string> columns{"issued",       "event",  "level", "response_start",
                                                "expected_end", "doc_no", "issuer"};
  return columns;
}

// One row of an orders table as written: text cells (a CSV line or a DataFrame row; a column the
// table does not have is empty).
struct OrderRow {
  std::string issued, event, level, response_start, expected_end, doc_no, issuer;
};

// Where an error of an orders table is reported: the row (0-based) and the column's name.
// Must throw. CSV files report file:line:column; tables in memory `column[row]: …`.
using OrderFault = std::function<void(std::size_t row, std::string_view column, const std::string& what)>;

// Throws InvalidValue("<column>", row, what): the report of a table in memory (a DataFrame).
[[noreturn]] void throw_order_fault(std::size_t row, std::string_view column, const std::string& what);

// SPEC L8: the rows → orders, every cell checked (times `YYYY-MM-DD HH:MM`; the event; the level by
// its English or Chinese name, empty or "none" for LIFT; a response start not before the issue;
// an expected end after the response start), then the sequence (check_orders).
std::vector<Order> read_order_rows(const std::vector<OrderRow>& rows, const RuleSet& rules,
                                   const OrderFault& fault = throw_order_fault);

// SPEC L8, the sequence: in time order; an ISSUE only with no warning in force, an UPGRADE that
// raises and a DOWNGRADE that lowers the level in force, a LIFT of a warning in force; a response
// start not before the issue. An ISSUE over a warning in force (even of a lower level) is refused,
// not read as an UPGRADE. Also checks each order's level and times (orders built in code).
void check_orders(const std::vector<Order>& orders, const RuleSet& rules, const OrderFault& fault = throw_order_fault);

// The header of an orders table: the required columns present, no unknown column (a misspelt
// `response_begin` would otherwise be dropped and every response start on its issue); columns
// whose names start with `x_` are the analyst's.
void check_order_columns(const std::vector<std::string>& header, const std::function<void(const std::string&)>& fail);

// A CSV file of orders (columns as above); errors name file:line:column.
std::vector<Order> parse_orders(std::string_view text, const std::string& file, const RuleSet& rules);
std::vector<Order> read_orders(const std::string& path, const RuleSet& rules);

}  // namespace aqi
