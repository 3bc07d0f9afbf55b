// A plan is a folder (issue 12): the built-in plan, a copied and edited folder, and the folders the
// loader refuses, each naming file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "aqi/plan.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string builtin_folder = std::string(AQI_RULES_DIR) + "/plans/yiyuan-2019";

// A fresh copy of the built-in plan folder, as a bureau would start its own.
std::string copy_plan(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("aqi_plan_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& f : fs::directory_iterator(builtin_folder))
    if (f.path().extension() == ".toml") fs::copy_file(f.path(), dir / f.path().filename());
  return dir.string();
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string s = read(path);
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  write(path, s.replace(at, from.size(), to));
}

}  // namespace

// The built-in plan holds every part, and its warnings and catalogue are the built-in ones (one
// copy in the program, shared).
TEST(Plan, BuiltinYiyuanHoldsEveryPart) {
  const aqi::Plan& p = aqi::plan("yiyuan-2019");
  EXPECT_EQ(p.id, "yiyuan-2019");
  EXPECT_EQ(p.county_zh, "沂源县");
  EXPECT_EQ(p.document, "源政办字〔2019〕56号");
  EXPECT_EQ(p.warnings.get(), &aqi::rule_set("yiyuan-2019"));
  EXPECT_EQ(p.responses.get(), &aqi::measure_catalogue("yiyuan-2019"));
  EXPECT_EQ(p.kilns.get(), &aqi::kiln_rules("yiyuan-2019"));
  EXPECT_EQ(p.deadlines.get(), &aqi::deadline_rules("yiyuan-2019"));
  EXPECT_EQ(p.targets.get(), &aqi::builtin_emission_targets());
  EXPECT_EQ(p.industry_measures.get(), &aqi::builtin_industry_measures());
  // SPEC R1: yellow → III, orange → II, red → I; annex 3's submit-to office (SPEC D1).
  EXPECT_EQ(p.warnings->levels.size(), 3u);
  EXPECT_EQ(p.deadlines->submit_to_zh, "县重污染天气应急指挥部办公室");
  // The plan's rows (E4, E5: 33) and the guide's key industries (90, and 15 B- rows of E11) make
  // the 138 rows of E3–E5.
  EXPECT_EQ(p.industry_measures->rules().size(), 138u);
  EXPECT_TRUE(p.industry_measures->missing().empty());
  ASSERT_EQ(aqi::builtin_plans().size(), 1u);
  EXPECT_THROW_MSG(aqi::plan("zibo-2024"), aqi::UnknownName,
                   "unknown plan 'zibo-2024'; expected one of: yiyuan-2019 (or load a plan folder with Plan::load)");
}

// A copy of the folder loads to the same plan.
TEST(Plan, FolderCopyLoadsTheSame) {
  const aqi::Plan p = aqi::Plan::load(copy_plan("same"));
  const aqi::Plan& b = aqi::plan("yiyuan-2019");
  EXPECT_EQ(p.id, b.id);
  EXPECT_EQ(p.warnings->levels.size(), b.warnings->levels.size());
  EXPECT_EQ(p.responses->measures.size(), b.responses->measures.size());
  EXPECT_EQ(p.responses->departments.size(), b.responses->departments.size());
  EXPECT_EQ(p.industry_measures->rules().size(), b.industry_measures->rules().size());
  EXPECT_EQ(p.kilns->batches.size(), b.kilns->batches.size());
  EXPECT_EQ(p.deadlines->summary_working_days, 3);
  EXPECT_NE(p.warnings.get(), b.warnings.get());  // its own objects
}

// What the Zibo analyst could not do before: another county's deadline owner and reporting time,
// and a department of its own, by editing the copy.
TEST(Plan, EditedCopyDecidesItsOwnOwnersAndCatalogue) {
  const std::string dir = copy_plan("edited");
  replace(dir + "/plan.toml", "id = \"yiyuan-2019\"", "id = \"zibo-2024\"");
  for (const char* part : {"/warnings.toml", "/kilns.toml", "/deadlines.toml"})
    replace(dir + part, "id = \"yiyuan-2019\"", "id = \"zibo-2024\"");
  replace(dir + "/deadlines.toml", "submit_to_zh = \"县重污染天气应急指挥部办公室\"",
          "submit_to_zh = \"市重污染天气应急指挥部办公室\"");
  replace(dir + "/deadlines.toml", "time = 15:00:00", "time = 16:00:00");
  replace(dir + "/responses.toml", "name_zh = \"县委宣传部\"", "name_zh = \"市委宣传部\"");
  const aqi::Plan p = aqi::Plan::load(dir);
  EXPECT_EQ(p.id, "zibo-2024");
  EXPECT_EQ(p.warnings->id, "zibo-2024");
  EXPECT_EQ(p.deadlines->submit_to_zh, "市重污染天气应急指挥部办公室");
  EXPECT_EQ(p.deadlines->daily_report_time, boost::posix_time::hours(16));
  EXPECT_EQ(p.responses->department("市委宣传部").id, "propaganda");
}

