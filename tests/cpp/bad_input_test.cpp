// The bad-input matrix of docs/errors.md: every row that no other test proves is proved here,
// one TEST per input path (the table of docs/errors.md it belongs to is in its name). Expected
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
  const std::string dir = ::testing::TempDir() + "aqi_bad_input_" + std::to_string(::getpid()) + "_" +
                          std::to_string(dirs.made.size());
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

const std::string inventory_header =
    "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n";
const std::string inventory_row = "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n";

aqi::Inventory one_source() { return aqi::parse_inventory(inventory_header + inventory_row, "inv.csv"); }

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
// docs/errors.md, "Inventory CSV" (SPEC E1, E6).

TEST(BadInput, InventoryCsv) {
  EXPECT_THROW_MSG(aqi::parse_inventory("", "inv.csv"), aqi::ParseError, "inv.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_inventory(inventory_header + "E1,\"n,enterprise,other,,1,1,1,1,1,,,0,1\n", "inv.csv"),
                   aqi::ParseError, "inv.csv:2: unterminated quoted field");
  // Found writing this matrix: capacities summing to infinity made every line's share 0, so the
  // lines' cut counted for nothing (SPEC E6).
  EXPECT_THROW_MSG(aqi::parse_inventory(inventory_header.substr(0, inventory_header.size() - 1) +
                                            ",line_capacity\nE1,n,enterprise,plastic_products,,2,1,1,1,1,,,0,1,"
                                            "1e308;1e308\n",
                                        "inv.csv"),
                   aqi::ParseError,
                   "inv.csv:2:15: column 'line_capacity': line capacities sum to more than a double can hold; write "
                   "them in a larger unit");
  // A header without rows is an inventory of no sources.
  EXPECT_EQ(aqi::parse_inventory(inventory_header, "inv.csv").size(), 0u);
}

// Hand-built inventories (C++ only): what parse_inventory guarantees is checked by every call.
TEST(BadInput, InventoryBuiltInCodeBreaksItsInvariants) {
  auto inv = one_source();
  inv.name.pop_back();
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidArgument,
                   "inventory inv.csv: columns differ in length");
  // Found writing this matrix: 3 lines with 1 share read two shares past the vector's end.
  inv = one_source();
  inv.lines[0] = 3;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidValue,
                   "lines[0]: source 'E1' of inventory inv.csv has 3 lines and 1 line share (one per line, at least "
                   "one line)");
  inv = one_source();
  inv.emissions(0, 1) = -1;
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::II), aqi::InvalidValue,
                   "nox[0]: source 'E1' of inventory inv.csv: emission -1 t/day is not a finite number ≥ 0");
  inv = one_source();
  inv.emissions(0, 2) = inf;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidValue,
                   "pm[0]: source 'E1' of inventory inv.csv: emission inf t/day is not a finite number ≥ 0");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Kilns CSV" (SPEC K1–K5).

