// Per-source cuts and the county check — SPEC E1–E9, R3–R6, every expectation derived by hand
// (the arithmetic is in the comments).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "aqi/emissions/cuts.hpp"
#include "test_support.hpp"

using aqi::EmissionPollutant;
using aqi::ResponseLevel;

namespace {

const std::string header =
    "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
    "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n";

// An enterprise row: id, industry, grade, lines, so2, nox, pm, vocs, and the optional cells.
std::string enterprise(const std::string& id, const std::string& industry, const std::string& grade, int lines,
                       double so2, double nox, double pm, double vocs, const std::string& capacity = "",
                       const std::string& max_load = "", const std::string& excluded = "", int low_nox = 0) {
  auto n = [](double x) { return aqi::detail::format_number(x); };
  return id + ",," + "enterprise," + industry + "," + grade + "," + std::to_string(lines) + "," + capacity + "," +
         n(so2) + "," + n(nox) + "," + n(pm) + "," + n(vocs) + "," + max_load + "," + excluded + "," +
         std::to_string(low_nox) + ",100,,,,,,,\n";
}

std::string fleet(const std::string& id, const std::string& owner, const std::string& vehicle, int standard,
                  const std::string& trips, const std::string& exempt = "", int built_up = 0, int black_smoke = 0) {
  return id + ",,fleet," + owner + ",,1,,0,1,0.1,0,,,0,50," + vehicle + "," + std::to_string(standard) + "," + trips +
         "," + exempt + "," + std::to_string(built_up) + "," + std::to_string(black_smoke) + ",\n";
}

std::string dust(const std::string& id, const std::string& activity, double pm, double vocs = 0) {
  return id + ",,dust,other,,1,,0,0," + aqi::detail::format_number(pm) + "," + aqi::detail::format_number(vocs) +
         ",,,0,20,,,,,,," + activity + "\n";
}

aqi::Inventory inventory(const std::string& rows) { return aqi::parse_inventory(header + rows, "t.csv"); }

const ResponseLevel levels[] = {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};

double reduction(const aqi::EmissionCuts& r, std::size_t i, EmissionPollutant p) {
  return r.reduction(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(p));
}

}  // namespace

// SPEC E4, every row at every level. Each source emits 1 t/day of every pollutant, so the county
// reduction is the sum of the cuts and the baseline is 11 t/day. Line-counted sources have 2 equal
// lines, so a −50% line cut stops ⌈0.5·2⌉ = 1 line = 0.5.
TEST(EmissionCuts, E4EveryRowAtEveryLevel) {
  const auto inv = inventory(
      enterprise("organic", "organic_chemical", "", 1, 1, 1, 1, 1) +
      enterprise("plastic", "plastic_products", "", 2, 1, 1, 1, 1) +
      enterprise("dyeing", "cotton_dyeing", "", 2, 1, 1, 1, 1) + enterprise("fert", "fertiliser", "", 1, 1, 1, 1, 1) +
      enterprise("mach", "machinery", "", 2, 1, 1, 1, 1) + enterprise("rubber", "other_rubber", "", 2, 1, 1, 1, 1) +
      enterprise("power", "power_heat", "", 1, 1, 1, 1, 1) + enterprise("coal", "coal_boiler", "", 1, 1, 1, 1, 1) +
      enterprise("gas_low", "gas_boiler", "", 1, 1, 1, 1, 1, "", "", "", 1) +
      enterprise("gas", "gas_boiler", "", 1, 1, 1, 1, 1, "", "", "", 0) +
      enterprise("else", "other", "", 1, 1, 1, 1, 1));
  //                          organic plastic dyeing fert mach rubber power coal gas_low gas else
  const double expected[3][11] = {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},                // III: all normal
                                  {0.2, 0.5, 0.5, 0.3, 0.5, 0.5, 0, 0.5, 0, 0, 0},  // II
                                  {0.2, 1, 1, 0.5, 1, 1, 0, 1, 0, 1, 1}};           // I (E5: else stops)
  // Sums: III 0; II 0.2+0.5+0.5+0.3+0.5+0.5+0.5 = 3.0; I 0.2+1+1+0.5+1+1+1+1+1 = 7.7.
  const double county[3] = {0, 3.0, 7.7};
  for (int l = 0; l < 3; ++l) {
    const auto r = aqi::emission_cuts(inv, levels[l]);
    for (std::size_t i = 0; i < inv.size(); ++i) {
      EXPECT_DOUBLE_EQ(r.cut[static_cast<Eigen::Index>(i)], expected[l][i]) << inv.id[i] << " at " << l;
      for (auto p : aqi::all_emission_pollutants) EXPECT_DOUBLE_EQ(reduction(r, i, p), expected[l][i]);
    }
    for (auto p : aqi::all_emission_pollutants) {
      EXPECT_DOUBLE_EQ(r.check(p).baseline, 11);
      EXPECT_NEAR(r.check(p).reduction, county[l], 1e-12);
      EXPECT_NEAR(r.check(p).ratio, county[l] / 11, 1e-12);
    }
    EXPECT_EQ(r.unsourced, 0u);
    EXPECT_EQ(r.unverified, l == 0 ? 1u : 0u);  // organic chemicals: the III row is unverified, II and I verified
  }
  // II: 3/11 = 27.3% ≥ 20% (SO2, NOx, PM) and ≥ 15% (VOCs): met. I: 7.7/11 = 70% ≥ 30%, 20%: met.
  EXPECT_TRUE(aqi::emission_cuts(inv, ResponseLevel::II).met);
  EXPECT_TRUE(aqi::emission_cuts(inv, ResponseLevel::I).met);
  // III: nothing is cut, 0% < 10%: short 10 pp = 1.1 t of each pollutant.
  const auto yellow = aqi::emission_cuts(inv, ResponseLevel::III);
  EXPECT_FALSE(yellow.met);
  EXPECT_NEAR(yellow.check(EmissionPollutant::vocs).shortfall_pp, 10, 1e-12);
  EXPECT_NEAR(yellow.check(EmissionPollutant::vocs).shortfall, 1.1, 1e-12);
  EXPECT_EQ(yellow.status[0], aqi::RuleStatus::unverified);
  // The verified rows say where they were read.
  EXPECT_EQ(aqi::cut_source(yellow, 1, aqi::builtin_industry_measures()), "plan §5.5 ② (l.127); SPEC E4");
}

