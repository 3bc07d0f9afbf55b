// The plan's fleet (SPEC E8) and dust (SPEC E9) measures as data — the [fleet] and [dust] sections
// of a plan's industry_measures.toml: the built-in plan's values, another plan's thresholds changing
// the cuts (derived by hand), the file form's errors, and the response spellings the plan uses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aqi/emissions/cuts.hpp"
#include "aqi/plan.hpp"
#include "test_support.hpp"

using aqi::DustActivity;
using aqi::FleetMeasure;
using aqi::ResponseLevel;

namespace fs = std::filesystem;

namespace {

const std::string builtin_folder = std::string(AQI_RULES_DIR) + "/plans/yiyuan-2019";

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of the built-in plan folder with `edits` (text → replacement) made to its
// industry_measures.toml, as another county would make them.
std::string edited_plan(const std::string& name, const std::vector<std::pair<std::string, std::string>>& edits) {
  const fs::path dir = fs::temp_directory_path() / ("aqi_fleet_dust_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& f : fs::directory_iterator(builtin_folder))
    if (f.path().extension() == ".toml") fs::copy_file(f.path(), dir / f.path().filename());
  const std::string file = (dir / "industry_measures.toml").string();
  std::string text = read(file);
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("not in the plan's file: " + from);
    text.replace(at, from.size(), to);
  }
  std::ofstream(file) << text;
  return dir.string();
}

const std::string header =
    "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,vehicle,standard,"
    "trips_per_day,exempt,built_up,black_smoke,dust\n";

std::string fleet(const std::string& id, const std::string& vehicle, int standard, const std::string& trips) {
  return id + ",,fleet,other,,1,0,1,0,0,,,0,50," + vehicle + "," + std::to_string(standard) + "," + trips + ",,0,0,\n";
}

std::string dust(const std::string& id, const std::string& activity) {
  return id + ",,dust,other,,1,0,0,1,0,,,0,20,,,,,,," + activity + "\n";
}

std::vector<double> cuts(const aqi::EmissionCuts& r) { return {r.cut.data(), r.cut.data() + r.cut.size()}; }

// The plan's [fleet] section, for the file-form tests (line 1 is the document).
const std::string fleet_section =
    "[fleet]\nsource = \"s\"\n"
    "[fleet.heavy_truck_ban]\nlevels = [\"II\", \"I\"]\nmax_standard = 4\ntrips_per_day_above = 10\nmeasure_en = "
    "\"t\"\n"
    "[fleet.non_road_ban]\nlevels = [\"II\", \"I\"]\nmax_standard = 2\nmeasure_en = \"n\"\n"
    "[fleet.black_smoke_ban]\nlevels = [\"III\", \"II\", \"I\"]\nmeasure_en = \"b\"\n"
    "[fleet.restricted_zone]\nlevels = [\"III\"]\nmeasure_en = \"z\"\n";

}  // namespace

// SPEC E8, E9 as plan §5.5.1–3 (3)②③ words them.
TEST(FleetDustRules, BuiltinIsThePlans) {
  const aqi::IndustryMeasures& m = aqi::builtin_industry_measures();
  const aqi::FleetRules& f = m.fleet();
  EXPECT_EQ(f.heavy_truck_max_standard, 4);  // 国四及以下
  EXPECT_EQ(f.trips_per_day_above, 10);      // 超过10辆次
  EXPECT_EQ(f.non_road_max_standard, 2);     // 国二及以下
  for (ResponseLevel l : {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I}) {
    EXPECT_EQ(f.heavy_truck_ban.levels.contains(l), l != ResponseLevel::III);
    EXPECT_EQ(f.non_road_ban.levels.contains(l), l != ResponseLevel::III);
    EXPECT_TRUE(f.black_smoke_ban.levels.contains(l));
    EXPECT_EQ(f.restricted_zone.levels.contains(l), l == ResponseLevel::III);
    EXPECT_TRUE(m.dust(DustActivity::mine).levels.contains(l));
    EXPECT_EQ(m.dust(DustActivity::concrete).levels.contains(l), l != ResponseLevel::III);
  }
  EXPECT_FALSE(f.heavy_truck_ban.levels.contains(ResponseLevel::IV));
  EXPECT_TRUE(m.dust(DustActivity::road).levels.empty());
  EXPECT_EQ(f.source, "plan §5.5.1-3 (3)③ (l.163, l.195-197, l.231-233); SPEC E8");
  EXPECT_EQ(m.dust(DustActivity::slope_spraying).source, "plan §5.5.1-3 (3)② (l.159-161, l.193, l.229); SPEC E9");
  EXPECT_EQ(describe(FleetMeasure::heavy_truck_ban, f),
            "National-IV-or-older heavy trucks of a unit with > 10 heavy-vehicle trips a day stop (E8, II and I)");
  EXPECT_EQ(describe(FleetMeasure::exempt, f), "exempt: livelihood, special, clean-energy or emergency-repair (E8)");
  EXPECT_NE(f.heavy_truck_ban.measure_zh.find("日常车辆进出量超过10辆次"), std::string::npos);
}

