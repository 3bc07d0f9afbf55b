#include "aqi/scenario.hpp"

#include <algorithm>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"
#include "aqi/index/city_means.hpp"
#include "detail/toml.hpp"

namespace aqi {

using detail::join_path;

std::vector<ImposedEvent> parse_imposed(std::string_view text, const std::string& file, const RuleSet& rules) {
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
      if (!shaped || hh > 23 || mm > 59) t.fail(r, ct, "'" + s + "' is not a time (YYYY-MM-DD HH:MM)");
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

namespace {

using detail::require_node;
using detail::toml_error;

// `plan` (a built-in id or a plan folder of the scenario's) and `rules` (a built-in rule set or a
// .toml file); each defaults to the other's: the plan whose id the rules bear, the plan's rules.
void read_plan_and_rules(Scenario& s, const toml::table& root, const std::string& file) {
  using namespace detail;
  if (!root.contains("plan") && !root.contains("rules")) throw toml_error(file, root, "missing key 'plan'");
  const std::string rules = optional_string(root, "rules", file);
  const std::string plan_name = optional_string(root, "plan", file, rules.empty() ? "" : "yiyuan-2019");
  try {
    if (root.contains("plan") && plan_name.find('/') == std::string::npos && plan_name != ".") {
      s.plan = share(plan(plan_name));
    } else if (root.contains("plan")) {
      s.plan = std::make_shared<const Plan>(Plan::load(join_path(s.dir, plan_name)));
    } else {
      // Only `rules`: the plan of the same id, else the default plan (its responses and deadlines).
      bool found = false;
      for (const auto& p : builtin_plans()) found = found || p.id == rules;
      s.plan = share(plan(found ? rules : "yiyuan-2019"));
    }
  } catch (const UnknownName& e) {
    throw toml_error(file, require_node(root, "plan", file), e.what());
  }
  if (rules.empty()) {
    s.rules = s.plan->warnings;
  } else if (rules.size() > 5 && rules.substr(rules.size() - 5) == ".toml") {
    s.rules = std::make_shared<const RuleSet>(RuleSet::load(join_path(s.dir, rules)));
  } else {
    try {
      s.rules = share(rule_set(rules));
    } catch (const UnknownName& e) {
      throw toml_error(file, require_node(root, "rules", file), e.what());
    }
  }
}

void read_season(Scenario& s, const toml::table& root, const std::string& file) {
  using namespace detail;
  const auto& season = require_table(root, "season", file);
  require_known_keys(season, file, {"start", "end"});  // `season = { …, issue_hour = 10 }` must not vanish
  s.season_start = require_date(season, "start", file);
  s.season_end = require_date(season, "end", file);
  if (s.season_end < s.season_start) throw toml_error(file, season, "the season ends before it starts");
  if ((s.season_end - s.season_start).days() >= max_season_days)
    throw toml_error(file, season, "the season is longer than 100 years");
  if (root.contains("issue_hour")) {
    const auto h = integer_value(*root.get("issue_hour"));
    if (!h || *h < 0 || *h > 23) throw toml_error(file, *root.get("issue_hour"), "issue_hour must be 0–23");
    s.issue_hour = static_cast<int>(*h);
  }
}

// observations = { cnemc = "dir/", city = "淄博市", stations = "list.csv", min_stations = 1 }: the
// national platform's station files (either form; `stations` maps the wide form's codes), the
// city's daily concentrations as HJ 663 defines them (aqi/index/city_means.hpp).
Observations read_station_observations(const Scenario& s, const toml::table& t, const std::string& file,
                                       std::string& source) {
  using namespace detail;
  require_known_keys(t, file, {"cnemc", "city", "stations", "min_stations"});
  source = join_path(s.dir, require_string(t, "cnemc", file));
  const std::string city = require_string(t, "city", file);
  std::optional<StationList> list;
  if (t.contains("stations")) list = read_station_list(join_path(s.dir, require_string(t, "stations", file)));
  CityMeanOptions o;
  if (t.contains("min_stations")) {
    const auto n = integer_value(*t.get("min_stations"));
    if (!n || *n < 1 || *n > 1000) throw toml_error(file, *t.get("min_stations"), "min_stations must be 1–1000");
    o.min_stations = static_cast<std::size_t>(*n);
  }
  const StationHours hours = read_station_files({source}, list ? &*list : nullptr, StationFilter{{city}});
  if (hours.size() == 0)
    throw toml_error(file, require_node(t, "city", file),
                     "no station of city '" + city + "' in " + source +
                         " (the per-hour files write cities as 淄博市, the station lists as 淄博; either matches)");
  CityMeans m;
  try {
    m = city_means(hours, city, Period::daily, o);
  } catch (const Error& e) {  // no station of the city in the files, or only background stations
    throw toml_error(file, require_node(t, "city", file), std::string(e.what()) + " (read from " + source + ")");
  }
  return Observations{m.dates, m.indicators, m.values};
}

// Observations none of whose dates lie in the season would verify nothing (an all-zero L4 table)
// and make perfect forecasts of nothing: refused, naming the season and their dates (issue 16).
void check_overlap(const Scenario& s, const toml::table& root, const std::string& file, const std::string& source) {
  const auto& dates = s.observations.dates;
  if (dates.empty()) return;
  const auto [first, last] = std::minmax_element(dates.begin(), dates.end());
  if (*last >= s.season_start && *first <= s.season_end) return;
  throw toml_error(file, detail::require_table(root, "season", file),
                   "the observations (" + source + ": " + detail::iso(*first) + " … " + detail::iso(*last) +
                       ") do not overlap the season " + detail::iso(s.season_start) + " … " +
                       detail::iso(s.season_end) +
                       ": nothing to verify (SPEC L4); give observations of the season's days or correct the season");
}

// Observed daily AQI of the season (A7: the edition in force on each date). A column the edition
// of some date does not rate (pm25_1h before 2026-03-01), or no daily indicator at all, is an
// error of the observations file, and says so.
void read_observed(Scenario& s, const toml::table& root, const std::string& file) {
  std::string observations;
  if (const auto* t = root.get("observations"); t && t->is_table()) {
    s.observations = read_station_observations(s, *t->as_table(), file, observations);
  } else {
    observations = join_path(s.dir, detail::require_string(root, "observations", file));
    s.observations = read_observations(observations);
  }
  const auto columns = s.observations.columns();
  try {
    s.observed_table = air_quality_index(span<const date>(s.observations.dates), columns, Period::daily);
  } catch (const UnknownName& e) {
    throw ParseError(observations, 1, 0,
                     std::string(e.what()) + " (each date is rated by the edition in force, SPEC A7)");
  } catch (const InvalidArgument& e) {
    throw ParseError(observations, 1, 0, e.what());
  }
  check_overlap(s, root, file, observations);
  s.observed_aqi.assign(static_cast<std::size_t>((s.season_end - s.season_start).days() + 1),
                        std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const long k = (s.observations.dates[i] - s.season_start).days();
    if (k >= 0 && k < static_cast<long>(s.observed_aqi.size()))
      s.observed_aqi[static_cast<std::size_t>(k)] = s.observed_table.aqi[i];
  }
}

void read_forecasts_of(Scenario& s, const toml::table& root, const std::string& file) {
  // L10: in relay mode the county's forecasts are advice, and may be absent.
  if (s.mode == SeasonMode::relay && !root.contains("forecasts") && !root.contains("horizon")) {
    s.forecast_source = "none";
    return;
  }
  const std::string forecasts = detail::require_string(root, "forecasts", file);
  if (forecasts == "perfect") {
    int horizon = 7;
    if (root.contains("horizon")) {
      const auto h = detail::integer_value(*root.get("horizon"));
      if (!h || *h < 1 || *h > 30) throw toml_error(file, *root.get("horizon"), "horizon must be 1–30 days");
      horizon = static_cast<int>(*h);
    }
    s.forecasts = perfect_forecasts(s.observed_aqi, s.season_start, horizon);
    s.forecast_source = "perfect forecasts from the observations, horizon " + std::to_string(horizon) + " days";
    return;
  }
  if (root.contains("horizon"))
    throw toml_error(file, *root.get("horizon"),
                     "'horizon' applies to forecasts = \"perfect\" only; these forecasts are read from " + forecasts);
  s.forecasts = read_forecasts(join_path(s.dir, forecasts));
  s.forecast_source = forecasts;
}

// SPEC L7, L8: `orders` (a CSV file of the superior command's orders) and `mode` ("relay", the
// default with orders, or "forecast"). Relay needs orders. A scenario may hold the inputs of both
// modes (orders; forecasts and imposed events): the mode says which decide, the report says so.
void read_mode_and_orders(Scenario& s, const toml::table& root, const std::string& file) {
  using namespace detail;
  if (root.contains("orders")) {
    s.orders_source = require_string(root, "orders", file);
    s.orders = read_orders(join_path(s.dir, s.orders_source), *s.rules);
  }
  s.mode = s.orders_source.empty() ? SeasonMode::forecast : SeasonMode::relay;
  if (root.contains("mode")) {
    try {
      s.mode = parse_season_mode(require_string(root, "mode", file));
    } catch (const InvalidArgument& e) {
      throw toml_error(file, require_node(root, "mode", file), e.what());
    }
  }
  if (s.mode == SeasonMode::relay && s.orders_source.empty())
    throw toml_error(file, require_node(root, "mode", file),
                     "mode = \"relay\" relays the superior command's orders: name their file with orders = \"…\"");
}

void read_emissions_and_kilns(Scenario& s, const toml::table& root, const std::string& file) {
  using namespace detail;
  if (root.contains("inventory"))
    s.inventory = read_inventory(join_path(s.dir, require_string(root, "inventory", file)));
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
  if (root.contains("kilns")) s.kilns = read_kilns(join_path(s.dir, require_string(root, "kilns", file)));
  // SPEC E13: the bureau's own measure list, a file of the measure table's form that overrides the
  // plan's table row by row.
  s.industry_measures = s.plan->industry_measures;
  if (root.contains("industry_measures")) {
    s.industry_measures_source = require_string(root, "industry_measures", file);
    s.industry_measures = std::make_shared<const IndustryMeasures>(
        s.plan->industry_measures->overridden_by(IndustryMeasures::load(join_path(s.dir, s.industry_measures_source))));
  }
}

}  // namespace

void choose_mode(Scenario& s, SeasonMode mode) {
  if (mode == SeasonMode::relay && s.orders_source.empty())
    throw InvalidArgument("scenario " + s.dir + " has no orders to relay (orders = \"…\" in scenario.toml)");
  if (mode == SeasonMode::forecast && s.forecasts.empty())
    throw InvalidArgument("scenario " + s.dir + " has no forecasts for forecast mode (forecasts = \"…\")");
  s.mode = mode;
}

Scenario load_scenario(const std::string& dir) {
  using namespace detail;
  const std::string file = dir + "/scenario.toml";
  const toml::table root = parse_toml(read_text_file(file), file);
  require_known_keys(root, file,
                     {"name", "county", "plan", "rules", "season", "issue_hour", "observations", "forecasts", "horizon",
                      "imposed", "mode", "orders", "emissions", "kilns", "inventory", "industry_measures", "notes"});
  Scenario s;
  s.dir = dir;
  s.name = require_string(root, "name", file);
  s.county = optional_string(root, "county", file);
  read_plan_and_rules(s, root, file);
  read_season(s, root, file);
  read_observed(s, root, file);
  read_mode_and_orders(s, root, file);
  read_forecasts_of(s, root, file);
  read_emissions_and_kilns(s, root, file);
  if (root.contains("imposed")) {
    s.imposed_source = require_string(root, "imposed", file);
    const std::string path = join_path(dir, s.imposed_source);
    s.imposed = parse_imposed(read_text_file(path), path, *s.rules);
  }
  return s;
}

}  // namespace aqi
