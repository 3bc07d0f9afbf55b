// Warning classification — SPEC W1–W9 with the default rule set (yiyuan-2019, W4). Every
// expected level follows from W4 applied by hand to the series written in the test.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "aqi/warning/classify.hpp"
#include "aqi/warning/classify_batch.hpp"
#include "aqi/warning/event_type.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

namespace {
const double missing = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

std::vector<double> hours_with_episode(std::size_t total, std::size_t start, std::size_t length, double level,
                                       double background = 100) {
  std::vector<double> h(total, background);
  for (std::size_t i = start; i < start + length; ++i) h[i] = level;
  return h;
}
}  // namespace

// W4: two days > 200 → yellow; three → orange; four with two > 300 inside the run → red.
TEST(Warning, W4Levels) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{100, 201, 201, 100}).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{100, 250, 250, 250, 100}).level_name(), "orange");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 301, 301, 250}).level_name(), "red");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{201}).level_name(), "none");  // one day is no warning
}

// W4: thresholds are strict — 200 is not > 200, 300 is not > 300.
TEST(Warning, W4ThresholdsAreStrict) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{200, 200, 200}).level_name(), "none");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{201, 300, 300, 201}).level_name(), "orange");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{201, 301, 301, 201}).level_name(), "red");
}

// W4: red needs the two days > 300 in the SAME run as the four days > 200, and consecutive.
TEST(Warning, W4RedNeedsBothConditionsInOneRun) {
  // Two runs: 4 days > 200 (one > 300), then after a clean day 2 days > 300: the 4-day run has
  // no 2-day > 300 stretch, the 2-day run is too short for red → orange (from the first run).
  const auto w = aqi::classify_daily(std::vector<double>{250, 310, 250, 250, 100, 310, 310});
  EXPECT_EQ(w.level_name(), "orange");
  EXPECT_EQ(w.first, 0);
  EXPECT_EQ(w.last, 3);
  // Two days > 300 inside the run but not consecutive: not "persisting 2 days".
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{310, 250, 310, 250}).level_name(), "orange");
}

// W4: any day-mean reaching 500 is red on its own; 499 is not.
TEST(Warning, W4Reaching500IsRed) {
  const auto w = aqi::classify_daily(std::vector<double>{100, 500, 100});
  EXPECT_EQ(w.level_name(), "red");
  EXPECT_EQ(w.clause_text(), "AQI ≥ 500 for ≥ 1 day");
  EXPECT_EQ(w.first, 1);
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{100, 499, 100}).level_name(), "none");
}

// W6: the explanation — level, clause, run, run lengths above 200 and 300, peak.
TEST(Warning, W6Explanation) {
  const auto w = aqi::classify_daily(std::vector<double>{120, 230, 320, 350, 260, 150});
  EXPECT_EQ(w.level, 3);
  EXPECT_EQ(w.response(), aqi::ResponseLevel::I);
  EXPECT_EQ(w.clause_text(), "AQI > 200 for ≥ 4 days and AQI > 300 for ≥ 2 days");
  EXPECT_EQ(w.first, 1);
  EXPECT_EQ(w.last, 4);
  EXPECT_EQ(w.days_above_200, 4);
  EXPECT_EQ(w.days_above_300, 2);
  EXPECT_EQ(w.peak, 350);
  EXPECT_EQ(w.explain(),
            "red (response I): AQI > 200 for ≥ 4 days and AQI > 300 for ≥ 2 days; run days 1–4; longest run > 200: "
            "4 d, > 300: 2 d; peak day-mean 350");
  const auto none = aqi::classify_daily(std::vector<double>{150, 210, 150});
  EXPECT_EQ(none.explain(),
            "no warning: no run of day-means meets a level of yiyuan-2019; longest run > 200: 1 d, > 300: 0 d; peak "
            "day-mean 210");
}

// W8: a missing day breaks a run and never raises a level.
TEST(Warning, W8MissingDayBreaksARun) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, missing, 250}).level_name(), "none");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 250, missing, 250}).level_name(), "yellow");
}

// W5: a dust day exceeds no threshold.
TEST(Warning, W5DustDaysDoNotCount) {
  std::vector<double> d{250, 250, 250};
  std::vector<std::uint8_t> dust{0, 0, 1};
  EXPECT_EQ(aqi::classify_daily(d, dust).level_name(), "yellow");  // 3 days → 2 without the dust day
  dust = {0, 1, 0};
  EXPECT_EQ(aqi::classify_daily(d, dust).level_name(), "none");
}