// A county whose plan says "more than 20 trips", "National V or older" from Level III on, non-road
// machinery "National III or older", and slope spraying stopped at III edits its copy of the file;
// its plan's table changes the cuts, and only where the thresholds say.
TEST(FleetDustRules, E8E9AnotherPlansThresholdsChangeTheCuts) {
  const aqi::Inventory inv = aqi::parse_inventory(
      header + fleet("t4_15", "heavy_truck", 4, "15") + fleet("t4_20", "heavy_truck", 4, "20") +
          fleet("t5_30", "heavy_truck", 5, "30") + fleet("nr3", "non_road", 3, "") + dust("slope", "slope_spraying"),
      "t.csv");
  // The plan's own: at II, t4_15 and t4_20 (stage ≤ 4, more than 10 trips) stop; t5_30 (stage 5)
  // and nr3 (stage 3 > 2) do not; slope spraying stops at II, not at III.
  EXPECT_EQ(cuts(aqi::emission_cuts(inv, ResponseLevel::III)), (std::vector<double>{0, 0, 0, 0, 0}));
  EXPECT_EQ(cuts(aqi::emission_cuts(inv, ResponseLevel::II)), (std::vector<double>{1, 1, 0, 0, 1}));

  const aqi::Plan other = aqi::Plan::load(edited_plan(
      "thresholds",
      {{"levels = [\"II\", \"I\"]\nmax_standard = 4", "levels = [\"Ⅲ级\", \"Ⅱ级\", \"Ⅰ级\"]\nmax_standard = 5"},
       {"trips_per_day_above = 10", "trips_per_day_above = 20"},
       {"with > 10 heavy-vehicle trips a day stop (E8, II and I)",
        "with > 20 heavy-vehicle trips a day stop (E8, III, II and I)"},
       {"max_standard = 2", "max_standard = 3"},
       {"activity = \"slope_spraying\"\nlevels = [\"II\", \"I\"]",
        "activity = \"slope_spraying\"\nlevels = [\"Ⅲ\", \"II\", \"I\"]"}}));
  aqi::CutOptions o;
  o.measures = other.industry_measures.get();
  // III: t4_15 and t4_20 do not have more than 20 trips; t5_30 (stage 5 ≤ 5, 30 > 20) stops from
  // III on; nr3 is not banned at III; slope spraying stops at III.
  const aqi::EmissionCuts iii = aqi::emission_cuts(inv, ResponseLevel::III, o);
  EXPECT_EQ(cuts(iii), (std::vector<double>{0, 0, 1, 0, 1}));
  EXPECT_EQ(iii.fleet_measure[2], FleetMeasure::heavy_truck_ban);
  EXPECT_EQ(aqi::cut_measure(iii, inv, 2),
            "National-IV-or-older heavy trucks of a unit with > 20 heavy-vehicle trips "
            "a day stop (E8, III, II and I)");
  // II: nr3 (stage 3 ≤ 3) stops too; t4_20 still does not (20 is not more than 20).
  EXPECT_EQ(cuts(aqi::emission_cuts(inv, ResponseLevel::II, o)), (std::vector<double>{0, 0, 1, 1, 1}));
  // NOx: 1 t a fleet, 4 t in all: 1 of 4 at III, 2 of 4 at II (the plan's own: 0 and 2).
  EXPECT_DOUBLE_EQ(iii.check(aqi::EmissionPollutant::nox).reduction, 1);
}

