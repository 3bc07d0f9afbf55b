// SPEC N1–N3: the county's notices of a season, their publication checklist, and the member units'
// task lists, as typed tables (aqi.notices, aqi.notice_checklist, aqi.unit_tasks).
#include <memory>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/plan.hpp"
#include "aqi/warning/notice.hpp"
#include "aqi/warning/season.hpp"
#include "aqi/warning/unit_tasks.hpp"
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
      "unit_tasks",
      [](const Plan& plan, const std::string& response) {
        return unit_task_table(unit_tasks(*plan.responses, *plan.duties, plan.responses->response_level(response)));
      },
      py::arg("plan"), py::arg("response"),
      "SPEC N2: every member unit's measures and annex-3 duties at a response level.");
}

}  // namespace aqi::python