// W9: an empty series is no warning; negative or infinite values are bad input naming the day.
TEST(Warning, W9ShortSeriesAndBadInput) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{}).level, 0);
  EXPECT_EQ(aqi::classify_hourly(std::vector<double>(23, 400.0)).level, 0);  // shorter than one block
  EXPECT_THROW_MSG(aqi::classify_daily(std::vector<double>{100, -1}), aqi::InvalidValue,
                   "values[1]: negative AQI -1 (SPEC W9)");
  EXPECT_THROW_MSG(aqi::classify_hourly(std::vector<double>{100, std::numeric_limits<double>::infinity()}),
                   aqi::InvalidValue, "values[1]: infinite AQI (SPEC W9)");
  std::vector<std::uint8_t> dust{0};
  EXPECT_THROW_MSG(aqi::classify_daily(std::vector<double>{100, 100}, dust), aqi::InvalidArgument,
                   "dust has 1 flags for 2 values");
}

// W3, the issue's check: a 34-hour episode of AQI 250 between AQI 100 hours is yellow. Two
// back-to-back 24-hour blocks each need more than 16 episode hours to average > 200
// (100 + 150·x/24 > 200 ⟺ x > 16): 17 + 17 = 34 hours fit, 33 hours do not.
TEST(Warning, W3ThirtyFourHoursIsYellowThirtyThreeIsNot) {
  const auto w34 = aqi::classify_hourly(hours_with_episode(144, 40, 34, 250));
  EXPECT_EQ(w34.level_name(), "yellow");
  // Blocks 33–56 and 57–80: each holds 17 episode hours (40–56, 57–73).
  EXPECT_EQ(w34.first, 33);
  EXPECT_EQ(w34.last, 80);
  EXPECT_EQ(w34.alignment, 56 % 24);
  EXPECT_EQ(w34.days_above_200, 2);
  EXPECT_EQ(aqi::classify_hourly(hours_with_episode(144, 40, 33, 250)).level_name(), "none");
}

// W1/W3: the blocks may cross midnight. 32 hours of AQI 350 from hour 40 (day 1, 16:00) to
// hour 71. A block needs more than 9.6 of them (100 + 250·x/24 > 200). The earliest pair of
// back-to-back blocks that qualifies is 26–49 (10 hours: 204.2) and 50–73 (22 hours); 25–48
// (9 hours: 193.75) does not → yellow, run hours 26–73. Calendar days average 100, (16·100 + 8·350)/24 = 183.3, 350 and
// 100: one day > 200, no warning — calendar days are one alignment of many (W3 Decision).
TEST(Warning, W1BlocksCrossMidnight) {
  const auto h = hours_with_episode(24 * 4, 40, 32, 350);
  const auto w = aqi::classify_hourly(h);
  EXPECT_EQ(w.level_name(), "yellow");
  EXPECT_EQ(w.first, 26);
  EXPECT_EQ(w.last, 73);
  std::vector<double> calendar_days;
  for (std::size_t d = 0; d < 4; ++d) {
    double s = 0;
    for (std::size_t i = 0; i < 24; ++i) s += h[d * 24 + i];
    calendar_days.push_back(s / 24);
  }
  EXPECT_EQ(calendar_days[0], 100);
  EXPECT_NEAR(calendar_days[1], 4400.0 / 24, 1e-12);
  EXPECT_EQ(calendar_days[2], 350);
  EXPECT_EQ(aqi::classify_daily(calendar_days).level_name(), "none");
}

// W8 + A5: a window with fewer than 20 valid hours has no mean and breaks the run; 20 valid
// hours give the mean of those hours.
TEST(Warning, W8MissingHoursBreakRuns) {
  auto h = hours_with_episode(72, 0, 72, 250);
  EXPECT_EQ(aqi::classify_hourly(h).level_name(), "orange");  // blocks ending 23, 47, 71
  for (std::size_t i = 24; i < 28; ++i) h[i] = missing;       // 20 valid hours in block 24–47
  EXPECT_EQ(aqi::classify_hourly(h).level_name(), "orange");
  // Hour 28 missing too: block 24–47 has 19 valid hours, no mean, so blocks 23/47/71 no longer
  // make three days. Windows ending at t ≤ 27 or t ≥ 48 hold at most 4 missing hours; the pair
  // ending at 24 and 48 (hours 1–24, 25–48) is still two valid blocks > 200 → yellow.
  h[28] = missing;
  const auto w = aqi::classify_hourly(h);
  EXPECT_EQ(w.level_name(), "yellow");
  EXPECT_EQ(w.first, 1);
  EXPECT_EQ(w.last, 48);
}

