// SPEC N1, N3: the county's notices rendered from the plan's templates (notices.toml) with
// kainjow/mustache; every fact comes from the season run, the catalogue (R2) and the deadlines
// (D1, D2).
#include "aqi/warning/notice.hpp"

#include <cstdio>

#include <kainjow/mustache.hpp>

#include "aqi/calendar/deadlines.hpp"
#include "aqi/plan.hpp"
#include "aqi/warning/season.hpp"
#include "warning/notice_data.hpp"

namespace aqi {

namespace detail {

void check_mustache(const std::string& text, const std::string& source, const std::string& key) {
  const kainjow::mustache::mustache m(text);
  if (!m.is_valid()) throw ParseError(source, 0, 0, "'" + key + "': " + m.error_message());
}

}  // namespace detail

std::string chinese_date(boost::gregorian::date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", static_cast<int>(d.year()), static_cast<int>(d.month()),
                static_cast<int>(d.day()));
  return buf;
}

// Hours without a leading zero, minutes with two digits (Gaoqing: "2025年12月16日8时00分").
std::string chinese_time(boost::posix_time::ptime t) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%d时%02d分", static_cast<int>(t.time_of_day().hours()),
                static_cast<int>(t.time_of_day().minutes()));
  return chinese_date(t.date()) + buf;
}

namespace {

using boost::posix_time::ptime;
using kainjow::mustache::data;

std::string render(const std::string& tmpl, const data& d) {
  kainjow::mustache::mustache m(tmpl);
  m.set_custom_escape([](const std::string& s) { return s; });  // plain text, not HTML
  return m.render(d);
}

data numbered(const std::vector<const Measure*>& measures) {
  data list{data::type::list};
  int number = 0;
  for (const Measure* m : measures) {
    data item;
    item.set("number", std::to_string(++number));
    item.set("text", m->zh);
    list.push_back(item);
  }
  return list;
}

// R2: the response level's health, advisory and mandatory measures; mandatory ones by sector in the
// catalogue's order.
void add_measures(data& d, const NoticeTemplates& t, const MeasureCatalogue& catalogue, ResponseLevel response) {
  std::map<std::string, std::vector<const Measure*>> by_class;
  std::vector<std::pair<std::string, std::vector<const Measure*>>> sectors;
  for (const Measure* m : catalogue.at(response)) {
    if (m->measure_class != "mandatory") {
      by_class[m->measure_class].push_back(m);
      continue;
    }
    if (sectors.empty() || sectors.back().first != m->sector)
      sectors.emplace_back(m->sector, std::vector<const Measure*>{});
    sectors.back().second.push_back(m);
  }
  d.set("health", numbered(by_class["health"]));
  d.set("advisory", numbered(by_class["advisory"]));
  data mandatory{data::type::list};
  int number = 0;
  for (const auto& [sector, measures] : sectors) {
    const auto label = t.sectors.find(sector);
    if (label == t.sectors.end())
      throw InvalidArgument("notices: no heading for the mandatory sector '" + sector + "' (notices.toml [sectors])");
    data s;
    s.set("number", std::to_string(++number));
    s.set("sector", label->second);
    s.set("measures", numbered(measures));
    mandatory.push_back(s);
  }
  d.set("mandatory", mandatory);
}

std::string level_zh(const RuleSet& rules, int level) {
  return level <= 0 ? std::string() : rules.levels.at(static_cast<std::size_t>(level - 1)).name_zh;
}

// D2: the summary's due time after the response that this LIFT ends, when the calendar has its year.
std::string summary_due(const SeasonResult& s, ptime lift) {
  if (s.periods.empty()) return "";
  try {
    DeadlineOptions options;
    if (!s.days.empty()) options.last_day = s.days.back().day;
    const int season = season_of_run(s.days.empty() ? boost::gregorian::date() : s.days.front().day, s.periods);
    for (const auto& d : deadline_calendar(season, s.warnings, s.periods, options))
      if (d.kind == DeadlineKind::response_summary && d.period < s.periods.size() && s.periods[d.period].end == lift &&
          !d.due.is_special())
        return chinese_date(d.due.date());
  } catch (const CalendarNotAvailable&) {
  }
  return "";  // no response ended here, or the holiday calendar lacks the year: the notice omits the date
}

// The facts every template may use (docs/notices.md).
data facts(const Plan& plan, const SeasonResult& s, const SeasonEvent& e) {
  const auto& t = *plan.notices;
  const auto& dl = *plan.deadlines;
  data d;
  d.set("office", t.office_zh);
  d.set("recipients", t.recipients_zh);
  d.set("relay", s.mode == SeasonMode::relay);
  d.set("issued", chinese_time(e.time));
  d.set("issuer", e.issuer.empty() ? std::string("上级重污染天气应急指挥机构") : e.issuer);
  if (!e.doc_no.empty()) d.set("doc_no", e.doc_no);
  if (!e.run_first.is_special()) d.set("run_first", chinese_date(e.run_first));
  if (!e.run_last.is_special()) d.set("run_last", chinese_date(e.run_last));
  d.set("level", level_zh(*s.rules, e.level));
  d.set("previous_level", level_zh(*s.rules, e.previous));
  d.set("response", std::string(name_zh(s.rules->response(e.level))));
  d.set("previous_response", std::string(name_zh(s.rules->response(e.previous))));
  if (!e.response_from.is_special()) d.set("response_start", chinese_time(e.response_from));
  if (!e.expected_end.is_special()) d.set("expected_end", chinese_time(e.expected_end));
  d.set("report_who", dl.daily_report.who_zh);
  char time[8];
  std::snprintf(time, sizeof time, "%d:%02d", static_cast<int>(dl.daily_report_time.hours()),
                static_cast<int>(dl.daily_report_time.minutes()));
  d.set("report_time", std::string(time));
  d.set("report_to", dl.submit_to_zh);
  d.set("summary_days", std::to_string(dl.summary_working_days));
  d.set("summary_who", dl.response_summary.who_zh);
  d.set("date", chinese_date(e.time.date()));
  return d;
}

// N3: every channel from the notice until the warning's lift.
std::vector<ChecklistItem> checklist(const Plan& plan, const SeasonResult& s, std::size_t event) {
  ptime until(boost::posix_time::not_a_date_time);
  const ptime from = s.events[event].time;
  if (s.events[event].type == EventType::lift) until = from;
  for (std::size_t k = event + 1; k < s.events.size() && until.is_special(); ++k)
    if (s.events[k].type == EventType::lift) until = s.events[k].time;
  std::vector<ChecklistItem> out;
  for (const auto& c : plan.notices->channels) {
    std::string who;
    for (const auto& id : c.who) who += (who.empty() ? "" : "、") + plan.responses->department(id).name_zh;
    out.push_back({c.id, c.zh, c.timing, c.timing_zh, who, from, c.timing == "once" ? from : until, c.source});
  }
  return out;
}

}  // namespace