TEST(BadInput, KilnsCsv) {
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1\n", "k.csv"), aqi::ParseError,
                   "k.csv:2: expected 3 fields, found 2");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\n\"K1,1,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2: unterminated quoted field");
  EXPECT_THROW_MSG(aqi::parse_kilns("", "k.csv"), aqi::ParseError, "k.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,one,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': 'one' is not a whole number");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1001,3\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:2: column 'lines': more than 1000 lines (got 1001)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,x\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': 'x' is not a number");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity\nK1,1,inf\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:3: column 'capacity': 'inf' is not a number");
  EXPECT_EQ(aqi::parse_kilns("id,lines,capacity\n", "k.csv").size(), 0u);
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
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError,
                   d + "/scenario.toml:3:20: expected a date (YYYY-MM-DD)");
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 2019-12-03, end = 2019-12-01 }\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:3:10: the season ends before it starts");
  // 1900-01-01 … 2000-01-02 is 36,525 days apart.
  d = scenario_dir("name = \"t\"\nrules = \"yiyuan-2019\"\nseason = { start = 1900-01-01, end = 2000-01-02 }\n");
  EXPECT_THROW_MSG(aqi::load_scenario(d), aqi::ParseError, d + "/scenario.toml:3:10: the season is longer than 100 years");
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
  std::string d = scenario_dir(scenario_head + perfect + "imposed = \"i.csv\"\n",
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
// docs/errors.md, "Deadline rules TOML" (SPEC D1–D3).

namespace {
// 30 lines: [daily_report] on 5 (time on 7), [response_summary] on 13 (working_days on 15),
// [[yearly]] on 21 (kind 23, month 24, day 25).
std::string deadline_rules_text(int line, const std::string& replacement) {
  std::vector<std::string> lines{
      "id = \"t\"",           "document = \"d\"",   "submit_to_zh = \"z\"", "submit_to_en = \"e\"",
      "[daily_report]",       "rule = \"D1\"",      "time = 15:00:00",      "what_zh = \"a\"",
      "what_en = \"b\"",      "who_zh = \"c\"",     "who_en = \"d\"",       "quote_zh = \"q\"",
      "[response_summary]",   "rule = \"D2\"",      "working_days = 3",     "what_zh = \"a\"",
      "what_en = \"b\"",      "who_zh = \"c\"",     "who_en = \"d\"",       "quote_zh = \"q\"",
      "[[yearly]]",           "rule = \"D3\"",      "kind = \"plan_assessment\"", "month = 5",
      "day = 31",             "what_zh = \"a\"",    "what_en = \"b\"",      "who_zh = \"c\"",
      "who_en = \"d\"",       "quote_zh = \"q\""};
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
// docs/errors.md, "Kiln rules TOML" (SPEC K1–K5).

namespace {
// 12 lines; month_weights's `[` is at 8:17, the [[batch]] header on line 9.
std::string kiln_rules_text(int line, const std::string& replacement) {
  std::vector<std::string> lines{"id = \"t\"",
                                 "document = \"d\"",
                                 "season_first_month = 10",
                                 "season_months = 6",
                                 "january_extension_days = 7",
                                 "multi_line_stop_share = 0.5",
                                 "required_months = [11]",
                                 "month_weights = [0, 1, 1, 1, 1, 0]",
                                 "[[batch]]",
                                 "name = \"B1\"",
                                 "first_month = 10",
                                 "months = 3"};
  if (line > 0) lines[static_cast<std::size_t>(line - 1)] = replacement;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}
}  // namespace

TEST(BadInput, KilnRulesToml) {
  using aqi::KilnRules;
  EXPECT_EQ(KilnRules::parse(kiln_rules_text(0, ""), "k.toml").batches.size(), 1u);
  EXPECT_THROW_MSG(KilnRules::parse("year = 2019\n" + kiln_rules_text(0, ""), "k.toml"), aqi::ParseError,
                   "k.toml:1:1: unknown key 'year'");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(0, "") + "days = 90\n", "k.toml"), aqi::ParseError,
                   "k.toml:13:1: unknown key 'days'");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(4, "season_months = 13"), "k.toml"), aqi::ParseError,
                   "k.toml:4:17: 'season_months' must be a whole number from 1 to 12");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(5, "january_extension_days = 93"), "k.toml"), aqi::ParseError,
                   "k.toml:5:26: 'january_extension_days' must be a whole number from 0 to 92");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(6, "multi_line_stop_share = 0"), "k.toml"), aqi::ParseError,
                   "k.toml:6:25: 'multi_line_stop_share' must be in (0, 1]");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(7, "required_months = [4]"), "k.toml"), aqi::ParseError,
                   "k.toml:7:20: required months must be calendar months of the season");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [1, 1]"), "k.toml"), aqi::ParseError,
                   "k.toml:8:17: 'month_weights' needs one weight per season month (6)");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 0, 0, 0, 0, 0]"), "k.toml"),
                   aqi::ParseError, "k.toml:8:17: at least one month weight must be positive");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 1, -1, 1, 1, 0]"), "k.toml"),
                   aqi::ParseError, "k.toml:8:17: month weights must be finite and ≥ 0");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 1e7, 1, 1, 1, 0]"), "k.toml"),
                   aqi::ParseError,
                   "k.toml:8:17: positive month weights must lie within a factor of 10^6 of each other (got 1 and "
                   "1e+07); weights are relative: give 0 to a month that does not count (SPEC K5)");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(0, "").substr(0, kiln_rules_text(0, "").find("[[batch]]")), "k.toml"),
                   aqi::ParseError, "k.toml:1:1: missing key 'batch'");
  EXPECT_THROW_MSG(KilnRules::load("/nonexistent/k.toml"), aqi::FileNotFound,
                   "/nonexistent/k.toml: no such file or it cannot be read");
}

