// The deadline calendar of a season run (SPEC D4): every report the plan requires, with its due
// date and time, what it is and who owes it — D1 the 15:00 progress report on every day of a
// response, D2 the summary report within 3 working days after a response ends, D3 the yearly
// assessment (31 May) and list revision (30 September). The plan's wording is data
// (libaqi/rules/deadlines/<plan>.toml); the decisions are in docs/deadlines.md.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/calendar/holidays.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/warning_period.hpp"

namespace aqi {

enum class DeadlineKind : std::uint8_t { daily_report, response_summary, plan_assessment, list_revision };

constexpr std::string_view name(DeadlineKind k) noexcept {
  constexpr std::string_view names[] = {"daily_report", "response_summary", "plan_assessment", "list_revision"};
  return names[static_cast<std::size_t>(k)];
}

// What one kind of deadline is and who owes it, in the plan's words.
struct DeadlineText {
  std::string rule;  // "D1"
  std::string what_zh, what_en;
  std::string who_zh, who_en;
  std::string quote_zh;  // the plan's sentence
};

struct YearlyDeadline : DeadlineText {
  DeadlineKind kind = DeadlineKind::plan_assessment;
  int month = 5;
  int day = 31;
};

// A plan's deadline rules (libaqi/rules/deadlines/<id>.toml).
struct DeadlineRules {
  std::string id;
  std::string document;
  std::string submit_to_zh, submit_to_en;
  DeadlineText daily_report;  // D1
  boost::posix_time::time_duration daily_report_time = boost::posix_time::hours(15);
  DeadlineText response_summary;  // D2
  int summary_working_days = 3;
  std::vector<YearlyDeadline> yearly;  // D3

  static DeadlineRules parse(std::string_view toml_text, const std::string& source);

  static DeadlineRules load(const std::string& path);
};

// The deadline rules libaqi ships, by id ("yiyuan-2019"); built once, immutable.
const DeadlineRules& deadline_rules(std::string_view id = "yiyuan-2019");

struct Deadline {
  // Local time (UTC+8). not_a_date_time for the summary of a response still in force at the
  // end of the data: it is due `summary_working_days` working days after a lift not yet known.
  boost::posix_time::ptime due;
  DeadlineKind kind = DeadlineKind::daily_report;
  std::string rule;  // "D1", "D2", "D3"
  std::string what;  // English, naming the response or season it is about
  std::string what_zh;
  std::string who;  // English
  std::string who_zh;
  std::string submit_to_zh;
  static constexpr std::size_t no_period = std::numeric_limits<std::size_t>::max();
  std::size_t period = no_period;   // D1, D2: index of the response period (D1: none before it began)
  int day = 0;                      // D1: 1 for the first report of a warning (or response), 2 for the next …
  std::size_t warning = no_period;  // D1 from a season's warnings: index of the warning (SeasonResult::warnings)
};

struct DeadlineOptions {
  // Where the data of the season run ends: a response still in force (end = not_a_date_time)
  // reports daily up to here. Default: the end of the season (1 April 00:00 after it).
  boost::posix_time::ptime data_end;
  // D3: false keeps 31 May / 30 September as written (the plan says 5月底前 / 9月底前); true
  // moves a date that is not a working day back to the last working day before it.
  bool yearly_on_working_day = false;
};

// The season a date belongs to, as the year the season starts in: July–December → that year,
// January–June → the year before (season 2019 = 2019-10-01 … 2020-03-31; a response outside
// the winter months counts with the winter it follows or precedes most closely).
inline int season_of(boost::gregorian::date d) {
  const int y = d.year();
  return d.month() >= 7 ? y : y - 1;
}

namespace detail {
inline std::string iso_minute(boost::posix_time::ptime t) {
  if (t.is_special()) return "not-a-date-time";
  const auto tod = t.time_of_day();
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()));
  return iso(t.date()) + buf;
}

inline std::string response_name(const ResponsePeriod& p) {
  return p.highest == ResponseLevel::none ? std::string("response")
                                          : "Level " + std::string(name(p.highest)) + " response";
}
}  // namespace detail

