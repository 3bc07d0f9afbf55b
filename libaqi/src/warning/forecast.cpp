#include "aqi/warning/forecast.hpp"

#include <cmath>

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"
#include "aqi/detail/format.hpp"

namespace aqi {

using boost::gregorian::date;

namespace detail {

// The checks of one row, in the order both readers report them.
ForecastRowFault forecast_row_fault(const ForecastRow& row) noexcept {
  if (row.issue_date.is_special() || row.valid_date.is_special()) return ForecastRowFault::not_a_date;
  if (row.aqi < 0) return ForecastRowFault::negative_aqi;  // SPEC W9
  if (std::isinf(row.aqi)) return ForecastRowFault::infinite_aqi;
  if (row.valid_date < row.issue_date) return ForecastRowFault::valid_before_issue;
  // A forecast is days long (SPEC L1: 7–10); a valid date years ahead is a typo, and each
  // forecast holds a value for every day it spans.
  if ((row.valid_date - row.issue_date).days() > max_forecast_days) return ForecastRowFault::too_far;
  return ForecastRowFault::none;
}

std::optional<std::size_t> ForecastGrouper::add(const ForecastRow& row, std::size_t index) {
  auto [it, fresh] = by_issue_[row.issue_date].emplace(row.valid_date, std::make_pair(row.aqi, index));
  if (fresh) return std::nullopt;
  return it->second.second;
}

std::vector<DailyForecast> ForecastGrouper::forecasts() const {
  std::vector<DailyForecast> out;
  for (const auto& [issue, days] : by_issue_) {
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

}  // namespace detail

std::vector<DailyForecast> parse_forecasts(std::string_view text, const std::string& file) {
  using detail::ForecastRowFault;
  const detail::CsvTable t = detail::parse_csv(text, file);
  const std::size_t ci = t.column("issue_date"), cv = t.column("valid_date"), ca = t.column("aqi");
  detail::ForecastGrouper grouper;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const ForecastRow row{t.date(r, ci), t.date(r, cv), t.number(r, ca)};  // the CSV refuses inf and bad dates
    const auto valid = [&] { return detail::iso(row.valid_date); };
    const auto issue = [&] { return detail::iso(row.issue_date); };
    switch (detail::forecast_row_fault(row)) {
      case ForecastRowFault::negative_aqi:
        t.fail(r, ca, "negative AQI (SPEC W9)");
      case ForecastRowFault::infinite_aqi:
        t.fail(r, ca, "infinite AQI (SPEC W9)");
      case ForecastRowFault::not_a_date:
        t.fail(r, ci, "not a date");
      case ForecastRowFault::valid_before_issue:
        t.fail(r, cv, "valid_date " + valid() + " is before the issue date " + issue());
      case ForecastRowFault::too_far:
        t.fail(r, cv,
               "valid_date " + valid() + " is more than " + std::to_string(max_forecast_days) +
                   " days after the issue date " + issue());
      case ForecastRowFault::none:
        break;
    }
    if (const auto first = grouper.add(row, r))
      t.fail(r, cv,
             "the forecast of " + issue() + " for " + valid() + " is already given on line " +
                 std::to_string(t.row_line[*first]));
  }
  return grouper.forecasts();
}

std::vector<DailyForecast> read_forecasts(const std::string& path) {
  return parse_forecasts(detail::read_text_file(path), path);
}

std::vector<DailyForecast> group_forecasts(const std::vector<ForecastRow>& rows) {
  using detail::ForecastRowFault;
  detail::ForecastGrouper grouper;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const ForecastRow& row = rows[r];
    const auto forecast = [&] { return "forecast of " + detail::iso(row.issue_date); };
    const auto valid = [&] { return detail::iso(row.valid_date); };
    switch (detail::forecast_row_fault(row)) {
      case ForecastRowFault::negative_aqi:
        throw InvalidValue(
            "aqi", r,
            forecast() + " for " + valid() + ": negative AQI " + detail::format_number(row.aqi) + " (SPEC W9)");
      case ForecastRowFault::infinite_aqi:
        throw InvalidValue("aqi", r, forecast() + " for " + valid() + ": infinite AQI (SPEC W9)");
      case ForecastRowFault::not_a_date:
        throw InvalidValue("forecasts", r, "the issue_date or the valid_date is not a date");
      case ForecastRowFault::valid_before_issue:
        throw InvalidValue("valid_date", r,
                           "the " + forecast() + " has a valid_date before its issue date (" + valid() + ")");
      case ForecastRowFault::too_far:
        throw InvalidValue("valid_date", r,
                           "the " + forecast() + " has a valid_date more than " + std::to_string(max_forecast_days) +
                               " days after its issue date (" + valid() + ")");
      case ForecastRowFault::none:
        break;
    }
    if (grouper.add(row, r)) throw InvalidArgument("forecasts: the " + forecast() + " has a valid_date twice");
  }
  return grouper.forecasts();
}

std::vector<ForecastRow> forecast_rows(const std::vector<DailyForecast>& forecasts) {
  std::vector<ForecastRow> out;
  for (const auto& f : forecasts)
    for (std::size_t k = 0; k < f.aqi.size(); ++k)
      out.push_back({f.issue, f.first_valid + boost::gregorian::days(static_cast<long>(k)), f.aqi[k]});
  return out;
}

}  // namespace aqi
