// The two state machines of a season run (SPEC L7): forecast mode decides from the county's
// forecasts (L1, L2, L5, L6, L12), relay mode follows the superior command's orders (L8–L11).
// Each writes the events and the changes of the warning and response levels; season.cpp turns
// those into days, periods, warnings and counts.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "aqi/warning/season.hpp"
#include "warning/episode.hpp"
#include "warning/timeline.hpp"

namespace aqi::detail {

// The days a forecast misses: from the day after its issue (or its first day, if earlier) to its
// last day, those it gives no value for (issue 16).
std::vector<date> missing_days(const DailyForecast& f);

// The forecast from the day after its issue (or its first day, if earlier) with every day it misses
// taken from `value` (NaN: still missing).
DailyForecast with_missing_days(const DailyForecast& f, const std::function<double(date)>& value);

// A forecast with missing days as forecast mode read it, and what it gives with those days as
// forecast before (the latest earlier forecast of each) — what season.cpp reports in the gaps.
struct GapReading {
  std::size_t forecast = 0;  // index into the forecasts
  int active_before = 0;     // the warning level in force before the forecast
  int level_read = 0;        // the level the forecast gives as read (W8: a missing day breaks a run)
  int level_filled = -1;     // with its missing days as forecast before; -1: no earlier forecast of them
  bool held = false;         // L1: a LIFT the missing days prevented
  std::size_t event = static_cast<std::size_t>(-1);  // the event the forecast made, if any
};

// Forecast mode.
class ForecastMachine {
 public:
  ForecastMachine(const std::shared_ptr<const RuleSet>& rules, std::vector<SeasonEvent>& events,
                  span<const double> observed, date observed_first)
      : handle_(rules), rules_(*rules), events_(events), observed_(observed), observed_first_(observed_first) {}

  void impose(const ImposedEvent& im);
  void forecast(const DailyForecast& f, ptime now);

  std::vector<Change> warning_changes() const { return warning_line_.changes(); }
  std::vector<Change> response_changes() const { return response_line_.changes(); }
  std::vector<std::pair<date, int>> forecast_levels;  // (issue day, the level it gives)
  std::vector<ExpectedRun> expected;                  // L12
  std::vector<GapReading> gap_readings;               // forecasts with missing days (issue 16)

  // Forecast `index` of the season: as forecast(), noting in gap_readings what its missing days did.
  void forecast(const DailyForecast& f, ptime now, std::size_t index);

 private:
  GapReading read_gaps(const DailyForecast& f, ptime now, const DatedWarning& w, std::size_t index) const;
  DatedWarning classify(const DailyForecast& f, ptime now, bool whole_episode) const;
  double elapsed_value(date d) const;
  void raise(const DailyForecast& f, const DatedWarning& w, ptime now);
  void lower(const DailyForecast& f, const DatedWarning& w, ptime now);
  void lift(const DailyForecast& f, const DatedWarning& w, ptime now);
  void log_expected(const DailyForecast& f, ptime now);
  void record(SeasonEvent ev, ptime effective);
  std::string describe(const DailyForecast& f, const DatedWarning& w) const;

  std::shared_ptr<const RuleSet> handle_;  // for the explanations of W6 (no copy of the set)
  const RuleSet& rules_;
  std::vector<SeasonEvent>& events_;
  span<const double> observed_;
  date observed_first_;
  SupersedingTimeline warning_line_, response_line_;
  std::map<date, double> latest_;        // each day's value in the latest forecast so far (L1: elapsed days)
  std::map<date, double> latest_known_;  // … the latest value given for it (gaps: what a missing day was)
  int active_ = 0;
  bool imposed_active_ = false;
  int county_level_ = 0;  // the county's own level from its latest forecast
  int lower_streak_ = 0, lower_best_ = 0;
  date episode_first_;  // L1: the first day of the active warning's run
};

// Relay mode.
class RelayMachine {
 public:
  RelayMachine(const std::shared_ptr<const RuleSet>& rules, std::vector<SeasonEvent>& events)
      : rules_(*rules), events_(events) {}

  void order(const Order& o, std::size_t index);
  void forecast(const DailyForecast& f, ptime now);  // L10: advice

  std::vector<Change> warning_changes() const { return warning_line_.changes(); }
  std::vector<Change> response_changes() const { return relay_changes(response_orders_); }
  std::vector<std::pair<date, int>> forecast_levels;
  std::vector<Advice> advice;  // L10

 private:
  const RuleSet& rules_;
  std::vector<SeasonEvent>& events_;
  SupersedingTimeline warning_line_;     // an order takes effect at its issue: nothing to supersede
  std::vector<Change> response_orders_;  // each order's response start and level, in sequence (L9)
  int active_ = 0;
  int county_level_ = -1;  // -1: no forecast of the county yet
};

}  // namespace aqi::detail
