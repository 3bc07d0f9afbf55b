// SPEC K1, K2, K4, K6: batch windows from the calendar. Month lengths counted by hand.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/season.hpp"
#include "aqi/kilns/validation.hpp"
#include "test_support.hpp"

namespace {
using boost::gregorian::date;
}

TEST(KilnSeason, K1K4K6BatchWindowsOfALeapYearSeason) {
  // Season 2019: 2019-10-01 … 2020-03-31, February 2020 has 29 days.
  const aqi::KilnSeason s(2019);
  EXPECT_EQ(s.season().first, date(2019, 10, 1));
  EXPECT_EQ(s.season().last, date(2020, 3, 31));
  EXPECT_EQ(s.season().days(), 183);  // 31 + 30 + 31 + 31 + 29 + 31
  ASSERT_EQ(s.months(), 6u);
  EXPECT_EQ(s.month_label(4), "2020-02");
  EXPECT_EQ(s.days_in_month(4), 29);
  ASSERT_EQ(s.batches(), 3u);
  // B1 Oct–Dec: no January, no extension; 31 + 30 + 31 = 92 days.
  EXPECT_EQ(s.window(0).first, date(2019, 10, 1));
  EXPECT_EQ(s.window(0).last, date(2019, 12, 31));
  EXPECT_EQ(s.window(0).days(), 92);
  EXPECT_FALSE(s.includes_january(0));
  // B2 Nov–Jan: ends 01-31, K4 adds 7 days → 02-07; 30 + 31 + 31 + 7 = 99 days.
  EXPECT_EQ(s.base_window(1).last, date(2020, 1, 31));
  EXPECT_EQ(s.window(1).first, date(2019, 11, 1));
  EXPECT_EQ(s.window(1).last, date(2020, 2, 7));
  EXPECT_EQ(s.window(1).days(), 99);
  // B3 Dec–Feb: ends on the leap day 02-29, + 7 → 03-07; 31 + 31 + 29 + 7 = 98 days.
  EXPECT_EQ(s.base_window(2).last, date(2020, 2, 29));
  EXPECT_EQ(s.window(2).last, date(2020, 3, 7));
  EXPECT_EQ(s.window(2).days(), 98);
  // K5 coverage: B2 stops 7 of February's 29 days, B3 7 of March's 31.
  EXPECT_DOUBLE_EQ(s.coverage(s.window(1), 4), 7.0 / 29.0);
  EXPECT_DOUBLE_EQ(s.coverage(s.window(2), 5), 7.0 / 31.0);
  EXPECT_DOUBLE_EQ(s.coverage(s.window(1), 1), 1.0);
  EXPECT_DOUBLE_EQ(s.coverage(s.window(0), 5), 0.0);
}

TEST(KilnSeason, K6CommonYearsAndCenturies) {
  // Season 2020: February 2021 has 28 days: B3 ends 02-28 + 7 = 03-07, 31 + 31 + 28 + 7 = 97 days;
  // B2's 7 days are a quarter of February.
  const aqi::KilnSeason s(2020);
  EXPECT_EQ(s.base_window(2).last, date(2021, 2, 28));
  EXPECT_EQ(s.window(2).last, date(2021, 3, 7));
  EXPECT_EQ(s.window(2).days(), 97);
  EXPECT_DOUBLE_EQ(s.coverage(s.window(1), 4), 0.25);
  EXPECT_EQ(s.season().days(), 182);
  // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
  EXPECT_EQ(aqi::KilnSeason(2099).base_window(2).last, date(2100, 2, 28));
  EXPECT_EQ(aqi::KilnSeason(1999).base_window(2).last, date(2000, 2, 29));
}

