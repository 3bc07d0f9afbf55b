// Relay mode (SPEC L8–L11): each order of the superior command is an event; its level holds from
// its response start (L9); the county's forecasts give advice (L10).
#include <algorithm>

#include "aqi/detail/format.hpp"
#include "warning/machines.hpp"

namespace aqi::detail {

using boost::gregorian::days;

namespace {

Comparison compare(int order_level, int county_level) {
  if (county_level < 0) return Comparison::none;  // no forecast of the county yet
  return order_level == county_level  ? Comparison::consistent
         : order_level > county_level ? Comparison::stricter
                                      : Comparison::weaker;
}

// "order 2019—2020年第3期 of 淄博市…办公室, issued 2019-12-26 10:00"
std::string order_name(const Order& o) {
  std::string s = "order";
  if (!o.doc_no.empty()) s += " " + o.doc_no;
  if (!o.issuer.empty()) s += " of " + o.issuer;
  return s + ", issued " + iso(o.issued);
}

std::string order_reason(const Order& o, const RuleSet& rules) {
  const std::string who = order_name(o) + " (SPEC L8)";
  if (o.event == EventType::lift) return who + ": the warning is lifted and the response ends (SPEC L9)";
  std::string s = who + ": " + rules.level_name(o.level) + " warning, response " +
                  std::string(name(rules.response(o.level))) + " from " + iso(o.response_start);
  if (o.response_start == o.issued) s += " (at once)";
  if (!o.expected_end.is_not_a_date_time()) s += ", expected to end " + iso(o.expected_end);
  return s;
}

}  // namespace

void RelayMachine::order(const Order& o, std::size_t index) {
  SeasonEvent ev;
  ev.time = o.issued;
  ev.type = o.event;
  ev.level = o.level;
  ev.previous = active_;
  ev.reason = order_reason(o, rules_);
  ev.county_level = county_level_;
  ev.comparison = compare(o.level, county_level_);
  ev.response_from = o.response_start;
  ev.order = static_cast<std::ptrdiff_t>(index);
  ev.doc_no = o.doc_no;
  ev.issuer = o.issuer;
  ev.expected_end = o.expected_end;
  if (o.event == EventType::issue || o.event == EventType::upgrade) {
    ev.lead_hours = o.lead_hours();  // L11
    ev.short_lead = ev.lead_hours < rules_.min_lead_hours;
    if (ev.short_lead)
      ev.note = "issued " + format_hours(ev.lead_hours) + " h before its response start, under the " +
                std::to_string(rules_.min_lead_hours) + " h minimum (SPEC L11)";
  }
  const std::size_t event = events_.size();
  warning_line_.decide(o.issued, o.issued, o.level, event);
  response_orders_.push_back({o.response_start, o.level, event});  // a LIFT: 0 from its issue (L9)
  active_ = o.level;
  events_.push_back(std::move(ev));
}

// L10: the county's forecast within the issue horizon (L12), beside the orders in force.
void RelayMachine::forecast(const DailyForecast& f, ptime now) {
  const int last_start = last_start_within(f.first_valid, now, rules_.issue_horizon_hours);
  const DatedWarning w{classify_window(f.aqi, rules_, last_start, 0), f.first_valid, false};
  county_level_ = w.w.level;
  forecast_levels.emplace_back(f.issue, w.w.level);
  if (w.w.level <= active_) return;
  Advice a;
  a.time = now;
  a.forecast_level = w.w.level;
  a.order_level = active_;
  a.first = w.run_first();
  a.last = w.run_last();
  a.note = "forecast meets " + rules_.level_name(w.w.level) + " from " + iso(a.first) + "; " +
           (active_ == 0 ? std::string("no order received")
                         : "the orders keep " + rules_.level_name(active_) + " in force") +
           " (SPEC L10)";
  advice.push_back(std::move(a));
}

}  // namespace aqi::detail
