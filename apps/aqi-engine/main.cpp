// aqi-engine — runs a county scenario through libaqi and prints the decisions: the observed
// AQI, the season's warning timeline, each warning's response and its measures by department.
//   aqi-engine run <scenario-dir> [--json]
// Exit codes: 0 done, 1 bad input (the message names file, line and column), 2 bad usage.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aqi/aqi.hpp"
#include "aqi/detail/dates.hpp"

namespace {

using nlohmann::json;

constexpr const char* usage = "usage: aqi-engine run <scenario-dir> [--json]\n";

// Display width of UTF-8 text: CJK characters take two columns.
std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

std::string pad(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

std::string fmt(double v, const char* f = "%.0f") {
  if (std::isnan(v)) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// One warning from its ISSUE to its LIFT.
struct Episode {
  aqi::ptime issued, lifted;
  int highest = 0;
  bool imposed = false;
};

std::vector<Episode> episodes(const aqi::SeasonResult& r) {
  std::vector<Episode> out;
  for (const auto& e : r.events) {
    if (e.previous == 0 && e.level > 0) out.push_back({e.time, boost::posix_time::not_a_date_time, e.level, e.imposed});
    if (out.empty()) continue;
    out.back().highest = std::max(out.back().highest, e.level);
    out.back().imposed = out.back().imposed || e.imposed;
    if (e.type == aqi::EventType::lift) out.back().lifted = e.time;
  }
  return out;
}

std::string level_label(const aqi::RuleSet& rules, int level) {
  if (level == 0) return "none";
  return rules.levels[static_cast<std::size_t>(level - 1)].name_zh + " " + rules.level_name(level);
}

struct Report {
  aqi::Scenario scenario;
  aqi::SeasonResult season;
  std::optional<aqi::KilnSchedule> kilns;
  std::vector<aqi::Deadline> deadlines;
  std::string deadlines_unavailable;  // why there is no calendar (a year without holiday data)
  // Per response level used in the season: the cuts, and the top-up when they fall short.
  std::map<aqi::ResponseLevel, aqi::EmissionCuts> cuts;
  std::map<aqi::ResponseLevel, aqi::TopUp> top_ups;
};

std::set<aqi::ResponseLevel> levels_used(const aqi::SeasonResult& r) {
  std::set<aqi::ResponseLevel> used;
  for (const auto& p : r.periods) used.insert(p.highest);
  for (const auto& e : r.events)
    if (e.level > 0) used.insert(r.rules->response(e.level));
  used.erase(aqi::ResponseLevel::none);
  return used;
}

int season_year(const aqi::Scenario& s) { return aqi::season_of(s.season_start); }

Report make_report(const std::string& dir) {
  Report rep{aqi::load_scenario(dir), {}, std::nullopt, {}, {}, {}, {}};
  rep.season = aqi::run_scenario(rep.scenario);
  if (rep.scenario.inventory) {
    aqi::CutOptions o;
    o.dust_cap = rep.scenario.dust_cap;
    o.top_contributors = 3;
    for (auto level : levels_used(rep.season)) {
      if (level == aqi::ResponseLevel::IV) continue;  // no targets for blue (R3 has III, II, I)
      rep.cuts.emplace(level, aqi::emission_cuts(*rep.scenario.inventory, level, o));
      if (!rep.cuts.at(level).met) {
        aqi::TopUpOptions t;
        t.cuts = o;
        rep.top_ups.emplace(level, aqi::top_up(*rep.scenario.inventory, level, t));
      }
    }
  }
  if (!rep.scenario.kilns.empty()) rep.kilns = aqi::schedule_kilns(rep.scenario.kilns, season_year(rep.scenario));
  aqi::DeadlineOptions o;
  o.data_end = aqi::ptime(rep.scenario.season_end + boost::gregorian::days(1));
  // Working days need the year's holiday notice; without it the calendar is not guessed (D2),
  // and the rest of the report still stands.
  try {
    rep.deadlines = aqi::deadline_calendar(season_year(rep.scenario), rep.season.periods, o);
  } catch (const aqi::CalendarNotAvailable& e) {
    rep.deadlines_unavailable = e.what();
  }
  return rep;
}

std::string when(aqi::ptime t) { return t.is_special() ? "pending (response still in force)" : aqi::detail::iso(t); }

// One line: each pollutant's ratio against its target (R3–R4).
std::string cut_verdict(const aqi::EmissionCuts& c) {
  std::string s;
  for (const auto& p : c.summary) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.1f%%/%.0f%% %s", std::string(aqi::display_name(p.pollutant)).c_str(),
                  100 * p.ratio, 100 * p.target, p.met ? "met" : "SHORT");
    s += (s.empty() ? "" : "; ") + std::string(buf);
  }
  return s + (c.met ? " — targets met" : " — targets NOT met (see EMISSION CUTS)");
}

void print_cuts(const Report& rep) {
  if (rep.cuts.empty()) return;
  const auto& inv = *rep.scenario.inventory;
  for (const auto& [level, c] : rep.cuts) {
    std::printf("\nEMISSION CUTS AT RESPONSE %s (SPEC E1–E10, R3–R6; %zu sources, t/day)\n",
                std::string(aqi::name_zh(level)).c_str(), c.size());
    std::printf("  %-5s %9s %9s %7s %7s  %s\n", "", "baseline", "reduced", "ratio", "target", "verdict");
    for (const auto& p : c.summary) {
      std::string verdict = p.met ? (p.traded ? "met (SO2+NOx together, R4)" : "met") : "";
      if (!p.met) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "short by %.2f pp, %.3f t/day", p.shortfall_pp, p.shortfall);
        verdict = buf;
      }
      std::printf("  %-5s %9.3f %9.3f %6.1f%% %6.0f%%  %s\n", std::string(aqi::display_name(p.pollutant)).c_str(),
                  p.baseline, p.reduction, 100 * p.ratio, 100 * p.target, verdict.c_str());
    }
    const auto& pm = c.check(aqi::EmissionPollutant::pm);
    if (rep.scenario.dust_cap)
      std::printf("  dust (R5): %.3f t/day reduced, %.3f counted (cap %.0f%% of the PM baseline)\n", pm.dust_reduction,
                  pm.dust_counted, 100 * *rep.scenario.dust_cap);
    std::printf(
        "  %zu sources excluded (E2); %zu without a sourced rule (counted as no reduction, shown as unknown); "
        "%zu on unverified rules\n",
        c.excluded, c.unsourced, c.unverified);
    for (const auto& p : c.summary) {
      std::string top;
      for (const auto& t : p.top)
        top += (top.empty() ? "" : ", ") + inv.id[t.source] + " " + inv.name[t.source] + " " +
               fmt(100 * t.share, "%.0f") + "%";
      if (!top.empty())
        std::printf("  largest %s cuts (R6): %s\n", std::string(aqi::display_name(p.pollutant)).c_str(), top.c_str());
    }
    const auto it = rep.top_ups.find(level);
    if (it != rep.top_ups.end()) {
      const auto& t = it->second;
      std::printf("  top-up (E10): %s\n", t.explanation.c_str());
      for (std::size_t i = 0; i < t.cuts.size() && i < 5; ++i) {
        const auto& x = t.cuts[i];
        std::printf("    %-10s %-28s extra %5.1f%% → cut %5.1f%%, cost %.1f\n", inv.id[x.source].c_str(),
                    pad(inv.name[x.source], 28).c_str(), 100 * x.extra, 100 * x.new_cut, x.cost);
      }
      if (t.cuts.size() > 5) std::printf("    … %zu more\n", t.cuts.size() - 5);
    }
  }
}

