// AQI of records — SPEC A2 (whole numbers), A3 (max, primary pollutants, categories, daily
// indicators per edition), A4 (beyond scale, bad input), A1 notes (2012 substitutions), A7.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "aqi/index/air_quality_index.hpp"
#include "test_support.hpp"

using aqi::Category;
using aqi::Indicator;
using aqi::Period;
using boost::gregorian::date;

namespace {
double nan() { return std::numeric_limits<double>::quiet_NaN(); }
}  // namespace

// A3: PM2.5 80 → 107, PM10 130 → 90, NO2 40 → 50, SO2 10 → 10, CO 1 → 25, O3 8h 50 → 25
// (2012 by hand): AQI 107, primary PM2.5, category III (101–150, 轻度污染).
TEST(AirQualityIndex, A3MaximumPrimaryAndCategory) {
  const auto rec = aqi::Concentrations{}
                       .set(Indicator::pm25_24h, 80)
                       .set(Indicator::pm10_24h, 130)
                       .set(Indicator::no2_24h, 40)
                       .set(Indicator::so2_24h, 10)
                       .set(Indicator::co_24h, 1)
                       .set(Indicator::o3_8h, 50);
  const auto r = aqi::air_quality_index(aqi::hj633_2012(), rec, Period::daily);
  EXPECT_EQ(r.aqi, 107);
  EXPECT_EQ(r.primary.to_string(), "PM2.5");
  EXPECT_EQ(r.category, Category::lightly_polluted);
  EXPECT_FALSE(r.beyond_scale);
  EXPECT_EQ(r.edition, "hj633-2012");
  // Under 2026 the same record: PM2.5 → 119, PM10 → 104: AQI 119.
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2026(), rec, Period::daily).aqi, 119);
}

// A3: every pollutant whose IAQI equals the AQI is primary. PM2.5 75 → 100 and PM10 150 → 100.
TEST(AirQualityIndex, A3TiedPrimaryPollutants) {
  const auto rec = aqi::Concentrations{}.set(Indicator::pm25_24h, 75).set(Indicator::pm10_24h, 150);
  const auto r = aqi::air_quality_index(aqi::hj633_2012(), rec, Period::daily);
  EXPECT_EQ(r.aqi, 100);
  EXPECT_EQ(r.primary.to_string(), "PM2.5,PM10");
  EXPECT_EQ(r.category, Category::moderate);
}

// A3: no primary pollutant when AQI ≤ 50; one when AQI is 51.
TEST(AirQualityIndex, A3NoPrimaryAtOrBelow50) {
  auto r = aqi::air_quality_index(aqi::hj633_2026(), aqi::Concentrations{}.set(Indicator::pm25_24h, 35), Period::daily);
  EXPECT_EQ(r.aqi, 50);
  EXPECT_TRUE(r.primary.empty());
  EXPECT_EQ(r.category, Category::good);
  r = aqi::air_quality_index(aqi::hj633_2026(), aqi::Concentrations{}.set(Indicator::pm25_24h, 35.1), Period::daily);
  EXPECT_EQ(r.aqi, 51);
  EXPECT_EQ(r.primary.to_string(), "PM2.5");
}

// A3 categories at their bounds: 50|51, 100|101, 150|151, 200|201, 300|301.
TEST(AirQualityIndex, A3CategoryBounds) {
  EXPECT_EQ(aqi::category_of(0), Category::good);
  EXPECT_EQ(aqi::category_of(50), Category::good);
  EXPECT_EQ(aqi::category_of(51), Category::moderate);
  EXPECT_EQ(aqi::category_of(100), Category::moderate);
  EXPECT_EQ(aqi::category_of(101), Category::lightly_polluted);
  EXPECT_EQ(aqi::category_of(150), Category::lightly_polluted);
  EXPECT_EQ(aqi::category_of(151), Category::moderately_polluted);
  EXPECT_EQ(aqi::category_of(200), Category::moderately_polluted);
  EXPECT_EQ(aqi::category_of(201), Category::heavily_polluted);
  EXPECT_EQ(aqi::category_of(300), Category::heavily_polluted);
  EXPECT_EQ(aqi::category_of(301), Category::severely_polluted);
  EXPECT_EQ(aqi::category_of(500), Category::severely_polluted);
  EXPECT_EQ(aqi::category_of(nan()), Category::missing);
}

