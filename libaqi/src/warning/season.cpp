// The season run (SPEC L1–L12) in named phases: the mode chosen and the inputs checked, the
// decisions ordered in time, a state machine run over them (forecast mode: L1, L5, L6, L12; relay
// mode: L8–L11, machines.hpp), its timelines turned into days, response periods, warnings and
// counts (L2, L3, L9, L12), and the days verified against observations (L4).
#include "aqi/warning/season.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "aqi/detail/format.hpp"
#include "aqi/warning/classify.hpp"
#include "warning/machines.hpp"
#include "warning/season_gaps.hpp"

namespace aqi {

namespace detail {

namespace {

using boost::gregorian::days;
using boost::posix_time::hours;

// --- Validation ---------------------------------------------------------------------------------

// One forecast per issue day, in order; real dates; no forecast before its issue day or past
// 9999-12-31; no negative or infinite AQI (W9).
void check_forecasts(const std::vector<DailyForecast>& forecasts) {
  for (std::size_t i = 0; i < forecasts.size(); ++i) {
    const auto& f = forecasts[i];
    if (i > 0 && !(f.issue > forecasts[i - 1].issue))
      throw InvalidArgument("forecasts must have one issue day each, in order: " + iso(f.issue) + " after " +
                            iso(forecasts[i - 1].issue));
    if (f.issue.is_special() || f.first_valid.is_special())
      throw InvalidArgument("forecasts[" + std::to_string(i) + "]: the issue or first valid date is not a date");
    if (f.first_valid < f.issue)
      throw InvalidArgument("forecast of " + iso(f.issue) + " starts before its issue day, on " + iso(f.first_valid));
    if (!f.aqi.empty() && days_left(f.first_valid) < static_cast<long>(f.aqi.size()) - 1)
      throw InvalidArgument("forecast of " + iso(f.issue) + " runs past 9999-12-31, the last date libaqi handles");
    for (std::size_t k = 0; k < f.aqi.size(); ++k)
      if (std::isinf(f.aqi[k]) || f.aqi[k] < 0)
        throw InvalidValue(
            "aqi", k,
            "forecast of " + iso(f.issue) + " for " + iso(f.first_valid + days(static_cast<long>(k))) + ": " +
                (std::isinf(f.aqi[k]) ? "infinite AQI" : "negative AQI " + format_number(f.aqi[k])) + " (SPEC W9)");
  }
}

// L6: a level of the rule set, 0 for LIFT and only for LIFT.
void check_imposed_levels(const std::vector<ImposedEvent>& imposed, const RuleSet& rules) {
  for (const auto& e : imposed)
    if (e.level < 0 || e.level > rules.level_count() || (e.type == EventType::lift) != (e.level == 0))
      throw InvalidArgument("imposed " + std::string(name(e.type)) + " at " + iso(e.time) + ": level " +
                            std::to_string(e.level) + " is not valid for it in rule set " + rules.id);
}

// L7: relay when orders are given, else forecast, unless the options say; what each mode needs.
SeasonMode season_mode(const std::vector<DailyForecast>& forecasts, const SeasonOptions& options) {
  const SeasonMode mode = options.mode.value_or(options.orders.empty() ? SeasonMode::forecast : SeasonMode::relay);
  if (mode == SeasonMode::forecast) {
    if (!options.orders.empty())
      throw InvalidArgument(
          "run_season: orders are relayed in relay mode; forecast mode applies the rules to the forecasts (SPEC L7)");
    if (forecasts.empty()) throw InvalidArgument("run_season: no forecasts");
  } else if (!options.imposed.empty()) {
    throw InvalidArgument(
        "run_season: imposed events belong to forecast mode (SPEC L6); in relay mode every warning is an order of the "
        "superior command (SPEC L7–L9): give them as orders");
  }
  return mode;
}

SeasonMode check_season_inputs(const std::vector<DailyForecast>& forecasts, const RuleSet& rules,
                               const SeasonOptions& options, span<const double> observed, date observed_first) {
  if (options.issue_hour < 0 || options.issue_hour > 23)
    throw InvalidArgument("issue_hour must be 0–23, got " + std::to_string(options.issue_hour));
  rules.require_valid();
  if (!observed.empty() && observed_first.is_special())
    throw InvalidArgument("run_season: observed values are given without the date of the first (observed_first)");
  for (std::size_t i = 0; i < observed.size(); ++i) check_aqi_value(observed[i], i, "values");  // W9
  const SeasonMode mode = season_mode(forecasts, options);
  check_forecasts(forecasts);
  check_imposed_levels(options.imposed, rules);
  check_orders(options.orders, rules);  // L8: errors name the column and the order, level[3]
  return mode;
}

// The window of the result: the first issue day (or imposed event, or order) to the last forecast
// day (or imposed event, or order, or response start).
struct SeasonWindow {
  date first, last;
};

void widen(SeasonWindow& w, date d) {
  w.first = w.first.is_special() ? d : std::min(w.first, d);
  w.last = w.last.is_special() ? d : std::max(w.last, d);
}

SeasonWindow season_window(const std::vector<DailyForecast>& forecasts, const SeasonOptions& options) {
  SeasonWindow w;
  for (const auto& f : forecasts) {
    widen(w, f.issue);
    if (!f.aqi.empty()) widen(w, f.first_valid + days(static_cast<long>(f.aqi.size()) - 1));
  }
  for (const auto& e : options.imposed) {
    if (e.time.is_special())
      throw InvalidArgument("imposed " + std::string(name(e.type)) + ": the time is not a date and time");
    widen(w, e.time.date());
  }
  for (const auto& o : options.orders) {
    widen(w, o.issued.date());
    widen(w, o.response_start.date());
  }
  if (w.first.is_special()) throw InvalidArgument("run_season: no forecasts and no orders: nothing to run");
  // Dates far apart are a typo in a year (2109 for 2019), not a season.
  if ((w.last - w.first).days() >= max_season_days)
    throw InvalidArgument(
        "run_season: the " +
        std::string(options.orders.empty() ? "forecasts and imposed events" : "orders and forecasts") + " span " +
        iso(w.first) + " … " + iso(w.last) + ", more than 100 years");
  return w;
}

// Observations with no value on any day of the window verify nothing (L4: an all-zero table) and
// give no elapsed day (L1): a run that cannot be right is refused, naming both ranges (issue 16).
void check_observations_overlap(span<const double> observed, date observed_first, const SeasonWindow& w) {
  if (observed.empty()) return;
  std::size_t first = observed.size(), last = 0;
  for (std::size_t i = 0; i < observed.size(); ++i)
    if (!std::isnan(observed[i])) {
      first = std::min(first, i);
      last = i;
    }
  const auto day = [&](std::size_t i) { return observed_first + days(static_cast<long>(i)); };
  const std::string season = "the season " + iso(w.first) + " … " + iso(w.last);
  if (first == observed.size())
    throw InvalidArgument("run_season: the observations (" + iso(day(0)) + " … " + iso(day(observed.size() - 1)) +
                          ") have no value: nothing to verify in " + season + " (SPEC L4); give observed AQI or none");
  if (day(last) < w.first || day(first) > w.last)
    throw InvalidArgument("run_season: the observations (" + iso(day(first)) + " … " + iso(day(last)) +
                          ") do not overlap " + season +
                          " (its forecasts and orders): nothing to verify (SPEC L4); give observations of the "
                          "season's days");
}

// --- Ordering of the decisions ------------------------------------------------------------------

enum class StepKind : std::uint8_t { forecast, imposed, order };

struct Step {
  ptime time;
  StepKind kind = StepKind::forecast;
  std::size_t index = 0;  // into forecasts, options.imposed or options.orders
};

// The county's forecasts (at the issue hour), the imposed events and the orders in time order; on
// a tie the superior command's comes first (the county's forecast then sees it).
std::vector<Step> order_steps(const std::vector<DailyForecast>& forecasts, const SeasonOptions& options) {
  std::vector<Step> steps;
  for (std::size_t i = 0; i < forecasts.size(); ++i)
    steps.push_back({at_hour(forecasts[i].issue, options.issue_hour), StepKind::forecast, i});
  for (std::size_t i = 0; i < options.imposed.size(); ++i)
    steps.push_back({options.imposed[i].time, StepKind::imposed, i});
  for (std::size_t i = 0; i < options.orders.size(); ++i)
    steps.push_back({options.orders[i].issued, StepKind::order, i});
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.time < b.time || (a.time == b.time && a.kind != StepKind::forecast && b.kind == StepKind::forecast);
  });
  return steps;
}

void add_note(SeasonEvent& e, const std::string& note) { e.note += (e.note.empty() ? "" : "; ") + note; }

// --- Timelines → days, periods, warnings and counts (L2, L3, L9, L12) --------------------------

// The day indices of the window that a segment touches for a positive time.
std::pair<long, long> days_touched(const Segment& s, const SeasonWindow& w) {
  const long first = (s.from.date() - w.first).days();
  const bool at_midnight = s.to.time_of_day().total_seconds() == 0;
  const long last = (s.to.date() - w.first).days() - (at_midnight ? 1 : 0);
  return {std::max(first, 0L), std::min(last, (w.last - w.first).days())};
}

// Per day: the highest warning and response in force during it; the level forecast that day. L3:
// warning days per level, response hours per response level.
void fill_days(SeasonResult& r, const std::vector<Segment>& warning, const std::vector<Segment>& response,
               const SeasonWindow& w, const std::vector<std::pair<date, int>>& forecast_levels) {
  const RuleSet& rules = *r.rules;
  r.days.resize(static_cast<std::size_t>((w.last - w.first).days() + 1));
  for (std::size_t d = 0; d < r.days.size(); ++d) r.days[d].day = w.first + days(static_cast<long>(d));
  for (const Segment& s : warning) {
    const auto [a, b] = days_touched(s, w);
    for (long d = a; d <= b; ++d) r.days[static_cast<std::size_t>(d)].warning = std::max(r.days[d].warning, s.level);
  }
  for (const Segment& s : response) {
    if (s.level == 0) continue;
    const ResponseLevel level = rules.response(s.level);
    r.response_hours[level] += hours_of(s);
    const auto [a, b] = days_touched(s, w);
    for (long d = a; d <= b; ++d) r.days[static_cast<std::size_t>(d)].response = std::max(r.days[d].response, level);
  }
  r.warning_days.assign(static_cast<std::size_t>(rules.level_count()) + 1, 0);
  for (const auto& day : r.days) ++r.warning_days[static_cast<std::size_t>(day.warning)];
  for (const auto& [d, level] : forecast_levels) {
    const long k = (d - w.first).days();
    if (k >= 0 && k < static_cast<long>(r.days.size())) r.days[static_cast<std::size_t>(k)].forecast_level = level;
  }
}

// L2, L9: each stretch of time with a response is a period, at its highest level, with the
// document number of the order that began it; open when it runs to the end of the window.
void fill_periods(SeasonResult& r, const std::vector<Segment>& response, ptime end) {
  const RuleSet& rules = *r.rules;
  for (std::size_t i = 0; i < response.size();) {
    if (response[i].level == 0) {
      ++i;
      continue;
    }
    ResponsePeriod p;
    p.start = response[i].from;
    p.doc_no = r.events[response[i].event].doc_no;
    for (; i < response.size() && response[i].level != 0; ++i) {
      const ResponseLevel level = rules.response(response[i].level);
      if (level > p.highest || (level == p.highest && response[i].level > p.level)) {
        p.highest = level;
        p.level = response[i].level;
      }
      p.end = response[i].to;
    }
    if (p.end == end) p.end = ptime(boost::posix_time::not_a_date_time);
    r.periods.push_back(p);
  }
}

// Each warning from its ISSUE to its LIFT, with its response period (L2: a warning lifted before
// its response began says so), and L12's flaps: an ISSUE soon after a LIFT.
void fill_warnings(SeasonResult& r) {
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const SeasonEvent& e = r.events[i];
    if (e.previous == 0 && e.level > 0)
      r.warnings.push_back(
          {e.time, ptime(boost::posix_time::not_a_date_time), 0, e.doc_no, i, i, WarningPeriod::no_period});
    if (r.warnings.empty()) continue;
    WarningPeriod& w = r.warnings.back();
    w.last_event = i;
    w.highest = std::max(w.highest, e.level);
    if (e.level == 0) w.lifted = e.time;
  }
  const double window = r.rules->flap_window_hours;
  for (std::size_t k = 0; k < r.warnings.size(); ++k) {
    WarningPeriod& w = r.warnings[k];
    for (std::size_t p = 0; p < r.periods.size() && w.period == WarningPeriod::no_period; ++p)
      if (r.periods[p].start >= w.issued && (w.lifted.is_special() || r.periods[p].start < w.lifted)) w.period = p;
    if (w.period == WarningPeriod::no_period && !w.lifted.is_special())
      add_note(r.events[w.last_event], "lifted before the response began (SPEC L2)");
    if (k == 0 || r.warnings[k - 1].lifted.is_special()) continue;
    const double gap = static_cast<double>((w.issued - r.warnings[k - 1].lifted).total_seconds()) / 3600.0;
    if (gap > window) continue;
    ++r.flaps;
    add_note(r.events[w.first_event], "issued " + format_hours(gap) + " h after the lift of " +
                                          iso(r.warnings[k - 1].lifted) + ": a flap (SPEC L12)");
  }
}

