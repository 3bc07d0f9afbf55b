// The bad-input matrix of docs/errors.md: every row that no other test proves is proved here,
// one TEST per input path (the table of docs/errors.md it belongs to is in its name). The rows of
// one concept are proved beside it (tests/cpp/<domain>/<concept>_test.cpp). Expected
// messages — file:line:column included — are derived by hand from the inputs written here.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "aqi/aqi.hpp"
#include "test_support.hpp"

using aqi::Indicator;
using aqi::Period;
using aqi::ResponseLevel;
using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::ptime;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
const double not_a_number = std::numeric_limits<double>::quiet_NaN();

// The scenario directories of this run, removed when the program ends.
struct ScenarioDirs {
  std::vector<std::string> made;
  ~ScenarioDirs() {
    std::error_code ignored;
    for (const auto& d : made) std::filesystem::remove_all(d, ignored);
  }
};

// A fresh directory holding scenario.toml and the files it names; returns its path.
std::string scenario_dir(const std::string& toml, const std::map<std::string, std::string>& files = {}) {
  static ScenarioDirs dirs;
  const std::string dir =
      ::testing::TempDir() + "aqi_bad_input_" + std::to_string(::getpid()) + "_" + std::to_string(dirs.made.size());
  dirs.made.push_back(dir);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (!toml.empty()) std::ofstream(dir + "/scenario.toml") << toml;
  for (const auto& [name, text] : files) std::ofstream(dir + "/" + name) << text;
  return dir;
}

// Three days of PM2.5 in December 2019 (HJ 633-2012 rates them).
const std::string observations_csv = "date,pm25_24h\n2019-12-01,300\n2019-12-02,300\n2019-12-03,300\n";

// Lines 1–5 of a valid scenario.toml; line 3's start date is at column 20, its end date at 38.
const std::string scenario_head =
    "name = \"t\"\n"
    "rules = \"yiyuan-2019\"\n"
    "season = { start = 2019-12-01, end = 2019-12-03 }\n"
    "observations = \"o.csv\"\n";
const std::string perfect = "forecasts = \"perfect\"\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Imposed CSV" (SPEC L6).

TEST(BadInput, ImposedCsv) {
  const auto& rules = aqi::yiyuan_2019();
  const std::string h = "time,event,level\n";
  auto parse = [&](const std::string& text) { return aqi::parse_imposed(text, "i.csv", rules); };
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:00,ISSUE\n"), aqi::ParseError, "i.csv:2: expected 3 fields, found 2");
  EXPECT_THROW_MSG(parse(""), aqi::ParseError, "i.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(parse("time,level\n2019-12-01 10:00,red\n"), aqi::ParseError, "i.csv:1: missing column 'event'");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 25:00,ISSUE,red\n"), aqi::ParseError,
                   "i.csv:2:1: column 'time': '2019-12-01 25:00' is not a time (YYYY-MM-DD HH:MM)");
  // Found writing this matrix: "-1:00" was read as 23:00 of the day before, "10:-5" as 09:55.
  EXPECT_THROW_MSG(parse(h + "2019-12-01 -1:00,ISSUE,red\n"), aqi::ParseError,
                   "i.csv:2:1: column 'time': '2019-12-01 -1:00' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:-5,ISSUE,red\n"), aqi::ParseError,
                   "i.csv:2:1: column 'time': '2019-12-01 10:-5' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10h,ISSUE,red\n"), aqi::ParseError,
                   "i.csv:2:1: column 'time': '2019-12-01 10h' is not a time (YYYY-MM-DD HH:MM)");
  EXPECT_THROW_MSG(parse(h + "1 Dec 2019,ISSUE,red\n"), aqi::ParseError,
                   "i.csv:2:1: column 'time': '1 Dec 2019' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:00,issue,red\n"), aqi::ParseError,
                   "i.csv:2:2: column 'event': unknown event 'issue'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:00,ISSUE,purple\n"), aqi::ParseError,
                   "i.csv:2:3: column 'level': unknown warning level 'purple' in rule set yiyuan-2019; expected one "
                   "of: none, yellow, orange, red");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:00,LIFT,red\n"), aqi::ParseError,
                   "i.csv:2:3: column 'level': a LIFT takes level none");
  EXPECT_THROW_MSG(parse(h + "2019-12-01 10:00,ISSUE,none\n"), aqi::ParseError,
                   "i.csv:2:3: column 'level': this event needs a warning level");
  EXPECT_THROW_MSG(parse(h + "2019-12-02 10:00,ISSUE,red\n2019-12-01 10:00,LIFT,none\n"), aqi::ParseError,
                   "i.csv:3:1: column 'time': events must be in time order");
  // What is accepted: a date alone is 00:00, a 'T' may separate date and time, the Chinese name.
  const auto ok = parse(h + "2019-12-01,ISSUE,黄色\n2019-12-01T10:30,UPGRADE,red\n");
  ASSERT_EQ(ok.size(), 2u);
  EXPECT_EQ(ok[0].time, ptime(date(2019, 12, 1), hours(0)));
  EXPECT_EQ(ok[0].level, 1);
  EXPECT_EQ(ok[1].time, ptime(date(2019, 12, 1), hours(10) + boost::posix_time::minutes(30)));
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "scenario.toml" (load_scenario; SPEC L1–L6, R5).

