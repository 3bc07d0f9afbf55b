// The default scenario's inventory (scenarios/yiyuan-2019/inventory.csv), for the targets that
// fuzz the rules applied to it: read once, before the first input.
#pragma once

#include "aqi/emissions/inventory.hpp"
#include "fuzzer-common.h"

namespace aqi_fuzz {

inline const aqi::Inventory& scenario_inventory() {
  static const aqi::Inventory inventory = aqi::parse_inventory(
      source_file("scenarios/yiyuan-2019/inventory.csv"), "scenarios/yiyuan-2019/inventory.csv");
  return inventory;
}

}  // namespace aqi_fuzz
