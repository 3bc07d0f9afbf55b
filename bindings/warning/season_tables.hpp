// The tables of a season result (SPEC L1–L12) as _core.Tables: names resolved by the result's
// own rule set, times as seconds, absent values as None/NaT. aqi.SeasonResult turns them into
// DataFrames (aqi/_frames.py).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aqi/warning/season.hpp"
#include "result.hpp"

namespace aqi::python {

inline std::optional<std::string> response_text(ResponseLevel r) {
  if (r == ResponseLevel::none) return std::nullopt;
  return std::string(name(r));
}

// -1: no forecast issued / no observation / no forecast of the county yet.
inline std::optional<std::string> level_or_none(const RuleSet& rules, int level) {
  if (level < 0) return std::nullopt;
  return rules.level_name(level);
}

inline std::optional<std::string> response_text_zh(ResponseLevel r) {
  if (r == ResponseLevel::none) return std::nullopt;
  return std::string(name_zh(r));
}

inline std::optional<std::string> level_zh_or_none(const RuleSet& rules, int level) {
  if (level < 0) return std::nullopt;
  return rules.level_name_zh(level);
}

inline std::optional<std::string> text_or_none(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

inline Table events_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using E = const SeasonEvent&;
  return TableBuilder<SeasonEvent>(r.events)
      .time("time", [](E e) { return e.time; })
      .text("event", [](E e) { return std::string(name(e.type)); })
      .text("event_zh", [](E e) { return std::string(name_zh(e.type)); })
      .text("level", [&](E e) { return rules.level_name(e.level); })
      .text("level_zh", [&](E e) { return rules.level_name_zh(e.level); })
      .text("previous", [&](E e) { return rules.level_name(e.previous); })
      .text("previous_zh", [&](E e) { return rules.level_name_zh(e.previous); })
      .text("response", [&](E e) { return response_text(rules.response(e.level)); })
      .text("response_zh", [&](E e) { return response_text_zh(rules.response(e.level)); })
      .text("reason", [](E e) { return e.reason; })
      .number("lead_hours", [](E e) { return e.lead_hours; })
      .flag("short_lead", [](E e) { return e.short_lead; })
      .flag("imposed", [](E e) { return e.imposed; })
      .text("county_level", [&](E e) { return level_or_none(rules, e.county_level); })
      .text("county_level_zh", [&](E e) { return level_zh_or_none(rules, e.county_level); })
      .text("comparison", [](E e) { return std::string(name(e.comparison)); })
      .text("comparison_zh", [](E e) { return std::string(name_zh(e.comparison)); })
      .time("response_from", [](E e) { return e.response_from; })
      .date("run_first", [](E e) { return e.run_first; })
      .date("run_last", [](E e) { return e.run_last; })
      .text("doc_no", [](E e) { return text_or_none(e.doc_no); })
      .text("issuer", [](E e) { return text_or_none(e.issuer); })
      .time("expected_end", [](E e) { return e.expected_end; })
      .optional_integer("order", [](E e) { return e.order < 0 ? std::nullopt : std::optional<std::int64_t>(e.order); })
      .text("note", [](E e) { return e.note; })
      .build();
}

inline Table days_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using D = const SeasonDay&;
  return TableBuilder<SeasonDay>(r.days)
      .date("date", [](D d) { return d.day; })
      .text("warning", [&](D d) { return rules.level_name(d.warning); })
      .text("warning_zh", [&](D d) { return rules.level_name_zh(d.warning); })
      .text("response", [](D d) { return response_text(d.response); })
      .text("response_zh", [](D d) { return response_text_zh(d.response); })
      .text("forecast_level", [&](D d) { return level_or_none(rules, d.forecast_level); })
      .text("forecast_level_zh", [&](D d) { return level_zh_or_none(rules, d.forecast_level); })
      .text("observed_level", [&](D d) { return level_or_none(rules, d.observed_level); })
      .text("observed_level_zh", [&](D d) { return level_zh_or_none(rules, d.observed_level); })
      .build();
}

inline Table periods_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using P = const ResponsePeriod&;
  return TableBuilder<ResponsePeriod>(r.periods)
      .time("start", [](P p) { return p.start; })
      .time("end", [](P p) { return p.end; })
      .text("response", [](P p) { return std::string(name(p.highest)); })
      .text("response_zh", [](P p) { return std::string(name_zh(p.highest)); })
      .text("level", [&](P p) { return rules.level_name(p.level); })
      .text("level_zh", [&](P p) { return rules.level_name_zh(p.level); })
      .text("doc_no", [](P p) { return text_or_none(p.doc_no); })
      .build();
}

