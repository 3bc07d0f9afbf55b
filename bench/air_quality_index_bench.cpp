// IAQI and AQI over a million records × six pollutants, against the machine's limit: reading
// the same bytes once (a plain sum).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "aqi/index/air_quality_index.hpp"
#include "aqi/detail/simd.hpp"

namespace {

constexpr std::size_t records = 1'000'000;

struct Data {
  std::vector<std::vector<double>> columns;
  std::vector<aqi::IndicatorColumn> views;
  Data() {
    // Realistic daily means: log-normal around winter levels, one decimal (CO two).
    std::mt19937_64 rng(42);
    const std::vector<std::pair<aqi::Indicator, double>> spec{
        {aqi::Indicator::pm25_24h, 75}, {aqi::Indicator::pm10_24h, 130}, {aqi::Indicator::so2_24h, 30},
        {aqi::Indicator::no2_24h, 45},  {aqi::Indicator::co_24h, 1.3},   {aqi::Indicator::o3_8h, 80}};
    for (auto [ind, median] : spec) {
      std::lognormal_distribution<double> d(std::log(median), 0.7);
      std::vector<double> v(records);
      const double scale = ind == aqi::Indicator::co_24h ? 100 : 10;
      for (auto& x : v) x = std::round(d(rng) * scale) / scale;
      columns.push_back(std::move(v));
      views.push_back({ind, columns.back()});
    }
  }
};

const Data& data() {
  static const Data d;
  return d;
}

void set_bytes(benchmark::State& state, std::size_t columns) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records * columns));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * records * columns * sizeof(double)));
}

aqi::IaqiOptions threads(const benchmark::State& state) {
  aqi::IaqiOptions o;
  o.parallelism.threads = static_cast<unsigned>(state.range(0));
  return o;
}

void BM_Iaqi(benchmark::State& state) {
  const auto& d = data();
  std::vector<double> out(records);
  for (auto _ : state) {
    aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::pm25_24h, d.columns[0], aqi::span<double>(out), threads(state));
    benchmark::DoNotOptimize(out.data());
  }
  set_bytes(state, 1);
}

void BM_Aqi(benchmark::State& state) {
  const auto& d = data();
  std::vector<double> a(records);
  std::vector<std::uint8_t> mask(records), beyond(records);
  std::vector<std::int8_t> cat(records);
  for (auto _ : state) {
    aqi::air_quality_index(aqi::hj633_2026(), d.views, aqi::Period::daily, aqi::AqiColumns{a, mask, cat, beyond},
                           threads(state));
    benchmark::DoNotOptimize(a.data());
  }
  set_bytes(state, 6);
}

// The floor: read every input byte once, with the widest vectors and independent sums.
void BM_StreamSum(benchmark::State& state) {
  using P = aqi::detail::simd::Widest;
  const auto& d = data();
  for (auto _ : state) {
    P::D s0 = P::set1(0.0), s1 = s0, s2 = s0, s3 = s0;
    for (const auto& c : d.columns)
      for (std::size_t i = 0; i + 4 * P::width <= c.size(); i += 4 * P::width) {
        s0 = P::add(s0, P::load(c.data() + i));
        s1 = P::add(s1, P::load(c.data() + i + P::width));
        s2 = P::add(s2, P::load(c.data() + i + 2 * P::width));
        s3 = P::add(s3, P::load(c.data() + i + 3 * P::width));
      }
    benchmark::DoNotOptimize(s0);
    benchmark::DoNotOptimize(s1);
    benchmark::DoNotOptimize(s2);
    benchmark::DoNotOptimize(s3);
  }
  set_bytes(state, 6);
}

}  // namespace

BENCHMARK(BM_Iaqi)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Aqi)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StreamSum)->Unit(benchmark::kMillisecond)->UseRealTime();

namespace {
// The same kernel per instruction set, single thread: how much each pack width buys.
template <class P>
void BM_AqiPack(benchmark::State& state) {
  const auto& d = data();
  std::vector<double> a(records);
  std::vector<std::uint8_t> mask(records), beyond(records);
  std::vector<std::int8_t> cat(records);
  const aqi::AqiColumns out{a, mask, cat, beyond};
  const auto plan = aqi::detail::plan_aqi(aqi::hj633_2026(), d.views, aqi::Period::daily, records);
  for (auto _ : state) {
    benchmark::DoNotOptimize(aqi::detail::aqi_span_with<P>(plan, 0, records, out));
    benchmark::DoNotOptimize(a.data());
  }
  set_bytes(state, 6);
}
}  // namespace
BENCHMARK(BM_AqiPack<aqi::detail::simd::Scalar>)->Unit(benchmark::kMillisecond)->UseRealTime();
#if defined(__AVX2__) && defined(__FMA__)
BENCHMARK(BM_AqiPack<aqi::detail::simd::Avx2>)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif
#if defined(__AVX512F__)
BENCHMARK(BM_AqiPack<aqi::detail::simd::Avx512>)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif
BENCHMARK_MAIN();
