// AQI categories (级别, 类别) of HJ 633 §5.3 Table 2 — SPEC A3: names in Chinese and English.
#include <gtest/gtest.h>

#include <string>

#include "aqi/index/category.hpp"
#include "test_support.hpp"

using aqi::Category;

// HJ 633 Table 2: 一级 优 good (0–50) … 六级 严重污染 severely polluted (> 300).
TEST(Category, A3NamesOfTable2) {
  EXPECT_EQ(aqi::name_zh(Category::good), "优");
  EXPECT_EQ(aqi::name(Category::good), "good");
  EXPECT_EQ(aqi::level_zh(Category::good), "一级");
  EXPECT_EQ(aqi::name_zh(Category::lightly_polluted), "轻度污染");
  EXPECT_EQ(aqi::name(Category::lightly_polluted), "lightly polluted");
  EXPECT_EQ(aqi::level_zh(Category::lightly_polluted), "三级");
  EXPECT_EQ(aqi::name_zh(Category::severely_polluted), "严重污染");
  EXPECT_EQ(aqi::level_zh(Category::severely_polluted), "六级");
}

// The name()/parse_category() pair, and the Chinese names and levels the published data use
// (aqistudy's `level` column: 良, 中度污染).
TEST(Category, A3ParseTakesChineseAndEnglish) {
  for (Category c : aqi::all_categories) {
    EXPECT_EQ(aqi::parse_category(aqi::name(c)), c);
    EXPECT_EQ(aqi::parse_category(aqi::name_zh(c)), c);
    EXPECT_EQ(aqi::parse_category(aqi::level_zh(c)), c);
  }
  EXPECT_EQ(aqi::parse_category("良"), Category::moderate);
  EXPECT_EQ(aqi::parse_category("Moderately polluted"), Category::moderately_polluted);
  EXPECT_EQ(aqi::parse_category("heavily_polluted"), Category::heavily_polluted);
  EXPECT_THROW_MSG(
      aqi::parse_category("bad"), aqi::UnknownName,
      "unknown AQI category 'bad'; expected one of: 优 (good), 良 (moderate), 轻度污染 (lightly polluted), "
      "中度污染 (moderately polluted), 重度污染 (heavily polluted), 严重污染 (severely polluted), or a "
      "level 一级 … 六级");
  EXPECT_THROW_MSG(aqi::parse_category(""), aqi::UnknownName,
                   "unknown AQI category ''; expected one of: 优 (good), 良 (moderate), 轻度污染 (lightly polluted), "
                   "中度污染 (moderately polluted), 重度污染 (heavily polluted), 严重污染 (severely polluted), or a "
                   "level 一级 … 六级");
}