TEST(BadInput, ScenarioTomlUnknownKeysAndSyntax) {
  std::string d = scenario_dir("name = \n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:1:8: Error while parsing key-value pair: expected value, saw '\\n'");
  d = scenario_dir(scenario_head + "forecast = \"perfect\"\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:5:1: unknown key 'forecast'");
  // Found writing this matrix: keys inside `season = { … }` were not checked, so an issue_hour
  // written there was silently ignored.
  d = scenario_dir(
      "name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 2019-12-01, end = 2019-12-03, issue_hour = 10 }\n"
      "observations = \"o.csv\"\n" +
          perfect,
      {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:3:50: unknown key 'issue_hour'");
  d = scenario_dir(scenario_head + perfect + "[emissions]\ndust = 0.1\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:7:1: unknown key 'dust'");
}

TEST(BadInput, ScenarioTomlMissingPartsAndWrongTypes) {
  std::string d = scenario_dir(scenario_head, {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:1:1: missing key 'forecasts'");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nobservations = \"o.csv\"\n" + perfect);
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:1:1: missing key 'season'");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 2019-12-01, end = 2019-12-03 }\n" +
                   perfect);
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:1:1: missing key 'observations'");
  d = scenario_dir("name = 5\nrules = \"yiyuan-2019\"\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:1:8: 'name' must be a string");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = \"2019-12-01\", end = 2019-12-03 }\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:3:20: expected a date (YYYY-MM-DD)");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 2019-12-03, end = 2019-12-01 }\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:3:10: the season ends before it starts");
  // 1900-01-01 … 2000-01-02 is 36,525 days apart.
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 1900-01-01, end = 2000-01-02 }\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:3:10: the season is longer than 100 years");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan\"\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:2:9: unknown rule set 'yiyuan'; expected one of: yiyuan-2019, mee-2017, "
                       "beijing-2013 (or load a file with RuleSet::load)");
  d = scenario_dir(scenario_head + perfect + "issue_hour = 16.5\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:6:14: issue_hour must be 0–23");
  d = scenario_dir(scenario_head + perfect + "issue_hour = 24\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:6:14: issue_hour must be 0–23");
  d = scenario_dir(scenario_head + perfect + "horizon = 31\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:6:11: horizon must be 1–30 days");
  // Found writing this matrix: a horizon beside a forecasts file was silently ignored.
  d = scenario_dir(scenario_head + "forecasts = \"f.csv\"\nhorizon = 3\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:6:11: 'horizon' applies to forecasts = \"perfect\" only; these forecasts are "
                       "read from f.csv");
  d = scenario_dir(scenario_head + perfect + "[emissions]\ndust_cap = \"15%\"\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:7:12: 'dust_cap' must be a number");
  d = scenario_dir(scenario_head + perfect + "[emissions]\ndust_cap = 1.5\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:7:12: dust_cap must be 0–1 (SPEC R5)");
}

// Issue 16, SPEC L4: observations of another season (2015 for a season of 2019) would verify
// nothing — the engine printed an all-zero verification and exited 0. Refused at loading, naming
// the season and the observations' dates; one day in common is enough.
TEST(BadInput, ScenarioObservationsOutsideTheSeason) {
  const std::string old_obs = "date,pm25_24h\n2015-10-01,300\n2015-10-02,300\n";
  std::string d = scenario_dir(scenario_head + perfect, {{"o.csv", old_obs}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:3:10: the observations (" + d +
                       "/o.csv: 2015-10-01 … 2015-10-02) do not overlap the season 2019-12-01 … 2019-12-03: nothing "
                       "to verify (SPEC L4); give observations of the season's days or correct the season");
  d = scenario_dir(scenario_head + perfect, {{"o.csv", "date,pm25_24h\n2019-11-30,300\n2019-12-01,300\n"}});
  EXPECT_EQ(aqi::load_scenario(d).observed_aqi.size(), 3u);
}

TEST(BadInput, ScenarioMissingFiles) {
  std::string d = scenario_dir("");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::FileNotFound, d + "/scenario.toml: no such file or it cannot be read");
  d = scenario_dir(scenario_head + perfect);
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::FileNotFound, d + "/o.csv: no such file or it cannot be read");
  for (const std::string& key : std::vector<std::string>{"forecasts", "imposed", "kilns", "inventory"}) {
    const std::string text = key == "forecasts" ? scenario_head + "forecasts = \"x.csv\"\n"
                                                : scenario_head + perfect + key + " = \"x.csv\"\n";
    d = scenario_dir(text, {{"o.csv", observations_csv}});
    EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::FileNotFound, d + "/x.csv: no such file or it cannot be read");
  }
  d = scenario_dir("name = \"t\"\nrules = \"own.toml\"\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::FileNotFound, d + "/own.toml: no such file or it cannot be read");
}

