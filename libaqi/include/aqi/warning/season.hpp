// A season through the warning lifecycle, in one of two modes (SPEC L7). Relay: the superior
// command's orders issue, change and lift the county's warnings and responses (L8, L9), with the
// county's own forecast as advice (L10) and the superior's lead times (L11). Forecast: daily
// forecasts through the rules as the warning authority applies them — issue, upgrade, downgrade,
// lift (L1), within the issue horizon (L12), response periods (L2), lead times (L5), warnings
// imposed by the superior command (L6). Both: counts (L3, flaps of L12), verification against
// observations (L4). docs/season.md explains the two modes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/event_type.hpp"
#include "aqi/warning/forecast.hpp"
#include "aqi/warning/order.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/season_gap.hpp"
#include "aqi/warning/warning_period.hpp"

namespace aqi {

using boost::gregorian::date;
using boost::posix_time::ptime;

// L6: an event ordered by the superior command.
struct ImposedEvent {
  ptime time;
  EventType type = EventType::issue;
  int level = 0;  // for LIFT: 0
};

// The longest window a season run covers (100 years): forecasts, orders or imposed events further
// apart are a typo in a year.
inline constexpr long max_season_days = 36525;

// SPEC L7: relay — the superior command's orders decide (the county plan's own mode); forecast —
// the rules applied to a forecast, as the warning authority itself would (a what-if, a back-test).
enum class SeasonMode : std::uint8_t { forecast, relay };

constexpr std::string_view name(SeasonMode m) noexcept { return m == SeasonMode::relay ? "relay" : "forecast"; }

// "relay" or "forecast"; throws InvalidArgument.
inline SeasonMode parse_season_mode(std::string_view s) {
  for (SeasonMode m : {SeasonMode::forecast, SeasonMode::relay})
    if (s == name(m)) return m;
  throw InvalidArgument("mode must be 'relay' or 'forecast', got '" + std::string(s) + "'");
}

struct SeasonOptions {
  int issue_hour = 16;                // forecasts are issued at this hour of the issue day (local time)
  std::vector<ImposedEvent> imposed;  // L6, forecast mode only
  std::vector<Order> orders;          // L8: the superior command's orders, relay mode (checked by check_orders)
  // L7: by default relay when orders are given, else forecast. Relay without orders is a season in
  // which no order came (the forecasts give advice only); forecast with orders is refused.
  std::optional<SeasonMode> mode;
};

// How an imposed level compares with the county's own classification (L6).
enum class Comparison : std::uint8_t { none, consistent, stricter, weaker };

constexpr std::string_view name(Comparison c) noexcept {
  constexpr std::array<std::string_view, 4> names{"", "consistent", "stricter", "weaker"};
  return names[static_cast<std::size_t>(c)];
}

// SPEC N5: "" for none, 一致, 更严, 更宽.
constexpr std::string_view name_zh(Comparison c) noexcept {
  constexpr std::array<std::string_view, 4> names{"", "一致", "更严", "更宽"};
  return names[static_cast<std::size_t>(c)];
}

// "consistent", "stricter", "weaker" ("" is none: not an imposed event); throws UnknownName.
inline Comparison parse_comparison(std::string_view s) {
  for (Comparison c : {Comparison::none, Comparison::consistent, Comparison::stricter, Comparison::weaker})
    if (s == name(c)) return c;
  throw UnknownName("unknown comparison '" + std::string(s) + "'; expected consistent, stricter or weaker");
}

// One event of the warning's life. Forecast mode: a decision of the county's forecast (L1) or an
// imposed event (L6). Relay mode: one per order (L8), `order` its index in SeasonResult::orders.
struct SeasonEvent {
  ptime time;  // forecast mode: the forecast's issue; relay mode: the order's issue (receipt)
  EventType type = EventType::issue;
  int level = 0;       // the warning level after the event (0 after LIFT)
  int previous = 0;    // before it
  std::string reason;  // why (W6 for a forecast, the order for relay), in English
  // L5 (forecast mode): hours from the event to the start of its qualifying run; L11 (relay mode):
  // from the order's issue to its response start. ISSUE/UPGRADE only, NaN otherwise. `short_lead`
  // flags a lead under the rule set's min_lead_hours (24).
  double lead_hours = std::numeric_limits<double>::quiet_NaN();
  bool short_lead = false;
  bool imposed = false;  // L6
  // L6, L10: the county's own level from its latest forecast (-1: no forecast of the county yet).
  int county_level = 0;
  Comparison comparison = Comparison::none;  // L6, L10: the event's level against county_level
  ptime response_from;                       // when the response at this level takes effect (L2, L9)
  // Forecast mode: the qualifying run behind an ISSUE, UPGRADE or DOWNGRADE (W6); not_a_date_time
  // otherwise.
  date run_first, run_last;
  // L8: the order behind a relay event (-1 in forecast mode), its document number, issuer and the
  // episode's expected end as stated (not_a_date_time when not stated).
  std::ptrdiff_t order = -1;
  std::string doc_no, issuer;
  ptime expected_end;
  // What the office should know besides the reason, "; "-separated: a LIFT before the response
  // began (L2), a lead under the minimum (L5, L11), an ISSUE soon after a LIFT (a flap, L12).
  std::string note;
};

// L12: a qualifying run beyond the issue horizon — logged, neither issuing nor holding a warning.
struct ExpectedRun {
  ptime time;  // the forecast's issue
  int level = 0;
  date first, last;       // the run
  double lead_hours = 0;  // from the issue to the run's first hour
  std::string reason;
};

// L10: an issue day on which the county's forecast meets a level, within the issue horizon, that
// no order in force gives.
struct Advice {
  ptime time;              // the forecast's issue
  int forecast_level = 0;  // what the county's forecast gives
  int order_level = 0;     // the level the orders keep in force then (0: none)
  date first, last;        // the forecast's qualifying run
  std::string note;        // "forecast meets orange from 2019-12-28; no order received"
};

struct SeasonDay {
  date day;
  int warning = 0;                               // highest warning level in force that day
  ResponseLevel response = ResponseLevel::none;  // highest response level in effect that day
  // The level the forecast issued that day gives within the issue horizon (L12) — in forecast mode,
  // of the whole episode while a warning is active (L1); -1: none issued.
  int forecast_level = -1;
  int observed_level = -1;  // L4: level of the observed run covering it (-1: no observation)
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
  SeasonMode mode = SeasonMode::forecast;  // L7
  std::vector<Order> orders;               // L8: the orders relayed (relay mode), as read
  std::vector<SeasonEvent> events;
  std::vector<SeasonDay> days;
  std::vector<ResponsePeriod> periods;             // L2, L9: one per continuous response
  std::vector<WarningPeriod> warnings;             // each warning from its ISSUE to its LIFT (D1)
  std::vector<ExpectedRun> expected;               // L12 (forecast mode): runs beyond the issue horizon
  std::vector<Advice> advice;                      // L10 (relay mode with forecasts)
  std::vector<int> warning_days;                   // L3: [level] days with that warning level (index 0: none)
  std::map<ResponseLevel, double> response_hours;  // L3: hours (minutes count: orders come at any minute)
  std::map<EventType, int> event_counts;           // L3
  int flaps = 0;                                   // L12: a LIFT followed by an ISSUE within flap_window_hours
  std::vector<Verification> verification;          // L4, empty without observations
  std::vector<SeasonGap> gaps;                     // days missing from the forecasts (season_gap.hpp)
};

namespace detail {

inline ptime at_hour(date d, int hour) { return ptime(d, boost::posix_time::hours(hour)); }

}  // namespace detail

// L6: an imposed event as a table gives it (a DataFrame's row): the event by its name (ISSUE …,
// parse_event_type), the level by its English or Chinese name (RuleSet::level_code: "orange" or
// "橙色"). Throws UnknownName; run_season checks that the level fits the event.
ImposedEvent imposed_event(ptime time, std::string_view event, std::string_view level, const RuleSet& rules);

// SPEC L1–L12. `forecasts`: one per issue day (sorted by issue date, unique) — forecast mode's
// input, relay mode's advice (may be empty there). `options.orders`: the superior command's orders
// (relay mode, L8). `observed`: daily AQI from `observed_first` (empty to skip) for verification
// (L4) and the elapsed days of an active episode (L1); observations with no value on any day of the
// season's window (the first issue day, order or imposed event to the last forecast day) are refused
// (InvalidArgument naming both ranges): they would verify nothing. Days missing from the forecasts
// are reported in SeasonResult::gaps. The result holds `rules` as given
// (shared_ptr) or aqi::share(rules) (const RuleSet&: built-in sets aliased, others copied once per
// run, never per forecast).
SeasonResult run_season(const std::vector<DailyForecast>& forecasts, std::shared_ptr<const RuleSet> rules,
                        const SeasonOptions& options = {}, span<const double> observed = {},
                        date observed_first = date());
SeasonResult run_season(const std::vector<DailyForecast>& forecasts, const RuleSet& rules,
                        const SeasonOptions& options = {}, span<const double> observed = {},
                        date observed_first = date());

}  // namespace aqi