// A3: the 2012 daily AQI rates the daily maximum 1-hour O3; the 2026 one does not.
// O3 1h 250 → 100 + 50·50/100 = 125 (both tables); PM2.5 50 → 50 + 50·15/40 = 68.75 → 69 (2012)
// and 50·... 2026: 50 + 50·15/25 = 80.
TEST(AirQualityIndex, A3DailyIndicatorsPerEdition) {
  const auto rec = aqi::Concentrations{}.set(Indicator::pm25_24h, 50).set(Indicator::o3_1h, 250);
  const auto r12 = aqi::air_quality_index(aqi::hj633_2012(), rec, Period::daily);
  EXPECT_EQ(r12.aqi, 125);
  EXPECT_EQ(r12.primary.to_string(), "O3");
  const auto r26 = aqi::air_quality_index(aqi::hj633_2026(), rec, Period::daily);
  EXPECT_EQ(r26.aqi, 80);
  EXPECT_EQ(r26.primary.to_string(), "PM2.5");
  ASSERT_EQ(r26.use.ignored.size(), 1u);
  EXPECT_EQ(r26.use.ignored[0], Indicator::o3_1h);
  // The hourly 2026 report does rate O3 1h.
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2026(),
                                   aqi::Concentrations{}.set(Indicator::pm25_1h, 50).set(Indicator::o3_1h, 250),
                                   Period::hourly)
                .aqi,
            125);
}

// A1 note (a), 2012: SO2 1h above 800 is not rated; the SO2 IAQI comes from the 24-hour mean.
// SO2 24h 700 → 150 + 50·225/325 = 184.6 → 185. Without a 24-hour value the SO2 IAQI, and so
// the AQI, is unknown (NaN), never silently lower.
TEST(AirQualityIndex, A1So2HourlySubstitution2012) {
  auto rec = aqi::Concentrations{}.set(Indicator::so2_1h, 900).set(Indicator::so2_24h, 700).set(Indicator::no2_1h, 100);
  auto r = aqi::air_quality_index(aqi::hj633_2012(), rec, Period::hourly);
  EXPECT_EQ(r.aqi, 185);
  EXPECT_EQ(r.primary.to_string(), "SO2");
  ASSERT_EQ(r.use.substitutes.size(), 1u);
  EXPECT_EQ(r.use.substitutes[0], Indicator::so2_24h);
  // At or below 800 the 1-hour value is rated and the 24-hour one is not an hourly indicator:
  // SO2 1h 650 → 150.
  rec.set(Indicator::so2_1h, 650);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), rec, Period::hourly).aqi, 150);
  const auto alone = aqi::Concentrations{}.set(Indicator::so2_1h, 900).set(Indicator::no2_1h, 100);
  r = aqi::air_quality_index(aqi::hj633_2012(), alone, Period::hourly);
  EXPECT_TRUE(std::isnan(r.aqi));
  EXPECT_EQ(r.category, Category::missing);
  // 2026 note b: SO2 1h above 800 counts as IAQI 200.
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2026(), alone, Period::hourly).aqi, 200);
}

// A1 note (b), 2012: O3 8h above 800 is rated from the 1-hour value. O3 1h 900 → 300 +
// 100·100/200 = 350. 2026 note c: O3 8h above 800 counts as 300.
TEST(AirQualityIndex, A1O3EightHourSubstitution) {
  const auto rec = aqi::Concentrations{}.set(Indicator::o3_8h, 850).set(Indicator::o3_1h, 900);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), rec, Period::daily).aqi, 350);
  const auto only8 = aqi::Concentrations{}.set(Indicator::o3_8h, 850).set(Indicator::pm25_24h, 10);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2026(), only8, Period::daily).aqi, 300);
  EXPECT_TRUE(std::isnan(aqi::air_quality_index(aqi::hj633_2012(), only8, Period::daily).aqi));
}

