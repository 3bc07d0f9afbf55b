// Moving means with validity — SPEC A5 (20 of 24 hours, 6 of 8), W8 (20–23 valid hours: the
// mean of those hours).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "aqi/index/moving_mean.hpp"
#include "test_support.hpp"

namespace {
double nan() { return std::numeric_limits<double>::quiet_NaN(); }
}  // namespace

TEST(MovingMean, A5TwentyOfTwentyFourHours) {
  std::vector<double> h(30, 100.0);
  for (int i = 0; i < 4; ++i) h[static_cast<std::size_t>(i)] = nan();  // hours 0–3 missing
  h[10] = 220;                                                         // one high hour
  const auto m = aqi::moving_mean(h);
  for (std::size_t t = 0; t < 23; ++t) EXPECT_TRUE(std::isnan(m[t])) << t;  // incomplete windows
  // Window 0–23: 20 valid hours (4–23), sum 19·100 + 220 = 2120 → 106.
  EXPECT_DOUBLE_EQ(m[23], 106.0);
  // Window 1–24: 21 valid → (20·100 + 220)/21.
  EXPECT_DOUBLE_EQ(m[24], 2220.0 / 21.0);
  h[5] = nan();  // now window 0–23 has only 19 valid hours
  EXPECT_TRUE(std::isnan(aqi::moving_mean(h)[23]));
}

TEST(MovingMean, A5EightHourOzoneNeedsSix) {
  std::vector<double> h{10, 20, nan(), 40, nan(), 60, 70, 80};
  auto m = aqi::moving_mean(h, aqi::o3_8h_window, aqi::o3_8h_min_valid);
  EXPECT_DOUBLE_EQ(m[7], (10 + 20 + 40 + 60 + 70 + 80) / 6.0);
  h[0] = nan();
  m = aqi::moving_mean(h, 8, 6);
  EXPECT_TRUE(std::isnan(m[7]));
}

// Long series: the sliding sum must not drift away from the window's exact mean.
TEST(MovingMean, NoDriftOverLongSeries) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 500);
  std::vector<double> h(100000);
  for (auto& x : h) x = std::round(u(rng) * 10) / 10;  // one-decimal data
  const auto m = aqi::moving_mean(h);
  for (std::size_t t = 23; t < h.size(); t += 997) {
    double s = 0;
    for (std::size_t j = t - 23; j <= t; ++j) s += h[j];
    EXPECT_NEAR(m[t], s / 24, 1e-11) << t;
  }
}

// Exact inputs give exact means: 24 hours of 200 average to exactly 200, not 200.00000000000003.
TEST(MovingMean, ConstantSeriesIsExact) {
  std::vector<double> h(24 * 40, 200.7);
  const auto m = aqi::moving_mean(h);
  for (std::size_t t = 23; t < h.size(); ++t) ASSERT_NEAR(m[t], 200.7, 1e-12);
}

TEST(MovingMean, Errors) {
  std::vector<double> h{1, 2, 3};
  EXPECT_THROW_MSG(aqi::moving_mean(h, 0, 1), aqi::InvalidArgument, "moving_mean: window must be at least 1");
  EXPECT_THROW_MSG(aqi::moving_mean(h, 8, 9), aqi::InvalidArgument,
                   "moving_mean: min_valid must be between 1 and the window (8), got 9");
  std::vector<double> bad{1, -2, 3};
  EXPECT_THROW_MSG(aqi::moving_mean(bad), aqi::InvalidValue, "values[1]: negative value -2");
  std::vector<double> inf{1, 2, std::numeric_limits<double>::infinity()};
  EXPECT_THROW_MSG(aqi::moving_mean(inf), aqi::InvalidValue, "values[2]: infinite value");
}

// docs/errors.md, "Numeric entry points" (SPEC A4, A5, A7).
TEST(MovingMean, OutputOfAnotherLength) {
  std::vector<double> three{1, 2, 3}, two(2);
  EXPECT_THROW_MSG(aqi::moving_mean(three, aqi::span<double>(two)), aqi::InvalidArgument,
                   "moving_mean: output has 2 elements, input has 3");
}

// fuzz_moving_mean (corpus/moving_mean/regression-cancellation): the sliding sum let a huge
// value absorb its neighbours and cancel them when it left the window: the mean of 3, 4, 5 came
// out 0, and later means negative.
TEST(MovingMean, IsNotCancelledByAHugeValue) {
  constexpr double huge = std::numeric_limits<double>::max();
  const std::vector<double> v{1, 2, 1e17, 3, 4, 5, 6};
  const std::vector<double> m = aqi::moving_mean(v, 3, 1);
  EXPECT_EQ(m[5], 4);
  EXPECT_EQ(m[6], 5);
  for (double x : aqi::moving_mean(std::vector<double>{huge, 1, 2, 3, 4}, 2, 1)) EXPECT_FALSE(x < 0);
}

// SPEC A5: a window given as a signed number (Python's int) is refused below 1, naming it.
TEST(MovingMean, SignedWindowsAreCheckedBeforeBecomingSizes) {
  EXPECT_THROW_MSG(aqi::detail::check_window_signed(-1, 20), aqi::InvalidArgument,
                   "moving_mean: window must be at least 1, got -1");
  EXPECT_THROW_MSG(aqi::detail::check_window_signed(0, 1), aqi::InvalidArgument,
                   "moving_mean: window must be at least 1, got 0");
  EXPECT_THROW_MSG(aqi::detail::check_window_signed(24, 0), aqi::InvalidArgument,
                   "moving_mean: min_valid must be between 1 and the window (24), got 0");
  EXPECT_THROW_MSG(aqi::detail::check_window_signed(8, 9), aqi::InvalidArgument,
                   "moving_mean: min_valid must be between 1 and the window (8), got 9");
  EXPECT_NO_THROW(aqi::detail::check_window_signed(24, 20));
}
