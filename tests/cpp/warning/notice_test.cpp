// The county's notices — SPEC N1 (wording per event kind, the lifting notice), N3 (the publication
// checklist of plan §4.3). Every expected phrase is derived by hand from the plan (§4.2, §5.5, §6.1),
// the catalogue (responses.toml) and the deadlines (deadlines.toml), not from the renderer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi/plan.hpp"
#include "aqi/warning/notice.hpp"
#include "aqi/warning/season.hpp"
#include "test_support.hpp"

using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;

namespace {

ptime at(int year, int month, int day, int hour, int minute = 0) {
  return ptime(date(year, month, day), hours(hour) + minutes(minute));
}

const aqi::Plan& yiyuan() { return aqi::plan("yiyuan-2019"); }

// Zibo's order of 2025-12-26 as if in 2019: orange issued 12-26 10:00, the response from 12-28
// 10:00, upgraded to red 12-29 16:30, lifted 12-31 11:00.
aqi::SeasonResult season() {
  aqi::SeasonOptions o;
  const std::string zibo = "淄博市重污染天气应急指挥部办公室";
  o.orders = {{at(2019, 12, 26, 10), aqi::EventType::issue, 2, at(2019, 12, 28, 10), at(2019, 12, 31, 0),
               "2019—2020年第3期", zibo},
              {at(2019, 12, 29, 16, 30), aqi::EventType::upgrade, 3, at(2019, 12, 29, 16, 30), ptime(),
               "2019—2020年第4期", zibo},
              {at(2019, 12, 31, 11), aqi::EventType::lift, 0, at(2019, 12, 31, 11), ptime(), "2019—2020年第5期", zibo}};
  return aqi::run_season({}, *yiyuan().warnings, o);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

// N1: times as Chinese notices write them (Gaoqing 2025-12-15: "2025年12月16日8时00分").
TEST(Notice, N1ChineseTimes) {
  EXPECT_EQ(aqi::chinese_time(at(2025, 12, 28, 10)), "2025年12月28日10时00分");
  EXPECT_EQ(aqi::chinese_time(at(2025, 12, 16, 8)), "2025年12月16日8时00分");
  EXPECT_EQ(aqi::chinese_time(at(2021, 3, 18, 11, 5)), "2021年3月18日11时05分");
  EXPECT_EQ(aqi::chinese_date(date(2020, 1, 6)), "2020年1月6日");
}

// N1, R1, R2, D1, D2: the ISSUE notice — orange → Ⅱ级; the order relayed with its issuer, number
// and time; the response start and expected end; the Level II measures of the catalogue in its
// classes (health 4, advisory 4, mandatory: industrial 3, dust 4, mobile 2, other 1); recipients;
// the daily 15:00 report (D1) and the 3-working-day summary (D2).
TEST(Notice, N1IssueNoticeOfAnOrangeOrder) {
  const auto n = aqi::render_notice(yiyuan(), season(), 0);
  EXPECT_EQ(n.type, aqi::EventType::issue);
  EXPECT_EQ(n.response, aqi::ResponseLevel::II);
  EXPECT_EQ(n.doc_no, "2019—2020年第3期");
  EXPECT_EQ(n.title, "沂源县重污染天气应急指挥部办公室关于发布重污染天气橙色预警启动Ⅱ级应急响应的通知");
  const std::string& t = n.text;
  EXPECT_EQ(t.rfind("各镇政府、街道办事处，经济开发区管委会，县重污染天气应急指挥部各成员单位：\n", 0), 0u);
  EXPECT_TRUE(has(t, "2019年12月26日10时00分，接到淄博市重污染天气应急指挥部办公室预警通知（2019—2020年第3期）"));
  EXPECT_TRUE(has(t,
                  "决定于2019年12月26日10时00分发布重污染天气橙色预警，全县于2019年12月28日10时00分启动Ⅱ级应急响应"
                  "，预计持续至2019年12月31日0时00分，直至预警解除"));
  EXPECT_TRUE(has(t, "一、健康防护引导措施\n1. 提醒儿童、老年人和患病等易感人群应当留在室内，避免体力消耗"));
  EXPECT_TRUE(has(t, "\n4. 建议中小学及幼儿园可采取弹性教学"));
  EXPECT_FALSE(has(t, "\n5. 建议"));
  EXPECT_TRUE(has(t, "二、倡议性污染减排措施\n1. 倡导公众绿色出行"));
  EXPECT_TRUE(has(t, "三、强制性污染减排措施\n（1）工业源\n1. 按照生态环境部印发的《技术指南》要求"));
  EXPECT_TRUE(has(t, "（2）扬尘源\n1. 矿山、砂石料厂、石材厂、石板厂等应停止露"));
  EXPECT_TRUE(has(t, "（3）移动源\n1. 施工工地、工业企业厂区和工业园区内停止使"));
  EXPECT_TRUE(has(t, "（4）其他\n1. 停止所有室外喷涂、粉刷、切割、护坡喷浆"));
  EXPECT_FALSE(has(t, "（5）"));
  EXPECT_TRUE(has(t, "于每日15:00前向县重污染天气应急指挥部办公室报告进展情况，直至预警解除、应急响应终止"));
  EXPECT_TRUE(has(t,
                  "应急响应终止3个工作日内，各镇政府、街道办事处、开发区管委会和县重污染天气应急指挥部各成员单位"
                  "向县重污染天气应急指挥部办公室报送应急响应工作信息"));
  EXPECT_TRUE(has(t, "\n沂源县重污染天气应急指挥部办公室\n2019年12月26日\n"));
}

// N1, R1: the UPGRADE to red — Ⅰ级, the Level I measures (health 6, as §5.5.3(1) lists).
TEST(Notice, N1UpgradeNoticeCarriesTheLevelIMeasures) {
  const auto n = aqi::render_notice(yiyuan(), season(), 1);
  EXPECT_EQ(n.title, "沂源县重污染天气应急指挥部办公室关于将重污染天气预警由橙色升级为红色启动Ⅰ级应急响应的通知");
  EXPECT_TRUE(
      has(n.text, "决定于2019年12月29日16时30分升级为重污染天气红色预警，全县于2019年12月29日16时30分启动Ⅰ级应急响应"));
  EXPECT_TRUE(has(n.text, "（2019—2020年第4期）"));
  EXPECT_TRUE(has(n.text, "\n6. "));
  EXPECT_FALSE(has(n.text, "预计持续至"));  // the order states no expected end
}

// N1, D2: the lifting notice — the previous level and response, the time to the minute, the
// summary due 3 working days after 2019-12-31: 2020-01-01 is New Year's Day, so 01-02, 01-03 and
// (after the weekend) 01-06.
TEST(Notice, N1LiftingNotice) {
  const auto n = aqi::render_notice(yiyuan(), season(), 2);
  EXPECT_EQ(n.title, "沂源县重污染天气应急指挥部办公室关于解除重污染天气红色预警终止Ⅰ级应急响应的通知");
  EXPECT_EQ(n.response, aqi::ResponseLevel::none);
  EXPECT_TRUE(
      has(n.text, "2019年12月31日11时00分，接到淄博市重污染天气应急指挥部办公室预警解除指令（2019—2020年第5期）"));
  EXPECT_TRUE(has(n.text, "决定于2019年12月31日11时00分解除重污染天气红色预警，并终止Ⅰ级应急响应"));
  EXPECT_TRUE(has(n.text, "应急响应终止3个工作日内（2020年1月6日前）"));
  EXPECT_FALSE(has(n.text, "强制性"));
}

// N1 (forecast mode): every event of the county's forecast yields a notice; the grounds are the
// forecast's run, not an order.
TEST(Notice, N1ForecastModeNoticeStatesTheRun) {
  std::vector<aqi::DailyForecast> f{{date(2019, 12, 27), date(2019, 12, 28), {250, 260, 120, 100, 90, 80, 70}}};
  const auto s = aqi::run_season(f, *yiyuan().warnings, {});
  ASSERT_FALSE(s.events.empty());
  const auto notices = aqi::render_notices(yiyuan(), s);
  ASSERT_EQ(notices.size(), s.events.size());
  EXPECT_TRUE(has(notices[0].text, "根据预测，2019年12月28日至2019年12月29日我县将出现一次重污染天气过程"));
  EXPECT_FALSE(has(notices[0].text, "接到"));
}

// N3: each notice's channels of plan §4.3 in its order, who carries them, from the notice to the
// lift; SMS once (§4.3.4 "一次性").
TEST(Notice, N3ChecklistRunsToTheLift) {
  const auto n = aqi::render_notice(yiyuan(), season(), 0);
  ASSERT_EQ(n.checklist.size(), 6u);
  EXPECT_EQ(n.checklist[0].channel, "portals");
  EXPECT_EQ(n.checklist[0].from, at(2019, 12, 26, 10));
  EXPECT_EQ(n.checklist[0].until, at(2019, 12, 31, 11));
  EXPECT_EQ(n.checklist[2].who_zh, "县融媒体中心");
  EXPECT_EQ(n.checklist[3].channel, "sms");
  EXPECT_EQ(n.checklist[3].until, at(2019, 12, 26, 10));
  EXPECT_EQ(n.checklist[3].who_zh, "县移动公司、县联通公司、县电信公司、县气象局");
  EXPECT_EQ(n.checklist[5].who_zh, "各镇政府、街道办事处、开发区管委会");
}

TEST(Notice, N1RefusesAnEventOutOfRange) {
  EXPECT_THROW_MSG(aqi::render_notice(yiyuan(), season(), 3), aqi::InvalidArgument,
                   "render_notice: event 3 out of range; the season has 3 events");
}

// N1: a template naming a placeholder that does not exist is refused when read.
TEST(Notice, N1TemplatesRefuseAnUnknownPlaceholder) {
  const std::string text = R"(office_zh = "办"
recipients_zh = "各"
[sectors]
[title]
ISSUE = "{{levle}}"
UPGRADE = ""
DOWNGRADE = ""
LIFT = ""
[action]
ISSUE = ""
UPGRADE = ""
DOWNGRADE = ""
[body]
response = ""
lift = ""
channel = []
)";
  EXPECT_THROW_MSG(
      aqi::NoticeTemplates::parse(text, "notices.toml"), aqi::ParseError,
      "notices.toml: 'title.ISSUE': unknown placeholder '{{levle}}'; docs/notices.md lists the placeholders");
}
