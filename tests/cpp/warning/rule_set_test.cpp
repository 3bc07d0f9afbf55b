// Rule sets as data — SPEC W7: the default set, the Ministry's 2017 standard (with its
// episode-merging rule) and Beijing's 2013 plan, and files of the same form.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/classify.hpp"
#include "test_support.hpp"

TEST(RuleSet, W7BuiltinSets) {
  const auto& y = aqi::rule_set("yiyuan-2019");
  EXPECT_EQ(y.level_count(), 3);
  EXPECT_EQ(y.level_name(1), "yellow");
  EXPECT_EQ(y.response(3), aqi::ResponseLevel::I);  // R1: red → Level I
  EXPECT_EQ(y.response(2), aqi::ResponseLevel::II);
  EXPECT_EQ(y.response(1), aqi::ResponseLevel::III);
  EXPECT_EQ(y.lift_first_days(), 2);  // L1: 36 hours of daily input are the first two days
  const auto& m = aqi::rule_set("mee-2017");
  EXPECT_EQ(m.level_count(), 4);
  EXPECT_EQ(m.response(1), aqi::ResponseLevel::IV);  // blue → IV
  EXPECT_THROW_MSG(aqi::rule_set("x"), aqi::UnknownName,
                   "unknown rule set 'x'; expected one of: yiyuan-2019, mee-2017, beijing-2013 (or load a file with "
                   "RuleSet::load)");
  EXPECT_THROW_MSG(y.level_code("purple"), aqi::UnknownName,
                   "unknown warning level 'purple' in rule set yiyuan-2019; expected one of: none, yellow, orange, red");
}

// MEE 2017: blue > 200 for 1 day; orange > 200 for 3 days with > 300 on one of them (not
// necessarily two); red as W4.
TEST(RuleSet, W7Ministry2017Levels) {
  const auto& r = aqi::rule_set("mee-2017");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{100, 210, 100, 100}, {}, r).level_name(), "blue");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{210, 210, 100, 100}, {}, r).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{210, 310, 210, 100}, {}, r).level_name(), "orange");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{210, 250, 210, 100}, {}, r).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{210, 310, 310, 210}, {}, r).level_name(), "red");
}

// MEE 2017 merging (从严启动预警): episodes one day apart count as one; the gap day is not
// counted. 2 + 2 polluted days across a one-day gap = 4 days > 200 with two consecutive > 300
// → red; the same with a two-day gap stays two yellow episodes. Yiyuan (no merging): yellow.
TEST(RuleSet, W7Ministry2017MergesCloseEpisodes) {
  const auto& r = aqi::rule_set("mee-2017");
  const auto w = aqi::classify_daily(std::vector<double>{310, 310, 150, 250, 250}, {}, r);
  EXPECT_EQ(w.level_name(), "red");
  EXPECT_EQ(w.first, 0);
  EXPECT_EQ(w.last, 4);
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{310, 310, 150, 150, 250, 250}, {}, r).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{310, 310, 150, 250, 250}).level_name(), "yellow");
}

// Beijing 2013 (as SPEC W7 states it): ranges on the next day(s), from the forecast's first day.
TEST(RuleSet, W7Beijing2013Ranges) {
  const auto& r = aqi::rule_set("beijing-2013");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 150}, {}, r).level_name(), "blue");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 260}, {}, r).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{350, 100}, {}, r).level_name(), "orange");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{451}, {}, r).level_name(), "red");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{450}, {}, r).level_name(), "orange");   // 301–450
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{300, 150}, {}, r).level_name(), "blue");  // 201–300
  // Anchored: an episode from the second day on is not "the next day".
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{150, 460}, {}, r).level_name(), "none");
  // Yellow needs both days in 201–300: a 350 on the second day breaks it (blue from day 1).
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 350}, {}, r).level_name(), "blue");
}

// A bureau's own file of the same form; errors are located.
TEST(RuleSet, W7FilesOfTheSameForm) {
  const std::string text =
      "id = \"own\"\ntitle = \"t\"\ndocument = \"d\"\n"
      "[[level]]\nname = \"alert\"\nresponse = \"II\"\nclauses = [ { terms = [ { above = 150, days = 2 } ] } ]\n";
  const auto r = aqi::RuleSet::parse(text, "own.toml");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{160, 160}, {}, r).level_name(), "alert");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(text + "colour = 1\n", "own.toml"), aqi::ParseError,
                   "own.toml:8:1: unknown key 'colour'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse("id = \"x\"\ntitle = \"t\"\ndocument = \"d\"\n[[level]]\nname = \"a\"\nresponse = \"V\"\n"
                          "clauses = [ { terms = [ { above = 1, days = 1 } ] } ]\n",
                          "x.toml"),
      aqi::ParseError, "x.toml:6:12: unknown response level 'V'; expected one of: III, II, I (or IV)");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse("id = \"x\"\ntitle = \"t\"\ndocument = \"d\"\n[[level]]\nname = \"a\"\nresponse = \"I\"\n"
                          "clauses = [ { terms = [ { above = 1, days = 0 } ] } ]\n",
                          "x.toml"),
      aqi::ParseError, "x.toml:7:45: expected a whole number ≥ 1");  // the 0 is column 45
  // The shipped file is the compiled-in set.
  const auto file = aqi::RuleSet::load(std::string(AQI_RULES_DIR) + "/warnings/mee-2017.toml");
  EXPECT_EQ(file.merge_gap_days, aqi::rule_set("mee-2017").merge_gap_days);
  EXPECT_EQ(file.level_count(), 4);
}
