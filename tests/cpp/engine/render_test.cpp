// The renderings of a hand-built report (apps/aqi-engine/render.hpp): every branch of the layout
// — a warning still in force, a response without end, a missing score, a pending summary, a
// top-up longer than the list, a kiln violation — in every language's table, and the same facts
// in the JSON.
#include <sstream>

#include <nlohmann/json.hpp>

#include "render.hpp"
#include "test_support.hpp"

namespace engine = aqi::engine;
using aqi::ResponseLevel;
using boost::posix_time::hours;

namespace {

const aqi::ptime t0(aqi::date(2019, 11, 13), hours(16));

engine::Response orange_response() { return {ResponseLevel::II, "II", "Ⅱ级"}; }

void add_season(engine::Report& r) {
  r.scenario = {"0.1.0",
                "test",
                "沂源县",
                "dir",
                "rules-id",
                "rules title",
                "plan-id",
                "plan title",
                "doc",
                aqi::date(2019, 11, 1),
                aqi::date(2019, 11, 30),
                "forecasts.csv"};
  r.observed.categories = {{0, "", "", 2}, {5, "重度污染", "heavily polluted", 1}};
  r.observed.editions = {{"hj633-2012", {"pm25_24h", "pm10_24h"}}};
  engine::EventFacts e;
  e.time = t0;
  e.type = "ISSUE";
  e.level = {2, "orange", "橙色"};
  e.previous = {0, "none", ""};
  e.response = orange_response();
  e.response_from = t0 + hours(8);
  e.lead_hours = 8;
  e.short_lead = true;
  e.imposed = true;
  e.comparison = "stricter";
  e.reason = "ordered";
  r.events = {e};
  r.warnings = {{1, t0, std::nullopt, e.level, orange_response(), true, {0}}};
  r.periods = {{t0 + hours(8), std::nullopt, orange_response()}};
  r.counts.warning_days = {{{0, "none", ""}, 29}, {{2, "orange", "橙色"}, 1}};
  r.counts.response_hours = {{orange_response(), 8}};
  r.counts.events = {{"ISSUE", 1}};
  r.verification = {{{3, "red", "红色"}, 0, 1, 0, 28, std::nullopt, std::nullopt, 0.0}};
}

void add_measures_and_cuts(engine::Report& r) {
  const engine::MeasureFacts procedure{"II-procedure-1", "procedure", "报告", "Report daily.", "§5.5"};
  const engine::MeasureFacts dust{"II-dust-1", "mandatory", "停止土石方作业", "Stop earthworks.", "§5.5"};
  r.measures = {{orange_response(), {{0}, {0}}, {procedure}, {{"housing", "县住建局", "Housing", {procedure, dust}}}}};
  engine::CutsFacts c;
  c.response = orange_response();
  c.sources = 7;
  c.excluded = 1;
  engine::PollutantFacts so2{"so2", "SO2", 2, 0.5, 0.25, 0.2, true, true, 0, 0, {{"E1", "厂一", 0.5, 1}}};
  engine::PollutantFacts pm{"pm", "PM", 0, 0, std::nullopt, 0.2, false, false, 0.1, 10, {}};
  c.pollutants = {so2, pm};
  c.dust = engine::DustFacts{0.3, 0.2, 0.15};
  engine::TopUpFacts u{true, 6, "six extra cuts", {}};
  for (int i = 1; i <= 6; ++i) u.cuts.push_back({"E" + std::to_string(i), "厂", 0.5, 1, 1, std::nullopt});
  c.top_up = u;
  r.cuts = {c};
}

void add_kilns_and_deadlines(engine::Report& r) {
  engine::KilnFacts k;
  k.season = 2019;
  k.extension_days = 7;
  k.batches = {{"B2", "第二批", aqi::date(2019, 11, 1), aqi::date(2020, 2, 7), true, 2, 20}};
  k.months = {{"2019-11", 1, 20, 0.5}};
  k.violations = {"K5: 2020-02 has no stopped kiln"};
  r.kilns = k;
  engine::DeadlineFacts daily{
      t0 + hours(23), aqi::DeadlineKind::daily_report, "D1", "daily", "日报", "units", "各单位", "县指挥部办公室", 0};
  engine::DeadlineFacts second = daily;
  second.due = *daily.due + hours(24);
  engine::DeadlineFacts summary{std::nullopt,
                                aqi::DeadlineKind::response_summary,
                                "D2",
                                "summary",
                                "总结",
                                "units",
                                "各单位",
                                "县指挥部办公室",
                                0};
  r.deadlines.all = {daily, second, summary};
  r.deadlines.entries = {{0, 2, second.due}, {2, 1, std::nullopt}};
}

engine::Report report() {
  engine::Report r;
  add_season(r);
  add_measures_and_cuts(r);
  add_kilns_and_deadlines(r);
  return r;
}

std::string text(const engine::Report& r, const engine::Texts& t) {
  std::ostringstream out;
  engine::render_text(r, t, out);
  return out.str();
}

}  // namespace

