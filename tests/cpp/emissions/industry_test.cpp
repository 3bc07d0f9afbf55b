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

// SPEC E3–E5: which rule an industry follows, and the keys of the classes and grades.
TEST(Industry, ClassesAndGrades) {
  EXPECT_EQ(aqi::industry_class(aqi::Industry::glass), aqi::IndustryClass::graded_key);
  EXPECT_EQ(aqi::industry_class(aqi::Industry::brick_kiln), aqi::IndustryClass::ungraded_key);
  EXPECT_EQ(aqi::industry_class(aqi::Industry::gas_boiler), aqi::IndustryClass::non_key);
  EXPECT_EQ(aqi::name(aqi::industry_class(aqi::Industry::other)), "other");
  EXPECT_EQ(aqi::parse_industry_class("non_key"), aqi::IndustryClass::non_key);
  EXPECT_THROW_MSG(aqi::parse_industry_class("key"), aqi::UnknownName,
                   "unknown industry class 'key'; expected one of: graded_key, ungraded_key, non_key, other");
  EXPECT_EQ(aqi::parse_grade("B"), aqi::Grade::B);
  EXPECT_THROW_MSG(
      aqi::parse_grade("E"), aqi::InvalidArgument,
      "grade must be A, B, B-, C, D, leading, non_leading (or A级 … D级, B-级, 引领性, 非引领性) or empty, got 'E'");
}
