// One warning from the receipt of its notice (the ISSUE) to its lift — what the daily reports of
// SPEC D1 run over, whether or not the response has begun. A season run produces these.
#pragma once

#include <cstddef>
#include <string>

#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace aqi {

struct WarningPeriod {
  boost::posix_time::ptime issued;  // the ISSUE: the notice is received (D1), local time
  boost::posix_time::ptime lifted;  // the LIFT; not_a_date_time when still in force at the end of the data
  int highest = 0;                  // the highest warning level (a level of the season's rule set)
  std::string doc_no;               // the ISSUE order's document number ("" in forecast mode)
  std::size_t first_event = 0;      // its events: SeasonResult::events[first_event … last_event]
  std::size_t last_event = 0;
  // Index into SeasonResult::periods of its response; npos when it was lifted before the response
  // began (L2) — it still owed its daily reports (D1).
  static constexpr std::size_t no_period = static_cast<std::size_t>(-1);
  std::size_t period = no_period;
};

}  // namespace aqi