void fill_from_timelines(SeasonResult& r, const std::vector<Change>& warning, const std::vector<Change>& response,
                         const std::vector<std::pair<date, int>>& forecast_levels, const SeasonWindow& w) {
  const ptime start(w.first), end(w.last + days(1));
  const std::vector<Segment> response_segments = segments(response, start, end);
  fill_days(r, segments(warning, start, end), response_segments, w, forecast_levels);
  fill_periods(r, response_segments, end);
  fill_warnings(r);
  for (const auto& e : r.events) ++r.event_counts[e.type];
}

// --- Verification (L4) --------------------------------------------------------------------------

// A day is an observed event of level ≥ k when an observed qualifying run of level ≥ k covers it,
// a forecast event when a warning of level ≥ k was in force during it.
Verification verify_level(const std::vector<SeasonDay>& season_days, int level) {
  Verification v;
  v.level = level;
  for (const auto& day : season_days) {
    if (day.observed_level < 0) continue;
    const bool o = day.observed_level >= level, f = day.warning >= level;
    v.hits += o && f;
    v.misses += o && !f;
    v.false_alarms += !o && f;
    v.correct_negatives += !o && !f;
  }
  if (v.hits + v.misses) v.pod = static_cast<double>(v.hits) / (v.hits + v.misses);
  if (v.hits + v.false_alarms) v.far = static_cast<double>(v.false_alarms) / (v.hits + v.false_alarms);
  if (v.hits + v.misses + v.false_alarms) v.csi = static_cast<double>(v.hits) / (v.hits + v.misses + v.false_alarms);
  return v;
}

