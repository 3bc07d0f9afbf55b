// The industry measure table (SPEC E3, E4, E5) and the response targets (R3, R4): the built-in
// data, its honesty checks, a bureau's override, and every error of the file form.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/targets.hpp"
#include "test_support.hpp"

using aqi::CountedBy;
using aqi::Grade;
using aqi::Industry;
using aqi::ResponseLevel;

namespace {

const aqi::IndustryMeasures& builtin() { return aqi::builtin_industry_measures(); }

// One [[rule]] in the file form; `extra` adds or replaces fields.
std::string rule(const std::string& industry, const std::string& grade, const std::string& response,
                 const std::string& cut = "0.5", const std::string& extra = "") {
  return "[[rule]]\nindustry = \"" + industry + "\"\ngrade = \"" + grade + "\"\nresponse = \"" + response +
         "\"\ncut = " + cut + "\ncounted_by = \"line\"\nsource = \"bureau decision 2020-01\"\nverified = " +
         (cut == "nan" ? "false" : "true") + "\nevidence = \"" + (cut == "nan" ? "none" : "plan") + "\"\n" + extra;
}

const std::string head = "document = \"bureau\"\n";

}  // namespace

TEST(IndustryMeasures, BuiltinIsCompleteAndHonest) {
  const auto& m = builtin();
  EXPECT_TRUE(m.missing().empty());
  // 150 rows: 12 are the reference-only cement-clinker chapter; 15 are the B- rows of the five
  // graded industries (SPEC E11), none sourced.
  EXPECT_EQ(m.rules().size(), 138u);
  EXPECT_EQ(m.reference_rules().size(), 12u);
  int verified = 0, unverified = 0, not_sourced = 0;
  for (const auto& r : m.rules()) {
    verified += r.status() == aqi::RuleStatus::verified;
    unverified += r.status() == aqi::RuleStatus::unverified;
    not_sourced += r.status() == aqi::RuleStatus::not_sourced;
    EXPECT_FALSE(r.source.empty()) << r.describe();
    EXPECT_EQ(r.document, m.document());
  }
  EXPECT_EQ(verified, 32);     // E4 and E5 rows read in the plan
  EXPECT_EQ(unverified, 25);   // 15 A-grade principle rows, 9 glass rows, organic chemicals at III
  EXPECT_EQ(not_sourced, 81);  // 66 + the 15 B- rows (E11)
  for (const auto& r : m.reference_rules()) EXPECT_TRUE(r.verified);  // the one chapter read verbatim
}

// SPEC E4, every row at every level, exactly as the plan's §5.5 ①–⑧.
TEST(IndustryMeasures, E4EveryRowAtEveryLevel) {
  struct Row {
    Industry industry;
    bool low_nox;
    double cut[3];  // III, II, I
    CountedBy by;
  };
  const Row rows[] = {
      {Industry::organic_chemical, false, {0, 0.2, 0.2}, CountedBy::load},  // load ≤ 80% at II and I
      {Industry::plastic_products, false, {0, 0.5, 1}, CountedBy::line},
      {Industry::cotton_dyeing, false, {0, 0.5, 1}, CountedBy::line},
      {Industry::fertiliser, false, {0, 0.3, 0.5}, CountedBy::raw_material},
      {Industry::machinery, false, {0, 0.5, 1}, CountedBy::line},
      {Industry::other_rubber, false, {0, 0.5, 1}, CountedBy::line},
      {Industry::power_heat, false, {0, 0, 0}, CountedBy::transport},  // trucks only (E8)
      {Industry::coal_boiler, false, {0, 0.5, 1}, CountedBy::fuel},
      {Industry::gas_boiler, true, {0, 0, 0}, CountedBy::fuel},
      {Industry::gas_boiler, false, {0, 0, 1}, CountedBy::fuel},
  };
  const ResponseLevel levels[] = {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};
  for (const auto& row : rows)
    for (int l = 0; l < 3; ++l) {
      const auto& r = builtin().rule(row.industry, Grade::none, levels[l], row.low_nox);
      EXPECT_EQ(r.cut, row.cut[l]) << r.describe();
      EXPECT_EQ(r.counted_by, row.by) << r.describe();
      EXPECT_EQ(r.response, levels[l]);
      // Verified from the plan, except organic chemicals at III (the refining grade-B measure
      // the plan points to was not found).
      const bool expected_verified = !(row.industry == Industry::organic_chemical && l == 0);
      EXPECT_EQ(r.verified, expected_verified) << r.describe();
    }
  EXPECT_EQ(builtin().rule(Industry::power_heat, Grade::none, ResponseLevel::III).transport,
            aqi::TransportRule::no_heavy_truck_cn4_or_older);
}

