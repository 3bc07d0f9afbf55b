// Orders of the superior command (SPEC L8): each cell, then the sequence; every error names the
// row and the column.
#include "aqi/warning/order.hpp"

#include <optional>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

using boost::posix_time::ptime;
using detail::iso;

namespace {

// Reports through `fault`, which must throw; should it return, the error is thrown here.
[[noreturn]] void fail(const OrderFault& fault, std::size_t row, std::string_view column, const std::string& what) {
  fault(row, column, what);
  throw InvalidValue(std::string(column), row, what);
}

// "立即" (at once) and an empty cell both mean the issue time (L8).
constexpr std::string_view at_once = "立即";

// Exactly `YYYY-MM-DD HH:MM` with a real date and time, or nothing.
std::optional<ptime> parse_minute(std::string_view s) {
  const auto digits = [&](std::size_t at, std::size_t n, int& out) {
    out = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      out = out * 10 + (s[k] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi;
  if (s.size() != 16 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':') return std::nullopt;
  if (!digits(0, 4, y) || !digits(5, 2, mo) || !digits(8, 2, d) || !digits(11, 2, h) || !digits(14, 2, mi))
    return std::nullopt;
  if (h > 23 || mi > 59) return std::nullopt;
  try {
    return ptime(boost::gregorian::date(y, mo, d), boost::posix_time::hours(h) + boost::posix_time::minutes(mi));
  } catch (const std::exception&) {
    return std::nullopt;  // 2019-02-30
  }
}

ptime time_cell(const std::string& text, std::size_t row, std::string_view column, const OrderFault& fault) {
  if (const auto t = parse_minute(text)) return *t;
  fail(fault, row, column,
       text.empty() ? std::string("a time is required (YYYY-MM-DD HH:MM)")
                    : "'" + text + "' is not a time (YYYY-MM-DD HH:MM)");
}

// The level of one order: a LIFT takes none (empty or "none"), every other event a level.
int level_cell(const OrderRow& r, EventType event, std::size_t row, const RuleSet& rules, const OrderFault& fault) {
  const bool none = r.level.empty() || r.level == "none";
  if (event == EventType::lift) {
    if (!none) fail(fault, row, "level", "a LIFT takes no level (empty or none), got '" + r.level + "'");
    return 0;
  }
  if (none)
    fail(fault, row, "level",
         "an " + std::string(name(event)) + " needs a warning level (" + rules.level_names() + ")");
  try {
    return rules.level_code(r.level);
  } catch (const UnknownName& e) {
    fail(fault, row, "level", e.what());
  }
}

Order order_of(const OrderRow& r, std::size_t row, const RuleSet& rules, const OrderFault& fault) {
  Order o;
  o.issued = time_cell(r.issued, row, "issued", fault);
  try {
    o.event = parse_event_type(r.event);
  } catch (const UnknownName& e) {
    fail(fault, row, "event", e.what());
  }
  o.level = level_cell(r, o.event, row, rules, fault);
  const bool at_issue = r.response_start.empty() || r.response_start == at_once;
  o.response_start = at_issue ? o.issued : time_cell(r.response_start, row, "response_start", fault);
  if (!r.expected_end.empty()) o.expected_end = time_cell(r.expected_end, row, "expected_end", fault);
  o.doc_no = r.doc_no;
  o.issuer = r.issuer;
  return o;
}

// One order's own times and level (L8, L9).
void check_order(const Order& o, std::size_t row, const RuleSet& rules, const OrderFault& fault) {
  if (o.issued.is_special()) fail(fault, row, "issued", "the issue time is not a date and time");
  if (o.event == EventType::lift) {
    if (o.level != 0) fail(fault, row, "level", "a LIFT takes no level");
    if (o.response_start != o.issued)
      fail(fault, row, "response_start",
           "a LIFT ends the response at its issue time (SPEC L9); leave response_start empty, got " +
               iso(o.response_start));
    if (!o.expected_end.is_not_a_date_time()) fail(fault, row, "expected_end", "a LIFT has no expected end");
    return;
  }
  if (o.level < 1 || o.level > rules.level_count())
    fail(fault, row, "level", "level " + std::to_string(o.level) + " is not a level of rule set " + rules.id);
  if (o.response_start.is_special()) fail(fault, row, "response_start", "the response start is not a date and time");
  if (o.response_start < o.issued)
    fail(
        fault, row, "response_start",
        "the response start " + iso(o.response_start) + " is before the order's issue " + iso(o.issued) + " (SPEC L8)");
  if (!o.expected_end.is_not_a_date_time() && !(o.expected_end > o.response_start))
    fail(fault, row, "expected_end",
         "the expected end " + iso(o.expected_end) + " is not after the response start " + iso(o.response_start));
}

// L8: what the event may do to the level in force (`active`, since `since`).
void check_transition(const Order& o, int active, ptime since, std::size_t row, const RuleSet& rules,
                      const OrderFault& fault) {
  const std::string in_force =
      active == 0 ? "no warning in force" : "the " + rules.level_name(active) + " warning in force since " + iso(since);
  switch (o.event) {
    case EventType::issue:
      if (active != 0)
        fail(fault, row, "event",
             "an ISSUE over " + in_force +
                 "; an order that changes a warning in force is an UPGRADE or a "
                 "DOWNGRADE (SPEC L8)");
      break;
    case EventType::upgrade:
      if (active == 0) fail(fault, row, "event", "an UPGRADE with no warning in force; a warning begins with an ISSUE");
      if (o.level <= active)
        fail(fault, row, "level", "an UPGRADE to " + rules.level_name(o.level) + " does not raise " + in_force);
      break;
    case EventType::downgrade:
      if (active == 0) fail(fault, row, "event", "a DOWNGRADE with no warning in force");
      if (o.level >= active)
        fail(fault, row, "level", "a DOWNGRADE to " + rules.level_name(o.level) + " does not lower " + in_force);
      break;
    case EventType::lift:
      if (active == 0) fail(fault, row, "event", "a LIFT with no warning in force");
      break;
  }
}

}  // namespace

void throw_order_fault(std::size_t row, std::string_view column, const std::string& what) {
  throw InvalidValue(std::string(column), row, what);
}

void check_orders(const std::vector<Order>& orders, const RuleSet& rules, const OrderFault& fault) {
  int active = 0;
  ptime since;
  for (std::size_t i = 0; i < orders.size(); ++i) {
    const Order& o = orders[i];
    check_order(o, i, rules, fault);
    if (i > 0 && o.issued < orders[i - 1].issued)
      fail(fault, i, "issued",
           "orders must be in time order: " + iso(o.issued) + " comes after " + iso(orders[i - 1].issued));
    check_transition(o, active, since, i, rules, fault);
    if (active == 0) since = o.issued;
    active = o.level;
  }
}

std::vector<Order> read_order_rows(const std::vector<OrderRow>& rows, const RuleSet& rules, const OrderFault& fault) {
  std::vector<Order> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(order_of(rows[i], i, rules, fault));
  check_orders(out, rules, fault);
  return out;
}

void check_order_columns(const std::vector<std::string>& header, const std::function<void(const std::string&)>& fail) {
  const auto& known = order_columns();
  for (const char* required : {"issued", "event", "level"}) {
    bool found = false;
    for (const auto& h : header) found = found || h == required;
    if (!found)
      fail("missing column '" + std::string(required) +
           "' (expected issued, event, level and optionally "
           "response_start, expected_end, doc_no, issuer)");
  }
  for (const auto& h : header) {
    bool ok = h.rfind("x_", 0) == 0;
    for (const auto& k : known) ok = ok || h == k;
    if (!ok)
      fail("unknown column '" + h +
           "'; expected issued, event, level, response_start, expected_end, doc_no, issuer "
           "(columns of your own start with x_)");
  }
}

std::vector<Order> parse_orders(std::string_view text, const std::string& file, const RuleSet& rules) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  check_order_columns(t.header, [&](const std::string& what) -> void { throw ParseError(file, 1, 0, what); });
  std::vector<std::optional<std::size_t>> col;
  for (const auto& c : order_columns()) col.push_back(t.find_column(c));
  std::vector<OrderRow> rows(t.size());
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string* cells[] = {&rows[r].issued,       &rows[r].event,  &rows[r].level, &rows[r].response_start,
                            &rows[r].expected_end, &rows[r].doc_no, &rows[r].issuer};
    for (std::size_t k = 0; k < col.size(); ++k)
      if (col[k]) *cells[k] = t.text(r, *col[k]);
  }
  const OrderFault fault = [&](std::size_t row, std::string_view column, const std::string& what) {
    if (const auto c = t.find_column(column)) t.fail(row, *c, what);
    throw ParseError(file, t.row_line[row], 0, "column '" + std::string(column) + "' (not in the file): " + what);
  };
  return read_order_rows(rows, rules, fault);
}

std::vector<Order> read_orders(const std::string& path, const RuleSet& rules) {
  return parse_orders(detail::read_text_file(path), path, rules);
}

}  // namespace aqi
