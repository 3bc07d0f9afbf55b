// The bad-input matrix of docs/errors.md: every row that no other test proves is proved here,
// one TEST per input path (the table of docs/errors.md it belongs to is in its name). The rows of
// one concept are proved beside it (emissions and kilns: tests/cpp/{emissions,kilns}/). Expected
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

// A rule set whose only clause is yellow's second, and empty (a hand-built set: no file gives one).
aqi::RuleSet clause_without_terms() {
  aqi::RuleSet r = aqi::yiyuan_2019();
  r.levels[0].clauses.push_back(aqi::Clause{});
  return r;
}
const char* no_terms = "rule set yiyuan-2019: clause 2 of level 'yellow' has no terms (the first term defines the run)";

}  // namespace

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Observations CSV" (SPEC A4, A7).

TEST(BadInput, ObservationsCsvMalformed) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,1,2\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: expected 2 fields, found 3");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,\"1\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,\"1\"x\n", "o.csv"), aqi::ParseError,
                   "o.csv:2: text after a closing quote");
  EXPECT_THROW_MSG(aqi::parse_observations("", "o.csv"), aqi::ParseError, "o.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h,pm25_24h\n", "o.csv"), aqi::ParseError,
                   "o.csv:1:3: duplicate column 'pm25_24h'");
  EXPECT_THROW_MSG(aqi::parse_observations("day,pm25_24h\n2019-12-01,1\n", "o.csv"), aqi::ParseError,
                   "o.csv:1: missing column 'date'");
  // A header without rows is a table of no days, not an error.
  EXPECT_EQ(aqi::parse_observations("date,pm25_24h\n", "o.csv").size(), 0u);
}

TEST(BadInput, ObservationsCsvWrongTypesAndOrder) {
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,3 ug\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:2: column 'pm25_24h': '3 ug' is not a number");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,inf\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:2: column 'pm25_24h': 'inf' is not a number");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\nDec 1,3\n", "o.csv"), aqi::ParseError,
                   "o.csv:2:1: column 'date': 'Dec 1' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(aqi::parse_observations("date,pm25_24h\n2019-12-01,3\n2019-12-01,4\n", "o.csv"), aqi::ParseError,
                   "o.csv:3:1: column 'date': dates must increase (2019-12-01 after 2019-12-01)");
  EXPECT_THROW_MSG(aqi::read_observations("/nonexistent/o.csv"), aqi::FileNotFound,
                   "/nonexistent/o.csv: no such file or it cannot be read");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Forecasts CSV" (SPEC L1, W9).

TEST(BadInput, ForecastsCsv) {
  const std::string h = "issue_date,valid_date,aqi\n";
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02\n", "f.csv"), aqi::ParseError,
                   "f.csv:2: expected 3 fields, found 2");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,\"2019-12-02,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_forecasts("", "f.csv"), aqi::ParseError, "f.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_forecasts("issue_date,aqi\n2019-12-01,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:1: missing column 'valid_date'");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,high\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': 'high' is not a number");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,12/02/2019,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': '12/02/2019' is not a date (YYYY-MM-DD)");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,-3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': negative AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,inf\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:3: column 'aqi': 'inf' is not a number");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-11-30,3\n", "f.csv"), aqi::ParseError,
                   "f.csv:2:2: column 'valid_date': valid_date 2019-11-30 is before the issue date 2019-12-01");
  EXPECT_THROW_MSG(aqi::parse_forecasts(h + "2019-12-01,2019-12-02,3\n2019-12-01,2019-12-02,4\n", "f.csv"),
                   aqi::ParseError,
                   "f.csv:3:2: column 'valid_date': the forecast of 2019-12-01 for 2019-12-02 is already given on "
                   "line 2");
  EXPECT_THROW_MSG(aqi::read_forecasts("/nonexistent/f.csv"), aqi::FileNotFound,
                   "/nonexistent/f.csv: no such file or it cannot be read");
  // Rows in any order: one forecast per issue day, days in order, a day not given is missing
  // (NaN) — no row is lost.
  const auto f = aqi::parse_forecasts(
      h + "2019-12-02,2019-12-04,5\n2019-12-01,2019-12-02,4\n2019-12-02,2019-12-03,6\n2019-12-01,2019-12-04,7\n",
      "f.csv");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].issue, date(2019, 12, 1));
  EXPECT_EQ(f[0].first_valid, date(2019, 12, 2));
  ASSERT_EQ(f[0].aqi.size(), 3u);
  EXPECT_EQ(f[0].aqi[0], 4);
  EXPECT_TRUE(std::isnan(f[0].aqi[1]));
  EXPECT_EQ(f[0].aqi[2], 7);
  EXPECT_EQ(f[1].aqi, (std::vector<double>{6, 5}));
}

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

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Rule-set TOML" (SPEC W7, L1). Line 7's term: `above` at column 35, `days`'s
// value at 47, the term's `{` at 25, the clause's `{` at 13.