// SPEC E5: every other enterprise stops its air-emitting processes at red, nothing before.
TEST(IndustryMeasures, E5OtherStopsAtRed) {
  EXPECT_EQ(builtin().rule(Industry::other, Grade::none, ResponseLevel::III).cut, 0);
  EXPECT_EQ(builtin().rule(Industry::other, Grade::none, ResponseLevel::II).cut, 0);
  const auto& red = builtin().rule(Industry::other, Grade::none, ResponseLevel::I);
  EXPECT_EQ(red.cut, 1);
  EXPECT_EQ(red.counted_by, CountedBy::process);
  EXPECT_TRUE(red.verified);
}

// SPEC E3: graded industries by grade; what the public record does not give is "not sourced".
TEST(IndustryMeasures, E3KeyIndustriesSayWhatIsNotSourced) {
  for (auto ind : {Industry::ceramics, Industry::lime_kiln, Industry::foundry, Industry::pharmaceutical})
    for (auto g : {Grade::B, Grade::C, Grade::D})
      for (auto l : {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I}) {
        const auto& r = builtin().rule(ind, g, l);
        EXPECT_TRUE(std::isnan(r.cut)) << r.describe();
        EXPECT_EQ(r.status(), aqi::RuleStatus::not_sourced);
      }
  for (std::size_t i = static_cast<std::size_t>(Industry::cement_grinding);
       i <= static_cast<std::size_t>(Industry::industrial_coating); ++i)
    EXPECT_EQ(builtin().rule(static_cast<Industry>(i), Grade::none, ResponseLevel::II).status(),
              aqi::RuleStatus::not_sourced);
  // Grade A: no mandatory cut by the guide's general principle, not by the industry's chapter.
  const auto& a = builtin().rule(Industry::ceramics, Grade::A, ResponseLevel::I);
  EXPECT_EQ(a.cut, 0);
  EXPECT_EQ(a.status(), aqi::RuleStatus::unverified);
  EXPECT_EQ(a.evidence, aqi::Evidence::principle);
  // Glass D from a secondary source: a value, unverified.
  const auto& glass = builtin().rule(Industry::glass, Grade::D, ResponseLevel::III);
  EXPECT_EQ(glass.cut, 0.3);
  EXPECT_EQ(glass.status(), aqi::RuleStatus::unverified);
}

TEST(IndustryMeasures, FileAndBuiltinAgree) {
  // The plan's table is the guide's file with the plan folder's own rows (libaqi/rules/plans/).
  const auto file = aqi::IndustryMeasures::combine(
      aqi::IndustryMeasures::load(std::string(AQI_RULES_DIR) + "/industry/technical-guide-2020.toml"),
      aqi::IndustryMeasures::load(std::string(AQI_RULES_DIR) + "/plans/yiyuan-2019/industry_measures.toml"));
  ASSERT_EQ(file.rules().size(), builtin().rules().size());
  for (std::size_t k = 0; k < file.rules().size(); ++k) {
    const auto& a = file.rules()[k];
    const auto& b = builtin().rules()[k];
    EXPECT_EQ(a.describe(), b.describe());
    EXPECT_TRUE(a.cut == b.cut || (std::isnan(a.cut) && std::isnan(b.cut)));
  }
}

// A bureau fills the rows it has decided: they replace the built-in rows with the same key and
// carry the bureau's document; everything else stays.
TEST(IndustryMeasures, BureauOverride) {
  const auto bureau =
      aqi::IndustryMeasures::parse("document = \"沂源县 bureau file 2020\"\n" + rule("ceramics", "B", "II", "0.5") +
                                       rule("cement_grinding", "", "I", "1"),
                                   "bureau.toml");
  // A complete table has 5 graded industries × 5 grades (A, B, B-, C, D: E11) × 3 levels + (10
  // ungraded key + 8 non-key + other) × 3 + gas boilers 2 × 3 = 75 + 57 + 6 = 138 rows; the bureau
  // gives 2.
  EXPECT_EQ(bureau.missing().size(), 136u);
  EXPECT_THROW_MSG(bureau.require_complete(), aqi::InvalidArgument,
                   "the measure table (沂源县 bureau file 2020) lacks 136 rows: ceramics grade A at III, ceramics "
                   "grade A at II, ceramics grade A at I …; override the built-in table instead of replacing it");
  EXPECT_THROW_MSG(bureau.rule(Industry::glass, Grade::B, ResponseLevel::II), aqi::InvalidArgument,
                   "the measure table (沂源县 bureau file 2020) has no row for glass grade B at II");
  const auto merged = builtin().overridden_by(bureau);
  EXPECT_TRUE(merged.missing().empty());
  EXPECT_EQ(merged.rules().size(), builtin().rules().size());
  const auto& ceramics = merged.rule(Industry::ceramics, Grade::B, ResponseLevel::II);
  EXPECT_EQ(ceramics.cut, 0.5);
  EXPECT_EQ(ceramics.status(), aqi::RuleStatus::verified);
  EXPECT_EQ(ceramics.document, "沂源县 bureau file 2020");
  EXPECT_EQ(ceramics.source, "bureau decision 2020-01");
  EXPECT_EQ(merged.rule(Industry::cement_grinding, Grade::none, ResponseLevel::I).cut, 1);
  EXPECT_TRUE(std::isnan(merged.rule(Industry::ceramics, Grade::B, ResponseLevel::I).cut));  // untouched
  EXPECT_EQ(merged.rule(Industry::ceramics, Grade::B, ResponseLevel::I).document, builtin().document());
  EXPECT_EQ(merged.document(), builtin().document() + "; overridden by 沂源县 bureau file 2020");
}

