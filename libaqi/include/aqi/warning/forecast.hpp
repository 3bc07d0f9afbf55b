// Daily forecasts as a season run reads them (SPEC L1): one per issue day, read from the
// forecast table analysts keep (issue_date, valid_date, aqi), or made "perfect" from
// observations for back-testing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/error.hpp"
#include "aqi/span.hpp"

namespace aqi {

// One issued forecast: daily AQI for consecutive days from `first_valid` (NaN = missing).
struct DailyForecast {
  boost::gregorian::date issue;
  boost::gregorian::date first_valid;
  std::vector<double> aqi;
};

// The furthest a forecast file's valid_date may lie after its issue_date.
inline constexpr long max_forecast_days = 366;

// issue_date, valid_date, aqi (extra columns are the analyst's). One forecast per issue day;
// days missing inside a forecast are NaN; a repeated (issue_date, valid_date) is an error.
std::vector<DailyForecast> parse_forecasts(std::string_view text, const std::string& file);

std::vector<DailyForecast> read_forecasts(const std::string& path);

// Back-testing: the forecasts a perfect forecaster would have issued — on each day from
// `observed_first` to the last observed day, the next `horizon` observed days (from the day
// after issue).
inline std::vector<DailyForecast> perfect_forecasts(span<const double> observed, boost::gregorian::date observed_first, int horizon = 7) {
  if (horizon < 1) throw InvalidArgument("horizon must be at least 1 day, got " + std::to_string(horizon));
  std::vector<DailyForecast> out;
  for (std::size_t i = 0; i + 1 < observed.size(); ++i) {
    DailyForecast f;
    f.issue = observed_first + boost::gregorian::days(static_cast<long>(i));
    f.first_valid = f.issue + boost::gregorian::days(1);
    for (std::size_t k = i + 1; k < observed.size() && k <= i + static_cast<std::size_t>(horizon); ++k)
      f.aqi.push_back(observed[k]);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace aqi
