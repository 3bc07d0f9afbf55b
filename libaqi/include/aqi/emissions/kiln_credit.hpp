// SPEC K8: the brick-kiln rotation counts toward a response's targets (plan §5.5: kilns
// "采取轮停的方式达到相应比例的减排"). On a day of a response, a kiln with baseline emissions (the
// kiln table's optional so2, nox, pm, vocs columns) reduces them by the share of its capacity the
// schedule stops that day: stopped lines ÷ lines (a kiln's lines have equal capacity, K1–K5).
// The emission accounting of that day adds the kilns' baseline and reduction as a line of its own
// (aqi/emissions/cuts.hpp, CutOptions::kilns).
#pragma once

#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/emissions/pollutant.hpp"
#include "aqi/error.hpp"
#include "aqi/kilns/kiln.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/span.hpp"

namespace aqi {

// One kiln on the day.
struct KilnCreditRow {
  std::size_t kiln = 0;  // index into the kiln table
  std::string id;
  int lines = 1;
  int lines_stopped = 0;
  double share = 0;  // of its capacity stopped that day
  bool has_emissions = false;
  std::array<double, emission_pollutant_count> baseline{};   // t/day; 0 without emissions
  std::array<double, emission_pollutant_count> reduction{};  // share × baseline
};

struct KilnCredit {
  boost::gregorian::date on;
  bool in_season = false;            // the day lies in the schedule's season (outside it no kiln rotates)
  std::vector<KilnCreditRow> kilns;  // table order
  std::array<double, emission_pollutant_count> baseline{};   // of the kilns with emissions
  std::array<double, emission_pollutant_count> reduction{};  // t/day credited (K8)
  std::size_t stopped = 0;                                   // kilns with a line stopped that day
  std::size_t without_emissions = 0;                         // kilns the table gives no emissions for: not counted
};

// SPEC K8 on `on`. Throws InvalidArgument when the schedule was made for another table (its
// kilns differ in number, or a window names a kiln the table does not have); InvalidValue for a
// bad kiln row (check_kilns).
inline KilnCredit kiln_credit(span<const Kiln> kilns, const KilnSchedule& schedule, boost::gregorian::date on) {
  check_kilns(kilns);
  if (schedule.kiln_batch.size() != kilns.size())
    throw InvalidArgument("kiln credit (SPEC K8): the schedule has " + std::to_string(schedule.kiln_batch.size()) +
                          " kilns, the kiln table " + std::to_string(kilns.size()) +
                          "; give the table the schedule was made from");
  if (on.is_special()) throw InvalidArgument("kiln credit (SPEC K8): the day is not a date");
  std::unordered_map<std::string_view, std::size_t> at;
  for (std::size_t i = 0; i < kilns.size(); ++i) at.emplace(kilns[i].id, i);
  std::vector<std::set<int>> stopped(kilns.size());  // distinct lines: a window may repeat a line
  for (const auto& w : schedule.windows) {
    const auto it = at.find(w.kiln);
    if (it == at.end())
      throw InvalidArgument("kiln credit (SPEC K8): the schedule stops kiln '" + w.kiln +
                            "', which is not in the kiln table; give the table the schedule was made from");
    if (w.start <= on && on <= w.end) stopped[it->second].insert(w.line);
  }
  KilnCredit out;
  out.on = on;
  out.in_season = schedule.season_days.first <= on && on <= schedule.season_days.last;
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    KilnCreditRow row;
    row.kiln = i;
    row.id = kilns[i].id;
    row.lines = kilns[i].lines;
    row.lines_stopped = static_cast<int>(std::min<std::size_t>(stopped[i].size(), kilns[i].lines));
    row.share = static_cast<double>(row.lines_stopped) / kilns[i].lines;
    row.has_emissions = kilns[i].emissions.has_value();
    out.stopped += row.lines_stopped > 0;
    out.without_emissions += !row.has_emissions;
    if (row.has_emissions)
      for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
        row.baseline[k] = (*kilns[i].emissions)[k];
        row.reduction[k] = row.share * row.baseline[k];
        out.baseline[k] += row.baseline[k];
        out.reduction[k] += row.reduction[k];
      }
    out.kilns.push_back(row);
  }
  return out;
}

}  // namespace aqi