// SPEC E6: whole lines, rounded up, and the stopped lines' share with unequal capacities.
TEST(EmissionCuts, E6LineRounding) {
  const auto inv = inventory(
      enterprise("one", "plastic_products", "", 1, 10, 0, 0, 0) +   // II: ⌈0.5·1⌉ = 1 of 1 → 1
      enterprise("three", "plastic_products", "", 3, 9, 0, 0, 0) +  // II: ⌈1.5⌉ = 2 of 3 → 2/3 → 6 t
      enterprise("unequal", "plastic_products", "", 3, 10, 0, 0, 0, "10;30;60") +  // II: 2 smallest = 0.4 → 4 t
      enterprise("five", "machinery", "", 5, 10, 0, 0, 0, "1;6;1;1;1"));  // II: ⌈2.5⌉ = 3 smallest = 3/10 → 3 t
  const auto r = aqi::emission_cuts(inv, ResponseLevel::II);
  EXPECT_EQ(r.lines_stopped, (std::vector<int>{1, 2, 2, 3}));
  EXPECT_DOUBLE_EQ(r.cut[0], 1);
  EXPECT_DOUBLE_EQ(r.cut[1], 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.cut[2], 0.4);
  EXPECT_DOUBLE_EQ(r.cut[3], 0.3);
  EXPECT_DOUBLE_EQ(reduction(r, 1, EmissionPollutant::so2), 6);
  EXPECT_DOUBLE_EQ(reduction(r, 2, EmissionPollutant::so2), 4);
  EXPECT_DOUBLE_EQ(reduction(r, 3, EmissionPollutant::so2), 3);
  // County: 10 + 6 + 4 + 3 = 23 of 39.
  EXPECT_DOUBLE_EQ(r.check(EmissionPollutant::so2).reduction, 23);
  EXPECT_EQ(aqi::cut_measure(r, inv, 2, aqi::builtin_industry_measures()),
            "cut 50% by production line; 2 of 3 lines stop (E6)");
  // At I every line stops: the share is exactly 1, whatever the capacities.
  const auto red = aqi::emission_cuts(inv, ResponseLevel::I);
  for (Eigen::Index i = 0; i < 4; ++i) EXPECT_EQ(red.cut[i], 1);
  // ⌈f·n⌉ without floating-point surprises: 0.3·10 is 3.0000000000000004 in doubles, still 3 lines.
  EXPECT_EQ(aqi::detail::lines_to_stop(0.3, 10), 3);
  EXPECT_EQ(aqi::detail::lines_to_stop(0.31, 10), 4);
  EXPECT_EQ(aqi::detail::lines_to_stop(0.5, 3), 2);
  EXPECT_EQ(aqi::detail::lines_to_stop(0, 3), 0);
}

