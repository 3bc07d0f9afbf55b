// Properties that must hold on every input, checked on thousands of seeded random cases (the
// same cases every run), one invariant suite per rule set and edition. Where a property does not
// hold for a shipped set or edition, the test pins the counterexample and checks what does hold
// (docs/warnings.md, "Properties"; docs/errors.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "aqi/aqi.hpp"
#include "test_support.hpp"

namespace {

using Rng = std::mt19937_64;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

int uniform(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(Rng& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }

// Whole-number AQI day-means (SPEC A2) with episodes: a random walk that lingers around the
// thresholds 200, 300, 450 and 500, so that runs form, break and cross levels.
std::vector<double> random_days(Rng& rng, int n, double missing = 0.0) {
  std::vector<double> d;
  double x = uniform(rng, 60, 320);
  for (int i = 0; i < n; ++i) {
    x = std::clamp(x + uniform(rng, -90, 90), 0.0, 620.0);
    if (chance(rng, 0.05)) x = uniform(rng, 180, 560);
    d.push_back(chance(rng, missing) ? nan : std::round(x));
  }
  return d;
}

std::vector<double> random_hours(Rng& rng, int n, double missing = 0.0) {
  std::vector<double> h;
  double x = uniform(rng, 80, 300);
  for (int t = 0; t < n; ++t) {
    x = std::clamp(x + uniform(rng, -25, 25), 0.0, 700.0);
    h.push_back(chance(rng, missing) ? nan : x);
  }
  return h;
}

std::vector<double> hourly_of(const std::vector<double>& days) {
  std::vector<double> h;
  for (double d : days) h.insert(h.end(), 24, d);
  return h;
}

const aqi::RuleSet& yiyuan() { return aqi::rule_set("yiyuan-2019"); }
const aqi::RuleSet& mee() { return aqi::rule_set("mee-2017"); }
const aqi::RuleSet& beijing() { return aqi::rule_set("beijing-2013"); }

// The shipped sets whose terms are all lower thresholds without `at_most` and not anchored:
// raising a day-mean can only lengthen the runs above each threshold.
bool is_monotone(const aqi::RuleSet& r) {
  for (const auto& level : r.levels)
    for (const auto& clause : level.clauses) {
      if (clause.anchored) return false;
      for (const auto& t : clause.terms)
        if (std::isfinite(t.at_most)) return false;
    }
  return true;
}

}  // namespace

// W4, W7: which shipped sets are monotone — beijing-2013's ranges (201–300 …) are not.
TEST(Properties, WhichRuleSetsAreMonotone) {
  EXPECT_TRUE(is_monotone(yiyuan()));
  EXPECT_TRUE(is_monotone(mee()));
  EXPECT_FALSE(is_monotone(beijing()));
}

// W3, W4: raising any day-mean never lowers the level (default and MEE sets).
TEST(Properties, RaisingADayNeverLowersTheLevel) {
  Rng rng(2019);
  int cases = 0;
  for (const aqi::RuleSet* rules : {&yiyuan(), &mee()})
    for (int s = 0; s < 2500; ++s) {
      std::vector<double> d = random_days(rng, uniform(rng, 1, 14), 0.1);
      const int before = aqi::classify_daily(d, {}, *rules).level;
      const auto k = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(d.size()) - 1));
      if (std::isnan(d[k])) continue;
      d[k] += uniform(rng, 1, 300);
      ASSERT_GE(aqi::classify_daily(d, {}, *rules).level, before) << rules->id << " case " << s;
      ++cases;
    }
  EXPECT_GT(cases, 4000);
}

// W1–W3, A5: raising any hour never lowers the level of an hourly series (its 24-hour means can
// only rise), missing hours included.
TEST(Properties, RaisingAnHourNeverLowersTheLevel) {
  Rng rng(2020);
  int cases = 0;
  for (const aqi::RuleSet* rules : {&yiyuan(), &mee()})
    for (int s = 0; s < 2000; ++s) {
      std::vector<double> h = random_hours(rng, uniform(rng, 20, 24 * 7), 0.04);
      const int before = aqi::classify_hourly(h, {}, *rules).level;
      const auto k = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(h.size()) - 1));
      if (std::isnan(h[k])) continue;
      h[k] += uniform(rng, 1, 2000);
      ASSERT_GE(aqi::classify_hourly(h, {}, *rules).level, before) << rules->id << " case " << s;
      ++cases;
    }
  EXPECT_GT(cases, 3500);
}

