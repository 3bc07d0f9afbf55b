// SPEC R1: the response levels and their names.
#include <gtest/gtest.h>

#include "aqi/warning/response_level.hpp"
#include "test_support.hpp"

TEST(ResponseLevel, R1NamesAndOrder) {
  EXPECT_EQ(aqi::parse_response_level("III"), aqi::ResponseLevel::III);
  EXPECT_EQ(aqi::parse_response_level("Ⅱ级"), aqi::ResponseLevel::II);
  EXPECT_EQ(aqi::parse_response_level("Ⅰ"), aqi::ResponseLevel::I);
  EXPECT_EQ(aqi::name(aqi::ResponseLevel::II), "II");
  EXPECT_EQ(aqi::name_zh(aqi::ResponseLevel::III), "Ⅲ级");
  EXPECT_LT(aqi::ResponseLevel::III, aqi::ResponseLevel::II);  // I is the strictest
  EXPECT_LT(aqi::ResponseLevel::II, aqi::ResponseLevel::I);
  EXPECT_THROW_MSG(aqi::parse_response_level("V"), aqi::UnknownName,
                   "unknown response level 'V'; expected one of: III, II, I (or IV)");
}
