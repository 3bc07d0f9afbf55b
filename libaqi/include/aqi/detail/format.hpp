// Numbers in messages as a person writes them: -3, 65.4, not -3.000000.
#pragma once

#include <charconv>
#include <cmath>
#include <string>

namespace aqi::detail {

inline std::string format_number(double x) {
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, p) : std::string("?");
}

// Hours in a message, to a tenth: 10.8, 48.
inline std::string format_hours(double hours) { return format_number(std::round(hours * 10) / 10); }

}  // namespace aqi::detail
