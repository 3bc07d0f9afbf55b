// The plan's measures for mobile sources (SPEC E8) and dust sources (SPEC E9) as data: the levels
// each applies at, the thresholds (trips a day, emission stages) and the text that cites the plan.
// They are the `[fleet]` and `[dust]` sections of a plan's industry_measures.toml
// (libaqi/rules/plans/yiyuan-2019/), read with the measure table (aqi/emissions/industry_measures.hpp);
// a county whose plan says otherwise edits its copy of that file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "aqi/detail/keys.hpp"
#include "aqi/error.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// SPEC R3: the response levels that have emission-reduction measures, in table order.
inline constexpr std::array<ResponseLevel, 3> measure_levels{ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};

// A response level that has measures (III, II, I) in any of the plan's spellings (II, Ⅱ, Ⅱ级:
// parse_response_level's); nullopt for any other text (IV, none, a typo).
inline std::optional<ResponseLevel> measure_level(std::string_view text) {
  try {
    const ResponseLevel r = parse_response_level(text);
    for (ResponseLevel m : measure_levels)
      if (r == m) return r;
  } catch (const UnknownName&) {
  }
  return std::nullopt;
}

// As measure_level; throws UnknownName "unknown response level 'IV'; expected one of: III, II, I".
inline ResponseLevel parse_measure_level(std::string_view text) {
  if (auto r = measure_level(text)) return *r;
  throw UnknownName("unknown response level '" + std::string(text) + "'; expected one of: III, II, I");
}

// The levels a measure applies at.
struct MeasureLevels {
  std::array<bool, 3> at{};  // III, II, I

  bool contains(ResponseLevel level) const noexcept {
    for (std::size_t k = 0; k < measure_levels.size(); ++k)
      if (measure_levels[k] == level) return at[k];
    return false;
  }
  bool empty() const noexcept { return !at[0] && !at[1] && !at[2]; }
};

// Which E8 measure decided a fleet's cut.
enum class FleetMeasure : std::uint8_t {
  none,             // no measure at this level
  exempt,           // livelihood, special, clean-energy or emergency-repair (E8)
  owner_transport,  // the owner's rule forbids these trucks (E4 ⑦ power & heat; the table's `transport`)
  heavy_truck_ban,  // units with many heavy-vehicle trips a day stop their older heavy trucks (the plan: II, I)
  non_road_ban,     // older non-road machinery stops (the plan: II, I)
  black_smoke_ban,  // black-smoke machinery banned in the built-up area (the plan: from III on)
  restricted_zone,  // heavy-diesel restricted zone in the built-up area (the plan: III); not quantified, cut 0
};

inline constexpr std::array<std::string_view, 7> fleet_measure_keys{
    "none", "exempt", "owner_transport", "heavy_truck_ban", "non_road_ban", "black_smoke_ban", "restricted_zone"};

constexpr std::string_view name(FleetMeasure m) noexcept { return fleet_measure_keys[static_cast<std::size_t>(m)]; }

// Throws UnknownName listing the keys.
inline FleetMeasure parse_fleet_measure(std::string_view text) {
  return static_cast<FleetMeasure>(detail::parse_key(fleet_measure_keys, text, "fleet measure"));
}

// SPEC E9: the activity of a dust row (plan §5.5.1–3 (3)②).
enum class DustActivity : std::uint8_t {
  none,
  mine,                 // 矿山 open-air work
  sand_gravel,          // 砂石料厂
  stone_works,          // 石材厂、石板厂
  earthwork,            // 土石方作业 (construction)
  demolition,           // 建筑拆除
  painting,             // 喷涂粉刷
  slope_spraying,       // 护坡喷浆
  concrete,             // 混凝土搅拌及浇注
  uncovered_transport,  // 未密闭的煤炭、渣土、砂石料运输车辆
  road,                 // road dust: more sweeping and watering
};
inline constexpr std::size_t dust_activity_count = 11;
inline constexpr std::array<std::string_view, dust_activity_count> dust_activity_keys{
    "",         "mine",           "sand_gravel", "stone_works",         "earthwork", "demolition",
    "painting", "slope_spraying", "concrete",    "uncovered_transport", "road"};
constexpr std::string_view key(DustActivity d) noexcept { return dust_activity_keys[static_cast<std::size_t>(d)]; }

// "" → none; throws UnknownName listing the keys.
inline DustActivity parse_dust_activity(std::string_view text) {
  return static_cast<DustActivity>(detail::parse_key(dust_activity_keys, text, "dust activity"));
}

// One measure of E8 or E9 as the plan words it.
struct SourceRule {
  MeasureLevels levels;
  std::string measure_zh;  // the plan's words
  std::string measure_en;  // what a report says of a source it decided
  std::string source;      // where it was read
};

// E8 (plan §5.5.1–3 (3)③). The thresholds are the rule's own: a heavy truck of stage ≤
// `heavy_truck_max_standard` stops when its unit has more than `trips_per_day_above` heavy-vehicle
// trips a day; non-road machinery of stage ≤ `non_road_max_standard` stops.
struct FleetRules {
  SourceRule heavy_truck_ban;
  int heavy_truck_max_standard = -1;
  double trips_per_day_above = std::numeric_limits<double>::infinity();
  SourceRule non_road_ban;
  int non_road_max_standard = -1;
  SourceRule black_smoke_ban;
  SourceRule restricted_zone;
  std::string source;  // the section's citation, given for every fleet
  std::string file;    // where the section was read, for messages
  std::size_t line = 0;

  // The rule of a measure the table decides; nullptr for none, exempt and owner_transport.
  const SourceRule* rule(FleetMeasure m) const noexcept {
    switch (m) {
      case FleetMeasure::heavy_truck_ban:
        return &heavy_truck_ban;
      case FleetMeasure::non_road_ban:
        return &non_road_ban;
      case FleetMeasure::black_smoke_ban:
        return &black_smoke_ban;
      case FleetMeasure::restricted_zone:
        return &restricted_zone;
      default:
        return nullptr;
    }
  }
};

// What a report says of a fleet's measure: the table's text for the plan's measures.
inline std::string describe(FleetMeasure m, const FleetRules& rules) {
  if (const SourceRule* r = rules.rule(m)) return r->measure_en;
  switch (m) {
    case FleetMeasure::exempt:
      return "exempt: livelihood, special, clean-energy or emergency-repair (E8)";
    case FleetMeasure::owner_transport:
      return "the owner's rule stops these heavy trucks (E4 ⑦ / measure table `transport`)";
    default:
      return "no fleet measure at this level (E8)";
  }
}

// E9 (plan §5.5.1–3 (3)②): per activity, the levels at which it stops.
struct DustRules {
  std::array<std::optional<SourceRule>, dust_activity_count> by_activity;  // [none] stays empty
  std::string source;                                                      // the section's citation
  std::string file;                                                        // where the section was read, for messages
  std::size_t line = 0;

  // nullptr when the table has no rule for the activity.
  const SourceRule* rule(DustActivity a) const noexcept {
    const auto& r = by_activity[static_cast<std::size_t>(a)];
    return r ? &*r : nullptr;
  }
};

}  // namespace aqi