TEST(IndustryMeasures, FileErrorsNameTheLine) {
  using aqi::IndustryMeasures;
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("ceramic", "B", "II"), "b.toml"), aqi::ParseError,
                   "b.toml:3:12: unknown industry 'ceramic'; expected one of: ceramics, glass, lime_kiln, foundry, "
                   "pharmaceutical, cement_grinding, brick_kiln, refractory, rock_wool, furniture, "
                   "packaging_printing, wood_panel, plastics_manufacturing, rubber_products, industrial_coating, "
                   "organic_chemical, plastic_products, cotton_dyeing, fertiliser, machinery, other_rubber, "
                   "power_heat, coal_boiler, gas_boiler, other");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("ceramics", "", "II"), "b.toml"), aqi::ParseError,
                   "b.toml:4:9: ceramics is a graded key industry (SPEC E3, E11): grade must be A, B, B-, C or D");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("brick_kiln", "C", "II"), "b.toml"), aqi::ParseError,
                   "b.toml:4:9: brick_kiln is not a graded industry (SPEC E3-E5): grade must be empty");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("other", "", "IV"), "b.toml"), aqi::ParseError,
                   "b.toml:5:12: 'response' must be III, II or I; got 'IV'");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("other", "", "I", "1.5"), "b.toml"), aqi::ParseError,
                   "b.toml:6:7: 'cut' must be in 0..1 or nan, got 1.5");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("other", "", "I") + rule("other", "", "I"), "b.toml"),
                   aqi::ParseError, "b.toml:11: duplicate rule for other at I (first on line 2)");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("other", "", "I", "0.5", "tone = 1\n"), "b.toml"),
                   aqi::ParseError, "b.toml:11:1: unknown key 'tone'");
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(head + "[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"I\"\ncut = nan\n"
                                     "counted_by = \"none\"\nsource = \"x\"\nverified = true\nevidence = \"none\"\n",
                              "b.toml"),
      aqi::ParseError, "b.toml:9:12: a row without a cut (nan) cannot be verified");
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(head + "[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"I\"\ncut = 0.5\n"
                                     "counted_by = \"none\"\nsource = \"x\"\nverified = false\nevidence = \"none\"\n",
                              "b.toml"),
      aqi::ParseError, "b.toml:10:12: evidence \"none\" goes with cut = nan, and only with it");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + rule("gas_boiler", "", "I"), "b.toml"), aqi::ParseError,
                   "b.toml:2:1: gas_boiler rows need condition \"low_nox = 0\" or \"low_nox = 1\" (SPEC E4)");
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(head + rule("coal_boiler", "", "I", "1", "condition = \"low_nox = 1\"\n"), "b.toml"),
      aqi::ParseError, "b.toml:2:1: only gas_boiler rows take a condition (SPEC E4)");
  EXPECT_THROW_MSG(
      IndustryMeasures::parse(head + "[[rule]]\nindustry = \"other\"\ngrade = \"\"\nresponse = \"I\"\ncut = 1\n"
                                     "counted_by = \"lines\"\nsource = \"x\"\nverified = true\nevidence = \"plan\"\n",
                              "b.toml"),
      aqi::ParseError,
      "b.toml:7:14: 'counted_by' must be one of: line, load, raw_material, fuel, transport, process, none; got "
      "'lines'");
  EXPECT_THROW_MSG(IndustryMeasures::parse(head + "reference_only_industries = [\"glass\"]\n", "b.toml"),
                   aqi::ParseError, "b.toml:2:30: 'glass' is an inventory industry, not a reference-only one");
  EXPECT_THROW_MSG(IndustryMeasures::load("/no/such/measures.toml"), aqi::FileNotFound,
                   "/no/such/measures.toml: no such file or it cannot be read");
  EXPECT_THROW_MSG(builtin().rule(Industry::other, Grade::none, ResponseLevel::IV), aqi::InvalidArgument,
                   "response level IV has no emission-reduction measures (SPEC R3: III, II, I)");
}

