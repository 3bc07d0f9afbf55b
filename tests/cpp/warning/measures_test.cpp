// The measure catalogue — SPEC R1, R2 (plan §5.5.1–3 and annex 3).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "aqi/warning/measures.hpp"
#include "test_support.hpp"

// R2: three classes at every level; mandatory measures in the plan's sectors (III has no ④).
TEST(Measures, R2ClassesAndSectorsPerLevel) {
  const auto& c = aqi::builtin_measure_catalogue();
  for (auto level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}) {
    std::set<std::string> classes, sectors;
    for (const auto* m : c.at(level)) {
      classes.insert(m->measure_class);
      if (m->measure_class == "mandatory") sectors.insert(m->sector);
    }
    EXPECT_TRUE(classes.count("health") && classes.count("advisory") && classes.count("mandatory"));
    std::set<std::string> expected{"industrial", "dust", "mobile"};
    if (level != aqi::ResponseLevel::III) expected.insert("other");  // §5.5.2(3)④, §5.5.3(3)④
    EXPECT_EQ(sectors, expected);
  }
}

// R2: "tasks of 县住房城乡建设局 at level I" — construction dust, outdoor solvent work and
// diesel machinery on sites are the housing bureau's (annex 3 八).
TEST(Measures, R2TasksOfOneDepartment) {
  const auto& c = aqi::builtin_measure_catalogue();
  const auto tasks = c.tasks("县住房城乡建设局", aqi::ResponseLevel::I);
  std::set<std::string> sectors;
  for (const auto* m : tasks) sectors.insert(m->sector);
  EXPECT_TRUE(sectors.count("dust"));
  EXPECT_TRUE(sectors.count("other"));  // 停止所有室外喷涂、粉刷、切割、护坡喷浆
  EXPECT_EQ(&c.department("housing"), &c.department("县住房城乡建设局"));
  EXPECT_THROW(c.department("县气象站"), aqi::UnknownName);
}

// R2: the plan's text is carried verbatim: §5.5.2 ④ at level II.
TEST(Measures, R2ChineseTextIsThePlans) {
  const auto& c = aqi::builtin_measure_catalogue();
  bool found = false;
  for (const auto* m : c.at(aqi::ResponseLevel::II))
    found = found || m->zh == "停止所有室外喷涂、粉刷、切割、护坡喷浆等使用有机溶剂作业环节";
  EXPECT_TRUE(found);
}

// docs/errors.md, "Measure catalogue TOML" (SPEC R2).

namespace {
const std::string catalogue_head = "document = \"d\"\n";
const std::string department = "[[department]]\nid = \"housing\"\nname_zh = \"县住建局\"\nname_en = \"Housing\"\n";
std::string measure(const std::string& id = "II-dust-1", const std::string& departments = "[\"housing\"]",
                    const std::string& response = "II") {
  return "[[measure]]\nid = \"" + id + "\"\nresponse = \"" + response +
         "\"\nclass = \"mandatory\"\nzh = \"停止土石方作业\"\nen = \"stop earthwork\"\ndepartments = " + departments +
         "\nsource = \"§5.5.2\"\n";
}
}  // namespace

TEST(Measures, CatalogueTomlBadInput) {
  using aqi::MeasureCatalogue;
  const std::string good = catalogue_head + department + measure();  // measure on lines 6–13
  const auto c = MeasureCatalogue::parse(good, "m.toml");
  ASSERT_EQ(c.measures.size(), 1u);
  EXPECT_THROW_MSG(MeasureCatalogue::parse("issuer = \"x\"\n" + good, "m.toml"), aqi::ParseError,
                   "m.toml:1:1: unknown key 'issuer'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + "phone = \"1\"\n" + measure(), "m.toml"),
                   aqi::ParseError, "m.toml:6:1: unknown key 'phone'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(good + "level = \"II\"\n", "m.toml"), aqi::ParseError,
                   "m.toml:14:1: unknown key 'level'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + measure(), "m.toml"), aqi::ParseError,
                   "m.toml:1:1: missing [[department]] entries");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department, "m.toml"), aqi::ParseError,
                   "m.toml:1:1: missing [[measure]] entries");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + department + measure(), "m.toml"),
                   aqi::ParseError, "m.toml:6:1: department 'housing' appears twice");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(good + measure(), "m.toml"), aqi::ParseError,
                   "m.toml:14:1: measure 'II-dust-1' appears twice");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[\"water\"]"), "m.toml"),
                   aqi::ParseError, "m.toml:12:16: measure II-dust-1 names unknown department 'water'");
  EXPECT_THROW_MSG(MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[3]"), "m.toml"),
                   aqi::ParseError, "m.toml:12:16: department ids must be strings");
  EXPECT_THROW_MSG(
      MeasureCatalogue::parse(catalogue_head + department + measure("II-dust-1", "[\"housing\"]", "V"), "m.toml"),
      aqi::ParseError, "m.toml:6:1: unknown response level 'V'; expected one of: III, II, I (or IV)");
  std::string no_zh = good;
  no_zh.erase(no_zh.find("\nzh = ") + 1, no_zh.find("\nen = ") - no_zh.find("\nzh = "));
  ASSERT_EQ(no_zh.find("\nzh = "), std::string::npos);
  EXPECT_THROW_MSG(MeasureCatalogue::parse(no_zh, "m.toml"), aqi::ParseError, "m.toml:6:1: missing key 'zh'");
  EXPECT_THROW_MSG(MeasureCatalogue::load("/nonexistent/m.toml"), aqi::FileNotFound,
                   "/nonexistent/m.toml: no such file or it cannot be read");
  // Unknown names in queries.
  EXPECT_THROW_MSG(c.department("water"), aqi::UnknownName,
                   "unknown department 'water'; expected an id, Chinese or English name: housing");
  EXPECT_THROW_MSG(c.tasks("water", aqi::ResponseLevel::II), aqi::UnknownName,
                   "unknown department 'water'; expected an id, Chinese or English name: housing");
  EXPECT_THROW_MSG(aqi::builtin_measure_catalogue("responses/x.toml"), aqi::UnknownName,
                   "no built-in measure catalogue 'responses/x.toml'; built in: responses/yiyuan-2019.toml");
}

