// toml++ behind a narrow door: parse with located errors, read typed fields strictly.
#pragma once

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>

#include <toml++/toml.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/error.hpp"

namespace aqi::detail {

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileNotFound(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline ParseError toml_error(const std::string& file, const toml::node& at, const std::string& what) {
  const auto& b = at.source().begin;
  return ParseError(file, b.line, b.column, what);
}

inline toml::table parse_toml(std::string_view text, const std::string& file) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw ParseError(file, e.source().begin.line, e.source().begin.column, std::string(e.description()));
  }
#else
  auto result = toml::parse(text, file);
  if (!result) {
    const auto& e = result.error();
    throw ParseError(file, e.source().begin.line, e.source().begin.column, std::string(e.description()));
  }
  return std::move(result).table();
#endif
}

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
  if (auto d = n.value<toml::date>()) return boost::gregorian::date(d->year, d->month, d->day);
  throw toml_error(file, n, "expected a date (YYYY-MM-DD)");
}

inline boost::gregorian::date require_date(const toml::table& t, std::string_view key, const std::string& file) {
  return as_date(require_node(t, key, file), file);
}

}  // namespace aqi::detail