// A4: above the top breakpoint the IAQI is 500 and the record is flagged beyond scale.
TEST(AirQualityIndex, A4BeyondScale) {
  auto r =
      aqi::air_quality_index(aqi::hj633_2026(), aqi::Concentrations{}.set(Indicator::pm25_24h, 620), Period::daily);
  EXPECT_EQ(r.aqi, 500);
  EXPECT_TRUE(r.beyond_scale);
  EXPECT_EQ(r.category, Category::severely_polluted);
  r = aqi::air_quality_index(aqi::hj633_2026(), aqi::Concentrations{}.set(Indicator::pm25_24h, 500), Period::daily);
  EXPECT_EQ(r.aqi, 500);
  EXPECT_FALSE(r.beyond_scale);  // exactly the top breakpoint is on the scale
}

// Missing values: the AQI is the maximum over the indicators that were measured; a record with
// none is missing.
TEST(AirQualityIndex, MissingIndicators) {
  std::vector<double> pm25{nan(), 80, nan()}, pm10{130, nan(), nan()};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}, {Indicator::pm10_24h, pm10}};
  const auto t = aqi::air_quality_index(aqi::hj633_2012(), cols, Period::daily);
  EXPECT_EQ(t.aqi[0], 90);
  EXPECT_EQ(t.aqi[1], 107);
  EXPECT_TRUE(std::isnan(t.aqi[2]));
  EXPECT_EQ(t.category[2], 0);
  EXPECT_EQ(t.primary_mask[2], 0);
}

// A4: the first bad value in record order is reported, whichever column holds it.
TEST(AirQualityIndex, A4BadInputNamesColumnAndRecord) {
  std::vector<double> pm25{1, 2, 3, -4, 5, 6}, pm10{1, 2, -3, 4, 5, 6};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}, {Indicator::pm10_24h, pm10}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::hj633_2026(), cols, Period::daily), aqi::InvalidValue,
                   "pm10_24h[2]: negative concentration -3 (SPEC A4)");
}

TEST(AirQualityIndex, ColumnErrors) {
  std::vector<double> a{1, 2}, b{1};
  std::vector<aqi::IndicatorColumn> mismatch{{Indicator::pm25_24h, a}, {Indicator::pm10_24h, b}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::hj633_2026(), mismatch, Period::daily), aqi::InvalidArgument,
                   "column pm10_24h has 1 values, expected 2");
  std::vector<aqi::IndicatorColumn> twice{{Indicator::pm25_24h, a}, {Indicator::pm25_24h, a}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::hj633_2026(), twice, Period::daily), aqi::InvalidArgument,
                   "column pm25_24h is given twice");
  std::vector<aqi::IndicatorColumn> unrated{{Indicator::pm25_1h, a}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::hj633_2012(), unrated, Period::hourly), aqi::UnknownName,
                   "pm25_1h is not rated by hj633-2012");
  std::vector<aqi::IndicatorColumn> none{{Indicator::so2_1h, a}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::hj633_2026(), none, Period::daily), aqi::InvalidArgument,
                   "no indicator of the daily AQI under hj633-2026 among the columns; expected some of: "
                   "so2_24h, no2_24h, pm10_24h, co_24h, o3_8h, pm25_24h");
}

// A7: dated records take the edition in force on their date: HJ 633-2026 from 2026-03-01.
// PM2.5 80 → 107 under 2012 (2026-02-28) and 119 under 2026 (2026-03-01).
TEST(AirQualityIndex, A7EditionByDate) {
  std::vector<date> dates{date(2019, 12, 1), date(2026, 2, 28), date(2026, 3, 1)};
  std::vector<double> pm25{80, 80, 80};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}};
  const auto t = aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily);
  EXPECT_EQ(t.aqi, (std::vector<double>{107, 107, 119}));
  EXPECT_EQ(t.record_edition[0]->id(), "hj633-2012");
  EXPECT_EQ(t.record_edition[1]->id(), "hj633-2012");
  EXPECT_EQ(t.record_edition[2]->id(), "hj633-2026");
  ASSERT_EQ(t.uses.size(), 2u);
}

