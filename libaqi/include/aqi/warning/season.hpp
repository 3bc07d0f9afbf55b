// A season of daily forecasts through the warning lifecycle — SPEC L1–L6: issue, upgrade,
// downgrade and lift; response periods (L2); counts (L3); verification against observations
// (L4); lead times (L5); warnings imposed by the superior command (L6).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/classify.hpp"
#include "aqi/warning/forecast.hpp"

namespace aqi {

using boost::gregorian::date;
using boost::posix_time::ptime;

enum class EventType : std::uint8_t { issue, upgrade, downgrade, lift };

constexpr std::string_view name(EventType e) noexcept {
  constexpr std::array<std::string_view, 4> names{"ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"};
  return names[static_cast<std::size_t>(e)];
}

inline EventType parse_event_type(std::string_view s) {
  for (EventType e : {EventType::issue, EventType::upgrade, EventType::downgrade, EventType::lift})
    if (s == name(e)) return e;
  throw UnknownName("unknown event '" + std::string(s) + "'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
}

// L6: an event ordered by the superior command.
struct ImposedEvent {
  ptime time;
  EventType type = EventType::issue;
  int level = 0;  // for LIFT: 0
};

// The longest window a season run covers (100 years): forecasts or imposed events further apart
// are a typo in a year, and the run would fill the window hour by hour.
inline constexpr long max_season_days = 36525;

struct SeasonOptions {
  int issue_hour = 16;  // forecasts are issued at this hour of the issue day (local time)
  std::vector<ImposedEvent> imposed;
};

// How an imposed level compares with the county's own classification (L6).
enum class Comparison : std::uint8_t { none, consistent, stricter, weaker };

constexpr std::string_view name(Comparison c) noexcept {
  constexpr std::array<std::string_view, 4> names{"", "consistent", "stricter", "weaker"};
  return names[static_cast<std::size_t>(c)];
}

struct SeasonEvent {
  ptime time;
  EventType type = EventType::issue;
  int level = 0;     // the warning level after the event (0 after LIFT)
  int previous = 0;  // before it
  std::string reason;
  // L5: hours from the event to the start of its qualifying run (ISSUE/UPGRADE from the county's
  // forecast); NaN otherwise. `short_lead` flags leads under 24 hours.
  double lead_hours = std::numeric_limits<double>::quiet_NaN();
  bool short_lead = false;
  bool imposed = false;
  int county_level = 0;  // L6: the county's own level from its latest forecast
  Comparison comparison = Comparison::none;
  ptime response_from;   // when the response at this level takes effect (L2)
};

struct SeasonDay {
  date day;
  int warning = 0;                              // highest warning level in force that day
  ResponseLevel response = ResponseLevel::none; // highest response level in effect that day
  int forecast_level = -1;                      // level of the forecast issued that day (-1: none issued)
  int observed_level = -1;                      // L4: level of the observed run covering it (-1: no observation)
};

// L4: verification of warnings against observed runs, per level ("at least this level").
struct Verification {
  int level = 0;
  int hits = 0, misses = 0, false_alarms = 0, correct_negatives = 0;
  double pod = std::numeric_limits<double>::quiet_NaN();
  double far = std::numeric_limits<double>::quiet_NaN();
  double csi = std::numeric_limits<double>::quiet_NaN();
};

struct SeasonResult {
  const RuleSet* rules = nullptr;
  std::vector<SeasonEvent> events;
  std::vector<SeasonDay> days;
  std::vector<ResponsePeriod> periods;
  std::vector<int> warning_days;        // L3: [level] days with that warning level (index 0: none)
  std::map<ResponseLevel, int> response_hours;  // L3
  std::map<EventType, int> event_counts;        // L3
  std::vector<Verification> verification;       // L4, empty without observations
};

namespace detail {

inline ptime at_hour(date d, int hour) { return ptime(d, boost::posix_time::hours(hour)); }

inline std::string iso(ptime t) {
  if (t.is_special()) return "not-a-time";
  const auto tod = t.time_of_day();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()));
  return iso(t.date()) + " " + buf;
}

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
  std::vector<int> hourly(ptime start, std::size_t hours) const {
    std::vector<std::pair<ptime, int>> c = changes_;
    std::stable_sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<int> out(hours, 0);
    std::size_t k = 0;
    int level = 0;
    for (std::size_t h = 0; h < hours; ++h) {
      const ptime t = start + boost::posix_time::hours(static_cast<long>(h));
      while (k < c.size() && c[k].first <= t) level = c[k++].second;
      out[h] = level;
    }
    return out;
  }