namespace detail {

// The inputs every calendar checks: the season and rules built in code (they skip
// DeadlineRules::parse: a month 13 reached Boost as std::out_of_range).
inline void check_deadline_inputs(int season, const DeadlineRules& rules) {
  namespace greg = boost::gregorian;
  if (season < 1901 || season > 9998)
    throw InvalidArgument("season must be a year, e.g. 2019 (got " + std::to_string(season) + ")");
  for (std::size_t k = 0; k < rules.yearly.size(); ++k) {
    const auto& y = rules.yearly[k];
    if (y.month < 1 || y.month > 12 || y.day < 1 || y.day > greg::gregorian_calendar::end_of_month_day(2000, y.month))
      throw InvalidArgument("deadline rules " + rules.id + ": yearly[" + std::to_string(k) + "] (" + y.rule +
                            ") month " + std::to_string(y.month) + ", day " + std::to_string(y.day) +
                            " is not a day of the year");
  }
  if (rules.summary_working_days < 1)
    throw InvalidArgument("deadline rules " + rules.id + ": summary_working_days must be at least 1 (got " +
                          std::to_string(rules.summary_working_days) + ")");
}

// A span of time over which D1 reports are owed: a response (the calendar of response periods
// alone) or a warning from its notice to its lift (a season's warnings, SPEC D1 as revised).
struct ReportSpan {
  boost::posix_time::ptime from, until;  // until: the lift, or the end of the data
  std::string of;                        // ", day N" + of: "of the Level II response from …"
  std::size_t period = Deadline::no_period, warning = Deadline::no_period;
  // D1 as revised: "strictly after the receipt" — a notice received at 15:00 reports first the next
  // day. A response period alone (the calendar of responses) reports at a 15:00 it starts on.
  bool strictly_after = false;
};

// `table`[i] from `start` to `end` (not_a_date_time: still in force at `data_end`), checked.
inline boost::posix_time::ptime span_end(const char* table, std::size_t i, boost::posix_time::ptime start,
                                         boost::posix_time::ptime end, boost::posix_time::ptime data_end,
                                         const char* start_name) {
  if (start.is_special()) throw InvalidValue(table, i, std::string("the ") + start_name + " is missing");
  const bool open = end.is_not_a_date_time();
  if (!open && end.is_special()) throw InvalidValue(table, i, "the end is not a date and time");
  if (!open && end < start)
    throw InvalidValue(table, i, "ends (" + iso_minute(end) + ") before it starts (" + iso_minute(start) + ")");
  if (open && start >= data_end)
    throw InvalidValue(table, i,
                       "still in force, but starts (" + iso_minute(start) + ") after the end of the data (" +
                           iso_minute(data_end) + "); pass the data's end");
  return open ? data_end : end;
}

// D1: a report at 15:00 on every day the span is in force at 15:00 strictly after its start —
// weekends and holidays included (an emergency does not pause). The lift instant is not in force.
inline void add_daily_reports(std::vector<Deadline>& out, const ReportSpan& s, const DeadlineRules& rules) {
  namespace greg = boost::gregorian;
  namespace pt = boost::posix_time;
  const auto& d1 = rules.daily_report;
  int n = 0;
  for (greg::date day = s.from.date(); pt::ptime(day, rules.daily_report_time) < s.until; day += greg::days(1)) {
    const pt::ptime at(day, rules.daily_report_time);
    if (at < s.from || (s.strictly_after && at == s.from)) continue;
    Deadline d;
    d.due = at;
    d.kind = DeadlineKind::daily_report;
    d.rule = d1.rule;
    d.what = d1.what_en + ", day " + std::to_string(++n) + " " + s.of;
    d.what_zh = d1.what_zh;
    d.who = d1.who_en;
    d.who_zh = d1.who_zh;
    d.submit_to_zh = rules.submit_to_zh;
    d.period = s.period;
    d.warning = s.warning;
    d.day = n;
    out.push_back(std::move(d));
  }
}

// D2: the end of the n-th working day after the day the response ended (that day not counted).
inline void add_response_summary(std::vector<Deadline>& out, std::size_t i, const ResponsePeriod& p,
                                 boost::posix_time::ptime data_end, const HolidayCalendar& calendar,
                                 const DeadlineRules& rules) {
  namespace pt = boost::posix_time;
  const auto& d2 = rules.response_summary;
  const std::string response = response_name(p);
  Deadline s;
  s.kind = DeadlineKind::response_summary;
  s.rule = d2.rule;
  s.what_zh = d2.what_zh;
  s.who = d2.who_en;
  s.who_zh = d2.who_zh;
  s.submit_to_zh = rules.submit_to_zh;
  s.period = i;
  const std::string wd =
      std::to_string(rules.summary_working_days) + " working day" + (rules.summary_working_days == 1 ? "" : "s");
  if (p.end.is_not_a_date_time()) {
    s.due = pt::ptime(pt::not_a_date_time);
    s.what = d2.what_en + " for the " + response + " from " + iso_minute(p.start) + ", still in force at " +
             iso_minute(data_end) + ": due " + wd + " after it ends";
  } else {
    const pt::time_duration end_of_day = pt::hours(23) + pt::minutes(59) + pt::seconds(59);
    s.due = pt::ptime(calendar.working_days_after(p.end.date(), rules.summary_working_days), end_of_day);
    s.what = d2.what_en + " for the " + response + " " + iso_minute(p.start) + " … " + iso_minute(p.end) + " (" + wd +
             " after it ended)";
  }
  out.push_back(std::move(s));
}

// D3: yearly, in the year after the season's start.
inline void add_yearly(std::vector<Deadline>& out, int season, const DeadlineOptions& options,
                       const HolidayCalendar& calendar, const DeadlineRules& rules) {
  namespace greg = boost::gregorian;
  namespace pt = boost::posix_time;
  for (const auto& y : rules.yearly) {
    const int year = season + 1;
    const int day = std::min<int>(y.day, greg::gregorian_calendar::end_of_month_day(year, y.month));
    const greg::date written(year, y.month, day);
    greg::date due = written;
    std::string moved;
    if (options.yearly_on_working_day) {
      due = calendar.working_day_on_or_before(written);
      if (due != written) {
        const Holiday* h = calendar.holiday_of(written);
        moved = "; moved from " + iso(written) + " (" + HolidayYear::weekday_name(written) +
                (h ? ", " + h->name_zh : std::string()) + ") to the last working day before it";
      }
    }
    Deadline d;
    d.due = pt::ptime(due, pt::hours(23) + pt::minutes(59) + pt::seconds(59));
    d.kind = y.kind;
    d.rule = y.rule;
    d.what = y.what_en + ", yearly, after season " + std::to_string(season) + "–" + std::to_string(season + 1) + moved;
    d.what_zh = y.what_zh;
    d.who = y.who_en;
    d.who_zh = y.who_zh;
    d.submit_to_zh = rules.submit_to_zh;
    out.push_back(std::move(d));
  }
}

// D4: by due time (a summary whose due time is not known yet last), then by kind, then by response.
inline void sort_deadlines(std::vector<Deadline>& out) {
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    const bool ua = a.due.is_special(), ub = b.due.is_special();
    if (ua != ub) return ub;  // unknown due times last
    if (!ua && a.due != b.due) return a.due < b.due;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.period < b.period;
  });
}

