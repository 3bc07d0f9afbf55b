// SPEC E10: the cheapest extra cuts that close every shortfall, solved as a MILP by GLPK and
// checked against brute-force enumeration of every subset on small random inventories; plus
// hand-derived cases for continuous cuts, the dust cap (R5), candidates and infeasibility.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "aqi/emissions/top_up.hpp"
#include "test_support.hpp"

using aqi::ResponseLevel;

namespace {

const std::string header =
    "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
    "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n";

std::string num(double x) { return aqi::detail::format_number(x); }

std::string enterprise(const std::string& id, const std::string& industry, int lines, const std::string& capacity,
                       double so2, double nox, double pm, double vocs, const std::string& cost,
                       const std::string& max_load = "") {
  return id + ",," + "enterprise," + industry + ",," + std::to_string(lines) + "," + capacity + "," + num(so2) + "," +
         num(nox) + "," + num(pm) + "," + num(vocs) + "," + max_load + ",,0," + cost + ",,,,,,,\n";
}

std::string dust(const std::string& id, const std::string& activity, double pm, const std::string& cost) {
  return id + ",,dust,other,,1,,0,0," + num(pm) + ",0,,,0," + cost + ",,,,,,," + activity + "\n";
}

std::string non_road(const std::string& id, double nox, double pm, const std::string& cost) {
  return id + ",,fleet,other,,1,,0," + num(nox) + "," + num(pm) + ",0,,,0," + cost + ",non_road,3,,,0,0,\n";
}

aqi::Inventory inventory(const std::string& rows) { return aqi::parse_inventory(header + rows, "t.csv"); }

// What the brute force chooses from: one binary decision with its activity share of a source.
struct Choice {
  std::size_t source;
  double share;
};

// Independent of the library's check: R3 at level III (10% each), R4 pair, R5 cap, by hand.
bool meets(const aqi::Inventory& inv, const std::vector<Choice>& chosen, std::optional<double> cap) {
  double base[4] = {0, 0, 0, 0}, red[4] = {0, 0, 0, 0}, dust_pm = 0;
  for (std::size_t i = 0; i < inv.size(); ++i)
    for (int k = 0; k < 4; ++k) base[k] += inv.emissions(static_cast<Eigen::Index>(i), k);
  for (const auto& c : chosen) {
    for (int k = 0; k < 4; ++k) red[k] += c.share * inv.emissions(static_cast<Eigen::Index>(c.source), k);
    if (inv.kind[c.source] == aqi::SourceKind::dust)
      dust_pm += c.share * inv.emissions(static_cast<Eigen::Index>(c.source), 2);
  }
  const double tol = aqi::target_ratio_tolerance;
  const double counted_pm = red[2] - dust_pm + (cap ? std::min(dust_pm, *cap * base[2]) : dust_pm);
  return red[0] / base[0] + red[1] / base[1] >= 0.2 - tol && counted_pm / base[2] >= 0.1 - tol &&
         red[3] / base[3] >= 0.1 - tol;
}

}  // namespace