// SPEC E7: a protected enterprise's cut is min(rule cut, 1 − approved max load).
TEST(EmissionCuts, E7ProtectedCap) {
  const auto inv = inventory(enterprise("coal60", "coal_boiler", "", 1, 10, 10, 10, 0, "", "0.6") +
                             enterprise("coal30", "coal_boiler", "", 1, 10, 10, 10, 0, "", "0.3") +
                             enterprise("line70", "plastic_products", "", 2, 0, 0, 10, 10, "", "0.7") +
                             enterprise("full", "other", "", 1, 10, 10, 10, 10, "", "1"));
  const auto ii = aqi::emission_cuts(inv, ResponseLevel::II);
  EXPECT_DOUBLE_EQ(ii.cut[0], 0.4);  // min(0.5, 1 − 0.6) = 0.4, capped
  EXPECT_TRUE(ii.capped[0]);
  EXPECT_DOUBLE_EQ(ii.cut[1], 0.5);  // min(0.5, 0.7) = 0.5, not capped
  EXPECT_FALSE(ii.capped[1]);
  EXPECT_DOUBLE_EQ(ii.cut[2], 0.3);  // 1 of 2 lines = 0.5, capped at 1 − 0.7 = 0.3
  EXPECT_EQ(ii.lines_stopped[2], 1);
  EXPECT_TRUE(ii.capped[2]);
  const auto i = aqi::emission_cuts(inv, ResponseLevel::I);
  EXPECT_DOUBLE_EQ(i.cut[0], 0.4);  // min(1, 0.4)
  EXPECT_DOUBLE_EQ(i.cut[1], 0.7);  // min(1, 0.7)
  EXPECT_DOUBLE_EQ(i.cut[2], 0.3);
  EXPECT_DOUBLE_EQ(i.cut[3], 0);  // max load 1: never cut (E5 would stop it)
  EXPECT_TRUE(i.capped[3]);
  // County SO2 at I: 10·0.4 + 10·0.7 + 0 + 0 = 11 of 40.
  EXPECT_DOUBLE_EQ(i.check(EmissionPollutant::so2).reduction, 11);
  EXPECT_EQ(aqi::cut_measure(ii, inv, 0, aqi::builtin_industry_measures()),
            "coal use halved; capped at 1 - approved max load 0.6 (E7)");
}

// SPEC E2: excluded sources count in neither baseline nor reduction, whatever their kind.
TEST(EmissionCuts, E2ExclusionsCountForNothing) {
  const auto inv = inventory(enterprise("kept", "other", "", 1, 10, 10, 10, 10) +
                             enterprise("z", "other", "", 1, 100, 100, 100, 100, "", "", "zombie") +
                             enterprise("f", "other", "", 1, 100, 100, 100, 100, "", "", "fake") +
                             enterprise("s", "other", "", 1, 100, 100, 100, 100, "", "", "long_stopped") +
                             enterprise("b", "other", "", 1, 100, 100, 100, 100, "", "", "banned") +
                             enterprise("e", "coal_boiler", "", 1, 100, 100, 100, 100, "", "", "eliminated_boiler") +
                             "y,,fleet,other,,1,,0,100,100,0,,yellow_label,0,,heavy_truck,3,50,,,,\n");
  const auto r = aqi::emission_cuts(inv, ResponseLevel::I);
  EXPECT_EQ(r.excluded, 6u);
  for (auto p : aqi::all_emission_pollutants) {
    EXPECT_DOUBLE_EQ(r.check(p).baseline, 10);   // only "kept"
    EXPECT_DOUBLE_EQ(r.check(p).reduction, 10);  // E5 stops it at red: 100%
  }
  for (std::size_t i = 1; i < inv.size(); ++i) {
    EXPECT_EQ(r.basis[i], aqi::CutBasis::excluded);
    EXPECT_EQ(r.cut[static_cast<Eigen::Index>(i)], 0);
  }
  EXPECT_EQ(aqi::cut_measure(r, inv, 1, aqi::builtin_industry_measures()), "excluded (E2: zombie)");
}

