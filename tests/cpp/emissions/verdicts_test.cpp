// SPEC E11 (grades), E12 (three-valued verdicts), E13 (the bureau's measure list) and K8 (kilns
// count): values derived by hand from the rules and the shipped table's rows.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/kiln_credit.hpp"
#include "aqi/emissions/top_up.hpp"
#include "test_support.hpp"

using aqi::ResponseLevel;
using aqi::Verdict;
using boost::gregorian::date;

namespace {

const std::string header =
    "id,name,kind,industry,grade,lines,so2,nox,pm,vocs,protected_max_load,excluded,low_nox,cost,voluntary_cut\n";

// An enterprise emitting SO2 only (NOx, PM, VOCs 0: only the SO2 target counts, R4 needs both).
std::string row(const std::string& id, const std::string& industry, const std::string& grade, double so2,
                const std::string& cost, const std::string& max_load = "", const std::string& voluntary = "") {
  return id + ",," + "enterprise," + industry + "," + grade + ",1," + aqi::detail::format_number(so2) + ",0,0,0," +
         max_load + ",,0," + cost + "," + voluntary + "\n";
}

// a: ceramics A with a voluntary cut of 0.2; lead: brick kiln 引领性; bm: ceramics B- (no sourced
// row); c: glass C; d: glass D, protected at 90 % load. 10 t/day SO2 each, baseline 50.
aqi::Inventory graded() {
  return aqi::parse_inventory(header + row("a", "ceramics", "A", 10, "1", "", "0.2") +
                                  row("lead", "brick_kiln", "引领性", 10, "1") +
                                  row("bm", "ceramics", "B-级", 10, "1") + row("c", "glass", "C", 10, "5") +
                                  row("d", "glass", "D", 10, "5", "0.9"),
                              "inv.csv");
}

const aqi::PollutantCheck& so2(const aqi::EmissionCuts& r) { return r.check(aqi::EmissionPollutant::so2); }

}  // namespace

// E11: A and 引领性 take no ordered measure at any level; A's voluntary 0.2 counts, labelled; B-
// has no sourced row (NaN); glass C (secondary row: II, I −20 %, III 0) and D (−30 %, E7-capped
// at 1 − 0.9 = 0.1) take theirs.
TEST(Grades, E11ExemptGradesAtEveryLevel) {
  const auto inv = graded();
  EXPECT_EQ(inv.grade[1], aqi::Grade::leading);
  EXPECT_EQ(inv.grade[2], aqi::Grade::B_minus);
  const double c_cut[3] = {0, 0.2, 0.2};  // III, II, I
  const ResponseLevel levels[3] = {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I};
  for (int l = 0; l < 3; ++l) {
    const auto r = aqi::emission_cuts(inv, levels[l]);
    EXPECT_EQ(r.basis[0], aqi::CutBasis::voluntary);
    EXPECT_EQ(r.basis[1], aqi::CutBasis::voluntary);
    EXPECT_DOUBLE_EQ(r.cut[0], 0.2);
    EXPECT_DOUBLE_EQ(r.cut[1], 0);
    EXPECT_TRUE(r.voluntary[0] && r.voluntary[1] && !r.voluntary[3]);
    EXPECT_TRUE(std::isnan(r.cut[2]));
    EXPECT_DOUBLE_EQ(r.cut[3], c_cut[l]);
    EXPECT_DOUBLE_EQ(r.cut[4], 0.1);
    EXPECT_TRUE(r.capped[4]);
    // 2 (voluntary) + 10·c + 1 of 50.
    EXPECT_DOUBLE_EQ(so2(r).reduction, 3 + 10 * c_cut[l]);
    EXPECT_DOUBLE_EQ(so2(r).voluntary_reduction, 2);
    EXPECT_EQ(aqi::cut_counted_by(r, 0), "voluntary");
    EXPECT_EQ(aqi::cut_measure(r, inv, 0), "grade A: no ordered measure (E11); voluntary cut 0.2 committed");
    EXPECT_EQ(aqi::cut_measure(r, inv, 1), "grade leading: no ordered measure (E11)");
  }
}