TEST(BadInput, ScenarioFilesReportTheirOwnPaths) {
  std::string d =
      scenario_dir(scenario_head + perfect + "imposed = \"i.csv\"\n",
                   {{"o.csv", observations_csv}, {"i.csv", "time,event,level\n2019-12-01 10:00,ISSUE,purple\n"}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/i.csv:2:3: column 'level': unknown warning level 'purple' in rule set yiyuan-2019; expected "
                       "one of: none, yellow, orange, red");
  d = scenario_dir("name = \"t\"\nrules = \"own.toml\"\n", {{"own.toml", "id = \"own\"\n"}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/own.toml:1:1: missing key 'title'");
  // Found writing this matrix: a column the date's edition does not rate reached the caller as
  // "pm25_1h is not rated by hj633-2012", without the file.
  d = scenario_dir(scenario_head + perfect, {{"o.csv", "date,pm25_1h\n2019-12-01,3\n"}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/o.csv:1: pm25_1h is not rated by hj633-2012 (each date is rated by the edition in force, "
                       "SPEC A7)");
  d = scenario_dir(scenario_head + perfect, {{"o.csv", "date,so2_1h\n2019-12-01,3\n"}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/o.csv:1: no indicator of the daily AQI under hj633-2012 among the columns; expected some "
                       "of: so2_24h, no2_24h, pm10_24h, co_24h, o3_1h, o3_8h, pm25_24h");
  // A forecasts file with a header only loads, and the season run says what is missing.
  d = scenario_dir(scenario_head + "forecasts = \"f.csv\"\n",
                   {{"o.csv", observations_csv}, {"f.csv", "issue_date,valid_date,aqi\n"}});
  const aqi::Scenario s = aqi::load_scenario(d);
  EXPECT_THROW_MSG(aqi::run_scenario(s), aqi::InvalidArgument, "run_season: no forecasts");
}

// SPEC L7, L8 (issue 13): scenario.toml's `mode` and `orders`. Relay is the default with orders;
// relay without orders, an unknown mode and a bad order are refused, named by file, line, column.
TEST(BadInput, ScenarioTomlModeAndOrders) {
  const std::string orders = "issued,event,level\n2019-12-01 10:00,ISSUE,黄色\n2019-12-02 10:00,LIFT,\n";
  std::string d =
      scenario_dir(scenario_head + perfect + "orders = \"x.csv\"\n", {{"o.csv", observations_csv}, {"x.csv", orders}});
  auto s = aqi::load_scenario(d);
  EXPECT_EQ(s.mode, aqi::SeasonMode::relay);
  ASSERT_EQ(s.orders.size(), 2u);
  aqi::choose_mode(s, aqi::SeasonMode::forecast);
  EXPECT_EQ(s.mode, aqi::SeasonMode::forecast);
  d = scenario_dir(scenario_head + perfect + "mode = \"relay\"\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:6:8: mode = \"relay\" relays the superior command's orders: name their file "
                       "with orders = \"…\"");
  d = scenario_dir(scenario_head + perfect + "mode = \"auto\"\n", {{"o.csv", observations_csv}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:6:8: mode must be 'relay' or 'forecast', got 'auto'");
  d = scenario_dir(scenario_head + perfect, {{"o.csv", observations_csv}});
  s = aqi::load_scenario(d);
  EXPECT_EQ(s.mode, aqi::SeasonMode::forecast);
  EXPECT_THROW_MSG(aqi::choose_mode(s, aqi::SeasonMode::relay), aqi::InvalidArgument,
                   "scenario " + d + " has no orders to relay (orders = \"…\" in scenario.toml)");
  d = scenario_dir(scenario_head + perfect + "orders = \"x.csv\"\n",
                   {{"o.csv", observations_csv}, {"x.csv", "issued,event,level\n2019-12-01 10:00,LIFT,\n"}});
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/x.csv:2:2: column 'event': a LIFT with no warning in force");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Numeric entry points" (SPEC A4, A5, W2, W9, L1–L6, E, K, D).
