// SPEC N2: the per-source task list, worded from the measure table the cuts were computed with.
#include "aqi/emissions/source_tasks.hpp"

namespace aqi {

namespace {

// The transport clauses, as the plan words them (§5.5 ⑦, E8).
std::string transport_zh(TransportRule t) {
  switch (t) {
    case TransportRule::no_heavy_truck_cn4_or_older:
      return "禁止使用国四及以下重型载货车辆（含燃气）进行运输";
    case TransportRule::no_road_transport:
      return "停止公路运输";
    default:
      return "";
  }
}

std::string fleet_zh(FleetMeasure m, const FleetRules& rules) {
  if (const SourceRule* r = rules.rule(m)) return r->measure_zh;
  switch (m) {
    case FleetMeasure::exempt:
      return "豁免（民生保障、特种车辆、新能源或抢修机械）";
    case FleetMeasure::owner_transport:
      return "按所属企业运输管控要求停用";
    default:
      return "本级别无移动源措施";
  }
}

// The rule's words, with the lines stopped (E6) and the protected cap (E7).
std::string rule_zh(const IndustryMeasure& rule, const Inventory& inv, const EmissionCuts& c, std::size_t i) {
  std::string s = rule.measure_zh;
  if (c.lines_stopped[i] >= 0)
    s += "；停产" + std::to_string(c.lines_stopped[i]) + "条生产线（共" + std::to_string(inv.lines[i]) + "条）";
  if (c.capped[i]) s += "；保障类企业，不低于核定最大允许生产负荷" + detail::format_number(inv.protected_max_load[i]);
  return s;
}

std::string measure_zh(const Inventory& inv, const EmissionCuts& c, std::size_t i) {
  const IndustryMeasures& m = *c.measures;
  switch (c.basis[i]) {
    case CutBasis::excluded:
      return "剔除出应急减排清单，不计减排（预案§5.4.2：" + std::string(key(inv.excluded[i])) + "）";
    case CutBasis::fleet:
      return fleet_zh(c.fleet_measure[i], m.fleet());
    case CutBasis::dust:
      if (inv.dust[i] == DustActivity::none) return "";
      if (c.cut[static_cast<Eigen::Index>(i)] > 0 || m.dust(inv.dust[i]).levels.empty())
        return m.dust(inv.dust[i]).measure_zh;
      return "本级别正常作业（E9）";
    case CutBasis::voluntary: {  // E11: no ordered measure; the enterprise's own commitment
      const double v = c.cut[static_cast<Eigen::Index>(i)];
      return "绩效分级" + std::string(name_zh(inv.grade[i])) + "企业，可自主采取减排措施，不下达强制措施（SPEC E11）" +
             (v > 0 ? "；自愿减排" + detail::format_number(v * 100) + "%" : "");
    }
    case CutBasis::rule:
      break;
  }
  return rule_zh(m.rules()[static_cast<std::size_t>(c.rule[i])], inv, c, i);
}

}  // namespace

std::vector<SourceTask> source_tasks(const Inventory& inv, const EmissionCuts& c) {
  if (c.size() != inv.id.size())
    throw InvalidArgument("source tasks: the cuts have " + std::to_string(c.size()) + " sources, the inventory " +
                          std::to_string(inv.id.size()) + "; pass the cuts of this inventory");
  std::vector<SourceTask> out;
  for (std::size_t i = 0; i < inv.id.size(); ++i) {
    SourceTask t;
    t.id = inv.id[i];
    t.name = inv.name[i];
    if (inv.kind[i] == SourceKind::enterprise) t.industry = std::string(key(inv.industry[i]));
    t.grade = std::string(name(inv.grade[i]));
    t.measure_zh = measure_zh(inv, c, i);
    t.lines_stopped = c.lines_stopped[i];
    t.cut = c.cut[static_cast<Eigen::Index>(i)];
    if (c.rule[i] >= 0) {
      const IndustryMeasure& r = c.measures->rules()[static_cast<std::size_t>(c.rule[i])];
      if (c.basis[i] != CutBasis::voluntary) t.transport = transport_zh(r.transport);  // E11: none ordered
      t.rule = r.describe() + " — " + r.source;
    } else {
      t.rule = cut_source(c, inv, i);
      if (c.basis[i] == CutBasis::fleet && c.fleet_measure[i] == FleetMeasure::owner_transport)
        t.transport = transport_zh(TransportRule::no_heavy_truck_cn4_or_older);
    }
    t.status = std::string(cut_rule_status(c, i));
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace aqi