// SPEC R3: the plan's targets (§5.3); R4: SO2 and NOx traded.
TEST(EmissionTargets, R3TableOfThePlan) {
  const auto& t = aqi::builtin_emission_targets();
  using P = aqi::EmissionPollutant;
  const double expected[3][4] = {{0.10, 0.10, 0.10, 0.10}, {0.20, 0.20, 0.20, 0.15}, {0.30, 0.30, 0.30, 0.20}};
  const ResponseLevel levels[] = {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};
  for (int l = 0; l < 3; ++l)
    for (auto p : aqi::all_emission_pollutants)
      EXPECT_EQ(t.ratio(levels[l], p), expected[l][static_cast<int>(p)]) << aqi::key(p);
  EXPECT_TRUE(t.so2_nox_trade());
  EXPECT_EQ(t.ratio(ResponseLevel::II, P::vocs), 0.15);
  EXPECT_THROW_MSG(t.ratio(ResponseLevel::none, P::pm), aqi::InvalidArgument,
                   "response level none has no emission-reduction measures (SPEC R3: III, II, I)");
}

TEST(EmissionTargets, FileErrors) {
  const std::string top = "document = \"x\"\nsource = \"y\"\nso2_nox_trade = true\n";
  const std::string full = "[[target]]\nresponse = \"III\"\nso2 = 0.1\nnox = 0.1\npm = 0.1\nvocs = 0.1\n";
  EXPECT_THROW_MSG(aqi::EmissionTargets::parse(top + full, "t.toml"), aqi::ParseError,
                   "t.toml:1:1: no target for level II");
  EXPECT_THROW_MSG(aqi::EmissionTargets::parse(top + full + full, "t.toml"), aqi::ParseError,
                   "t.toml:10:1: duplicate target for level III");
  EXPECT_THROW_MSG(aqi::EmissionTargets::parse(top + "[[target]]\nresponse = \"II\"\nso2 = 20\n", "t.toml"),
                   aqi::ParseError, "t.toml:6:7: 'so2' must be a ratio in 0..1, got 20");
}

// Every enum of the table has its keys, name and parse; the condition as the table writes it.
TEST(IndustryMeasures, EnumKeysParse) {
  EXPECT_EQ(aqi::parse_counted_by("raw_material"), CountedBy::raw_material);
  EXPECT_THROW_MSG(aqi::parse_counted_by("lines"), aqi::UnknownName,
                   "unknown counted_by 'lines'; expected one of: line, load, raw_material, fuel, transport, process, "
                   "none");
  EXPECT_EQ(aqi::parse_evidence("guide_text"), aqi::Evidence::guide_text);
  EXPECT_EQ(aqi::parse_transport_rule(""), aqi::TransportRule::none);
  EXPECT_EQ(aqi::parse_rule_status("not_sourced"), aqi::RuleStatus::not_sourced);
  EXPECT_EQ(aqi::name(aqi::LowNoxCondition::any), "");
  EXPECT_EQ(aqi::name(aqi::LowNoxCondition::not_retrofitted), "low_nox = 0");
  EXPECT_EQ(aqi::parse_low_nox_condition("low_nox = 1"), aqi::LowNoxCondition::retrofitted);
  EXPECT_EQ(aqi::parse_low_nox_condition(""), aqi::LowNoxCondition::any);
  EXPECT_THROW_MSG(aqi::parse_low_nox_condition("low_nox"), aqi::UnknownName,
                   "unknown condition 'low_nox'; expected low_nox = 0 or low_nox = 1");
  // E4 ⑦: "no National-IV-or-older heavy trucks" stops stages 0–4, not 5.
  EXPECT_TRUE(aqi::stops_heavy_truck(aqi::TransportRule::no_heavy_truck_cn4_or_older, 4));
  EXPECT_FALSE(aqi::stops_heavy_truck(aqi::TransportRule::no_heavy_truck_cn4_or_older, 5));
  EXPECT_TRUE(aqi::stops_heavy_truck(aqi::TransportRule::no_road_transport, 6));
}
