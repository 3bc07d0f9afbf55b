// The brick-kiln rotation (SPEC K5) for 10,000 kilns with random capacities: time, and the gap
// to the LP-relaxation bound. Goal: under one second, gap ≤ 1 %. Every schedule is checked by
// the validator (K7) before it is timed; a violation or a gap above 1 % fails the benchmark.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"

namespace {

// Realistic: capacities log-normal around 10 (10,000 bricks a day per line), 10 % of the kilns
// with 2–4 lines. Uniform: capacities uniform in [1, 100), every kiln one line (the hardest
// case for balancing: nothing constant to lean on).
std::vector<aqi::Kiln> make_kilns(std::size_t n, bool realistic, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> lognormal(std::log(10.0), 0.5);
  std::uniform_real_distribution<double> uniform(1.0, 100.0);
  std::uniform_int_distribution<int> lines(2, 4), tenth(0, 9);
  std::vector<aqi::Kiln> k;
  k.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const int l = realistic && tenth(rng) == 0 ? lines(rng) : 1;
    k.push_back({"K" + std::to_string(i), l, realistic ? lognormal(rng) : uniform(rng)});
  }
  return k;
}

bool check(benchmark::State& state, const std::vector<aqi::Kiln>& kilns, const aqi::KilnSchedule& s) {
  const auto violations = aqi::validate_kiln_schedule(kilns, s.windows, s.season);
  if (!violations.empty()) {
    state.SkipWithError(("invalid schedule: " + violations.front().message).c_str());
    return false;
  }
  if (s.gap > 0.01) {
    state.SkipWithError(("gap " + std::to_string(100 * s.gap) + " % above 1 %").c_str());
    return false;
  }
  return true;
}

void report(benchmark::State& state, const aqi::KilnSchedule& s) {
  state.counters["kilns"] = static_cast<double>(s.kiln_batch.size());
  state.counters["gap_pct"] = 100 * s.gap;
  state.counters["objective"] = s.objective;
  state.counters["bound"] = s.bound;
}

void BM_KilnSchedule(benchmark::State& state, bool realistic) {
  const auto kilns = make_kilns(static_cast<std::size_t>(state.range(0)), realistic, 2019);
  aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  if (!check(state, kilns, s)) return;
  for (auto _ : state) {
    s = aqi::schedule_kilns(kilns, 2019);
    benchmark::DoNotOptimize(s.objective);
  }
  report(state, s);
}

// The exact search at its limit (3^12 = 531,441 assignments).
void BM_KilnScheduleExact12(benchmark::State& state) {
  const auto kilns = make_kilns(12, false, 12);
  aqi::KilnSchedule s = aqi::schedule_kilns(kilns, 2019);
  if (!check(state, kilns, s)) return;
  for (auto _ : state) {
    s = aqi::schedule_kilns(kilns, 2019);
    benchmark::DoNotOptimize(s.objective);
  }
  report(state, s);
}

// K7 on the 10,000-kiln schedule: the day-by-day check an analyst runs on a published schedule.
void BM_KilnValidate(benchmark::State& state) {
  const auto kilns = make_kilns(10000, true, 2019);
  const auto s = aqi::schedule_kilns(kilns, 2019);
  for (auto _ : state) benchmark::DoNotOptimize(aqi::validate_kiln_schedule(kilns, s.windows, 2019));
}

}  // namespace

BENCHMARK_CAPTURE(BM_KilnSchedule, realistic, true)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_KilnSchedule, uniform, false)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_KilnScheduleExact12)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_KilnValidate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