namespace {
const std::string rules_head = "id = \"x\"\ntitle = \"t\"\ndocument = \"d\"\n";
std::string one_level(const std::string& clauses = "[ { terms = [ { above = 200, days = 2 } ] } ]",
                      const std::string& name = "a") {
  return "[[level]]\nname = \"" + name + "\"\nresponse = \"II\"\nclauses = " + clauses + "\n";
}
}  // namespace

TEST(BadInput, RuleSetTomlUnknownKeys) {
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + "colour = 1\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:4:1: unknown key 'colour'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2 } ], anchor = true } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:54: unknown key 'anchor'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, day = 2 } ] } ]"), "r.toml"),
      aqi::ParseError, "r.toml:7:40: unknown key 'day'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level() + "[lift]\nfirst_hours = 36\nat_most = 200\nhours = 1\n", "r.toml"),
      aqi::ParseError, "r.toml:11:1: unknown key 'hours'");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + "[downgrade]\nconsecutive = 2\n", "r.toml"),
                   aqi::ParseError, "r.toml:9:1: unknown key 'consecutive'");
}

TEST(BadInput, RuleSetTomlStructureAndValues) {
  EXPECT_THROW_MSG(aqi::RuleSet::parse("id = \"x\"\ndocument = \"d\"\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:1:1: missing key 'title'");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head, "r.toml"), aqi::ParseError,
                   "r.toml:1:1: a rule set needs at least one [[level]]");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2 } ] } ]", "none"), "r.toml"),
      aqi::ParseError, "r.toml:4:1: 'none' is reserved for no warning");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:8:1: level 'a' appears twice");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level("[]"), "r.toml"), aqi::ParseError,
                   "r.toml:4:1: level 'a' has no clauses");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level("[ { terms = [] } ]"), "r.toml"), aqi::ParseError,
                   "r.toml:7:13: a clause needs at least one term");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, consecutive = false } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:13: the first term defines a run: it must be consecutive");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, at_most = 150 } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:25: 'at_most' must exceed 'above'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, strict = \"yes\" } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:59: 'strict' must be true or false");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = \"200\", days = 2 } ] } ]"), "r.toml"),
      aqi::ParseError, "r.toml:7:35: 'above' must be a number");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + "merge_gap_days = -1\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:4:18: expected a whole number ≥ 0");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + "[lift]\nfirst_hours = 0\nat_most = 200\n", "r.toml"),
                   aqi::ParseError, "r.toml:9:15: expected a whole number ≥ 1");
  EXPECT_THROW_MSG(aqi::RuleSet::load("/nonexistent/r.toml"), aqi::FileNotFound,
                   "/nonexistent/r.toml: no such file or it cannot be read");
}

