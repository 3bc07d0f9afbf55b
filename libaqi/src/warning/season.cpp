// The season run (SPEC L1–L6) in named phases: the inputs are checked, the decisions ordered in
// time, the state machine run over them (L1, L6), its hourly timelines turned into days,
// response periods and counts (L2, L3), and the days verified against observations (L4).
#include "aqi/warning/season.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "aqi/detail/format.hpp"
#include "aqi/warning/classify.hpp"

namespace aqi {

namespace detail {

namespace {

using boost::gregorian::days;
using boost::posix_time::hours;

// --- Validation ---------------------------------------------------------------------------------

// One forecast per issue day, in order; real dates; no forecast before its issue day or past
// 9999-12-31; no negative or infinite AQI (W9).
void check_forecasts(const std::vector<DailyForecast>& forecasts) {
  if (forecasts.empty()) throw InvalidArgument("run_season: no forecasts");
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

void check_season_inputs(const std::vector<DailyForecast>& forecasts, const RuleSet& rules,
                         const SeasonOptions& options, span<const double> observed, date observed_first) {
  if (options.issue_hour < 0 || options.issue_hour > 23)
    throw InvalidArgument("issue_hour must be 0–23, got " + std::to_string(options.issue_hour));
  rules.require_valid();
  if (!observed.empty() && observed_first.is_special())
    throw InvalidArgument("run_season: observed values are given without the date of the first (observed_first)");
  check_forecasts(forecasts);
  check_imposed_levels(options.imposed, rules);
}

// The window of the result: the first issue day (or imposed event) to the last forecast day (or
// imposed event).
struct SeasonWindow {
  date first, last;
};

SeasonWindow season_window(const std::vector<DailyForecast>& forecasts, const std::vector<ImposedEvent>& imposed) {
  SeasonWindow w{forecasts.front().issue, forecasts.front().issue};
  for (const auto& f : forecasts)
    if (!f.aqi.empty()) w.last = std::max(w.last, f.first_valid + days(static_cast<long>(f.aqi.size()) - 1));
  for (const auto& e : imposed) {
    if (e.time.is_special())
      throw InvalidArgument("imposed " + std::string(name(e.type)) + ": the time is not a date and time");
    w.first = std::min(w.first, e.time.date());
    w.last = std::max(w.last, e.time.date());
  }
  // Dates far apart are a typo in a year (2109 for 2019), not a season: refuse them rather than
  // fill hour by hour a window of centuries.
  if ((w.last - w.first).days() >= max_season_days)
    throw InvalidArgument("run_season: the forecasts and imposed events span " + iso(w.first) + " … " + iso(w.last) +
                          ", more than 100 years");
  return w;
}

// --- Ordering of the decisions ------------------------------------------------------------------

struct Step {
  ptime time;
  int forecast = -1;  // index into forecasts
  int imposed = -1;   // index into options.imposed
};

// The county's forecasts (at the issue hour) and the imposed events in time order; on a tie the
// imposed event comes first.
std::vector<Step> order_steps(const std::vector<DailyForecast>& forecasts, const SeasonOptions& options) {
  std::vector<Step> steps;
  for (std::size_t i = 0; i < forecasts.size(); ++i)
    steps.push_back({at_hour(forecasts[i].issue, options.issue_hour), static_cast<int>(i), -1});
  for (std::size_t i = 0; i < options.imposed.size(); ++i)
    steps.push_back({options.imposed[i].time, -1, static_cast<int>(i)});
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.time < b.time || (a.time == b.time && a.imposed >= 0 && b.imposed < 0);
  });
  return steps;
}

// --- The state machine (L1, L5, L6) -------------------------------------------------------------

// A piecewise-constant level over time, built from decisions in time order. A decision made at
// `now` replaces every change it scheduled for later (a newer forecast supersedes an older one).
class Timeline {
 public:
  void decide(ptime now, ptime effective, int level) {
    changes_.erase(std::remove_if(changes_.begin(), changes_.end(), [&](const auto& c) { return c.first > now; }),
                   changes_.end());
    changes_.emplace_back(std::max(now, effective), level);
  }
  // Level in force during each hour [start + h, start + h + 1).
  std::vector<int> hourly(ptime start, std::size_t n_hours) const {
    std::vector<std::pair<ptime, int>> c = changes_;
    std::stable_sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<int> out(n_hours, 0);
    std::size_t k = 0;
    int level = 0;
    for (std::size_t h = 0; h < n_hours; ++h) {
      const ptime t = start + hours(static_cast<long>(h));
      while (k < c.size() && c[k].first <= t) level = c[k++].second;
      out[h] = level;
    }
    return out;
  }

