// The emission-reduction inventory — SPEC E1 (schema), E2, E6, E7, E8, E9 fields: what is read, and
// every bad input as an error that names file:line:column and the column.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/emissions/top_up.hpp"
#include "test_support.hpp"

namespace {

// Every column, required and optional, in this order (column numbers in messages are 1-based).
const std::vector<std::string> columns{"id",
                                       "name",
                                       "kind",
                                       "industry",
                                       "grade",
                                       "lines",
                                       "line_capacity",
                                       "so2",
                                       "nox",
                                       "pm",
                                       "vocs",
                                       "protected_max_load",
                                       "excluded",
                                       "low_nox",
                                       "cost",
                                       "vehicle",
                                       "standard",
                                       "trips_per_day",
                                       "exempt",
                                       "built_up",
                                       "black_smoke",
                                       "dust"};

using Row = std::map<std::string, std::string>;

// A valid enterprise row with `changes` applied.
std::string row(const Row& changes = {}) {
  Row r{{"id", "E1"},   {"name", "Plant"}, {"kind", "enterprise"}, {"industry", "plastic_products"},
        {"lines", "2"}, {"so2", "1"},      {"nox", "2"},           {"pm", "3"},
        {"vocs", "4"},  {"low_nox", "0"},  {"cost", "100"}};
  for (const auto& [k, v] : changes) r[k] = v;
  std::string s;
  for (std::size_t c = 0; c < columns.size(); ++c) s += (c ? "," : "") + (r.count(columns[c]) ? r[columns[c]] : "");
  return s + "\n";
}

std::string header() {
  std::string s;
  for (std::size_t c = 0; c < columns.size(); ++c) s += (c ? "," : "") + columns[c];
  return s + "\n";
}

aqi::Inventory parse(const std::string& rows) { return aqi::parse_inventory(header() + rows, "inv.csv"); }

const Row truck{{"id", "F1"},           {"kind", "fleet"},          {"industry", "other"},
                {"lines", "12"},        {"vehicle", "heavy_truck"}, {"standard", "4"},
                {"trips_per_day", "30"}};
const Row mine{{"id", "D1"}, {"kind", "dust"}, {"industry", "other"}, {"lines", "1"}, {"dust", "mine"}};

Row with(Row base, const Row& changes) {
  for (const auto& [k, v] : changes) base[k] = v;
  return base;
}

}  // namespace

TEST(Inventory, E1ReadsEveryKind) {
  const auto inv = parse(row({{"line_capacity", "30;10;60"}, {"lines", "3"}}) +
                         row({{"id", "E2"}, {"industry", "ceramics"}, {"grade", "C"}, {"protected_max_load", "0.6"}}) +
                         row({{"id", "E3"}, {"industry", "gas_boiler"}, {"low_nox", "1"}, {"cost", ""}}) +
                         row({{"id", "E4"}, {"excluded", "zombie"}}) + row(truck) +
                         row(with(truck, {{"id", "F2"},
                                          {"vehicle", "non_road"},
                                          {"standard", "2"},
                                          {"trips_per_day", ""},
                                          {"exempt", "emergency_repair"},
                                          {"built_up", "1"},
                                          {"black_smoke", "1"}})) +
                         row(mine));
  ASSERT_EQ(inv.size(), 7u);
  EXPECT_EQ(inv.id[0], "E1");
  EXPECT_EQ(inv.line[0], 2u);
  EXPECT_EQ(inv.kind[4], aqi::SourceKind::fleet);
  EXPECT_EQ(inv.kind[6], aqi::SourceKind::dust);
  EXPECT_EQ(inv.industry[1], aqi::Industry::ceramics);
  EXPECT_EQ(inv.grade[1], aqi::Grade::C);
  EXPECT_EQ(inv.baseline(0, aqi::EmissionPollutant::vocs), 4);
  EXPECT_EQ(inv.emissions.rows(), 7);
  // E6: capacities 30;10;60 are shares 0.1, 0.3, 0.6, smallest first.
  ASSERT_EQ(inv.lines[0], 3);
  EXPECT_DOUBLE_EQ(inv.shares(0)[0], 0.1);
  EXPECT_DOUBLE_EQ(inv.shares(0)[1], 0.3);
  EXPECT_DOUBLE_EQ(inv.shares(0)[2], 0.6);
  EXPECT_EQ(inv.line_capacity[0], "30;10;60");
  EXPECT_DOUBLE_EQ(inv.shares(1)[1], 0.5);  // equal lines
  EXPECT_EQ(inv.protected_max_load[1], 0.6);
  EXPECT_TRUE(std::isnan(inv.protected_max_load[0]));
  EXPECT_EQ(inv.low_nox[2], 1);
  EXPECT_TRUE(std::isnan(inv.cost[2]));
  EXPECT_EQ(inv.excluded[3], aqi::Exclusion::zombie);
  EXPECT_EQ(inv.vehicle[4], aqi::Vehicle::heavy_truck);
  EXPECT_EQ(inv.standard[4], 4);
  EXPECT_EQ(inv.trips_per_day[4], 30);
  EXPECT_EQ(inv.exempt[5], aqi::FleetExemption::emergency_repair);
  EXPECT_EQ(inv.black_smoke[5], 1);
  EXPECT_EQ(inv.standard[0], -1);
  EXPECT_EQ(inv.dust[6], aqi::DustActivity::mine);
  EXPECT_EQ(inv.index("F2"), 5u);
  EXPECT_THROW_MSG(inv.index("X"), aqi::UnknownName, "no source with id 'X' in the inventory inv.csv");
  inv.require_consistent();
}

