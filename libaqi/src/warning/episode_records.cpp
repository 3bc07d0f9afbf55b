// SPEC N4: the response statistics table of each episode, from the season run, the plan's
// deadlines and measure table, an inventory and observations.
#include "aqi/warning/episode_records.hpp"

#include <algorithm>
#include <cmath>

#include "aqi/detail/dates.hpp"
#include "aqi/plan.hpp"
#include "aqi/warning/season.hpp"

namespace aqi {

namespace {

using boost::posix_time::ptime;

double hours_between(ptime a, ptime b) { return static_cast<double>((b - a).total_seconds()) / 3600.0; }

// Where the data end: a response still in force counts up to the midnight after the last day.
ptime data_end(const SeasonResult& s) {
  return s.days.empty() ? ptime(boost::posix_time::not_a_date_time)
                        : ptime(s.days.back().day + boost::gregorian::days(1));
}

// L9: each event's response level holds from its response start to the next event's (the LIFT's
// time), never before it starts; the last one of a warning in force to the end of the data.
void add_response_hours(EpisodeRecord& r, const SeasonResult& s, const WarningPeriod& w) {
  for (std::size_t k = w.first_event; k <= w.last_event; ++k) {
    const SeasonEvent& e = s.events[k];
    if (e.type == EventType::lift || e.response_from.is_special()) continue;
    ptime end = k < w.last_event ? s.events[k + 1].response_from : data_end(s);
    if (k < w.last_event && s.events[k + 1].type == EventType::lift) end = s.events[k + 1].time;
    if (end.is_special() || end <= e.response_from) continue;
    r.response_hours[s.rules->response(e.level)] += hours_between(e.response_from, end);
  }
}

void add_orders(EpisodeRecord& r, const SeasonResult& s, const WarningPeriod& w) {
  for (std::size_t k = w.first_event; k <= w.last_event; ++k) {
    const SeasonEvent& e = s.events[k];
    std::string text = detail::iso_minute(e.time) + " " + std::string(name(e.type));
    const int level = e.type == EventType::lift ? e.previous : e.level;
    if (level > 0) text += " " + s.rules->levels.at(static_cast<std::size_t>(level - 1)).name_zh;
    if (!e.doc_no.empty()) {
      text += " " + e.doc_no;
      r.doc_nos += (r.doc_nos.empty() ? "" : "、") + e.doc_no;
    }
    r.orders += (r.orders.empty() ? "" : "; ") + text;
  }
}

// D1, D2: what the episode's warning and response owe.
void add_reports(std::vector<EpisodeRecord>& records, const SeasonResult& s, const Plan& plan) {
  if (s.warnings.empty()) return;
  DeadlineOptions options;
  if (!s.days.empty()) options.last_day = s.days.back().day;
  const int season = season_of_run(s.days.empty() ? boost::gregorian::date() : s.days.front().day, s.periods);
  std::vector<Deadline> all;
  try {
    all = deadline_calendar(season, s.warnings, s.periods, options, builtin_holiday_calendar(), *plan.deadlines);
  } catch (const CalendarNotAvailable&) {
    // D2 needs the holiday calendar of its year; without it the daily reports still count.
    all = deadline_calendar(season, s.warnings, {}, options, builtin_holiday_calendar(), *plan.deadlines);
  }
  for (const auto& d : all) {
    if (d.kind == DeadlineKind::daily_report && d.warning < records.size()) ++records[d.warning].daily_reports;
    if (d.kind != DeadlineKind::response_summary) continue;
    for (std::size_t i = 0; i < s.warnings.size(); ++i)
      if (s.warnings[i].period == d.period) records[i].summary_due = d.due;
  }
}

// L4: the observed AQI over the response's days (the warning's, without one) and the verdict.
void add_observed(EpisodeRecord& r, const SeasonResult& s, const RecordOptions& o) {
  if (o.observed.empty()) return;
  const ptime from = r.response_start.is_special() ? r.issued : r.response_start;
  const ptime to = !r.response_end.is_special() ? r.response_end : !r.lifted.is_special() ? r.lifted : data_end(s);
  double sum = 0;
  for (const auto& day : s.days) {
    if (day.day < from.date() || (!to.is_special() && day.day > to.date())) continue;
    const long k = (day.day - o.observed_first).days();
    if (k < 0 || k >= static_cast<long>(o.observed.size()) || std::isnan(o.observed[static_cast<std::size_t>(k)]))
      continue;
    const double v = o.observed[static_cast<std::size_t>(k)];
    ++r.observed_days;
    sum += v;
    r.observed_max = std::isnan(r.observed_max) ? v : std::max(r.observed_max, v);
    r.observed_level = std::max(r.observed_level, day.observed_level);
  }
  if (r.observed_days == 0) return;
  r.observed_mean = sum / r.observed_days;
  r.verification = r.observed_level <= 0           ? "false_alarm"
                   : r.observed_level == r.highest ? "hit"
                   : r.observed_level > r.highest  ? "higher"
                                                   : "lower";
}

// The days of a response: from its start's date to its end's (a response ending at midnight does
// not hold that day); one in force at the end holds to the last day of the data.
std::vector<boost::gregorian::date> response_days(const EpisodeRecord& r, const SeasonResult& s) {
  const ptime from = r.response_start.is_special() ? r.issued : r.response_start;
  const ptime to = !r.response_end.is_special() ? r.response_end : data_end(s);
  std::vector<boost::gregorian::date> days;
  if (from.is_special()) return days;
  const auto last = to.is_special() || to <= from ? from.date() : (to - boost::posix_time::seconds(1)).date();
  for (auto d = from.date(); d <= last; d += boost::gregorian::days(1)) days.push_back(d);
  return days;
}

// SPEC K8 for N4: the kiln credit a record counts — per pollutant the least over the response's
// days (the conservative choice: the planned reductions must hold on each day, not on the
// rotation's best one).
void add_least_kiln_credit(EpisodeRecord& r, const SeasonResult& s, const RecordOptions& o) {
  const auto days = response_days(r, s);
  if (days.empty()) return;
  KilnCredit least;
  for (const auto& d : days) {
    KilnCredit c = kiln_credit(o.kilns, *o.kiln_schedule, d);
    if (d == days.front()) {
      least = c;
      least.kilns.clear();
      r.kiln_least_day.fill(d);
      continue;
    }
    least.in_season = least.in_season || c.in_season;
    least.stopped = std::min(least.stopped, c.stopped);
    for (std::size_t p = 0; p < emission_pollutant_count; ++p)
      if (c.reduction[p] < least.reduction[p]) {
        least.reduction[p] = c.reduction[p];
        r.kiln_least_day[p] = d;
      }
  }
  r.kilns = std::move(least);
  r.kiln_days = static_cast<int>(days.size());
}

void check_kiln_options(const RecordOptions& o) {
  if (o.kiln_schedule && o.kilns.empty())
    throw InvalidArgument("episode records (SPEC K8): a kiln schedule needs the kiln table it was made from");
  if (!o.kiln_schedule && !o.kilns.empty())
    throw InvalidArgument("episode records (SPEC K8): a kiln table needs its schedule (schedule_kilns) to be credited");
  if (o.kiln_schedule && !o.inventory)
    throw InvalidArgument(
        "episode records (SPEC K8, N4): the kiln credit counts toward the inventory's planned reductions; give the "
        "inventory too");
}

}  // namespace

std::vector<EpisodeRecord> episode_records(const SeasonResult& s, const Plan& plan, const RecordOptions& o) {
  check_kiln_options(o);
  std::vector<EpisodeRecord> out;
  for (const auto& w : s.warnings) {
    EpisodeRecord r;
    r.number = out.size() + 1;
    r.issued = w.issued;
    r.lifted = w.lifted;
    r.highest = w.highest;
    r.response = s.rules->response(w.highest);
    if (w.period != WarningPeriod::no_period) {
      r.response_start = s.periods[w.period].start;
      r.response_end = s.periods[w.period].end;
    }
    add_orders(r, s, w);
    add_response_hours(r, s, w);
    if (o.inventory && r.response != ResponseLevel::none) {
      CutOptions c;
      c.dust_cap = o.dust_cap;
      c.measures = plan.industry_measures.get();
      c.targets = plan.targets.get();
      if (o.kiln_schedule) add_least_kiln_credit(r, s, o);
      c.kilns = r.kilns;
      r.planned = emission_cuts(*o.inventory, r.response, c);
    }
    out.push_back(std::move(r));
  }
  add_reports(out, s, plan);
  for (auto& r : out) add_observed(r, s, o);
  return out;
}

}  // namespace aqi