TEST(KilnSeason, K4ExtensionIsConfigurable) {
  // 10 days after: B2 01-31 + 10 = 02-10. Before the start: B2 11-01 − 7 = 10-25, B3 12-01 − 7 = 11-24.
  EXPECT_EQ(aqi::KilnSeason(2019, aqi::kiln_rules(), 10).window(1).last, date(2020, 2, 10));
  EXPECT_EQ(aqi::KilnSeason(2019, aqi::kiln_rules(), 0).window(1).last, date(2020, 1, 31));
  const aqi::KilnSeason before(2019, aqi::kiln_rules(), 7, aqi::ExtensionPlacement::before_start);
  EXPECT_EQ(before.window(1).first, date(2019, 10, 25));
  EXPECT_EQ(before.window(1).last, date(2020, 1, 31));
  EXPECT_EQ(before.window(2).first, date(2019, 11, 24));
  EXPECT_EQ(before.window(0).first, date(2019, 10, 1));  // B1 has no January
  // B2 then stops 7 days of October (31 days).
  EXPECT_DOUBLE_EQ(before.coverage(before.window(1), 0), 7.0 / 31.0);
}

TEST(KilnSeason, K2TheRulesAreTheData) {
  const auto& r = aqi::kiln_rules();
  EXPECT_EQ(r.id, "yiyuan-2019");
  ASSERT_EQ(r.batches.size(), 3u);
  EXPECT_EQ(r.batches[2].name_zh, "第三批");
  EXPECT_EQ(r.january_extension_days, 7);
  // K5 Decision: each month's share of the days with AQI > 200 in Zibo's observed winters.
  EXPECT_EQ(r.month_weights, (std::vector<double>{0.032, 0.167, 0.325, 0.290, 0.129, 0}));
  // K3 with E6: ⌈n/2⌉.
  EXPECT_EQ(r.lines_to_stop(2), 1);
  EXPECT_EQ(r.lines_to_stop(3), 2);
  EXPECT_EQ(r.lines_to_stop(4), 2);
  EXPECT_EQ(r.lines_to_stop(5), 3);
  EXPECT_THROW_MSG(aqi::KilnSeason(1899), aqi::InvalidArgument,
                   "season must be the year the season starts in, e.g. 2019 (got 1899)");
  EXPECT_THROW_MSG(aqi::kiln_rules("x"), aqi::UnknownName, "unknown kiln rules 'x'; expected one of: yiyuan-2019");
}

