// A county scenario on disk: scenario.toml naming its plan (and rule set), season and data files —
// observed daily concentrations, daily forecasts (or "perfect" ones built from the
// observations), warnings imposed by the superior command. Every file error names
// file:line:column.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/observations.hpp"
#include "aqi/kilns/kiln.hpp"
#include "aqi/plan.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/season.hpp"

namespace aqi {

// time (YYYY-MM-DD HH:MM), event (ISSUE, UPGRADE, DOWNGRADE, LIFT), level (a level of the rule
// set; "none" for LIFT) — SPEC L6.
std::vector<ImposedEvent> parse_imposed(std::string_view text, const std::string& file, const RuleSet& rules);

struct Scenario {
  std::string dir;
  std::string name;
  std::string county;
  std::shared_ptr<const Plan> plan;      // `plan`: its responses, targets, measures, kilns, deadlines
  std::shared_ptr<const RuleSet> rules;  // `rules`, else the plan's warning rules
  date season_start, season_end;
  int issue_hour = 16;
  Observations observations;
  std::vector<DailyForecast> forecasts;
  std::string forecast_source;  // the file, or "perfect (horizon N days)"
  std::vector<ImposedEvent> imposed;
  std::string imposed_source;  // the file, "" without
  // SPEC L7: `mode` ("relay" by default when the scenario has `orders`, else "forecast") and the
  // superior command's orders (L8), relayed in relay mode; forecast mode leaves them unused.
  SeasonMode mode = SeasonMode::forecast;
  std::vector<Order> orders;
  std::string orders_source;           // the file, "" without orders
  std::vector<Kiln> kilns;             // the brick kilns of the rotating shutdown (SPEC K), if any
  std::optional<Inventory> inventory;  // the emission-reduction inventory (SPEC E), if any
  std::optional<double> dust_cap;      // SPEC R5, from [emissions] dust_cap
  // SPEC E13: the measure table in use — the plan's, overridden by the bureau's file named by
  // `industry_measures` (its source; "" without).
  std::shared_ptr<const IndustryMeasures> industry_measures;
  std::string industry_measures_source;
  // Observed daily AQI for consecutive days from season_start (NaN where not observed), and
  // the table it came from (SPEC A7: each day rated by the edition in force).
  std::vector<double> observed_aqi;
  AqiTable observed_table;
};

// Loads <dir>/scenario.toml and the files it names.
Scenario load_scenario(const std::string& dir);

// The scenario through the warning lifecycle in its mode (SPEC L7): relay — its orders, its
// forecasts as advice; forecast — its forecasts and imposed events. Verified against its
// observations (L4).
inline SeasonResult run_scenario(const Scenario& s) {
  SeasonOptions o;
  o.issue_hour = s.issue_hour;
  o.mode = s.mode;
  if (s.mode == SeasonMode::relay)
    o.orders = s.orders;
  else
    o.imposed = s.imposed;
  return run_season(s.forecasts, s.rules, o, s.observed_aqi, s.season_start);  // shared: no copy
}

// The scenario in the other mode, chosen explicitly (aqi-engine --mode): relay needs its orders.
// Throws InvalidArgument naming the missing file.
void choose_mode(Scenario& s, SeasonMode mode);

}  // namespace aqi
