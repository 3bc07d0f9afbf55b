// SPEC K7: a given schedule is checked against K1–K5 and every violation is named, exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "aqi/kilns/validation.hpp"
#include "test_support.hpp"

namespace {
using boost::gregorian::date;

std::vector<std::string> messages(const std::vector<aqi::KilnViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.message);
  return out;
}

aqi::StopWindow stop(std::string kiln, int line, date a, date b) { return {std::move(kiln), line, a, b, -1}; }

const char* batches_2019 = "B1 2019-10-01 … 2019-12-31, B2 2019-11-01 … 2020-02-07, B3 2019-12-01 … 2020-03-07";
}  // namespace

TEST(KilnValidation, K7NamesEveryViolation) {
  const std::vector<aqi::Kiln> kilns{{"K1", 1, 10}, {"K2", 1, 10}, {"K3", 1, 10}, {"K4", 4, 5}, {"K5", 1, 10}};
  const std::vector<aqi::StopWindow> w{
      stop("K1", 1, date(2019, 11, 1), date(2020, 1, 31)),   // B2 without its 7 days (K4)
      stop("K2", 1, date(2019, 11, 15), date(2020, 2, 14)),  // three months, but no batch (K1, K2)
      stop("K4", 1, date(2019, 10, 1), date(2020, 3, 31)),  stop("K4", 2, date(2019, 10, 1), date(2019, 12, 2)),
      stop("K4", 3, date(2020, 1, 16), date(2020, 3, 31)),  // 12-03 … 01-15: only line 1 (K3)
      stop("K5", 1, date(2019, 12, 1), date(2020, 3, 7)),   // B3 with its 7 days: valid
      stop("K9", 1, date(2019, 12, 1), date(2020, 3, 7)),   stop("K1", 2, date(2019, 10, 1), date(2019, 12, 31)),
      stop("K5", 1, date(2020, 1, 10), date(2020, 1, 1)),
  };
  const auto v = aqi::validate_kiln_schedule(kilns, w, 2019);
  EXPECT_EQ(messages(v),
            (std::vector<std::string>{
                "assignments[6]: kiln 'K9' is not in the kiln table",
                "assignments[7]: kiln 'K1' has 1 line; there is no line 2",
                "assignments[8]: kiln 'K5' line 1 ends (2020-01-01) before it starts (2020-01-10)",
                "K4: kiln 'K1' (1 line) is stopped 2019-11-01 … 2020-01-31; a window that includes January stops 7 "
                "more days: B2 2019-11-01 … 2020-02-07",
                std::string("K1, K2: kiln 'K2' (1 line) is stopped 2019-11-15 … 2020-02-14, which covers no batch "
                            "window: ") +
                    batches_2019,
                std::string("K1: kiln 'K3' (1 line) is not stopped; a one-line kiln stops in one batch window: ") +
                    batches_2019,
                "K3: kiln 'K4' (4 lines) has 1 line stopped 2019-12-03 … 2020-01-15; ⌈4/2⌉ = 2 must be stopped every "
                "day of 2019-10-01 … 2020-03-31",
            }));
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[0].row, 6u);
  EXPECT_EQ(v[0].rule, "");
  EXPECT_EQ(v[3].rule, "K4");
  EXPECT_EQ(v[3].kiln, "K1");
  EXPECT_EQ(v[4].rule, "K2");
  EXPECT_EQ(v[5].rule, "K1");
  EXPECT_EQ(v[6].rule, "K3");
  EXPECT_EQ(v[6].row, aqi::KilnViolation::no_row);
}

TEST(KilnValidation, K5EveryHeavyMonthNeedsStoppedKilns) {
  // Two B1 kilns stop Oct–Dec only: January and February have nothing stopped.
  const std::vector<aqi::Kiln> kilns{{"K1", 1, 10}, {"K2", 1, 10}};
  const std::vector<aqi::StopWindow> w{stop("K1", 1, date(2019, 10, 1), date(2019, 12, 31)),
                                       stop("K2", 1, date(2019, 10, 1), date(2019, 12, 31))};
  EXPECT_EQ(messages(aqi::validate_kiln_schedule(kilns, w, 2019)),
            (std::vector<std::string>{
                "K5: no kiln is stopped in 2020-01; 2019-11, 2019-12, 2020-01 and 2020-02 each need stopped kilns",
                "K5: no kiln is stopped in 2020-02; 2019-11, 2019-12, 2020-01 and 2020-02 each need stopped kilns",
            }));
}