TEST(KilnSeason, RuleFilesAreChecked) {
  const std::string base =
      "id = \"t\"\ndocument = \"d\"\nseason_first_month = 10\nseason_months = 6\n"
      "january_extension_days = 7\nmulti_line_stop_share = 0.5\nrequired_months = [11]\n"
      "month_weights = [0, 1, 1, 1, 1, 0]\n"
      "[[batch]]\nname = \"B4\"\nfirst_month = 2\nmonths = 3\n";
  // Feb–Apr leaves the season (Oct–Mar). The [[batch]] table starts on line 9.
  EXPECT_THROW_MSG(aqi::KilnRules::parse(base, "k.toml"), aqi::ParseError,
                   "k.toml:9:1: batch B4 does not lie within the season");
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Kiln rules TOML" (SPEC K1–K5).

namespace {
// 12 lines; month_weights's `[` is at 8:17, the [[batch]] header on line 9.
std::string kiln_rules_text(int line, const std::string& replacement) {
  std::vector<std::string> lines{"id = \"t\"",
                                 "document = \"d\"",
                                 "season_first_month = 10",
                                 "season_months = 6",
                                 "january_extension_days = 7",
                                 "multi_line_stop_share = 0.5",
                                 "required_months = [11]",
                                 "month_weights = [0, 1, 1, 1, 1, 0]",
                                 "[[batch]]",
                                 "name = \"B1\"",
                                 "first_month = 10",
                                 "months = 3"};
  if (line > 0) lines[static_cast<std::size_t>(line - 1)] = replacement;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}
}  // namespace

TEST(KilnRules, TomlErrors) {
  using aqi::KilnRules;
  EXPECT_EQ(KilnRules::parse(kiln_rules_text(0, ""), "k.toml").batches.size(), 1u);
  EXPECT_THROW_MSG(KilnRules::parse("year = 2019\n" + kiln_rules_text(0, ""), "k.toml"), aqi::ParseError,
                   "k.toml:1:1: unknown key 'year'");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(0, "") + "days = 90\n", "k.toml"), aqi::ParseError,
                   "k.toml:13:1: unknown key 'days'");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(4, "season_months = 13"), "k.toml"), aqi::ParseError,
                   "k.toml:4:17: 'season_months' must be a whole number from 1 to 12");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(5, "january_extension_days = 93"), "k.toml"), aqi::ParseError,
                   "k.toml:5:26: 'january_extension_days' must be a whole number from 0 to 92");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(6, "multi_line_stop_share = 0"), "k.toml"), aqi::ParseError,
                   "k.toml:6:25: 'multi_line_stop_share' must be in (0, 1]");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(7, "required_months = [4]"), "k.toml"), aqi::ParseError,
                   "k.toml:7:20: required months must be calendar months of the season");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [1, 1]"), "k.toml"), aqi::ParseError,
                   "k.toml:8:17: 'month_weights' needs one weight per season month (6)");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 0, 0, 0, 0, 0]"), "k.toml"),
                   aqi::ParseError, "k.toml:8:17: at least one month weight must be positive");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 1, -1, 1, 1, 0]"), "k.toml"),
                   aqi::ParseError, "k.toml:8:17: month weights must be finite and ≥ 0");
  EXPECT_THROW_MSG(KilnRules::parse(kiln_rules_text(8, "month_weights = [0, 1e7, 1, 1, 1, 0]"), "k.toml"),
                   aqi::ParseError,
                   "k.toml:8:17: positive month weights must lie within a factor of 10^6 of each other (got 1 and "
                   "1e+07); weights are relative: give 0 to a month that does not count (SPEC K5)");
  EXPECT_THROW_MSG(
      KilnRules::parse(kiln_rules_text(0, "").substr(0, kiln_rules_text(0, "").find("[[batch]]")), "k.toml"),
      aqi::ParseError, "k.toml:1:1: missing key 'batch'");
  EXPECT_THROW_MSG(KilnRules::load("/nonexistent/k.toml"), aqi::FileNotFound,
                   "/nonexistent/k.toml: no such file or it cannot be read");
}