// E11: a protected enterprise of a key industry below grade B is reported, not refused.
TEST(Grades, E11ProtectedBelowBIsAWarning) {
  const auto r = aqi::emission_cuts(graded(), ResponseLevel::II);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].source, 4u);
  EXPECT_EQ(r.warnings[0].rule, "E11");
  EXPECT_EQ(r.warnings[0].reason,
            "protected enterprise d is grade D, below B (plan §5.5: protected enterprises of key industries should be "
            "at least grade B; SPEC E11)");
  EXPECT_EQ(r.warnings[0].reason_zh.rfind("保障类企业d", 0), 0u);
}

// E10 with E11: at II the SO2 target needs 10 t, the measures give 2 + 2 + 1 = 5. The cheapest
// candidate would be A (cost 1) but A and 引领性 are never proposed; glass C adds 0.5 of its
// activity (5 t, cost 5 × 0.5 = 2.5). The proposal says it assumes B- (10 t, no rule) cuts nothing.
TEST(Grades, E11TopUpProposesNoExemptGrade) {
  const auto t = aqi::top_up(graded(), ResponseLevel::II);
  ASSERT_TRUE(t.needed && t.feasible);
  ASSERT_EQ(t.cuts.size(), 1u);
  EXPECT_EQ(t.cuts[0].source, 3u);
  EXPECT_NEAR(t.cuts[0].extra, 0.5, 1e-9);
  EXPECT_NEAR(t.cost, 2.5, 1e-9);
  EXPECT_EQ(t.exempt_grade, 2u);
  EXPECT_EQ(t.not_sourced, 1u);
  EXPECT_EQ(t.at_maximum, 1u);  // d: 1 − 0.9 − 0.1 = 0 room (E7)
  EXPECT_EQ(t.assumption,
            "assumes the 1 sources without a sourced rule (10 t/day SO2) cut nothing; recompute once their rules are "
            "known (SPEC E12)");
}

// E12: III 3/50 = 6 % < 10 %, II and I 5/50 = 10 % < 20 %, 30 %; with B-'s 10 t stopped 26 %, 30 %,
// 30 %: every SO2 target undetermined, decided by 10 t/day. PM, VOCs and NOx emit nothing: met.
TEST(Verdicts, E12UndeterminedWhereMissingRulesDecide) {
  for (auto level : {ResponseLevel::III, ResponseLevel::II, ResponseLevel::I}) {
    const auto r = aqi::emission_cuts(graded(), level);
    EXPECT_EQ(so2(r).verdict, Verdict::undetermined);
    EXPECT_DOUBLE_EQ(so2(r).deciding_baseline, 10);
    EXPECT_EQ(r.check(aqi::EmissionPollutant::pm).verdict, Verdict::met);
    EXPECT_FALSE(r.met);
  }
}

// E12: short even if every source without a rule stopped; met counting the rules that exist.
TEST(Verdicts, E12ShortAndMet) {
  // bm (B-, 1 t, no rule) and o (other, 99 t): E5 leaves o running at II (0 of 100; with bm 1 %
  // < 20 %: short) and stops it at I (99 % ≥ 30 %: met, whatever bm does).
  const auto inv =
      aqi::parse_inventory(header + row("bm", "ceramics", "B-", 1, "1") + row("o", "other", "", 99, "1"), "inv.csv");
  const auto two = aqi::emission_cuts(inv, ResponseLevel::II);
  EXPECT_EQ(so2(two).verdict, Verdict::short_);
  EXPECT_DOUBLE_EQ(so2(two).deciding_baseline, 0);
  EXPECT_FALSE(two.met);
  const auto one = aqi::emission_cuts(inv, ResponseLevel::I);
  EXPECT_EQ(so2(one).verdict, Verdict::met);
  EXPECT_TRUE(one.met);
  EXPECT_EQ(aqi::key(Verdict::short_), "short");
}

// E12 for the county as a whole (the records' targets_met, SPEC N4): undetermined where SO2 is
// undetermined and NOx, PM, VOCs (no baseline) met; short where SO2 is short at II; met at I.
TEST(Verdicts, E12CountyVerdictOfTheWhole) {
  EXPECT_EQ(aqi::emission_cuts(graded(), ResponseLevel::II).verdict(), Verdict::undetermined);
  const auto inv =
      aqi::parse_inventory(header + row("bm", "ceramics", "B-", 1, "1") + row("o", "other", "", 99, "1"), "inv.csv");
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::II).verdict(), Verdict::short_);
  EXPECT_EQ(aqi::emission_cuts(inv, ResponseLevel::I).verdict(), Verdict::met);
  EXPECT_EQ(aqi::name_zh(Verdict::undetermined), "无法判定");
}

