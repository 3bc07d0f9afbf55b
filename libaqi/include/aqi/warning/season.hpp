// A season of daily forecasts through the warning lifecycle — SPEC L1–L6: issue, upgrade,
// downgrade and lift; response periods (L2); counts (L3); verification against observations
// (L4); lead times (L5); warnings imposed by the superior command (L6).
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/forecast.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi {

using boost::gregorian::date;
using boost::posix_time::ptime;

enum class EventType : std::uint8_t { issue, upgrade, downgrade, lift };

inline constexpr std::array<EventType, 4> all_event_types{EventType::issue, EventType::upgrade, EventType::downgrade,
                                                          EventType::lift};

constexpr std::string_view name(EventType e) noexcept {
  constexpr std::array<std::string_view, 4> names{"ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"};
  return names[static_cast<std::size_t>(e)];
}

// "ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"; throws UnknownName.
inline EventType parse_event_type(std::string_view s) {
  for (EventType e : all_event_types)
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

// "consistent", "stricter", "weaker" ("" is none: not an imposed event); throws UnknownName.
inline Comparison parse_comparison(std::string_view s) {
  for (Comparison c : {Comparison::none, Comparison::consistent, Comparison::stricter, Comparison::weaker})
    if (s == name(c)) return c;
  throw UnknownName("unknown comparison '" + std::string(s) + "'; expected consistent, stricter or weaker");
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
  ptime response_from;  // when the response at this level takes effect (L2)
};

struct SeasonDay {
  date day;
  int warning = 0;                               // highest warning level in force that day
  ResponseLevel response = ResponseLevel::none;  // highest response level in effect that day
  int forecast_level = -1;                       // level of the forecast issued that day (-1: none issued)
  int observed_level = -1;                       // L4: level of the observed run covering it (-1: no observation)
};

// L4: verification of warnings against observed runs, per level ("at least this level").
struct Verification {
  int level = 0;
  int hits = 0, misses = 0, false_alarms = 0, correct_negatives = 0;
  double pod = std::numeric_limits<double>::quiet_NaN();
  double far = std::numeric_limits<double>::quiet_NaN();
  double csi = std::numeric_limits<double>::quiet_NaN();
};

// The result shares the rule set it was run with (aqi::share: a built-in set aliased, any other
// copied), so it outlives the caller's set.
struct SeasonResult {
  std::shared_ptr<const RuleSet> rules;
  std::vector<SeasonEvent> events;
  std::vector<SeasonDay> days;
  std::vector<ResponsePeriod> periods;
  std::vector<int> warning_days;                // L3: [level] days with that warning level (index 0: none)
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

}  // namespace detail

// L6: an imposed event as a table gives it (a DataFrame's row): the event by its name (ISSUE …,
// parse_event_type), the level by its English or Chinese name (RuleSet::level_code: "orange" or
// "橙色"). Throws UnknownName; run_season checks that the level fits the event.
ImposedEvent imposed_event(ptime time, std::string_view event, std::string_view level, const RuleSet& rules);

// SPEC L1–L6. `forecasts`: one per issue day (sorted by issue date, unique). `observed`: daily
// AQI for verification (L4), from `observed_first` (empty to skip). The result holds `rules` as
// given (shared_ptr) or aqi::share(rules) (const RuleSet&: built-in sets aliased, others copied
// once per run, never per forecast).
SeasonResult run_season(const std::vector<DailyForecast>& forecasts, std::shared_ptr<const RuleSet> rules,
                        const SeasonOptions& options = {}, span<const double> observed = {},
                        date observed_first = date());
SeasonResult run_season(const std::vector<DailyForecast>& forecasts, const RuleSet& rules,
                        const SeasonOptions& options = {}, span<const double> observed = {},
                        date observed_first = date());

}  // namespace aqi