// The plan writes its levels Ⅱ级, Ⅱ or II: each is the same level wherever a response is read.
TEST(FleetDustRules, ResponseSpellingsOfThePlan) {
  for (const char* s : {"II", "Ⅱ", "Ⅱ级"}) EXPECT_EQ(aqi::parse_measure_level(s), ResponseLevel::II) << s;
  for (const char* s : {"III", "Ⅲ", "Ⅲ级"}) EXPECT_EQ(aqi::parse_measure_level(s), ResponseLevel::III) << s;
  for (const char* s : {"I", "Ⅰ", "Ⅰ级"}) EXPECT_EQ(aqi::parse_measure_level(s), ResponseLevel::I) << s;
  // R3: only III, II and I have measures.
  EXPECT_THROW_MSG(aqi::parse_measure_level("IV"), aqi::UnknownName,
                   "unknown response level 'IV'; expected one of: III, II, I");
  EXPECT_THROW_MSG(aqi::parse_measure_level("Ⅳ级"), aqi::UnknownName,
                   "unknown response level 'Ⅳ级'; expected one of: III, II, I");
  EXPECT_FALSE(aqi::measure_level("").has_value());
  // A measure-table row and a target row take them too.
  const auto m = aqi::IndustryMeasures::parse(
      "document = \"b\"\n[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"Ⅱ级\"\ncut = 0.5\n"
      "counted_by = \"load\"\nsource = \"s\"\nverified = true\nevidence = \"plan\"\n",
      "b.toml");
  EXPECT_EQ(m.rules()[0].response, ResponseLevel::II);
  std::string targets = "document = \"t\"\nsource = \"s\"\nso2_nox_trade = true\n";
  for (const char* r : {"Ⅲ", "Ⅱ级", "I"})
    targets += "[[target]]\nresponse = \"" + std::string(r) + "\"\nso2 = 0.1\nnox = 0.2\npm = 0.3\nvocs = 0.4\n";
  EXPECT_EQ(aqi::EmissionTargets::parse(targets, "t.toml").ratio(ResponseLevel::II, aqi::EmissionPollutant::nox), 0.2);
}

TEST(FleetDustRules, FileErrorsNameTheLine) {
  using aqi::IndustryMeasures;
  const std::string doc = "document = \"b\"\n";
  EXPECT_TRUE(IndustryMeasures::parse(doc + fleet_section, "b.toml").has_fleet_rules());
  // Line 5 is the heavy-truck levels; `"IV"` opens at column 17.
  std::string bad = fleet_section;
  bad.replace(bad.find("levels = [\"II\", \"I\"]"), 20, "levels = [\"II\", \"IV\"]");
  EXPECT_THROW_MSG(IndustryMeasures::parse(doc + bad, "b.toml"), aqi::ParseError,
                   "b.toml:5:17: 'levels' must list response levels III, II or I");
  bad = fleet_section;
  bad.replace(bad.find("levels = [\"II\", \"I\"]"), 20, "levels = [\"II\", \"Ⅱ级\"]");
  EXPECT_THROW_MSG(IndustryMeasures::parse(doc + bad, "b.toml"), aqi::ParseError,
                   "b.toml:5:17: 'levels' lists II twice");
  bad = fleet_section;
  bad.replace(bad.find("max_standard = 4"), 16, "max_standard = 7");
  EXPECT_THROW_MSG(IndustryMeasures::parse(doc + bad, "b.toml"), aqi::ParseError,
                   "b.toml:6:16: 'max_standard' must be a China emission stage 0-6");
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(doc + fleet_section.substr(0, fleet_section.find("[fleet.non_road_ban]")), "b.toml"),
      aqi::ParseError, "b.toml:2:1: missing key 'non_road_ban'");
  EXPECT_THROW_MSG(IndustryMeasures::parse(doc + fleet_section + "trucks = 1\n", "b.toml"), aqi::ParseError,
                   "b.toml:19:1: unknown key 'trucks'");
  // Line 5 is the activity; its value opens at column 12.
  const std::string rule = "[[dust.rule]]\nactivity = \"mine\"\nlevels = []\nmeasure_en = \"x\"\n";
  std::string dust_text = doc + "[dust]\nsource = \"s\"\n" + rule;
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(std::string(dust_text).replace(dust_text.find("\"mine\""), 6, "\"mines\""), "b.toml"),
      aqi::ParseError,
      "b.toml:5:12: unknown dust activity 'mines'; expected one of: mine, sand_gravel, stone_works, "
      "earthwork, demolition, painting, slope_spraying, concrete, uncovered_transport, road");
  EXPECT_THROW_MSG(IndustryMeasures::parse(dust_text + rule, "b.toml"), aqi::ParseError,
                   "b.toml:8:1: a second rule for dust activity mine");
}

