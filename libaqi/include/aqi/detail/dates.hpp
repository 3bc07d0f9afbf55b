// Date formatting without Boost's locale-heavy I/O headers.
#pragma once

#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

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

// "2019-12-01 16:00" (local time, to the minute).
inline std::string iso(boost::posix_time::ptime t) {
  if (t.is_special()) return "not-a-time";
  const auto tod = t.time_of_day();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()));
  return iso(t.date()) + " " + buf;
}

}  // namespace aqi::detail
