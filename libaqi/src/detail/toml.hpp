// toml++ behind a narrow door: parse with located errors, read typed fields strictly. Private to
// the library's compiled part (libaqi/src): no public header includes toml++.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/files.hpp"
#include "aqi/error.hpp"

namespace aqi::detail {

inline ParseError toml_error(const std::string& file, const toml::node& at, const std::string& what) {
  const auto& b = at.source().begin;
  return ParseError(file, b.line, b.column, what);
}

// Refuses, naming line and column, the malformed inputs on which toml++ 3.3 reaches undefined
// behaviour (toml.cpp says which); parse_toml calls it first.
void check_toml_text(std::string_view text, const std::string& file);

// The document, or ParseError naming file:line:column.
toml::table parse_toml(std::string_view text, const std::string& file);

// Strict reading: a typo in a rules file must be an error, not a silently ignored key.
inline void require_known_keys(const toml::table& t, const std::string& file,
                               std::initializer_list<std::string_view> allowed) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (auto a : allowed) ok = ok || k.str() == a;
    if (!ok) {
      const auto& at = k.source().begin ? k.source().begin : v.source().begin;
      throw ParseError(file, at.line, at.column, "unknown key '" + std::string(k.str()) + "'");
    }
  }
}

inline const toml::node& require_node(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* n = t.get(key);
  if (!n) throw toml_error(file, t, "missing key '" + std::string(key) + "'");
  return *n;
}

inline std::string require_string(const toml::table& t, std::string_view key, const std::string& file) {
  const auto& n = require_node(t, key, file);
  if (auto s = n.value<std::string>()) return *s;
  throw toml_error(file, n, "'" + std::string(key) + "' must be a string");
}

inline std::string optional_string(const toml::table& t, std::string_view key, const std::string& file,
                                   std::string fallback = {}) {
  if (!t.contains(key)) return fallback;
  return require_string(t, key, file);
}

// An integer, or a float with an integral value in range (12.0), as toml++'s value<int64_t>()
// reads them. Not that function itself: toml++ 3.3 casts the float before checking its range,
// undefined behaviour for 1e308.
inline std::optional<std::int64_t> integer_value(const toml::node& n) {
  if (const auto* i = n.as_integer()) return i->get();
  if (const auto* f = n.as_floating_point()) {
    const double d = f->get();
    constexpr double two_63 = 9223372036854775808.0;
    if (std::isfinite(d) && d >= -two_63 && d < two_63 && std::trunc(d) == d) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

inline double as_number(const toml::node& n, const std::string& file, std::string_view what) {
  if (auto d = n.value<double>()) return *d;  // integers convert too
  throw toml_error(file, n, std::string(what) + " must be a number");
}

inline double require_number(const toml::table& t, std::string_view key, const std::string& file) {
  return as_number(require_node(t, key, file), file, "'" + std::string(key) + "'");
}

inline const toml::array& require_array(const toml::table& t, std::string_view key, const std::string& file) {
  const auto& n = require_node(t, key, file);
  if (auto a = n.as_array()) return *a;
  throw toml_error(file, n, "'" + std::string(key) + "' must be an array");
}

inline const toml::table& require_table(const toml::table& t, std::string_view key, const std::string& file) {
  const auto& n = require_node(t, key, file);
  if (auto a = n.as_table()) return *a;
  throw toml_error(file, n, "'" + std::string(key) + "' must be a table");
}

inline boost::gregorian::date as_date(const toml::node& n, const std::string& file) {
  if (auto d = n.value<toml::date>()) {
    // TOML allows years 0000–9999, Boost.Date_Time 1400–9999 (it throws std::out_of_range outside).
    if (d->year < 1400) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d->year), static_cast<int>(d->month),
                    static_cast<int>(d->day));
      throw toml_error(file, n, std::string(buf) + " is before 1400-01-01, the earliest date libaqi handles");
    }
    return boost::gregorian::date(d->year, d->month, d->day);
  }
  throw toml_error(file, n, "expected a date (YYYY-MM-DD)");
}

inline boost::gregorian::date require_date(const toml::table& t, std::string_view key, const std::string& file) {
  return as_date(require_node(t, key, file), file);
}

inline bool require_bool(const toml::table& t, std::string_view key, const std::string& file) {
  const auto& n = require_node(t, key, file);
  if (auto b = n.value<bool>()) return *b;
  throw toml_error(file, n, "'" + std::string(key) + "' must be true or false");
}

// The index of the string field `field` in `keys`; the error lists the keys.
template <std::size_t N>
std::size_t parse_key_of(const std::array<std::string_view, N>& keys, const toml::table& t, std::string_view field,
                         const std::string& file) {
  const std::string s = require_string(t, field, file);
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == s) return i;
  std::string list;
  for (auto k : keys) list += (list.empty() ? "" : ", ") + (k.empty() ? std::string("\"\"") : std::string(k));
  throw toml_error(file, *t.get(field), "'" + std::string(field) + "' must be one of: " + list + "; got '" + s + "'");
}

}  // namespace aqi::detail