// SPEC R4: SO2 and NOx are met as a pair: r_SO2 + r_NOx ≥ 2 · target.
TEST(EmissionCuts, R4SulphurNitrogenTrade) {
  // II (targets 20%): coal boiler halved: SO2 60 of 100 → 30 t = 30%; NOx 20 of 100 → 10 t = 10%.
  // 30% + 10% = 40% ≥ 40%: both met, NOx not alone. PM and VOCs come from an E4 line source.
  const std::string rest = enterprise("dye", "cotton_dyeing", "", 2, 0, 0, 10, 10);  // 1 of 2 lines: 50%
  const auto met =
      aqi::emission_cuts(inventory(enterprise("coal", "coal_boiler", "", 1, 60, 20, 0, 0) +
                                   enterprise("gas", "gas_boiler", "", 1, 40, 80, 0, 0, "", "", "", 1) + rest),
                         ResponseLevel::II);
  const auto& so2 = met.check(EmissionPollutant::so2);
  const auto& nox = met.check(EmissionPollutant::nox);
  EXPECT_DOUBLE_EQ(so2.ratio, 0.3);
  EXPECT_DOUBLE_EQ(nox.ratio, 0.1);
  EXPECT_TRUE(so2.met && nox.met && so2.traded && nox.traded);
  EXPECT_TRUE(so2.met_alone);
  EXPECT_FALSE(nox.met_alone);
  EXPECT_EQ(nox.shortfall, 0);
  EXPECT_TRUE(met.met);
  // SO2 50 of 100 → 25 t = 25%; NOx 10%: 35% < 40%, both short by the pair's 5 pp: 5 t of SO2 or
  // 5 t of NOx would close it.
  const auto short_ =
      aqi::emission_cuts(inventory(enterprise("coal", "coal_boiler", "", 1, 50, 20, 0, 0) +
                                   enterprise("gas", "gas_boiler", "", 1, 50, 80, 0, 0, "", "", "", 1) + rest),
                         ResponseLevel::II);
  for (auto p : {EmissionPollutant::so2, EmissionPollutant::nox}) {
    EXPECT_FALSE(short_.check(p).met);
    EXPECT_NEAR(short_.check(p).shortfall_pp, 5, 1e-12);
    EXPECT_NEAR(short_.check(p).shortfall, 5, 1e-12);
  }
  EXPECT_TRUE(short_.check(EmissionPollutant::so2).met_alone);  // 25% ≥ 20% alone, but the pair is short
  EXPECT_FALSE(short_.met);
}

// SPEC R5: dust counts toward PM at most dust_cap of the PM baseline.
TEST(EmissionCuts, R5DustCap) {
  // PM baseline 100: coal boiler 10 t (II: halved → 5 t), a mine 20 t (stops, E9), a road 70 t (no stop).
  const auto inv = inventory(enterprise("coal", "coal_boiler", "", 1, 10, 10, 10, 0) + dust("mine", "mine", 20) +
                             dust("road", "road", 70));
  const auto uncapped = aqi::emission_cuts(inv, ResponseLevel::II);
  const auto& pm = uncapped.check(EmissionPollutant::pm);
  EXPECT_DOUBLE_EQ(pm.baseline, 100);
  EXPECT_DOUBLE_EQ(pm.dust_reduction, 20);
  EXPECT_DOUBLE_EQ(pm.reduction, 25);  // 5 + 20 = 25%: met
  EXPECT_TRUE(pm.met);
  // Cap 0.1: dust counts min(20, 0.1·100) = 10; 5 + 10 = 15% < 20%: short 5 pp = 5 t.
  aqi::CutOptions o;
  o.dust_cap = 0.1;
  const auto capped = aqi::emission_cuts(inv, ResponseLevel::II, o);
  const auto& c = capped.check(EmissionPollutant::pm);
  EXPECT_DOUBLE_EQ(c.dust_counted, 10);
  EXPECT_DOUBLE_EQ(c.reduction, 15);
  EXPECT_DOUBLE_EQ(c.ratio, 0.15);
  EXPECT_FALSE(c.met);
  EXPECT_NEAR(c.shortfall_pp, 5, 1e-12);
  EXPECT_NEAR(c.shortfall, 5, 1e-12);
  // Cap 0.3: 20 < 30, all dust counts.
  o.dust_cap = 0.3;
  EXPECT_DOUBLE_EQ(aqi::emission_cuts(inv, ResponseLevel::II, o).check(EmissionPollutant::pm).reduction, 25);
  o.dust_cap = 1.5;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II, o), aqi::InvalidArgument,
                   "dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got 1.5");
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::IV), aqi::InvalidArgument,
                   "response level IV has no emission-reduction measures (SPEC R3: III, II, I)");
}