void print_kilns(const Report& rep) {
  if (!rep.kilns) return;
  const auto& k = *rep.kilns;
  std::printf("\nBRICK-KILN ROTATING SHUTDOWN, SEASON %d (SPEC K1–K7, plan §5.5)\n", k.season);
  for (const auto& b : k.batches)
    std::printf("  %s %s  %s … %s%s  %3zu kilns  capacity %.1f\n", b.name.c_str(), pad(b.name_zh, 6).c_str(),
                aqi::detail::iso(b.window.first).c_str(), aqi::detail::iso(b.window.last).c_str(),
                b.extended ? " (+7 d, K4)" : "          ", b.kilns, b.capacity);
  std::printf("  multi-line kilns (K3): %zu kilns stop %d lines all season, capacity %.1f a day\n", k.multi_line_kilns,
              k.multi_line_stopped_lines, k.multi_line_capacity);
  std::printf("  %-8s %6s %9s %6s\n", "month", "weight", "stopped", "share");
  for (const auto& m : k.months)
    std::printf("  %-8s %6.2f %9.1f %5.1f%%\n", m.month.c_str(), m.weight, m.stopped_capacity, 100 * m.share);
  std::printf("  objective (K5, min stopped/weight) %.1f, LP bound %.1f, gap %.4f%%%s\n", k.objective, k.bound,
              100 * k.gap, k.exact ? " (exact)" : "");
  const auto violations = aqi::validate_kiln_schedule(rep.scenario.kilns, k.windows, k.season);
  std::printf("  validation (K7): %s\n",
              violations.empty() ? "the schedule satisfies K1–K5" : violations.front().message.c_str());
}

