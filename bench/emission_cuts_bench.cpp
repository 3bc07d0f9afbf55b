// Emission accounting of 100,000 sources × 4 pollutants × 3 response levels (SPEC E1–E9, R3–R6),
// its parts (the cut vectors; the matrix–vector products), reading the inventory, and the E10
// top-up on the county scenario. The answers are checked before timing: the county totals from the
// products equal the sums over the sources.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/top_up.hpp"

namespace {

constexpr std::size_t sources = 100'000;
constexpr aqi::ResponseLevel levels[] = {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I};

// A county-sized mix scaled up, as bench/compare_emissions.py makes it: 80% enterprises of every
// industry and grade (10% with unequal lines, 3% protected, 2% excluded), 10% fleets, 10% dust.
std::string inventory_csv(std::size_t n) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  std::lognormal_distribution<double> e(std::log(0.03), 1.0);
  const char* dust[] = {"mine",     "sand_gravel",    "stone_works", "earthwork",           "demolition",
                        "painting", "slope_spraying", "concrete",    "uncovered_transport", "road"};
  const char* exclusions[] = {"zombie", "fake", "long_stopped", "banned"};
  std::string s =
      "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
      "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n";
  auto num = [](double x) { return aqi::detail::format_number(std::round(x * 1e4) / 1e4); };
  for (std::size_t i = 0; i < n; ++i) {
    const double r = u(rng);
    const std::string id = "S" + std::to_string(i);
    const std::string emissions = num(e(rng)) + "," + num(e(rng)) + "," + num(e(rng)) + "," + num(e(rng));
    const std::string excluded = u(rng) < 0.02 ? exclusions[i % 4] : "";
    if (r < 0.8) {
      const auto industry = static_cast<aqi::Industry>(rng() % aqi::industry_count);
      const std::string grade = aqi::is_graded(industry) ? std::string(1, "ABCD"[rng() % 4]) : "";
      const int lines = 1 + static_cast<int>(rng() % 5);
      std::string capacity;
      if (lines > 1 && u(rng) < 0.1)
        for (int l = 0; l < lines; ++l) capacity += (l ? ";" : "") + std::to_string(1 + rng() % 19);
      const std::string load = u(rng) < 0.03 ? num(0.5 + 0.5 * u(rng)) : "";
      s += id + ",,enterprise," + std::string(aqi::key(industry)) + "," + grade + "," + std::to_string(lines) + "," +
           capacity + "," + emissions + "," + load + "," + excluded + "," + std::to_string(rng() % 2) + "," +
           num(10 * u(rng)) + ",,,,,,,\n";
    } else if (r < 0.9) {
      const bool truck = u(rng) < 0.5;
      s += id + ",,fleet," + (u(rng) < 0.2 ? "power_heat" : "other") + ",,1,," + emissions + ",," + excluded + ",0," +
           num(10 * u(rng)) + "," + (truck ? "heavy_truck," : "non_road,") + std::to_string(1 + rng() % 6) + "," +
           (truck ? std::to_string(rng() % 60) : "") + "," + (u(rng) < 0.1 ? "livelihood" : "") + "," +
           std::to_string(rng() % 2) + "," + (truck ? "0" : std::to_string(rng() % 2)) + ",\n";
    } else {
      s += id + ",,dust,other,,1,," + emissions + ",," + excluded + ",0," + num(10 * u(rng)) + ",,,,,,," +
           dust[rng() % 10] + "\n";
    }
  }
  return s;
}

const std::string& csv() {
  static const std::string text = inventory_csv(sources);
  return text;
}

const aqi::Inventory& inventory() {
  static const aqi::Inventory inv = [] {
    auto parsed = aqi::parse_inventory(csv(), "bench.csv");
    // Correctness before timing: the products equal the per-source sums at every level (PM with
    // the dust in full: no cap is set).
    for (auto level : levels) {
      const auto r = aqi::emission_cuts(parsed, level);
      for (std::size_t p = 0; p < aqi::emission_pollutant_count; ++p) {
        double sum = 0;
        for (std::size_t i = 0; i < parsed.size(); ++i) {
          const double x = r.reduction(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(p));
          if (!std::isnan(x) && r.basis[i] != aqi::CutBasis::excluded) sum += x;
        }
        if (std::abs(r.summary[p].reduction - sum) > 1e-9 * std::max(1.0, sum))
          throw std::runtime_error("emission_cuts: product and per-source sum disagree");
      }
    }
    return parsed;
  }();
  return inv;
}

void set_items(benchmark::State& state) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * sources * 3));
}

// The whole accounting: cuts, reductions, checks and top contributors at III, II and I.
void BM_EmissionCuts3Levels(benchmark::State& state) {
  const auto& inv = inventory();
  for (auto _ : state)
    for (auto level : levels) benchmark::DoNotOptimize(aqi::emission_cuts(inv, level));
  set_items(state);
}

// Only the cut vectors (E2–E9 per source).
void BM_CutVectors3Levels(benchmark::State& state) {
  const auto& inv = inventory();
  const auto& m = aqi::builtin_industry_measures();
  Eigen::ArrayXd cut(static_cast<Eigen::Index>(sources));
  for (auto _ : state)
    for (auto level : levels) {
      for (std::size_t i = 0; i < sources; ++i)
        cut[static_cast<Eigen::Index>(i)] = aqi::detail::source_cut(inv, i, level, m).cut;
      benchmark::DoNotOptimize(cut.data());
    }
  set_items(state);
}

// Only the products: baseline matrix (sources × pollutants) transposed times a cut vector.
void BM_Reductions3Levels(benchmark::State& state) {
  const auto& inv = inventory();
  Eigen::VectorXd cut = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(sources), 0.5);
  for (auto _ : state)
    for (int l = 0; l < 3; ++l) {
      Eigen::Vector4d r = inv.emissions.matrix().transpose() * cut;
      benchmark::DoNotOptimize(r.data());
    }
  set_items(state);
}

void BM_ParseInventory(benchmark::State& state) {
  const auto& text = csv();
  for (auto _ : state) benchmark::DoNotOptimize(aqi::parse_inventory(text, "bench.csv"));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * sources));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// E10 on the county scenario (283 sources), level II with the recommended dust cap.
void BM_TopUpScenario(benchmark::State& state) {
  static const aqi::Inventory inv = [] {
    // Not __FILE__: ccache's base_dir makes it relative to the build.
    return aqi::read_inventory(std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/inventory.csv");
  }();
  aqi::TopUpOptions o;
  o.cuts.dust_cap = 0.15;
  for (auto _ : state) benchmark::DoNotOptimize(aqi::top_up(inv, aqi::ResponseLevel::II, o));
}

}  // namespace

BENCHMARK(BM_EmissionCuts3Levels)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CutVectors3Levels)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Reductions3Levels)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParseInventory)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TopUpScenario)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