 private:
  std::vector<std::pair<ptime, int>> changes_;
};

inline std::string describe_forecast(const DailyForecast& f, const Warning& w) {
  std::string s = "forecast of " + iso(f.issue) + " (" + iso(f.first_valid) + " +" + std::to_string(f.aqi.size()) + " d): ";
  if (w.level == 0) return s + "no warning level";
  const date from = f.first_valid + boost::gregorian::days(w.first);
  const date to = f.first_valid + boost::gregorian::days(w.last);
  return s + w.clause_text() + " on " + iso(from) + "…" + iso(to) + " (peak " + format_number(w.peak) + ")";
}

// L1 lift condition: the forecast's first hours (daily: first days) all at most the limit.
inline bool lift_condition(const RuleSet& rules, const DailyForecast& f, date issue) {
  const int days = rules.lift_first_days();
  // The window starts the day after issue: the forecast's own first day may be later.
  for (int d = 0; d < days; ++d) {
    const date day = issue + boost::gregorian::days(1 + d);
    const long k = (day - f.first_valid).days();
    if (k < 0 || k >= static_cast<long>(f.aqi.size())) return false;  // not covered: cannot lift
    const double v = f.aqi[static_cast<std::size_t>(k)];
    if (!(v <= rules.lift_at_most)) return false;                      // NaN cannot lift either
  }
  return true;
}

}  // namespace detail

