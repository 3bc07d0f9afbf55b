// The forecasts the season tests write out: issued on day k from 2019-12-01 (at the issue hour,
// 16:00 by default) for the days after it, daily input (SPEC L1).
#pragma once

#include <limits>
#include <utility>
#include <vector>

#include "aqi/warning/forecast.hpp"

namespace season_days {

using boost::gregorian::date;

inline aqi::DailyForecast fc(date issue, std::vector<double> next_days) {
  return {issue, issue + boost::gregorian::days(1), std::move(next_days)};
}

inline const double missing = std::numeric_limits<double>::quiet_NaN();  // W8
inline constexpr double inf = std::numeric_limits<double>::infinity();   // W9: bad input
inline const date d1(2019, 12, 1);
inline date day(int k) { return d1 + boost::gregorian::days(k); }

}  // namespace season_days