TEST(KilnValidation, K3AMultiLineKilnNotStoppedAtAll) {
  const std::vector<aqi::Kiln> kilns{{"M", 2, 10}, {"K1", 1, 10}};
  const std::vector<aqi::StopWindow> w{stop("K1", 1, date(2019, 11, 1), date(2020, 2, 7))};
  EXPECT_EQ(messages(aqi::validate_kiln_schedule(kilns, w, 2019)),
            (std::vector<std::string>{"K3: kiln 'M' (2 lines) has no line stopped 2019-10-01 … 2020-03-31; ⌈2/2⌉ = 1 "
                                      "must be stopped every day of 2019-10-01 … 2020-03-31"}));
}

TEST(KilnValidation, K1LongerStopsAndRotatedLinesAreValid) {
  // Oct 1 … Feb 29 contains B1 (and B2's months, but not its 7 days): B1 makes it valid.
  // Two lines taking turns (10-01 … 12-31, then 01-01 … 03-31) keep ⌈2/2⌉ = 1 stopped every day.
  const std::vector<aqi::Kiln> kilns{{"K1", 1, 10}, {"M", 2, 10}};
  const std::vector<aqi::StopWindow> w{stop("K1", 1, date(2019, 10, 1), date(2020, 2, 29)),
                                       stop("M", 1, date(2019, 10, 1), date(2019, 12, 31)),
                                       stop("M", 2, date(2020, 1, 1), date(2020, 3, 31))};
  EXPECT_TRUE(aqi::validate_kiln_schedule(kilns, w, 2019).empty());
}

TEST(KilnValidation, K4FollowsTheOptions) {
  const std::vector<aqi::Kiln> kilns{{"K1", 1, 10}};
  // Without the allowance, B2 ends 01-31 and the kiln complies — but then nothing stops in
  // February (K5).
  aqi::KilnScheduleOptions none;
  none.january_extension_days = 0;
  const std::vector<aqi::StopWindow> b2{stop("K1", 1, date(2019, 11, 1), date(2020, 1, 31))};
  EXPECT_EQ(messages(aqi::validate_kiln_schedule(kilns, b2, 2019, none)),
            (std::vector<std::string>{
                "K5: no kiln is stopped in 2020-02; 2019-11, 2019-12, 2020-01 and 2020-02 each need stopped kilns"}));
  // With the 7 days before the start, B2 is 10-25 … 01-31: stopping to 02-07 instead is short.
  aqi::KilnScheduleOptions before;
  before.extension = aqi::ExtensionPlacement::before_start;
  const std::vector<aqi::StopWindow> late{stop("K1", 1, date(2019, 11, 1), date(2020, 2, 7))};
  EXPECT_EQ(messages(aqi::validate_kiln_schedule(kilns, late, 2019, before)),
            (std::vector<std::string>{"K4: kiln 'K1' (1 line) is stopped 2019-11-01 … 2020-02-07; a window that "
                                      "includes January stops 7 more days: B2 2019-10-25 … 2020-01-31"}));
}