// Found writing this matrix: a clause without terms (only a rule set built in code can have one)
// made every classification read terms[0] of an empty vector (a segmentation fault).
TEST(BadInput, RuleSetBuiltInCodeWithAnEmptyClause) {
  const aqi::RuleSet r = clause_without_terms();
  const std::vector<double> days{250, 250};
  EXPECT_THROW_MSG(aqi::classify_daily(days, {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::classify_hourly(std::vector<double>(48, 250.0), {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::classify_daily_range(days, days, aqi::RangeBasis::hi, {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::day_levels(days, {}, r), aqi::InvalidArgument, no_terms);
  std::vector<std::int8_t> out(1);
  EXPECT_THROW_MSG(aqi::classify_batch(days, {2}, aqi::SeriesKind::daily, r, out), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::run_season({{date(2019, 12, 1), date(2019, 12, 2), days}}, r), aqi::InvalidArgument, no_terms);
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Measure catalogue TOML" (SPEC R2).

namespace {
const std::string catalogue_head = "document = \"d\"\n";
const std::string department = "[[department]]\nid = \"housing\"\nname_zh = \"县住建局\"\nname_en = \"Housing\"\n";
std::string measure(const std::string& id = "II-dust-1", const std::string& departments = "[\"housing\"]",
                    const std::string& response = "II") {
  return "[[measure]]\nid = \"" + id + "\"\nresponse = \"" + response +
         "\"\nclass = \"mandatory\"\nzh = \"停止土石方作业\"\nen = \"stop earthwork\"\ndepartments = " + departments +
         "\nsource = \"§5.5.2\"\n";
}
}  // namespace

TEST(BadInput, MeasureCatalogueToml) {
  using aqi::MeasureCatalogue;
  const std::string good = catalogue_head + department + measure();  // measure on lines 6–13
  const auto c = MeasureCatalogue::parse(good, "m.toml");
  ASSERT_EQ(c.measures.size(), 1u);
  EXPECT_THROW_MSG(MeasureCatalogue::parse("issuer = \"x\"\n" + good, "m.toml"), aqi::ParseError,
                   "m.toml:1:1: unknown key 'issuer'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + "phone = \"1\"\n" + measure(), "m.toml"),
                   aqi::ParseError, "m.toml:6:1: unknown key 'phone'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(good + "level = \"II\"\n", "m.toml"), aqi::ParseError,
                   "m.toml:14:1: unknown key 'level'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + measure(), "m.toml"), aqi::ParseError,
                   "m.toml:1:1: missing [[department]] entries");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department, "m.toml"), aqi::ParseError,
                   "m.toml:1:1: missing [[measure]] entries");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + department + measure(), "m.toml"),
                   aqi::ParseError, "m.toml:6:1: department 'housing' appears twice");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(good + measure(), "m.toml"), aqi::ParseError,
                   "m.toml:14:1: measure 'II-dust-1' appears twice");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[\"water\"]"), "m.toml"),
                   aqi::ParseError, "m.toml:12:16: measure II-dust-1 names unknown department 'water'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[3]"), "m.toml"),
                   aqi::ParseError, "m.toml:12:16: department ids must be strings");
  EXPECT_THROW_MSG(
      MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[\"housing\"]", "V"), "m.toml"),
      aqi::ParseError, "m.toml:6:1: unknown response level 'V'; expected one of: III, II, I (or IV)");
  std::string no_zh = good;
  no_zh.erase(no_zh.find("\nzh = ") + 1, no_zh.find("\nen = ") - no_zh.find("\nzh = "));
  ASSERT_EQ(no_zh.find("\nzh = "), std::string::npos);
  EXPECT_THROW_MSG(MeasureCatalogue::parse(no_zh, "m.toml"), aqi::ParseError, "m.toml:6:1: missing key 'zh'");
  EXPECT_THROW_MSG(MeasureCatalogue::load("/nonexistent/m.toml"), aqi::FileNotFound,
                   "/nonexistent/m.toml: no such file or it cannot be read");
  // Unknown names in queries.
  EXPECT_THROW_MSG(c.department("water"), aqi::UnknownName,
                   "unknown department 'water'; expected an id, Chinese or English name: housing");
  EXPECT_THROW_MSG(c.tasks("water", ResponseLevel::II), aqi::UnknownName,
                   "unknown department 'water'; expected an id, Chinese or English name: housing");
  EXPECT_THROW_MSG(aqi::builtin_measure_catalogue("responses/x.toml"), aqi::UnknownName,
                   "no built-in measure catalogue 'responses/x.toml'; built in: responses/yiyuan-2019.toml");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Deadline rules TOML" (SPEC D1–D3).