// W5 hourly: a window containing a dust hour exceeds no threshold.
TEST(Warning, W5DustHoursExcludeTheirWindows) {
  const auto h = hours_with_episode(72, 0, 72, 250);
  std::vector<std::uint8_t> dust(72, 0);
  // Dust at hour 30 excludes the windows ending at hours 30–53. Of the windows ending at 23–71,
  // the back-to-back pairs (t, t+24) with t in 23–29 need t+24 in 47–53 (excluded), and those
  // with t in 54–71 need t+24 > 71: no pair is left.
  dust[30] = 1;
  EXPECT_EQ(aqi::classify_hourly(h, dust).level_name(), "none");
  dust[30] = 0;
  dust[71] = 1;  // only the window ending at 71 is excluded: 23 and 47 remain → yellow, not orange
  EXPECT_EQ(aqi::classify_hourly(h, dust).level_name(), "yellow");
}

// W2(c): ranges are classified on hi by default; on mid or lo on request, and say so.
TEST(Warning, W2RangesOnHiMidOrLo) {
  const std::vector<double> lo{150, 180, 190}, hi{230, 240, 260};
  auto w = aqi::classify_daily_range(lo, hi);
  EXPECT_EQ(w.level_name(), "orange");  // 230, 240, 260
  EXPECT_EQ(w.basis, "hi");
  EXPECT_EQ(aqi::classify_daily_range(lo, hi, aqi::RangeBasis::mid).level_name(), "yellow");  // 190, 210, 225
  EXPECT_EQ(aqi::classify_daily_range(lo, hi, aqi::RangeBasis::lo).level_name(), "none");
  EXPECT_THROW_MSG(aqi::classify_daily_range(std::vector<double>{300}, std::vector<double>{200}), aqi::InvalidValue,
                   "lo[0]: lower bound 300 above the upper bound 200 (SPEC W2)");
}

// L4 helper: each day's level is that of the qualifying run covering it.
TEST(Warning, DayLevelsMarkEveryQualifyingRun) {
  const auto levels = aqi::day_levels(std::vector<double>{250, 250, 100, 250, 320, 330, 250, 100, 500});
  EXPECT_EQ(levels, (std::vector<std::int8_t>{1, 1, 0, 3, 3, 3, 3, 0, 3}));
}

// docs/errors.md, "Warning entry points" (SPEC W2, W9).
TEST(Warning, NumericEntryPointsBadInput) {
  const std::vector<double> two{100, 100}, one{100};
  EXPECT_THROW_MSG(aqi::classify_daily_range(two, one), aqi::InvalidArgument, "lo has 2 days, hi has 1");
  EXPECT_THROW_MSG(aqi::classify_daily_range(one, std::vector<double>{inf}), aqi::InvalidValue,
                   "hi[0]: infinite AQI (SPEC W9)");
  EXPECT_THROW_MSG(aqi::day_levels(std::vector<double>{100, -2}), aqi::InvalidValue,
                   "values[1]: negative AQI -2 (SPEC W9)");
  const std::vector<std::uint8_t> dust{0};
  EXPECT_THROW_MSG(aqi::day_levels(two, dust), aqi::InvalidArgument, "dust has 1 flags for 2 values");
  EXPECT_THROW_MSG(aqi::classify_hourly(two, dust), aqi::InvalidArgument, "dust has 1 flags for 2 values");
  std::vector<std::int8_t> out(3);
  const std::vector<double> sixty(60, 100.0);
  EXPECT_THROW_MSG(aqi::classify_batch(sixty, {}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidArgument, "classify_batch: values need at least one axis (time)");
  EXPECT_THROW_MSG(aqi::classify_batch(sixty, {2, 30}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out),
                   aqi::InvalidArgument, "classify_batch: 2 series but 3 outputs");
  // Empty series are an answer (W9): no warning.
  std::vector<std::int8_t> two_out{7, 7};
  aqi::classify_batch(std::vector<double>{}, {2, 0}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), two_out);
  EXPECT_EQ(two_out, (std::vector<std::int8_t>{0, 0}));
  EXPECT_EQ(aqi::day_levels(std::vector<double>{}).size(), 0u);
}

