#include "aqi/warning/forecast.hpp"

#include <limits>
#include <map>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

using boost::gregorian::date;

std::vector<DailyForecast> parse_forecasts(std::string_view text, const std::string& file) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  const std::size_t ci = t.column("issue_date"), cv = t.column("valid_date"), ca = t.column("aqi");
  std::map<date, std::map<date, std::pair<double, std::size_t>>> by_issue;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const date issue = t.date(r, ci), valid = t.date(r, cv);
    const double v = t.number(r, ca);
    if (v < 0) t.fail(r, ca, "negative AQI (SPEC W9)");
    if (valid < issue)
      t.fail(r, cv, "valid_date " + detail::iso(valid) + " is before the issue date " + detail::iso(issue));
    // A forecast is days long (SPEC L1: 7–10); a valid date years ahead is a typo, and each
    // forecast holds a value for every day it spans.
    if ((valid - issue).days() > max_forecast_days)
      t.fail(r, cv,
             "valid_date " + detail::iso(valid) + " is more than " + std::to_string(max_forecast_days) +
                 " days after the issue date " + detail::iso(issue));
    auto [it, fresh] = by_issue[issue].emplace(valid, std::make_pair(v, r));
    if (!fresh)
      t.fail(r, cv,
             "the forecast of " + detail::iso(issue) + " for " + detail::iso(valid) + " is already given on line " +
                 std::to_string(t.row_line[it->second.second]));
  }
  std::vector<DailyForecast> out;
  for (const auto& [issue, days] : by_issue) {
    DailyForecast f;
    f.issue = issue;
    f.first_valid = days.begin()->first;
    f.aqi.assign(static_cast<std::size_t>((days.rbegin()->first - f.first_valid).days() + 1),
                 std::numeric_limits<double>::quiet_NaN());
    for (const auto& [d, v] : days) f.aqi[static_cast<std::size_t>((d - f.first_valid).days())] = v.first;
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<DailyForecast> read_forecasts(const std::string& path) {
  return parse_forecasts(detail::read_text_file(path), path);
}

}  // namespace aqi