namespace {
// 30 lines: [daily_report] on 5 (time on 7), [response_summary] on 13 (working_days on 15),
// [[yearly]] on 21 (kind 23, month 24, day 25).
std::string deadline_rules_text(int line, const std::string& replacement) {
  std::vector<std::string> lines{"id = \"t\"",
                                 "document = \"d\"",
                                 "submit_to_zh = \"z\"",
                                 "submit_to_en = \"e\"",
                                 "[daily_report]",
                                 "rule = \"D1\"",
                                 "time = 15:00:00",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\"",
                                 "[response_summary]",
                                 "rule = \"D2\"",
                                 "working_days = 3",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\"",
                                 "[[yearly]]",
                                 "rule = \"D3\"",
                                 "kind = \"plan_assessment\"",
                                 "month = 5",
                                 "day = 31",
                                 "what_zh = \"a\"",
                                 "what_en = \"b\"",
                                 "who_zh = \"c\"",
                                 "who_en = \"d\"",
                                 "quote_zh = \"q\""};
  if (line > 0) lines[static_cast<std::size_t>(line - 1)] = replacement;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}
}  // namespace

TEST(BadInput, DeadlineRulesToml) {
  using aqi::DeadlineRules;
  EXPECT_EQ(DeadlineRules::parse(deadline_rules_text(0, ""), "d.toml").summary_working_days, 3);
  EXPECT_THROW_MSG(DeadlineRules::parse("phone = 1\n" + deadline_rules_text(0, ""), "d.toml"), aqi::ParseError,
                   "d.toml:1:1: unknown key 'phone'");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(8, "hour = 15"), "d.toml"), aqi::ParseError,
                   "d.toml:8:1: unknown key 'hour'");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(7, "time = \"15:00\""), "d.toml"), aqi::ParseError,
                   "d.toml:7:8: 'time' must be a time of day (e.g. 15:00:00)");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(15, "working_days = 0"), "d.toml"), aqi::ParseError,
                   "d.toml:15:16: 'working_days' must be a whole number from 1 to 366");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(23, "kind = \"assessment\""), "d.toml"), aqi::ParseError,
                   "d.toml:23:8: unknown yearly deadline kind 'assessment'; expected plan_assessment or list_revision");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(24, "month = 13"), "d.toml"), aqi::ParseError,
                   "d.toml:24:9: 'month' must be 1 to 12");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(24, "month = 4"), "d.toml"), aqi::ParseError,
                   "d.toml:25:7: 'day' is not a day of month 4");
  EXPECT_THROW_MSG(DeadlineRules::parse(deadline_rules_text(6, "rule = 1"), "d.toml"), aqi::ParseError,
                   "d.toml:6:8: 'rule' must be a string");
  EXPECT_THROW_MSG(DeadlineRules::load("/nonexistent/d.toml"), aqi::FileNotFound,
                   "/nonexistent/d.toml: no such file or it cannot be read");
}

// Found writing this matrix: rules built in code skip the file's checks, and a month 13 escaped
// deadline_calendar as Boost's std::out_of_range.
TEST(BadInput, DeadlineRulesBuiltInCode) {
  aqi::DeadlineRules r = aqi::deadline_rules();
  r.yearly[0].month = 13;
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, {}, {}, aqi::builtin_holiday_calendar(), r), aqi::InvalidArgument,
                   "deadline rules yiyuan-2019: yearly[0] (D3) month 13, day 31 is not a day of the year");
  r = aqi::deadline_rules();
  r.summary_working_days = 0;
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, {}, {}, aqi::builtin_holiday_calendar(), r), aqi::InvalidArgument,
                   "deadline rules yiyuan-2019: summary_working_days must be at least 1 (got 0)");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Holiday files" (SPEC D2).

