// SPEC N1–N3: the county's notices of a season, their publication checklist, and the member units'
// task lists, as typed tables (aqi.notices, aqi.notice_checklist, aqi.unit_tasks).
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/plan.hpp"
#include "aqi/warning/episode_records.hpp"
#include "aqi/warning/notice.hpp"
#include "aqi/warning/season.hpp"
#include "aqi/warning/unit_tasks.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "kilns/kiln_columns.hpp"
#include "result.hpp"

namespace py = pybind11;

namespace aqi::python {

namespace {

std::string level_zh(const SeasonResult& s, int level) {
  return level <= 0 ? std::string() : s.rules->levels.at(static_cast<std::size_t>(level - 1)).name_zh;
}

// N1: one row per notice; level and response in both languages.
Table notice_table(const std::vector<Notice>& notices, const SeasonResult& s) {
  using N = const Notice&;
  return TableBuilder<Notice>(notices)
      .time("time", [](N n) { return n.time; })
      .text("event", [](N n) { return std::string(name(n.type)); })
      .text("event_zh", [](N n) { return std::string(name_zh(n.type)); })
      .text("level", [&s](N n) { return s.rules->level_name(n.level); })
      .text("level_zh", [&s](N n) { return level_zh(s, n.level); })
      .text("response", [](N n) { return std::string(name(n.response)); })
      .text("response_zh", [](N n) { return std::string(name_zh(n.response)); })
      .text("doc_no", [](N n) { return n.doc_no; })
      .text("title", [](N n) { return n.title; })
      .text("text", [](N n) { return n.text; })
      .build();
}

// N3: one row per channel of each notice.
Table checklist_table(const std::vector<Notice>& notices) {
  struct Row {
    const Notice* notice;
    const ChecklistItem* item;
  };
  std::vector<Row> rows;
  for (const auto& n : notices)
    for (const auto& c : n.checklist) rows.push_back({&n, &c});
  using R = const Row&;
  return TableBuilder<Row>(rows)
      .time("notice_time", [](R r) { return r.notice->time; })
      .text("event", [](R r) { return std::string(name(r.notice->type)); })
      .text("doc_no", [](R r) { return r.notice->doc_no; })
      .text("channel", [](R r) { return r.item->channel; })
      .text("channel_zh", [](R r) { return r.item->channel_zh; })
      .text("timing", [](R r) { return r.item->timing; })
      .text("timing_zh", [](R r) { return r.item->timing_zh; })
      .text("who_zh", [](R r) { return r.item->who_zh; })
      .time("from", [](R r) { return r.item->from; })
      .time("until", [](R r) { return r.item->until; })
      .text("source", [](R r) { return r.item->source; })
      .build();
}

Table unit_task_table(const std::vector<UnitTask>& tasks) {
  using T = const UnitTask&;
  return TableBuilder<UnitTask>(tasks)
      .text("unit", [](T t) { return t.unit; })
      .text("unit_zh", [](T t) { return t.unit_zh; })
      .text("unit_en", [](T t) { return t.unit_en; })
      .text("measure_id", [](T t) { return t.measure_id; })
      .text("kind", [](T t) { return t.kind; })
      .text("text_zh", [](T t) { return t.text_zh; })
      .text("text_en", [](T t) { return t.text_en; })
      .build();
}

double hours_at(const EpisodeRecord& r, ResponseLevel level) {
  const auto it = r.response_hours.find(level);
  return it == r.response_hours.end() ? 0.0 : it->second;
}

double planned(const EpisodeRecord& r, EmissionPollutant p, bool target) {
  if (!r.planned) return std::numeric_limits<double>::quiet_NaN();
  return target ? r.planned->check(p).target : r.planned->check(p).ratio;
}

// K8: the kilns' credit counted in the ratios, t/day; NaN without a kiln schedule.
double kiln_reduction(const EpisodeRecord& r, EmissionPollutant p) {
  return r.kilns ? r.kilns->reduction[static_cast<std::size_t>(p)] : std::numeric_limits<double>::quiet_NaN();
}

// N4: one row per episode; the R3–R5 columns NaN without an inventory, the L4 ones without observations.
Table record_table(const std::vector<EpisodeRecord>& records, const SeasonResult& s) {
  using R = const EpisodeRecord&;
  TableBuilder<EpisodeRecord> t(records);
  t.integer("episode", [](R r) { return static_cast<std::int64_t>(r.number); })
      .time("issued", [](R r) { return r.issued; })
      .time("lifted", [](R r) { return r.lifted; })
      .text("level", [&s](R r) { return s.rules->level_name(r.highest); })
      .text("level_zh", [&s](R r) { return level_zh(s, r.highest); })
      .text("response", [](R r) { return std::string(name(r.response)); })
      .text("response_zh", [](R r) { return std::string(name_zh(r.response)); })
      .text("orders", [](R r) { return r.orders; })
      .text("doc_nos", [](R r) { return r.doc_nos; })
      .time("response_start", [](R r) { return r.response_start; })
      .time("response_end", [](R r) { return r.response_end; })
      .number("hours_III", [](R r) { return hours_at(r, ResponseLevel::III); })
      .number("hours_II", [](R r) { return hours_at(r, ResponseLevel::II); })
      .number("hours_I", [](R r) { return hours_at(r, ResponseLevel::I); })
      .integer("daily_reports", [](R r) { return static_cast<std::int64_t>(r.daily_reports); })
      .time("summary_due", [](R r) { return r.summary_due; });
  for (auto p : all_emission_pollutants) {
    static const std::map<EmissionPollutant, std::pair<const char*, const char*>> names{
        {EmissionPollutant::so2, {"so2_ratio", "so2_target"}},
        {EmissionPollutant::nox, {"nox_ratio", "nox_target"}},
        {EmissionPollutant::pm, {"pm_ratio", "pm_target"}},
        {EmissionPollutant::vocs, {"vocs_ratio", "vocs_target"}}};
    t.number(names.at(p).first, [p](R r) { return planned(r, p, false); });
    t.number(names.at(p).second, [p](R r) { return planned(r, p, true); });
  }
  for (auto p : all_emission_pollutants) {
    static const std::map<EmissionPollutant, const char*> kiln_names{{EmissionPollutant::so2, "kiln_so2"},
                                                                     {EmissionPollutant::nox, "kiln_nox"},
                                                                     {EmissionPollutant::pm, "kiln_pm"},
                                                                     {EmissionPollutant::vocs, "kiln_vocs"}};
    t.number(kiln_names.at(p), [p](R r) { return kiln_reduction(r, p); });
  }
  // E12: met / short / undetermined — never "short" where the missing rules decide.
  return t.text("targets_met", [](R r) { return r.planned ? std::string(key(r.planned->verdict())) : ""; })
      .text("targets_met_zh", [](R r) { return r.planned ? std::string(name_zh(r.planned->verdict())) : ""; })
      .integer("observed_days", [](R r) { return static_cast<std::int64_t>(r.observed_days); })
      .number("observed_mean", [](R r) { return r.observed_mean; })
      .number("observed_max", [](R r) { return r.observed_max; })
      .text("observed_level", [&s](R r) { return r.observed_level < 0 ? "" : s.rules->level_name(r.observed_level); })
      .text("observed_level_zh",
            [&s](R r) { return r.observed_level < 0 ? "" : s.rules->level_name_zh(r.observed_level); })
      .text("verification", [](R r) { return r.verification; })
      .build();
}

}  // namespace

void register_notices(py::module_& m) {
  m.def(
      "notices",
      [](const SeasonResult& season, const Plan& plan) { return notice_table(render_notices(plan, season), season); },
      py::arg("season"), py::arg("plan"), "SPEC N1: the county's notices of a season run, in time order.");
  m.def(
      "notice_checklist",
      [](const SeasonResult& season, const Plan& plan) { return checklist_table(render_notices(plan, season)); },
      py::arg("season"), py::arg("plan"), "SPEC N3: the publication channels of every notice (plan §4.3).");
  m.def(
      "episode_records",
      [](const SeasonResult& season, const Plan& plan, const Inventory* inventory,
         const std::optional<DoubleArray>& observed, std::int64_t observed_first, std::optional<double> dust_cap,
         const std::vector<std::string>& kiln_ids, const py::array_t<std::int64_t, py::array::c_style>& kiln_lines,
         const DoubleArray& kiln_capacity, const std::optional<DoubleArray>& kiln_emissions,
         const KilnSchedule* kiln_schedule) {
        RecordOptions o;
        o.inventory = inventory;
        // K8: the kiln table the schedule was made from (empty without one).
        const auto kilns = kiln_table(kiln_ids, kiln_lines, kiln_capacity, kiln_emissions);
        o.kilns = kilns;
        o.kiln_schedule = kiln_schedule;
        o.dust_cap = dust_cap;
        if (observed) {
          o.observed = view(*observed);
          o.observed_first = date_from_days(observed_first);
        }
        return record_table(episode_records(season, plan, o), season);
      },
      py::arg("season"), py::arg("plan"), py::arg("inventory"), py::arg("observed").noconvert(),
      py::arg("observed_first"), py::arg("dust_cap"), py::arg("kiln_ids"), py::arg("kiln_lines").noconvert(),
      py::arg("kiln_capacity").noconvert(), py::arg("kiln_emissions"), py::arg("kiln_schedule"),
      "SPEC N4: the response statistics table, one row per episode.");
  m.def(
      "unit_tasks",
      [](const Plan& plan, const std::string& response) {
        return unit_task_table(unit_tasks(*plan.responses, *plan.duties, plan.responses->response_level(response)));
      },
      py::arg("plan"), py::arg("response"),
      "SPEC N2: every member unit's measures and annex-3 duties at a response level.");
}

}  // namespace aqi::python
