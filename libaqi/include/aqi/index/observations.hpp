// Observed concentrations as a table of dated records, read from CSV (scenario files).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/indicator.hpp"

namespace aqi {

// Daily records: one row per date, a column per indicator (NaN = not measured).
struct Observations {
  std::vector<boost::gregorian::date> dates;
  std::vector<Indicator> indicators;
  std::vector<std::vector<double>> values;  // values[k][row] for indicators[k]

  std::size_t size() const noexcept { return dates.size(); }
  std::vector<IndicatorColumn> columns() const {
    std::vector<IndicatorColumn> out;
    for (std::size_t k = 0; k < indicators.size(); ++k) out.push_back({indicators[k], values[k]});
    return out;
  }
};

// Reads a CSV with a `date` column (YYYY-MM-DD, strictly increasing) and indicator columns
// named as find_indicator reads them (pm25_24h, PM2.5_24h …); other columns (station, source) are
// carried by the file, not read. Errors name file:line:column: a bad number, a negative or
// missing date, a repeated date, an indicator given by two columns.
Observations parse_observations(std::string_view text, const std::string& file);

Observations read_observations(const std::string& path);

}  // namespace aqi
