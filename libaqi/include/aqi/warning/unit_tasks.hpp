// Task lists of a response level per member unit — SPEC N2: every measure of the catalogue the
// unit carries out (R2) and its own duties of plan annex 3, clause by clause (duties.toml beside
// the catalogue), so that units with no §5.5 measure (县政府办公室, 县财政局, 县应急局, 县气象局) and
// the towns appear with what they must do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aqi/warning/measures.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// One clause of a unit's annex-3 duties.
struct UnitDuty {
  std::string unit;  // department id of the catalogue
  std::string id;    // "finance-2"
  std::string zh, en;
  std::string source;  // "附件3 六"
};

// The plan's duties part (duties.toml).
struct UnitDuties {
  std::vector<UnitDuty> duties;

  static UnitDuties parse(std::string_view text, const std::string& source);

  // Every clause names a department of the catalogue, every department has clauses, and a
  // department's clauses are its duties_zh (punctuation aside). Throws ParseError(source).
  void check_against(const MeasureCatalogue& catalogue, const std::string& source) const;
};

// One row of a unit's task list.
struct UnitTask {
  std::string unit, unit_zh, unit_en;
  std::string measure_id;  // a measure's id, or a duty's ("finance-2")
  std::string kind;        // the measure's class (health, advisory, mandatory, procedure) or "duty"
  std::string text_zh, text_en;
};

// SPEC N2: per department in the catalogue's order, its measures at `level` (R2) then its duties.
std::vector<UnitTask> unit_tasks(const MeasureCatalogue& catalogue, const UnitDuties& duties, ResponseLevel level);

}  // namespace aqi