void verify(SeasonResult& r, span<const double> observed, date observed_first) {
  if (observed.empty()) return;
  const RuleSet& rules = *r.rules;
  const std::vector<std::int8_t> obs = day_levels(observed, {}, rules);
  for (auto& day : r.days) {
    const long k = (day.day - observed_first).days();
    if (k >= 0 && k < static_cast<long>(obs.size()) && !std::isnan(observed[static_cast<std::size_t>(k)]))
      day.observed_level = obs[static_cast<std::size_t>(k)];
  }
  for (int level = 1; level <= rules.level_count(); ++level) r.verification.push_back(verify_level(r.days, level));
}

// --- The run --------------------------------------------------------------------------------------

// What a machine leaves: the changes of the two levels and the levels forecast per issue day.
struct MachineOutput {
  std::vector<Change> warning, response;
  std::vector<std::pair<date, int>> forecast_levels;
  std::vector<GapReading> gap_readings;  // forecast mode: forecasts with missing days
};

MachineOutput run_forecast_mode(SeasonResult& r, const std::vector<DailyForecast>& forecasts,
                                const SeasonOptions& options, span<const double> observed, date observed_first) {
  ForecastMachine machine(r.rules, r.events, observed, observed_first);
  for (const Step& step : order_steps(forecasts, options)) {
    if (step.kind == StepKind::imposed)
      machine.impose(options.imposed[step.index]);
    else
      machine.forecast(forecasts[step.index], step.time, step.index);
  }
  r.expected = std::move(machine.expected);
  return {machine.warning_changes(), machine.response_changes(), std::move(machine.forecast_levels),
          std::move(machine.gap_readings)};
}

