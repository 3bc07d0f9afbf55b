// The engine's report: every fact `aqi-engine run` reports about a scenario, computed once from
// the scenario run and held as plain values (names resolved, both languages where the data has
// them, no pointers into the rules). render_text.cpp and render_json.cpp only format it; neither
// calls the library's decisions. A new section (relay orders, advice, notices …) is a struct
// here, a builder in report.cpp and a function in each renderer. docs/engine.md describes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/scenario.hpp"

namespace aqi::engine {

using boost::gregorian::date;
using boost::posix_time::ptime;

// A warning level of the rule set (SPEC W4): 0 is no warning.
struct WarningLevel {
  int code = 0;
  std::string en;  // "orange"; "none" for 0
  std::string zh;  // "橙色"; "" for 0
};

// A response level (SPEC R1).
struct Response {
  ResponseLevel level = ResponseLevel::none;
  std::string key;  // "II"; "" for none
  std::string zh;   // "Ⅱ级"
};

struct ScenarioFacts {
  std::string libaqi_version;
  std::string name, county, dir;
  std::string rules_id, rules_title;
  std::string plan_id, plan_title, plan_document;
  date season_start, season_end;
  std::string forecasts;            // the file, or how perfect forecasts were made
  std::string mode;                 // SPEC L7: "relay" or "forecast"
  std::string orders;               // the orders file, "" without
  std::vector<std::string> unused;  // inputs of the other mode, which this run does not use
};

// SPEC A1–A7: the observed AQI.
struct ObservedDay {
  date day;
  std::optional<int> aqi;  // none when every indicator is missing
  int category = 0;        // SPEC A3; 0 = missing
  std::string primary;     // primary pollutants
  std::string edition;     // the edition in force that day (A7)
};

struct CategoryCount {
  int category = 0;  // 0 = missing
  std::string zh, en;
  int days = 0;
};

struct EditionUse {
  std::string edition;
  std::vector<std::string> indicators;  // the columns it rated
};

struct ObservedFacts {
  std::vector<ObservedDay> days;
  std::vector<CategoryCount> categories;  // by category, those that occur
  std::vector<EditionUse> editions;
};

// SPEC L1–L6: one event of the warning timeline, with its reason.
struct EventFacts {
  ptime time;
  std::string type;  // ISSUE, UPGRADE, DOWNGRADE, LIFT
  WarningLevel level, previous;
  Response response;
  std::optional<ptime> response_from;  // L2
  std::optional<double> lead_hours;    // L5
  bool short_lead = false;
  bool imposed = false;       // L6: by the superior command
  WarningLevel county_level;  // code -1: no forecast of the county yet (relay mode)
  std::string comparison;     // L6, L10: consistent, stricter, weaker; "" for the county's own events
  std::string reason;
  std::string doc_no, issuer;  // L8: the order's (relay mode)
  std::string note;            // a LIFT before the response began (L2), a short lead (L5, L11), a flap (L12)
};

// SPEC L8, L11: one order of the superior command as relayed, with the county's forecast beside it
// (L10) and its event's note.
struct OrderFacts {
  ptime issued;
  std::string event;  // ISSUE, UPGRADE, DOWNGRADE, LIFT
  WarningLevel level;
  Response response;
  std::optional<ptime> response_start;  // none for a LIFT (it ends the response, L9)
  std::optional<ptime> expected_end;
  std::string doc_no, issuer;
  std::optional<double> lead_hours;  // L11: ISSUE, UPGRADE
  bool short_lead = false;
  WarningLevel county_level;  // code -1: no forecast of the county yet
  std::string comparison;
  std::string note;
  std::size_t event_index = 0;  // into Report::events
};

// SPEC L10: an issue day on which the county's forecast meets a level no order in force gives.
struct AdviceFacts {
  ptime time;
  WarningLevel forecast_level, order_level;
  date first, last;  // the forecast's qualifying run
  std::string note;
};

// SPEC L12: a run beyond the issue horizon, logged, not issued.
struct ExpectedFacts {
  ptime time;
  WarningLevel level;
  date first, last;
  double lead_hours = 0;
  std::string reason;
};

// One warning from its ISSUE to its LIFT (or the end of the data).
struct WarningFacts {
  int number = 0;  // 1-based, in time order
  ptime issued;
  std::optional<ptime> lifted;
  WarningLevel highest;
  Response response;                  // the response of its highest level
  bool imposed = false;               // a superior command's order is among its events
  std::vector<std::size_t> events;    // indices into Report::events
  std::string doc_no;                 // the ISSUE order's (relay mode)
  std::optional<std::size_t> period;  // its response, an index into Report::periods
  std::string no_response;            // why it has none: "lifted before the response began (SPEC L2)"
};

// SPEC L2: a continuous response.
struct PeriodFacts {
  ptime start;
  std::optional<ptime> end;  // none while still in force at the end of the data
  Response response;         // the highest level reached
  WarningLevel level;        // the warning level that set it
  std::string doc_no;        // L9: the order that began it
};

struct DayFacts {
  date day;
  WarningLevel warning;
  Response response;
};

// SPEC L3.
struct SeasonCounts {
  std::vector<std::pair<WarningLevel, int>> warning_days;  // every level, 0 (none) first
  std::vector<std::pair<Response, double>> response_hours;
  std::vector<std::pair<std::string, int>> events;  // by event type
  int flaps = 0;                                    // L12
  int flap_window_hours = 48;                       // the rule set's
};

// Issue 16: a day missing from the forecasts, what the engine did, what it changed (season_gap.hpp).
struct GapFacts {
  date day, last;                      // a stretch of days one forecast misses: first and last (one day: the same)
  std::string kind, kind_zh;           // forecast_day / 预报缺日, issue_day / 缺少预报发布日
  date issue;                          // the forecast missing the day; an issue_day: the day
  std::string zh, en;                  // the library's detail
  std::optional<std::size_t> warning;  // the warning it affected (index into Report::warnings)
  bool changed = false;
};

// SPEC L4.
struct VerificationRow {
  WarningLevel level;
  int hits = 0, misses = 0, false_alarms = 0, correct_negatives = 0;
  std::optional<double> pod, far, csi;
};

// SPEC R2: one measure of the catalogue.
struct MeasureFacts {
  std::string id, measure_class, zh, en, source;
};

struct DepartmentTasks {
  std::string id, zh, en;
  std::vector<MeasureFacts> measures;  // every measure naming the department, procedures included
};

// Why a response level's measures and cuts are in the report: the response periods that reached
// it and the warning events that called for it (a warning may be lifted before its response
// starts: it counts all the same).
struct ReachedBy {
  std::vector<std::size_t> periods;  // indices into Report::periods
  std::vector<std::size_t> events;   // indices into Report::events
};

struct LevelMeasures {
  Response response;
  ReachedBy reached_by;
  std::vector<MeasureFacts> procedures;      // bind every unit alike
  std::vector<DepartmentTasks> departments;  // catalogue order, those with a task
};

// SPEC R3–R6: one pollutant against its target.
struct Contributor {
  std::string id, name;
  double reduction = 0, share = 0;
};

struct PollutantFacts {
  std::string key;   // "so2"
  std::string name;  // "SO2"
  double baseline = 0, reduction = 0;
  std::optional<double> ratio;  // none when the baseline is 0
  double target = 0;
  bool met = false, traded = false;
  double shortfall = 0, shortfall_pp = 0;
  std::vector<Contributor> top;  // R6
  // SPEC E12: met / short / undetermined, the baseline of the sources that decide it, and why —
  // Chinese first ("无法判定：82个源无来源规则，SO2 3.07吨/日").
  std::string verdict = "met";
  double deciding_baseline = 0;
  std::size_t unsourced_sources = 0;
  std::string reason_zh{}, reason{};
};

// SPEC E11: a fact of the inventory reported, not refused (a protected enterprise below grade B).
struct CutWarningFacts {
  std::string id, rule, reason_zh, reason;
};

// SPEC E13: the measure table's rules by status and origin.
struct RuleCountFacts {
  std::string origin;  // "shipped" or "bureau"
  std::size_t verified = 0, unverified = 0, not_sourced = 0;
};

// SPEC E10: one extra cut of the top-up.
struct ExtraCutFacts {
  std::string id, name;
  double extra = 0, new_cut = 0, cost = 0;
  std::optional<int> extra_lines;
};

struct TopUpFacts {
  bool feasible = false;
  double cost = 0;
  std::string explanation;
  std::vector<ExtraCutFacts> cuts;            // largest cost first
  std::string assumption_zh{}, assumption{};  // E12: what the proposal rests on; "" when nothing
};

struct DustFacts {  // SPEC R5
  double reduction = 0, counted = 0, cap = 0;
};

struct CutsFacts {
  Response response;
  std::size_t sources = 0, excluded = 0, unsourced = 0, unverified = 0;
  std::vector<PollutantFacts> pollutants;
  bool met = false;
  std::optional<DustFacts> dust;
  std::optional<TopUpFacts> top_up;  // when the level's measures fall short (E10)
  std::string measures_document, targets_document;
  std::vector<CutWarningFacts> warnings{};  // E11
  std::vector<RuleCountFacts> rules{};      // E13: shipped, then bureau when it gave any
  std::string measures_file{};              // E13: the bureau's file (scenario.toml industry_measures), "" without
};

// SPEC K1–K7.
struct BatchFacts {
  std::string name, zh;
  date first, last;
  bool extended = false;
  std::size_t kilns = 0;
  double capacity = 0;
};

struct MonthFacts {
  std::string month;
  double weight = 0, stopped = 0, share = 0;
};

struct StopFacts {
  std::string kiln;
  int line = 1;
  date start, end;
  int batch = -1;
};

struct KilnFacts {
  int season = 0;
  int extension_days = 0;  // K4, the plan's
  std::vector<BatchFacts> batches;
  std::size_t multi_line_kilns = 0;
  int multi_line_stopped_lines = 0;
  double multi_line_capacity = 0, total_capacity = 0;
  std::vector<MonthFacts> months;
  std::vector<StopFacts> assignments;
  double objective = 0, bound = 0, gap = 0;
  bool exact = false;
  std::vector<std::string> violations;  // K7; empty when the schedule satisfies K1–K5
};

// SPEC D1–D4.
struct DeadlineFacts {
  std::optional<ptime> due;  // none: a summary owed after a lift not yet known
  DeadlineKind kind = DeadlineKind::daily_report;
  std::string rule, what, what_zh, who, who_zh, submit_to_zh;
  std::optional<std::size_t> period;   // D1, D2: index into Report::periods
  std::optional<std::size_t> warning;  // D1: index into Report::warnings (reports run from its notice, D1)
};

// The office's list: a run of consecutive daily reports of one response is one entry.
struct DeadlineEntry {
  std::size_t first = 0;  // index into DeadlineFacts
  std::size_t count = 1;  // daily reports in the run; 1 for the others
  std::optional<ptime> last_due;
};

struct DeadlineSection {
  std::vector<DeadlineFacts> all;
  std::vector<DeadlineEntry> entries;
  std::string unavailable;  // why there is no calendar (a year without holiday data, D2)
};

struct Report {
  ScenarioFacts scenario;
  ObservedFacts observed;
  std::vector<EventFacts> events;
  std::vector<OrderFacts> orders;       // relay mode (L8–L11)
  std::vector<AdviceFacts> advice;      // relay mode with the county's forecasts (L10)
  std::vector<ExpectedFacts> expected;  // forecast mode (L12)
  int issue_horizon_hours = 72;         // the rule set's (L12)
  std::vector<DayFacts> days;
  std::vector<WarningFacts> warnings;
  std::vector<PeriodFacts> periods;
  SeasonCounts counts;
  std::vector<VerificationRow> verification;
  std::vector<GapFacts> gaps;           // days missing from the forecasts (issue 16)
  std::vector<LevelMeasures> measures;  // every response level reached, mildest first
  std::vector<CutsFacts> cuts;          // the same levels that have targets, when there is an inventory
  std::optional<KilnFacts> kilns;
  DeadlineSection deadlines;

  // The cuts at a response level, or nullptr.
  const CutsFacts* cuts_at(ResponseLevel level) const;
};

// The response levels the season reached, mildest first: the highest level of every response
// period and the response of every warning level an event set — a warning lifted before its
// response began still names the measures the units were told to prepare. Measures and cuts are
// reported for exactly these levels, in text and in JSON.
std::vector<ResponseLevel> response_levels_reached(const SeasonResult& season, const RuleSet& rules);

// Runs the scenario and gathers the report; the plan of the scenario decides the catalogue,
// targets, measure table, kiln rules and deadline rules.
Report build_report(const Scenario& scenario);

// load_scenario(dir), then build_report.
Report make_report(const std::string& dir);

}  // namespace aqi::engine
