// The records of a season — SPEC N4 (plan §6.2, §6.3): per episode (a warning from its ISSUE to
// its LIFT) the response statistics table (应急响应统计表): the orders with their times and
// document numbers, the response hours per level, the reports owed (D1, D2), the inventory's
// planned reductions against the targets (R3–R5) when an inventory is given — with the brick-kiln
// rotation's credit (K8) when the kiln table and its schedule are given too — and the observed AQI
// during the response with the verification (L4) when observations are given.
#pragma once

#include <array>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

struct Plan;
struct SeasonResult;

struct EpisodeRecord {
  std::size_t number = 0;                   // 1-based, in time order
  boost::posix_time::ptime issued, lifted;  // the ISSUE's receipt and the LIFT (not_a_date_time: in force at the end)
  int highest = 0;                          // the highest warning level
  ResponseLevel response = ResponseLevel::none;  // its response level (R1)
  // The orders (relay) or events (forecast) of the episode, "; "-separated, each
  // "2019-10-02 11:43 ISSUE 橙色 2019—2020年第1期" (the document number when it has one).
  std::string orders;
  std::string doc_nos;                                    // "、"-separated
  boost::posix_time::ptime response_start, response_end;  // not_a_date_time: no response (L2) / in force
  std::map<ResponseLevel, double> response_hours;         // L9 per level within the episode
  int daily_reports = 0;                                  // D1 owed
  boost::posix_time::ptime summary_due;                   // D2; not_a_date_time when unknown
  // R3–R5: the inventory's planned reductions at the episode's highest response (with an inventory).
  std::optional<EmissionCuts> planned;
  // K8 (with a kiln table and its schedule): the kiln credit counted in `planned`, per pollutant
  // the least over the days of the response, so the planned reductions hold on every one of them
  // (a bureau's "planned reductions against the targets" may not rest on the rotation's best
  // day). Its `on` is the response's first day and its `kilns` rows are empty: the least of two
  // pollutants may fall on different days (kiln_least_day says which).
  std::optional<KilnCredit> kilns;
  std::array<boost::gregorian::date, emission_pollutant_count> kiln_least_day{};  // first day of each least
  int kiln_days = 0;  // the response's days the least is taken over
  // L4 (with observations): over the days of the response (the warning's days without one).
  int observed_days = 0;
  double observed_mean = std::numeric_limits<double>::quiet_NaN();
  double observed_max = std::numeric_limits<double>::quiet_NaN();
  int observed_level = -1;   // the highest level of the observed runs on those days (-1: none observed)
  std::string verification;  // hit | higher | lower | false_alarm (L4: observed against the warning); "" without
};

struct RecordOptions {
  const Inventory* inventory = nullptr;  // R3–R5
  // K8: the kiln table and the schedule made from it; both or neither, and an inventory with them.
  span<const Kiln> kilns;
  const KilnSchedule* kiln_schedule = nullptr;
  std::optional<double> dust_cap;  // R5
  span<const double> observed;     // daily AQI from observed_first (L4)
  boost::gregorian::date observed_first;
};

// SPEC N4: one record per warning of the season. The plan gives the deadlines (D1, D2), the
// measure table and the targets (R3–R5). Throws InvalidArgument when a kiln schedule comes without
// its table or without an inventory (or the table without its schedule), and as kiln_credit does
// for a schedule made from another table.
std::vector<EpisodeRecord> episode_records(const SeasonResult& season, const Plan& plan,
                                           const RecordOptions& options = {});

}  // namespace aqi
