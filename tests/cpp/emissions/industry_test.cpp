// Industries and performance grades (SPEC E3–E5): the keys an inventory and a measure table use.
#include <gtest/gtest.h>

#include "aqi/emissions/industry.hpp"
#include "test_support.hpp"

// docs/errors.md, "Unknown names".
TEST(Industry, UnknownIndustry) {
  EXPECT_THROW_MSG(aqi::parse_industry("steel"), aqi::UnknownName,
                   "unknown industry 'steel'; expected one of: ceramics, glass, lime_kiln, foundry, pharmaceutical, "
                   "cement_grinding, brick_kiln, refractory, rock_wool, furniture, packaging_printing, wood_panel, "
                   "plastics_manufacturing, rubber_products, industrial_coating, organic_chemical, plastic_products, "
                   "cotton_dyeing, fertiliser, machinery, other_rubber, power_heat, coal_boiler, gas_boiler, other");
}