TEST(EngineRender, EveryLanguageRendersEveryBranch) {
  for (const auto& code : engine::language_codes()) {
    SCOPED_TRACE(code);
    EXPECT_NO_THROW(text(report(), engine::texts(*engine::parse_language(code))));
  }
}

TEST(EngineRender, EnglishLinesOfTheRareBranches) {
  const std::string s = text(report(), engine::texts(engine::Language::en));
  for (const char* expected : {
           "  missing                         2 days\n",
           "  rated by hj633-2012 from pm25_24h, pm10_24h\n",
           "  2019-11-13 16:00  ISSUE      橙色 orange  II    8 h <24!   IMPOSED (stricter) — ordered\n",
           "  #1  2019-11-13 16:00 → in force at the end  highest 橙色 orange, response Ⅱ级 (superior command "
           "involved)\n",
           "      cuts: SO2 25.0%/20% met; PM –/20% SHORT — targets NOT met (see EMISSION CUTS)\n",
           "  response 2019-11-14 00:00 → end of data, up to Ⅱ级\n",
           "  warning days: orange 1;\n",
           "  red          0       1       0     –     –  0.00\n",
           "  every unit\n    II-procedure-1   Report daily.\n  县住建局 (Housing)\n    II-dust-1        Stop "
           "earthworks.\n",
           "  SO2       2.000     0.500   25.0%     20%  met (SO2+NOx together, R4)\n",
           "  PM        0.000     0.000       –     20%  short by 10.00 pp, 0.100 t/day\n",
           "  largest SO2 cuts (R6): E1 厂一 100%\n",
           "    E5         厂                           extra  50.0% → cut 100.0%, cost 1.0\n    … 1 more\n",
           "  B2 第二批  2019-11-01 … 2020-02-07 (+7 d, K4)    2 kilns  capacity 20.0\n",
           "  validation (K7): K5: 2020-02 has no stopped kiln\n",
           "  2019-11-14 15:00  D1  daily 15:00 progress reports to 县指挥部办公室, 2 days (last 2019-11-15) — units\n",
           "  pending (response still in force)  D2  summary — units\n",
       })
    EXPECT_NE(s.find(expected), std::string::npos) << expected;
}

TEST(EngineRender, TheJsonHoldsTheSameFacts) {
  const auto d = nlohmann::json::parse(engine::render_json(report()));
  EXPECT_TRUE(d["warnings"][0]["lifted"].is_null());
  EXPECT_TRUE(d["response_periods"][0]["end"].is_null());
  EXPECT_TRUE(d["verification"][0]["pod"].is_null());
  EXPECT_EQ(d["verification"][0]["csi"], 0.0);
  EXPECT_TRUE(d["emission_cuts"]["II"]["summary"][1]["ratio"].is_null());
  EXPECT_EQ(d["emission_cuts"]["II"]["top_up"]["cuts"].size(), 6u);
  EXPECT_EQ(d["emission_cuts"]["II"]["top_up"]["extra_cuts"], 6);
  EXPECT_EQ(d["kilns"]["violations"][0], "K5: 2020-02 has no stopped kiln");
  EXPECT_TRUE(d["deadlines"][2]["due"].is_null());
  EXPECT_EQ(d["deadline_entries"][0]["count"], 2);
  EXPECT_EQ(d["deadline_entries"][0]["last_due"], "2019-11-15 15:00");
  EXPECT_EQ(d["measures"]["II"]["县住建局"].size(), 2u);  // as before: procedures under the departments they name
  EXPECT_EQ(d["response_levels"][0]["every_unit"][0], "II-procedure-1");
  EXPECT_EQ(d["response_levels"][0]["reached_by"]["events"][0], 0);
}
