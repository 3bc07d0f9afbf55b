// The measure catalogue — SPEC R1, R2 (plan §5.5.1–3 and annex 3).
#include <gtest/gtest.h>

#include <set>
#include <string>

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