// SPEC E8: fleets by vehicle, emission stage, trips and level.
TEST(EmissionCuts, E8Fleets) {
  const auto inv = inventory(fleet("t4", "other", "heavy_truck", 4, "20") +     // II, I: > 10 trips, ≤ 国四
                             fleet("t5", "other", "heavy_truck", 5, "20") +     // 国五: never
                             fleet("t4few", "other", "heavy_truck", 4, "10") +  // 10 trips is not > 10
                             fleet("t4live", "other", "heavy_truck", 4, "20", "livelihood") +
                             fleet("t4zone", "other", "heavy_truck", 4, "5", "", 1) +  // III: zone, not counted
                             fleet("power4", "power_heat", "heavy_truck", 4, "3") +    // E4 ⑦: every level
                             fleet("power5", "power_heat", "heavy_truck", 5, "3") +
                             fleet("nr2", "other", "non_road", 2, "") +  // II, I: ≤ 国二 stops
                             fleet("nr3", "other", "non_road", 3, "") +
                             fleet("nr2clean", "other", "non_road", 2, "", "clean_energy") +
                             fleet("smoke", "other", "non_road", 3, "", "", 1, 1) +  // built-up black smoke
                             fleet("smoke_out", "other", "non_road", 3, "", "", 0, 1));
  //                           t4 t5 few live zone p4 p5 nr2 nr3 clean smoke out
  const double expected[3][12] = {{0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0},   // III
                                  {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0},   // II
                                  {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0}};  // I
  for (int l = 0; l < 3; ++l) {
    const auto r = aqi::emission_cuts(inv, levels[l]);
    for (std::size_t i = 0; i < inv.size(); ++i)
      EXPECT_EQ(r.cut[static_cast<Eigen::Index>(i)], expected[l][i]) << inv.id[i] << " at " << l;
    // Each fleet emits 1 t NOx: the county's NOx reduction is the number stopped: 2, 4, 4 of 12.
    EXPECT_DOUBLE_EQ(r.check(EmissionPollutant::nox).reduction, l == 0 ? 2 : 4);
  }
  const auto iii = aqi::emission_cuts(inv, ResponseLevel::III);
  EXPECT_EQ(iii.fleet_measure[4], aqi::FleetMeasure::restricted_zone);
  EXPECT_EQ(iii.fleet_measure[5], aqi::FleetMeasure::owner_transport);
  EXPECT_EQ(iii.status[5], aqi::RuleStatus::verified);
  EXPECT_EQ(iii.fleet_measure[10], aqi::FleetMeasure::black_smoke_ban);
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::II).fleet_measure[0], aqi::FleetMeasure::heavy_truck_ban);
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::II).fleet_measure[3], aqi::FleetMeasure::exempt);
}

// SPEC E9: dust activities by level (cumulative: what stops at III stays stopped above it).
TEST(EmissionCuts, E9Dust) {
  const char* activities[] = {"mine",     "sand_gravel",    "stone_works", "earthwork",           "demolition",
                              "painting", "slope_spraying", "concrete",    "uncovered_transport", "road"};
  std::string rows;
  for (const char* a : activities) rows += dust(a, a, 1, std::string(a) == "painting" ? 2 : 0);
  const auto inv = inventory(rows);
  const double expected[3][10] = {
      {1, 1, 1, 1, 1, 1, 0, 0, 1, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 0}};
  for (int l = 0; l < 3; ++l) {
    const auto r = aqi::emission_cuts(inv, levels[l]);
    for (std::size_t i = 0; i < inv.size(); ++i)
      EXPECT_EQ(r.cut[static_cast<Eigen::Index>(i)], expected[l][i]) << activities[i] << " at " << l;
    // PM: 7 of 10 t at III, 9 of 10 above; all of it dust. VOCs: painting's 2 t stop at every level.
    EXPECT_DOUBLE_EQ(r.check(EmissionPollutant::pm).dust_reduction, l == 0 ? 7 : 9);
    EXPECT_DOUBLE_EQ(r.check(EmissionPollutant::vocs).reduction, 2);
  }
}

