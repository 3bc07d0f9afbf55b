// Reading the cells of the national platform's files (private to the readers of station files):
// what counts as missing, numbers that must be concentrations, text that must be UTF-8.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "aqi/detail/csv.hpp"

namespace aqi::detail {

// The platform and its archives write a missing value as an empty cell or a dash (—, -, --);
// CSV exports add NA/NaN. A missing value is missing, never zero.
inline bool is_missing_cell(std::string_view s) {
  return CsvTable::is_missing(s) || s == "\xE2\x80\x94" || s == "-" || s == "--" || s == "\xE2\x80\x94\xE2\x80\x94";
}

// A concentration or index value: a finite number >= 0, or NaN when the cell is missing.
inline double station_value(const CsvTable& t, std::size_t row, std::size_t col) {
  const std::string& s = t.text(row, col);
  if (is_missing_cell(s)) return std::numeric_limits<double>::quiet_NaN();
  const double v = t.number(row, col, false);
  if (v < 0) t.fail(row, col, "negative value " + s + " (SPEC A4)");
  return v;
}

// Well-formed UTF-8 (no overlongs, no surrogates): the archives' station lists are often GBK,
// which would otherwise give city names that silently match nothing.
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;  // continuation bytes
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
    } else if (c >= 0x80) {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    const auto c1 = n > 0 ? static_cast<unsigned char>(s[i + 1]) : 0;
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
      return false;
    i += n + 1;
  }
  return true;
}

inline void require_utf8(const CsvTable& t, std::size_t row, std::size_t col) {
  if (!valid_utf8(t.text(row, col)))
    t.fail(row, col,
           "the text is not UTF-8 (the archives' station lists are often GBK: convert the file with "
           "`iconv -f GBK -t UTF-8`)");
}

}  // namespace aqi::detail