 private:
  std::vector<std::pair<ptime, int>> changes_;
};

std::string describe_forecast(const DailyForecast& f, const Warning& w) {
  std::string s =
      "forecast of " + iso(f.issue) + " (" + iso(f.first_valid) + " +" + std::to_string(f.aqi.size()) + " d): ";
  if (w.level == 0) return s + "no warning level";
  const date from = f.first_valid + days(w.first);
  const date to = f.first_valid + days(w.last);
  return s + w.clause_text() + " on " + iso(from) + "…" + iso(to) + " (peak " + format_number(w.peak) + ")";
}

// L1 lift condition: the forecast's first hours (daily: first days) all at most the limit.
bool lift_condition(const RuleSet& rules, const DailyForecast& f, date issue) {
  const int n_days = rules.lift_first_days();
  // The window starts the day after issue: the forecast's own first day may be later.
  for (int d = 0; d < n_days; ++d) {
    const date day = issue + days(1 + d);
    const long k = (day - f.first_valid).days();
    if (k < 0 || k >= static_cast<long>(f.aqi.size())) return false;  // not covered: cannot lift
    const double v = f.aqi[static_cast<std::size_t>(k)];
    if (!(v <= rules.lift_at_most)) return false;  // NaN cannot lift either
  }
  return true;
}

// The warning in force and the decisions taken, one step at a time.
class SeasonMachine {
 public:
  SeasonMachine(const std::shared_ptr<const RuleSet>& rules, std::vector<SeasonEvent>& events)
      : handle_(rules), rules_(*rules), events_(events) {}

  void impose(const ImposedEvent& im);
  void forecast(const DailyForecast& f, ptime now);

  Timeline warning_line, response_line;
  std::vector<std::pair<date, int>> forecast_levels;  // (issue day, the county's level)

 private:
  void raise(const DailyForecast& f, const Warning& w, ptime now);
  void lower(const DailyForecast& f, const Warning& w, ptime now);
  void lift(const DailyForecast& f, const Warning& w, ptime now);
  void record(SeasonEvent ev, ptime effective);

