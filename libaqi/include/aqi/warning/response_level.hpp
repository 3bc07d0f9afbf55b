// Response levels (应急响应级别) — SPEC R1: yellow → III, orange → II, red → I; four-level rule
// sets add IV (blue). Ordered by severity: comparisons mean "at least as strict as".
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "aqi/error.hpp"

namespace aqi {

enum class ResponseLevel : std::int8_t { none = 0, IV = 1, III = 2, II = 3, I = 4 };

inline constexpr std::array<ResponseLevel, 4> all_response_levels{ResponseLevel::IV, ResponseLevel::III,
                                                                  ResponseLevel::II, ResponseLevel::I};

// "III", "II", "I", "IV"; "" for none.
constexpr std::string_view name(ResponseLevel r) noexcept {
  constexpr std::array<std::string_view, 5> names{"", "IV", "III", "II", "I"};
  return names[static_cast<std::size_t>(r)];
}

// The plan's own notation: Ⅲ级 …
constexpr std::string_view name_zh(ResponseLevel r) noexcept {
  constexpr std::array<std::string_view, 5> names{"", "Ⅳ级", "Ⅲ级", "Ⅱ级", "Ⅰ级"};
  return names[static_cast<std::size_t>(r)];
}

// Accepts "III", "II", "I", "IV" (and the Roman-numeral characters Ⅲ, Ⅱ, Ⅰ, Ⅳ); throws
// UnknownName otherwise.
inline ResponseLevel parse_response_level(std::string_view text) {
  for (ResponseLevel r : all_response_levels) {
    std::string_view zh = name_zh(r);
    zh.remove_suffix(3);  // "级"
    if (text == name(r) || text == zh || text == name_zh(r)) return r;
  }
  throw UnknownName("unknown response level '" + std::string(text) + "'; expected one of: III, II, I (or IV)");
}

}  // namespace aqi