// beijing-2013 is not monotone (SPEC W7: ranges on the next days): two days of 250 are yellow;
// raise the second to 350 and only the first day's 201–300 (blue) remains. What holds: the level
// depends only on the bands (≤ 200, 201–300, 301–450, > 450) of the first two days, and raising
// the first day never lowers it.
TEST(Properties, Beijing2013IsNotMonotoneButItsFirstDayIs) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 250}, {}, beijing()).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 350}, {}, beijing()).level_name(), "blue");
  Rng rng(2013);
  auto band = [](double x) { return x <= 200 ? 0 : x <= 300 ? 1 : x <= 450 ? 2 : 3; };
  for (int s = 0; s < 3000; ++s) {
    std::vector<double> d = random_days(rng, uniform(rng, 2, 10));
    const int level = aqi::classify_daily(d, {}, beijing()).level;
    std::vector<double> other = random_days(rng, static_cast<int>(d.size()));
    other[0] = d[0];
    other[1] = d[1];
    ASSERT_EQ(aqi::classify_daily(other, {}, beijing()).level, level) << "the tail changed the level, case " << s;
    std::vector<double> same_bands = d;
    for (int k = 0; k < 2; ++k) {
      const int b = band(d[static_cast<std::size_t>(k)]);
      const double lo = b == 0 ? 0 : b == 1 ? 201 : b == 2 ? 301 : 451;
      const double hi = b == 0 ? 200 : b == 1 ? 300 : b == 2 ? 450 : 900;
      same_bands[static_cast<std::size_t>(k)] = uniform(rng, static_cast<int>(lo), static_cast<int>(hi));
    }
    ASSERT_EQ(aqi::classify_daily(same_bands, {}, beijing()).level, level) << "case " << s;
    d[0] += uniform(rng, 1, 300);
    ASSERT_GE(aqi::classify_daily(d, {}, beijing()).level, level) << "case " << s;
  }
}

// W5: flagging more days (or hours) as dust never raises the level — every shipped set.
TEST(Properties, AddingDustFlagsNeverRaisesTheLevel) {
  Rng rng(2021);
  for (const auto& rules : aqi::builtin_rule_sets())
    for (int s = 0; s < 2000; ++s) {
      const bool hourly = s % 4 == 0;
      const std::vector<double> v =
          hourly ? random_hours(rng, uniform(rng, 24, 24 * 6), 0.02) : random_days(rng, uniform(rng, 1, 14), 0.05);
      std::vector<std::uint8_t> dust(v.size(), 0);
      for (auto& f : dust) f = chance(rng, 0.1);
      auto level = [&](const std::vector<std::uint8_t>& flags) {
        return hourly ? aqi::classify_hourly(v, flags, rules).level : aqi::classify_daily(v, flags, rules).level;
      };
      const int before = level(dust);
      for (int more = 0; more < 3; ++more)
        dust[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(v.size()) - 1))] = 1;
      ASSERT_LE(level(dust), before) << rules.id << " case " << s;
      ASSERT_EQ(level(std::vector<std::uint8_t>(v.size(), 1)), 0) << rules.id << " case " << s;
    }
}

// W3: the hourly series made of constant days contains the calendar days as one of its 24
// alignments, so it is never rated lower than the daily series — every set, missing days too.
// It can be rated higher: a 24-hour window that crosses midnight mixes two days, and such windows
// can lengthen a run by a day at each end or bridge one day below a threshold. 150, 400, 150 is
// no warning as days, yellow by the hour (two windows 00:00+4 h … of (150·20 + 400·4)/24 and
// (400·20 + 150·4)/24 > 200); 250, 190, 250 likewise.
TEST(Properties, HourlyOfConstantDaysIsNeverBelowTheDaily) {
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{150, 400, 150}, {}, yiyuan()).level, 0);
  EXPECT_EQ(aqi::classify_hourly(hourly_of({150, 400, 150}), {}, yiyuan()).level_name(), "yellow");
  EXPECT_EQ(aqi::classify_daily(std::vector<double>{250, 190, 250}, {}, yiyuan()).level, 0);
  EXPECT_EQ(aqi::classify_hourly(hourly_of({250, 190, 250}), {}, yiyuan()).level_name(), "yellow");
  Rng rng(2022);
  for (const auto& rules : aqi::builtin_rule_sets())
    for (int s = 0; s < 800; ++s) {
      const std::vector<double> d = random_days(rng, uniform(rng, 1, 12), s % 3 == 0 ? 0.1 : 0.0);
      ASSERT_GE(aqi::classify_hourly(hourly_of(d), {}, rules).level, aqi::classify_daily(d, {}, rules).level)
          << rules.id << " case " << s;
    }
}