namespace {
// days_off's `[` is at 12:12, declared_days's value at 13:17, the [[holiday]] header on line 9.
std::string holiday_text(const std::string& days_off = "[2030-01-01]", int declared = 1, int total = 1,
                         const std::string& extra = "") {
  return "year = 2030\nnotice = \"n\"\nnotice_number = \"x\"\nnotice_date = 2029-11-01\nrevisions = []\n"
         "sources = []\ntotal_days_off = " +
         std::to_string(total) +
         "\n\n[[holiday]]\nname_zh = \"元旦\"\nname_en = \"New Year's Day\"\ndays_off = " + days_off +
         "\ndeclared_days = " + std::to_string(declared) + "\nmakeup_workdays = []\nnote = \"\"\n" + extra;
}
}  // namespace

TEST(BadInput, HolidayFiles) {
  using aqi::HolidayYear;
  EXPECT_EQ(HolidayYear::parse(holiday_text(), "t.toml").holidays.size(), 1u);
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01]", 2), "t.toml"), aqi::ParseError,
                   "t.toml:13:17: 元旦: 'declared_days' must equal the number of days off (1)");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01, 2030-01-03]", 2, 2), "t.toml"), aqi::ParseError,
                   "t.toml:12:12: 元旦: days off must be consecutive and sorted (2030-01-01, then 2030-01-03)");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[]", 0, 0), "t.toml"), aqi::ParseError,
                   "t.toml:9:1: 元旦: a holiday needs at least one day off");
  EXPECT_THROW_MSG(HolidayYear::parse(holiday_text("[2030-01-01]", 1, 1, "region = \"x\"\n"), "t.toml"),
                   aqi::ParseError, "t.toml:16:1: unknown key 'region'");
  std::string old_year = holiday_text();
  old_year.replace(0, 11, "year = 1800");
  EXPECT_THROW_MSG(HolidayYear::parse(old_year, "t.toml"), aqi::ParseError,
                   "t.toml:1:8: 'year' must be a year (e.g. 2020)");
  std::string text_date = holiday_text();
  text_date.replace(text_date.find("2029-11-01"), 10, "\"2029-11-01\"");
  EXPECT_THROW_MSG(HolidayYear::parse(text_date, "t.toml"), aqi::ParseError,
                   "t.toml:4:15: expected a date (YYYY-MM-DD)");
  std::string ancient = holiday_text();
  ancient.replace(ancient.find("2029-11-01"), 10, "0001-01-01");
  EXPECT_THROW_MSG(HolidayYear::parse(ancient, "t.toml"), aqi::ParseError,
                   "t.toml:4:15: 0001-01-01 is before 1400-01-01, the earliest date libaqi handles");
  EXPECT_THROW_MSG(HolidayYear::load("/nonexistent/2030.toml"), aqi::FileNotFound,
                   "/nonexistent/2030.toml: no such file or it cannot be read");
  // Two notices giving the same date (2031's may list the end of December 2030).
  std::string y2031 = holiday_text("[2030-12-31]");
  y2031.replace(0, 11, "year = 2031");
  std::vector<HolidayYear> years{HolidayYear::parse(holiday_text("[2030-12-31]"), "a.toml"),
                                 HolidayYear::parse(y2031, "b.toml")};
  EXPECT_THROW_MSG(aqi::HolidayCalendar{years}, aqi::InvalidArgument,
                   "holiday calendar: 2030-12-31 is in the notices for 2030 and 2031");
  EXPECT_THROW_MSG(aqi::builtin_holiday_calendar().working_days_after(date(2019, 12, 2), 0), aqi::InvalidArgument,
                   "working_days_after: n must be at least 1 (got 0)");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "AQI edition files" (SPEC A1, A7).

namespace {
// iaqi's `[` at 4:8, daily_indicators's first element at 5:21, breakpoints's `[` at 8:15.
const std::string edition_head =
    "id = \"x\"\ntitle = \"t\"\nin_force_from = 2030-01-01\niaqi = [0, 50, 100]\n"
    "daily_indicators = [\"pm25_24h\"]\nhourly_indicators = [\"pm25_24h\"]\n";
std::string edition_text(const std::string& breakpoints = "[0, 35, 75]", const std::string& extra = "") {
  return edition_head + "[indicator.pm25_24h]\nbreakpoints = " + breakpoints + "\n" + extra;
}
std::string with_line(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}
}  // namespace