TEST(KilnValidation, K5EvaluateAGivenSchedule) {
  // A kiln of 31 stopped 10 days of October (31 days): S_Oct = 31·10/31 = 10; a kiln of 29 in B2
  // stops all of Nov–Jan and 7 of February's 29 days: S_Feb = 7. Weights Nov–Feb: min is 7.
  const std::vector<aqi::Kiln> kilns{{"A", 1, 31}, {"B", 1, 29}, {"C", 1, 1}};
  const std::vector<aqi::StopWindow> w{stop("A", 1, date(2019, 10, 1), date(2019, 10, 10)),
                                       stop("B", 1, date(2019, 11, 1), date(2020, 2, 7)),
                                       stop("X", 1, date(2019, 11, 1), date(2020, 2, 7))};  // unknown: left out
  aqi::KilnScheduleOptions nov_to_feb;  // the weights the values were derived with (not K5's default)
  nov_to_feb.month_weights = {0, 1, 1, 1, 1, 0};
  const auto e = aqi::evaluate_kiln_schedule(kilns, w, 2019, nov_to_feb);
  EXPECT_DOUBLE_EQ(e.months[0].stopped_capacity, 10);
  EXPECT_DOUBLE_EQ(e.months[1].stopped_capacity, 29);
  EXPECT_DOUBLE_EQ(e.months[4].stopped_capacity, 7);
  EXPECT_DOUBLE_EQ(e.months[4].share, 7.0 / 61.0);
  EXPECT_DOUBLE_EQ(e.objective, 7);
  EXPECT_DOUBLE_EQ(e.spread, 22);
}

// docs/errors.md, "Kiln entry points": windows that cannot be read are violations, named by row
// (SPEC K7), never exceptions; a bad table or weight is.
TEST(KilnValidation, UnreadableRowsAndBadTables) {
  const std::vector<aqi::Kiln> two{{"a", 1, 1}, {"b", 1, 2}};
  const std::vector<aqi::StopWindow> w{{"a", 1, date(), date(2019, 12, 31), -1},
                                       {"b", 1, date(2019, 10, 1), date(), -1}};
  const auto v = aqi::validate_kiln_schedule(two, w, 2019);
  ASSERT_GE(v.size(), 2u);
  EXPECT_EQ(v[0].message, "assignments[0]: kiln 'a' line 1 has no start date");
  EXPECT_EQ(v[1].message, "assignments[1]: kiln 'b' line 1 has no end date");
  const std::vector<aqi::Kiln> twice{{"a", 1, 1}, {"a", 1, 2}};
  EXPECT_THROW_MSG(aqi::validate_kiln_schedule(twice, w, 2019), aqi::InvalidValue,
                   "kilns[1]: duplicate kiln id 'a' (first at kilns[0])");
  aqi::KilnScheduleOptions o;
  o.month_weights = {1, 1};
  EXPECT_THROW_MSG(aqi::evaluate_kiln_schedule(two, w, 2019, o), aqi::InvalidArgument,
                   "month_weights: one weight per season month is needed (6: 2019-10 … 2020-03), got 2");
}

// fuzz_schedule_kilns (corpus/schedule_kilns/regression-k5-underflow): one kiln of capacity
// 1e-323 stopped 7 days of February; capacity × 7 / 29 underflowed to 0 and the K7 check said
// "K5: no kiln is stopped in 2020-02" of the scheduler's own schedule.
TEST(KilnValidation, K5ReadsStoppedDaysNotAnUnderflowingCapacity) {
  const std::vector<aqi::Kiln> kilns{{"k0", 1, 2 * std::numeric_limits<double>::denorm_min()}};
  const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  EXPECT_TRUE(aqi::validate_kiln_schedule(kilns, s.windows, 2019).empty());
}

// fuzz_schedule_kilns (corpus/schedule_kilns/regression-evaluate-overflow): evaluating a schedule
// computed capacity × stopped days before dividing by the month's days; with a capacity of
// 1.8e308 that overflowed, and evaluate_kiln_schedule reported an infinite stopped capacity.
TEST(KilnValidation, EvaluatingAScheduleOfHugeCapacitiesStaysFinite) {
  const std::vector<aqi::Kiln> kilns{
      {"a", 1, 4}, {"b", 1, 5}, {"c", 1, 6}, {"d", 1, std::numeric_limits<double>::max() / 2}};
  const aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  const aqi::KilnScheduleEvaluation e = aqi::evaluate_kiln_schedule(kilns, s.windows, 2019);
  for (std::size_t m = 0; m < e.months.size(); ++m) {
    EXPECT_TRUE(std::isfinite(e.months[m].stopped_capacity)) << m;
    EXPECT_NEAR(e.months[m].stopped_capacity, s.months[m].stopped_capacity, 1e-9 * s.total_capacity) << m;
  }
}
