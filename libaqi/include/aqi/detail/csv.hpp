// A strict CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF, UTF-8 BOM) whose every
// error names file:line:column. Written here rather than taken from a library because the
// scenario, inventory and kiln files need optional columns, in-memory parsing (for fuzzing)
// and messages an analyst can act on, which fixed-arity readers do not give.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/error.hpp"

namespace aqi::detail {

class CsvTable {
 public:
  std::string file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_line;  // 1-based line where each row starts

  std::size_t size() const noexcept { return rows.size(); }

  std::optional<std::size_t> find_column(std::string_view name) const {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) return c;
    return std::nullopt;
  }

  std::size_t column(std::string_view name) const {
    if (auto c = find_column(name)) return *c;
    throw ParseError(file, 1, 0, "missing column '" + std::string(name) + "'");
  }

  [[noreturn]] void fail(std::size_t row, std::size_t col, const std::string& what) const {
    throw ParseError(file, row_line[row], col + 1, "column '" + header[col] + "': " + what);
  }

  const std::string& text(std::size_t row, std::size_t col) const { return rows[row][col]; }

  static bool is_missing(std::string_view s) {
    return s.empty() || s == "NA" || s == "NaN" || s == "nan" || s == "N/A";
  }

  // A finite number; NaN for a missing cell when `allow_missing`.
  double number(std::size_t row, std::size_t col, bool allow_missing = true) const {
    const std::string& s = rows[row][col];
    if (is_missing(s)) {
      if (allow_missing) return std::numeric_limits<double>::quiet_NaN();
      fail(row, col, "a value is required");
    }
    double v = 0;
    const char* b = s.data();
    const char* e = b + s.size();
    if (*b == '+' && b + 1 < e && b[1] != '-' && b[1] != '+') ++b;  // "+5", never "+-5"
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || p != e || !std::isfinite(v)) fail(row, col, "'" + s + "' is not a number");
    return v;
  }

  long long integer(std::size_t row, std::size_t col) const {
    const std::string& s = rows[row][col];
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) fail(row, col, "'" + s + "' is not a whole number");
    return v;
  }

  boost::gregorian::date date(std::size_t row, std::size_t col) const {
    const std::string& s = rows[row][col];
    int y = 0, m = 0, d = 0;
    // YYYY-MM-DD, optionally followed by a time of day that is ignored by daily readers.
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && parse_int(s, 0, 4, y) && parse_int(s, 5, 2, m) &&
        parse_int(s, 8, 2, d) && (s.size() == 10 || s[10] == ' ' || s[10] == 'T')) {
      try {
        return boost::gregorian::date(y, m, d);
      } catch (const std::exception&) {
      }
    }
    fail(row, col, "'" + s + "' is not a date (YYYY-MM-DD)");
  }

 private:
  static bool parse_int(const std::string& s, std::size_t at, std::size_t len, int& out) {
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
    return ec == std::errc() && p == s.data() + at + len;
  }
};

// Parses CSV text; `file` names it in errors. Throws ParseError naming line (and column).
CsvTable parse_csv(std::string_view text, std::string file);

CsvTable read_csv(const std::string& path);

}  // namespace aqi::detail