void print_deadlines(const Report& rep) {
  std::printf("\nDEADLINES (SPEC D1–D4; working days per the State Council holiday notices)\n");
  if (!rep.deadlines_unavailable.empty()) {
    std::printf("  not computed: %s\n", rep.deadlines_unavailable.c_str());
    return;
  }
  // Daily reports are listed per response as a range; the rest one by one.
  for (std::size_t i = 0; i < rep.deadlines.size();) {
    const auto& d = rep.deadlines[i];
    if (d.kind == aqi::DeadlineKind::daily_report) {
      std::size_t j = i;
      while (j + 1 < rep.deadlines.size() && rep.deadlines[j + 1].kind == aqi::DeadlineKind::daily_report &&
             rep.deadlines[j + 1].period == d.period)
        ++j;
      const std::size_t n = j - i + 1;
      std::printf("  %-16s  %s  daily 15:00 progress reports to %s, %zu day%s (last %s) — %s\n", when(d.due).c_str(),
                  d.rule.c_str(), d.submit_to_zh.c_str(), n, n == 1 ? "" : "s",
                  aqi::detail::iso(rep.deadlines[j].due.date()).c_str(), d.who.c_str());
      i = j + 1;
      continue;
    }
    std::printf("  %-16s  %s  %s — %s\n", when(d.due).c_str(), d.rule.c_str(), d.what.c_str(), d.who.c_str());
    ++i;
  }
}