// E13: a bureau file filling ceramics B- at II and I (stop, by line) turns II from undetermined
// to met: 5 + 10 = 15 of 50 = 30 % ≥ 20 %. Its rows count as the bureau's.
TEST(Verdicts, E13BureauFileChangesTheVerdict) {
  auto bureau_row = [](const std::string& level) {
    return "[[rule]]\nindustry = \"ceramics\"\ngrade = \"B-\"\nresponse = \"" + level +
           "\"\ncut = 1.0\ncounted_by = \"line\"\nsource = \"鲁环字〔2020〕1号\"\nverified = true\nevidence = "
           "\"guide_text\"\n";
  };
  const auto bureau = aqi::builtin_industry_measures().overridden_by(
      aqi::IndustryMeasures::parse("document = \"县局清单\"\n" + bureau_row("II") + bureau_row("I"), "bureau.toml"));
  aqi::CutOptions o;
  o.measures = &bureau;
  const auto r = aqi::emission_cuts(graded(), ResponseLevel::II, o);
  EXPECT_DOUBLE_EQ(so2(r).reduction, 15);
  EXPECT_EQ(so2(r).verdict, Verdict::met);
  EXPECT_TRUE(r.met);
  const auto counts = aqi::count_rules(bureau);
  EXPECT_EQ(counts.bureau[0], 2u);         // verified
  EXPECT_EQ(counts.shipped[2], 81u - 2u);  // not sourced: 81 shipped less the two filled
  EXPECT_EQ(aqi::emission_cuts(graded(), ResponseLevel::III, o).check(aqi::EmissionPollutant::so2).verdict,
            Verdict::undetermined);  // III left empty: still not sourced
}

// E13: the template lists every row; the not-sourced ones parse back as a file of the same form.
TEST(Verdicts, E13TemplateHasEveryRowWithItsStatus) {
  const auto text = aqi::measures_template(aqi::builtin_industry_measures());
  EXPECT_NE(text.find("\n# ceramics grade B- at II — status: not_sourced\n[[rule]]\n"), std::string::npos);
  EXPECT_NE(text.find("\n# glass grade B at II — status: unverified\n# [[rule]]\n"), std::string::npos);
  const auto back = aqi::IndustryMeasures::parse(text, "template.toml");
  EXPECT_EQ(back.rules().size(), 81u);  // the not-sourced rows; the 57 with a value are comments
  for (const auto& r : back.rules()) EXPECT_FALSE(r.sourced()) << r.describe();
}

// Bad input named by row and column (E11).
TEST(Grades, E11BadInputNamesRowAndColumn) {
  EXPECT_THROW_MSG(aqi::parse_inventory(header + row("x", "ceramics", "leading", 1, "1"), "inv.csv"), aqi::ParseError,
                   "inv.csv:2:5: column 'grade': grade leading on ceramics, a graded key industry: A, B, B-, C or D "
                   "(SPEC E3, E11)");
  EXPECT_THROW_MSG(aqi::parse_inventory(header + row("x", "ceramics", "A", 1, "1", "", "1.5"), "inv.csv"),
                   aqi::ParseError,
                   "inv.csv:2:15: column 'voluntary_cut': 1.5 is outside 0-1 (a fraction of activity, SPEC E11)");
  EXPECT_THROW_MSG(aqi::parse_inventory(header + row("x", "ceramics", "B", 1, "1", "", "0.1"), "inv.csv"),
                   aqi::ParseError,
                   "inv.csv:2:15: column 'voluntary_cut': a voluntary cut is for enterprises of grade A or leading "
                   "(引领性), which take no ordered measure (SPEC E11); grade 'B' takes the measure of its grade");
  EXPECT_THROW_MSG(aqi::IndustryMeasures::parse("document = \"b\"\n[[rule]]\nindustry = \"cement_kiln\"\ngrade = "
                                                "\"\"\nresponse = \"I\"\ncut = 1\ncounted_by = \"line\"\nsource = "
                                                "\"s\"\nverified = true\nevidence = \"plan\"\n",
                                                "b.toml"),
                   aqi::ParseError,
                   "b.toml:3:12: unknown industry 'cement_kiln'; expected one of: " + aqi::industry_key_list());
}

