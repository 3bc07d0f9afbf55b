// The deadline calendar of a season run (SPEC D4): every report the plan requires, with its due
// date and time, what it is and who owes it — D1 the 15:00 progress report on every day of a
// response, D2 the summary report within 3 working days after a response ends, D3 the yearly
// assessment (31 May) and list revision (30 September). The plan's wording is data
// (libaqi/rules/deadlines/<plan>.toml); the decisions are in docs/deadlines.md.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/calendar/holidays.hpp"
#include "aqi/detail/ascii.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/warning_period.hpp"

namespace aqi {

enum class DeadlineKind : std::uint8_t { daily_report, response_summary, plan_assessment, list_revision };

inline constexpr std::array<DeadlineKind, 4> all_deadline_kinds{
    DeadlineKind::daily_report, DeadlineKind::response_summary, DeadlineKind::plan_assessment,
    DeadlineKind::list_revision};

constexpr std::string_view name(DeadlineKind k) noexcept {
  constexpr std::string_view names[] = {"daily_report", "response_summary", "plan_assessment", "list_revision"};
  return names[static_cast<std::size_t>(k)];
}

constexpr std::optional<DeadlineKind> find_deadline_kind(std::string_view text) noexcept {
  for (DeadlineKind k : all_deadline_kinds)
    if (text == name(k)) return k;
  return std::nullopt;
}

// The name()/parse_deadline_kind() pair; throws UnknownName listing the kinds.
inline DeadlineKind parse_deadline_kind(std::string_view text) {
  if (auto k = find_deadline_kind(text)) return *k;
  throw UnknownName("unknown deadline kind '" + std::string(text) + "'; expected one of: " +
                    detail::name_list(all_deadline_kinds, [](DeadlineKind k) { return name(k); }));
}

// D3 is yearly: the plan assessment and the list revision.
constexpr bool is_yearly(DeadlineKind k) noexcept {
  return k == DeadlineKind::plan_assessment || k == DeadlineKind::list_revision;
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
  std::string rule;       // "D1", "D2", "D3"
  std::string what;       // English, naming the response or season it is about
  std::string what_zh;    // the plan's words
  std::string detail_zh;  // SPEC N5: the facts `what` adds to them (the response, its times), in Chinese
  std::string who;        // English
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
  // The last day of the run's data, when data_end is not given: the data end at the midnight
  // after it (a season result whose days end on 31 March ends on 1 April 00:00).
  boost::gregorian::date last_day;
};

// Where the data of the season run end (the D1 reports of a response still in force stop
// there): options.data_end, else the midnight after options.last_day, else the end of the
// season (1 April 00:00 after it).
inline boost::posix_time::ptime data_end_of(const DeadlineOptions& options, int season) {
  if (!options.data_end.is_special()) return options.data_end;
  if (!options.last_day.is_special()) return boost::posix_time::ptime(options.last_day + boost::gregorian::days(1));
  return boost::posix_time::ptime(boost::gregorian::date(season + 1, 4, 1));
}

// The season a date belongs to, as the year the season starts in: July–December → that year,
// January–June → the year before (season 2019 = 2019-10-01 … 2020-03-31; a response outside
// the winter months counts with the winter it follows or precedes most closely).
inline int season_of(boost::gregorian::date d) {
  const int y = d.year();
  return d.month() >= 7 ? y : y - 1;
}

// The season of a run that does not say: the season of its first day when the run has days, else
// of its first response's start. Throws InvalidArgument for an empty run.
inline int season_of_run(boost::gregorian::date first_day, span<const ResponsePeriod> periods) {
  if (!first_day.is_special()) return season_of(first_day);
  if (!periods.empty() && !periods[0].start.is_special()) return season_of(periods[0].start.date());
  throw InvalidArgument("deadlines: cannot tell the season from an empty run; pass season=");
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
std::vector<Deadline> deadline_calendar(int season, span<const ResponsePeriod> periods,
                                        const DeadlineOptions& options = {},
                                        const HolidayCalendar& calendar = builtin_holiday_calendar(),
                                        const DeadlineRules& rules = deadline_rules());

// SPEC D1 as revised (issue 13), D4: the calendar of a season run — the daily reports run from each
// warning's receipt (its ISSUE) to its LIFT, one at every report time strictly after the receipt,
// whether or not its response has begun (a warning lifted before its response still reported);
// upgrades and downgrades neither add nor restart them. The summaries (D2) follow the response
// periods. `warnings` and `periods` as SeasonResult holds them. Throws as above, naming `warnings`
// or `response_periods`.
std::vector<Deadline> deadline_calendar(int season, span<const WarningPeriod> warnings,
                                        span<const ResponsePeriod> periods, const DeadlineOptions& options = {},
                                        const HolidayCalendar& calendar = builtin_holiday_calendar(),
                                        const DeadlineRules& rules = deadline_rules());

}  // namespace aqi