// Issue 12, safe lifetimes: a result holds the rule set it was computed with. The rule set here
// is a temporary, destroyed at the end of the statement; the explanation reads it afterwards
// (run under AddressSanitizer: build-asan). W4: 250, 320, 350, 260 > 200 on days 1–4, two of
// them > 300 → red (response I); peak 350.
TEST(Warning, OwnsATemporaryRuleSet) {
  const std::string p = std::string(AQI_RULES_DIR) + "/plans/yiyuan-2019/warnings.toml";
  const std::vector<double> v{150, 250, 320, 350, 260};
  auto w = aqi::classify_daily(v, {}, aqi::RuleSet::load(p));
  EXPECT_EQ(w.explain(),
            "red (response I): AQI > 200 for ≥ 4 days and AQI > 300 for ≥ 2 days; run days 1–4; longest run > 200: "
            "4 d, > 300: 2 d; peak day-mean 350");
  EXPECT_EQ(w.level_name(), "red");
  EXPECT_EQ(w.response(), aqi::ResponseLevel::I);
  const auto h = aqi::classify_hourly(std::vector<double>(72, 250.0), {}, aqi::RuleSet::load(p));
  EXPECT_EQ(h.level_name(), "orange");  // three 24-hour blocks > 200 (W3)
  const auto r = aqi::classify_daily_range(v, v, aqi::RangeBasis::mid, {}, aqi::RuleSet::load(p));
  EXPECT_EQ(r.clause_text(), "AQI > 200 for ≥ 4 days and AQI > 300 for ≥ 2 days");
}

// share(): a built-in set is aliased (it lives for the program), any other copied once; a
// shared_ptr is held as given; a null one is refused.
TEST(Warning, RuleSetIsSharedNotCopiedPerCall) {
  const std::vector<double> v{250, 250};
  EXPECT_EQ(aqi::classify_daily(v).rules.get(), &aqi::yiyuan_2019());
  EXPECT_EQ(aqi::classify_hourly(std::vector<double>(48, 250.0)).rules.get(), &aqi::yiyuan_2019());
  const aqi::RuleSet own = aqi::RuleSet::load(std::string(AQI_RULES_DIR) + "/warnings/mee-2017.toml");
  const auto copied = aqi::classify_daily(v, {}, own).rules;
  EXPECT_NE(copied.get(), &own);
  EXPECT_EQ(copied->id, "mee-2017");
  const std::shared_ptr<const aqi::RuleSet> shared = aqi::share(own);
  const auto w = aqi::classify_daily(v, {}, shared);
  EXPECT_EQ(w.rules, shared);
  EXPECT_EQ(w.level_name(), "yellow");  // mee-2017: > 200 for 2 days is yellow (its blue is 1 day)
  EXPECT_THROW_MSG(aqi::classify_daily(v, {}, std::shared_ptr<const aqi::RuleSet>()), aqi::InvalidArgument,
                   "rules: a null rule set (give aqi::share(set) or a set of the Plan)");
}

// Every enum of the domain has a name and a parser that agree.
TEST(Warning, SeriesKindAndRangeBasisNames) {
  for (auto k : {aqi::SeriesKind::daily, aqi::SeriesKind::hourly}) EXPECT_EQ(aqi::parse_series_kind(aqi::name(k)), k);
  EXPECT_EQ(aqi::name(aqi::SeriesKind::hourly), "hourly");
  EXPECT_THROW_MSG(aqi::parse_series_kind("weekly"), aqi::InvalidArgument,
                   "kind must be 'daily' or 'hourly', got 'weekly'");
  for (auto b : {aqi::RangeBasis::hi, aqi::RangeBasis::mid, aqi::RangeBasis::lo})
    EXPECT_EQ(aqi::parse_range_basis(aqi::name(b)), b);
  EXPECT_EQ(aqi::name(aqi::RangeBasis::mid), "mid");
  EXPECT_THROW_MSG(aqi::parse_range_basis("max", "use"), aqi::InvalidArgument,
                   "use must be 'hi', 'mid' or 'lo', got 'max'");
}