// fuzz_measures: department(key) took the first department whose id, Chinese or English name
// matched, so a department whose id is another's name_zh answered department(id) with the other
// one, and tasks(id, level) with that one's tasks (SPEC R2: each department's own tasks).
// Input: corpus/measures/regression-department-key-collision (id "县政府办公室" after a
// department named 县政府办公室).
TEST(Measures, FuzzRegressionADepartmentKeySharedByTwoDepartmentsIsRefused) {
  const std::string head = "document = \"d\"\n";
  const auto dept = [](const std::string& id, const std::string& zh, const std::string& en) {
    return "[[department]]\nid = \"" + id + "\"\nname_zh = \"" + zh + "\"\nname_en = \"" + en + "\"\n";
  };
  const std::string measure =
      "[[measure]]\nid = \"II-1\"\nresponse = \"II\"\nclass = \"procedure\"\nzh = \"报送\"\nen = \"report\"\n"
      "departments = [\"gov\"]\nsource = \"§5.5.2\"\n";
  // Lines: 1 document, 2–5 the first department, 6–9 the second.
  EXPECT_THROW_MSG(aqi::MeasureCatalogue::parse(head + dept("gov", "县政府办公室", "Office") +
                                                    dept("县政府办公室", "县发展改革局", "Reform") + measure,
                                                "m.toml"),
                   aqi::ParseError,
                   "m.toml:6:1: department '县政府办公室': '县政府办公室' already names department 'gov'");
  EXPECT_THROW_MSG(
      aqi::MeasureCatalogue::parse(
          head + dept("gov", "县政府办公室", "Office") + dept("reform", "Office", "Reform") + measure, "m.toml"),
      aqi::ParseError, "m.toml:6:1: department 'reform': 'Office' already names department 'gov'");
  EXPECT_THROW_MSG(
      aqi::MeasureCatalogue::parse(
          head + dept("gov", "县政府办公室", "Office") + dept("reform", "县发展改革局", "gov") + measure, "m.toml"),
      aqi::ParseError, "m.toml:6:1: department 'reform': 'gov' already names department 'gov'");
  // One department may use the same text twice (its own names); distinct keys parse.
  const auto c = aqi::MeasureCatalogue::parse(
      head + dept("gov", "Office", "Office") + dept("reform", "县发展改革局", "Reform") + measure, "m.toml");
  EXPECT_EQ(c.department("Office").id, "gov");
  EXPECT_EQ(c.department("县发展改革局").id, "reform");
  EXPECT_EQ(c.tasks("reform", aqi::ResponseLevel::II).size(), 0u);
  EXPECT_EQ(c.tasks("gov", aqi::ResponseLevel::II).size(), 1u);

  // A hand-built catalogue (no parse) with the collision: an id wins over a name.
  aqi::MeasureCatalogue built = c;
  built.departments[1].name_zh = "gov";
  EXPECT_EQ(built.department("gov").id, "gov");
  built.departments[0].name_en = "reform";
  EXPECT_EQ(built.department("reform").id, "reform");
}

// R1: the catalogue's response levels — the plan has measures for III, II and I (no IV) — taken in
// any of the plan's spellings.
TEST(Measures, R1ResponseLevelsOfTheCatalogue) {
  const auto& c = aqi::builtin_measure_catalogue();
  EXPECT_EQ(c.response_levels(),
            (std::vector<aqi::ResponseLevel>{aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I}));
  for (const char* text : {"II", "Ⅱ", "Ⅱ级"}) EXPECT_EQ(c.response_level(text), aqi::ResponseLevel::II) << text;
  EXPECT_EQ(c.response_level("Ⅲ级"), aqi::ResponseLevel::III);
  EXPECT_THROW_MSG(c.response_level("IV"), aqi::UnknownName,
                   "unknown response level 'IV'; expected one of: III, II, I");
  EXPECT_THROW_MSG(c.response_level("V"), aqi::UnknownName, "unknown response level 'V'; expected one of: III, II, I");
}