// Rules without a value are reported, never counted as a cut of 0; unverified ones are marked.
TEST(EmissionCuts, UnsourcedAndUnverifiedRulesAreReported) {
  const auto inv = inventory(enterprise("cer", "ceramics", "B", 2, 5, 6, 7, 0) +        // not sourced
                             enterprise("glass", "glass", "D", 1, 0, 10, 10, 0) +       // 30%, unverified
                             enterprise("coal", "coal_boiler", "", 1, 10, 10, 10, 0));  // II: 50%, verified
  const auto r = aqi::emission_cuts(inv, ResponseLevel::II);
  EXPECT_TRUE(std::isnan(r.cut[0]));
  EXPECT_TRUE(std::isnan(reduction(r, 0, EmissionPollutant::so2)));
  EXPECT_EQ(r.status[0], aqi::RuleStatus::not_sourced);
  EXPECT_EQ(r.status[1], aqi::RuleStatus::unverified);
  EXPECT_EQ(r.unsourced, 1u);
  EXPECT_EQ(r.unverified, 1u);
  const auto& nox = r.check(EmissionPollutant::nox);
  EXPECT_DOUBLE_EQ(nox.baseline, 26);  // 6 + 10 + 10: the unsourced source stays in the baseline
  EXPECT_DOUBLE_EQ(nox.reduction, 8);  // 0.3·10 + 0.5·10; nothing counted for ceramics
  EXPECT_DOUBLE_EQ(nox.unverified_reduction, 3);
  EXPECT_EQ(nox.unsourced_sources, 1u);
  EXPECT_DOUBLE_EQ(nox.unsourced_baseline, 6);
  EXPECT_EQ(r.check(EmissionPollutant::vocs).unsourced_sources, 0u);  // ceramics emits no VOCs
  EXPECT_EQ(aqi::cut_source(r, 0, aqi::builtin_industry_measures()), "not sourced");
}

// SPEC R6: the sources that contribute most, with their share of the reduction.
TEST(EmissionCuts, R6TopContributors) {
  const auto inv = inventory(enterprise("a", "other", "", 1, 1, 0, 0, 0) + enterprise("b", "other", "", 1, 5, 0, 0, 0) +
                             enterprise("c", "other", "", 1, 3, 0, 0, 0) + enterprise("d", "other", "", 1, 1, 0, 0, 0));
  aqi::CutOptions o;
  o.top_contributors = 3;
  const auto r = aqi::emission_cuts(inv, ResponseLevel::I, o);  // E5: all stop; SO2 10 t
  const auto& top = r.check(EmissionPollutant::so2).top;
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].source, 1u);  // b: 5 t = 50%
  EXPECT_DOUBLE_EQ(top[0].share, 0.5);
  EXPECT_EQ(top[1].source, 2u);                              // c: 3 t = 30%
  EXPECT_EQ(top[2].source, 0u);                              // a and d tie at 1 t: the first in the inventory
  EXPECT_TRUE(r.check(EmissionPollutant::nox).top.empty());  // nothing emitted, nothing listed
}

// The matrix–vector product (E1) equals the sum of the per-source reductions.
TEST(EmissionCuts, E1ProductEqualsSumOfSources) {
  const auto inv = aqi::read_inventory(std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/inventory.csv");
  for (auto level : levels) {
    const auto r = aqi::emission_cuts(inv, level);
    for (auto p : {EmissionPollutant::so2, EmissionPollutant::nox, EmissionPollutant::vocs}) {
      double sum = 0, base = 0;
      for (std::size_t i = 0; i < inv.size(); ++i) {
        if (r.basis[i] == aqi::CutBasis::excluded) continue;
        base += inv.baseline(i, p);
        if (!std::isnan(r.cut[static_cast<Eigen::Index>(i)])) sum += reduction(r, i, p);
      }
      EXPECT_NEAR(r.check(p).reduction, sum, 1e-9 * base);
      EXPECT_NEAR(r.check(p).baseline, base, 1e-9 * base);
    }
  }
}

// docs/errors.md, "Emission entry points": options the cuts refuse, and a huge `top`.
TEST(EmissionCuts, BadInputOptions) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n"
      "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n",
      "inv.csv");
  // A partial measure table given as the table in use (not as an override) lacks 122 of its 123
  // rows (docs/emissions.md); the three named first are ceramics grade A's.
  const auto partial = aqi::IndustryMeasures::parse(
      "document = \"b\"\n[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"I\"\ncut = 1\n"
      "counted_by = \"process\"\nsource = \"s\"\nverified = true\nevidence = \"plan\"\n",
      "b.toml");
  aqi::CutOptions o;
  o.measures = &partial;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::I, o), aqi::InvalidArgument,
                   "the measure table (b) lacks 137 rows: ceramics grade A at III, ceramics grade A at II, ceramics "
                   "grade A at I …; override the built-in table instead of replacing it");
  o = {};
  o.dust_cap = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::I, o), aqi::InvalidArgument,
                   "dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got nan");
  // Found writing the bad-input matrix: a huge top_contributors reserved that many entries
  // (std::length_error); the list now holds at most one entry per source.
  o = {};
  o.top_contributors = std::size_t{1} << 62;
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::I, o).summary[0].top.size(), 1u);
}

