// IAQI — SPEC A1 (breakpoint interpolation), A2 (round up), A4 (beyond scale, bad input),
// A6 (exact decimals), A7 (both editions). Expected values are derived by hand from the SPEC A1
// table, which this file restates rather than reading the edition files under test.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "aqi/index/iaqi.hpp"
#include "test_support.hpp"

using aqi::Indicator;

namespace {

const std::vector<double> levels{0, 50, 100, 150, 200, 300, 400, 500};

// SPEC A1, HJ 633-2012 Table 1, column by column.
const std::map<Indicator, std::vector<double>> table_2012{
    {Indicator::so2_24h, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
    {Indicator::so2_1h, {0, 150, 500, 650, 800}},
    {Indicator::no2_24h, {0, 40, 80, 180, 280, 565, 750, 940}},
    {Indicator::no2_1h, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
    {Indicator::pm10_24h, {0, 50, 150, 250, 350, 420, 500, 600}},
    {Indicator::co_24h, {0, 2, 4, 14, 24, 36, 48, 60}},
    {Indicator::co_1h, {0, 5, 10, 35, 60, 90, 120, 150}},
    {Indicator::o3_1h, {0, 160, 200, 300, 400, 800, 1000, 1200}},
    {Indicator::o3_8h, {0, 100, 160, 215, 265, 800}},
    {Indicator::pm25_24h, {0, 35, 75, 115, 150, 250, 350, 500}},
};

// SPEC A1, HJ 633-2026 Table 3: PM10 24h 150 → 120, PM2.5 24h 75 → 60; PM 1h on the 24h rows.
std::map<Indicator, std::vector<double>> table_2026() {
  auto t = table_2012;
  t[Indicator::pm10_24h][2] = 120;
  t[Indicator::pm25_24h][2] = 60;
  t[Indicator::pm10_1h] = t[Indicator::pm10_24h];
  t[Indicator::pm25_1h] = t[Indicator::pm25_24h];
  return t;
}

double nan() { return std::numeric_limits<double>::quiet_NaN(); }

// What lies above the top breakpoint of a column (A1 notes, A4); NaN means "not rated".
double above_top(const aqi::Edition& e, Indicator i) {
  const bool y2012 = e.id() == "hj633-2012";
  if (i == Indicator::so2_1h) return y2012 ? nan() : 200;
  if (i == Indicator::o3_8h) return y2012 ? nan() : 300;
  return 500;
}

struct Case {
  const aqi::Edition* edition;
  std::map<Indicator, std::vector<double>> table;
};

std::vector<Case> both_editions() { return {{&aqi::hj633_2012(), table_2012}, {&aqi::hj633_2026(), table_2026()}}; }

void expect_iaqi(const aqi::Edition& e, Indicator i, double c, double expected) {
  const double got = aqi::iaqi(e, i, c);
  if (std::isnan(expected))
    EXPECT_TRUE(std::isnan(got)) << e.id() << " " << aqi::key(i) << " at " << c << " gave " << got;
  else
    EXPECT_EQ(got, expected) << e.id() << " " << aqi::key(i) << " at " << c;
}

}  // namespace

// A1 + A2: at every breakpoint the IAQI is the row's level; just above it the fraction carries
// to the next whole number; just below it rounds up to the level itself.
TEST(Iaqi, A1EveryBreakpointOfEveryColumnOfBothEditions) {
  for (const auto& [e, table] : both_editions()) {
    for (const auto& [ind, bps] : table) {
      const double delta = aqi::pollutant_of(ind) == aqi::Pollutant::co ? 0.001 : 0.01;
      for (std::size_t p = 0; p < bps.size(); ++p) {
        expect_iaqi(*e, ind, bps[p], levels[p]);
        if (p > 0) expect_iaqi(*e, ind, bps[p] - delta, levels[p]);
        if (p + 1 < bps.size()) expect_iaqi(*e, ind, bps[p] + delta, levels[p] + 1);
      }
    }
  }
}

// A1: the segment midpoint maps to the midpoint of the IAQI interval, exactly.
TEST(Iaqi, A1MidSegmentValuesOfBothEditions) {
  for (const auto& [e, table] : both_editions())
    for (const auto& [ind, bps] : table)
      for (std::size_t p = 0; p + 1 < bps.size(); ++p)
        expect_iaqi(*e, ind, (bps[p] + bps[p + 1]) / 2, (levels[p] + levels[p + 1]) / 2);
}

// A1 by hand, where the editions differ. PM2.5 24h 80: 2012 segment 75–115 → 100 + 50·5/40 =
// 106.25 → 107; 2026 segment 60–115 → 100 + 50·20/55 = 118.18 → 119.
// PM10 24h 130: 2012 50 + 50·80/100 = 90; 2026 segment 120–250 → 100 + 50·10/130 = 103.8 → 104.
TEST(Iaqi, A1A7EditionsDifferAtTheIaqi100Breakpoints) {
  expect_iaqi(aqi::hj633_2012(), Indicator::pm25_24h, 80, 107);
  expect_iaqi(aqi::hj633_2026(), Indicator::pm25_24h, 80, 119);
  expect_iaqi(aqi::hj633_2012(), Indicator::pm10_24h, 130, 90);
  expect_iaqi(aqi::hj633_2026(), Indicator::pm10_24h, 130, 104);
  // 2026: the real-time PM 1-hour means are rated on the 24-hour rows.
  expect_iaqi(aqi::hj633_2026(), Indicator::pm25_1h, 80, 119);
  expect_iaqi(aqi::hj633_2026(), Indicator::pm10_1h, 130, 104);
}

// A2: any fraction carries. PM2.5 35.1: 50 + 50·0.1/40 = 50.125 → 51. NO2 1h 201: 100 +
// 50·1/500 = 100.1 → 101.
TEST(Iaqi, A2RoundsUp) {
  expect_iaqi(aqi::hj633_2012(), Indicator::pm25_24h, 35.1, 51);
  expect_iaqi(aqi::hj633_2012(), Indicator::no2_1h, 201, 101);
}

// A6: exact decimal inputs give the exact result although float arithmetic lands just above.
// CO 1h 65.4: 200 + 100·5.4/30 = 218; O3 1h 160.8: 50 + 50·0.8/40 = 51; PM2.5 4.9: 50·4.9/35 = 7;
// PM10 352.1: 200 + 100·2.1/70 = 203; CO 24h 0.28: 25·0.28 = 7; O3 8h 102.4: 50 + 50·2.4/60 = 52;
// SO2 24h 2120.8: 400 + 100·20.8/520 = 404.
TEST(Iaqi, A6DecimalTrapsAreExact) {
  for (const auto* e : {&aqi::hj633_2012(), &aqi::hj633_2026()}) {
    expect_iaqi(*e, Indicator::co_1h, 65.4, 218);
    expect_iaqi(*e, Indicator::o3_1h, 160.8, 51);
    expect_iaqi(*e, Indicator::co_24h, 0.28, 7);
    expect_iaqi(*e, Indicator::o3_8h, 102.4, 52);
    expect_iaqi(*e, Indicator::so2_24h, 2120.8, 404);
    expect_iaqi(*e, Indicator::pm25_24h, 4.9, 7);
  }
  expect_iaqi(aqi::hj633_2012(), Indicator::pm10_24h, 352.1, 203);
}

// A4 and the A1 notes: above the top breakpoint.
TEST(Iaqi, A4AboveTheTopBreakpoint) {
  for (const auto& [e, table] : both_editions())
    for (const auto& [ind, bps] : table) {
      expect_iaqi(*e, ind, bps.back() + 1, above_top(*e, ind));
      expect_iaqi(*e, ind, bps.back() * 10, above_top(*e, ind));
    }
}

TEST(Iaqi, A4MissingStaysMissing) {
  expect_iaqi(aqi::hj633_2026(), Indicator::pm25_24h, nan(), nan());
  std::vector<double> in{10, nan(), 35}, out(3);
  aqi::iaqi(aqi::hj633_2026(), Indicator::pm25_24h, in, aqi::span<double>(out));
  EXPECT_EQ(out[0], 15);  // 50·10/35 = 14.29 → 15
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_EQ(out[2], 50);
}

TEST(Iaqi, A4ZeroIsZeroNotMinusZero) {
  const double z = aqi::iaqi(aqi::hj633_2026(), Indicator::pm25_24h, 0.0);
  EXPECT_EQ(z, 0.0);
  EXPECT_FALSE(std::signbit(z));
}

// A4: negative or non-finite concentrations are reported, naming the first bad index.
TEST(Iaqi, A4BadInputNamesTheFirstBadIndex) {
  std::vector<double> in{10, 20, -3, -5}, out(4);
  EXPECT_THROW_MSG(aqi::iaqi(aqi::hj633_2026(), Indicator::pm25_24h, in, aqi::span<double>(out)), aqi::InvalidValue,
                   "pm25_24h[2]: negative concentration -3 (SPEC A4)");
  std::vector<double> inf{1, std::numeric_limits<double>::infinity()};
  std::vector<double> out2(2);
  EXPECT_THROW_MSG(aqi::iaqi(aqi::hj633_2026(), Indicator::co_1h, inf, aqi::span<double>(out2)), aqi::InvalidValue,
                   "co_1h[1]: infinite concentration (SPEC A4)");
  EXPECT_THROW_MSG(aqi::iaqi(aqi::hj633_2026(), Indicator::o3_1h, -std::numeric_limits<double>::infinity()),
                   aqi::InvalidValue, "o3_1h[0]: infinite concentration -inf (SPEC A4)");
}

// The first bad index is found across the chunks of a multi-threaded call.
TEST(Iaqi, A4BadInputIndexAcrossThreads) {
  std::vector<double> in(200000, 50.0), out(in.size());
  in[150001] = -1;
  in[199999] = -2;
  aqi::IaqiOptions opt;
  opt.parallelism.threads = 4;
  opt.parallelism.min_per_thread = 1000;
  EXPECT_THROW_MSG(aqi::iaqi(aqi::hj633_2026(), Indicator::pm10_24h, in, aqi::span<double>(out), opt),
                   aqi::InvalidValue, "pm10_24h[150001]: negative concentration -1 (SPEC A4)");
}

TEST(Iaqi, ThreadedEqualsSequential) {
  std::vector<double> in(300001);
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = static_cast<double>(i % 6001) / 10.0;
  aqi::IaqiOptions one, many;
  one.parallelism.threads = 1;
  many.parallelism.threads = 3;
  many.parallelism.min_per_thread = 1000;
  EXPECT_EQ(aqi::iaqi(aqi::hj633_2012(), Indicator::pm10_24h, in, one),
            aqi::iaqi(aqi::hj633_2012(), Indicator::pm10_24h, in, many));
}

// A7: an indicator the edition does not rate is an unknown name for it.
TEST(Iaqi, A7Pm1hIsNotRatedBy2012) {
  EXPECT_THROW_MSG(aqi::iaqi(aqi::hj633_2012(), Indicator::pm25_1h, 10.0), aqi::UnknownName,
                   "pm25_1h is not rated by hj633-2012");
}

// A6 option: rounding to the reporting precision (GB/T 8170, half to even) is explicit.
// PM2.5 35.4 → 35 → IAQI 50 (unrounded 51); 35.5 → 36 → 50 + 50/40 = 51.25 → 52;
// 34.5 → 34 → 50·34/35 = 48.6 → 49; CO 24h 2.05 → 2.0 → 50 (unrounded 50 + 25·0.05... = 51.25 → 52);
// CO 24h 1.15 → 1.2 → 25·1.2 = 30.
TEST(Iaqi, A6RoundingInputsIsAnExplicitOption) {
  aqi::IaqiOptions r;
  r.round_inputs = true;
  const auto& e = aqi::hj633_2012();
  EXPECT_EQ(aqi::iaqi(e, Indicator::pm25_24h, 35.4), 51);
  EXPECT_EQ(aqi::iaqi(e, Indicator::pm25_24h, 35.4, r), 50);
  EXPECT_EQ(aqi::iaqi(e, Indicator::pm25_24h, 35.5, r), 52);
  EXPECT_EQ(aqi::iaqi(e, Indicator::pm25_24h, 34.5, r), 49);
  EXPECT_EQ(aqi::iaqi(e, Indicator::co_24h, 2.05), 52);
  EXPECT_EQ(aqi::iaqi(e, Indicator::co_24h, 2.05, r), 50);
  EXPECT_EQ(aqi::iaqi(e, Indicator::co_24h, 1.15, r), 30);
  // A negative value is bad input even when it would round to 0.
  std::vector<double> in{-0.3}, out(1);
  EXPECT_THROW_MSG(aqi::iaqi(e, Indicator::pm25_24h, in, aqi::span<double>(out), r), aqi::InvalidValue,
                   "pm25_24h[0]: negative concentration -0.3 (SPEC A4)");
}

// Every instruction set the build provides gives exactly the scalar reference, on values that
// straddle every breakpoint, the top, NaN and zero.
TEST(Iaqi, EveryPackMatchesTheScalarReference) {
  std::vector<double> in;
  for (const auto& [e, table] : both_editions())
    for (const auto& [ind, bps] : table)
      for (double bp : bps)
        for (double d : {-0.001, 0.0, 0.001, 0.5}) in.push_back(std::max(0.0, bp + d));
  for (int i = 0; i < 1000; ++i) in.push_back(i * 0.7);
  in.push_back(nan());
  for (const auto* e : {&aqi::hj633_2012(), &aqi::hj633_2026()})
    for (auto ind : aqi::all_indicators) {
      if (!e->rates(ind)) continue;
      const aqi::detail::IaqiKernel k(*e, ind);
      std::vector<double> ref(in.size()), got(in.size());
      for (std::size_t i = 0; i < in.size(); ++i) ref[i] = aqi::detail::iaqi_scalar(k, in[i]);
      auto same = [&](const char* name) {
        for (std::size_t i = 0; i < in.size(); ++i)
          ASSERT_TRUE(ref[i] == got[i] || (std::isnan(ref[i]) && std::isnan(got[i])))
              << name << " " << e->id() << " " << aqi::key(ind) << " at " << in[i];
      };
      aqi::detail::iaqi_span_with<aqi::detail::simd::Scalar>(k, in.data(), got.data(), in.size());
      same("scalar");
#if defined(__AVX2__) && defined(__FMA__)
      aqi::detail::iaqi_span_with<aqi::detail::simd::Avx2>(k, in.data(), got.data(), in.size());
      same("avx2");
#endif
#if defined(__AVX512F__)
      aqi::detail::iaqi_span_with<aqi::detail::simd::Avx512>(k, in.data(), got.data(), in.size());
      same("avx512");
#endif
    }
}

// docs/errors.md, "Numeric entry points" (SPEC A4, A5, A7).
TEST(Iaqi, OutputOfAnotherLengthAndMissingInput) {
  const auto& e = aqi::hj633_2026();
  std::vector<double> three{1, 2, 3}, two(2);
  EXPECT_THROW_MSG(aqi::iaqi(e, Indicator::pm25_24h, three, aqi::span<double>(two)), aqi::InvalidArgument,
                   "iaqi: output has 2 elements, input has 3");
  const double not_a_number = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(aqi::iaqi(e, Indicator::pm25_24h, not_a_number)));  // NaN is missing, not an error (A4)
}

// fuzz_iaqi (corpus/iaqi/regression-round-huge-co): rounding CO 1.8e308 to 0.1 mg/m³ scaled it
// by 10 to infinity, and the valid input was reported as "negative concentration 1.8e308".
TEST(Iaqi, RoundingTheLargestConcentrationKeepsIt) {
  constexpr double huge = std::numeric_limits<double>::max();
  aqi::IaqiOptions o;
  o.round_inputs = true;
  EXPECT_EQ(aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::co_1h, huge, o), 500);
  const std::vector<double> c{1.5, huge};
  EXPECT_EQ(aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::co_1h, c, o), (std::vector<double>{15, 500}));
}
