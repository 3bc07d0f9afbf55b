// How a season classifies one forecast (SPEC L1, L12): only runs that start within the issue
// horizon issue or hold a warning; while a warning is active its episode is classified whole —
// the elapsed days of the run followed by the new forecast.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/span.hpp"
#include "aqi/warning/classify.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi::detail {

// W4 restricted to some runs: the highest level of a qualifying run that starts at index
// `last_start` or before and ends at index `first_end` or after, with the W6 details of that run
// (the first such run of the level). `rules` is not attached to the result.
Warning classify_window(span<const double> values, const RuleSet& rules, int last_start, int first_end);

// L12: the last day index of a series starting on `first` whose 00:00 lies within `horizon_hours`
// of `now` (-1 when none does).
int last_start_within(boost::gregorian::date first, boost::posix_time::ptime now, int horizon_hours);

// A classified daily series: `w.first`/`w.last` are day indices from `first`.
// L1 classifies an active warning's episode whole, but over its last 90 days at most: real
// episodes last days to weeks, and a window growing with the episode made a season quadratic (a
// warning held through years of missing data took minutes). A clipped window is said in the reason.
inline constexpr int episode_window_days = 90;

struct DatedWarning {
  Warning w;
  boost::gregorian::date first;
  bool clipped = false;  // the episode began before `first` (episode_window_days)

  boost::gregorian::date run_first() const { return first + boost::gregorian::days(w.first); }
  boost::gregorian::date run_last() const { return first + boost::gregorian::days(w.last); }
};

}  // namespace aqi::detail
