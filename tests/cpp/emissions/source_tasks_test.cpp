// The task list of each source (一厂一策) — SPEC N2: one row per rule status (verified, unverified,
// not sourced, excluded), with the lines stopped (E6) and the transport clause (E4 ⑦). Expected
// words are the rows of industry_measures.toml and the guide's table, read by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "aqi/emissions/source_tasks.hpp"
#include "aqi/plan.hpp"
#include "test_support.hpp"

namespace {

const std::string header =
    "id,name,kind,industry,grade,lines,line_capacity,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,"
    "vehicle,standard,trips_per_day,exempt,built_up,black_smoke,dust\n";

std::vector<aqi::SourceTask> tasks_at_ii() {
  const auto inv = aqi::parse_inventory(header +
                                            "P1,塑料厂,enterprise,plastic_products,,3,,1,1,1,1,,,0,100,,,,,,,\n"
                                            "G1,玻璃厂,enterprise,glass,B,1,,1,1,1,1,,,0,100,,,,,,,\n"
                                            "C1,陶瓷厂,enterprise,ceramics,B,1,,1,1,1,1,,,0,100,,,,,,,\n"
                                            "Z1,僵尸厂,enterprise,plastic_products,,1,,1,1,1,1,,zombie,0,100,,,,,,,\n"
                                            "H1,热电厂,enterprise,power_heat,,1,,1,1,1,1,,,0,100,,,,,,,\n",
                                        "t.csv");
  aqi::CutOptions o;
  o.measures = aqi::plan("yiyuan-2019").industry_measures.get();
  return aqi::source_tasks(inv, aqi::emission_cuts(inv, aqi::ResponseLevel::II, o));
}

}  // namespace

TEST(SourceTasks, N2OneRowPerRuleStatus) {
  const auto t = tasks_at_ii();
  ASSERT_EQ(t.size(), 5u);
  // E4 ②, E6: plastics at orange −50% by line: ⌈0.5·3⌉ = 2 of 3 lines stop; verified (plan §5.5).
  EXPECT_EQ(t[0].measure_zh, "橙色预警减产50%，以生产线计；停产2条生产线（共3条）");
  EXPECT_EQ(t[0].lines_stopped, 2);
  EXPECT_EQ(t[0].status, "verified");
  EXPECT_EQ(t[0].industry, "plastic_products");
  EXPECT_EQ(t[0].rule, "plastic_products at II — plan §5.5 ② (l.127); SPEC E4");
  // The guide's glass grade B at orange: 10%, a secondary source (unverified).
  EXPECT_EQ(t[1].grade, "B");
  EXPECT_DOUBLE_EQ(t[1].cut, 0.1);
  EXPECT_EQ(t[1].status, "unverified");
  // Ceramics grade B: the guide's row was not found: no value.
  EXPECT_TRUE(std::isnan(t[2].cut));
  EXPECT_EQ(t[2].status, "not_sourced");
  // E2: a zombie enterprise is struck from the list.
  EXPECT_EQ(t[3].status, "excluded");
  EXPECT_EQ(t[3].measure_zh, "剔除出应急减排清单，不计减排（预案§5.4.2：zombie）");
  // E4 ⑦: power and heat keep producing; the transport clause applies.
  EXPECT_EQ(t[4].transport, "禁止使用国四及以下重型载货车辆（含燃气）进行运输");
  EXPECT_EQ(t[4].cut, 0);
}

// N2: the cuts of another inventory are refused, not read row by row against the wrong sources.
TEST(SourceTasks, N2RefusesTheCutsOfAnotherInventory) {
  const auto one =
      aqi::parse_inventory(header + "P1,塑料厂,enterprise,plastic_products,,3,,1,1,1,1,,,0,100,,,,,,,\n", "t.csv");
  const auto two = aqi::parse_inventory(header + "P1,塑料厂,enterprise,plastic_products,,3,,1,1,1,1,,,0,100,,,,,,,\n" +
                                            "P2,塑料厂,enterprise,plastic_products,,3,,1,1,1,1,,,0,100,,,,,,,\n",
                                        "t.csv");
  EXPECT_THROW_MSG(aqi::source_tasks(two, aqi::emission_cuts(one, aqi::ResponseLevel::II)), aqi::InvalidArgument,
                   "source tasks: the cuts have 1 sources, the inventory 2; pass the cuts of this inventory");
}
