// Thread safety (docs/errors.md, "Threads"): every entry point may be called from many threads at
// once on shared inputs. The library's shared state is immutable — the built-in tables (editions,
// rule sets, measure table, targets, catalogue, kiln and deadline rules, holiday calendar) are
// function-local statics built once on first use, and callers' rule sets, inventories and kiln
// tables are read through const references — and GLPK keeps a thread-local environment
// (aqi/detail/glpk.hpp). Here 8 threads start together and run the whole engine on shared inputs;
// ctest runs each test in a process of its own, so the threads are also the first to use the
// built-in statics and race to build them. Each thread's results must equal a single-threaded
// reference computed afterwards. ./scripts/test runs this under ThreadSanitizer (preset tsan).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "aqi/aqi.hpp"
#include "test_support.hpp"

namespace {

const std::string scenario = std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/";

// Inputs shared by every thread, read before any thread starts (none of this touches the
// built-in tables).
struct Inputs {
  aqi::RuleSet own_rules = aqi::RuleSet::load(std::string(AQI_RULES_DIR) + "/warnings/mee-2017.toml");
  aqi::Observations observations = aqi::read_observations(scenario + "observations.csv");
  std::vector<aqi::DailyForecast> forecasts = aqi::read_forecasts(scenario + "forecasts.csv");
  aqi::Inventory inventory = aqi::read_inventory(scenario + "inventory.csv");
  std::vector<aqi::Kiln> kilns = aqi::read_kilns(scenario + "kilns.csv");
  std::vector<double> hourly;
  Inputs() {
    for (int t = 0; t < 24 * 12; ++t) hourly.push_back(150 + (t / 24 % 5) * 45 + (t % 24) * 2.5);
  }
};

// What one thread computed, in a form that compares exactly.
struct Results {
  std::vector<double> aqi;
  std::vector<std::int8_t> category;
  std::vector<double> iaqi;
  std::vector<int> levels;
  std::vector<std::int8_t> batch;
  std::vector<std::int8_t> day_levels;
  std::vector<std::string> events;
  std::vector<int> warning_days;
  std::vector<double> cuts;
  std::vector<double> top_up;
  std::vector<int> kiln_batches;
  std::vector<double> kiln_months;
  std::size_t kiln_violations = 0;
  std::vector<std::string> deadlines;
  std::vector<std::string> tasks;

  bool operator==(const Results& o) const {
    auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (a[i] != a[i] && b[i] != b[i]))) return false;
      return true;
    };
    return same(aqi, o.aqi) && category == o.category && same(iaqi, o.iaqi) && levels == o.levels &&
           batch == o.batch && day_levels == o.day_levels && events == o.events && warning_days == o.warning_days &&
           same(cuts, o.cuts) && same(top_up, o.top_up) && kiln_batches == o.kiln_batches &&
           same(kiln_months, o.kiln_months) && kiln_violations == o.kiln_violations && deadlines == o.deadlines &&
           tasks == o.tasks;
  }
};