TEST(Inventory, OptionalColumnsMayBeAbsentAndOwnColumnsAreSkipped) {
  const auto inv = aqi::parse_inventory(
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,x_town\n"
      "E1,Plant,enterprise,other,,1,0,0.5,1,0,,,0,,Nanma\n",
      "inv.csv");
  EXPECT_EQ(inv.size(), 1u);
  EXPECT_EQ(inv.dust[0], aqi::DustActivity::none);
}

// Every bad cell is an error naming file:line:column and the column (nothing dropped).
TEST(Inventory, ErrorsNameRowAndColumn) {
  using aqi::ParseError;
  EXPECT_THROW_MSG(parse(row({{"industry", "ceramic"}})), ParseError,
                   "inv.csv:2:4: column 'industry': unknown industry 'ceramic'; expected one of: ceramics, glass, "
                   "lime_kiln, foundry, pharmaceutical, cement_grinding, brick_kiln, refractory, rock_wool, furniture, "
                   "packaging_printing, wood_panel, plastics_manufacturing, rubber_products, industrial_coating, "
                   "organic_chemical, plastic_products, cotton_dyeing, fertiliser, machinery, other_rubber, "
                   "power_heat, coal_boiler, gas_boiler, other");
  EXPECT_THROW_MSG(parse(row() + row()), ParseError, "inv.csv:3:1: column 'id': duplicate id 'E1' (first on line 2)");
  EXPECT_THROW_MSG(parse(row({{"id", ""}})), ParseError, "inv.csv:2:1: column 'id': a value is required");
  EXPECT_THROW_MSG(parse(row({{"nox", "-0.5"}})), ParseError,
                   "inv.csv:2:9: column 'nox': negative emission -0.5 (t/day must be ≥ 0)");
  EXPECT_THROW_MSG(parse(row({{"pm", ""}})), ParseError, "inv.csv:2:10: column 'pm': a value is required");
  EXPECT_THROW_MSG(parse(row({{"vocs", "4 t"}})), ParseError, "inv.csv:2:11: column 'vocs': '4 t' is not a number");
  EXPECT_THROW_MSG(
      parse(row({{"grade", "B"}})), ParseError,
      "inv.csv:2:5: column 'grade': grade B on plastic_products, which is not a graded industry (SPEC E3)");
  EXPECT_THROW_MSG(
      parse(row({{"industry", "foundry"}})), ParseError,
      "inv.csv:2:5: column 'grade': foundry is a graded key industry: grade A, B, C or D required (SPEC E3)");
  EXPECT_THROW_MSG(parse(row({{"industry", "foundry"}, {"grade", "E"}})), ParseError,
                   "inv.csv:2:5: column 'grade': grade must be A, B, B-, C, D, leading, non_leading (or A级 … D级, "
                   "B-级, 引领性, 非引领性) or empty, got 'E'");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"grade", "A"}}))), ParseError,
                   "inv.csv:2:5: column 'grade': grade A on a fleet row: grades are for enterprises");
  EXPECT_THROW_MSG(parse(row({{"kind", "plant"}})), ParseError,
                   "inv.csv:2:3: column 'kind': 'plant' is not one of: enterprise, fleet, dust");
  EXPECT_THROW_MSG(parse(row({{"excluded", "dead"}})), ParseError,
                   "inv.csv:2:13: column 'excluded': 'dead' is not one of: zombie, fake, long_stopped, yellow_label, "
                   "banned, eliminated_boiler (SPEC E2)");
  EXPECT_THROW_MSG(parse(row({{"protected_max_load", "1.2"}})), ParseError,
                   "inv.csv:2:12: column 'protected_max_load': 1.2 is outside 0-1 (approved maximum load, SPEC E7)");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"protected_max_load", "0.5"}}))), ParseError,
                   "inv.csv:2:12: column 'protected_max_load': a protected maximum load applies to enterprises only "
                   "(SPEC E7)");
  EXPECT_THROW_MSG(parse(row({{"lines", "0"}})), ParseError,
                   "inv.csv:2:6: column 'lines': must be a whole number ≥ 1, got 0");
  EXPECT_THROW_MSG(parse(row({{"lines", "2.5"}})), ParseError,
                   "inv.csv:2:6: column 'lines': '2.5' is not a whole number");
  EXPECT_THROW_MSG(parse(row({{"line_capacity", "10;20;30"}})), ParseError,
                   "inv.csv:2:7: column 'line_capacity': 3 capacities for 2 lines (SPEC E6)");
  EXPECT_THROW_MSG(parse(row({{"line_capacity", "10;0"}})), ParseError,
                   "inv.csv:2:7: column 'line_capacity': line capacities must be > 0, got 0");
  EXPECT_THROW_MSG(parse(row({{"line_capacity", "10,5;3"}})), ParseError, "inv.csv:2: expected 22 fields, found 23");
  EXPECT_THROW_MSG(parse(row({{"line_capacity", "10;x"}})), ParseError,
                   "inv.csv:2:7: column 'line_capacity': 'x' is not a number (write capacities as a;b;c)");
  EXPECT_THROW_MSG(parse(row({{"industry", "gas_boiler"}, {"low_nox", ""}})), ParseError,
                   "inv.csv:2:14: column 'low_nox': a value is required: 0 or 1 for a gas boiler (SPEC E4 ⑧)");
  EXPECT_THROW_MSG(parse(row({{"low_nox", "2"}})), ParseError,
                   "inv.csv:2:14: column 'low_nox': must be 0 or 1, got '2'");
  EXPECT_THROW_MSG(parse(row({{"cost", "-1"}})), ParseError, "inv.csv:2:15: column 'cost': negative cost -1");
  EXPECT_THROW_MSG(aqi::parse_inventory("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,"
                                        "excluded,low_nox,cost,town\n",
                                        "inv.csv"),
                   ParseError,
                   "inv.csv:1:15: unknown column 'town' (name your own columns x_…; see docs/emissions.md for the "
                   "inventory's columns)");
  EXPECT_THROW_MSG(
      aqi::parse_inventory("id,name,kind,industry,grade,lines,so2,nox,pm,vocs,excluded,low_nox,cost\n", "inv.csv"),
      ParseError, "inv.csv:1: missing column 'protected_max_load'");
  EXPECT_THROW_MSG(aqi::read_inventory("/no/such/inventory.csv"), aqi::FileNotFound,
                   "/no/such/inventory.csv: no such file or it cannot be read");
}