// A table without them is incomplete (SPEC E8, E9); the guide and a plan giving the same section
// are refused as a row twice is; a bureau's section replaces the plan's.
TEST(FleetDustRules, CompletenessCombinationAndOverride) {
  const std::string plan_text = read(builtin_folder + "/industry_measures.toml");
  const auto guide = aqi::IndustryMeasures::load(std::string(AQI_RULES_DIR) + "/industry/technical-guide-2020.toml");
  const auto rows_only = aqi::IndustryMeasures::combine(
      guide, aqi::IndustryMeasures::parse(plan_text.substr(0, plan_text.find("\n[fleet]\n")), "p.toml"));
  EXPECT_TRUE(rows_only.missing().empty());
  EXPECT_THROW_MSG(rows_only.require_complete(), aqi::InvalidArgument,
                   "the measure table (" + rows_only.document() +
                       ") lacks the fleet measures ([fleet], SPEC E8); override the built-in table instead of "
                       "replacing it");
  EXPECT_THROW_MSG(rows_only.fleet(), aqi::InvalidArgument,
                   "the measure table (" + rows_only.document() + ") has no fleet measures ([fleet], SPEC E8)");
  const auto no_road = aqi::IndustryMeasures::combine(
      guide, aqi::IndustryMeasures::parse(plan_text.substr(0, plan_text.find("# Road dust")), "p.toml"));
  EXPECT_THROW_MSG(no_road.require_complete(), aqi::InvalidArgument,
                   "the measure table (" + no_road.document() +
                       ") lacks a dust measure for road ([[dust.rule]], SPEC E9); override the built-in table instead "
                       "of replacing it");
  EXPECT_THROW_MSG(
      aqi::IndustryMeasures::combine(aqi::IndustryMeasures::parse("document = \"g\"\n" + fleet_section, "g.toml"),
                                     aqi::IndustryMeasures::parse("document = \"p\"\n" + fleet_section, "p.toml")),
      aqi::ParseError, "g.toml:2: duplicate [fleet] section (first on line 2 of p.toml)");
  const auto bureau = aqi::IndustryMeasures::parse(
      "document = \"b\"\n[dust]\nsource = \"bureau 2020\"\n[[dust.rule]]\nactivity = \"road\"\nlevels = [\"I\"]\n"
      "measure_en = \"road works stop at I\"\n",
      "b.toml");
  const auto merged = aqi::builtin_industry_measures().overridden_by(bureau);
  EXPECT_NO_THROW(merged.require_complete());
  const aqi::Inventory inv = aqi::parse_inventory(header + dust("r", "road") + dust("m", "mine"), "t.csv");
  aqi::CutOptions o;
  o.measures = &merged;
  const auto red = aqi::emission_cuts(inv, ResponseLevel::I, o);
  EXPECT_EQ(cuts(red), (std::vector<double>{1, 1}));
  EXPECT_EQ(aqi::cut_measure(red, inv, 0), "road works stop at I");
  EXPECT_EQ(aqi::cut_source(red, inv, 0), "bureau 2020");
  EXPECT_EQ(aqi::cut_source(red, inv, 1), "plan §5.5.1-3 (3)② (l.159-161, l.193, l.229); SPEC E9");
  EXPECT_EQ(cuts(aqi::emission_cuts(inv, ResponseLevel::II, o)), (std::vector<double>{0, 1}));
}

TEST(FleetDustRules, KeysAndParsing) {
  for (std::size_t k = 0; k < aqi::fleet_measure_keys.size(); ++k)
    EXPECT_EQ(aqi::parse_fleet_measure(aqi::fleet_measure_keys[k]), static_cast<FleetMeasure>(k));
  EXPECT_EQ(aqi::name(FleetMeasure::black_smoke_ban), "black_smoke_ban");
  EXPECT_THROW_MSG(aqi::parse_fleet_measure("ban"), aqi::UnknownName,
                   "unknown fleet measure 'ban'; expected one of: none, exempt, owner_transport, heavy_truck_ban, "
                   "non_road_ban, black_smoke_ban, restricted_zone");
  EXPECT_EQ(aqi::parse_dust_activity("uncovered_transport"), DustActivity::uncovered_transport);
  EXPECT_EQ(aqi::parse_dust_activity(""), DustActivity::none);
  EXPECT_THROW_MSG(aqi::parse_dust_activity("quarry"), aqi::UnknownName,
                   "unknown dust activity 'quarry'; expected one of: mine, sand_gravel, stone_works, earthwork, "
                   "demolition, painting, slope_spraying, concrete, uncovered_transport, road");
}