// E10 exact: on 40 random inventories of 8 to 12 binary decisions (whole lines of unequal
// capacity, some protected; fleets; dust sites) GLPK's optimum equals the cheapest feasible subset.
TEST(TopUp, E10MatchesBruteForce) {
  std::mt19937_64 rng(20191022);
  std::uniform_real_distribution<double> u(0, 1);
  int feasible_instances = 0;
  for (int instance = 0; instance < 40; ++instance) {
    // A large exempt plant (power & heat) carries most of the baseline; nothing is cut at III by the
    // plan except what E8/E9 stop, so the targets need extra cuts.
    std::string rows = enterprise("power", "power_heat", 1, "", 40, 60, 30, 20, "500");
    std::vector<std::pair<std::string, int>> parts;  // id, lines (0 = fleet or dust)
    int decisions = 0;
    for (int s = 0; decisions < 8; ++s) {
      const std::string id = "s" + std::to_string(s);
      const double r = u(rng);
      const std::string cost = num(std::round(1 + 99 * u(rng)));
      if (r < 0.4) {
        const int lines = 2 + static_cast<int>(u(rng) * 2);  // 2 or 3 lines, unequal
        std::string cap;
        for (int l = 0; l < lines; ++l) cap += (l ? ";" : "") + num(std::round(1 + 9 * u(rng)));
        const std::string max_load = u(rng) < 0.3 ? "0.5" : "";
        rows += enterprise(id, "plastic_products", lines, cap, std::round(u(rng) * 8), std::round(u(rng) * 8),
                           std::round(u(rng) * 6), std::round(u(rng) * 10), cost, max_load);
        decisions += lines;
      } else if (r < 0.7) {
        rows += non_road(id, std::round(1 + u(rng) * 6), std::round(u(rng) * 2), cost);
        decisions += 1;
      } else {
        rows += dust(id, u(rng) < 0.5 ? "concrete" : "slope_spraying", std::round(1 + u(rng) * 8), cost);
        decisions += 1;
      }
    }
    const auto inv = inventory(rows);
    const std::optional<double> cap = instance % 2 ? std::optional<double>(0.05) : std::nullopt;
    // The decisions: each line not yet stopped (III: none are), each fleet and dust site.
    std::vector<Choice> all;
    std::vector<double> unit_cost;
    for (std::size_t i = 1; i < inv.size(); ++i) {
      if (inv.kind[i] == aqi::SourceKind::enterprise) {
        for (int l = 0; l < inv.lines[i]; ++l) {
          all.push_back({i, inv.shares(i)[l]});
          unit_cost.push_back(inv.cost[i] * inv.shares(i)[l]);
        }
      } else {
        all.push_back({i, 1.0});
        unit_cost.push_back(inv.cost[i]);
      }
    }
    ASSERT_LE(all.size(), 14u);
    double best = std::numeric_limits<double>::infinity();
    for (unsigned mask = 0; mask < (1u << all.size()); ++mask) {
      std::vector<Choice> chosen;
      double cost = 0;
      std::vector<double> taken(inv.size(), 0);
      for (std::size_t b = 0; b < all.size(); ++b)
        if (mask & (1u << b)) {
          chosen.push_back(all[b]);
          cost += unit_cost[b];
          taken[all[b].source] += all[b].share;
        }
      bool within = true;  // E7: a protected enterprise keeps its approved max load 0.5
      for (std::size_t i = 0; i < inv.size(); ++i)
        if (!std::isnan(inv.protected_max_load[i]) && taken[i] > 0.5 + 1e-12) within = false;
      if (within && cost < best && meets(inv, chosen, cap)) best = cost;
    }
    aqi::TopUpOptions o;
    o.cuts.dust_cap = cap;
    const auto t = aqi::top_up(inv, ResponseLevel::III, o);
    ASSERT_TRUE(t.needed) << instance;
    EXPECT_EQ(t.feasible, std::isfinite(best)) << "instance " << instance << ": " << t.explanation;
    if (!std::isfinite(best)) continue;
    ++feasible_instances;
    EXPECT_NEAR(t.cost, best, 1e-9 * best) << "instance " << instance;
    for (const auto& c : t.after) EXPECT_TRUE(c.met) << "instance " << instance << " " << aqi::key(c.pollutant);
    // The chosen cuts themselves meet the targets by the independent check.
    std::vector<Choice> chosen;
    for (const auto& c : t.cuts) chosen.push_back({c.source, c.extra});
    EXPECT_TRUE(meets(inv, chosen, cap)) << "instance " << instance;
  }
  EXPECT_GE(feasible_instances, 20);  // the generator makes mostly feasible cases; some are not
}

// A continuous cut: two "other" enterprises (no measure at III, load can be cut by any fraction).
// Baseline 20 t of each pollutant; III needs 10% = 2 t of VOCs and 2·10% of SO2+NOx together.
// B (cost 30/day) cut by x gives 10x t of each: 10x/20 ≥ 0.1 → x = 0.2 → cost 30·0.2 = 6.
// A (cost 100/day) would cost 20 for the same.
TEST(TopUp, E10ContinuousCutByHand) {
  const auto inv = inventory(enterprise("A", "other", 1, "", 10, 10, 10, 10, "100") +
                             enterprise("B", "other", 1, "", 10, 10, 10, 10, "30"));
  const auto t = aqi::top_up(inv, ResponseLevel::III);
  ASSERT_TRUE(t.feasible);
  ASSERT_EQ(t.cuts.size(), 1u);
  EXPECT_EQ(t.cuts[0].source, 1u);
  EXPECT_NEAR(t.cuts[0].extra, 0.2, 1e-7);
  EXPECT_EQ(t.cuts[0].extra_lines, -1);
  EXPECT_NEAR(t.cost, 6, 1e-6);
  EXPECT_NEAR(t.cuts[0].reduction[3], 2, 1e-6);
  EXPECT_EQ(t.explanation,
            "1 extra cuts close every shortfall of level III at a cost of 6 (output value per day), the least of any "
            "set (E10).");
  // Only A allowed: 100·0.2 = 20.
  aqi::TopUpOptions o;
  o.candidates = {1, 0};
  const auto only_a = aqi::top_up(inv, ResponseLevel::III, o);
  EXPECT_NEAR(only_a.cost, 20, 1e-6);
  EXPECT_EQ(only_a.not_chosen, 1u);
  o.candidates = {1};
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::III, o), aqi::InvalidArgument,
                   "candidates has 1 flags for 2 sources");
}

