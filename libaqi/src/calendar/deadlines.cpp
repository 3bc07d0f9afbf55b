#include "aqi/calendar/deadlines.hpp"

#include "detail/toml.hpp"

namespace aqi {

namespace {

DeadlineText text(const toml::table& t, const std::string& source) {
  using namespace detail;
  return {require_string(t, "rule", source),    require_string(t, "what_zh", source),
          require_string(t, "what_en", source), require_string(t, "who_zh", source),
          require_string(t, "who_en", source),  require_string(t, "quote_zh", source)};
}

}  // namespace

DeadlineRules DeadlineRules::parse(std::string_view toml_text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, source);
  require_known_keys(root, source,
                     {"id", "document", "submit_to_zh", "submit_to_en", "daily_report", "response_summary", "yearly"});
  DeadlineRules r;
  r.id = require_string(root, "id", source);
  r.document = require_string(root, "document", source);
  r.submit_to_zh = require_string(root, "submit_to_zh", source);
  r.submit_to_en = require_string(root, "submit_to_en", source);

  const auto& daily = require_table(root, "daily_report", source);
  require_known_keys(daily, source, {"rule", "time", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
  r.daily_report = text(daily, source);
  const auto& time_node = require_node(daily, "time", source);
  const auto t = time_node.value<toml::time>();
  if (!t) throw toml_error(source, time_node, "'time' must be a time of day (e.g. 15:00:00)");
  r.daily_report_time =
      boost::posix_time::hours(t->hour) + boost::posix_time::minutes(t->minute) + boost::posix_time::seconds(t->second);

  const auto& summary = require_table(root, "response_summary", source);
  require_known_keys(summary, source, {"rule", "working_days", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
  r.response_summary = text(summary, source);
  const auto& wd = require_node(summary, "working_days", source);
  const auto n = detail::integer_value(wd);
  if (!n || *n < 1 || *n > 366) throw toml_error(source, wd, "'working_days' must be a whole number from 1 to 366");
  r.summary_working_days = static_cast<int>(*n);

  for (const auto& node : require_array(root, "yearly", source)) {
    const auto* y = node.as_table();
    if (!y) throw toml_error(source, node, "each [[yearly]] must be a table");
    require_known_keys(*y, source,
                       {"rule", "kind", "month", "day", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
    YearlyDeadline d;
    static_cast<DeadlineText&>(d) = text(*y, source);
    const auto kind = require_string(*y, "kind", source);
    const auto found = find_deadline_kind(kind);
    if (!found || !is_yearly(*found))
      throw toml_error(source, *y->get("kind"),
                       "unknown yearly deadline kind '" + kind + "'; expected plan_assessment or list_revision");
    d.kind = *found;
    const auto& month = require_node(*y, "month", source);
    const auto& day = require_node(*y, "day", source);
    const auto m = detail::integer_value(month);
    if (!m || *m < 1 || *m > 12) throw toml_error(source, month, "'month' must be 1 to 12");
    const auto dd = detail::integer_value(day);
    // A leap year admits every real month-day; 29 February falls back to the 28th in other years.
    if (!dd || *dd < 1 || *dd > boost::gregorian::gregorian_calendar::end_of_month_day(2000, static_cast<int>(*m)))
      throw toml_error(source, day, "'day' is not a day of month " + std::to_string(*m));
    d.month = static_cast<int>(*m);
    d.day = static_cast<int>(*dd);
    r.yearly.push_back(std::move(d));
  }
  return r;
}

DeadlineRules DeadlineRules::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

namespace detail {

namespace greg = boost::gregorian;
namespace pt = boost::posix_time;

// D2 and D3 are due at the end of their day.
const pt::time_duration end_of_day = pt::hours(23) + pt::minutes(59) + pt::seconds(59);

// Rules built in code skip DeadlineRules::parse: a month 13 reached Boost as std::out_of_range.
void check_deadline_rules(const DeadlineRules& rules) {
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

// The words of check_interval for one table: "the start" / "the issue time", "the end" / "the lift",
// "starts" / "issued".
struct IntervalWords {
  const char* table;
  const char* start;
  const char* end;
  const char* started;
};

// An interval the calendar can count from: a start, an end at or after it (or none yet, when it
// starts before the end of the data). Errors name the table and the row.
void check_interval(pt::ptime start, pt::ptime end, std::size_t i, pt::ptime data_end, const IntervalWords& w) {
  if (start.is_special()) throw InvalidValue(w.table, i, std::string(w.start) + " is missing");
  const bool open = end.is_not_a_date_time();
  if (!open && end.is_special()) throw InvalidValue(w.table, i, std::string(w.end) + " is not a date and time");
  if (!open && end < start)
    throw InvalidValue(w.table, i, "ends (" + iso_minute(end) + ") before it starts (" + iso_minute(start) + ")");
  if (open && start >= data_end)
    throw InvalidValue(w.table, i,
                       "still in force, but " + std::string(w.started) + " (" + iso_minute(start) +
                           ") after the end of the data (" + iso_minute(data_end) + "); pass the data's end");
}

// A response period the calendar can count from.
void check_response_period(const ResponsePeriod& p, std::size_t i, pt::ptime data_end) {
  check_interval(p.start, p.end, i, data_end, {"response_periods", "the start", "the end", "starts"});
}

// "Ⅱ级应急响应" (a period of no known level: "应急响应").
std::string response_name_zh(const ResponsePeriod& p) { return std::string(name_zh(p.highest)) + "应急响应"; }

// A deadline with the plan's words for one kind (the English `what` is the caller's).
Deadline deadline_of(const DeadlineText& text, DeadlineKind kind, const DeadlineRules& rules) {
  Deadline d;
  d.kind = kind;
  d.rule = text.rule;
  d.what_zh = text.what_zh;
  d.who = text.who_en;
  d.who_zh = text.who_zh;
  d.submit_to_zh = rules.submit_to_zh;
  return d;
}

// D1: a report at 15:00 on every day the response is in force at 15:00 — weekends and holidays
// included (an emergency does not pause). The lift instant itself is not in force.
void daily_reports(const ResponsePeriod& p, std::size_t i, pt::ptime until, const DeadlineRules& rules,
                   std::vector<Deadline>& out) {
  const auto& d1 = rules.daily_report;
  const std::string response = response_name(p);
  int n = 0;
  for (greg::date day = p.start.date(); pt::ptime(day, rules.daily_report_time) < until; day += greg::days(1)) {
    const pt::ptime at(day, rules.daily_report_time);
    if (at < p.start) continue;
    Deadline d = deadline_of(d1, DeadlineKind::daily_report, rules);
    d.due = at;
    d.what = d1.what_en + ", day " + std::to_string(++n) + " of the " + response + " from " + iso_minute(p.start);
    // SPEC N5: the Chinese carries the same facts as the English.
    d.detail_zh = "，" + response_name_zh(p) + "自" + iso_minute(p.start) + "起第" + std::to_string(n) + "天";
    d.period = i;
    d.day = n;
    out.push_back(std::move(d));
  }
}

// A season's warning the calendar can count from (SPEC D1): an issue time, a lift at or after it
// (or none yet, when issued before the end of the data), a response period of the table.
void check_warning(const WarningPeriod& w, std::size_t i, pt::ptime data_end, std::size_t periods) {
  check_interval(w.issued, w.lifted, i, data_end, {"warnings", "the issue time", "the lift", "issued"});
  if (w.period != WarningPeriod::no_period && w.period >= periods)
    throw InvalidValue("warnings", i, "its response period " + std::to_string(w.period) + " is not in the table");
}

// D1 as revised: a report at every report time strictly after the notice's receipt and before
// the lift (the lift instant is not in force), whatever the response does.
void warning_reports(const WarningPeriod& w, std::size_t i, pt::ptime until, const DeadlineRules& rules,
                     std::vector<Deadline>& out) {
  const auto& d1 = rules.daily_report;
  std::string since = "since the warning notice received " + iso_minute(w.issued);
  if (!w.doc_no.empty()) since += " (" + w.doc_no + ")";
  int n = 0;
  for (greg::date day = w.issued.date(); pt::ptime(day, rules.daily_report_time) < until; day += greg::days(1)) {
    const pt::ptime at(day, rules.daily_report_time);
    if (at <= w.issued) continue;
    Deadline d = deadline_of(d1, DeadlineKind::daily_report, rules);
    d.due = at;
    d.what = d1.what_en + ", day " + std::to_string(++n) + " " + since;
    d.detail_zh = "，自" + iso_minute(w.issued) + "接到预警通知" + (w.doc_no.empty() ? "" : "（" + w.doc_no + "）") +
                  "起第" + std::to_string(n) + "天";
    d.period = w.period;
    d.warning = i;
    d.day = n;
    out.push_back(std::move(d));
  }
}

// D2: the end of the n-th working day after the day the response ended (that day not counted);
// not yet known for a response still in force at the end of the data.
Deadline response_summary(const ResponsePeriod& p, std::size_t i, pt::ptime data_end, const DeadlineRules& rules,
                          const HolidayCalendar& calendar) {
  const auto& d2 = rules.response_summary;
  Deadline s = deadline_of(d2, DeadlineKind::response_summary, rules);
  s.period = i;
  const std::string response = response_name(p);
  const std::string wd =
      std::to_string(rules.summary_working_days) + " working day" + (rules.summary_working_days == 1 ? "" : "s");
  if (p.end.is_not_a_date_time()) {
    s.due = pt::ptime(pt::not_a_date_time);
    s.what = d2.what_en + " for the " + response + " from " + iso_minute(p.start) + ", still in force at " +
             iso_minute(data_end) + ": due " + wd + " after it ends";
    s.detail_zh = "：" + response_name_zh(p) + "自" + iso_minute(p.start) + "起，至" + iso_minute(data_end) +
                  "仍在执行，结束后" + std::to_string(rules.summary_working_days) + "个工作日内报送";
  } else {
    s.due = pt::ptime(calendar.working_days_after(p.end.date(), rules.summary_working_days), end_of_day);
    s.what = d2.what_en + " for the " + response + " " + iso_minute(p.start) + " … " + iso_minute(p.end) + " (" + wd +
             " after it ended)";
    s.detail_zh = "：" + response_name_zh(p) + " " + iso_minute(p.start) + " … " + iso_minute(p.end) + "（结束后" +
                  std::to_string(rules.summary_working_days) + "个工作日内）";
  }
  return s;
}

// D3: yearly, in the year after the season's start; on request moved back to a working day.
Deadline yearly_deadline(const YearlyDeadline& y, int season, bool on_working_day, const DeadlineRules& rules,
                         const HolidayCalendar& calendar) {
  const int year = season + 1;
  const int day = std::min<int>(y.day, greg::gregorian_calendar::end_of_month_day(year, y.month));
  const greg::date written(year, y.month, day);
  greg::date due = written;
  std::string moved, moved_zh;
  if (on_working_day) {
    due = calendar.working_day_on_or_before(written);
    if (due != written) {
      const Holiday* h = calendar.holiday_of(written);
      moved = "; moved from " + iso(written) + " (" + HolidayYear::weekday_name(written) +
              (h ? ", " + h->name_zh : std::string()) + ") to the last working day before it";
      moved_zh = "；由" + iso(written) + "（" + (h ? h->name_zh : std::string("休息日")) + "）提前至此前最后一个工作日";
    }
  }
  Deadline d = deadline_of(y, y.kind, rules);
  d.due = pt::ptime(due, end_of_day);
  d.what = y.what_en + ", yearly, after season " + std::to_string(season) + "–" + std::to_string(season + 1) + moved;
  d.detail_zh = "，每年，" + std::to_string(season) + "–" + std::to_string(season + 1) + "年度之后" + moved_zh;
  return d;
}

// By due time (a summary whose due time is not known yet last), then by kind and period.
void sort_deadlines(std::vector<Deadline>& out) {
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    const bool ua = a.due.is_special(), ub = b.due.is_special();
    if (ua != ub) return ub;  // unknown due times last
    if (!ua && a.due != b.due) return a.due < b.due;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.period < b.period;
  });
}

}  // namespace detail

std::vector<Deadline> deadline_calendar(int season, span<const ResponsePeriod> periods, const DeadlineOptions& options,
                                        const HolidayCalendar& calendar, const DeadlineRules& rules) {
  namespace pt = boost::posix_time;
  if (season < 1901 || season > 9998)
    throw InvalidArgument("season must be a year, e.g. 2019 (got " + std::to_string(season) + ")");
  detail::check_deadline_rules(rules);
  const pt::ptime data_end = data_end_of(options, season);
  std::vector<Deadline> out;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const ResponsePeriod& p = periods[i];
    detail::check_response_period(p, i, data_end);
    detail::daily_reports(p, i, p.end.is_not_a_date_time() ? data_end : p.end, rules, out);
    out.push_back(detail::response_summary(p, i, data_end, rules, calendar));
  }
  for (const auto& y : rules.yearly)
    out.push_back(detail::yearly_deadline(y, season, options.yearly_on_working_day, rules, calendar));
  detail::sort_deadlines(out);
  return out;
}

std::vector<Deadline> deadline_calendar(int season, span<const WarningPeriod> warnings,
                                        span<const ResponsePeriod> periods, const DeadlineOptions& options,
                                        const HolidayCalendar& calendar, const DeadlineRules& rules) {
  namespace pt = boost::posix_time;
  if (season < 1901 || season > 9998)
    throw InvalidArgument("season must be a year, e.g. 2019 (got " + std::to_string(season) + ")");
  detail::check_deadline_rules(rules);
  const pt::ptime data_end = data_end_of(options, season);
  std::vector<Deadline> out;
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const WarningPeriod& w = warnings[i];
    detail::check_warning(w, i, data_end, periods.size());
    detail::warning_reports(w, i, w.lifted.is_not_a_date_time() ? data_end : w.lifted, rules, out);
  }
  for (std::size_t i = 0; i < periods.size(); ++i) {
    detail::check_response_period(periods[i], i, data_end);
    out.push_back(detail::response_summary(periods[i], i, data_end, rules, calendar));
  }
  for (const auto& y : rules.yearly)
    out.push_back(detail::yearly_deadline(y, season, options.yearly_on_working_day, rules, calendar));
  detail::sort_deadlines(out);
  return out;
}

}  // namespace aqi