// W3: when they agree. For the default and MEE sets (lower thresholds T: > 200, > 300, ≥ 500)
// and whole-number days without missing ones, the hourly level of constant days equals the daily
// level whenever every two neighbouring days that straddle a threshold have a mean not above it
// (a + b ≤ 2T for a > T ≥ b; a + b < 2T for T = 500, which is ≥): a window crossing midnight then
// lies above T only with more than half of its hours on the higher day, so it can lengthen a run
// at one end or the other, never at both, and cannot bridge a day.
TEST(Properties, HourlyOfConstantDaysEqualsTheDailyWhenNoMidnightMeanCrossesAThreshold) {
  Rng rng(2023);
  auto straddles = [](double a, double b, double t, bool strict) {
    const double hi = std::max(a, b), lo = std::min(a, b);
    return strict ? (hi > t && lo <= t && hi + lo > 2 * t) : (hi >= t && lo < t && hi + lo >= 2 * t);
  };
  int cases = 0;
  for (const aqi::RuleSet* rules : {&yiyuan(), &mee()})
    for (int s = 0; s < 3000; ++s) {
      const std::vector<double> d = random_days(rng, uniform(rng, 1, 12));
      bool crossing = false;
      for (std::size_t k = 1; k < d.size(); ++k)
        crossing = crossing || straddles(d[k - 1], d[k], 200, true) || straddles(d[k - 1], d[k], 300, true) ||
                   straddles(d[k - 1], d[k], 500, false);
      if (crossing) continue;
      ASSERT_EQ(aqi::classify_hourly(hourly_of(d), {}, *rules).level, aqi::classify_daily(d, {}, *rules).level)
          << rules->id << " case " << s;
      ++cases;
    }
  EXPECT_GT(cases, 1000);
}

// SPEC E3–E9: cuts never fall as the response rises (III ≤ II ≤ I), source by source. First
// the measure table: every row that has a value at two levels is monotone (so are the fleet and
// dust measures of E8, E9, and the E6 line rounding and E7 cap preserve order).
TEST(Properties, MeasureTableCutsAreMonotoneInTheResponseLevel) {
  const auto& m = aqi::builtin_industry_measures();
  int keys = 0;
  for (std::size_t i = 0; i < aqi::industry_count; ++i)
    for (std::size_t g = 0; g < aqi::grade_count; ++g)
      for (int low_nox = 0; low_nox < 2; ++low_nox) {
        const auto industry = static_cast<aqi::Industry>(i);
        const auto grade = static_cast<aqi::Grade>(g);
        if (!aqi::has_table_row(industry, grade)) continue;  // E3, E11: the table's key space
        if (low_nox && industry != aqi::Industry::gas_boiler) continue;
        const double iii = m.rule(industry, grade, aqi::ResponseLevel::III, low_nox).cut;
        const double ii = m.rule(industry, grade, aqi::ResponseLevel::II, low_nox).cut;
        const double i1 = m.rule(industry, grade, aqi::ResponseLevel::I, low_nox).cut;
        EXPECT_FALSE(iii > ii || ii > i1 || iii > i1) << aqi::key(industry) << " " << aqi::name(grade);
        // A row without a value at one level has none at the others: unknowns do not come and go.
        EXPECT_EQ(std::isnan(iii), std::isnan(ii)) << aqi::key(industry) << " " << aqi::name(grade);
        EXPECT_EQ(std::isnan(ii), std::isnan(i1)) << aqi::key(industry) << " " << aqi::name(grade);
        ++keys;
      }
  EXPECT_EQ(keys, 46);  // 5 graded industries × A, B, B-, C, D (E11), 20 others, gas boilers twice (low_nox)
}

