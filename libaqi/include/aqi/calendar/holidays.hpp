// China's official holiday arrangement (放假调休安排) and the working days it defines (SPEC D2).
// The calendar is data: one TOML file per year under libaqi/rules/holidays/, each transcribing
// the State Council General Office notice for that year (国务院办公厅关于…年部分节假日安排的通知)
// and its revisions. A working day is a make-up working day (调休上班), or a Monday–Friday that
// is not a day off. A date the calendar cannot decide is an error, never a guess from weekdays.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/ascii.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"

namespace aqi {

// One holiday of a notice: every calendar day off (weekend days it absorbs included) and the
// weekend days worked for it.
struct Holiday {
  std::string name_zh;  // as in the notice: 春节, 国庆节、中秋节
  std::string name_en;
  std::vector<boost::gregorian::date> days_off;         // sorted
  std::vector<boost::gregorian::date> makeup_workdays;  // Saturdays or Sundays, sorted
  std::string note;
};

// One year's notice (libaqi/rules/holidays/<year>.toml; schema in that folder's README.md).
struct HolidayYear {
  int year = 0;
  std::string notice;         // full title, number and date of the notice
  std::string notice_number;  // 文号, e.g. 国办发明电〔2018〕15号
  boost::gregorian::date notice_date;
  std::vector<std::string> revisions;  // later notices applied (2019 劳动节, 2020 春节)
  std::vector<std::string> sources;
  std::vector<Holiday> holidays;

  // Parses and checks one file; `source` names it in errors (file:line:column).
  static HolidayYear parse(std::string_view toml_text, const std::string& source);

  static HolidayYear load(const std::string& path);

  static std::string weekday_name(boost::gregorian::date d) {
    constexpr const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return names[d.day_of_week().as_number()];
  }
};

// What a calendar day is under the notices.
enum class DayKind : std::uint8_t {
  working_day,         // Monday–Friday, not a day off
  weekend,             // Saturday or Sunday, not a make-up working day
  holiday,             // a day off of a holiday (weekend days it absorbs included)
  makeup_working_day,  // a Saturday or Sunday worked for a holiday (调休上班)
};

inline constexpr std::array<DayKind, 4> all_day_kinds{DayKind::working_day, DayKind::weekend, DayKind::holiday,
                                                      DayKind::makeup_working_day};

constexpr std::string_view name(DayKind k) noexcept {
  constexpr std::string_view names[] = {"working day", "weekend", "holiday", "make-up working day"};
  return names[static_cast<std::size_t>(k)];
}

// As the notices say: 工作日, 休息日 (a weekend), 放假 (a day off), 调休上班 (a make-up working day).
constexpr std::string_view name_zh(DayKind k) noexcept {
  constexpr std::string_view names[] = {"工作日", "休息日", "放假", "调休上班"};
  return names[static_cast<std::size_t>(k)];
}

// The name()/parse_day_kind() pair: the English name in any case, with `_` for spaces
// (make_up_working_day), or the Chinese. Throws UnknownName listing them.
inline DayKind parse_day_kind(std::string_view text) {
  for (DayKind k : all_day_kinds)
    if (detail::same_name(text, name(k)) || text == name_zh(k)) return k;
  throw UnknownName("unknown kind of day '" + std::string(text) +
                    "'; expected one of: " + detail::name_list(all_day_kinds, [](DayKind k) {
                      return std::string(name(k)) + " (" + std::string(name_zh(k)) + ")";
                    }));
}

constexpr bool is_working(DayKind k) noexcept { return k == DayKind::working_day || k == DayKind::makeup_working_day; }

// The calendar cannot decide a date: the year's notice (or, for the last days of December, the
// next year's, whose New Year holiday may take or shift them) is not in the calendar.
// Python: KeyError, like every unknown name.
class CalendarNotAvailable : public UnknownName {
 public:
  CalendarNotAvailable(int year, boost::gregorian::date needed_for, const std::string& has)
      : UnknownName(message(year, needed_for, has)), year_(year), needed_for_(needed_for) {}
  int year() const noexcept { return year_; }
  boost::gregorian::date needed_for() const noexcept { return needed_for_; }

 private:
  static std::string message(int year, boost::gregorian::date d, const std::string& has) {
    const std::string y = std::to_string(year);
    std::string s = "no holiday calendar for " + y + ", needed for " + detail::iso(d);
    if (static_cast<int>(d.year()) != year)
      s += " (the last days of December depend on the next year's New Year holiday)";
    return s + "; the calendar has " + (has.empty() ? "no year" : has) + "; add " + y +
           ".toml from the State Council notice 国务院办公厅关于" + y +
           "年部分节假日安排的通知 (libaqi/rules/holidays/README.md)";
  }
  int year_;
  boost::gregorian::date needed_for_;
};

// Working days over the years it holds. Immutable once built; cheap lookups (binary search).
class HolidayCalendar {
 public:
  // From December 25 on, a date also needs the next year's notice: a New Year holiday has taken
  // or shifted days as early as December 29 (2019's notice: 2018-12-29 worked, 12-30/31 off), and
  // the notice comes out in October–December. The margin keeps the rule from being a guess.
  static constexpr int next_year_needed_from_december = 25;

  HolidayCalendar() = default;