// SPEC E8 and E9: the fields fleets and dust sources need, and only on those rows.
TEST(Inventory, E8E9FieldsBelongToTheirRows) {
  using aqi::ParseError;
  EXPECT_THROW_MSG(
      parse(row(with(truck, {{"vehicle", ""}}))), ParseError,
      "inv.csv:2:16: column 'vehicle': a value is required for a fleet: heavy_truck or non_road (SPEC E8)");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"vehicle", "bus"}}))), ParseError,
                   "inv.csv:2:16: column 'vehicle': 'bus' is not one of: heavy_truck, non_road (SPEC E8)");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"standard", "7"}}))), ParseError,
                   "inv.csv:2:17: column 'standard': China emission stage must be 0-6, got 7");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"trips_per_day", ""}}))), ParseError,
                   "inv.csv:2:18: column 'trips_per_day': a value is required");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"vehicle", "non_road"}}))), ParseError,
                   "inv.csv:2:18: column 'trips_per_day': trips_per_day applies to heavy-truck fleets only (SPEC E8)");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"exempt", "vip"}}))), ParseError,
                   "inv.csv:2:19: column 'exempt': 'vip' is not one of: livelihood, special, clean_energy, "
                   "emergency_repair (SPEC E8)");
  EXPECT_THROW_MSG(parse(row(with(truck, {{"black_smoke", "1"}}))), ParseError,
                   "inv.csv:2:21: column 'black_smoke': black_smoke applies to non-road machinery (SPEC E8)");
  EXPECT_THROW_MSG(parse(row({{"standard", "4"}})), ParseError,
                   "inv.csv:2:17: column 'standard': applies to fleet rows only (SPEC E8)");
  EXPECT_THROW_MSG(parse(row({{"built_up", "1"}})), ParseError,
                   "inv.csv:2:20: column 'built_up': applies to fleet rows only (SPEC E8)");
  EXPECT_THROW_MSG(parse(row(with(mine, {{"dust", "quarry"}}))), ParseError,
                   "inv.csv:2:22: column 'dust': 'quarry' is not one of: mine, sand_gravel, stone_works, earthwork, "
                   "demolition, painting, slope_spraying, concrete, uncovered_transport, road (SPEC E9)");
  EXPECT_THROW_MSG(parse(row(with(mine, {{"dust", ""}}))), ParseError,
                   "inv.csv:2:22: column 'dust': a value is required for a dust source (SPEC E9)");
  EXPECT_THROW_MSG(parse(row({{"dust", "mine"}})), ParseError,
                   "inv.csv:2:22: column 'dust': applies to dust rows only (SPEC E9)");
  const std::string no_fleet_columns =
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,"
      "low_nox,cost\nF1,Trucks,fleet,other,,1,0,1,0.1,0,,,0,\n";
  EXPECT_THROW_MSG(aqi::parse_inventory(no_fleet_columns, "inv.csv"), ParseError,
                   "inv.csv:2: fleet rows need column 'vehicle' (see docs/emissions.md)");
  const std::string no_dust_column =
      "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,"
      "low_nox,cost\nD1,Quarry,dust,other,,1,0,0,5,0,,,0,\n";
  EXPECT_THROW_MSG(aqi::parse_inventory(no_dust_column, "inv.csv"), ParseError,
                   "inv.csv:2: dust rows need column 'dust' (see docs/emissions.md)");
}

