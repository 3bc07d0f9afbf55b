// The four events of a warning's life (SPEC L1, L8): ISSUE, UPGRADE, DOWNGRADE, LIFT — what the
// county's forecast decides (forecast mode) or what the superior command orders (relay mode).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aqi/error.hpp"

namespace aqi {

enum class EventType : std::uint8_t { issue, upgrade, downgrade, lift };

inline constexpr std::array<EventType, 4> all_event_types{EventType::issue, EventType::upgrade, EventType::downgrade,
                                                          EventType::lift};

constexpr std::string_view name(EventType e) noexcept {
  constexpr std::array<std::string_view, 4> names{"ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"};
  return names[static_cast<std::size_t>(e)];
}

// SPEC N5: the words of the plan and of real notices (发布, 升级, 降级, 解除预警).
constexpr std::string_view name_zh(EventType e) noexcept {
  constexpr std::array<std::string_view, 4> names{"发布", "升级", "降级", "解除"};
  return names[static_cast<std::size_t>(e)];
}

// "ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"; throws UnknownName.
inline EventType parse_event_type(std::string_view s) {
  for (EventType e : all_event_types)
    if (s == name(e)) return e;
  throw UnknownName("unknown event '" + std::string(s) + "'; expected ISSUE, UPGRADE, DOWNGRADE or LIFT");
}

}  // namespace aqi