Notice render_notice(const Plan& plan, const SeasonResult& season, std::size_t event) {
  if (event >= season.events.size())
    throw InvalidArgument("render_notice: event " + std::to_string(event) + " out of range; the season has " +
                          std::to_string(season.events.size()) + " events");
  if (!plan.notices) throw InvalidArgument("render_notice: the plan '" + plan.id + "' has no notices part");
  const SeasonEvent& e = season.events[event];
  const auto& t = *plan.notices;
  data d = facts(plan, season, e);
  Notice n;
  n.event = event;
  n.time = e.time;
  n.type = e.type;
  n.level = e.level;
  n.previous = e.previous;
  n.response = season.rules->response(e.level);
  n.doc_no = e.doc_no;
  if (e.type == EventType::lift) {
    const std::string due = summary_due(season, e.time);
    if (!due.empty()) d.set("summary_due", due);
    n.text = render(t.lift_body, d);
  } else {
    d.set("action", t.actions.at(e.type));
    add_measures(d, t, *plan.responses, n.response);
    n.text = render(t.response_body, d);
  }
  n.title = render(t.titles.at(e.type), d);
  // The templates begin with a line break (TOML multi-line strings); the notice does not.
  while (!n.text.empty() && n.text.front() == '\n') n.text.erase(0, 1);
  n.checklist = checklist(plan, season, event);
  return n;
}

// Relay mode: the events of orders; forecast mode: every event.
std::vector<Notice> render_notices(const Plan& plan, const SeasonResult& season) {
  std::vector<Notice> out;
  for (std::size_t k = 0; k < season.events.size(); ++k)
    if (season.mode == SeasonMode::forecast || season.events[k].order >= 0)
      out.push_back(render_notice(plan, season, k));
  return out;
}

}  // namespace aqi
