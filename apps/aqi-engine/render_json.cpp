// The JSON report: every fact of the report, keyed in English, names in both languages. The keys
// of earlier versions keep their names and shapes (docs/engine.md lists them).
#include <nlohmann/json.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/warning/season.hpp"
#include "render.hpp"

namespace aqi::engine {

namespace {

using nlohmann::json;

json iso(date d) { return aqi::detail::iso(d); }
json iso(ptime t) { return aqi::detail::iso(t); }
json iso(const std::optional<ptime>& t) { return t ? iso(*t) : json(nullptr); }
json number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

template <class T>
json indices(const std::vector<T>& v) {
  json out = json::array();
  for (const auto& i : v) out.push_back(i);
  return out;
}

json scenario(const ScenarioFacts& s) {
  return {{"name", s.name},
          {"county", s.county},
          {"dir", s.dir},
          {"rules", s.rules_id},
          {"rules_title", s.rules_title},
          {"plan", {{"id", s.plan_id}, {"title", s.plan_title}, {"document", s.plan_document}}},
          {"season", {{"start", iso(s.season_start)}, {"end", iso(s.season_end)}}},
          {"forecasts", s.forecasts},
          {"mode", s.mode},
          {"orders", s.orders},
          {"unused", s.unused}};
}

void add_observed(json& out, const ObservedFacts& o) {
  json days = json::array(), categories = json::array(), editions = json::array();
  for (const auto& d : o.days)
    days.push_back({{"date", iso(d.day)},
                    {"aqi", d.aqi ? json(*d.aqi) : json(nullptr)},
                    {"category", d.category},
                    {"primary", d.primary},
                    {"edition", d.edition}});
  for (const auto& c : o.categories)
    categories.push_back({{"category", c.category}, {"zh", c.zh}, {"en", c.en}, {"days", c.days}});
  for (const auto& e : o.editions) editions.push_back({{"edition", e.edition}, {"indicators", e.indicators}});
  out["observed_aqi"] = days;
  out["observed_summary"] = {{"days", o.days.size()}, {"categories", categories}, {"editions", editions}};
}

json events(const std::vector<EventFacts>& events) {
  json out = json::array();
  for (const auto& e : events)
    out.push_back({{"time", iso(e.time)},
                   {"event", e.type},
                   {"level", e.level.en},
                   {"level_zh", e.level.zh},
                   {"previous", e.previous.en},
                   {"response", e.response.key},
                   {"response_zh", e.response.zh},
                   {"response_from", iso(e.response_from)},
                   {"lead_hours", number(e.lead_hours)},
                   {"short_lead", e.short_lead},
                   {"imposed", e.imposed},
                   {"county_level", e.county_level.en},
                   {"comparison", e.comparison},
                   {"reason", e.reason},
                   {"doc_no", e.doc_no},
                   {"issuer", e.issuer},
                   {"note", e.note}});
  return out;
}

// SPEC L8–L11: the orders relayed, each with the county's forecast beside it.
json orders(const std::vector<OrderFacts>& orders) {
  json out = json::array();
  for (const auto& o : orders)
    out.push_back({{"issued", iso(o.issued)},
                   {"event", o.event},
                   {"level", o.level.en},
                   {"level_zh", o.level.zh},
                   {"response", o.response.key},
                   {"response_zh", o.response.zh},
                   {"response_start", iso(o.response_start)},
                   {"expected_end", iso(o.expected_end)},
                   {"doc_no", o.doc_no},
                   {"issuer", o.issuer},
                   {"lead_hours", number(o.lead_hours)},
                   {"short_lead", o.short_lead},
                   {"county_level", o.county_level.code < 0 ? json(nullptr) : json(o.county_level.en)},
                   {"county_level_zh", o.county_level.zh},
                   {"comparison", o.comparison},
                   {"note", o.note},
                   {"event_index", o.event_index}});
  return out;
}

json advice(const std::vector<AdviceFacts>& advice) {
  json out = json::array();
  for (const auto& a : advice)
    out.push_back({{"time", iso(a.time)},
                   {"forecast_level", a.forecast_level.en},
                   {"forecast_level_zh", a.forecast_level.zh},
                   {"order_level", a.order_level.en},
                   {"order_level_zh", a.order_level.zh},
                   {"run_first", iso(a.first)},
                   {"run_last", iso(a.last)},
                   {"note", a.note}});
  return out;
}

json expected(const Report& r) {
  json runs = json::array();
  for (const auto& e : r.expected)
    runs.push_back({{"time", iso(e.time)},
                    {"level", e.level.en},
                    {"level_zh", e.level.zh},
                    {"run_first", iso(e.first)},
                    {"run_last", iso(e.last)},
                    {"lead_hours", e.lead_hours},
                    {"reason", e.reason}});
  return {{"issue_horizon_hours", r.issue_horizon_hours}, {"runs", runs}};
}

// Issue 16: the days missing from the forecasts.
json gaps(const std::vector<GapFacts>& gaps) {
  json out = json::array();
  for (const auto& g : gaps)
    out.push_back({{"date", iso(g.day)},
                   {"last_date", iso(g.last)},
                   {"kind", g.kind},
                   {"kind_zh", g.kind_zh},
                   {"issue_date", iso(g.issue)},
                   {"detail_zh", g.zh},
                   {"detail", g.en},
                   {"warning_number", g.warning ? json(*g.warning + 1) : json(nullptr)},  // as warnings[].number
                   {"changed", g.changed}});
  return out;
}

json warnings(const std::vector<WarningFacts>& warnings) {
  json out = json::array();
  for (const auto& w : warnings)
    out.push_back({{"number", w.number},
                   {"issued", iso(w.issued)},
                   {"lifted", iso(w.lifted)},
                   {"highest", w.highest.en},
                   {"highest_zh", w.highest.zh},
                   {"response", w.response.key},
                   {"response_zh", w.response.zh},
                   {"imposed", w.imposed},
                   {"events", indices(w.events)},
                   {"doc_no", w.doc_no},
                   {"response_period", w.period ? json(*w.period) : json(nullptr)},
                   {"no_response", w.no_response}});
  return out;
}

void add_season(json& out, const Report& r) {
  json days = json::array(), periods = json::array(), verification = json::array();
  for (const auto& d : r.days)
    days.push_back({{"date", iso(d.day)}, {"warning", d.warning.en}, {"response", d.response.key}});
  for (const auto& p : r.periods)
    periods.push_back({{"start", iso(p.start)},
                       {"end", iso(p.end)},
                       {"response", p.response.key},
                       {"response_zh", p.response.zh},
                       {"level", p.level.en},
                       {"level_zh", p.level.zh},
                       {"doc_no", p.doc_no}});
  for (const auto& v : r.verification)
    verification.push_back({{"level", v.level.en},
                            {"level_zh", v.level.zh},
                            {"hits", v.hits},
                            {"misses", v.misses},
                            {"false_alarms", v.false_alarms},
                            {"correct_negatives", v.correct_negatives},
                            {"pod", number(v.pod)},
                            {"far", number(v.far)},
                            {"csi", number(v.csi)}});
  json warning_days = json::object(), response_hours = json::object(), event_counts = json::object();
  for (const auto& [level, n] : r.counts.warning_days) warning_days[level.en] = n;
  for (const auto& [response, n] : r.counts.response_hours) response_hours[response.key] = n;
  for (const auto& [type, n] : r.counts.events) event_counts[type] = n;
  out["events"] = events(r.events);
  out["orders"] = orders(r.orders);
  out["advice"] = advice(r.advice);
  out["expected"] = expected(r);
  out["gaps"] = gaps(r.gaps);
  out["days"] = days;
  out["warnings"] = warnings(r.warnings);
  out["response_periods"] = periods;
  out["counts"] = {{"warning_days", warning_days},
                   {"response_hours", response_hours},
                   {"events", event_counts},
                   {"flaps", r.counts.flaps},
                   {"flap_window_hours", r.counts.flap_window_hours}};
  out["verification"] = verification;
}

json measure(const MeasureFacts& m) {
  return {{"class", m.measure_class}, {"zh", m.zh}, {"en", m.en}, {"source", m.source}};
}

// `measures` as before: per level, each department's tasks by its Chinese name; `response_levels`
// in full: why the level is reported, the procedures for every unit, the departments and the
// text of each measure once.
void add_measures(json& out, const std::vector<LevelMeasures>& levels) {
  json by_level = json::object(), full = json::array();
  for (const auto& l : levels) {
    json by_department = json::object(), departments = json::array(), texts = json::object(), every_unit;
    every_unit = json::array();
    for (const auto& p : l.procedures) {
      every_unit.push_back(p.id);
      texts[p.id] = measure(p);
    }
    for (const auto& d : l.departments) {
      json tasks = json::array(), ids = json::array();
      for (const auto& m : d.measures) {
        tasks.push_back({{"id", m.id}, {"en", m.en}, {"zh", m.zh}});
        ids.push_back(m.id);
        texts[m.id] = measure(m);
      }
      by_department[d.zh] = tasks;
      departments.push_back({{"id", d.id}, {"zh", d.zh}, {"en", d.en}, {"measures", ids}});
    }
    by_level[l.response.key] = by_department;
    full.push_back({{"response", l.response.key},
                    {"response_zh", l.response.zh},
                    {"reached_by",
                     {{"response_periods", indices(l.reached_by.periods)}, {"events", indices(l.reached_by.events)}}},
                    {"every_unit", every_unit},
                    {"departments", departments},
                    {"measures", texts}});
  }
  out["measures"] = by_level;
  out["response_levels"] = full;
}

json pollutant(const PollutantFacts& p) {
  json top = json::array();
  for (const auto& c : p.top)
    top.push_back({{"id", c.id}, {"name", c.name}, {"reduction", c.reduction}, {"share", c.share}});
  return {{"pollutant", p.key},
          {"name", p.name},
          {"baseline", p.baseline},
          {"reduction", p.reduction},
          {"ratio", number(p.ratio)},
          {"target", p.target},
          {"met", p.met},
          {"traded", p.traded},
          {"shortfall", p.shortfall},
          {"shortfall_pp", p.shortfall_pp},
          {"verdict", p.verdict},
          {"deciding_baseline", p.deciding_baseline},
          {"unsourced_sources", p.unsourced_sources},
          {"reason_zh", p.reason_zh},
          {"reason", p.reason},
          {"top", top}};
}

json top_up(const TopUpFacts& t) {
  json cuts = json::array();
  for (const auto& c : t.cuts)
    cuts.push_back({{"id", c.id},
                    {"name", c.name},
                    {"extra", c.extra},
                    {"new_cut", c.new_cut},
                    {"cost", c.cost},
                    {"extra_lines", c.extra_lines ? json(*c.extra_lines) : json(nullptr)}});
  return {{"feasible", t.feasible},
          {"cost", t.cost},
          {"explanation", t.explanation},
          {"assumption_zh", t.assumption_zh},
          {"assumption", t.assumption},
          {"extra_cuts", t.cuts.size()},
          {"cuts", cuts}};
}

json cuts(const std::vector<CutsFacts>& levels) {
  json out = json::object();
  for (const auto& c : levels) {
    json rows = json::array();
    for (const auto& p : c.pollutants) rows.push_back(pollutant(p));
    json entry{{"response_zh", c.response.zh},
               {"summary", rows},
               {"met", c.met},
               {"sources", c.sources},
               {"excluded_sources", c.excluded},
               {"unsourced_sources", c.unsourced},
               {"unverified_sources", c.unverified},
               {"measures_document", c.measures_document},
               {"targets_document", c.targets_document}};
    if (c.dust) entry["dust"] = {{"reduction", c.dust->reduction}, {"counted", c.dust->counted}, {"cap", c.dust->cap}};
    if (c.top_up) entry["top_up"] = top_up(*c.top_up);
    json warnings = json::array(), rules = json::array();
    for (const auto& w : c.warnings)
      warnings.push_back({{"id", w.id}, {"rule", w.rule}, {"reason_zh", w.reason_zh}, {"reason", w.reason}});
    for (const auto& r : c.rules)
      rules.push_back({{"origin", r.origin},
                       {"verified", r.verified},
                       {"unverified", r.unverified},
                       {"not_sourced", r.not_sourced}});
    entry["warnings"] = warnings;
    entry["rules"] = rules;                    // E13
    entry["measures_file"] = c.measures_file;  // E13
    out[c.response.key] = entry;
  }
  return out;
}

json kilns(const KilnFacts& k) {
  json assignments = json::array(), months = json::array(), batches = json::array();
  for (const auto& w : k.assignments)
    assignments.push_back(
        {{"id", w.kiln}, {"line", w.line}, {"start", iso(w.start)}, {"end", iso(w.end)}, {"batch", w.batch}});
  for (const auto& m : k.months)
    months.push_back({{"month", m.month}, {"weight", m.weight}, {"stopped_capacity", m.stopped}, {"share", m.share}});
  for (const auto& b : k.batches)
    batches.push_back({{"name", b.name},
                       {"name_zh", b.zh},
                       {"start", iso(b.first)},
                       {"end", iso(b.last)},
                       {"extended", b.extended},
                       {"kilns", b.kilns},
                       {"capacity", b.capacity}});
  return {{"season", k.season},
          {"extension_days", k.extension_days},
          {"batches", batches},
          {"multi_line",
           {{"kilns", k.multi_line_kilns},
            {"stopped_lines", k.multi_line_stopped_lines},
            {"capacity", k.multi_line_capacity}}},
          {"total_capacity", k.total_capacity},
          {"months", months},
          {"assignments", assignments},
          {"objective", k.objective},
          {"bound", k.bound},
          {"gap", k.gap},
          {"exact", k.exact},
          {"violations", k.violations}};
}

void add_deadlines(json& out, const DeadlineSection& d) {
  json all = json::array(), entries = json::array();
  for (const auto& x : d.all)
    all.push_back({{"due", iso(x.due)},
                   {"rule", x.rule},
                   {"kind", std::string(name(x.kind))},
                   {"what", x.what},
                   {"what_zh", x.what_zh},
                   {"who", x.who},
                   {"who_zh", x.who_zh},
                   {"submit_to_zh", x.submit_to_zh},
                   {"period", x.period ? json(*x.period) : json(nullptr)},
                   {"warning", x.warning ? json(*x.warning) : json(nullptr)}});
  for (const auto& e : d.entries)
    entries.push_back({{"deadline", e.first}, {"count", e.count}, {"last_due", iso(e.last_due)}});
  out["deadlines"] = all;
  out["deadline_entries"] = entries;
  if (!d.unavailable.empty()) out["deadlines_unavailable"] = d.unavailable;
}

}  // namespace

std::string render_json(const Report& r) {
  json out{{"libaqi", r.scenario.libaqi_version}, {"scenario", scenario(r.scenario)}};
  add_observed(out, r.observed);
  add_season(out, r);
  add_measures(out, r.measures);
  out["emission_cuts"] = cuts(r.cuts);
  if (r.kilns) out["kilns"] = kilns(*r.kilns);
  add_deadlines(out, r.deadlines);
  return out.dump(2);
}

}  // namespace aqi::engine