void print_text(const Report& rep) {
  const auto& s = rep.scenario;
  const auto& r = rep.season;
  const auto& rules = *s.rules;
  std::printf("libaqi %s — %s\n", aqi::version, s.name.c_str());
  std::printf("scenario %s; rules %s: %s\n", s.dir.c_str(), rules.id.c_str(), rules.title.c_str());
  std::printf("season %s … %s; forecasts: %s\n\n", aqi::detail::iso(s.season_start).c_str(),
              aqi::detail::iso(s.season_end).c_str(), s.forecast_source.c_str());

  std::printf("OBSERVED AQI (SPEC A1–A7) — %zu days\n", s.observations.size());
  std::map<int, int> per_category;
  for (auto c : s.observed_table.category) ++per_category[c];
  for (auto [cat, n] : per_category) {
    const auto c = static_cast<aqi::Category>(cat);
    std::printf("  %s %-20s %3d days\n", pad(cat == 0 ? "missing" : std::string(aqi::name_zh(c)), 8).c_str(),
                std::string(aqi::name_en(c)).c_str(), n);
  }
  for (const auto& [edition, use] : s.observed_table.uses) {
    std::string used;
    for (auto i : use.used) used += (used.empty() ? "" : ", ") + std::string(aqi::key(i));
    std::printf("  rated by %s from %s\n", edition->id().c_str(), used.c_str());
  }

  std::printf("\nWARNING TIMELINE (SPEC L1–L6; lead time = issue to the start of the qualifying run)\n");
  std::printf("  %-16s  %-9s  %-10s  %-4s  %-9s  %s\n", "time", "event", "level", "resp", "lead", "reason");
  for (const auto& e : r.events) {
    std::string lead = std::isnan(e.lead_hours) ? "" : fmt(e.lead_hours) + " h" + (e.short_lead ? " <24!" : "");
    std::string reason = e.reason;
    if (e.imposed) reason = "IMPOSED (" + std::string(aqi::name(e.comparison)) + ") — " + reason;
    std::printf("  %-16s  %-9s  %s  %-4s  %-9s  %s\n", aqi::detail::iso(e.time).c_str(),
                std::string(aqi::name(e.type)).c_str(), pad(level_label(rules, e.level), 10).c_str(),
                std::string(aqi::name(rules.response(e.level))).c_str(), lead.c_str(), reason.c_str());
  }

  std::printf("\nWARNINGS AND RESPONSES (SPEC R1, L2)\n");
  const auto eps = episodes(r);
  for (std::size_t i = 0; i < eps.size(); ++i) {
    const auto& ep = eps[i];
    std::printf("  #%-2zu %s → %s  highest %s, response %s%s\n", i + 1, aqi::detail::iso(ep.issued).c_str(),
                ep.lifted.is_special() ? "in force at the end" : aqi::detail::iso(ep.lifted).c_str(),
                level_label(rules, ep.highest).c_str(), std::string(aqi::name_zh(rules.response(ep.highest))).c_str(),
                ep.imposed ? " (superior command involved)" : "");
    const auto it = rep.cuts.find(rules.response(ep.highest));
    if (it != rep.cuts.end()) std::printf("      cuts: %s\n", cut_verdict(it->second).c_str());
  }
  for (const auto& p : r.periods)
    std::printf("  response %s → %s, up to %s\n", aqi::detail::iso(p.start).c_str(),
                p.end.is_special() ? "end of data" : aqi::detail::iso(p.end).c_str(),
                std::string(aqi::name_zh(p.highest)).c_str());

  std::printf("\nSEASON (SPEC L3)\n  warning days:");
  for (int k = 1; k <= rules.level_count(); ++k)
    std::printf(" %s %d;", rules.level_name(k).c_str(), r.warning_days[static_cast<std::size_t>(k)]);
  std::printf("\n  response hours:");
  for (const auto& [lvl, h] : r.response_hours) std::printf(" %s %d;", std::string(aqi::name(lvl)).c_str(), h);
  std::printf("\n  events:");
  for (const auto& [t, n] : r.event_counts) std::printf(" %s %d;", std::string(aqi::name(t)).c_str(), n);
  std::printf("\n");

  if (!r.verification.empty()) {
    std::printf("\nVERIFICATION AGAINST OBSERVATIONS (SPEC L4; days at or above each level)\n");
    std::printf("  %-8s %5s %7s %7s %5s %5s %5s\n", "level", "hits", "misses", "false", "POD", "FAR", "CSI");
    for (const auto& v : r.verification)
      std::printf("  %-8s %5d %7d %7d %5s %5s %5s\n", rules.level_name(v.level).c_str(), v.hits, v.misses,
                  v.false_alarms, fmt(v.pod, "%.2f").c_str(), fmt(v.far, "%.2f").c_str(), fmt(v.csi, "%.2f").c_str());
  }

  {
    const auto& catalogue = *s.plan->responses;
    std::set<aqi::ResponseLevel> used;
    for (const auto& p : r.periods) used.insert(p.highest);
    for (const auto& e : r.events)
      if (e.level > 0) used.insert(rules.response(e.level));
    for (auto level : used) {
      std::printf("\nMEASURES AT RESPONSE %s BY DEPARTMENT (SPEC R2, plan §5.5 and annex 3)\n",
                  std::string(aqi::name_zh(level)).c_str());
      // Procedures bind every unit alike: listed once, not under each department.
      std::printf("  every unit\n");
      for (const auto* m : catalogue.at(level))
        if (m->measure_class == "procedure") std::printf("    %-16s %s\n", m->id.c_str(), m->en.c_str());
      for (const auto& d : catalogue.departments) {
        std::vector<const aqi::Measure*> own;
        for (const auto* m : catalogue.tasks(d.id, level))
          if (m->measure_class != "procedure") own.push_back(m);
        if (own.empty()) continue;
        std::printf("  %s (%s)\n", d.name_zh.c_str(), d.name_en.c_str());
        for (const auto* m : own) std::printf("    %-16s %s\n", m->id.c_str(), m->en.c_str());
      }
    }
  }
  print_cuts(rep);
  print_kilns(rep);
  print_deadlines(rep);
}

