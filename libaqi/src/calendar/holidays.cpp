#include "aqi/calendar/holidays.hpp"

#include "detail/builtin_rules.hpp"
#include "detail/toml.hpp"

namespace aqi {

namespace {

std::vector<std::string> strings(const toml::table& t, std::string_view key, const std::string& source) {
  std::vector<std::string> out;
  for (const auto& n : detail::require_array(t, key, source)) {
    auto s = n.value<std::string>();
    if (!s) throw detail::toml_error(source, n, "'" + std::string(key) + "' must list strings");
    out.push_back(*s);
  }
  return out;
}

}  // namespace

namespace detail {

// The phases of HolidayYear::parse (schema: libaqi/rules/holidays/README.md).
struct HolidayYearReader {
  const std::string& source;
  boost::gregorian::date first, last;  // the notice's dates: 元旦 may start in the previous December
  std::vector<std::pair<boost::gregorian::date, const toml::node*>> seen;  // every date listed so far

  std::vector<boost::gregorian::date> dates(const toml::table& t, std::string_view key) {
    std::vector<boost::gregorian::date> out;
    for (const auto& n : require_array(t, key, source)) {
      const auto d = as_date(n, source);
      if (d < first || d > last)
        throw toml_error(source, n, iso(d) + " is outside the notice's year (" + iso(first) + " … " + iso(last) + ")");
      for (const auto& [other, at] : seen)
        if (other == d)
          throw toml_error(source, n,
                           iso(d) + " is listed twice (first at line " + std::to_string(at->source().begin.line) + ")");
      seen.emplace_back(d, &n);
      out.push_back(d);
    }
    return out;
  }

  // The declared count, one run of consecutive days (SPEC D2).
  void check_days_off(const Holiday& h, const toml::table& t, const toml::node& node) const {
    const auto& declared = require_node(t, "declared_days", source);
    if (integer_value(declared) != static_cast<std::int64_t>(h.days_off.size()))
      throw toml_error(source, declared,
                       h.name_zh + ": 'declared_days' must equal the number of days off (" +
                           std::to_string(h.days_off.size()) + ")");
    if (h.days_off.empty()) throw toml_error(source, node, h.name_zh + ": a holiday needs at least one day off");
    for (std::size_t i = 1; i < h.days_off.size(); ++i)
      if ((h.days_off[i] - h.days_off[i - 1]).days() != 1)
        throw toml_error(source, *t.get("days_off"),
                         h.name_zh + ": days off must be consecutive and sorted (" + iso(h.days_off[i - 1]) +
                             ", then " + iso(h.days_off[i]) + ")");
  }

  // 调休上班: a make-up working day is a Saturday or a Sunday.
  void check_makeup_days(const Holiday& h, const toml::table& t) const {
    std::size_t k = 0;
    for (auto d : h.makeup_workdays) {
      const auto wd = d.day_of_week().as_number();
      if (wd != 0 && wd != 6)
        throw toml_error(source, *t.get("makeup_workdays")->as_array()->get(k),
                         h.name_zh + ": make-up working day " + iso(d) + " is a " + HolidayYear::weekday_name(d) +
                             "; make-up days are Saturdays or Sundays");
      ++k;
    }
  }

  Holiday holiday(const toml::node& node) {
    const auto* t = node.as_table();
    if (!t) throw toml_error(source, node, "each [[holiday]] must be a table");
    require_known_keys(*t, source, {"name_zh", "name_en", "days_off", "declared_days", "makeup_workdays", "note"});
    Holiday h;
    h.name_zh = require_string(*t, "name_zh", source);
    h.name_en = require_string(*t, "name_en", source);
    h.note = optional_string(*t, "note", source);
    h.days_off = dates(*t, "days_off");
    h.makeup_workdays = dates(*t, "makeup_workdays");
    check_days_off(h, *t, node);
    check_makeup_days(h, *t);
    std::sort(h.makeup_workdays.begin(), h.makeup_workdays.end());
    return h;
  }
};

int year_of_notice(const toml::table& root, const std::string& source) {
  const auto& year_node = require_node(root, "year", source);
  const auto year = integer_value(year_node);
  if (!year || *year < 1900 || *year > 9999) throw toml_error(source, year_node, "'year' must be a year (e.g. 2020)");
  return static_cast<int>(*year);
}

}  // namespace detail

HolidayYear HolidayYear::parse(std::string_view toml_text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, source);
  require_known_keys(
      root, source,
      {"year", "notice", "notice_number", "notice_date", "revisions", "sources", "total_days_off", "holiday"});
  HolidayYear y;
  y.year = year_of_notice(root, source);
  y.notice = require_string(root, "notice", source);
  y.notice_number = require_string(root, "notice_number", source);
  y.notice_date = require_date(root, "notice_date", source);
  y.revisions = strings(root, "revisions", source);
  y.sources = strings(root, "sources", source);
  HolidayYearReader reader{
      source, boost::gregorian::date(y.year - 1, 12, 1), boost::gregorian::date(y.year, 12, 31), {}};
  long total = 0;
  for (const auto& node : require_array(root, "holiday", source)) {
    y.holidays.push_back(reader.holiday(node));
    total += static_cast<long>(y.holidays.back().days_off.size());
  }
  const auto& total_node = require_node(root, "total_days_off", source);
  if (integer_value(total_node) != total)
    throw toml_error(source, total_node,
                     "'total_days_off' must equal the days off of all holidays (" + std::to_string(total) + ")");
  return y;
}

HolidayYear HolidayYear::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

const HolidayCalendar& builtin_holiday_calendar() {
  static const HolidayCalendar calendar = [] {
    std::vector<HolidayYear> years;
    constexpr std::string_view dir = "holidays/";
    for (const auto& f : detail::builtin_rule_folder(dir)) {
      const std::string source = detail::builtin_source(f.path);
      auto y = HolidayYear::parse(f.text, source);
      if (f.path != std::string(dir) + std::to_string(y.year) + ".toml")
        throw ParseError(
            source, 0, 0,
            "the file of year " + std::to_string(y.year) + " must be named " + std::to_string(y.year) + ".toml");
      years.push_back(std::move(y));
    }
    return HolidayCalendar(std::move(years));
  }();
  return calendar;
}

}  // namespace aqi