MachineOutput run_relay_mode(SeasonResult& r, const std::vector<DailyForecast>& forecasts,
                             const SeasonOptions& options) {
  RelayMachine machine(r.rules, r.events);
  for (const Step& step : order_steps(forecasts, options)) {
    if (step.kind == StepKind::order)
      machine.order(options.orders[step.index], step.index);
    else
      machine.forecast(forecasts[step.index], step.time);
  }
  r.orders = options.orders;
  r.advice = std::move(machine.advice);
  return {machine.warning_changes(), machine.response_changes(), std::move(machine.forecast_levels), {}};
}

// Issue 16: when a forecast's missing days changed a decision, the response hours of the same
// season with every missing day as forecast before — what the gaps report beside the run's own.
std::optional<std::map<ResponseLevel, double>> filled_response_hours(
    const SeasonResult& r, const std::vector<GapReading>& readings, const std::vector<DailyForecast>& forecasts,
    const SeasonOptions& options, span<const double> observed, date observed_first, const SeasonWindow& w) {
  const bool changed = std::any_of(readings.begin(), readings.end(), [](const GapReading& g) {
    return g.held || (g.level_filled >= 0 && g.level_filled != g.level_read);
  });
  if (!changed) return std::nullopt;
  SeasonResult alt;
  alt.rules = r.rules;
  const std::vector<DailyForecast> filled = filled_from_earlier(forecasts);
  const MachineOutput out = run_forecast_mode(alt, filled, options, observed, observed_first);
  fill_from_timelines(alt, out.warning, out.response, out.forecast_levels, w);
  return alt.response_hours;
}

}  // namespace

}  // namespace detail