TEST(BadInput, EditionFiles) {
  using aqi::Edition;
  EXPECT_EQ(aqi::iaqi(Edition::parse(edition_text(), "e.toml"), Indicator::pm25_24h, 75.0), 100);
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [10, 50, 100]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:8: 'iaqi' must list 2 to 8 levels starting at 0");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [0, 50, 50]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:8: 'iaqi' levels must increase");
  // Found writing this matrix: infinite levels and breakpoints were accepted; [0, 35, inf] rated
  // PM2.5 1e300 as IAQI 0 (inf − inf in the ramp).
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "iaqi = [0, 50, 100]", "iaqi = [0, 50, inf]"), "e.toml"),
                   aqi::ParseError, "e.toml:4:16: an IAQI level must be a finite number");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, inf]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:23: a breakpoint must be a finite number");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[5, 35, 75]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:15: breakpoints must start at 0");
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, 75, 100]"), "e.toml"), aqi::ParseError,
                   "e.toml:8:15: breakpoints must have 2 to 3 values");
  // …and a negative IAQI above the top breakpoint.
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, 75]", "above_top = {value = -5}\n"), "e.toml"), aqi::ParseError,
                   "e.toml:9:22: 'value' must be a finite IAQI ≥ 0, got -5");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "daily_indicators = [\"pm25_24h\"]",
                                            "daily_indicators = [\"pm10_24h\"]"),
                                  "e.toml"),
                   aqi::ParseError, "e.toml:5:21: pm10_24h is listed but has no breakpoints");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "in_force_from = 2030-01-01\n", ""), "e.toml"),
                   aqi::ParseError, "e.toml:1:1: missing key 'in_force_from'");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Numeric entry points" (SPEC A4, A5, W2, W9, L1–L6, D).

TEST(BadInput, NumericAqiEntryPoints) {
  const auto& e = aqi::hj633_2026();
  std::vector<double> three{1, 2, 3}, two(2);
  EXPECT_THROW_MSG(aqi::iaqi(e, Indicator::pm25_24h, three, aqi::span<double>(two)), aqi::InvalidArgument,
                   "iaqi: output has 2 elements, input has 3");
  EXPECT_TRUE(std::isnan(aqi::iaqi(e, Indicator::pm25_24h, not_a_number)));  // NaN is missing, not an error (A4)
  EXPECT_THROW_MSG(aqi::parse_indicator("pm25"), aqi::UnknownName,
                   "unknown indicator key 'pm25'; expected one of: so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, "
                   "pm10_1h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h, pm25_1h");
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, three}};
  double a[2];
  std::uint8_t mask[1], beyond[1];
  std::int8_t category[1];
  EXPECT_THROW_MSG(
      aqi::air_quality_index(e, cols, Period::daily, aqi::AqiColumns{{a, 2}, {mask, 1}, {category, 1}, {beyond, 1}}),
      aqi::InvalidArgument, "air_quality_index: output columns differ in length");
  const std::vector<date> dates{date(2019, 12, 1), date(2019, 12, 2)};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily), aqi::InvalidArgument,
                   "column pm25_24h has 3 values for 2 dates");
  EXPECT_THROW_MSG(aqi::moving_mean(three, aqi::span<double>(two)), aqi::InvalidArgument,
                   "moving_mean: output has 2 elements, input has 3");
}

