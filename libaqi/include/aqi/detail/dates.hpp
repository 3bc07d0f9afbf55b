// Date formatting without Boost's locale-heavy I/O headers.
#pragma once

#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace aqi::detail {

// Boost.Date_Time's calendar ends here (it throws bad_year past it).
inline boost::gregorian::date last_date() { return boost::gregorian::date(9999, 12, 31); }

// Whole days from d to last_date(): how far a date may still be moved forward.
inline long days_left(boost::gregorian::date d) { return (last_date() - d).days(); }

inline std::string iso(boost::gregorian::date d) {
  if (d.is_special()) return "not-a-date";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                static_cast<int>(d.day()));
  return buf;
}

}  // namespace aqi::detail
