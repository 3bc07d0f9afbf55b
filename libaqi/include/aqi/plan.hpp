// A county's heavy-pollution emergency plan as data: everything the plan decides — its warning
// rules, the response catalogue with its member units, the reduction targets, its rows of the
// industry measure table, the brick-kiln rotation, the deadlines and their owners — one file per
// part in one folder (libaqi/rules/plans/<id>/, README.md there). Another county copies the
// folder, edits it and loads it by path; the built-in plans are compiled in and found by id.
// National data stays shared: AQI editions, holidays and the guide's industry table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/calendar/deadlines.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/targets.hpp"
#include "aqi/kilns/season.hpp"
#include "aqi/warning/measures.hpp"
#include "aqi/warning/notice.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/unit_tasks.hpp"

namespace aqi {

struct Plan {
  std::string id;        // "yiyuan-2019"
  std::string title;     // 沂源县重污染天气应急预案
  std::string document;  // 源政办字〔2019〕56号
  std::string issuer;
  boost::gregorian::date date;
  std::string county_zh, county_en;
  std::string source;  // the folder it was read from ("libaqi/rules/plans/<id>" for a built-in plan)

  // The parts. Shared and immutable: a result that refers to one keeps it alive.
  std::shared_ptr<const RuleSet> warnings;                    // SPEC W4, W7, L1
  std::shared_ptr<const MeasureCatalogue> responses;          // SPEC R1, R2
  std::shared_ptr<const EmissionTargets> targets;             // SPEC R3, R4
  std::shared_ptr<const IndustryMeasures> industry_measures;  // SPEC E3–E5: the guide's table with the plan's rows
  std::shared_ptr<const KilnRules> kilns;                     // SPEC K1–K5
  std::shared_ptr<const DeadlineRules> deadlines;             // SPEC D1–D3
  std::shared_ptr<const UnitDuties> duties;                   // SPEC N2: annex 3 duties, clause by clause
  std::shared_ptr<const NoticeTemplates> notices;             // SPEC N1, N3: notice wording, channels

  // Reads a plan folder: its plan.toml and every part it names. A missing part, a file that
  // cannot be read, an unknown key or a part whose id is not the plan's is a ParseError naming
  // file and line.
  static Plan load(const std::string& folder);
};

// The plans libaqi ships, by id; built once, immutable.
const std::vector<Plan>& builtin_plans();

// A built-in plan ("yiyuan-2019"); throws UnknownName naming the built-in plans.
const Plan& plan(std::string_view id);

// A shared handle for results that refer to a plan: built-in plans aliased, others copied.
std::shared_ptr<const Plan> share(const Plan& plan);

}  // namespace aqi
