// The gaps of a season run (issue 16, season_gap.hpp): the days missing from its forecasts, what
// the run did on each and what it changed, in Chinese and English.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "aqi/warning/season.hpp"
#include "warning/machines.hpp"

namespace aqi::detail {

// The forecasts with every missing day taken from the latest earlier forecast that gives it (left
// missing when none does): the season the office would have run had the forecasts been whole.
std::vector<DailyForecast> filled_from_earlier(const std::vector<DailyForecast>& forecasts);

// Fills r.gaps: each day missing inside a forecast (`readings`: what it did in forecast mode) and
// each day without a forecast between the first and last issue days. `filled_hours`: the response
// hours of the season run on filled_from_earlier(forecasts), when a gap changed a decision.
void fill_gaps(SeasonResult& r, const std::vector<DailyForecast>& forecasts, int issue_hour,
               const std::vector<GapReading>& readings,
               const std::optional<std::map<ResponseLevel, double>>& filled_hours);

}  // namespace aqi::detail
