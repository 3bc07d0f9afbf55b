// Names as people type them: "PM2.5" and "pm2.5", "Lightly polluted" and "lightly_polluted" are
// the same name. ASCII letters compare without case and `_`, `-` as a space; every other byte
// (Chinese names included) compares as it is.
#pragma once

#include <string>
#include <string_view>

namespace aqi::detail {

constexpr char fold_ascii(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c == '_' || c == '-' ? ' ' : c;
}

constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold_ascii(a[i]) != fold_ascii(b[i])) return false;
  return true;
}

// "a, b, c" from a sequence of names.
template <class Range, class Name>
std::string name_list(const Range& values, Name name) {
  std::string s;
  for (const auto& v : values) {
    if (!s.empty()) s += ", ";
    s += name(v);
  }
  return s;
}

}  // namespace aqi::detail
