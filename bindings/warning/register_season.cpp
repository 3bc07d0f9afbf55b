// A season of daily forecasts through the warning lifecycle (SPEC L1–L6). Dates and times cross
// the boundary as days and seconds since 1970-01-01 (calendar_convert.hpp); the forecast and
// imposed tables as columns, grouped and read by the library (aqi::group_forecasts,
// aqi::imposed_event); the result as the bound class _core.SeasonResult with typed tables.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/season.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "result.hpp"
#include "warning/orders_convert.hpp"
#include "warning/season_tables.hpp"

namespace aqi::python {

namespace {

using DayArray = py::array_t<std::int64_t, py::array::c_style>;
using Counts = std::vector<std::pair<std::string, int>>;
using Hours = std::vector<std::pair<std::string, double>>;

// A read-only property whose getter is a method (its signature names `self`, so the generated stubs
// give its type).
template <class C, class F>
void readonly(C& c, const char* name, F f, const char* doc = "") {
  c.def_property_readonly(name, py::cpp_function(f, py::is_method(c)), doc);
}

// L3, in the order of the levels, responses and events.
Counts warning_days(const SeasonResult& r) {
  Counts out;
  for (std::size_t k = 0; k < r.warning_days.size(); ++k)
    out.emplace_back(r.rules->level_name(static_cast<int>(k)), r.warning_days[k]);
  return out;
}
Hours response_hours(const SeasonResult& r) {
  Hours out;
  for (const auto& [level, n] : r.response_hours) out.emplace_back(std::string(name(level)), n);
  return out;
}
Counts event_counts(const SeasonResult& r) {
  Counts out;
  for (const auto& [type, n] : r.event_counts) out.emplace_back(std::string(name(type)), n);
  return out;
}

template <class Pairs>
std::string dict_repr(const Pairs& counts, const char* skip = nullptr) {
  std::string s;
  for (const auto& [key, n] : counts)
    if (!skip || key != skip)
      s += (s.empty() ? "" : ", ") + std::string(py::repr(py::str(key))) + ": " + std::string(py::repr(py::cast(n)));
  return "{" + s + "}";
}

// aqi.SeasonResult(rules='yiyuan-2019', mode='forecast', days=6, events={'ISSUE': 1, …},
// warning_days={'yellow': 4}, response_hours={'III': 40.0}, flaps=0).
std::string repr(const SeasonResult& r) {
  return "aqi.SeasonResult(rules=" + std::string(py::repr(py::str(r.rules->id))) + ", mode='" +
         std::string(name(r.mode)) + "'" + ", days=" + std::to_string(r.days.size()) +
         ", events=" + dict_repr(event_counts(r)) + ", warning_days=" + dict_repr(warning_days(r), "none") +
         ", response_hours=" + dict_repr(response_hours(r)) + ", flaps=" + std::to_string(r.flaps) + ")";
}

void bind_season_result(py::module_& m) {
  auto c = bind_result<SeasonResult>(m, "SeasonResult", "A season run (SPEC L1–L12); aqi.SeasonResult wraps it.");
  using R = const SeasonResult&;
  readonly(
      c, "rules", [](R r) { return r.rules->id; }, "The id of the rule set.");
  readonly(
      c, "rule_set", [](R r) { return std::const_pointer_cast<RuleSet>(r.rules); },
      "The rule set itself (shared with the result).");
  readonly(
      c, "mode", [](R r) { return std::string(name(r.mode)); }, "L7: 'relay' or 'forecast'.");
  readonly(c, "events", &events_table, "L1, L5, L6, L8, L11: one row per event.");
  readonly(c, "days", &days_table, "L2: one row per day (date, warning, response, forecast and observed level).");
  readonly(c, "response_periods", &periods_table,
           "L2, L9: start, end (NaT: still in force), highest response, its level, the order's doc_no.");
  readonly(c, "warnings", &warnings_table, "Each warning from its ISSUE to its LIFT (D1), with its response period.");
  readonly(c, "advice", &advice_table, "L10: issue days on which the county's forecast meets a level no order gives.");
  readonly(c, "expected", &expected_table, "L12: runs beyond the issue horizon, logged, not issued.");
  readonly(
      c, "orders", [](R r) { return orders_table(r.orders, *r.rules); }, "L8: the orders relayed, as read.");
  readonly(
      c, "flaps", [](R r) { return r.flaps; }, "L12: LIFTs followed by an ISSUE within the flap window.");
  readonly(c, "verification", &verification_table, "L4: one row per level; no rows without observations.");
  readonly(c, "gaps", &gaps_table,
           "Days missing from the forecasts (issue 16): date, last_date (a stretch one forecast misses), kind "
           "(forecast_day, issue_day), issue_date, "
           "detail_zh, detail (what the engine did, what it changed), warning (its row of warnings), changed.");
  readonly(c, "warning_days", &warning_days, "L3: days per warning level, none first.");
  readonly(c, "response_hours", &response_hours, "L3: hours per response level.");
  readonly(c, "event_counts", &event_counts, "L3: events per type.");
  c.def("__repr__", &repr);
}

std::vector<ForecastRow> forecast_table(const DayArray& issue, const DayArray& valid, const DoubleArray& aqi) {
  if (issue.size() != valid.size() || issue.size() != aqi.size())
    throw InvalidArgument("forecasts: the columns issue_date, valid_date and aqi differ in length");
  std::vector<ForecastRow> rows(static_cast<std::size_t>(issue.size()));
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i] = {date_from_days(issue.data()[i]), date_from_days(valid.data()[i]), aqi.data()[i]};
  return rows;
}

std::vector<ImposedEvent> imposed_table(const DayArray& time, const std::vector<std::string>& event,
                                        const std::vector<std::string>& level, const RuleSet& rules) {
  if (event.size() != static_cast<std::size_t>(time.size()) || level.size() != event.size())
    throw InvalidArgument("imposed: the columns time, event and level differ in length");
  std::vector<ImposedEvent> out;
  for (std::size_t i = 0; i < event.size(); ++i)
    out.push_back(imposed_event(time_from_seconds(time.data()[i]), event[i], level[i], rules));
  return out;
}

}  // namespace