// R5 inside E10: PM baseline 100 (power & heat 70, exempt; concrete site 20 t, cost 1; enterprise
// 10 t, cost 50). III needs 10 t of PM. Without a cap the site alone: cost 1. With a cap of 5% the
// site counts 5 t; the other 5 t come from the enterprise at x = 0.5 (cost 25): total 26, cheaper
// than the enterprise alone at x = 1 (cost 50).
TEST(TopUp, E10DustCapByHand) {
  const auto inv = inventory(enterprise("power", "power_heat", 1, "", 0, 0, 70, 0, "900") +
                             dust("site", "concrete", 20, "1") + enterprise("E", "other", 1, "", 0, 0, 10, 0, "50"));
  const auto free = aqi::top_up(inv, ResponseLevel::III);
  EXPECT_NEAR(free.cost, 1, 1e-9);
  ASSERT_EQ(free.cuts.size(), 1u);
  EXPECT_EQ(free.cuts[0].source, 1u);
  aqi::TopUpOptions o;
  o.cuts.dust_cap = 0.05;
  const auto capped = aqi::top_up(inv, ResponseLevel::III, o);
  ASSERT_TRUE(capped.feasible);
  EXPECT_NEAR(capped.cost, 26, 1e-6);
  ASSERT_EQ(capped.cuts.size(), 2u);
  EXPECT_EQ(capped.cuts[0].source, 2u);  // largest cost first
  EXPECT_NEAR(capped.cuts[0].extra, 0.5, 1e-7);
  EXPECT_EQ(capped.cuts[1].source, 1u);
  EXPECT_NEAR(capped.after[2].dust_counted, 5, 1e-9);
  EXPECT_EQ(free.exempt, 1u);  // power & heat is livelihood-exempt (E4 ⑦)
}

TEST(TopUp, E10NotNeededWhenMet) {
  const auto inv = inventory(enterprise("E", "other", 1, "", 10, 10, 10, 10, "50"));
  const auto t = aqi::top_up(inv, ResponseLevel::I);  // E5 stops it: 100%
  EXPECT_FALSE(t.needed);
  EXPECT_TRUE(t.feasible);
  EXPECT_EQ(t.cost, 0);
  EXPECT_TRUE(t.cuts.empty());
  EXPECT_EQ(t.explanation, "every target of level I is met by its measures: no extra cut needed");
}

// No candidate can close the gap: say which targets stay out of reach and why sources were not used.
TEST(TopUp, E10InfeasibleIsExplained) {
  const auto inv = inventory(enterprise("power", "power_heat", 1, "", 50, 50, 50, 50, "900") +
                             enterprise("nocost", "other", 1, "", 10, 10, 10, 10, "") +
                             enterprise("small", "other", 1, "", 1, 1, 1, 0, "5") +
                             "cer,,enterprise,ceramics,B,1,,5,5,5,5,,,0,5,,,,,,,\n");  // III: not sourced
  const auto t = aqi::top_up(inv, ResponseLevel::III);
  EXPECT_TRUE(t.needed);
  EXPECT_FALSE(t.feasible);
  // "small" at its largest cut: SO2 1/66 = 1.52%, NOx 1.52%, PM 1.52%, VOCs 0/65.
  EXPECT_EQ(t.explanation,
            "no set of extra cuts meets every target of level III: with 1 candidate sources all at their largest cut, "
            "SO2 + NOx reach 1.52% + 1.52% (targets 10% + 10%, R4); PM reaches 1.52% (target 10%); VOCs reaches 0% "
            "(target 10%). Not candidates: 1 with no sourced rule (cut unknown, counted as 0), 1 without a cost, "
            "1 exempt.");
  EXPECT_EQ(t.candidates, 1u);
  EXPECT_EQ(t.not_sourced, 1u);
  EXPECT_EQ(t.no_cost, 1u);
  EXPECT_EQ(t.exempt, 1u);
}

// The scenario: at every level the top-up either closes the shortfalls or says why it cannot, and a
// closed plan meets every target by the check.
TEST(TopUp, E10OnTheScenario) {
  const auto inv = aqi::read_inventory(std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/inventory.csv");
  aqi::TopUpOptions o;
  o.cuts.dust_cap = 0.15;
  for (auto level : {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I}) {
    const auto t = aqi::top_up(inv, level, o);
    EXPECT_FALSE(t.explanation.empty());
    if (t.feasible) {
      for (const auto& c : t.after) EXPECT_TRUE(c.met) << aqi::key(c.pollutant);
    }
  }
}

// docs/errors.md, "Emission entry points". Found writing the bad-input matrix: a NaN time limit
// reached GLPK as INT_MIN milliseconds.
TEST(TopUp, BadTimeLimit) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n",
      "inv.csv");
  aqi::TopUpOptions t;
  t.time_limit = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::I, t), aqi::InvalidArgument,
                   "top_up: time_limit must be a positive number of seconds, got nan");
  t.time_limit = 0;
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::I, t), aqi::InvalidArgument,
                   "top_up: time_limit must be a positive number of seconds, got 0");
}