// Two classifications are equal when they say the same thing; no day-mean (NaN peak) equals no
// day-mean.
TEST(Warning, EqualWhenTheySayTheSame) {
  const std::vector<double> red{150, 250, 320, 350, 260};
  EXPECT_EQ(aqi::classify_daily(red), aqi::classify_daily(red));
  EXPECT_NE(aqi::classify_daily(red), aqi::classify_daily(std::vector<double>{250, 250}));
  EXPECT_NE(aqi::classify_daily(red), aqi::classify_daily(red, {}, aqi::rule_set("mee-2017")));
  EXPECT_NE(aqi::classify_daily(red), aqi::classify_daily_range(red, red));  // basis "hi" given
  const std::vector<double> none{missing, missing};
  EXPECT_TRUE(std::isnan(aqi::classify_daily(none).peak));
  EXPECT_EQ(aqi::classify_daily(none), aqi::classify_daily(none));
}

// W6, N5: the explanation in Chinese carries the facts of the English one (level, response, clause,
// run, the runs above 200 and 300, the peak): W4's red clause on days 1–4 of the series above.
TEST(Warning, N5ExplanationInChinese) {
  const auto w = aqi::classify_daily(std::vector<double>{120, 230, 320, 350, 260, 150});
  EXPECT_EQ(w.level_name_zh(), "红色");
  EXPECT_EQ(w.clause_text_zh(), "AQI > 200 连续 ≥ 4 天 且 AQI > 300 连续 ≥ 2 天");
  EXPECT_EQ(w.explain_zh(),
            "红色预警（Ⅰ级响应）：AQI > 200 连续 ≥ 4 天 且 AQI > 300 连续 ≥ 2 天；达标时段为第 1–4 日（输入序号）；"
            "日均值 > 200 最长连续 4 天，> 300 最长连续 2 天；日均值峰值 350");
  const auto none = aqi::classify_daily(std::vector<double>{150, 210, 150});
  EXPECT_EQ(none.level_name_zh(), "无预警");
  EXPECT_EQ(none.clause_text_zh(), "");
  EXPECT_EQ(none.explain_zh(),
            "无预警：日均值没有任何时段达到yiyuan-2019的预警级别；日均值 > 200 最长连续 1 天，> 300 最长连续 0 天；"
            "日均值峰值 210");
  // beijing-2013's blue: AQI 201–300 on the first day (an anchored clause with a ceiling).
  const auto blue = aqi::classify_daily(std::vector<double>{250, 100}, {}, aqi::rule_set("beijing-2013"));
  EXPECT_EQ(blue.clause_text_zh(), "AQI 201–300 连续 ≥ 1 天，自首日起");
  EXPECT_EQ(blue.level_name_zh(), "蓝色");
  // A term on days not consecutive says 累计; ≥ for a threshold that counts.
  aqi::RunTerm t;
  t.threshold = 150;
  t.strict = false;
  t.days = 3;
  t.consecutive = false;
  EXPECT_EQ(t.describe_zh(), "AQI ≥ 150 累计 ≥ 3 天");
}

// N5: the words of the events and comparisons, and level 0, in Chinese.
TEST(Warning, N5EventAndComparisonNamesInChinese) {
  EXPECT_EQ(aqi::name_zh(aqi::EventType::issue), "发布");
  EXPECT_EQ(aqi::name_zh(aqi::EventType::upgrade), "升级");
  EXPECT_EQ(aqi::name_zh(aqi::EventType::downgrade), "降级");
  EXPECT_EQ(aqi::name_zh(aqi::EventType::lift), "解除");
  EXPECT_EQ(aqi::name_zh(aqi::Comparison::consistent), "一致");
  EXPECT_EQ(aqi::name_zh(aqi::Comparison::stricter), "更严");
  EXPECT_EQ(aqi::name_zh(aqi::Comparison::weaker), "更宽");
  EXPECT_EQ(aqi::name_zh(aqi::Comparison::none), "");
  const auto& rules = aqi::rule_set("yiyuan-2019");
  EXPECT_EQ(rules.level_name_zh(0), "无预警");
  EXPECT_EQ(rules.level_name_zh(1), "黄色");
  EXPECT_EQ(rules.level_name_zh(2), "橙色");
  EXPECT_EQ(rules.level_name_zh(3), "红色");
}
