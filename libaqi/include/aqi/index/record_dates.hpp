// The dates of records as analysts' files write them (issue 16; SPEC A7 needs each record's
// date): ISO 8601 only — YYYY-MM-DD, optionally followed by 'T' or ' ' and HH:MM or HH:MM:SS.
// `01/12/2015` (1 December or 12 January?) and `20151201` are refused, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace aqi {

struct RecordDate {
  boost::gregorian::date day;
  int minute_of_day = 0;  // 0 for a date alone
};

// The form expected, for messages.
inline constexpr std::string_view record_date_form = "YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] (ISO 8601)";

namespace detail {
constexpr bool digits_at(std::string_view s, std::size_t at, std::size_t n, int& out) noexcept {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t k = at; k < at + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    out = out * 10 + (s[k] - '0');
  }
  return true;
}
}  // namespace detail

// nullopt for anything but the ISO forms (and for impossible dates and times: 2015-02-30, 24:00).
inline std::optional<RecordDate> find_record_date(std::string_view s) noexcept {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!(s.size() >= 10 && s[4] == '-' && s[7] == '-' && detail::digits_at(s, 0, 4, y) &&
        detail::digits_at(s, 5, 2, mo) && detail::digits_at(s, 8, 2, d)))
    return std::nullopt;
  if (s.size() > 10) {
    const bool timed = (s.size() == 16 || s.size() == 19) && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' &&
                       detail::digits_at(s, 11, 2, h) && detail::digits_at(s, 14, 2, mi) &&
                       (s.size() == 16 || (s[16] == ':' && detail::digits_at(s, 17, 2, se)));
    if (!timed || h > 23 || mi > 59 || se > 59) return std::nullopt;
  }
  try {
    return RecordDate{boost::gregorian::date(y, mo, d), h * 60 + mi};
  } catch (...) {  // Boost throws for 2015-02-30
    return std::nullopt;
  }
}

// An index of station codes ("1001A") or names is no dates; "01/12/2015", "2015.12.01",
// "20151201" are dates in a form to refuse, not to ignore.
inline bool looks_like_a_date(std::string_view s) noexcept {
  if (find_record_date(s)) return true;
  bool digit = false, separator = false;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c == '/' || c == '-' || c == '.')
      separator = true;
    else if (c != ' ' && c != ':')
      return false;
  }
  return digit && (separator || s.size() == 8);
}

// Why `s` is refused: "'01/12/2015' is not a date in the form YYYY-MM-DD …".
inline std::string not_a_record_date(std::string_view s) {
  return "'" + std::string(s) + "' is not a date in the form " + std::string(record_date_form) +
         "; write dates that way (day-first and month-first forms such as 01/12/2015 are ambiguous)";
}

}  // namespace aqi
