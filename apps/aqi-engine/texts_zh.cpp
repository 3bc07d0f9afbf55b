// The Chinese table of the text report (SPEC N5: the office's language, the default). Names,
// measures and departments are the plan's Chinese originals; rule IDs (SPEC …) and plan sections
// stay as written. Lines and the facts on them are those of the English table, line for line
// (tests/python/test_engine.py compares the two reports field by field).
#include "aqi/warning/event_type.hpp"
#include "aqi/warning/season.hpp"
#include "texts.hpp"

namespace aqi::engine {

namespace {

void add_chinese_season(Texts& t) {
  t.common.list_separator = "、";
  t.common.no_level = "无";
  t.common.level = "{zh}";
  // The library's words (SPEC N5: name_zh), the ones aqi.run_season's *_zh columns carry.
  for (EventType e : all_event_types) t.common.codes.emplace(name(e), name_zh(e));
  for (Comparison c : {Comparison::consistent, Comparison::stricter, Comparison::weaker})
    t.common.codes.emplace(name(c), name_zh(c));
  t.header.title = "libaqi {version} — {name}";
  t.header.scenario = "情景 {dir}；规则 {rules}：{title}";
  t.header.season = "时段 {start} … {end}；预报：{forecasts}";
  t.header.mode_relay = "模式 转发（SPEC L7）：以 {orders} 中上级指令为准；预报仅作参考（L10）";
  t.header.mode_forecast = "模式 预报（SPEC L7、L12）：按规则研判预报";
  t.header.unused = "本模式未用：{files}";
  t.observed.heading = "实测AQI（SPEC A1–A7）— {days} 天";
  t.observed.category = "  {zh:<8} {days:>3} 天";
  t.observed.missing_category = "缺测";
  t.observed.edition = "  按 {edition} 评价，指标 {indicators}";
  t.timeline.heading = "预警时间线（SPEC L1–L6；提前量 = 发布至达标时段开始）";
  t.timeline.row = "  {time:<16}  {event:<9}  {level:<6}  {response_zh:<6}  {lead:<9}  {reason}";
  t.timeline.columns = {"时间", "事件", "级别", "响应", "提前量", "理由"};
  t.timeline.lead = "{hours:.0f} 小时";
  t.timeline.short_lead = " <24!";
  t.timeline.imposed_reason = "上级下达（{comparison}）— {reason}";
  t.timeline.note = "      注：{note}";
  t.warnings.heading = "预警与响应（SPEC R1、L2）";
  t.warnings.warning = "  #{number:<2} {issued} → {lifted}  最高 {level}，{response_zh}响应{imposed}{doc_no}";
  t.warnings.in_force = "期末仍在执行";
  t.warnings.superior = "（含上级指令）";
  t.warnings.cuts = "      减排：{verdicts} — {overall}";
  t.warnings.verdict = "{pollutant} {ratio:.1%}/{target:.0%} {met}";
  t.warnings.verdict_separator = "；";
  t.warnings.met = "达标";
  t.warnings.short_of_target = "未达标";
  t.warnings.all_met = "目标全部达成";
  t.warnings.not_all_met = "目标未全部达成（见减排核算）";
  t.warnings.undetermined = "待定";
  t.warnings.undetermined_overall = "目标待定：缺失的规则决定结论（见减排核算）";
  t.warnings.period = "  响应 {start} → {end}，最高 {response_zh}{doc_no}";
  t.warnings.document = " — {doc_no}";
  t.warnings.end_of_data = "数据结束";
  t.warnings.no_response = "      未启动响应：{reason}";
  t.season.heading = "全季统计（SPEC L3）";
  t.season.warning_days = "  预警天数：";
  t.season.response_hours = "  响应小时：";
  t.season.events = "  事件：";
  t.season.item = " {name_zh} {count}；";
  t.season.flaps = "  反复（解除后 {hours} 小时内再发布，L12）：{count}";
  t.verification.heading = "对照实测检验（SPEC L4；达到或超过各级别的天数）";
  t.verification.row = "  {level_zh:<8} {hits:>5} {misses:>7} {false:>7} {pod:>5.2f} {far:>5.2f} {csi:>5.2f}";
  t.verification.columns = {"级别", "命中", "漏报", "空报", "POD", "FAR", "CSI"};
  t.measures.heading = "{response_zh}响应措施（按部门，SPEC R2，预案§5.5及附件3）";
  t.measures.every_unit = "  各单位";
  t.measures.department = "  {zh}";
  t.measures.measure = "    {id:<16} {zh}";
}

// SPEC L8–L12.
void add_chinese_orders(Texts& t) {
  t.orders.heading = "上级指挥部指令（SPEC L8–L11；提前量 = 发布至响应开始）";
  t.orders.row =
      "  {issued:<16}  {event:<9}  {level:<6}  {response_zh:<6}  {start:<16}  {end:<16}  {lead:<9}  {doc_no}  {issuer}";
  t.orders.columns = {"发布时间", "事件", "级别", "响应", "响应开始", "预计结束", "提前量", "文号", "发布单位"};
  t.orders.at_once = "";
  t.orders.county = "      本县预报：{level}（{comparison}）";
  t.orders.no_county = "      本县预报：尚无";
  t.orders.note = "      注：{note}";
  t.advice.heading = "本县预报提示（SPEC L10；现行指令未给出的级别）";
  t.advice.row = "  {time:<16}  预报 {forecast:<6}  指令 {order:<6}  {note}";
  t.expected.heading = "发布时限 {hours} 小时以外的过程（SPEC L12；仅记录，不发布）";
  t.expected.row = "  {time:<16}  {level:<6}  过程 {first} … {last}  提前 {lead:.0f} 小时";
  t.gaps.heading = "预报缺失（{count} 处；SPEC W8、L1 — 引擎对每处的处理）";
  t.gaps.row = "  {date}  {kind_zh:<6}  {warning}{zh}";
  t.gaps.warning = "（第 {number} 次预警）";
}

void add_chinese_cuts(Texts& t) {
  auto& c = t.cuts;
  c.heading = "{response_zh}响应减排核算（SPEC E1–E10、R3–R6；{sources} 个源，吨/日）";
  c.row = "  {pollutant:<5} {baseline:>9.3f} {reduced:>9.3f} {ratio:>7.1%} {target:>7.0%}  {verdict}";
  c.columns = {"", "基准", "减排", "比例", "目标", "结论"};
  c.met = "达标";
  c.met_traded = "达标（SO2+NOx 合计，R4）";
  c.short_of_target = "差 {pp:.2f} 个百分点，{tonnes:.3f} 吨/日";
  c.undetermined = "待定：按有出处规则计差 {pp:.2f} 个百分点，{tonnes:.3f} 吨/日";
  c.dust = "  扬尘（R5）：减排 {reduced:.3f} 吨/日，计入 {counted:.3f}（上限为PM基准的 {cap:.0%}）";
  c.sources =
      "  {excluded} 个源剔除（E2）；{unsourced} 个源无出处规则（按零减排计，标为未知）；{unverified} 个源规则未核实";
  c.largest = "  {pollutant} 减排最大的源（R6）：{sources}";
  c.contributor = "{id} {name} {share:.0%}";
  c.verdict_reason = "  {pollutant} 结论（E12）：{reason_zh}";
  c.warning = "  提示（E11）：{reason_zh}";
  c.rules =
      "  减排措施表（E13），{origin_zh}规则：已核实 {verified} 条，未核实 {unverified} 条，无出处 {not_sourced} 条";
  c.measures_file = "  本局减排措施清单（E13）：{file}";
  c.top_up = "  补充减排（E10）：{explanation}";
  c.assumption = "  补充减排的前提（E12）：{assumption_zh}";
  c.extra_cut = "    {id:<10} {name:<28} 增加 {extra:>6.1%} → 削减 {cut:>6.1%}，成本 {cost:.1f}";
  c.more = "    … 另 {count} 个";
}

void add_chinese_kilns_and_deadlines(Texts& t) {
  auto& k = t.kilns;
  k.heading = "砖瓦窑轮停，{season} 年度（SPEC K1–K7，预案§5.5）";
  k.batch = "  {name} {zh:<6}  {first} … {last}{extended:<10}  {kilns:>3} 家  产能 {capacity:.1f}";
  k.extended = "（+{days} 天，K4）";
  k.multi_line = "  多线窑（K3）：{kilns} 家全季停 {lines} 条线，日产能 {capacity:.1f}";
  k.month_row = "  {month:<8} {weight:>6.3f} {stopped:>9.1f} {share:>6.1%}";
  k.columns = {"月份", "权重", "停产", "占比"};
  k.objective = "  目标（K5，停产/权重最小值）{objective:.1f}，LP上界 {bound:.1f}，差距 {gap:.4%}{exact}";
  k.exact = "（精确）";
  k.validation = "  校验（K7）：{result}";
  k.valid = "排程满足 K1–K5";
  auto& d = t.deadlines;
  d.heading = "报送时限（SPEC D1–D4；工作日按国务院放假通知）";
  d.unavailable = "  未计算：{reason}";
  d.daily = "  {due:<16}  {rule}  每日 {time} 前向{to}报告进展，共 {count} {days}（最后 {last}）— {who_zh}";
  d.day = "天";
  d.days = "天";
  d.other = "  {due:<16}  {rule}  {what_zh} — {who_zh}";
  d.pending = "待定（响应仍在执行）";
}

}  // namespace

const Texts& chinese_texts() {
  static const Texts table = [] {
    Texts t;
    add_chinese_season(t);
    add_chinese_orders(t);
    add_chinese_cuts(t);
    add_chinese_kilns_and_deadlines(t);
    return t;
  }();
  return table;
}

}  // namespace aqi::engine
