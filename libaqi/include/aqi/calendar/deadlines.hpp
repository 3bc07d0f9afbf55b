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

#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/calendar/holidays.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/span.hpp"

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
  std::size_t period = no_period;  // D1, D2: index of the response period
  int day = 0;                     // D1: 1 for the response's first report, 2 for the next …
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

// SPEC D4: the deadline calendar of a season (its start year) and the response periods of its
// run, sorted by due time (a summary whose due time is not known yet last), then by kind.
// Throws InvalidValue naming the period when a start is missing or an end precedes its start,
// CalendarNotAvailable when a D2 count needs a year the holiday calendar does not have.
inline std::vector<Deadline> deadline_calendar(int season, span<const ResponsePeriod> periods,
                                               const DeadlineOptions& options = {},
                                               const HolidayCalendar& calendar = builtin_holiday_calendar(),
                                               const DeadlineRules& rules = deadline_rules()) {
  namespace greg = boost::gregorian;
  namespace pt = boost::posix_time;
  if (season < 1901 || season > 9998)
    throw InvalidArgument("season must be a year, e.g. 2019 (got " + std::to_string(season) + ")");
  // Rules built in code skip DeadlineRules::parse: a month 13 reached Boost as std::out_of_range.
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
  const pt::ptime season_end(greg::date(season + 1, 4, 1));
  const pt::ptime data_end = options.data_end.is_special() ? season_end : options.data_end;
  const pt::time_duration end_of_day = pt::hours(23) + pt::minutes(59) + pt::seconds(59);
  std::vector<Deadline> out;

  for (std::size_t i = 0; i < periods.size(); ++i) {
    const ResponsePeriod& p = periods[i];
    if (p.start.is_special()) throw InvalidValue("response_periods", i, "the start is missing");
    const bool open = p.end.is_not_a_date_time();
    if (!open && p.end.is_special()) throw InvalidValue("response_periods", i, "the end is not a date and time");
    if (!open && p.end < p.start)
      throw InvalidValue(
          "response_periods", i,
          "ends (" + detail::iso_minute(p.end) + ") before it starts (" + detail::iso_minute(p.start) + ")");
    if (open && p.start >= data_end)
      throw InvalidValue("response_periods", i,
                         "still in force, but starts (" + detail::iso_minute(p.start) +
                             ") after the end of the data (" + detail::iso_minute(data_end) + "); pass the data's end");
    const pt::ptime until = open ? data_end : p.end;
    const std::string response = detail::response_name(p);

    // D1: a report at 15:00 on every day the response is in force at 15:00 — weekends and
    // holidays included (an emergency does not pause). The lift instant itself is not in force.
    const auto& d1 = rules.daily_report;
    int n = 0;
    for (greg::date day = p.start.date(); pt::ptime(day, rules.daily_report_time) < until; day += greg::days(1)) {
      const pt::ptime at(day, rules.daily_report_time);
      if (at < p.start) continue;
      Deadline d;
      d.due = at;
      d.kind = DeadlineKind::daily_report;
      d.rule = d1.rule;
      d.what =
          d1.what_en + ", day " + std::to_string(++n) + " of the " + response + " from " + detail::iso_minute(p.start);
      d.what_zh = d1.what_zh;
      d.who = d1.who_en;
      d.who_zh = d1.who_zh;
      d.submit_to_zh = rules.submit_to_zh;
      d.period = i;
      d.day = n;
      out.push_back(std::move(d));
    }

    // D2: the end of the n-th working day after the day the response ended (that day not counted).
    const auto& d2 = rules.response_summary;
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
    if (open) {
      s.due = pt::ptime(pt::not_a_date_time);
      s.what = d2.what_en + " for the " + response + " from " + detail::iso_minute(p.start) + ", still in force at " +
               detail::iso_minute(data_end) + ": due " + wd + " after it ends";
    } else {
      s.due = pt::ptime(calendar.working_days_after(p.end.date(), rules.summary_working_days), end_of_day);
      s.what = d2.what_en + " for the " + response + " " + detail::iso_minute(p.start) + " … " +
               detail::iso_minute(p.end) + " (" + wd + " after it ended)";
    }
    out.push_back(std::move(s));
  }

  // D3: yearly, in the year after the season's start.
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
        moved = "; moved from " + detail::iso(written) + " (" + HolidayYear::weekday_name(written) +
                (h ? ", " + h->name_zh : std::string()) + ") to the last working day before it";
      }
    }
    Deadline d;
    d.due = pt::ptime(due, end_of_day);
    d.kind = y.kind;
    d.rule = y.rule;
    d.what = y.what_en + ", yearly, after season " + std::to_string(season) + "–" + std::to_string(season + 1) + moved;
    d.what_zh = y.what_zh;
    d.who = y.who_en;
    d.who_zh = y.who_zh;
    d.submit_to_zh = rules.submit_to_zh;
    out.push_back(std::move(d));
  }

  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    const bool ua = a.due.is_special(), ub = b.due.is_special();
    if (ua != ub) return ub;  // unknown due times last
    if (!ua && a.due != b.due) return a.due < b.due;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.period < b.period;
  });
  return out;
}

}  // namespace aqi
