// Task lists of the member units — SPEC N2 (plan annex 3, R2): every member unit, including those
// with no §5.5 measure and the towns (annex 3 item 二十一), with its measures and duties. Expected
// rows are read by hand from responses.toml and the plan's annex 3.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "aqi/plan.hpp"
#include "aqi/warning/unit_tasks.hpp"
#include "test_support.hpp"

namespace {

std::vector<aqi::UnitTask> of(const std::vector<aqi::UnitTask>& tasks, const std::string& unit) {
  std::vector<aqi::UnitTask> out;
  for (const auto& t : tasks)
    if (t.unit == unit) out.push_back(t);
  return out;
}

std::vector<aqi::UnitTask> level_ii() {
  const auto& p = aqi::plan("yiyuan-2019");
  return aqi::unit_tasks(*p.responses, *p.duties, aqi::ResponseLevel::II);
}

}  // namespace

// N2: all 23 units of annex 3 (item 二十 split into three companies), each with at least one duty.
TEST(UnitTasks, N2EveryMemberUnitIsListed) {
  const auto tasks = level_ii();
  std::set<std::string> units, with_duty;
  for (const auto& t : tasks) {
    units.insert(t.unit);
    if (t.kind == "duty") with_duty.insert(t.unit);
  }
  EXPECT_EQ(units.size(), 23u);
  EXPECT_EQ(with_duty, units);
  for (const char* unit : {"gov_office", "finance", "emergency", "meteorology", "towns"})
    EXPECT_FALSE(of(tasks, unit).empty()) << unit;
}

// N2, annex 3 item 六: 县财政局 has no §5.5 measure; at II it carries the procedures naming every
// unit (II-procedure-1 daily reports, II-procedure-4 the summary) and its three duties.
TEST(UnitTasks, N2FinanceBureauHasProceduresAndDuties) {
  const auto finance = of(level_ii(), "finance");
  ASSERT_EQ(finance.size(), 5u);
  EXPECT_EQ(finance[0].measure_id, "II-procedure-1");
  EXPECT_EQ(finance[0].kind, "procedure");
  EXPECT_EQ(finance[1].measure_id, "II-procedure-4");
  EXPECT_EQ(finance[2].unit_zh, "县财政局");
  EXPECT_EQ(finance[2].kind, "duty");
  EXPECT_EQ(finance[2].text_zh, "编制本部门重污染天气应急响应专项实施方案");
  EXPECT_EQ(finance[3].measure_id, "finance-2");
  EXPECT_EQ(finance[3].text_zh, "负责做好重污染天气预警与应急工作所需经费保障");
  EXPECT_EQ(finance[3].text_en, "Fund the warning and emergency work.");
  EXPECT_EQ(finance[4].text_zh, "完成县重污染天气应急指挥部交办的其他事项");
}

// N2, annex 3 item 二十一: the towns' four duties, now in the plan's text.
TEST(UnitTasks, N2TownsDutiesOfAnnex3Item21) {
  std::vector<std::string> duties;
  for (const auto& t : of(level_ii(), "towns"))
    if (t.kind == "duty") duties.push_back(t.text_zh);
  EXPECT_EQ(duties, (std::vector<std::string>{
                        "编制本辖区重污染天气应急预案",
                        "负责督导辖区内相关工业企业、施工工地等按照“一厂一策”要求制定具体的减排措施",
                        "全面负责本辖区内环境空气污染应急处置工作，具体落实应急响应措施",
                        "完成县重污染天气应急指挥部交办的其他事项",
                    }));
}

// N2: the duties part must cover every unit with its annex text; a unit left out is refused.
TEST(UnitTasks, N2DutiesMustCoverEveryUnit) {
  const auto& p = aqi::plan("yiyuan-2019");
  aqi::UnitDuties d = *p.duties;
  d.duties.erase(
      std::remove_if(d.duties.begin(), d.duties.end(), [](const aqi::UnitDuty& x) { return x.unit == "finance"; }),
      d.duties.end());
  EXPECT_THROW_MSG(d.check_against(*p.responses, "duties.toml"), aqi::ParseError,
                   "duties.toml: no duty for the member unit 'finance' (县财政局); annex 3 附件3 六");
  d = *p.duties;
  d.duties[0].zh = "编制本部门方案";
  EXPECT_THROW_MSG(
      d.check_against(*p.responses, "duties.toml"), aqi::ParseError,
      "duties.toml: the duties of 'propaganda' differ from its duties_zh in the catalogue (annex 3 附件3 一)");
}

// N2: a response level the catalogue has no measures for (the plan has no Level IV) is refused.
TEST(UnitTasks, N2RefusesALevelWithoutMeasures) {
  const auto& p = aqi::plan("yiyuan-2019");
  EXPECT_THROW_MSG(aqi::unit_tasks(*p.responses, *p.duties, aqi::ResponseLevel::IV), aqi::InvalidArgument,
                   "unit tasks: the catalogue has no measures for response IV");
}