// … then random inventories of every kind of source: each source's cut, and the county's
// counted reduction of each pollutant, at I ≥ II ≥ III.
TEST(Properties, CutsAreMonotoneInTheResponseLevel) {
  Rng rng(2024);
  const char* dust[] = {"mine",     "sand_gravel",    "stone_works", "earthwork",           "demolition",
                        "painting", "slope_spraying", "concrete",    "uncovered_transport", "road"};
  for (int s = 0; s < 1000; ++s) {
    std::string csv =
        "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
        "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n";
    const int n = uniform(rng, 1, 30);
    for (int i = 0; i < n; ++i) {
      const int kind = uniform(rng, 0, 2);
      const auto industry = static_cast<aqi::Industry>(uniform(rng, 0, aqi::industry_count - 1));
      const int lines = uniform(rng, 1, 6);
      std::string row = "s" + std::to_string(i) + ",," + std::string(aqi::source_kind_keys[kind]) + "," +
                        std::string(aqi::key(industry)) + ",";
      row += kind == 0 && aqi::is_graded(industry) ? std::string(1, "ABCD"[uniform(rng, 0, 3)]) : "";
      row += "," + std::to_string(lines) + ",";
      if (kind == 0 && chance(rng, 0.3))
        for (int l = 0; l < lines; ++l) row += (l ? ";" : "") + std::to_string(uniform(rng, 1, 30));
      for (int p = 0; p < 4; ++p) row += "," + std::to_string(uniform(rng, 0, 500) / 100.0);
      row += "," + (kind == 0 && chance(rng, 0.2) ? std::to_string(uniform(rng, 0, 100) / 100.0) : std::string());
      row += std::string(",") + (chance(rng, 0.1) ? "zombie" : "");
      row += "," + std::to_string(uniform(rng, 0, 1)) + "," + std::to_string(uniform(rng, 1, 200));
      if (kind == 1) {
        const bool truck = chance(rng, 0.5);
        row += std::string(",") + (truck ? "heavy_truck" : "non_road") + "," + std::to_string(uniform(rng, 0, 6)) +
               "," + (truck ? std::to_string(uniform(rng, 0, 30)) : "") + "," + (chance(rng, 0.2) ? "livelihood" : "") +
               "," + std::to_string(uniform(rng, 0, 1)) + "," + (truck ? "0" : std::to_string(uniform(rng, 0, 1))) +
               ",";
      } else {
        row += ",,,,,,,";
        if (kind == 2) row += dust[uniform(rng, 0, 9)];
      }
      csv += row + "\n";
    }
    const aqi::Inventory inv = aqi::parse_inventory(csv, "random.csv");
    aqi::CutOptions o;
    if (chance(rng, 0.5)) o.dust_cap = uniform(rng, 0, 100) / 100.0;
    const aqi::EmissionCuts c3 = aqi::emission_cuts(inv, aqi::ResponseLevel::III, o);
    const aqi::EmissionCuts c2 = aqi::emission_cuts(inv, aqi::ResponseLevel::II, o);
    const aqi::EmissionCuts c1 = aqi::emission_cuts(inv, aqi::ResponseLevel::I, o);
    for (std::size_t i = 0; i < inv.size(); ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      ASSERT_EQ(std::isnan(c3.cut[k]), std::isnan(c1.cut[k])) << "case " << s << " source " << i;
      ASSERT_FALSE(c3.cut[k] > c2.cut[k] || c2.cut[k] > c1.cut[k]) << "case " << s << " source " << i;
    }
    for (std::size_t p = 0; p < aqi::emission_pollutant_count; ++p) {
      ASSERT_LE(c3.summary[p].reduction, c2.summary[p].reduction * (1 + 1e-12)) << "case " << s;
      ASSERT_LE(c2.summary[p].reduction, c1.summary[p].reduction * (1 + 1e-12)) << "case " << s;
    }
  }
}

// SPEC K1–K7: a schedule from the scheduler always passes the validation, whatever the table,
// season (leap years included), weights, January extension, its placement and the line rotation.
// A table that cannot stop kilns in every required month is an InvalidArgument, nothing else.
TEST(Properties, ScheduleFromTheSchedulerAlwaysValidates) {
  Rng rng(2025);
  int validated = 0;
  for (int s = 0; s < 3000; ++s) {
    std::vector<aqi::Kiln> kilns;
    const int n = uniform(rng, 1, s % 20 == 0 ? 60 : 14);
    for (int i = 0; i < n; ++i)
      kilns.push_back(
          {"k" + std::to_string(i), chance(rng, 0.7) ? 1 : uniform(rng, 2, 7), uniform(rng, 1, 400) / 10.0});
    aqi::KilnScheduleOptions o;
    // −1: the rules' own extension (nullopt).
    if (const int days = uniform(rng, -1, 30); days >= 0) o.january_extension_days = days;
    o.extension = chance(rng, 0.5) ? aqi::ExtensionPlacement::after_end : aqi::ExtensionPlacement::before_start;
    o.rotation = chance(rng, 0.5) ? aqi::LineRotation::fixed : aqi::LineRotation::cyclic;
    o.exact_up_to = static_cast<std::size_t>(uniform(rng, 0, 8));
    if (chance(rng, 0.5)) {
      o.month_weights = {0, 1, 1, 1, 1, 0};
      for (auto& w : o.month_weights) w = chance(rng, 0.3) ? 0.0 : uniform(rng, 1, 100) / 10.0;
      o.month_weights[2] = 1;
    }
    const int season = uniform(rng, 2015, 2032);
    try {
      const aqi::KilnSchedule k = aqi::schedule_kilns(kilns, season, o);
      const auto violations = aqi::validate_kiln_schedule(kilns, k.windows, season, o);
      ASSERT_TRUE(violations.empty()) << "case " << s << ": " << violations.front().message;
      ASSERT_GE(k.bound, k.objective) << "case " << s;
      ++validated;
    } catch (const aqi::InvalidArgument& e) {
      ASSERT_EQ(
          std::string(e.what()).rfind("kiln schedule: no assignment of these kilns stops kilns in every one of", 0), 0u)
          << e.what();
    }
  }
  EXPECT_GT(validated, 2500);
}