// Found writing this matrix: kiln rules built in code skip the file's checks, and a batch outside
// the season indexed the month before the first (undefined behaviour; here Boost threw).
TEST(BadInput, KilnRulesBuiltInCode) {
  const std::vector<aqi::Kiln> kilns{{"a", 1, 1}, {"b", 1, 2}};
  aqi::KilnRules r = aqi::kiln_rules();
  r.batches[0].first_month = 5;
  EXPECT_THROW_MSG((void)aqi::KilnSeason(2019, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: batch B1 does not lie within the season");
  EXPECT_THROW_MSG(aqi::schedule_kilns(kilns, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: batch B1 does not lie within the season");
  r = aqi::kiln_rules();
  r.required_months = {4};
  EXPECT_THROW_MSG(aqi::validate_kiln_schedule(kilns, {}, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: required month 4 is not a month of the season");
  r = aqi::kiln_rules();
  r.multi_line_stop_share = 0;
  EXPECT_THROW_MSG(aqi::evaluate_kiln_schedule(kilns, {}, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: multi_line_stop_share must be in (0, 1]");
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
  EXPECT_THROW_MSG(Edition::parse(edition_text("[0, 35, 75]", "above_top = {value = -5}\n"), "e.toml"),
                   aqi::ParseError, "e.toml:9:22: 'value' must be a finite IAQI ≥ 0, got -5");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "daily_indicators = [\"pm25_24h\"]",
                                            "daily_indicators = [\"pm10_24h\"]"),
                                  "e.toml"),
                   aqi::ParseError, "e.toml:5:21: pm10_24h is listed but has no breakpoints");
  EXPECT_THROW_MSG(Edition::parse(with_line(edition_text(), "in_force_from = 2030-01-01\n", ""), "e.toml"),
                   aqi::ParseError, "e.toml:1:1: missing key 'in_force_from'");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Numeric entry points" (SPEC A4, A5, W2, W9, L1–L6, E, K, D).

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
  EXPECT_THROW_MSG(aqi::air_quality_index(e, cols, Period::daily, aqi::AqiColumns{{a, 2}, {mask, 1}, {category, 1},
                                                                                 {beyond, 1}}),
                   aqi::InvalidArgument, "air_quality_index: output columns differ in length");
  const std::vector<date> dates{date(2019, 12, 1), date(2019, 12, 2)};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily), aqi::InvalidArgument,
                   "column pm25_24h has 3 values for 2 dates");
  EXPECT_THROW_MSG(aqi::moving_mean(three, aqi::span<double>(two)), aqi::InvalidArgument,
                   "moving_mean: output has 2 elements, input has 3");
}

TEST(BadInput, NumericEmissionEntryPoints) {
  const auto inv = one_source();
  // A partial measure table given as the table in use (not as an override) lacks 122 of its 123
  // rows (docs/emissions.md); the three named first are ceramics grade A's.
  const auto partial = aqi::IndustryMeasures::parse(
      "document = \"b\"\n[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"I\"\ncut = 1\n"
      "counted_by = \"process\"\nsource = \"s\"\nverified = true\nevidence = \"plan\"\n",
      "b.toml");
  aqi::CutOptions o;
  o.measures = &partial;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::I, o), aqi::InvalidArgument,
                   "the measure table (b) lacks 122 rows: ceramics grade A at III, ceramics grade A at II, ceramics "
                   "grade A at I …; override the built-in table instead of replacing it");
  o = {};
  o.dust_cap = not_a_number;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::I, o), aqi::InvalidArgument,
                   "dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got nan");
  // Found writing this matrix: a huge top_contributors reserved that many entries
  // (std::length_error); the list now holds at most one entry per source.
  o = {};
  o.top_contributors = std::size_t{1} << 62;
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::I, o).summary[0].top.size(), 1u);
  EXPECT_THROW_MSG(aqi::parse_industry("steel"), aqi::UnknownName,
                   "unknown industry 'steel'; expected one of: ceramics, glass, lime_kiln, foundry, pharmaceutical, "
                   "cement_grinding, brick_kiln, refractory, rock_wool, furniture, packaging_printing, wood_panel, "
                   "plastics_manufacturing, rubber_products, industrial_coating, organic_chemical, plastic_products, "
                   "cotton_dyeing, fertiliser, machinery, other_rubber, power_heat, coal_boiler, gas_boiler, other");
  EXPECT_THROW_MSG(aqi::parse_emission_pollutant("co"), aqi::UnknownName,
                   "unknown pollutant 'co'; expected one of: so2, nox, pm, vocs");
  // Found writing this matrix: a NaN time limit reached GLPK as INT_MIN milliseconds.
  aqi::TopUpOptions t;
  t.time_limit = not_a_number;
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::I, t), aqi::InvalidArgument,
                   "top_up: time_limit must be a positive number of seconds, got nan");
  t.time_limit = 0;
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::I, t), aqi::InvalidArgument,
                   "top_up: time_limit must be a positive number of seconds, got 0");
}

