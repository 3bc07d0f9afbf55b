// Forecast mode (SPEC L1, L2, L5, L6, L12): each forecast classified within the issue horizon —
// while a warning is active, its episode whole — then issue, upgrade, downgrade, lift or stand.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "aqi/detail/format.hpp"
#include "warning/machines.hpp"

namespace aqi::detail {

using boost::gregorian::days;
using boost::posix_time::hours;

namespace {

// L1 lift condition: the forecast's first hours (daily: first days) all at most the limit.
bool lift_condition(const RuleSet& rules, const DailyForecast& f) {
  const int n_days = rules.lift_first_days();
  // The window starts the day after issue: the forecast's own first day may be later.
  for (int d = 0; d < n_days; ++d) {
    const date day = f.issue + days(1 + d);
    const long k = (day - f.first_valid).days();
    if (k < 0 || k >= static_cast<long>(f.aqi.size())) return false;  // not covered: cannot lift
    const double v = f.aqi[static_cast<std::size_t>(k)];
    if (!(v <= rules.lift_at_most)) return false;  // NaN cannot lift either
  }
  return true;
}

double hours_between(ptime from, ptime to) { return static_cast<double>((to - from).total_seconds()) / 3600.0; }

}  // namespace

DailyForecast with_missing_days(const DailyForecast& f, const std::function<double(date)>& value) {
  DailyForecast out;
  out.issue = f.issue;
  out.first_valid = std::min(f.first_valid, f.issue + days(1));
  const date last = f.first_valid + days(static_cast<long>(f.aqi.size()) - 1);
  for (date d = out.first_valid; d <= last; d += days(1)) {
    const long k = (d - f.first_valid).days();
    const double v = k >= 0 ? f.aqi[static_cast<std::size_t>(k)] : std::numeric_limits<double>::quiet_NaN();
    out.aqi.push_back(std::isnan(v) ? value(d) : v);
  }
  return out;
}

std::vector<date> missing_days(const DailyForecast& f) {
  std::vector<date> out;
  if (f.aqi.empty()) return out;
  const DailyForecast whole = with_missing_days(f, [](date) { return std::numeric_limits<double>::quiet_NaN(); });
  for (std::size_t k = 0; k < whole.aqi.size(); ++k)
    if (std::isnan(whole.aqi[k])) out.push_back(whole.first_valid + days(static_cast<long>(k)));
  return out;
}

// What the forecast's missing days did, read before its decision: its level as read and with the
// days as forecast before; a LIFT (L1) that only the missing days prevented is a warning held.
GapReading ForecastMachine::read_gaps(const DailyForecast& f, ptime now, const DatedWarning& w,
                                      std::size_t index) const {
  GapReading g;
  g.forecast = index;
  g.active_before = active_;
  g.level_read = w.w.level;
  bool known = false;
  const DailyForecast filled = with_missing_days(f, [&](date d) {
    const auto it = latest_known_.find(d);
    known = known || it != latest_known_.end();
    return it == latest_known_.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
  });
  if (known) g.level_filled = classify(filled, now, true).w.level;
  const DailyForecast clean = with_missing_days(f, [](date) { return 0.0; });
  g.held =
      active_ > 0 && !imposed_active_ && w.w.level == 0 && !lift_condition(rules_, f) && lift_condition(rules_, clean);
  return g;
}

void ForecastMachine::forecast(const DailyForecast& f, ptime now, std::size_t index) {
  if (missing_days(f).empty()) return forecast(f, now);
  GapReading g = read_gaps(f, now, classify(f, now, true), index);
  const std::size_t n_events = events_.size();
  forecast(f, now);
  if (events_.size() > n_events) g.event = n_events;
  gap_readings.push_back(g);
}

// L1: the elapsed day's observed AQI when given, else the latest earlier forecast of it.
double ForecastMachine::elapsed_value(date d) const {
  if (!observed_first_.is_special()) {
    const long k = (d - observed_first_).days();
    if (k >= 0 && k < static_cast<long>(observed_.size()) && !std::isnan(observed_[static_cast<std::size_t>(k)]))
      return observed_[static_cast<std::size_t>(k)];
  }
  const auto it = latest_.find(d);
  return it == latest_.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
}

// L12: runs starting within the issue horizon; L1: with a warning active, the episode whole — its
// elapsed days (from the run's first day to the day before the forecast's) and the forecast, a
// run counting only if it reaches the forecast (an episode already over holds nothing).
DatedWarning ForecastMachine::classify(const DailyForecast& f, ptime now, bool whole_episode) const {
  std::vector<double> series;
  date first = f.first_valid;
  bool clipped = false;
  if (whole_episode && active_ > 0 && !episode_first_.is_special() && episode_first_ < f.first_valid) {
    first = episode_first_;
    const date earliest = f.first_valid - days(episode_window_days);
    if (first < earliest) {
      first = earliest;
      clipped = true;
    }
    for (date d = first; d < f.first_valid; d += days(1)) series.push_back(elapsed_value(d));
  }
  const int elapsed = static_cast<int>(series.size());
  series.insert(series.end(), f.aqi.begin(), f.aqi.end());
  const int last_start = last_start_within(first, now, rules_.issue_horizon_hours);
  return {classify_window(series, rules_, last_start, elapsed), first, clipped};
}

std::string ForecastMachine::describe(const DailyForecast& f, const DatedWarning& w) const {
  std::string s =
      "forecast of " + iso(f.issue) + " (" + iso(f.first_valid) + " +" + std::to_string(f.aqi.size()) + " d)";
  if (w.first < f.first_valid)
    s += " with the episode's days from " + iso(w.first) +
         (w.clipped ? " (its last " + std::to_string(episode_window_days) + " days)" : "") + " (SPEC L1)";
  if (w.w.level == 0) return s + ": no warning level within " + std::to_string(rules_.issue_horizon_hours) + " h";
  return s + ": " + with_rules(w.w, handle_).clause_text() + " on " + iso(w.run_first()) + "…" + iso(w.run_last()) +
         " (peak " + format_number(w.w.peak) + ")";
}

void ForecastMachine::record(SeasonEvent ev, ptime effective) {
  ev.previous = active_;
  active_ = ev.level;
  const std::size_t index = events_.size();
  warning_line_.decide(ev.time, ev.time, ev.level, index);
  response_line_.decide(ev.time, effective, ev.level, index);
  ev.response_from = std::max(ev.time, effective);  // L2
  if (ev.level == 0) episode_first_ = date();
  events_.push_back(std::move(ev));
}

// L6: the superior command prevails; the event carries the county's own level and how they compare.
void ForecastMachine::impose(const ImposedEvent& im) {
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
  if (active_ == 0 && im.level > 0) episode_first_ = im.time.date();
  record(std::move(ev), im.time);
}

// L1: a higher level at once; a lower one after enough consecutive issues; none lifts when the
// next hours allow it. L6: only the superior command lowers its own warning. L12: what lies beyond
// the horizon is logged.
void ForecastMachine::forecast(const DailyForecast& f, ptime now) {
  const DatedWarning w = classify(f, now, true);
  county_level_ = w.w.level;
  forecast_levels.emplace_back(f.issue, w.w.level);
  if (w.w.level > active_) {
    raise(f, w, now);
  } else if (active_ > 0 && !imposed_active_) {
    if (w.w.level == active_) {
      lower_streak_ = 0;
    } else if (w.w.level > 0) {
      lower(f, w, now);
    } else {
      lower_streak_ = 0;
      lift(f, w, now);
    }
  }
  log_expected(f, now);
  for (std::size_t k = 0; k < f.aqi.size(); ++k) {
    const date d = f.first_valid + days(static_cast<long>(k));
    latest_[d] = f.aqi[k];
    if (!std::isnan(f.aqi[k])) latest_known_[d] = f.aqi[k];
  }
}

// ISSUE or UPGRADE, the response from the start of the qualifying run (L2), its lead time (L5).
void ForecastMachine::raise(const DailyForecast& f, const DatedWarning& w, ptime now) {
  const ptime run_start(w.run_first(), hours(0));
  SeasonEvent ev;
  ev.time = now;
  ev.type = active_ == 0 ? EventType::issue : EventType::upgrade;
  ev.level = w.w.level;
  ev.county_level = w.w.level;
  ev.reason = describe(f, w);
  ev.run_first = w.run_first();
  ev.run_last = w.run_last();
  ev.lead_hours = hours_between(now, run_start);
  ev.short_lead = ev.lead_hours < rules_.min_lead_hours;  // L5: at least 24 hours ahead
  if (ev.short_lead)
    ev.note = (ev.lead_hours < 0 ? "issued " + format_hours(-ev.lead_hours) + " h after its run began"
                                 : "issued " + format_hours(ev.lead_hours) + " h before its run") +
              ", under the " + std::to_string(rules_.min_lead_hours) + " h minimum (SPEC L5)";
  lower_streak_ = 0;
  episode_first_ = episode_first_.is_special() ? w.run_first() : std::min(episode_first_, w.run_first());
  record(std::move(ev), run_start);
}

// Lower but still a warning: DOWNGRADE after enough consecutive issues, to the highest of them.
void ForecastMachine::lower(const DailyForecast& f, const DatedWarning& w, ptime now) {
  lower_best_ = lower_streak_ == 0 ? w.w.level : std::max(lower_best_, w.w.level);
  if (++lower_streak_ < rules_.downgrade_consecutive_issues) return;
  SeasonEvent ev;
  ev.time = now;
  ev.type = EventType::downgrade;
  ev.level = lower_best_;
  ev.county_level = w.w.level;
  ev.run_first = w.run_first();
  ev.run_last = w.run_last();
  ev.reason = std::to_string(lower_streak_) + " consecutive forecasts below " + rules_.level_name(active_) + "; " +
              describe(f, w);
  lower_streak_ = 0;
  record(std::move(ev), now);
}

void ForecastMachine::lift(const DailyForecast& f, const DatedWarning& w, ptime now) {
  if (!lift_condition(rules_, f)) return;
  SeasonEvent ev;
  ev.time = now;
  ev.type = EventType::lift;
  ev.level = 0;
  ev.reason = "no warning level forecast and the next " + std::to_string(rules_.lift_first_hours) + " hours ≤ " +
              format_number(rules_.lift_at_most) + " (SPEC L1); " + describe(f, w);
  record(std::move(ev), now);
}

// L12: a run of a level above the one now in force, beyond the horizon: expected, not yet issued.
void ForecastMachine::log_expected(const DailyForecast& f, ptime now) {
  const Warning plain = classify_window(f.aqi, rules_, static_cast<int>(f.aqi.size()), 0);
  if (plain.level <= active_) return;
  const DatedWarning w{plain, f.first_valid, false};
  ExpectedRun x;
  x.time = now;
  x.level = plain.level;
  x.first = w.run_first();
  x.last = w.run_last();
  x.lead_hours = hours_between(now, ptime(x.first, hours(0)));
  x.reason = "expected, not yet issued: the run starts " + format_hours(x.lead_hours) + " h ahead, beyond the " +
             std::to_string(rules_.issue_horizon_hours) + " h issue horizon (SPEC L12); " + describe(f, w);
  expected.push_back(std::move(x));
}

}  // namespace aqi::detail
