// Daily forecasts as a season run reads them (SPEC L1): one per issue day, read from the
// forecast table analysts keep (issue_date, valid_date, aqi), or made "perfect" from
// observations for back-testing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// One row of the forecast table analysts keep (issue_date, valid_date, aqi): a line of a CSV file
// or a row of a DataFrame.
struct ForecastRow {
  boost::gregorian::date issue_date;
  boost::gregorian::date valid_date;
  double aqi = std::numeric_limits<double>::quiet_NaN();
};

// The furthest a forecast file's valid_date may lie after its issue_date.
inline constexpr long max_forecast_days = 366;

// issue_date, valid_date, aqi (extra columns are the analyst's). One forecast per issue day;
// days missing inside a forecast are NaN; a repeated (issue_date, valid_date) is an error.
std::vector<DailyForecast> parse_forecasts(std::string_view text, const std::string& file);

std::vector<DailyForecast> read_forecasts(const std::string& path);

// The same table as rows (a DataFrame's columns), in any order: the checks of parse_forecasts,
// the same grouping. Errors name the row: "aqi[3]: forecast of 2019-12-01 for 2019-12-03:
// negative AQI -3 (SPEC W9)", "valid_date[0]: the forecast of … has a valid_date before its issue
// date (…)"; a repeated (issue_date, valid_date) names the forecast.
std::vector<DailyForecast> group_forecasts(const std::vector<ForecastRow>& rows);

// The forecasts as the long table: one row per forecast day (missing days as NaN rows).
std::vector<ForecastRow> forecast_rows(const std::vector<DailyForecast>& forecasts);

namespace detail {

// What is wrong with one row of a forecast table, whichever reader found it (SPEC L1, W9).
enum class ForecastRowFault : std::uint8_t {
  none,
  not_a_date,
  negative_aqi,
  infinite_aqi,
  valid_before_issue,
  too_far
};

ForecastRowFault forecast_row_fault(const ForecastRow& row) noexcept;

// Rows → one forecast per issue day, days in order, a day not given NaN.
class ForecastGrouper {
 public:
  // Adds row number `index`; if (issue_date, valid_date) was given before, adds nothing and returns
  // the number of the row that gave it.
  std::optional<std::size_t> add(const ForecastRow& row, std::size_t index);
  std::vector<DailyForecast> forecasts() const;

 private:
  std::map<boost::gregorian::date, std::map<boost::gregorian::date, std::pair<double, std::size_t>>> by_issue_;
};

}  // namespace detail

// Back-testing: the forecasts a perfect forecaster would have issued — on each day from
// `observed_first` to the last observed day, the next `horizon` observed days (from the day
// after issue).
inline std::vector<DailyForecast> perfect_forecasts(span<const double> observed, boost::gregorian::date observed_first,
                                                    int horizon = 7) {
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