Results run_everything(const Inputs& in) {
  Results r;
  // A (SPEC A7): the dated AQI of the observations, each day under the edition in force.
  const aqi::AqiTable t =
      aqi::air_quality_index(aqi::span<const boost::gregorian::date>(in.observations.dates), in.observations.columns(),
                             aqi::Period::daily);
  r.aqi = t.aqi;
  r.category = t.category;
  aqi::IaqiOptions threads;
  threads.parallelism.threads = 2;  // the library's own workers inside ours
  threads.parallelism.min_per_thread = 16;
  r.iaqi = aqi::iaqi(aqi::hj633_2026(), aqi::Indicator::pm25_24h, in.observations.values[0], threads);
  // W: classification under every built-in set and the caller's own.
  for (const std::string id : {"yiyuan-2019", "mee-2017", "beijing-2013"}) {
    const aqi::RuleSet& rules = aqi::rule_set(id);
    r.levels.push_back(aqi::classify_daily(r.aqi, {}, rules).level);
    r.levels.push_back(aqi::classify_hourly(in.hourly, {}, rules).level);
    r.levels.push_back(aqi::classify_daily_range(r.aqi, r.aqi, aqi::RangeBasis::mid, {}, rules).level);
  }
  r.levels.push_back(aqi::classify_daily(r.aqi, {}, in.own_rules).level);
  std::vector<std::int8_t> out(4);
  aqi::Parallelism two;
  two.threads = 2;
  two.min_per_thread = 1;
  aqi::classify_batch(in.hourly, {4, in.hourly.size() / 4}, aqi::SeriesKind::hourly, in.own_rules, out, two);
  r.batch = out;
  r.day_levels = aqi::day_levels(r.aqi, {}, aqi::yiyuan_2019());
  // L: the season of the scenario's forecasts, verified against the observed AQI.
  const aqi::SeasonResult season = aqi::run_season(in.forecasts, aqi::yiyuan_2019(), {}, r.aqi,
                                                   in.observations.dates.front());
  for (const auto& e : season.events)
    r.events.push_back(aqi::detail::iso(e.time) + " " + std::string(aqi::name(e.type)) + " " + std::to_string(e.level));
  r.warning_days = season.warning_days;
  // E, R: cuts at every level on the shared inventory, and the GLPK top-up.
  for (aqi::ResponseLevel level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}) {
    aqi::TopUpOptions o;
    o.cuts.dust_cap = 0.15;
    const aqi::EmissionCuts cuts = aqi::emission_cuts(in.inventory, level, o.cuts);
    for (const auto& c : cuts.summary) r.cuts.push_back(c.reduction);
    const aqi::TopUp plan = aqi::top_up(in.inventory, level, o);
    r.top_up.push_back(plan.cost);
    r.top_up.push_back(static_cast<double>(plan.cuts.size()));
  }
  // K: the kiln rotation (GLPK's LP bound) and its validation.
  const aqi::KilnSchedule k = aqi::schedule_kilns(in.kilns, 2019);
  r.kiln_batches = k.kiln_batch;
  for (const auto& m : k.months) r.kiln_months.push_back(m.stopped_capacity);
  r.kiln_months.push_back(k.bound);
  r.kiln_violations = aqi::validate_kiln_schedule(in.kilns, k.windows, 2019).size();
  // D: the deadline calendar (holiday calendar, deadline rules) and R2's catalogue.
  for (const auto& d : aqi::deadline_calendar(2019, season.periods))
    r.deadlines.push_back(d.rule + " " + (d.due.is_special() ? std::string("-") : aqi::detail::iso(d.due)));
  for (const aqi::Measure* m : aqi::builtin_measure_catalogue().tasks("housing", aqi::ResponseLevel::I))
    r.tasks.push_back(m->id);
  return r;
}

}  // namespace

TEST(Threads, EightThreadsOnSharedInputsGiveTheSingleThreadedResults) {
  const Inputs inputs;
  constexpr int n = 8;
  std::vector<Results> results(n);
  std::atomic<int> waiting{n};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] {
      // Start together: the first use of the built-in tables is a race between the threads.
      waiting.fetch_sub(1);
      while (waiting.load() > 0) std::this_thread::yield();
      results[static_cast<std::size_t>(i)] = run_everything(inputs);
    });
  for (auto& t : threads) t.join();

  const Results reference = run_everything(inputs);
  ASSERT_FALSE(reference.events.empty());
  ASSERT_EQ(reference.kiln_violations, 0u);
  ASSERT_EQ(reference.top_up.size(), 6u);
  for (int i = 0; i < n; ++i) EXPECT_TRUE(results[static_cast<std::size_t>(i)] == reference) << "thread " << i;
}

// Threads that end after using GLPK leave no environment behind (ASan's leak check runs this).
TEST(Threads, GlpkEnvironmentsOfEndedThreadsAreFreed) {
  const Inputs inputs;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      (void)aqi::top_up(inputs.inventory, aqi::ResponseLevel::I);
      (void)aqi::schedule_kilns(inputs.kilns, 2019);
    });
  for (auto& t : threads) t.join();
  SUCCEED();
}