// Safe lifetimes (issue 12): the result shares the table and targets it was computed with, so its
// texts are read after the caller's table is gone; a built-in table is aliased, not copied.
TEST(EmissionCuts, TheResultOwnsItsTables) {
  const auto inv = inventory(enterprise("coal", "coal_boiler", "", 1, 10, 10, 10, 0));
  aqi::EmissionCuts r;
  {
    const auto bureau = aqi::IndustryMeasures::parse(
        "document = \"local\"\n[[rule]]\nindustry = \"coal_boiler\"\ngrade = \"\"\nresponse = \"II\"\ncut = 0.6\n"
        "counted_by = \"fuel\"\nmeasure_en = \"coal use cut 60%\"\nsource = \"bureau list\"\nverified = true\n"
        "evidence = \"plan\"\n",
        "b.toml");
    const aqi::IndustryMeasures local = aqi::builtin_industry_measures().overridden_by(bureau);
    const aqi::EmissionTargets targets = aqi::builtin_emission_targets();
    aqi::CutOptions o;
    o.measures = &local;
    o.targets = &targets;
    r = aqi::emission_cuts(inv, ResponseLevel::II, o);
    EXPECT_NE(r.measures.get(), &local);
    EXPECT_NE(r.targets.get(), &targets);
  }
  EXPECT_EQ(aqi::cut_measure(r, inv, 0), "coal use cut 60%");
  EXPECT_EQ(aqi::cut_source(r, inv, 0), "bureau list");
  EXPECT_EQ(r.targets->ratio(ResponseLevel::II, EmissionPollutant::so2), 0.2);
  const auto builtin = aqi::emission_cuts(inv, ResponseLevel::II);
  EXPECT_EQ(builtin.measures.get(), &aqi::builtin_industry_measures());
  EXPECT_EQ(builtin.targets.get(), &aqi::builtin_emission_targets());
}

// The labels a report gives each source, decided here once (E2–E9): what the cut applies to and
// the status of its rule.
TEST(EmissionCuts, CountedByAndRuleStatusLabels) {
  const auto inv =
      inventory(enterprise("plastic", "plastic_products", "", 2, 1, 1, 1, 1) +
                enterprise("zombie", "other", "", 1, 1, 1, 1, 1, "", "", "zombie") +
                fleet("t4", "other", "heavy_truck", 4, "20") + dust("mine", "mine", 1) +
                enterprise("glass", "glass", "D", 1, 0, 10, 10, 0) + enterprise("cer", "ceramics", "B", 1, 0, 1, 1, 0));
  const auto r = aqi::emission_cuts(inv, ResponseLevel::II);
  const std::vector<std::string> counted{"line", "", "transport", "activity", "raw_material", "none"};
  const std::vector<std::string> status{"verified", "excluded", "verified", "verified", "unverified", "not_sourced"};
  for (std::size_t i = 0; i < inv.size(); ++i) {
    EXPECT_EQ(aqi::cut_counted_by(r, i), counted[i]) << inv.id[i];
    EXPECT_EQ(aqi::cut_rule_status(r, i), status[i]) << inv.id[i];
  }
  EXPECT_EQ(aqi::key(aqi::parse_cut_basis("fleet")), "fleet");
  EXPECT_THROW_MSG(aqi::parse_cut_basis("rules"), aqi::UnknownName,
                   "unknown cut basis 'rules'; expected one of: rule, excluded, fleet, dust, voluntary");
}