TEST(AirQualityIndex, A7BadValueIndexIsInTheWholeTable) {
  std::vector<date> dates{date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 2)};
  std::vector<double> pm25{80, 80, -1};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily), aqi::InvalidValue,
                   "pm25_24h[2]: negative concentration -1 (SPEC A4)");
}

TEST(AirQualityIndex, ThreadedEqualsSequential) {
  const std::size_t n = 100003;
  std::vector<double> pm25(n), pm10(n), o3(n);
  for (std::size_t i = 0; i < n; ++i) {
    pm25[i] = static_cast<double>(i % 5011) / 10.0;
    pm10[i] = static_cast<double>(i % 6007) / 10.0;
    o3[i] = (i % 97 == 0) ? nan() : static_cast<double>(i % 811);
  }
  std::vector<aqi::IndicatorColumn> cols{
      {Indicator::pm25_24h, pm25}, {Indicator::pm10_24h, pm10}, {Indicator::o3_8h, o3}};
  aqi::IaqiOptions one, many;
  one.parallelism.threads = 1;
  many.parallelism.threads = 4;
  many.parallelism.min_per_thread = 1000;
  const auto a = aqi::air_quality_index(aqi::hj633_2026(), cols, Period::daily, one);
  const auto b = aqi::air_quality_index(aqi::hj633_2026(), cols, Period::daily, many);
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_TRUE(a.aqi[i] == b.aqi[i] || (std::isnan(a.aqi[i]) && std::isnan(b.aqi[i]))) << i;
  }
  EXPECT_EQ(a.primary_mask, b.primary_mask);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.beyond_scale, b.beyond_scale);
}

// The record kernel per instruction set equals the scalar one, substitutions and ties included.
TEST(AirQualityIndex, EveryPackMatchesTheScalarReference) {
  const std::size_t n = 4099;  // not a multiple of any pack width
  std::vector<double> so2_1h(n), so2_24h(n), no2_1h(n), pm25(n), o3_1h(n), o3_8h(n);
  for (std::size_t i = 0; i < n; ++i) {
    so2_1h[i] = static_cast<double>(i % 1001);  // crosses 800: 2012 substitution
    so2_24h[i] = (i % 13 == 0) ? nan() : static_cast<double>(i % 2700);
    no2_1h[i] = static_cast<double>((i * 7) % 4000);
    pm25[i] = static_cast<double>(i % 520);
    o3_1h[i] = static_cast<double>((i * 3) % 1300);
    o3_8h[i] = (i % 17 == 0) ? nan() : static_cast<double>((i * 5) % 900);
  }
  for (const auto* e : {&aqi::hj633_2012(), &aqi::hj633_2026()}) {
    std::vector<aqi::IndicatorColumn> cols{{Indicator::so2_1h, so2_1h},
                                           {Indicator::so2_24h, so2_24h},
                                           {Indicator::no2_1h, no2_1h},
                                           {Indicator::o3_1h, o3_1h},
                                           {Indicator::o3_8h, o3_8h}};
    if (e->rates(Indicator::pm25_1h)) cols.push_back({Indicator::pm25_1h, pm25});
    const auto plan = aqi::detail::plan_aqi(*e, cols, Period::hourly, n);
    auto run = [&](auto pack) {
      using P = decltype(pack);
      aqi::AqiTable t;
      t.resize(n);
      aqi::detail::aqi_span_with<P>(plan, 0, n, t.columns(0, n));
      return t;
    };
    const auto ref = run(aqi::detail::simd::Scalar{});
    auto same = [&](const aqi::AqiTable& t, const char* name) {
      for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(ref.aqi[i] == t.aqi[i] || (std::isnan(ref.aqi[i]) && std::isnan(t.aqi[i]))) << name << " " << i;
      EXPECT_EQ(ref.primary_mask, t.primary_mask) << name;
      EXPECT_EQ(ref.category, t.category) << name;
      EXPECT_EQ(ref.beyond_scale, t.beyond_scale) << name;
    };
#if defined(__AVX2__) && defined(__FMA__)
    same(run(aqi::detail::simd::Avx2{}), "avx2");
#endif
#if defined(__AVX512F__)
    same(run(aqi::detail::simd::Avx512{}), "avx512");
#endif
  }
}

