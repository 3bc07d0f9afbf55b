// Batch warning classification: stations × ensemble members × hours (SPEC W1–W9 per series),
// against reading the same bytes once, and where its time goes: the read and W9 check alone,
// the condition bitsets of the day-means, the run automaton, threads (docs/performance.md).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/detail/day_mean_bits.hpp"
#include "aqi/detail/simd.hpp"
#include "aqi/warning/classify_batch.hpp"

namespace {

constexpr std::size_t stations = 1700, members = 50, hours = 240;

// Hourly AQI with a diurnal cycle and multi-day episodes (as bench/compare_warnings.py).
const std::vector<double>& data() {
  static const std::vector<double> x = [] {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u(0, 1);
    std::lognormal_distribution<double> noise(0, 0.1);
    std::vector<double> v(stations * members * hours);
    for (std::size_t s = 0; s < stations; ++s) {
      const double base = 60 + 160 * u(rng);
      for (std::size_t m = 0; m < members; ++m) {
        const double amp = 1.6 * u(rng), centre = 48 + 144 * u(rng);
        for (std::size_t t = 0; t < hours; ++t) {
          const double e = amp * std::exp(-std::pow((static_cast<double>(t) - centre) / 40, 2));
          double x =
              std::round(base * (1 + e) * (1 + 0.15 * std::sin(2 * M_PI * static_cast<double>(t) / 24)) * noise(rng));
          if (u(rng) < 0.01) x = std::nan("");
          v[(s * members + m) * hours + t] = x;
        }
      }
    }
    return v;
  }();
  return x;
}

void BM_ClassifyBatch(benchmark::State& state) {
  const auto& x = data();
  std::vector<std::int8_t> out(stations * members);
  aqi::Parallelism p;
  p.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    aqi::classify_batch(x, {stations, members, hours}, aqi::SeriesKind::hourly, aqi::yiyuan_2019(), out, p);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * stations * members));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * x.size() * sizeof(double)));
}

// One thread, series by series, stopping after stage 0 (read, W9 check, peak), 1 (+ condition
// bitsets of the day-means) or 2 (+ the run automaton: the whole classification).
void BM_Stages(benchmark::State& state) {
  const auto& x = data();
  const auto& rules = aqi::yiyuan_2019();
  const aqi::detail::CompiledRules compiled(rules);
  aqi::detail::DayMeanBits<aqi::detail::simd::Widest> bits(hours, compiled.conditions());
  std::vector<std::uint64_t> scratch(compiled.scratch_words(bits.words()));
  const auto stage = state.range(0);
  for (auto _ : state) {
    int sum = 0;
    for (std::size_t s = 0; s < stations * members; ++s) {
      const aqi::detail::HourScan scan = bits.scan(x.data() + s * hours);
      sum += static_cast<int>(scan.high);
      if (stage == 0 || !aqi::detail::any_base_holds_up_to(rules, scan.high)) continue;
      bits.compute(scan);
      sum += static_cast<int>(bits.bits(0)[1] & 1);
      if (stage == 2) sum += compiled.level_bits(bits.bits(0), bits.words(), hours, scratch.data());
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * x.size() * sizeof(double)));
}

// The day-means as the single-series path computes them (and the batch did before issue 17):
// min/max, then day_means() into memory, for every series.
void BM_DayMeansIntoMemory(benchmark::State& state) {
  const auto& x = data();
  std::vector<double> m(hours + 24), work(6 * hours);
  for (auto _ : state) {
    for (std::size_t s = 0; s < stations * members; ++s) {
      double low, high;
      aqi::detail::min_max(x.data() + s * hours, hours, low, high);
      aqi::detail::day_means(x.data() + s * hours, nullptr, hours, m.data(), work.data());
      benchmark::DoNotOptimize(m.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * x.size() * sizeof(double)));
}

void BM_StreamSum(benchmark::State& state) {
  using P = aqi::detail::simd::Widest;
  const auto& x = data();
  for (auto _ : state) {
    P::D s0 = P::set1(0.0), s1 = s0, s2 = s0, s3 = s0;
    for (std::size_t i = 0; i + 4 * P::width <= x.size(); i += 4 * P::width) {
      s0 = P::add(s0, P::load(x.data() + i));
      s1 = P::add(s1, P::load(x.data() + i + P::width));
      s2 = P::add(s2, P::load(x.data() + i + 2 * P::width));
      s3 = P::add(s3, P::load(x.data() + i + 3 * P::width));
    }
    benchmark::DoNotOptimize(s0);
    benchmark::DoNotOptimize(s1);
    benchmark::DoNotOptimize(s2);
    benchmark::DoNotOptimize(s3);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * x.size() * sizeof(double)));
}

}  // namespace

BENCHMARK(BM_ClassifyBatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Stages)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DayMeansIntoMemory)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StreamSum)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