// fuzz_emission_cuts: a dust cap of a few denormals made GLPK's presolver assert lb < ub and
// abort the process.
TEST(TopUp, DenormalDustCapIsZero) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,dust\n"
      "a,,enterprise,machinery,,2,0,0,1,1,,,0,5,\n"
      "d,,dust,other,,1,0,0,3,0,,,0,1,earthwork\n"
      "r,,dust,other,,1,0,0,3,0,,,0,1,road\n",
      "i.csv");
  aqi::TopUpOptions o;
  o.cuts.dust_cap = 1e-320;  // dust counts for nothing: PM and VOCs need both machinery lines (E6)
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::III, o);
  EXPECT_TRUE(t.needed);
  EXPECT_TRUE(t.feasible);
  ASSERT_EQ(t.cuts.size(), 1u);
  EXPECT_EQ(t.cuts[0].extra_lines, 2);
}

// fuzz_inventory (corpus/inventory/regression-glpk-presolve-infeasible): glp_intopt's presolver
// (GLPK 5.0) answered "optimal" for a program whose LP relaxation is infeasible, within its
// 1e-3 row tolerance, and top_up said "3 extra cuts close every shortfall" with VOCs at 14.97 %
// of a 15 % target. Stopping all three candidates reaches 1/6.68 = 14.97 %: no set can.
TEST(TopUp, NeverClaimsATargetItMisses) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "A,,enterprise,organic_chemical,,1,0,0,0,0.4,,,0,10\n"
      "B,,enterprise,fertiliser,,1,0,0,0,0.3,,,0,10\n"
      "C,,enterprise,coal_boiler,,1,0,0,0,0.3,,,0,10\n"
      "D,,enterprise,other,,1,0,0,0,5.68,,,0,\n",
      "i.csv");
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::II);
  EXPECT_TRUE(t.needed);
  EXPECT_FALSE(t.feasible);
  EXPECT_EQ(t.explanation,
            "no set of extra cuts meets every target of level II: with 3 candidate sources all at their largest cut, "
            "VOCs reaches 14.97% (target 15%). Not candidates: 1 without a cost.");
}

// fuzz_emission_cuts (corpus/emission_cuts/regression-symmetric-lines): enterprises of equal
// lines took one binary per line, and GLPK's branch and bound tried every equivalent subset —
// 10 s for 20 sources. Equal lines are now one count; the answer is the same.
TEST(TopUp, EqualLinesAreOneCount) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "m1,,enterprise,machinery,,6,0,0,3,6,,,0,60\n"
      "m2,,enterprise,machinery,,6,0,0,3,6,,,0,60\n"
      "m3,,enterprise,machinery,,6,0,0,3,6,,,0,61\n"
      "o,,enterprise,other,,1,0,0,21,42,,,0,\n",
      "i.csv");
  // Level III: machinery runs normally. 10 % of VOCs (6 of 60 t/day) and of PM (3 of 30) take 6
  // of the 18 lines (1 and 0.5 t/day each); the cheapest are m1's and m2's (10 a line).
  const aqi::TopUp t = aqi::top_up(inv, aqi::ResponseLevel::III);
  ASSERT_TRUE(t.feasible);
  int lines = 0;
  for (const auto& c : t.cuts) {
    EXPECT_NE(inv.id[c.source], "m3");
    lines += c.extra_lines;
  }
  EXPECT_EQ(lines, 6);
  EXPECT_DOUBLE_EQ(t.cost, 60);
}

// TopUpOptions::candidates from ids (what Python's candidates= passes): every id must be a source.
TEST(TopUp, CandidateFlagsFromIds) {
  const auto inv =
      inventory(enterprise("A", "other", 1, "", 1, 1, 1, 1, "10") + enterprise("B", "other", 1, "", 1, 1, 1, 1, "20"));
  EXPECT_EQ(aqi::candidate_flags(inv, {"B"}), (std::vector<std::uint8_t>{0, 1}));
  EXPECT_EQ(aqi::candidate_flags(inv, {}), (std::vector<std::uint8_t>{0, 0}));
  EXPECT_THROW_MSG(aqi::candidate_flags(inv, {"A", "C"}), aqi::UnknownName,
                   "no source with id 'C' in the inventory t.csv");
}
