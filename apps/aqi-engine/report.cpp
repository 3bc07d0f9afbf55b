// Builds the engine's report from a scenario run: each section by one function, every decision
// made by the library, every name resolved here once for both renderings.
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "aqi/aqi.hpp"
#include "aqi/detail/dates.hpp"

namespace aqi::engine {

namespace {

std::optional<double> number(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

std::optional<ptime> when(ptime t) { return t.is_special() ? std::nullopt : std::optional<ptime>(t); }

// Code -1 (no forecast of the county yet) is named "" in both languages.
WarningLevel warning_level(const RuleSet& rules, int code) {
  if (code < 0) return {code, "", ""};
  WarningLevel w{code, rules.level_name(code), ""};
  if (code > 0) w.zh = rules.levels.at(static_cast<std::size_t>(code - 1)).name_zh;
  return w;
}

Response response(ResponseLevel level) { return {level, std::string(name(level)), std::string(name_zh(level))}; }

ScenarioFacts scenario_facts(const Scenario& s) {
  ScenarioFacts f;
  f.libaqi_version = aqi::version;
  f.name = s.name;
  f.county = s.county;
  f.dir = s.dir;
  f.rules_id = s.rules->id;
  f.rules_title = s.rules->title;
  f.plan_id = s.plan->id;
  f.plan_title = s.plan->title;
  f.plan_document = s.plan->document;
  f.season_start = s.season_start;
  f.season_end = s.season_end;
  f.forecasts = s.forecast_source;
  f.mode = std::string(name(s.mode));
  f.orders = s.orders_source;
  // SPEC L7: what the other mode would use is named, not silently dropped.
  if (s.mode == SeasonMode::forecast && !s.orders_source.empty()) f.unused.push_back(s.orders_source);
  if (s.mode == SeasonMode::relay && !s.imposed_source.empty()) f.unused.push_back(s.imposed_source);
  return f;
}

// SPEC A1–A7: each observed day, the days per category, and the columns each edition rated.
ObservedFacts observed_facts(const Scenario& s) {
  ObservedFacts f;
  const auto& t = s.observed_table;
  std::map<int, int> per_category;
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const double a = t.aqi[i];
    f.days.push_back({s.observations.dates[i], std::isnan(a) ? std::nullopt : std::optional<int>(static_cast<int>(a)),
                      t.category[i], t.primary(i).to_string(), t.record_edition[i]->id()});
    ++per_category[t.category[i]];
  }
  for (auto [category, days] : per_category) {
    const auto c = static_cast<Category>(category);
    f.categories.push_back({category, std::string(name_zh(c)), std::string(name_en(c)), days});
  }
  for (const auto& [edition, use] : t.uses) {
    EditionUse u{edition->id(), {}};
    for (auto i : use.used) u.indicators.emplace_back(key(i));
    f.editions.push_back(std::move(u));
  }
  return f;
}

EventFacts event_facts(const RuleSet& rules, const SeasonEvent& e) {
  EventFacts f;
  f.time = e.time;
  f.type = std::string(name(e.type));
  f.level = warning_level(rules, e.level);
  f.previous = warning_level(rules, e.previous);
  f.response = response(rules.response(e.level));
  f.response_from = when(e.response_from);
  f.lead_hours = number(e.lead_hours);
  f.short_lead = e.short_lead;
  f.imposed = e.imposed;
  f.county_level = warning_level(rules, e.county_level);
  f.comparison = std::string(name(e.comparison));
  f.reason = e.reason;
  f.doc_no = e.doc_no;
  f.issuer = e.issuer;
  f.note = e.note;
  return f;
}

// SPEC L8, L11, L10: each relayed order beside its event.
std::vector<OrderFacts> order_facts(const RuleSet& rules, const SeasonResult& r) {
  std::vector<OrderFacts> out;
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const SeasonEvent& e = r.events[i];
    if (e.order < 0) continue;
    const Order& o = r.orders[static_cast<std::size_t>(e.order)];
    OrderFacts f;
    f.issued = o.issued;
    f.event = std::string(name(o.event));
    f.level = warning_level(rules, o.level);
    f.response = response(rules.response(o.level));
    if (o.event != EventType::lift) f.response_start = o.response_start;
    f.expected_end = when(o.expected_end);
    f.doc_no = o.doc_no;
    f.issuer = o.issuer;
    f.lead_hours = number(e.lead_hours);
    f.short_lead = e.short_lead;
    f.county_level = warning_level(rules, e.county_level);
    f.comparison = std::string(name(e.comparison));
    f.note = e.note;
    f.event_index = i;
    out.push_back(std::move(f));
  }
  return out;
}

// Each warning of the season (the library's, ISSUE to LIFT): its events, highest level, response
// period or why it has none, and whether a superior command's order is among its events.
std::vector<WarningFacts> warning_facts(const RuleSet& rules, const SeasonResult& r) {
  std::vector<WarningFacts> out;
  for (const WarningPeriod& w : r.warnings) {
    WarningFacts f;
    f.number = static_cast<int>(out.size()) + 1;
    f.issued = w.issued;
    f.lifted = when(w.lifted);
    f.highest = warning_level(rules, w.highest);
    f.response = response(rules.response(w.highest));
    for (std::size_t i = w.first_event; i <= w.last_event; ++i) {
      f.events.push_back(i);
      f.imposed = f.imposed || r.events[i].imposed;
    }
    f.doc_no = w.doc_no;
    if (w.period != WarningPeriod::no_period) f.period = w.period;
    if (!f.period && f.lifted) f.no_response = "lifted before the response began (SPEC L2)";
    out.push_back(std::move(f));
  }
  return out;
}

SeasonCounts season_counts(const RuleSet& rules, const SeasonResult& r) {
  SeasonCounts c;
  for (int k = 0; k <= rules.level_count(); ++k)
    c.warning_days.emplace_back(warning_level(rules, k), r.warning_days[static_cast<std::size_t>(k)]);
  for (const auto& [level, hours] : r.response_hours) c.response_hours.emplace_back(response(level), hours);
  for (const auto& [type, n] : r.event_counts) c.events.emplace_back(name(type), n);
  c.flaps = r.flaps;
  c.flap_window_hours = rules.flap_window_hours;
  return c;
}

// L10 and L12: the advice of the county's forecasts (relay), the runs beyond the horizon (forecast).
void add_advice_and_expected(Report& rep, const RuleSet& rules, const SeasonResult& r) {
  for (const auto& a : r.advice)
    rep.advice.push_back(
        {a.time, warning_level(rules, a.forecast_level), warning_level(rules, a.order_level), a.first, a.last, a.note});
  rep.issue_horizon_hours = rules.issue_horizon_hours;
  for (const auto& x : r.expected)
    rep.expected.push_back({x.time, warning_level(rules, x.level), x.first, x.last, x.lead_hours, x.reason});
}

// The warning part: events, orders, advice, runs beyond the horizon, warnings, responses, days,
// counts and the verification (L1–L12).
void add_season(Report& rep, const RuleSet& rules, const SeasonResult& r) {
  for (const auto& e : r.events) rep.events.push_back(event_facts(rules, e));
  rep.orders = order_facts(rules, r);
  add_advice_and_expected(rep, rules, r);
  rep.warnings = warning_facts(rules, r);
  for (const auto& p : r.periods)
    rep.periods.push_back({p.start, when(p.end), response(p.highest), warning_level(rules, p.level), p.doc_no});
  for (const auto& d : r.days) rep.days.push_back({d.day, warning_level(rules, d.warning), response(d.response)});
  rep.counts = season_counts(rules, r);
  for (const auto& g : r.gaps)
    rep.gaps.push_back(
        {g.day, g.last, std::string(name(g.kind)), std::string(name_zh(g.kind)), g.issue, g.detail_zh, g.detail,
         g.warning == SeasonGap::no_warning ? std::nullopt : std::optional<std::size_t>(g.warning), g.changed});
  for (const auto& v : r.verification)
    rep.verification.push_back({warning_level(rules, v.level), v.hits, v.misses, v.false_alarms, v.correct_negatives,
                                number(v.pod), number(v.far), number(v.csi)});
}

MeasureFacts measure_facts(const Measure& m) { return {m.id, m.measure_class, m.zh, m.en, m.source}; }

// SPEC R2: the level's procedures (every unit) and each department's tasks, with why the level
// is reported.
LevelMeasures level_measures(const MeasureCatalogue& catalogue, ResponseLevel level, const Report& rep) {
  LevelMeasures out;
  out.response = response(level);
  for (std::size_t i = 0; i < rep.periods.size(); ++i)
    if (rep.periods[i].response.level == level) out.reached_by.periods.push_back(i);
  for (std::size_t i = 0; i < rep.events.size(); ++i)
    if (rep.events[i].level.code > 0 && rep.events[i].response.level == level) out.reached_by.events.push_back(i);
  for (const auto* m : catalogue.at(level))
    if (m->measure_class == "procedure") out.procedures.push_back(measure_facts(*m));
  for (const auto& d : catalogue.departments) {
    DepartmentTasks t{d.id, d.name_zh, d.name_en, {}};
    for (const auto* m : catalogue.tasks(d.id, level)) t.measures.push_back(measure_facts(*m));
    if (!t.measures.empty()) out.departments.push_back(std::move(t));
  }
  return out;
}

// "t/day" to two decimals, as the office reads them.
std::string tonnes(double t) { return detail::format_number(std::round(t * 100) / 100); }

// SPEC E12: the verdict and why, Chinese first.
void verdict_reason(const PollutantCheck& p, PollutantFacts& f) {
  f.verdict = std::string(key(p.verdict));
  f.deciding_baseline = p.deciding_baseline;
  f.unsourced_sources = p.unsourced_sources;
  const std::string n = std::to_string(p.unsourced_sources), name = std::string(display_name(p.pollutant));
  switch (p.verdict) {
    case Verdict::met:
      f.reason_zh = "达标";
      f.reason = "met";
      return;
    case Verdict::undetermined:
      f.reason_zh = "无法判定：" + n + "个源无来源规则，" + name + " " + tonnes(p.deciding_baseline) + "吨/日";
      f.reason =
          "undetermined: " + n + " sources without a sourced rule, " + tonnes(p.deciding_baseline) + " t/day " + name;
      return;
    case Verdict::short_:
      f.reason_zh = "未达标：即使" + n + "个无来源规则的源全部停产，仍不能达标";
      f.reason = "short: not met even if the " + n + " sources without a sourced rule stopped entirely";
      return;
  }
}

PollutantFacts pollutant_facts(const Inventory& inv, const PollutantCheck& p) {
  PollutantFacts f;
  f.key = std::string(key(p.pollutant));
  f.name = std::string(display_name(p.pollutant));
  f.baseline = p.baseline;
  f.reduction = p.reduction;
  f.ratio = number(p.ratio);
  f.target = p.target;
  f.met = p.met;
  f.traded = p.traded;
  f.shortfall = p.shortfall;
  f.shortfall_pp = p.shortfall_pp;
  for (const auto& t : p.top) f.top.push_back({inv.id[t.source], inv.name[t.source], t.reduction, t.share});
  verdict_reason(p, f);
  return f;
}

TopUpFacts top_up_facts(const Inventory& inv, const TopUp& t) {
  TopUpFacts f{t.feasible, t.cost, t.explanation, {}, t.assumption_zh, t.assumption};
  for (const auto& x : t.cuts)
    f.cuts.push_back({inv.id[x.source], inv.name[x.source], x.extra, x.new_cut, x.cost,
                      x.extra_lines < 0 ? std::nullopt : std::optional<int>(x.extra_lines)});
  return f;
}

// SPEC E1–E10, R3–R6 at one response level, with the plan's measure table and targets; the
// top-up when the level's measures fall short.
CutsFacts cuts_facts(const Scenario& s, ResponseLevel level) {
  const Inventory& inv = *s.inventory;
  CutOptions o;
  o.dust_cap = s.dust_cap;
  o.top_contributors = 3;
  o.measures = s.industry_measures ? s.industry_measures.get() : s.plan->industry_measures.get();
  o.targets = s.plan->targets.get();
  const EmissionCuts c = emission_cuts(inv, level, o);
  CutsFacts f;
  f.response = response(level);
  f.sources = c.size();
  f.excluded = c.excluded;
  f.unsourced = c.unsourced;
  f.unverified = c.unverified;
  for (const auto& p : c.summary) f.pollutants.push_back(pollutant_facts(inv, p));
  f.met = c.met;
  const auto& pm = c.check(EmissionPollutant::pm);
  if (s.dust_cap) f.dust = DustFacts{pm.dust_reduction, pm.dust_counted, *s.dust_cap};
  f.measures_document = c.measures_document;
  f.targets_document = c.targets_document;
  for (const auto& w : c.warnings) f.warnings.push_back({inv.id[w.source], w.rule, w.reason_zh, w.reason});
  const RuleCounts counts = count_rules(*c.measures);
  f.rules.push_back({"shipped", counts.shipped[0], counts.shipped[1], counts.shipped[2]});
  if (counts.bureau[0] + counts.bureau[1] + counts.bureau[2] > 0)
    f.rules.push_back({"bureau", counts.bureau[0], counts.bureau[1], counts.bureau[2]});
  f.measures_file = s.industry_measures_source;
  if (!c.met) {
    TopUpOptions t;
    t.cuts = o;
    f.top_up = top_up_facts(inv, top_up(inv, level, t));
  }
  return f;
}

int season_year(const Scenario& s) { return season_of(s.season_start); }

// SPEC K1–K7 with the plan's kiln rules.
KilnFacts kiln_facts(const Scenario& s) {
  const KilnRules& rules = *s.plan->kilns;
  const KilnSchedule k = schedule_kilns(s.kilns, season_year(s), {}, rules);
  KilnFacts f;
  f.season = k.season;
  f.extension_days = rules.january_extension_days;
  for (const auto& b : k.batches)
    f.batches.push_back({b.name, b.name_zh, b.window.first, b.window.last, b.extended, b.kilns, b.capacity});
  f.multi_line_kilns = k.multi_line_kilns;
  f.multi_line_stopped_lines = k.multi_line_stopped_lines;
  f.multi_line_capacity = k.multi_line_capacity;
  f.total_capacity = k.total_capacity;
  for (const auto& m : k.months) f.months.push_back({m.month, m.weight, m.stopped_capacity, m.share});
  for (const auto& w : k.windows) f.assignments.push_back({w.kiln, w.line, w.start, w.end, w.batch});
  f.objective = k.objective;
  f.bound = k.bound;
  f.gap = k.gap;
  f.exact = k.exact;
  for (const auto& v : validate_kiln_schedule(s.kilns, k.windows, k.season, {}, rules))
    f.violations.push_back(v.message);
  return f;
}

// Consecutive daily reports of one warning make one entry; every other deadline its own.
std::vector<DeadlineEntry> deadline_entries(const std::vector<DeadlineFacts>& all) {
  std::vector<DeadlineEntry> out;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    if (all[i].kind == DeadlineKind::daily_report)
      while (j + 1 < all.size() && all[j + 1].kind == all[i].kind && all[j + 1].warning == all[i].warning &&
             all[j + 1].period == all[i].period)
        ++j;
    out.push_back({i, j - i + 1, all[j].due});
    i = j + 1;
  }
  return out;
}

