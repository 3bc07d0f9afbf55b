// The text report: the layout of each section (which lines, in which order); the words come
// from the language's table (texts.hpp).
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "aqi/detail/dates.hpp"
#include "aqi/warning/season.hpp"
#include "format.hpp"
#include "render.hpp"

namespace aqi::engine {

namespace {

// Top-up cuts listed by name; the rest are counted (all of them are in the JSON).
constexpr std::size_t extra_cuts_listed = 5;

std::string iso(date d) { return aqi::detail::iso(d); }
std::string iso(ptime t) { return aqi::detail::iso(t); }

std::string hours_minutes(ptime t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(t.time_of_day().hours()),
                static_cast<int>(t.time_of_day().minutes()));
  return buf;
}

void line(std::ostream& out, const std::string& text) { out << text << '\n'; }

std::string level_label(const Texts& t, const WarningLevel& level) {
  if (level.code == 0) return t.common.no_level;
  return fill(t.common.level, {{"zh", level.zh}, {"en", level.en}});
}

void header(std::ostream& out, const Texts& t, const ScenarioFacts& s) {
  line(out, fill(t.header.title, {{"version", s.libaqi_version}, {"name", s.name}}));
  line(out, fill(t.header.scenario, {{"dir", s.dir}, {"rules", s.rules_id}, {"title", s.rules_title}}));
  line(out,
       fill(t.header.season, {{"start", iso(s.season_start)}, {"end", iso(s.season_end)}, {"forecasts", s.forecasts}}));
  line(out, s.mode == "relay" ? fill(t.header.mode_relay, {{"orders", s.orders}, {"forecasts", s.forecasts}})
                              : fill(t.header.mode_forecast, {{"forecasts", s.forecasts}}));
  if (!s.unused.empty()) line(out, fill(t.header.unused, {{"files", join(s.unused, t.common.list_separator)}}));
}

void observed(std::ostream& out, const Texts& t, const ObservedFacts& o) {
  line(out, fill(t.observed.heading, {{"days", o.days.size()}}));
  for (const auto& c : o.categories) {
    const std::string zh = c.category == 0 ? t.observed.missing_category : c.zh;
    line(out, fill(t.observed.category, {{"zh", zh}, {"en", c.en}, {"days", c.days}}));
  }
  for (const auto& e : o.editions)
    line(out, fill(t.observed.edition,
                   {{"edition", e.edition}, {"indicators", join(e.indicators, t.common.list_separator)}}));
}

void timeline(std::ostream& out, const Texts& t, const std::vector<EventFacts>& events) {
  const auto& x = t.timeline;
  line(out, x.heading);
  line(out, fill(x.row, {{"time", x.columns.time},
                         {"event", x.columns.event},
                         {"level", x.columns.level},
                         {"response", x.columns.response},
                         {"response_zh", x.columns.response},
                         {"lead", x.columns.lead},
                         {"reason", x.columns.reason}}));
  for (const auto& e : events) {
    std::string lead;
    if (e.lead_hours) lead = fill(x.lead, {{"hours", *e.lead_hours}}) + (e.short_lead ? x.short_lead : "");
    const std::string reason =
        e.imposed ? fill(x.imposed_reason, {{"comparison", word(t, e.comparison)}, {"reason", e.reason}}) : e.reason;
    line(out, fill(x.row, {{"time", iso(e.time)},
                           {"event", word(t, e.type)},
                           {"level", level_label(t, e.level)},
                           {"response", e.response.key},
                           {"response_zh", e.response.zh},
                           {"lead", lead},
                           {"reason", reason}}));
    if (!e.note.empty()) line(out, fill(x.note, {{"note", e.note}}));
  }
}

std::string lead_text(const Texts& t, const std::optional<double>& hours, bool short_lead) {
  if (!hours) return "";
  return fill(t.timeline.lead, {{"hours", *hours}}) + (short_lead ? t.timeline.short_lead : "");
}

// SPEC L8–L11: each order with its response start, lead time, the county's forecast beside it.
void orders(std::ostream& out, const Texts& t, const std::vector<OrderFacts>& orders) {
  const auto& x = t.orders;
  const auto& c = x.columns;
  line(out, x.heading);
  line(out, fill(x.row, {{"issued", c.issued},
                         {"event", c.event},
                         {"level", c.level},
                         {"response", c.response},
                         {"response_zh", c.response},
                         {"start", c.start},
                         {"end", c.end},
                         {"lead", c.lead},
                         {"doc_no", c.doc_no},
                         {"issuer", c.issuer}}));
  for (const auto& o : orders) {
    line(out, fill(x.row, {{"issued", iso(o.issued)},
                           {"event", word(t, o.event)},
                           {"level", level_label(t, o.level)},
                           {"response", o.response.key},
                           {"response_zh", o.response.zh},
                           {"start", o.response_start ? iso(*o.response_start) : x.at_once},
                           {"end", o.expected_end ? iso(*o.expected_end) : ""},
                           {"lead", lead_text(t, o.lead_hours, o.short_lead)},
                           {"doc_no", o.doc_no},
                           {"issuer", o.issuer}}));
    line(out, o.county_level.code < 0
                  ? x.no_county
                  : fill(x.county, {{"level", level_label(t, o.county_level)}, {"comparison", word(t, o.comparison)}}));
    if (!o.note.empty()) line(out, fill(x.note, {{"note", o.note}}));
  }
}

// SPEC L10.
void advice(std::ostream& out, const Texts& t, const std::vector<AdviceFacts>& advice) {
  line(out, t.advice.heading);
  for (const auto& a : advice)
    line(out, fill(t.advice.row, {{"time", iso(a.time)},
                                  {"forecast", level_label(t, a.forecast_level)},
                                  {"order", level_label(t, a.order_level)},
                                  {"first", iso(a.first)},
                                  {"last", iso(a.last)},
                                  {"note", a.note}}));
}

// SPEC L12.
void expected(std::ostream& out, const Texts& t, const Report& r) {
  line(out, fill(t.expected.heading, {{"hours", r.issue_horizon_hours}}));
  for (const auto& e : r.expected)
    line(out, fill(t.expected.row, {{"time", iso(e.time)},
                                    {"level", level_label(t, e.level)},
                                    {"first", iso(e.first)},
                                    {"last", iso(e.last)},
                                    {"lead", e.lead_hours}}));
}

// Issue 16: each day missing from the forecasts, what the engine did, the warning it affected.
void gaps(std::ostream& out, const Texts& t, const std::vector<GapFacts>& rows) {
  line(out, fill(t.gaps.heading, {{"count", static_cast<int>(rows.size())}}));
  for (const auto& g : rows)
    line(out,
         fill(t.gaps.row, {{"date", iso(g.day)},
                           {"kind", g.kind},
                           {"kind_zh", g.kind_zh},
                           {"issue", iso(g.issue)},
                           {"zh", g.zh},
                           {"en", g.en},
                           {"warning", g.warning ? fill(t.gaps.warning, {{"number", static_cast<int>(*g.warning + 1)}})
                                                 : std::string()}}));
}

// One line: each pollutant's ratio against its target (R3–R4).
std::string cut_verdict(const Texts& t, const CutsFacts& c) {
  const auto& x = t.warnings;
  std::vector<std::string> verdicts;
  // E12: "NOT met" only where a target is short; where missing rules decide it, undetermined.
  bool any_short = false;
  for (const auto& p : c.pollutants) {
    const bool undetermined = !p.met && p.verdict == "undetermined";
    any_short = any_short || (!p.met && !undetermined);
    verdicts.push_back(fill(x.verdict, {{"pollutant", p.name},
                                        {"ratio", p.ratio},
                                        {"target", p.target},
                                        {"met", p.met          ? x.met
                                                : undetermined ? x.undetermined
                                                               : x.short_of_target}}));
  }
  const std::string& overall = c.met ? x.all_met : any_short ? x.not_all_met : x.undetermined_overall;
  return fill(x.cuts, {{"verdicts", join(verdicts, x.verdict_separator)}, {"overall", overall}});
}

void warnings(std::ostream& out, const Texts& t, const Report& r) {
  const auto& x = t.warnings;
  const auto document = [&](const std::string& doc_no) {
    return doc_no.empty() ? std::string() : fill(x.document, {{"doc_no", doc_no}});
  };
  line(out, x.heading);
  for (const auto& w : r.warnings) {
    line(out, fill(x.warning, {{"number", w.number},
                               {"issued", iso(w.issued)},
                               {"lifted", w.lifted ? iso(*w.lifted) : x.in_force},
                               {"level", level_label(t, w.highest)},
                               {"response", w.response.key},
                               {"response_zh", w.response.zh},
                               {"imposed", w.imposed ? x.superior : ""},
                               {"doc_no", document(w.doc_no)}}));
    if (!w.no_response.empty()) line(out, fill(x.no_response, {{"reason", w.no_response}}));
    if (const auto* c = r.cuts_at(w.response.level)) line(out, cut_verdict(t, *c));
  }
  for (const auto& p : r.periods)
    line(out, fill(x.period, {{"start", iso(p.start)},
                              {"end", p.end ? iso(*p.end) : x.end_of_data},
                              {"response", p.response.key},
                              {"response_zh", p.response.zh},
                              {"level", level_label(t, p.level)},
                              {"doc_no", document(p.doc_no)}}));
}

void season(std::ostream& out, const Texts& t, const SeasonCounts& c) {
  const auto& x = t.season;
  line(out, x.heading);
  std::string text = x.warning_days;
  for (const auto& [level, days] : c.warning_days)
    if (level.code > 0) text += fill(x.item, {{"name", level.en}, {"name_zh", level.zh}, {"count", days}});
  line(out, text);
  text = x.response_hours;
  for (const auto& [response, hours] : c.response_hours)
    text += fill(x.item, {{"name", response.key}, {"name_zh", response.zh}, {"count", hours}});
  line(out, text);
  text = x.events;
  for (const auto& [type, n] : c.events)
    text += fill(x.item, {{"name", word(t, type)}, {"name_zh", word(t, type)}, {"count", n}});
  line(out, text);
  line(out, fill(x.flaps, {{"count", c.flaps}, {"hours", c.flap_window_hours}}));
}

void verification(std::ostream& out, const Texts& t, const std::vector<VerificationRow>& rows) {
  const auto& x = t.verification;
  const auto& c = x.columns;
  line(out, x.heading);
  line(out, fill(x.row, {{"level", c.level},
                         {"level_zh", c.level},
                         {"hits", c.hits},
                         {"misses", c.misses},
                         {"false", c.false_alarms},
                         {"pod", c.pod},
                         {"far", c.far},
                         {"csi", c.csi}}));
  for (const auto& v : rows)
    line(out, fill(x.row, {{"level", v.level.en},
                           {"level_zh", v.level.zh},
                           {"hits", v.hits},
                           {"misses", v.misses},
                           {"false", v.false_alarms},
                           {"pod", v.pod},
                           {"far", v.far},
                           {"csi", v.csi}}));
}

std::string measure_line(const Texts& t, const MeasureFacts& m) {
  return fill(t.measures.measure, {{"id", m.id}, {"zh", m.zh}, {"en", m.en}});
}

// Procedures bind every unit alike: listed once, not under each department.
void measures(std::ostream& out, const Texts& t, const LevelMeasures& m) {
  const auto& x = t.measures;
  line(out, fill(x.heading, {{"response", m.response.key}, {"response_zh", m.response.zh}}));
  line(out, x.every_unit);
  for (const auto& p : m.procedures) line(out, measure_line(t, p));
  for (const auto& d : m.departments) {
    std::vector<const MeasureFacts*> own;
    for (const auto& task : d.measures)
      if (task.measure_class != "procedure") own.push_back(&task);
    if (own.empty()) continue;
    line(out, fill(x.department, {{"id", d.id}, {"zh", d.zh}, {"en", d.en}}));
    for (const auto* task : own) line(out, measure_line(t, *task));
  }
}

std::string pollutant_verdict(const Texts& t, const PollutantFacts& p) {
  if (p.met) return p.traded ? t.cuts.met_traded : t.cuts.met;
  return fill(p.verdict == "undetermined" ? t.cuts.undetermined : t.cuts.short_of_target,
              {{"pp", p.shortfall_pp}, {"tonnes", p.shortfall}});
}

// R6: the sources that contribute most, per pollutant.
void largest_cuts(std::ostream& out, const Texts& t, const CutsFacts& c) {
  for (const auto& p : c.pollutants) {
    if (p.top.empty()) continue;
    std::vector<std::string> sources;
    for (const auto& s : p.top)
      sources.push_back(fill(t.cuts.contributor, {{"id", s.id}, {"name", s.name}, {"share", s.share}}));
    line(out, fill(t.cuts.largest, {{"pollutant", p.name}, {"sources", join(sources, t.common.list_separator)}}));
  }
}

void top_up(std::ostream& out, const Texts& t, const TopUpFacts& u) {
  line(out, fill(t.cuts.top_up, {{"explanation", u.explanation}}));
  if (!u.assumption.empty())
    line(out, fill(t.cuts.assumption, {{"assumption", u.assumption}, {"assumption_zh", u.assumption_zh}}));
  for (std::size_t i = 0; i < u.cuts.size() && i < extra_cuts_listed; ++i) {
    const auto& x = u.cuts[i];
    line(out, fill(t.cuts.extra_cut,
                   {{"id", x.id}, {"name", x.name}, {"extra", x.extra}, {"cut", x.new_cut}, {"cost", x.cost}}));
  }
  if (u.cuts.size() > extra_cuts_listed) line(out, fill(t.cuts.more, {{"count", u.cuts.size() - extra_cuts_listed}}));
}

void cuts(std::ostream& out, const Texts& t, const CutsFacts& c) {
  const auto& x = t.cuts;
  const auto& h = x.columns;
  line(out, fill(x.heading, {{"response", c.response.key}, {"response_zh", c.response.zh}, {"sources", c.sources}}));
  line(out, fill(x.row, {{"pollutant", h.pollutant},
                         {"baseline", h.baseline},
                         {"reduced", h.reduced},
                         {"ratio", h.ratio},
                         {"target", h.target},
                         {"verdict", h.verdict}}));
  for (const auto& p : c.pollutants)
    line(out, fill(x.row, {{"pollutant", p.name},
                           {"baseline", p.baseline},
                           {"reduced", p.reduction},
                           {"ratio", p.ratio},
                           {"target", p.target},
                           {"verdict", pollutant_verdict(t, p)}}));
  if (c.dust)
    line(out, fill(x.dust, {{"reduced", c.dust->reduction}, {"counted", c.dust->counted}, {"cap", c.dust->cap}}));
  line(out, fill(x.sources, {{"excluded", c.excluded}, {"unsourced", c.unsourced}, {"unverified", c.unverified}}));
  for (const auto& p : c.pollutants)
    if (p.verdict != "met" && !p.reason.empty())
      line(out, fill(x.verdict_reason, {{"pollutant", p.name}, {"reason", p.reason}, {"reason_zh", p.reason_zh}}));
  for (const auto& r : c.rules)
    line(out, fill(x.rules, {{"origin", r.origin},
                             {"origin_zh", r.origin == "bureau" ? "本局补充" : "随库发布"},
                             {"verified", r.verified},
                             {"unverified", r.unverified},
                             {"not_sourced", r.not_sourced}}));
  if (!c.measures_file.empty()) line(out, fill(x.measures_file, {{"file", c.measures_file}}));
  for (const auto& w : c.warnings) line(out, fill(x.warning, {{"reason", w.reason}, {"reason_zh", w.reason_zh}}));
  largest_cuts(out, t, c);
  if (c.top_up) top_up(out, t, *c.top_up);
}

void kilns(std::ostream& out, const Texts& t, const KilnFacts& k) {
  const auto& x = t.kilns;
  line(out, fill(x.heading, {{"season", k.season}}));
  for (const auto& b : k.batches)
    line(out, fill(x.batch, {{"name", b.name},
                             {"zh", b.zh},
                             {"first", iso(b.first)},
                             {"last", iso(b.last)},
                             {"extended", b.extended ? fill(x.extended, {{"days", k.extension_days}}) : ""},
                             {"kilns", b.kilns},
                             {"capacity", b.capacity}}));
  line(out, fill(x.multi_line, {{"kilns", k.multi_line_kilns},
                                {"lines", k.multi_line_stopped_lines},
                                {"capacity", k.multi_line_capacity}}));
  const auto& c = x.columns;
  line(out, fill(x.month_row, {{"month", c.month}, {"weight", c.weight}, {"stopped", c.stopped}, {"share", c.share}}));
  for (const auto& m : k.months)
    line(out,
         fill(x.month_row, {{"month", m.month}, {"weight", m.weight}, {"stopped", m.stopped}, {"share", m.share}}));
  line(out, fill(x.objective,
                 {{"objective", k.objective}, {"bound", k.bound}, {"gap", k.gap}, {"exact", k.exact ? x.exact : ""}}));
  line(out, fill(x.validation, {{"result", k.violations.empty() ? x.valid : k.violations.front()}}));
}

std::string due_text(const Texts& t, const std::optional<ptime>& due) { return due ? iso(*due) : t.deadlines.pending; }

// Daily reports are listed per response as a range; the rest one by one.
void deadlines(std::ostream& out, const Texts& t, const DeadlineSection& d) {
  const auto& x = t.deadlines;
  line(out, x.heading);
  if (!d.unavailable.empty()) {
    line(out, fill(x.unavailable, {{"reason", d.unavailable}}));
    return;
  }
  for (const auto& e : d.entries) {
    const auto& f = d.all[e.first];
    if (f.kind == DeadlineKind::daily_report) {
      line(out, fill(x.daily, {{"due", due_text(t, f.due)},
                               {"rule", f.rule},
                               {"time", f.due ? hours_minutes(*f.due) : ""},
                               {"to", f.submit_to_zh},
                               {"count", e.count},
                               {"days", e.count == 1 ? x.day : x.days},
                               {"last", e.last_due ? iso(e.last_due->date()) : ""},
                               {"who", f.who},
                               {"who_zh", f.who_zh}}));
    } else {
      line(out, fill(x.other, {{"due", due_text(t, f.due)},
                               {"rule", f.rule},
                               {"what", f.what},
                               {"what_zh", f.what_zh},
                               {"who", f.who},
                               {"who_zh", f.who_zh}}));
    }
  }
}

// Relay mode: the orders and the advice; forecast mode: the timeline and the runs beyond the horizon.
void season_timeline(std::ostream& out, const Texts& t, const Report& r) {
  if (r.scenario.mode == "relay") {
    orders(out, t, r.orders);
    if (!r.advice.empty()) {
      out << '\n';
      advice(out, t, r.advice);
    }
    return;
  }
  timeline(out, t, r.events);
  if (!r.expected.empty()) {
    out << '\n';
    expected(out, t, r);
  }
}

void season_gaps(std::ostream& out, const Texts& t, const Report& r) {
  if (r.gaps.empty()) return;
  out << '\n';
  gaps(out, t, r.gaps);
}

}  // namespace

// Every section after the header begins with an empty line.
void render_text(const Report& r, const Texts& t, std::ostream& out) {
  header(out, t, r.scenario);
  out << '\n';
  observed(out, t, r.observed);
  out << '\n';
  season_timeline(out, t, r);
  season_gaps(out, t, r);
  out << '\n';
  warnings(out, t, r);
  out << '\n';
  season(out, t, r.counts);
  if (!r.verification.empty()) {
    out << '\n';
    verification(out, t, r.verification);
  }
  for (const auto& m : r.measures) {
    out << '\n';
    measures(out, t, m);
  }
  for (const auto& c : r.cuts) {
    out << '\n';
    cuts(out, t, c);
  }
  if (r.kilns) {
    out << '\n';
    kilns(out, t, *r.kilns);
  }
  out << '\n';
  deadlines(out, t, r.deadlines);
}

}  // namespace aqi::engine