TEST(BadInput, NumericKilnEntryPoints) {
  const std::vector<aqi::Kiln> two{{"a", 1, 1}, {"b", 1, 2}};
  aqi::KilnScheduleOptions o;
  o.january_extension_days = 93;
  EXPECT_THROW_MSG(aqi::schedule_kilns(two, 2019, o), aqi::InvalidArgument,
                   "january_extension_days must be at most 92 (got 93)");
  EXPECT_THROW_MSG(aqi::schedule_kilns(std::vector<aqi::Kiln>{{"", 1, 1}}, 2019), aqi::InvalidValue,
                   "kilns[0]: the id is empty");
  EXPECT_THROW_MSG(aqi::schedule_kilns(std::vector<aqi::Kiln>{{"a", 1, inf}}, 2019), aqi::InvalidValue,
                   "kilns[0]: kiln 'a': capacity must be a positive number (got inf)");
  // Found writing this matrix: exact_up_to let the exhaustive search run for hours (3^30
  // assignments). 17 one-line kilns over 3 batches are 3^17 = 129,140,163 > 10^8.
  std::vector<aqi::Kiln> seventeen;
  for (int i = 0; i < 17; ++i) seventeen.push_back({"k" + std::to_string(i), 1, 1.0 + i});
  o = {};
  o.exact_up_to = 17;
  EXPECT_THROW_MSG(aqi::schedule_kilns(seventeen, 2019, o), aqi::InvalidArgument,
                   "kiln schedule: exact_up_to = 17 asks to try every assignment of 17 one-line kilns to 3 batches "
                   "(3^17), more than the 100000000 libaqi tries; lower exact_up_to to use the heuristic and its LP "
                   "bound (SPEC K5)");
  o.exact_up_to = 16;  // the heuristic for 17 kilns: an answer
  EXPECT_FALSE(aqi::schedule_kilns(seventeen, 2019, o).exact);
  // Windows that cannot be read are violations, named by row (SPEC K7), never exceptions.
  const std::vector<aqi::StopWindow> w{{"a", 1, date(), date(2019, 12, 31), -1},
                                       {"b", 1, date(2019, 10, 1), date(), -1}};
  const auto v = aqi::validate_kiln_schedule(two, w, 2019);
  ASSERT_GE(v.size(), 2u);
  EXPECT_EQ(v[0].message, "assignments[0]: kiln 'a' line 1 has no start date");
  EXPECT_EQ(v[1].message, "assignments[1]: kiln 'b' line 1 has no end date");
  const std::vector<aqi::Kiln> twice{{"a", 1, 1}, {"a", 1, 2}};
  EXPECT_THROW_MSG(aqi::validate_kiln_schedule(twice, w, 2019), aqi::InvalidValue,
                   "kilns[1]: duplicate kiln id 'a' (first at kilns[0])");
  o = {};
  o.month_weights = {1, 1};
  EXPECT_THROW_MSG(aqi::evaluate_kiln_schedule(two, w, 2019, o), aqi::InvalidArgument,
                   "month_weights: one weight per season month is needed (6: 2019-10 … 2020-03), got 2");
}

TEST(BadInput, NumericDeadlineEntryPoints) {
  EXPECT_THROW_MSG(aqi::deadline_calendar(1800, {}), aqi::InvalidArgument, "season must be a year, e.g. 2019 (got 1800)");
  const std::vector<aqi::ResponsePeriod> late{{ptime(date(2020, 5, 1), hours(0)), ptime(), ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, late), aqi::InvalidValue,
                   "response_periods[0]: still in force, but starts (2020-05-01 00:00) after the end of the data "
                   "(2020-04-01 00:00); pass the data's end");
  const std::vector<aqi::ResponsePeriod> endless{
      {ptime(date(2019, 12, 1), hours(0)), ptime(boost::posix_time::pos_infin), ResponseLevel::II}};
  EXPECT_THROW_MSG(aqi::deadline_calendar(2019, endless), aqi::InvalidValue,
                   "response_periods[0]: the end is not a date and time");
}