void register_season(py::module_& m) {
  bind_season_result(m);
  m.def(
      "run_season",
      [](const DayArray& issue_date, const DayArray& valid_date, const DoubleArray& aqi,
         const std::shared_ptr<RuleSet>& rules, int issue_hour, const DayArray& imposed_time,
         const std::vector<std::string>& imposed_event, const std::vector<std::string>& imposed_level,
         const std::optional<DoubleArray>& observed, std::int64_t observed_first,
         const std::optional<std::string>& orders_file, const std::optional<OrderColumns>& order_columns,
         const std::optional<std::string>& mode) {
        const std::vector<DailyForecast> forecasts = group_forecasts(forecast_table(issue_date, valid_date, aqi));
        SeasonOptions options;
        options.issue_hour = issue_hour;
        options.imposed = imposed_table(imposed_time, imposed_event, imposed_level, *rules);
        if (orders_file) options.orders = read_orders(*orders_file, *rules);
        if (order_columns) options.orders = orders_from_columns(*order_columns, *rules);
        if (mode) options.mode = parse_season_mode(*mode);
        py::gil_scoped_release release;
        return run_season(forecasts, std::shared_ptr<const RuleSet>(rules), options,
                          observed ? view(*observed) : aqi::span<const double>{},
                          observed ? date_from_days(observed_first) : boost::gregorian::date());
      },
      py::arg("issue_date").noconvert(), py::arg("valid_date").noconvert(), py::arg("aqi").noconvert(),
      py::arg("rules"), py::arg("issue_hour"), py::arg("imposed_time").noconvert(), py::arg("imposed_event"),
      py::arg("imposed_level"), py::arg("observed").noconvert(), py::arg("observed_first"), py::arg("orders_file"),
      py::arg("order_columns"), py::arg("mode"));
  m.def(
      "perfect_forecasts",
      [](const DoubleArray& observed, std::int64_t first_day, int horizon) {
        const std::vector<ForecastRow> rows =
            forecast_rows(perfect_forecasts(view(observed), date_from_days(first_day), horizon));
        using R = const ForecastRow&;
        return TableBuilder<ForecastRow>(rows)
            .date("issue_date", [](R r) { return r.issue_date; })
            .date("valid_date", [](R r) { return r.valid_date; })
            .number("aqi", [](R r) { return r.aqi; })
            .build();
      },
      py::arg("observed").noconvert(), py::arg("first_day"), py::arg("horizon"));
}

}  // namespace aqi::python
