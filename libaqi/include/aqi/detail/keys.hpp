// Enum keys: every enum of the library has a table of its keys, `name()`/`key()` reading it and a
// `parse_*()` that refuses an unknown key in one sentence listing the known ones.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "aqi/error.hpp"

namespace aqi::detail {

// "a, b or c" of the non-empty keys (an empty key stands for "none" and is not offered).
template <std::size_t N>
std::string key_list(const std::array<std::string_view, N>& keys, std::string_view last_separator = " or ") {
  std::size_t shown = 0, total = 0;
  for (auto k : keys) total += !k.empty();
  std::string s;
  for (auto k : keys) {
    if (k.empty()) continue;
    ++shown;
    s += (shown == 1 ? "" : shown == total ? std::string(last_separator) : std::string(", ")) + std::string(k);
  }
  return s;
}

// The index of `text` in `keys`; throws UnknownName "unknown <what> 'x'; expected a or b" (two
// keys) or "…; expected one of: a, b, c" (more).
template <std::size_t N>
std::size_t parse_key(const std::array<std::string_view, N>& keys, std::string_view text, std::string_view what) {
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == text) return i;
  std::size_t named = 0;
  for (auto k : keys) named += !k.empty();
  throw UnknownName("unknown " + std::string(what) + " '" + std::string(text) + "'; expected " +
                    (named == 2 ? key_list(keys) : "one of: " + key_list(keys, ", ")));
}

}  // namespace aqi::detail
