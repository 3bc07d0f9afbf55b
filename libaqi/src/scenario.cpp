#include "aqi/scenario.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"
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

Scenario load_scenario(const std::string& dir) {
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

}  // namespace aqi
