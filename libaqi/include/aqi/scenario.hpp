// A county scenario on disk: scenario.toml naming its rule set, season and data files —
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

#include "aqi/index/air_quality_index.hpp"
#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/toml.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/kilns/kiln.hpp"
#include "aqi/index/observations.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/season.hpp"

namespace aqi {

// The furthest a forecast file's valid_date may lie after its issue_date.
inline constexpr long max_forecast_days = 366;

// issue_date, valid_date, aqi (extra columns are the analyst's). One forecast per issue day;
// days missing inside a forecast are NaN; a repeated (issue_date, valid_date) is an error.
inline std::vector<DailyForecast> parse_forecasts(std::string_view text, const std::string& file) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  const std::size_t ci = t.column("issue_date"), cv = t.column("valid_date"), ca = t.column("aqi");
  std::map<date, std::map<date, std::pair<double, std::size_t>>> by_issue;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const date issue = t.date(r, ci), valid = t.date(r, cv);
    const double v = t.number(r, ca);
    if (v < 0) t.fail(r, ca, "negative AQI (SPEC W9)");
    if (valid < issue)
      t.fail(r, cv, "valid_date " + detail::iso(valid) + " is before the issue date " + detail::iso(issue));
    // A forecast is days long (SPEC L1: 7–10); a valid date years ahead is a typo, and each
    // forecast holds a value for every day it spans.
    if ((valid - issue).days() > max_forecast_days)
      t.fail(r, cv,
             "valid_date " + detail::iso(valid) + " is more than " + std::to_string(max_forecast_days) +
                 " days after the issue date " + detail::iso(issue));
    auto [it, fresh] = by_issue[issue].emplace(valid, std::make_pair(v, r));
    if (!fresh)
      t.fail(r, cv,
             "the forecast of " + detail::iso(issue) + " for " + detail::iso(valid) + " is already given on line " +
                 std::to_string(t.row_line[it->second.second]));
  }
  std::vector<DailyForecast> out;
  for (const auto& [issue, days] : by_issue) {
    DailyForecast f;
    f.issue = issue;
    f.first_valid = days.begin()->first;
    f.aqi.assign(static_cast<std::size_t>((days.rbegin()->first - f.first_valid).days() + 1),
                 std::numeric_limits<double>::quiet_NaN());
    for (const auto& [d, v] : days) f.aqi[static_cast<std::size_t>((d - f.first_valid).days())] = v.first;
    out.push_back(std::move(f));
  }
  return out;
}

inline std::vector<DailyForecast> read_forecasts(const std::string& path) {
  return parse_forecasts(detail::read_text_file(path), path);
}

// time (YYYY-MM-DD HH:MM), event (ISSUE, UPGRADE, DOWNGRADE, LIFT), level (a level of the rule
// set; "none" for LIFT) — SPEC L6.
inline std::vector<ImposedEvent> parse_imposed(std::string_view text, const std::string& file, const RuleSet& rules) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  const std::size_t ct = t.column("time"), ce = t.column("event"), cl = t.column("level");
  std::vector<ImposedEvent> out;
  for (std::size_t r = 0; r < t.size(); ++r) {
    ImposedEvent e;
    const std::string& s = t.text(r, ct);
    const date d = t.date(r, ct);
    int hh = 0, mm = 0;
    if (s.size() > 10) {
      // Two digits each, nothing else: sscanf's %2d took "-1:00" for 23:00 of the day before.
      auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
      const bool shaped = s.size() == 16 && digit(11) && digit(12) && s[13] == ':' && digit(14) && digit(15);
      if (shaped) {
        hh = (s[11] - '0') * 10 + (s[12] - '0');
        mm = (s[14] - '0') * 10 + (s[15] - '0');
      }
      if (!shaped || hh > 23 || mm > 59)
        t.fail(r, ct, "'" + s + "' is not a time (YYYY-MM-DD HH:MM)");
    }
    e.time = ptime(d, boost::posix_time::hours(hh) + boost::posix_time::minutes(mm));
    try {
      e.type = parse_event_type(t.text(r, ce));
    } catch (const UnknownName& err) {
      t.fail(r, ce, err.what());
    }
    try {
      e.level = rules.level_code(t.text(r, cl));
    } catch (const UnknownName& err) {
      t.fail(r, cl, err.what());
    }
    if ((e.type == EventType::lift) != (e.level == 0))
      t.fail(r, cl, e.type == EventType::lift ? "a LIFT takes level none" : "this event needs a warning level");
    if (!out.empty() && e.time < out.back().time) t.fail(r, ct, "events must be in time order");
    out.push_back(e);
  }
  return out;
}

struct Scenario {
  std::string dir;
  std::string name;
  std::string county;
  std::shared_ptr<const RuleSet> own_rules;  // a rules file of the scenario's own, if any
  const RuleSet* rules = nullptr;
  date season_start, season_end;
  int issue_hour = 16;
  Observations observations;
  std::vector<DailyForecast> forecasts;
  std::string forecast_source;  // the file, or "perfect (horizon N days)"
  std::vector<ImposedEvent> imposed;
  std::vector<Kiln> kilns;             // the brick kilns of the rotating shutdown (SPEC K), if any
  std::optional<Inventory> inventory;  // the emission-reduction inventory (SPEC E), if any
  std::optional<double> dust_cap;      // SPEC R5, from [emissions] dust_cap
  // Observed daily AQI for consecutive days from season_start (NaN where not observed), and
  // the table it came from (SPEC A7: each day rated by the edition in force).
  std::vector<double> observed_aqi;
  AqiTable observed_table;
};

