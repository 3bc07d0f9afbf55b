// Rule sets as data — SPEC W7: the default set, the Ministry's 2017 standard (with its
// episode-merging rule) and Beijing's 2013 plan, and files of the same form.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "aqi/warning/classify.hpp"
#include "aqi/warning/classify_batch.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

using boost::gregorian::date;

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
  EXPECT_THROW_MSG(
      y.level_code("purple"), aqi::UnknownName,
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
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{450}, {}, r).level_name(), "orange");     // 301–450
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

// docs/errors.md, "Rule-set TOML" (SPEC W7, L1). Line 7's term: `above` at column 35, `days`'s
// value at 47, the term's `{` at 25, the clause's `{` at 13.

namespace {
const std::string rules_head = "id = \"x\"\ntitle = \"t\"\ndocument = \"d\"\n";
std::string one_level(const std::string& clauses = "[ { terms = [ { above = 200, days = 2 } ] } ]",
                      const std::string& name = "a") {
  return "[[level]]\nname = \"" + name + "\"\nresponse = \"II\"\nclauses = " + clauses + "\n";
}
}  // namespace

TEST(RuleSet, TomlUnknownKeys) {
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + "colour = 1\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:4:1: unknown key 'colour'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2 } ], anchor = true } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:54: unknown key 'anchor'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, day = 2 } ] } ]"), "r.toml"),
      aqi::ParseError, "r.toml:7:40: unknown key 'day'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level() + "[lift]\nfirst_hours = 36\nat_most = 200\nhours = 1\n", "r.toml"),
      aqi::ParseError, "r.toml:11:1: unknown key 'hours'");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + "[downgrade]\nconsecutive = 2\n", "r.toml"),
                   aqi::ParseError, "r.toml:9:1: unknown key 'consecutive'");
}

TEST(RuleSet, TomlStructureAndValues) {
  EXPECT_THROW_MSG(aqi::RuleSet::parse("id = \"x\"\ndocument = \"d\"\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:1:1: missing key 'title'");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head, "r.toml"), aqi::ParseError,
                   "r.toml:1:1: a rule set needs at least one [[level]]");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2 } ] } ]", "none"), "r.toml"),
      aqi::ParseError, "r.toml:4:1: 'none' is reserved for no warning");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:8:1: level 'a' appears twice");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level("[]"), "r.toml"), aqi::ParseError,
                   "r.toml:4:1: level 'a' has no clauses");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level("[ { terms = [] } ]"), "r.toml"), aqi::ParseError,
                   "r.toml:7:13: a clause needs at least one term");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, consecutive = false } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:13: the first term defines a run: it must be consecutive");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, at_most = 150 } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:25: 'at_most' must exceed 'above'");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = 200, days = 2, strict = \"yes\" } ] } ]"),
                          "r.toml"),
      aqi::ParseError, "r.toml:7:59: 'strict' must be true or false");
  EXPECT_THROW_MSG(
      aqi::RuleSet::parse(rules_head + one_level("[ { terms = [ { above = \"200\", days = 2 } ] } ]"), "r.toml"),
      aqi::ParseError, "r.toml:7:35: 'above' must be a number");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + "merge_gap_days = -1\n" + one_level(), "r.toml"), aqi::ParseError,
                   "r.toml:4:18: expected a whole number ≥ 0");
  EXPECT_THROW_MSG(aqi::RuleSet::parse(rules_head + one_level() + "[lift]\nfirst_hours = 0\nat_most = 200\n", "r.toml"),
                   aqi::ParseError, "r.toml:9:15: expected a whole number ≥ 1");
  EXPECT_THROW_MSG(aqi::RuleSet::load("/nonexistent/r.toml"), aqi::FileNotFound,
                   "/nonexistent/r.toml: no such file or it cannot be read");
}

namespace {
// A rule set whose only clause is yellow's second, and empty (a hand-built set: no file gives one).
aqi::RuleSet clause_without_terms() {
  aqi::RuleSet r = aqi::yiyuan_2019();
  r.levels[0].clauses.push_back(aqi::Clause{});
  return r;
}
const char* no_terms = "rule set yiyuan-2019: clause 2 of level 'yellow' has no terms (the first term defines the run)";
}  // namespace

// Found writing this matrix: a clause without terms (only a rule set built in code can have one)
// made every classification read terms[0] of an empty vector (a segmentation fault).
TEST(RuleSet, BuiltInCodeWithAnEmptyClause) {
  const aqi::RuleSet r = clause_without_terms();
  const std::vector<double> days{250, 250};
  EXPECT_THROW_MSG(aqi::classify_daily(days, {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::classify_hourly(std::vector<double>(48, 250.0), {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::classify_daily_range(days, days, aqi::RangeBasis::hi, {}, r), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::day_levels(days, {}, r), aqi::InvalidArgument, no_terms);
  std::vector<std::int8_t> out(1);
  EXPECT_THROW_MSG(aqi::classify_batch(days, {2}, aqi::SeriesKind::daily, r, out), aqi::InvalidArgument, no_terms);
  EXPECT_THROW_MSG(aqi::run_season({{date(2019, 12, 1), date(2019, 12, 2), days}}, r), aqi::InvalidArgument, no_terms);
}

// Found reading the code for the fuzz targets: level codes are int8, so a rule set of 128
// levels came back from classify_batch and day_levels as -128.
TEST(RuleSet, FuzzRegressionAtMost127Levels) {
  std::string text = "id = \"many\"\ntitle = \"t\"\ndocument = \"d\"\n";
  for (int k = 0; k < 128; ++k)
    text += "[[level]]\nname = \"l" + std::to_string(k) +
            "\"\nresponse = \"I\"\nclauses = [{ terms = [{ above = " + std::to_string(k) + ", days = 1 }] }]\n";
  EXPECT_THROW_MSG(aqi::RuleSet::parse(text, "many.toml"), aqi::ParseError,
                   "many.toml:512:1: a rule set has at most 127 levels");
  aqi::RuleSet by_hand = aqi::yiyuan_2019();
  by_hand.levels.resize(128, by_hand.levels.back());
  std::vector<std::int8_t> out(1);
  EXPECT_THROW_MSG(aqi::day_levels(std::vector<double>{300}, {}, by_hand), aqi::InvalidArgument,
                   "rule set yiyuan-2019 has 128 levels; at most 127 fit the int8 level codes");
  EXPECT_THROW_MSG(aqi::classify_batch(std::vector<double>{300}, {1}, aqi::SeriesKind::daily, by_hand, out),
                   aqi::InvalidArgument, "rule set yiyuan-2019 has 128 levels; at most 127 fit the int8 level codes");
}

// Every entry point that takes a level takes it through level_code: English or Chinese name.
TEST(RuleSet, LevelsByEnglishOrChineseName) {
  const auto& y = aqi::yiyuan_2019();
  EXPECT_EQ(y.level_code("orange"), 2);
  EXPECT_EQ(y.level_code("橙色"), 2);
  EXPECT_EQ(y.level_code("红色"), 3);
  EXPECT_EQ(y.level_code("none"), 0);
  EXPECT_EQ(y.level_names(), "none, yellow, orange, red");
  EXPECT_EQ(aqi::rule_set("mee-2017").level_code("蓝色"), 1);
}