ImposedEvent imposed_event(ptime time, std::string_view event, std::string_view level, const RuleSet& rules) {
  ImposedEvent e;
  e.time = time;
  e.type = parse_event_type(event);
  try {
    e.level = rules.level_code(level);
  } catch (const UnknownName&) {
    throw UnknownName("imposed: unknown level '" + std::string(level) + "' in rule set " + rules.id +
                      "; expected one of: " + rules.level_names());
  }
  return e;
}

SeasonResult run_season(const std::vector<DailyForecast>& forecasts, std::shared_ptr<const RuleSet> rules,
                        const SeasonOptions& options, span<const double> observed, date observed_first) {
  const SeasonMode mode =
      detail::check_season_inputs(forecasts, detail::require_rules(rules), options, observed, observed_first);
  const detail::SeasonWindow window = detail::season_window(forecasts, options);
  detail::check_observations_overlap(observed, observed_first, window);
  SeasonResult r;
  r.rules = std::move(rules);
  r.mode = mode;
  const detail::MachineOutput out = mode == SeasonMode::relay
                                        ? detail::run_relay_mode(r, forecasts, options)
                                        : detail::run_forecast_mode(r, forecasts, options, observed, observed_first);
  detail::fill_from_timelines(r, out.warning, out.response, out.forecast_levels, window);
  detail::verify(r, observed, observed_first);
  detail::fill_gaps(
      r, forecasts, options.issue_hour, out.gap_readings,
      detail::filled_response_hours(r, out.gap_readings, forecasts, options, observed, observed_first, window));
  return r;
}

SeasonResult run_season(const std::vector<DailyForecast>& forecasts, const RuleSet& rules, const SeasonOptions& options,
                        span<const double> observed, date observed_first) {
  return run_season(forecasts, share(rules), options, observed, observed_first);
}

}  // namespace aqi