namespace detail {
inline std::string join_path(const std::string& dir, const std::string& file) {
  if (!file.empty() && file[0] == '/') return file;
  return dir + "/" + file;
}
}  // namespace detail

// Loads <dir>/scenario.toml and the files it names.
inline Scenario load_scenario(const std::string& dir) {
  using namespace detail;
  const std::string file = dir + "/scenario.toml";
  const toml::table root = parse_toml(read_text_file(file), file);
  require_known_keys(root, file,
                     {"name", "county", "rules", "season", "issue_hour", "observations", "forecasts", "horizon",
                      "imposed", "emissions", "kilns", "inventory", "notes"});
  Scenario s;
  s.dir = dir;
  s.name = require_string(root, "name", file);
  s.county = optional_string(root, "county", file);
  const std::string rules = require_string(root, "rules", file);
  if (rules.size() > 5 && rules.substr(rules.size() - 5) == ".toml") {
    s.own_rules = std::make_shared<const RuleSet>(RuleSet::load(join_path(dir, rules)));
    s.rules = s.own_rules.get();
  } else {
    try {
      s.rules = &rule_set(rules);
    } catch (const UnknownName& e) {
      throw toml_error(file, require_node(root, "rules", file), e.what());
    }
  }
  const auto& season = require_table(root, "season", file);
  require_known_keys(season, file, {"start", "end"});  // `season = { …, issue_hour = 10 }` must not vanish
  s.season_start = require_date(season, "start", file);
  s.season_end = require_date(season, "end", file);
  if (s.season_end < s.season_start) throw toml_error(file, season, "the season ends before it starts");
  if ((s.season_end - s.season_start).days() >= max_season_days)
    throw toml_error(file, season, "the season is longer than 100 years");
  if (root.contains("issue_hour")) {
    const auto h = detail::integer_value(*root.get("issue_hour"));
    if (!h || *h < 0 || *h > 23) throw toml_error(file, *root.get("issue_hour"), "issue_hour must be 0–23");
    s.issue_hour = static_cast<int>(*h);
  }
  const std::string observations = join_path(dir, require_string(root, "observations", file));
  s.observations = read_observations(observations);

  // Observed daily AQI of the season (A7: the edition in force on each date). A column the
  // edition of some date does not rate (pm25_1h before 2026-03-01), or no daily indicator at all,
  // is an error of the observations file, and says so.
  const auto columns = s.observations.columns();
  try {
    s.observed_table = air_quality_index(span<const date>(s.observations.dates), columns, Period::daily);
  } catch (const UnknownName& e) {
    throw ParseError(observations, 1, 0, std::string(e.what()) + " (each date is rated by the edition in force, SPEC A7)");
  } catch (const InvalidArgument& e) {
    throw ParseError(observations, 1, 0, e.what());
  }
  s.observed_aqi.assign(static_cast<std::size_t>((s.season_end - s.season_start).days() + 1),
                        std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const long k = (s.observations.dates[i] - s.season_start).days();
    if (k >= 0 && k < static_cast<long>(s.observed_aqi.size()))
      s.observed_aqi[static_cast<std::size_t>(k)] = s.observed_table.aqi[i];
  }

  const std::string forecasts = require_string(root, "forecasts", file);
  if (forecasts == "perfect") {
    int horizon = 7;
    if (root.contains("horizon")) {
      const auto h = detail::integer_value(*root.get("horizon"));
      if (!h || *h < 1 || *h > 30) throw toml_error(file, *root.get("horizon"), "horizon must be 1–30 days");
      horizon = static_cast<int>(*h);
    }
    s.forecasts = perfect_forecasts(s.observed_aqi, s.season_start, horizon);
    s.forecast_source = "perfect forecasts from the observations, horizon " + std::to_string(horizon) + " days";
  } else {
    if (root.contains("horizon"))
      throw toml_error(file, *root.get("horizon"),
                       "'horizon' applies to forecasts = \"perfect\" only; these forecasts are read from " + forecasts);
    s.forecasts = read_forecasts(join_path(dir, forecasts));
    s.forecast_source = forecasts;
  }
  if (root.contains("inventory")) s.inventory = read_inventory(join_path(dir, require_string(root, "inventory", file)));
  if (root.contains("emissions")) {
    const auto& em = require_table(root, "emissions", file);
    require_known_keys(em, file, {"dust_cap"});
    if (em.contains("dust_cap")) {
      const double cap = require_number(em, "dust_cap", file);
      if (!(cap >= 0 && cap <= 1))
        throw toml_error(file, require_node(em, "dust_cap", file), "dust_cap must be 0–1 (SPEC R5)");
      s.dust_cap = cap;
    }
  }
  if (root.contains("kilns")) s.kilns = read_kilns(join_path(dir, require_string(root, "kilns", file)));
  if (root.contains("imposed")) {
    const std::string path = join_path(dir, require_string(root, "imposed", file));
    s.imposed = parse_imposed(read_text_file(path), path, *s.rules);
  }
  return s;
}

// The scenario through the warning lifecycle (SPEC L1–L6), verified against its observations.
inline SeasonResult run_scenario(const Scenario& s) {
  SeasonOptions o;
  o.issue_hour = s.issue_hour;
  o.imposed = s.imposed;
  return run_season(s.forecasts, *s.rules, o, s.observed_aqi, s.season_start);
}

}  // namespace aqi