// SPEC A1, A3: the AQI never falls when one concentration rises — HJ 633-2026 everywhere.
// HJ 633-2012 is monotone except across its notes: SO2 1h above 800 is rated from SO2 24h and
// O3 8h above 800 from O3 1h, which can be lower (so2_1h 800 → IAQI 200; 801 with so2_24h 10 → 10).
TEST(Properties, AqiIsMonotoneInEachConcentration) {
  aqi::Concentrations r;
  r.set(aqi::Indicator::so2_1h, 800).set(aqi::Indicator::so2_24h, 10);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), r, aqi::Period::hourly).aqi, 200);
  r.set(aqi::Indicator::so2_1h, 801);
  EXPECT_EQ(aqi::air_quality_index(aqi::hj633_2012(), r, aqi::Period::hourly).aqi, 10);

  Rng rng(2026);
  int cases = 0;
  for (const aqi::Edition& e : aqi::builtin_editions())
    for (aqi::Period period : {aqi::Period::daily, aqi::Period::hourly})
      for (int s = 0; s < 1500; ++s) {
        aqi::Concentrations c;
        const auto& keys = e.indicators(period);
        std::vector<aqi::Indicator> given;
        for (aqi::Indicator i : keys) {
          const double top = e.table(i).top;
          c.set(i, std::round(std::uniform_real_distribution<double>(0, top * 1.2)(rng) * 10) / 10);
          given.push_back(i);
        }
        const double before = aqi::air_quality_index(e, c, period).aqi;
        const aqi::Indicator i = given[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(given.size()) - 1))];
        const double x = c[i], y = x + uniform(rng, 1, 3000) / 10.0;
        const bool note =
            e.above_top(i).kind == aqi::AboveTop::Kind::substitute && x <= e.table(i).top && y > e.table(i).top;
        c.set(i, y);
        const double after = aqi::air_quality_index(e, c, period).aqi;
        if (note || std::isnan(before) || std::isnan(after)) continue;  // 2012 notes: rated elsewhere
        ASSERT_GE(after, before) << e.id() << " " << aqi::key(i) << " " << x << " → " << y;
        ++cases;
      }
  EXPECT_GT(cases, 4000);
}

// SPEC A1, A2, A6: the IAQI of a breakpoint concentration is exactly its level, for every
// indicator of every edition; a step above it rates above the level (rounded up, A2).
TEST(Properties, IaqiOfABreakpointIsItsLevel) {
  int points = 0;
  for (const aqi::Edition& e : aqi::builtin_editions())
    for (aqi::Indicator i : aqi::all_indicators) {
      if (!e.rates(i)) continue;
      const auto& t = e.table(i);
      for (std::size_t p = 0; p < t.points; ++p) {
        ASSERT_EQ(aqi::iaqi(e, i, t.concentration[p]), t.iaqi[p]) << e.id() << " " << aqi::key(i) << " " << p;
        if (p + 1 < t.points) {  // the smallest reported step above it (0.1 mg/m³ for CO) rates above
          const double step = aqi::pollutant_of(i) == aqi::Pollutant::co ? 0.1 : 1.0;
          ASSERT_GT(aqi::iaqi(e, i, t.concentration[p] + step), t.iaqi[p]) << e.id() << " " << aqi::key(i);
        }
        ++points;
      }
    }
  EXPECT_GT(points, 150);
}
