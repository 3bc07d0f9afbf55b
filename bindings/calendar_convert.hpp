// Dates and times between numpy and Boost.Date_Time for the kiln, holiday and deadline bindings:
// days and seconds since 1970-01-01 (local time, UTC+8, as SPEC says), numpy's NaT (the lowest
// int64) for "not a date".
#pragma once

#include <cstdint>
#include <limits>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace aqi::python {

inline constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();

inline boost::gregorian::date epoch_day() { return boost::gregorian::date(1970, 1, 1); }

inline boost::gregorian::date date_from_days(std::int64_t d) {
  if (d == nat) return boost::gregorian::date(boost::gregorian::not_a_date_time);
  return epoch_day() + boost::gregorian::days(static_cast<long>(d));
}

inline std::int64_t days_from_date(boost::gregorian::date d) {
  return d.is_special() ? nat : static_cast<std::int64_t>((d - epoch_day()).days());
}

inline boost::posix_time::ptime time_from_seconds(std::int64_t s) {
  if (s == nat) return boost::posix_time::ptime(boost::posix_time::not_a_date_time);
  const std::int64_t day = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  return boost::posix_time::ptime(date_from_days(day), boost::posix_time::seconds(static_cast<long>(s - day * 86400)));
}

inline std::int64_t seconds_from_time(boost::posix_time::ptime t) {
  if (t.is_special()) return nat;
  return days_from_date(t.date()) * 86400 + static_cast<std::int64_t>(t.time_of_day().total_seconds());
}

}  // namespace aqi::python