// SPEC L1–L6. `forecasts`: one per issue day (sorted by issue date, unique). `observed`: daily
// AQI for verification (L4), from `observed_first` (empty to skip).
inline SeasonResult run_season(const std::vector<DailyForecast>& forecasts, const RuleSet& rules,
                               const SeasonOptions& options = {}, span<const double> observed = {},
                               date observed_first = date()) {
  using namespace boost::gregorian;
  using boost::posix_time::hours;
  if (options.issue_hour < 0 || options.issue_hour > 23)
    throw InvalidArgument("issue_hour must be 0–23, got " + std::to_string(options.issue_hour));
  rules.require_valid();
  if (!observed.empty() && observed_first.is_special())
    throw InvalidArgument("run_season: observed values are given without the date of the first (observed_first)");
  SeasonResult r;
  r.rules = &rules;
  if (forecasts.empty()) throw InvalidArgument("run_season: no forecasts");
  for (std::size_t i = 0; i < forecasts.size(); ++i) {
    const auto& f = forecasts[i];
    if (i > 0 && !(f.issue > forecasts[i - 1].issue))
      throw InvalidArgument("forecasts must have one issue day each, in order: " + detail::iso(f.issue) + " after " +
                            detail::iso(forecasts[i - 1].issue));
    if (f.issue.is_special() || f.first_valid.is_special())
      throw InvalidArgument("forecasts[" + std::to_string(i) + "]: the issue or first valid date is not a date");
    if (f.first_valid < f.issue)
      throw InvalidArgument("forecast of " + detail::iso(f.issue) + " starts before its issue day, on " +
                            detail::iso(f.first_valid));
    if (!f.aqi.empty() && detail::days_left(f.first_valid) < static_cast<long>(f.aqi.size()) - 1)
      throw InvalidArgument("forecast of " + detail::iso(f.issue) + " runs past 9999-12-31, the last date libaqi handles");
    for (std::size_t k = 0; k < f.aqi.size(); ++k)
      if (std::isinf(f.aqi[k]) || f.aqi[k] < 0)
        throw InvalidValue("aqi", k, "forecast of " + detail::iso(f.issue) + " for " +
                                         detail::iso(f.first_valid + days(static_cast<long>(k))) + ": " +
                                         (std::isinf(f.aqi[k]) ? "infinite AQI" : "negative AQI " + detail::format_number(f.aqi[k])) +
                                         " (SPEC W9)");
  }
  for (const auto& e : options.imposed)
    if (e.level < 0 || e.level > rules.level_count() || (e.type == EventType::lift) != (e.level == 0))
      throw InvalidArgument("imposed " + std::string(name(e.type)) + " at " + detail::iso(e.time) + ": level " +
                            std::to_string(e.level) + " is not valid for it in rule set " + rules.id);

  // The window of the result: first issue day to the last forecast day.
  date first_day = forecasts.front().issue, last_day = first_day;
  for (const auto& f : forecasts)
    if (!f.aqi.empty()) last_day = std::max(last_day, f.first_valid + days(static_cast<long>(f.aqi.size()) - 1));
  for (const auto& e : options.imposed) {
    if (e.time.is_special())
      throw InvalidArgument("imposed " + std::string(name(e.type)) + ": the time is not a date and time");
    first_day = std::min(first_day, e.time.date());
    last_day = std::max(last_day, e.time.date());
  }
  // Dates far apart are a typo in a year (2109 for 2019), not a season: refuse them rather than
  // fill hour by hour a window of centuries.
  if ((last_day - first_day).days() >= max_season_days)
    throw InvalidArgument("run_season: the forecasts and imposed events span " + detail::iso(first_day) + " … " +
                          detail::iso(last_day) + ", more than 100 years");

  // Decisions in time order: the county's forecasts and the imposed events (imposed first on a tie).
  struct Step {
    ptime time;
    int forecast = -1;  // index into forecasts
    int imposed = -1;   // index into options.imposed
  };
  std::vector<Step> steps;
  for (std::size_t i = 0; i < forecasts.size(); ++i)
    steps.push_back({detail::at_hour(forecasts[i].issue, options.issue_hour), static_cast<int>(i), -1});
  for (std::size_t i = 0; i < options.imposed.size(); ++i) steps.push_back({options.imposed[i].time, -1, static_cast<int>(i)});
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.time < b.time || (a.time == b.time && a.imposed >= 0 && b.imposed < 0);
  });

  detail::Timeline warning_line, response_line;
  int active = 0;
  bool imposed_active = false;
  int county_level = 0;  // the county's own level from its latest forecast
  int lower_streak = 0, lower_best = 0;
  std::vector<std::pair<date, int>> forecast_levels;

  auto record = [&](SeasonEvent ev, ptime effective) {
    ev.previous = active;
    active = ev.level;
    warning_line.decide(ev.time, ev.time, ev.level);
    response_line.decide(ev.time, effective, static_cast<int>(rules.response(ev.level)));
    ev.response_from = std::max(ev.time, effective);
    r.events.push_back(std::move(ev));
  };

  for (const Step& step : steps) {
    if (step.imposed >= 0) {  // L6: the superior command prevails
      const ImposedEvent& im = options.imposed[static_cast<std::size_t>(step.imposed)];
      SeasonEvent ev;
      ev.time = im.time;
      ev.type = im.type;
      ev.level = im.level;
      ev.imposed = true;
      ev.county_level = county_level;
      ev.comparison = im.level == county_level ? Comparison::consistent
                      : im.level > county_level ? Comparison::stricter
                                                : Comparison::weaker;
      ev.reason = "imposed by the superior command (SPEC L6); the county's own forecast gives " +
                  rules.level_name(county_level);
      imposed_active = im.type != EventType::lift;
      lower_streak = 0;
      record(std::move(ev), im.time);
      continue;
    }
    const DailyForecast& f = forecasts[static_cast<std::size_t>(step.forecast)];
    const Warning w = classify_daily(f.aqi, {}, rules);
    county_level = w.level;
    forecast_levels.emplace_back(f.issue, w.level);
    const ptime run_start =
        w.level > 0 ? ptime(f.first_valid + days(w.first), hours(0)) : boost::posix_time::not_a_date_time;
    auto issue_or_upgrade = [&](EventType type) {
      SeasonEvent ev;
      ev.time = step.time;
      ev.type = type;
      ev.level = w.level;
      ev.county_level = w.level;
      ev.reason = detail::describe_forecast(f, w);
      ev.lead_hours = static_cast<double>((run_start - step.time).total_seconds()) / 3600.0;
      ev.short_lead = ev.lead_hours < 24.0;  // L5: at least 24 hours ahead
      lower_streak = 0;
      record(std::move(ev), run_start);
    };
    if (w.level > active) {
      issue_or_upgrade(active == 0 ? EventType::issue : EventType::upgrade);
      continue;
    }
    if (active == 0 || imposed_active) continue;  // L6: only the superior command lowers its warning
    if (w.level == active) {
      lower_streak = 0;
      continue;
    }
    if (w.level > 0) {  // lower but still a warning: downgrade after enough consecutive issues
      lower_best = lower_streak == 0 ? w.level : std::max(lower_best, w.level);
      if (++lower_streak >= rules.downgrade_consecutive_issues) {
        SeasonEvent ev;
        ev.time = step.time;
        ev.type = EventType::downgrade;
        ev.level = lower_best;
        ev.county_level = w.level;
        ev.reason = std::to_string(lower_streak) + " consecutive forecasts below " + rules.level_name(active) + "; " +
                    detail::describe_forecast(f, w);
        lower_streak = 0;
        record(std::move(ev), step.time);
      }
      continue;
    }
    lower_streak = 0;
    if (detail::lift_condition(rules, f, f.issue)) {
      SeasonEvent ev;
      ev.time = step.time;
      ev.type = EventType::lift;
      ev.level = 0;
      ev.reason = "no warning level forecast and the next " + std::to_string(rules.lift_first_hours) + " hours ≤ " +
                  detail::format_number(rules.lift_at_most) + " (SPEC L1); " + detail::describe_forecast(f, w);
      record(std::move(ev), step.time);
    }
  }

  // Hourly timelines → days, periods and counts (L2, L3).
  const ptime start(first_day, hours(0));
  const std::size_t n_hours = static_cast<std::size_t>((last_day - first_day).days() + 1) * 24;
  const std::vector<int> warn = warning_line.hourly(start, n_hours);
  const std::vector<int> resp = response_line.hourly(start, n_hours);
  r.warning_days.assign(static_cast<std::size_t>(rules.level_count()) + 1, 0);
  for (std::size_t d = 0; d * 24 < n_hours; ++d) {
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
  for (const auto& e : r.events) ++r.event_counts[e.type];

  // L4: a day is an observed event of level ≥ k when an observed qualifying run of level ≥ k
  // covers it, a forecast event when a warning of level ≥ k was in force during it.
  if (!observed.empty()) {
    const std::vector<std::int8_t> obs = day_levels(observed, {}, rules);
    for (auto& day : r.days) {
      const long k = (day.day - observed_first).days();
      if (k >= 0 && k < static_cast<long>(obs.size()) && !std::isnan(observed[static_cast<std::size_t>(k)]))
        day.observed_level = obs[static_cast<std::size_t>(k)];
    }
    for (int level = 1; level <= rules.level_count(); ++level) {
      Verification v;
      v.level = level;
      for (const auto& day : r.days) {
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
      r.verification.push_back(v);
    }
  }
  return r;
}

}  // namespace aqi