// Found writing this matrix: kiln rules built in code skip the file's checks, and a batch outside
// the season indexed the month before the first (undefined behaviour; here Boost threw).
TEST(KilnRules, BuiltInCodeIsChecked) {
  const std::vector<aqi::Kiln> kilns{{"a", 1, 1}, {"b", 1, 2}};
  aqi::KilnRules r = aqi::kiln_rules();
  r.batches[0].first_month = 5;
  EXPECT_THROW_MSG((void)aqi::KilnSeason(2019, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: batch B1 does not lie within the season");
  EXPECT_THROW_MSG(aqi::schedule_kilns(kilns, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: batch B1 does not lie within the season");
  r = aqi::kiln_rules();
  r.required_months = {4};
  EXPECT_THROW_MSG(aqi::validate_kiln_schedule(kilns, {}, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: required month 4 is not a month of the season");
  r = aqi::kiln_rules();
  r.multi_line_stop_share = 0;
  EXPECT_THROW_MSG(aqi::evaluate_kiln_schedule(kilns, {}, 2019, {}, r), aqi::InvalidArgument,
                   "kiln rules yiyuan-2019: multi_line_stop_share must be in (0, 1]");
}

// fuzz_kiln_rules: a 12-month season from December 9998 whose batch holds January ran, with a
// 92-day extension (K4), past 9999-12-31, and Boost threw bad_year (std::out_of_range)
// (corpus/kiln_rules/regression-extension-past-9999).
TEST(KilnSeason, ExtensionPast9999IsAnError) {
  aqi::KilnRules r = aqi::kiln_rules();
  r.season_first_month = 12;
  r.season_months = 12;
  r.batches = {{"all", "", 12, 12}};
  r.required_months = {12};
  r.month_weights.assign(12, 1.0);
  EXPECT_THROW_MSG(aqi::KilnSeason(9998, r, 92), aqi::InvalidArgument,
                   "season 9998: batch all with the January extension (K4) runs past 9999-12-31, the last date "
                   "libaqi handles");
  // 2019-12-01 … 2020-11-30, then 92 days: 2021-03-02.
  EXPECT_EQ(aqi::KilnSeason(2019, r, 92).window(0).last, boost::gregorian::date(2021, 3, 2));
}

// Safe lifetimes (issue 12): a season shares its rules, so rules built in code and destroyed by
// the caller are still read right; the built-in rules are aliased, not copied.
TEST(KilnSeason, SharesItsRules) {
  std::optional<aqi::KilnSeason> season;
  {
    aqi::KilnRules local = aqi::kiln_rules();
    local.id = "local";
    local.batches[0].name = "X1";
    season.emplace(2019, local);
  }
  EXPECT_EQ(season->rules().id, "local");
  EXPECT_EQ(season->batch(0).name, "X1");
  EXPECT_EQ(aqi::KilnSeason(2019).shared_rules().get(), &aqi::kiln_rules());
  EXPECT_EQ(aqi::share(aqi::kiln_rules()).get(), &aqi::kiln_rules());
}

// K4: no extension given takes the rules' 7 days; a negative one is refused (it was the sentinel
// for "the rules'" and silently became 7).
TEST(KilnSeason, K4ExtensionGivenOrTheRules) {
  EXPECT_EQ(aqi::KilnSeason(2019, aqi::kiln_rules(), std::nullopt).extension_days(), 7);
  EXPECT_EQ(aqi::KilnSeason(2019, aqi::kiln_rules(), 0).extension_days(), 0);
  EXPECT_THROW_MSG(aqi::KilnSeason(2019, aqi::kiln_rules(), -1), aqi::InvalidArgument,
                   "january_extension_days must be 0 to 92 (None: the rules' 7), got -1");
  EXPECT_THROW_MSG(aqi::KilnSeason(2019, aqi::kiln_rules(), 93), aqi::InvalidArgument,
                   "january_extension_days must be at most 92 (got 93)");
  EXPECT_EQ(aqi::parse_extension_placement("before_start"), aqi::ExtensionPlacement::before_start);
  EXPECT_THROW_MSG(aqi::parse_extension_placement("middle"), aqi::UnknownName,
                   "unknown extension placement 'middle'; expected after_end or before_start");
}

// K5 weights given by month: a calendar month or a label of the season; the others weigh 0.
TEST(KilnSeason, K5WeightsByMonth) {
  const aqi::KilnSeason s(2019);
  EXPECT_EQ(aqi::weights_by_month(s, {{11, 1}, {std::string("2019-12"), 10}}),
            (std::vector<double>{0, 1, 10, 0, 0, 0}));
  EXPECT_EQ(aqi::weights_by_month(s, {{2, 1}, {2, 3}}), (std::vector<double>{0, 0, 0, 0, 3, 0}));
  EXPECT_THROW_MSG(aqi::weights_by_month(s, {{std::string("2019-04"), 1}}), aqi::UnknownName,
                   "month_weights: '2019-04' is not a month of season 2019 (2019-10 … 2020-03); use 1–12 or 'YYYY-MM'");
  EXPECT_THROW_MSG(aqi::weights_by_month(s, {{4, 1}}), aqi::UnknownName,
                   "month_weights: 4 is not a month of season 2019 (2019-10 … 2020-03); use 1–12 or 'YYYY-MM'");
}