inline Table warnings_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using W = const WarningPeriod&;
  return TableBuilder<WarningPeriod>(r.warnings)
      .time("issued", [](W w) { return w.issued; })
      .time("lifted", [](W w) { return w.lifted; })
      .text("level", [&](W w) { return rules.level_name(w.highest); })
      .text("level_zh", [&](W w) { return rules.level_name_zh(w.highest); })
      .text("response", [&](W w) { return response_text(rules.response(w.highest)); })
      .text("response_zh", [&](W w) { return response_text_zh(rules.response(w.highest)); })
      .text("doc_no", [](W w) { return text_or_none(w.doc_no); })
      .optional_integer("period",
                        [](W w) {
                          return w.period == WarningPeriod::no_period ? std::nullopt
                                                                      : std::optional<std::int64_t>(w.period);
                        })
      .integer("first_event", [](W w) { return w.first_event; })
      .integer("last_event", [](W w) { return w.last_event; })
      .build();
}

inline Table advice_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using A = const Advice&;
  return TableBuilder<Advice>(r.advice)
      .date("date", [](A a) { return a.time.date(); })
      .text("forecast_level", [&](A a) { return rules.level_name(a.forecast_level); })
      .text("forecast_level_zh", [&](A a) { return rules.level_name_zh(a.forecast_level); })
      .text("order_level", [&](A a) { return rules.level_name(a.order_level); })
      .text("order_level_zh", [&](A a) { return rules.level_name_zh(a.order_level); })
      .text("note", [](A a) { return a.note; })
      .time("time", [](A a) { return a.time; })
      .date("run_first", [](A a) { return a.first; })
      .date("run_last", [](A a) { return a.last; })
      .build();
}

inline Table expected_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using X = const ExpectedRun&;
  return TableBuilder<ExpectedRun>(r.expected)
      .time("time", [](X x) { return x.time; })
      .text("level", [&](X x) { return rules.level_name(x.level); })
      .text("level_zh", [&](X x) { return rules.level_name_zh(x.level); })
      .date("run_first", [](X x) { return x.first; })
      .date("run_last", [](X x) { return x.last; })
      .number("lead_hours", [](X x) { return x.lead_hours; })
      .text("reason", [](X x) { return x.reason; })
      .build();
}

inline Table orders_table(const std::vector<Order>& orders, const RuleSet& rules) {
  using O = const Order&;
  return TableBuilder<Order>(orders)
      .time("issued", [](O o) { return o.issued; })
      .text("event", [](O o) { return std::string(name(o.event)); })
      .text("event_zh", [](O o) { return std::string(name_zh(o.event)); })
      .text("level", [&](O o) { return rules.level_name(o.level); })
      .text("level_zh", [&](O o) { return rules.level_name_zh(o.level); })
      .time("response_start", [](O o) { return o.response_start; })
      .time("expected_end", [](O o) { return o.expected_end; })
      .text("doc_no", [](O o) { return text_or_none(o.doc_no); })
      .text("issuer", [](O o) { return text_or_none(o.issuer); })
      .number("lead_hours",
              [](O o) {
                return o.event == EventType::issue || o.event == EventType::upgrade
                           ? o.lead_hours()
                           : std::numeric_limits<double>::quiet_NaN();
              })
      .build();
}

// Issue 16: the days missing from the forecasts, what the engine did and what it changed.
inline Table gaps_table(const SeasonResult& r) {
  using G = const SeasonGap&;
  return TableBuilder<SeasonGap>(r.gaps)
      .date("date", [](G g) { return g.day; })
      .date("last_date", [](G g) { return g.last; })
      .text("kind", [](G g) { return std::string(name(g.kind)); })
      .text("kind_zh", [](G g) { return std::string(name_zh(g.kind)); })
      .date("issue_date", [](G g) { return g.issue; })
      .text("detail_zh", [](G g) { return g.detail_zh; })
      .text("detail", [](G g) { return g.detail; })
      .optional_integer("warning",
                        [](G g) {
                          return g.warning == SeasonGap::no_warning ? std::nullopt
                                                                    : std::optional<std::int64_t>(g.warning);
                        })
      .flag("changed", [](G g) { return g.changed; })
      .build();
}

inline Table verification_table(const SeasonResult& r) {
  const RuleSet& rules = *r.rules;
  using V = const Verification&;
  return TableBuilder<Verification>(r.verification)
      .text("level", [&](V v) { return rules.level_name(v.level); })
      .text("level_zh", [&](V v) { return rules.level_name_zh(v.level); })
      .integer("hits", [](V v) { return v.hits; })
      .integer("misses", [](V v) { return v.misses; })
      .integer("false_alarms", [](V v) { return v.false_alarms; })
      .integer("correct_negatives", [](V v) { return v.correct_negatives; })
      .number("pod", [](V v) { return v.pod; })
      .number("far", [](V v) { return v.far; })
      .number("csi", [](V v) { return v.csi; })
      .build();
}

}  // namespace aqi::python