// K8: K1 (1 line, 2 t/day SO2) stops 2019-11-01 … 2020-02-07; K2 (2 lines, 4 t/day) stops line 1
// all season. 2019-12-15: 2 + 4/2 = 4; 2019-10-15 and 2020-02-10: K2's half, 2; 2020-04-10:
// outside the season, 0.
TEST(KilnCredit, K8StoppedShareOnTheDay) {
  const std::vector<aqi::Kiln> kilns{{"K1", 1, 10, std::array<double, 4>{2, 0, 0, 0}},
                                     {"K2", 2, 10, std::array<double, 4>{4, 0, 0, 0}},
                                     {"K3", 1, 10}};
  aqi::KilnSchedule s;
  s.season_days = {date(2019, 10, 1), date(2020, 3, 31)};
  s.kiln_batch = {1, -1, 0};
  s.windows = {{"K1", 1, date(2019, 11, 1), date(2020, 2, 7), 1},
               {"K2", 1, date(2019, 10, 1), date(2020, 3, 31), -1},
               {"K3", 1, date(2019, 10, 1), date(2019, 12, 31), 0}};
  const auto in = aqi::kiln_credit(kilns, s, date(2019, 12, 15));
  EXPECT_DOUBLE_EQ(in.reduction[0], 4);
  EXPECT_DOUBLE_EQ(in.baseline[0], 6);
  EXPECT_EQ(in.stopped, 3u);
  EXPECT_EQ(in.without_emissions, 1u);
  EXPECT_DOUBLE_EQ(in.kilns[1].share, 0.5);
  EXPECT_DOUBLE_EQ(aqi::kiln_credit(kilns, s, date(2019, 10, 15)).reduction[0], 2);
  EXPECT_DOUBLE_EQ(aqi::kiln_credit(kilns, s, date(2020, 2, 10)).reduction[0], 2);
  const auto out = aqi::kiln_credit(kilns, s, date(2020, 4, 10));
  EXPECT_FALSE(out.in_season);
  EXPECT_DOUBLE_EQ(out.reduction[0], 0);
  // In the accounting: o (other, 100 t) runs at II; the kilns add 6 to the baseline, 4 to the
  // reduction: 4/106, its own line.
  const auto inv = aqi::parse_inventory(header + row("o", "other", "", 100, "1"), "inv.csv");
  aqi::CutOptions o;
  o.kilns = in;
  const auto r = aqi::emission_cuts(inv, ResponseLevel::II, o);
  EXPECT_DOUBLE_EQ(so2(r).baseline, 106);
  EXPECT_DOUBLE_EQ(so2(r).kiln_reduction, 4);
  EXPECT_DOUBLE_EQ(so2(r).ratio, 4.0 / 106);
  ASSERT_TRUE(r.kilns.has_value());
  // A schedule of another table is refused.
  EXPECT_THROW_MSG(aqi::kiln_credit(std::vector<aqi::Kiln>{{"K1", 1, 10}}, s, date(2019, 12, 15)), aqi::InvalidArgument,
                   "kiln credit (SPEC K8): the schedule has 3 kilns, the kiln table 1; give the table the schedule was "
                   "made from");
}

// K8: the kiln table's emission columns, all four or none, each cell named.
TEST(KilnCredit, K8KilnTableColumns) {
  const auto k =
      aqi::parse_kilns("id,lines,capacity,so2,nox,pm,vocs\nK1,1,10,0.04,0.03,0.02,0\nK2,1,10,,,,\n", "k.csv");
  ASSERT_TRUE(k[0].emissions.has_value());
  EXPECT_DOUBLE_EQ((*k[0].emissions)[1], 0.03);
  EXPECT_FALSE(k[1].emissions.has_value());
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity,so2\nK1,1,10,0.04\n", "k.csv"), aqi::ParseError,
                   "k.csv:1: kiln emissions need all four columns so2, nox, pm, vocs (t/day, SPEC K8); column 'nox' is "
                   "missing");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity,so2,nox,pm,vocs\nK1,1,10,0.04,,0.02,0\n", "k.csv"),
                   aqi::ParseError,
                   "k.csv:2:5: column 'nox': a value is required: a kiln gives all four emissions or none (t/day, SPEC "
                   "K8)");
  EXPECT_THROW_MSG(aqi::parse_kilns("id,lines,capacity,so2,nox,pm,vocs\nK1,1,10,-1,0,0,0\n", "k.csv"), aqi::ParseError,
                   "k.csv:2:4: column 'so2': an emission must be a finite number ≥ 0 t/day (got -1, SPEC K8)");
}