inline boost::posix_time::ptime data_end_of(int season, const DeadlineOptions& options) {
  return options.data_end.is_special() ? boost::posix_time::ptime(boost::gregorian::date(season + 1, 4, 1))
                                       : options.data_end;
}

}  // namespace detail

// SPEC D4: the deadline calendar of a season (its start year) from response periods alone (a
// table of responses: each one's D1 reports run from its start to its end), sorted by due time
// (a summary whose due time is not known yet last), then by kind.
// Throws InvalidValue naming the period when a start is missing or an end precedes its start,
// CalendarNotAvailable when a D2 count needs a year the holiday calendar does not have.
inline std::vector<Deadline> deadline_calendar(int season, span<const ResponsePeriod> periods,
                                               const DeadlineOptions& options = {},
                                               const HolidayCalendar& calendar = builtin_holiday_calendar(),
                                               const DeadlineRules& rules = deadline_rules()) {
  detail::check_deadline_inputs(season, rules);
  const auto data_end = detail::data_end_of(season, options);
  std::vector<Deadline> out;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const ResponsePeriod& p = periods[i];
    const auto until = detail::span_end("response_periods", i, p.start, p.end, data_end, "start");
    detail::add_daily_reports(
        out, {p.start, until, "of the " + detail::response_name(p) + " from " + detail::iso_minute(p.start), i}, rules);
    detail::add_response_summary(out, i, p, data_end, calendar, rules);
  }
  detail::add_yearly(out, season, options, calendar, rules);
  detail::sort_deadlines(out);
  return out;
}

// SPEC D1 as revised (issue 13), D4: the calendar of a season run — the daily reports run from each
// warning's receipt (its ISSUE) to its LIFT, whether or not its response has begun (a warning lifted
// before its response still reported); the summaries (D2) follow the response periods. `warnings`
// and `periods` as SeasonResult holds them. Throws as above, naming `warnings` or `response_periods`.
inline std::vector<Deadline> deadline_calendar(int season, span<const WarningPeriod> warnings,
                                               span<const ResponsePeriod> periods, const DeadlineOptions& options = {},
                                               const HolidayCalendar& calendar = builtin_holiday_calendar(),
                                               const DeadlineRules& rules = deadline_rules()) {
  detail::check_deadline_inputs(season, rules);
  const auto data_end = detail::data_end_of(season, options);
  std::vector<Deadline> out;
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const WarningPeriod& w = warnings[i];
    const auto until = detail::span_end("warnings", i, w.issued, w.lifted, data_end, "issue time");
    if (w.period != WarningPeriod::no_period && w.period >= periods.size())
      throw InvalidValue("warnings", i, "its response period " + std::to_string(w.period) + " is not in the table");
    std::string of = "since the warning notice received " + detail::iso_minute(w.issued);
    if (!w.doc_no.empty()) of += " (" + w.doc_no + ")";
    detail::add_daily_reports(out, {w.issued, until, of, w.period, i, true}, rules);
  }
  for (std::size_t i = 0; i < periods.size(); ++i) {
    detail::span_end("response_periods", i, periods[i].start, periods[i].end, data_end, "start");
    detail::add_response_summary(out, i, periods[i], data_end, calendar, rules);
  }
  detail::add_yearly(out, season, options, calendar, rules);
  detail::sort_deadlines(out);
  return out;
}

}  // namespace aqi