  // Throws InvalidArgument when two notices have the same year or share a date.
  explicit HolidayCalendar(std::vector<HolidayYear> years) : years_(std::move(years)) {
    std::sort(years_.begin(), years_.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    for (std::size_t i = 1; i < years_.size(); ++i)
      if (years_[i].year == years_[i - 1].year)
        throw InvalidArgument("holiday calendar: two notices for " + std::to_string(years_[i].year));
    for (std::size_t y = 0; y < years_.size(); ++y)
      for (std::size_t h = 0; h < years_[y].holidays.size(); ++h) {
        const auto& hol = years_[y].holidays[h];
        for (auto d : hol.days_off) days_.push_back({d, DayKind::holiday, y, h});
        for (auto d : hol.makeup_workdays) days_.push_back({d, DayKind::makeup_working_day, y, h});
      }
    // Stable: a date in two notices is reported with the earlier year first, always.
    std::stable_sort(days_.begin(), days_.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    for (std::size_t i = 1; i < days_.size(); ++i)
      if (days_[i].day == days_[i - 1].day)
        throw InvalidArgument("holiday calendar: " + detail::iso(days_[i].day) + " is in the notices for " +
                              std::to_string(years_[days_[i - 1].year].year) + " and " +
                              std::to_string(years_[days_[i].year].year));
  }

  const std::vector<HolidayYear>& years() const noexcept { return years_; }

  // One year's notice; throws UnknownName naming the years the calendar has.
  const HolidayYear& year(int y) const {
    for (const auto& n : years_)
      if (n.year == y) return n;
    throw UnknownName("no holiday calendar for " + std::to_string(y) + "; the calendar has " +
                      (years_.empty() ? std::string("no year") : year_list()));
  }

  // A day the notices list: a day off or a make-up working day, with its holiday and notice
  // (pointers into this calendar: valid while it lives).
  struct ListedDay {
    boost::gregorian::date day;
    DayKind kind;
    const Holiday* holiday;
    const HolidayYear* notice;
  };

  // Every day the notices list, by date (one notice's when `year` is given: it must be in the
  // calendar).
  std::vector<ListedDay> listed_days(std::optional<int> only_year = std::nullopt) const {
    if (only_year) year(*only_year);
    std::vector<ListedDay> out;
    for (const auto& e : days_) {
      const HolidayYear& y = years_[e.year];
      if (!only_year || y.year == *only_year) out.push_back({e.day, e.kind, &y.holidays[e.holiday], &y});
    }
    return out;
  }

  bool has_year(int year) const noexcept {
    return std::any_of(years_.begin(), years_.end(), [&](const auto& y) { return y.year == year; });
  }

  // "2019–2026", or "2019, 2021–2022" when years are missing in between.
  std::string year_list() const {
    std::string s;
    for (std::size_t i = 0; i < years_.size(); ++i) {
      std::size_t j = i;
      while (j + 1 < years_.size() && years_[j + 1].year == years_[j].year + 1) ++j;
      s += (s.empty() ? "" : ", ") + std::to_string(years_[i].year);
      if (j > i) s += "–" + std::to_string(years_[j].year);
      i = j;
    }
    return s;
  }

  // Throws CalendarNotAvailable when the notice(s) the date depends on are missing.
  void require(boost::gregorian::date d) const {
    const int y = d.year();
    if (!has_year(y)) throw CalendarNotAvailable(y, d, year_list());
    if (d.month() == 12 && d.day() >= next_year_needed_from_december && !has_year(y + 1))
      throw CalendarNotAvailable(y + 1, d, year_list());
  }

  DayKind kind(boost::gregorian::date d) const {
    require(d);
    if (const Entry* e = find(d)) return e->kind;
    const auto wd = d.day_of_week().as_number();
    return wd == 0 || wd == 6 ? DayKind::weekend : DayKind::working_day;
  }

  bool is_working_day(boost::gregorian::date d) const { return is_working(kind(d)); }

  // The holiday a day off or make-up working day belongs to; nullptr for other days.
  const Holiday* holiday_of(boost::gregorian::date d) const {
    require(d);
    const Entry* e = find(d);
    return e ? &years_[e->year].holidays[e->holiday] : nullptr;
  }

  // SPEC D2: the n-th working day after `day` (n ≥ 1). `day` itself is never counted, whatever
  // it is — a period counted in days starts the next day (民法典 art. 201).
  boost::gregorian::date working_days_after(boost::gregorian::date day, int n) const {
    if (n < 1) throw InvalidArgument("working_days_after: n must be at least 1 (got " + std::to_string(n) + ")");
    auto d = day;
    for (int counted = 0; counted < n;) {
      d += boost::gregorian::days(1);
      if (is_working_day(d)) ++counted;
    }
    return d;
  }

  // The last working day on or before `day`.
  boost::gregorian::date working_day_on_or_before(boost::gregorian::date day) const {
    auto d = day;
    while (!is_working_day(d)) d -= boost::gregorian::days(1);
    return d;
  }

  // Working days in [first, last] (0 when last < first).
  int working_days_between(boost::gregorian::date first, boost::gregorian::date last) const {
    int n = 0;
    for (auto d = first; d <= last; d += boost::gregorian::days(1)) n += is_working_day(d) ? 1 : 0;
    return n;
  }

 private:
  struct Entry {
    boost::gregorian::date day;
    DayKind kind;
    std::size_t year;  // index into years_
    std::size_t holiday;
  };

  const Entry* find(boost::gregorian::date d) const {
    auto it = std::lower_bound(days_.begin(), days_.end(), d, [](const Entry& e, auto x) { return e.day < x; });
    return it != days_.end() && it->day == d ? &*it : nullptr;
  }

  std::vector<HolidayYear> years_;  // sorted by year
  std::vector<Entry> days_;         // sorted by day
};

// The notices libaqi ships (libaqi/rules/holidays/*.toml, compiled in). Built once on first use,
// immutable afterwards. A file's name must be its year.
const HolidayCalendar& builtin_holiday_calendar();

}  // namespace aqi