// docs/errors.md, "Numeric entry points" (SPEC A4, A5, A7).
TEST(AirQualityIndex, OutputsOrDatesOfAnotherLength) {
  const auto& e = aqi::hj633_2026();
  std::vector<double> three{1, 2, 3};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, three}};
  double a[2];
  std::uint8_t mask[1], beyond[1];
  std::int8_t category[1];
  EXPECT_THROW_MSG(
      aqi::air_quality_index(e, cols, Period::daily, aqi::AqiColumns{{a, 2}, {mask, 1}, {category, 1}, {beyond, 1}}),
      aqi::InvalidArgument, "air_quality_index: output columns differ in length");
  const std::vector<date> dates{date(2019, 12, 1), date(2019, 12, 2)};
  EXPECT_THROW_MSG(aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily), aqi::InvalidArgument,
                   "column pm25_24h has 3 values for 2 dates");
}

// Safe lifetimes (issue 12): a table rated by an edition the caller loaded keeps its own copy of
// it, so the edition may be a temporary. Before, record_edition held a pointer to the caller's
// object: reading it after the call was a use after free (AddressSanitizer: heap-use-after-free).
TEST(AirQualityIndex, A7TableOwnsATemporaryEdition) {
  std::vector<double> pm25{80, 10};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}};
  const auto t = aqi::air_quality_index(aqi::Edition::load(std::string(AQI_RULES_DIR) + "/editions/hj633-2012.toml"),
                                        cols, Period::daily);
  // PM2.5 80 → 100 + 50·5/40 = 106.25 → 107; 10 → 50·10/35 = 14.3 → 15 (HJ 633-2012, A1, A2).
  EXPECT_EQ(t.aqi, (std::vector<double>{107, 15}));
  ASSERT_EQ(t.record_edition.size(), 2u);
  EXPECT_EQ(t.record_edition[1]->id(), "hj633-2012");
  EXPECT_NE(t.record_edition[1], &aqi::hj633_2012());  // the table's own copy, not the built-in
  EXPECT_EQ(t.record_edition[0]->table(Indicator::pm25_24h).concentration[2], 75);
  ASSERT_EQ(t.uses.size(), 1u);
  EXPECT_EQ(t.uses[0].first.get(), t.record_edition[0]);
  // A copy of the table outlives the original and still reads its edition.
  std::optional<aqi::AqiTable> original(t);
  const aqi::AqiTable copy = *original;
  original.reset();
  EXPECT_EQ(copy.record_edition[0]->id(), "hj633-2012");
  EXPECT_EQ(copy.uses[0].first->title(), t.uses[0].first->title());
}

// A7: dated records share the built-in editions (aliased, never copied) and index them with one
// byte per record.
TEST(AirQualityIndex, A7DatedRecordsIndexTheBuiltInEditions) {
  std::vector<date> dates{date(2026, 2, 28), date(2026, 3, 1), date(2026, 2, 27)};
  std::vector<double> pm25{80, 80, 80};
  std::vector<aqi::IndicatorColumn> cols{{Indicator::pm25_24h, pm25}};
  const auto t = aqi::air_quality_index(aqi::span<const date>(dates), cols, Period::daily);
  EXPECT_EQ(t.aqi, (std::vector<double>{107, 119, 107}));
  EXPECT_EQ(t.record_edition.indices(), (std::vector<std::uint8_t>{0, 1, 0}));
  ASSERT_EQ(t.record_edition.editions().size(), 2u);
  EXPECT_EQ(t.record_edition[0], &aqi::hj633_2012());
  EXPECT_EQ(t.record_edition[1], &aqi::hj633_2026());
}
