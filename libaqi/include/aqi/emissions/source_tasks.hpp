// The task list of each source of the inventory (一厂一策) at a response level — SPEC N2: the
// measure it applies in the plan's or the guide's words, the lines it stops (E6), its cut, the
// transport clause, the rule and its status (verified / unverified / not sourced). Built from the
// emission-cut results (E1–E9); nothing here decides a cut.
#pragma once

#include <string>
#include <vector>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/inventory.hpp"

namespace aqi {

struct SourceTask {
  std::string id, name;
  std::string industry;    // the inventory's key; "" for fleets and dust
  std::string grade;       // A … D, "" when ungraded
  std::string measure_zh;  // what the source must do, Chinese first (the table's words)
  int lines_stopped = -1;  // E6; -1 when not counted by line
  double cut = 0;          // fraction of activity removed; NaN when the rule has no value
  std::string transport;   // the transport clause (E4 ⑦, E8) in Chinese; "" when none
  std::string rule;        // the rule as people say it ("ceramics grade B at II") and where it was read
  std::string status;      // verified | unverified | not_sourced | excluded (E2)
};

// SPEC N2: one row per source of `inventory`, in its order, from `cuts` (its emission_cuts).
// Throws InvalidArgument when the cuts are not of this inventory (a different size).
std::vector<SourceTask> source_tasks(const Inventory& inventory, const EmissionCuts& cuts);

}  // namespace aqi