void print_json(const Report& rep) {
  const auto& s = rep.scenario;
  const auto& r = rep.season;
  const auto& rules = *s.rules;
  auto t = [](aqi::ptime p) { return p.is_special() ? json(nullptr) : json(aqi::detail::iso(p)); };
  json observed = json::array();
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const double a = s.observed_table.aqi[i];
    observed.push_back({{"date", aqi::detail::iso(s.observations.dates[i])},
                        {"aqi", std::isnan(a) ? json(nullptr) : json(static_cast<int>(a))},
                        {"category", s.observed_table.category[i]},
                        {"primary", s.observed_table.primary(i).to_string()},
                        {"edition", s.observed_table.record_edition[i]->id()}});
  }
  json events = json::array();
  for (const auto& e : r.events)
    events.push_back({{"time", t(e.time)},
                      {"event", std::string(aqi::name(e.type))},
                      {"level", rules.level_name(e.level)},
                      {"previous", rules.level_name(e.previous)},
                      {"response", std::string(aqi::name(rules.response(e.level)))},
                      {"response_from", t(e.response_from)},
                      {"lead_hours", std::isnan(e.lead_hours) ? json(nullptr) : json(e.lead_hours)},
                      {"short_lead", e.short_lead},
                      {"imposed", e.imposed},
                      {"county_level", rules.level_name(e.county_level)},
                      {"comparison", std::string(aqi::name(e.comparison))},
                      {"reason", e.reason}});
  json days = json::array();
  for (const auto& d : r.days)
    days.push_back({{"date", aqi::detail::iso(d.day)},
                    {"warning", rules.level_name(d.warning)},
                    {"response", std::string(aqi::name(d.response))}});
  json periods = json::array();
  for (const auto& p : r.periods)
    periods.push_back({{"start", t(p.start)}, {"end", t(p.end)}, {"response", std::string(aqi::name(p.highest))}});
  json verification = json::array();
  for (const auto& v : r.verification)
    verification.push_back({{"level", rules.level_name(v.level)},
                            {"hits", v.hits},
                            {"misses", v.misses},
                            {"false_alarms", v.false_alarms},
                            {"pod", std::isnan(v.pod) ? json(nullptr) : json(v.pod)},
                            {"far", std::isnan(v.far) ? json(nullptr) : json(v.far)},
                            {"csi", std::isnan(v.csi) ? json(nullptr) : json(v.csi)}});
  json warning_days = json::object(), response_hours = json::object(), event_counts = json::object();
  for (int k = 0; k <= rules.level_count(); ++k)
    warning_days[rules.level_name(k)] = r.warning_days[static_cast<std::size_t>(k)];
  for (const auto& [lvl, h] : r.response_hours) response_hours[std::string(aqi::name(lvl))] = h;
  for (const auto& [ty, n] : r.event_counts) event_counts[std::string(aqi::name(ty))] = n;
  json measures = json::object();
  {
    const auto& catalogue = *s.plan->responses;
    for (const auto& p : r.periods) {
      const std::string key(aqi::name(p.highest));
      if (measures.contains(key)) continue;
      json by_department = json::object();
      for (const auto& d : catalogue.departments) {
        json ids = json::array();
        for (const auto* m : catalogue.tasks(d.id, p.highest))
          ids.push_back({{"id", m->id}, {"en", m->en}, {"zh", m->zh}});
        if (!ids.empty()) by_department[d.name_zh] = ids;
      }
      measures[key] = by_department;
    }
  }
  json out{{"libaqi", aqi::version},
           {"scenario", {{"name", s.name}, {"dir", s.dir}, {"rules", rules.id}, {"forecasts", s.forecast_source}}},
           {"observed_aqi", observed},
           {"events", events},
           {"days", days},
           {"response_periods", periods},
           {"counts", {{"warning_days", warning_days}, {"response_hours", response_hours}, {"events", event_counts}}},
           {"verification", verification},
           {"measures", measures}};
  json deadlines = json::array();
  for (const auto& d : rep.deadlines)
    deadlines.push_back({{"due", t(d.due)},
                         {"rule", d.rule},
                         {"kind", std::string(aqi::name(d.kind))},
                         {"what", d.what},
                         {"what_zh", d.what_zh},
                         {"who", d.who},
                         {"who_zh", d.who_zh}});
  out["deadlines"] = deadlines;
  if (!rep.deadlines_unavailable.empty()) out["deadlines_unavailable"] = rep.deadlines_unavailable;
  json cuts = json::object();
  for (const auto& [level, c] : rep.cuts) {
    json rows = json::array();
    for (const auto& p : c.summary)
      rows.push_back({{"pollutant", std::string(aqi::key(p.pollutant))},
                      {"baseline", p.baseline},
                      {"reduction", p.reduction},
                      {"ratio", std::isnan(p.ratio) ? json(nullptr) : json(p.ratio)},
                      {"target", p.target},
                      {"met", p.met},
                      {"shortfall", p.shortfall},
                      {"shortfall_pp", p.shortfall_pp}});
    json entry{
        {"summary", rows}, {"met", c.met}, {"unsourced_sources", c.unsourced}, {"unverified_sources", c.unverified}};
    const auto it = rep.top_ups.find(level);
    if (it != rep.top_ups.end())
      entry["top_up"] = {{"feasible", it->second.feasible},
                         {"cost", it->second.cost},
                         {"explanation", it->second.explanation},
                         {"extra_cuts", it->second.cuts.size()}};
    cuts[std::string(aqi::name(level))] = entry;
  }
  out["emission_cuts"] = cuts;
  if (rep.kilns) {
    const auto& k = *rep.kilns;
    json windows = json::array(), months = json::array(), batches = json::array();
    for (const auto& w : k.windows)
      windows.push_back({{"id", w.kiln},
                         {"line", w.line},
                         {"start", aqi::detail::iso(w.start)},
                         {"end", aqi::detail::iso(w.end)},
                         {"batch", w.batch}});
    for (const auto& m : k.months)
      months.push_back(
          {{"month", m.month}, {"weight", m.weight}, {"stopped_capacity", m.stopped_capacity}, {"share", m.share}});
    for (const auto& b : k.batches)
      batches.push_back({{"name", b.name},
                         {"start", aqi::detail::iso(b.window.first)},
                         {"end", aqi::detail::iso(b.window.last)},
                         {"kilns", b.kilns},
                         {"capacity", b.capacity}});
    out["kilns"] = {{"season", k.season},       {"batches", batches}, {"months", months}, {"assignments", windows},
                    {"objective", k.objective}, {"bound", k.bound},   {"gap", k.gap},     {"exact", k.exact}};
  }
  std::cout << out.dump(2) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool as_json = false;
  std::vector<std::string> positional;
  for (const auto& a : args) {
    if (a == "--json") {
      as_json = true;
    } else if (a == "-h" || a == "--help") {
      std::fputs(usage, stdout);
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "aqi-engine: unknown option %s\n%s", a.c_str(), usage);
      return 2;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2 || positional[0] != "run") {
    std::fputs(usage, stderr);
    return 2;
  }
  try {
    const Report rep = make_report(positional[1]);
    as_json ? print_json(rep) : print_text(rep);
  } catch (const aqi::Error& e) {
    std::fprintf(stderr, "aqi-engine: %s\n", e.what());
    return 1;
  }
  return 0;
}