TEST(BadInput, NumericWarningEntryPoints) {
  const std::vector<double> two{100, 100}, one{100};
  EXPECT_THROW_MSG(aqi::classify_daily_range(two, one), aqi::InvalidArgument, "lo has 2 days, hi has 1");
  EXPECT_THROW_MSG(aqi::classify_daily_range(one, std::vector<double>{inf}), aqi::InvalidValue,
                   "hi[0]: infinite AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::day_levels(std::vector<double>{100, -2}), aqi::InvalidValue,
                   "values[1]: negative AQI -2 (SPEC W9)");
  const std::vector<std::uint8_t> dust{0};
  EXPECT_THROW_MSG(aqi::day_levels(two, dust), aqi::InvalidArgument, "dust has 1 flags for 2 values");
  EXPECT_THROW_MSG(aqi::classify_hourly(two, dust), aqi::InvalidArgument, "dust has 1 flags for 2 values");
  std::vector<std::int8_t> out(3);
  const std::vector<double> sixty(60, 100.0);
  EXPECT_THROW_MSG(aqi::classify_batch(sixty, {}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidArgument, "classify_batch: values need at least one axis (time)");
  EXPECT_THROW_MSG(aqi::classify_batch(sixty, {2, 30}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidArgument, "classify_batch: 2 series but 3 outputs");
  // Empty series are an answer (W9): no warning.
  std::vector<std::int8_t> two_out{7, 7};
  aqi::classify_batch(std::vector<double>{}, {2, 0}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), two_out);
  EXPECT_EQ(two_out, (std::vector<std::int8_t>{0, 0}));
  EXPECT_EQ(aqi::day_levels(std::vector<double>{}).size(), 0u);
}

TEST(BadInput, NumericSeasonEntryPoints) {
  const auto& y = aqi::yiyuan_2019();
  const date d(2019, 12, 1);
  const std::vector<aqi::DailyForecast> f{{d, d + boost::gregorian::days(1), {250, 250}}};
  aqi::SeasonOptions o;
  o.issue_hour = 24;
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument, "issue_hour must be 0–23, got 24");
  EXPECT_THROW_MSG(aqi::run_season({{d, d + boost::gregorian::days(1), {inf}}}, y), aqi::InvalidValue,
                   "aqi[0]: forecast of 2019-12-01 for 2019-12-02: infinite AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::run_season({{d + boost::gregorian::days(1), d, {100}}}, y), aqi::InvalidArgument,
                   "forecast of 2019-12-02 starts before its issue day, on 2019-12-01");
  EXPECT_THROW_MSG(aqi::run_season({{date(), d, {100}}}, y), aqi::InvalidArgument,
                   "forecasts[0]: the issue or first valid date is not a date");
  o = {};
  o.imposed = {{ptime(), aqi::EventType::issue, 1}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument, "imposed ISSUE: the time is not a date and time");
  o.imposed = {{ptime(d, hours(10)), aqi::EventType::issue, 4}};
  EXPECT_THROW_MSG(aqi::run_season(f, y, o), aqi::InvalidArgument,
                   "imposed ISSUE at 2019-12-01 10:00: level 4 is not valid for it in rule set yiyuan-2019");
  // Found writing this matrix: observations without their first date were silently ignored (no
  // verification at all).
  EXPECT_THROW_MSG(aqi::run_season(f, y, {}, std::vector<double>{100, 100}), aqi::InvalidArgument,
                   "run_season: observed values are given without the date of the first (observed_first)");
  EXPECT_THROW_MSG(aqi::run_season(f, y, {}, std::vector<double>{100, -1}, d), aqi::InvalidValue,
                   "values[1]: negative AQI -1 (SPEC W9)");
  EXPECT_THROW_MSG(aqi::perfect_forecasts(std::vector<double>{100, 100}, d, 0), aqi::InvalidArgument,
                   "horizon must be at least 1 day, got 0");
  EXPECT_THROW_MSG(aqi::parse_event_type("issue"), aqi::UnknownName,
                   "unknown event 'issue'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
}

TEST(BadInput, NumericDeadlineEntryPoints) {
  EXPECT_THROW_MSG(aqi::deadline_calendar(1800, {}), aqi::InvalidArgument,
                   "season must be a year, e.g. 2019 (got 1800)");
  const std::vector<aqi::ResponsePeriod> late{{ptime(date(2020, 5, 1), hours(0)), ptime(), ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, late), aqi::InvalidValue,
                   "response_periods[0]: still in force, but starts (2020-05-01 00:00) after the end of the data "
                   "(2020-04-01 00:00); pass the data's end");
  const std::vector<aqi::ResponsePeriod> endless{
      {ptime(date(2019, 12, 1), hours(0)), ptime(boost::posix_time::pos_infin), ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, endless), aqi::InvalidValue,
                   "response_periods[0]: the end is not a date and time");
}
