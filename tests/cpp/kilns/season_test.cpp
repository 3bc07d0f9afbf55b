// SPEC K1, K2, K4, K6: batch windows from the calendar. Month lengths counted by hand.
#include <gtest/gtest.h>

#include "aqi/kilns/season.hpp"
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
  EXPECT_EQ(r.month_weights, (std::vector<double>{0, 1, 1, 1, 1, 0}));
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