TEST(Plan, RefusesAFolderThatLacksAPart) {
  const std::string dir = copy_plan("lacks");
  fs::remove(dir + "/kilns.toml");
  EXPECT_THROW_MSG(aqi::Plan::load(dir), aqi::ParseError,
                   dir + "/plan.toml:24:9: the plan's part 'kilns' names kilns.toml, which is not a file of " + dir);
}

TEST(Plan, RefusesAPartNotNamed) {
  const std::string dir = copy_plan("unnamed");
  replace(dir + "/plan.toml", "kilns = \"kilns.toml\"", "");
  EXPECT_THROW_MSG(aqi::Plan::load(dir), aqi::ParseError, dir + "/plan.toml:19:1: missing key 'kilns'");
}

TEST(Plan, RefusesAnUnknownKey) {
  const std::string dir = copy_plan("unknown");
  replace(dir + "/plan.toml", "county_en = \"Yiyuan County\"", "county_en = \"Yiyuan County\"\ncounty = \"沂源\"");
  EXPECT_THROW_MSG(aqi::Plan::load(dir), aqi::ParseError, dir + "/plan.toml:14:1: unknown key 'county'");
}

// A copied folder whose parts still bear the old id is half edited.
TEST(Plan, RefusesAPartOfAnotherPlan) {
  const std::string dir = copy_plan("other");
  replace(dir + "/plan.toml", "id = \"yiyuan-2019\"", "id = \"zibo-2024\"");
  EXPECT_THROW_MSG(aqi::Plan::load(dir), aqi::ParseError,
                   dir + "/warnings.toml: id 'yiyuan-2019' is not the plan's id 'zibo-2024' (" + dir + "/plan.toml)");
}

// SPEC R2: every response a warning level leads to has its measures.
TEST(Plan, RefusesWarningsWhoseResponseHasNoMeasures) {
  const std::string dir = copy_plan("nomeasures");
  replace(dir + "/warnings.toml", "response = \"III\"", "response = \"IV\"");
  EXPECT_THROW_MSG(aqi::Plan::load(dir), aqi::ParseError,
                   dir + "/responses.toml: no measure for response IV, the response of warning level 'yellow'");
}

// SPEC E3–E5: a row in both the guide and the plan's rows is refused, naming both files.
TEST(Plan, RefusesARowInBothGuideAndPlan) {
  const std::string dir = copy_plan("twice");
  std::string rows = read(dir + "/industry_measures.toml");
  const std::string guide = read(std::string(AQI_RULES_DIR) + "/industry/technical-guide-2020.toml");
  const auto at = guide.find("[[rule]]\nindustry = \"brick_kiln\"");
  ASSERT_NE(at, std::string::npos);
  write(dir + "/industry_measures.toml", rows + "\n" + guide.substr(at, guide.find("\n\n", at) - at) + "\n");
  try {
    (void)aqi::Plan::load(dir);
    ADD_FAILURE() << "no exception";
  } catch (const aqi::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("libaqi/rules/industry/technical-guide-2020.toml"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("duplicate rule for brick_kiln at III (first on line"), std::string::npos)
        << e.what();
  }
}

// Ownership (issue 12): a shared handle on a built-in plan aliases it; on any other it is a copy
// that outlives the caller's object.
TEST(Plan, SharedHandlesOwnWhatTheyReferTo) {
  EXPECT_EQ(aqi::share(aqi::plan("yiyuan-2019")).get(), &aqi::plan("yiyuan-2019"));
  std::shared_ptr<const aqi::Plan> kept;
  {
    const aqi::Plan local = aqi::Plan::load(copy_plan("owned"));
    kept = aqi::share(local);
    EXPECT_NE(kept.get(), &local);
  }
  EXPECT_EQ(kept->warnings->id, "yiyuan-2019");
}