// SPEC E2: an excluded enterprise of a graded industry need not carry a grade (it counts for nothing).
TEST(Inventory, E2ExcludedRowsNeedNoGrade) {
  const auto inv = parse(row({{"industry", "ceramics"}, {"excluded", "long_stopped"}}));
  EXPECT_EQ(inv.grade[0], aqi::Grade::none);
}

// The scenario's inventory reads and covers every industry key (scenarios/yiyuan-2019/README.md).
TEST(Inventory, ScenarioFileCoversEveryIndustry) {
  const auto inv = aqi::read_inventory(std::string(AQI_SOURCE_DIR) + "/scenarios/yiyuan-2019/inventory.csv");
  EXPECT_GE(inv.size(), 250u);
  std::vector<bool> seen(aqi::industry_count);
  std::size_t fleets = 0, dust = 0, excluded = 0, protected_count = 0;
  for (std::size_t i = 0; i < inv.size(); ++i) {
    if (inv.kind[i] == aqi::SourceKind::enterprise) seen[static_cast<std::size_t>(inv.industry[i])] = true;
    fleets += inv.kind[i] == aqi::SourceKind::fleet;
    dust += inv.kind[i] == aqi::SourceKind::dust;
    excluded += inv.excluded[i] != aqi::Exclusion::none;
    protected_count += !std::isnan(inv.protected_max_load[i]);
  }
  for (std::size_t k = 0; k < aqi::industry_count; ++k) EXPECT_TRUE(seen[k]) << aqi::industry_keys[k];
  EXPECT_GT(fleets, 10u);
  EXPECT_GT(dust, 10u);
  EXPECT_GE(excluded, 6u);
  EXPECT_GE(protected_count, 3u);
}