  std::shared_ptr<const RuleSet> handle_;  // for the explanations of W6 (no copy of the set)
  const RuleSet& rules_;
  std::vector<SeasonEvent>& events_;
  int active_ = 0;
  bool imposed_active_ = false;
  int county_level_ = 0;  // the county's own level from its latest forecast
  int lower_streak_ = 0, lower_best_ = 0;
};

void SeasonMachine::record(SeasonEvent ev, ptime effective) {
  ev.previous = active_;
  active_ = ev.level;
  warning_line.decide(ev.time, ev.time, ev.level);
  response_line.decide(ev.time, effective, static_cast<int>(rules_.response(ev.level)));
  ev.response_from = std::max(ev.time, effective);  // L2
  events_.push_back(std::move(ev));
}

// L6: the superior command prevails; the event carries the county's own level and how they compare.
void SeasonMachine::impose(const ImposedEvent& im) {
  SeasonEvent ev;
  ev.time = im.time;
  ev.type = im.type;
  ev.level = im.level;
  ev.imposed = true;
  ev.county_level = county_level_;
  ev.comparison = im.level == county_level_  ? Comparison::consistent
                  : im.level > county_level_ ? Comparison::stricter
                                             : Comparison::weaker;
  ev.reason =
      "imposed by the superior command (SPEC L6); the county's own forecast gives " + rules_.level_name(county_level_);
  imposed_active_ = im.type != EventType::lift;
  lower_streak_ = 0;
  record(std::move(ev), im.time);
}

// L1: a higher level at once; a lower one after enough consecutive issues; none lifts when the
// next hours allow it. L6: only the superior command lowers its own warning.
void SeasonMachine::forecast(const DailyForecast& f, ptime now) {
  const Warning w = with_rules(classify_daily_values(f.aqi, {}, rules_), handle_);
  county_level_ = w.level;
  forecast_levels.emplace_back(f.issue, w.level);
  if (w.level > active_) return raise(f, w, now);
  if (active_ == 0 || imposed_active_) return;
  if (w.level == active_) {
    lower_streak_ = 0;
  } else if (w.level > 0) {
    lower(f, w, now);
  } else {
    lower_streak_ = 0;
    lift(f, w, now);
  }
}

// ISSUE or UPGRADE, the response from the start of the qualifying run (L2), its lead time (L5).
void SeasonMachine::raise(const DailyForecast& f, const Warning& w, ptime now) {
  const ptime run_start(f.first_valid + days(w.first), hours(0));
  SeasonEvent ev;
  ev.time = now;
  ev.type = active_ == 0 ? EventType::issue : EventType::upgrade;
  ev.level = w.level;
  ev.county_level = w.level;
  ev.reason = describe_forecast(f, w);
  ev.lead_hours = static_cast<double>((run_start - now).total_seconds()) / 3600.0;
  ev.short_lead = ev.lead_hours < 24.0;  // L5: at least 24 hours ahead
  lower_streak_ = 0;
  record(std::move(ev), run_start);
}

// Lower but still a warning: DOWNGRADE after enough consecutive issues, to the highest of them.
void SeasonMachine::lower(const DailyForecast& f, const Warning& w, ptime now) {
  lower_best_ = lower_streak_ == 0 ? w.level : std::max(lower_best_, w.level);
  if (++lower_streak_ < rules_.downgrade_consecutive_issues) return;
  SeasonEvent ev;
  ev.time = now;
  ev.type = EventType::downgrade;
  ev.level = lower_best_;
  ev.county_level = w.level;
  ev.reason = std::to_string(lower_streak_) + " consecutive forecasts below " + rules_.level_name(active_) + "; " +
              describe_forecast(f, w);
  lower_streak_ = 0;
  record(std::move(ev), now);
}

void SeasonMachine::lift(const DailyForecast& f, const Warning& w, ptime now) {
  if (!lift_condition(rules_, f, f.issue)) return;
  SeasonEvent ev;
  ev.time = now;
  ev.type = EventType::lift;
  ev.level = 0;
  ev.reason = "no warning level forecast and the next " + std::to_string(rules_.lift_first_hours) + " hours ≤ " +
              format_number(rules_.lift_at_most) + " (SPEC L1); " + describe_forecast(f, w);
  record(std::move(ev), now);
}

// --- Timelines → days, periods and counts (L2, L3) ----------------------------------------------

// Per day: the highest warning and response in force during it; the level forecast that day.
void fill_days(SeasonResult& r, const std::vector<int>& warn, const std::vector<int>& resp, date first_day,
               const std::vector<std::pair<date, int>>& forecast_levels) {
  r.warning_days.assign(static_cast<std::size_t>(r.rules->level_count()) + 1, 0);
  for (std::size_t d = 0; d * 24 < warn.size(); ++d) {
    SeasonDay day;
    day.day = first_day + days(static_cast<long>(d));
    int rmax = 0;
    for (std::size_t h = d * 24; h < d * 24 + 24; ++h) {
      day.warning = std::max(day.warning, warn[h]);
      rmax = std::max(rmax, resp[h]);
    }
    day.response = static_cast<ResponseLevel>(rmax);
    ++r.warning_days[static_cast<std::size_t>(day.warning)];
    r.days.push_back(day);
  }
  for (const auto& [d, level] : forecast_levels) {
    const long k = (d - first_day).days();
    if (k >= 0 && k < static_cast<long>(r.days.size())) r.days[static_cast<std::size_t>(k)].forecast_level = level;
  }
}

// L2: each stretch of hours with a response is a period, at its highest level; L3: response hours.
void fill_periods(SeasonResult& r, const std::vector<int>& resp, ptime start) {
  const std::size_t n_hours = resp.size();
  for (std::size_t h = 0; h < n_hours;) {
    if (resp[h] == 0) {
      ++h;
      continue;
    }
    ResponsePeriod p;
    p.start = start + hours(static_cast<long>(h));
    int top = 0;
    while (h < n_hours && resp[h] != 0) {
      top = std::max(top, resp[h]);
      ++r.response_hours[static_cast<ResponseLevel>(resp[h])];
      ++h;
    }
    p.highest = static_cast<ResponseLevel>(top);
    p.end = h < n_hours ? start + hours(static_cast<long>(h)) : ptime(boost::posix_time::not_a_date_time);
    r.periods.push_back(p);
  }
}

void fill_from_timelines(SeasonResult& r, const SeasonMachine& machine, SeasonWindow window) {
  const ptime start(window.first, hours(0));
  const std::size_t n_hours = static_cast<std::size_t>((window.last - window.first).days() + 1) * 24;
  const std::vector<int> resp = machine.response_line.hourly(start, n_hours);
  fill_days(r, machine.warning_line.hourly(start, n_hours), resp, window.first, machine.forecast_levels);
  fill_periods(r, resp, start);
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
  detail::check_season_inputs(forecasts, detail::require_rules(rules), options, observed, observed_first);
  const detail::SeasonWindow window = detail::season_window(forecasts, options.imposed);
  SeasonResult r;
  r.rules = std::move(rules);
  detail::SeasonMachine machine(r.rules, r.events);
  for (const detail::Step& step : detail::order_steps(forecasts, options)) {
    if (step.imposed >= 0)
      machine.impose(options.imposed[static_cast<std::size_t>(step.imposed)]);
    else
      machine.forecast(forecasts[static_cast<std::size_t>(step.forecast)], step.time);
  }
  detail::fill_from_timelines(r, machine, window);
  detail::verify(r, observed, observed_first);
  return r;
}

SeasonResult run_season(const std::vector<DailyForecast>& forecasts, const RuleSet& rules, const SeasonOptions& options,
                        span<const double> observed, date observed_first) {
  return run_season(forecasts, share(rules), options, observed, observed_first);
}

}  // namespace aqi