// SPEC D1–D4 with the plan's deadline rules. Working days need the year's holiday notice;
// without it the calendar is not guessed (D2), and the rest of the report still stands.
DeadlineSection deadline_section(const Scenario& s, const SeasonResult& season) {
  DeadlineSection out;
  DeadlineOptions o;
  o.data_end = ptime(s.season_end + boost::gregorian::days(1));
  std::vector<Deadline> deadlines;
  try {
    deadlines = deadline_calendar(season_year(s), season.warnings, season.periods, o, builtin_holiday_calendar(),
                                  *s.plan->deadlines);
  } catch (const CalendarNotAvailable& e) {
    out.unavailable = e.what();
    return out;
  }
  for (const auto& d : deadlines)
    out.all.push_back({when(d.due), d.kind, d.rule, d.what, d.what_zh + d.detail_zh, d.who, d.who_zh, d.submit_to_zh,
                       d.period == Deadline::no_period ? std::nullopt : std::optional<std::size_t>(d.period),
                       d.warning == Deadline::no_period ? std::nullopt : std::optional<std::size_t>(d.warning)});
  out.entries = deadline_entries(out.all);
  return out;
}

}  // namespace

const CutsFacts* Report::cuts_at(ResponseLevel level) const {
  for (const auto& c : cuts)
    if (c.response.level == level) return &c;
  return nullptr;
}

std::vector<ResponseLevel> response_levels_reached(const SeasonResult& season, const RuleSet& rules) {
  std::set<ResponseLevel> reached;
  for (const auto& p : season.periods) reached.insert(p.highest);
  for (const auto& e : season.events)
    if (e.level > 0) reached.insert(rules.response(e.level));
  reached.erase(ResponseLevel::none);
  return {reached.begin(), reached.end()};
}

Report build_report(const Scenario& s) {
  const SeasonResult season = run_scenario(s);
  Report rep;
  rep.scenario = scenario_facts(s);
  rep.observed = observed_facts(s);
  add_season(rep, *s.rules, season);
  for (auto level : response_levels_reached(season, *s.rules)) {
    rep.measures.push_back(level_measures(*s.plan->responses, level, rep));
    // Blue (IV) has no reduction targets: R3 sets them for III, II and I.
    if (s.inventory && level != ResponseLevel::IV) rep.cuts.push_back(cuts_facts(s, level));
  }
  if (!s.kilns.empty()) rep.kilns = kiln_facts(s);
  rep.deadlines = deadline_section(s, season);
  return rep;
}

Report make_report(const std::string& dir) { return build_report(load_scenario(dir)); }

}  // namespace aqi::engine