// ---------------------------------------------------------------------------------------------
// docs/errors.md, "Inventory CSV" and "Hand-built C++ structs" (SPEC E1, E6).

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
const std::string inventory_header =
    "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost\n";
const std::string inventory_row = "E1,n,enterprise,other,,1,1,1,1,1,,,0,1\n";
aqi::Inventory one_source() { return aqi::parse_inventory(inventory_header + inventory_row, "inv.csv"); }
using aqi::ResponseLevel;
}  // namespace

TEST(Inventory, BadInputCsv) {
  EXPECT_THROW_MSG(aqi::parse_inventory("", "inv.csv"), aqi::ParseError, "inv.csv:1: empty file: no header line");
  EXPECT_THROW_MSG(aqi::parse_inventory(inventory_header + "E1,\"n,enterprise,other,,1,1,1,1,1,,,0,1\n", "inv.csv"),
                   aqi::ParseError, "inv.csv:2: unterminated quoted field");
  // Found writing this matrix: capacities summing to infinity made every line's share 0, so the
  // lines' cut counted for nothing (SPEC E6).
  EXPECT_THROW_MSG(aqi::parse_inventory(inventory_header.substr(0, inventory_header.size() - 1) +
                                            ",line_capacity\nE1,n,enterprise,plastic_products,,2,1,1,1,1,,,0,1,"
                                            "1e308;1e308\n",
                                        "inv.csv"),
                   aqi::ParseError,
                   "inv.csv:2:15: column 'line_capacity': line capacities sum to more than a double can hold; write "
                   "them in a larger unit");
  // A header without rows is an inventory of no sources.
  EXPECT_EQ(aqi::parse_inventory(inventory_header, "inv.csv").size(), 0u);
}

// Hand-built inventories (C++ only): what parse_inventory guarantees is checked by every call.
TEST(Inventory, BuiltInCodeBreaksItsInvariants) {
  auto inv = one_source();
  inv.name.pop_back();
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidArgument,
                   "inventory inv.csv: columns differ in length");
  // Found writing this matrix: 3 lines with 1 share read two shares past the vector's end.
  inv = one_source();
  inv.lines[0] = 3;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidValue,
                   "lines[0]: source 'E1' of inventory inv.csv has 3 lines and 1 line share (one per line, at least "
                   "one line)");
  inv = one_source();
  inv.emissions(0, 1) = -1;
  EXPECT_THROW_MSG(aqi::top_up(inv, ResponseLevel::II), aqi::InvalidValue,
                   "nox[0]: source 'E1' of inventory inv.csv: emission -1 t/day is not a finite number ≥ 0");
  inv = one_source();
  inv.emissions(0, 2) = inf;
  EXPECT_THROW_MSG(aqi::emission_cuts(inv, ResponseLevel::II), aqi::InvalidValue,
                   "pm[0]: source 'E1' of inventory inv.csv: emission inf t/day is not a finite number ≥ 0");
}

// Every enum of the inventory has its keys, name and parse (issue 12: each rule once, in C++).
TEST(Inventory, EnumKeysParse) {
  EXPECT_EQ(aqi::parse_source_kind("fleet"), aqi::SourceKind::fleet);
  EXPECT_THROW_MSG(aqi::parse_source_kind("plant"), aqi::UnknownName,
                   "unknown source kind 'plant'; expected one of: enterprise, fleet, dust");
  EXPECT_EQ(aqi::parse_exclusion(""), aqi::Exclusion::none);
  EXPECT_EQ(aqi::parse_exclusion("eliminated_boiler"), aqi::Exclusion::eliminated_boiler);
  EXPECT_THROW_MSG(aqi::parse_vehicle("bus"), aqi::UnknownName,
                   "unknown vehicle 'bus'; expected heavy_truck or non_road");
  EXPECT_EQ(aqi::key(aqi::parse_fleet_exemption("clean_energy")), "clean_energy");
  EXPECT_THROW_MSG(aqi::parse_fleet_exemption("police"), aqi::UnknownName,
                   "unknown fleet exemption 'police'; expected one of: livelihood, special, clean_energy, "
                   "emergency_repair");
}
