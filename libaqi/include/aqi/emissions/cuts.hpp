// Per-source emission cuts at a response level and the county's target check — SPEC E1–E9, R3–R6.
//
// The cut of a source is the fraction of its activity removed (E1): the industry measure of its
// industry × grade × level (E3–E5) counted by whole lines where the rule says so (E6), capped for
// protected enterprises (E7); the fleet measures of E8; the dust measures of E9 (the plan's, from
// the same table: aqi/emissions/fleet_dust_rules.hpp). Excluded sources
// (E2) count in neither baseline nor reduction. Reductions are the inventory's baseline matrix
// (sources × pollutants) times the cut vector. The check compares the county's reduction ratios
// with the level's targets (R3), trading SO2 against NOx (R4) and capping dust within PM (R5), and
// reports per pollutant the shortfall and the sources that contribute most (R6).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "aqi/detail/keys.hpp"
#include "aqi/emissions/fleet_dust_rules.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/emissions/kiln_credit.hpp"
#include "aqi/emissions/pollutant.hpp"
#include "aqi/emissions/targets.hpp"
#include "aqi/error.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// A ratio this close below its target counts as met: floating-point sums and the E10 solver's
// feasibility tolerance, 0.0001 percentage points, far below any inventory's precision.
inline constexpr double target_ratio_tolerance = 1e-6;

// SPEC E11's source, verbatim in reference/technical-guide.md ("Statements that A-grade …").
inline constexpr std::string_view exempt_grade_source =
    "SPEC E11: 浙江省生态环境厅 2020-08-10, \"评为A级和引领性的企业，重污染天气预警期间，可自主采取应急减排措施\" "
    "(https://static.chndaqi.com/news/312629.html)";

// Why a source has its cut.
enum class CutBasis : std::uint8_t {
  rule,       // the industry measure table (E3–E7)
  excluded,   // E2: counts for nothing
  fleet,      // E8
  dust,       // E9
  voluntary,  // E11: grade A or 引领性, no ordered measure; the enterprise's own commitment (0 without)
};

inline constexpr std::array<std::string_view, 5> cut_basis_keys{"rule", "excluded", "fleet", "dust", "voluntary"};

constexpr std::string_view key(CutBasis b) noexcept { return cut_basis_keys[static_cast<std::size_t>(b)]; }

inline CutBasis parse_cut_basis(std::string_view text) {
  return static_cast<CutBasis>(detail::parse_key(cut_basis_keys, text, "cut basis"));
}

struct CutOptions {
  // SPEC R5: the largest share of the PM baseline that dust reductions may count for (the dust
  // share of the local PM2.5 source apportionment), 0..1; nullopt = dust counts in full.
  std::optional<double> dust_cap;
  const IndustryMeasures* measures = nullptr;  // nullptr = builtin_industry_measures()
  const EmissionTargets* targets = nullptr;    // nullptr = builtin_emission_targets()
  std::size_t top_contributors = 5;            // R6: sources listed per pollutant
  // SPEC K8: the brick-kiln rotation on the day of the response (kiln_credit(table, schedule,
  // on)); its kilns' baseline joins the county's and their stopped share counts as a line of its
  // own. nullopt: no kilns counted.
  std::optional<KilnCredit> kilns;
};

// SPEC E12: a target's verdict. `met` counting the rules that exist; `short` even if every source
// without a sourced rule stopped entirely; `undetermined` otherwise (the missing rules decide it).
enum class Verdict : std::uint8_t { met, short_, undetermined };

inline constexpr std::array<std::string_view, 3> verdict_keys{"met", "short", "undetermined"};
inline constexpr std::array<std::string_view, 3> verdict_keys_zh{"达标", "未达标", "无法判定"};

constexpr std::string_view key(Verdict v) noexcept { return verdict_keys[static_cast<std::size_t>(v)]; }
constexpr std::string_view name_zh(Verdict v) noexcept { return verdict_keys_zh[static_cast<std::size_t>(v)]; }

// A fact of the inventory the office must see, not a refusal (SPEC E11: a protected enterprise of
// a key industry below grade B), in Chinese and English.
struct CutWarning {
  std::size_t source = 0;
  std::string rule;  // "E11"
  std::string reason_zh;
  std::string reason;
};

// R6: a source's share of a pollutant's reduction (before the dust cap).
struct Contributor {
  std::size_t source = 0;
  double reduction = 0;  // t/day
  double share = 0;      // of the pollutant's total reduction
};

// The check of one pollutant (R3–R6). Tonnes are per day.
struct PollutantCheck {
  EmissionPollutant pollutant = EmissionPollutant::so2;
  double baseline = 0;   // excluded sources left out (E2)
  double reduction = 0;  // counted toward the target: sourced rules only, dust capped (R5)
  double ratio = std::numeric_limits<double>::quiet_NaN();  // reduction / baseline; NaN when the baseline is 0
  double target = 0;                                        // R3
  bool met = false;                                         // R3, with the SO2/NOx trade of R4
  bool met_alone = false;                                   // the pollutant's own ratio reaches its own target
  bool traded = false;                                      // R4 decided `met` (SO2 and NOx)
  double shortfall_pp = 0;                                  // percentage points missing (SO2, NOx under R4: the pair's)
  double shortfall = 0;                                     // t/day of this pollutant that would close the shortfall
  double dust_reduction = 0;                                // PM: dust reduction before the cap (R5)
  double dust_counted = 0;                                  // PM: the part of it that counts
  double unverified_reduction = 0;                          // part of `reduction` resting on unverified rules
  std::size_t unsourced_sources = 0;                        // sources emitting this pollutant whose rule has no value
  double unsourced_baseline = 0;                            // their baseline: reduction not counted, unknown
  double voluntary_reduction = 0;                           // part of `reduction` committed voluntarily (E11)
  double kiln_baseline = 0;                                 // K8: part of `baseline` from the kiln table
  double kiln_reduction = 0;                                // K8: part of `reduction` from the kilns' rotation
  // E12: met / short / undetermined, and the t/day of this pollutant emitted by the sources
  // without a sourced rule that decide an undetermined verdict (0 when met or short).
  Verdict verdict = Verdict::met;
  double deciding_baseline = 0;
  std::vector<Contributor> top;  // R6, largest first
};

struct EmissionCuts {
  ResponseLevel level = ResponseLevel::II;
  std::optional<double> dust_cap;
  std::string measures_document;
  std::string targets_document;
  // The measure table and the targets the cuts were computed with, shared: the result never
  // refers to a table its caller may destroy (built-in ones aliased, others copied; `rule` indexes
  // measures->rules()).
  std::shared_ptr<const IndustryMeasures> measures;
  std::shared_ptr<const EmissionTargets> targets;
  // Per source.
  Eigen::ArrayXd cut;                // fraction of activity removed; NaN = the rule has no value
  EmissionMatrix reduction;          // t/day, sources × pollutants; NaN where cut is NaN
  std::vector<int> lines_stopped;    // E6; -1 when not counted by line
  std::vector<std::uint8_t> capped;  // E7 lowered the cut
  std::vector<CutBasis> basis;
  std::vector<int> rule;  // index into the measure table's rules(); -1 when none
  std::vector<FleetMeasure> fleet_measure;
  std::vector<RuleStatus> status;       // of the rule behind the cut (fleets and dust: the plan, verified)
  std::vector<std::uint8_t> voluntary;  // E11: grade A or 引领性, its cut its own commitment
  // The county.
  std::array<PollutantCheck, emission_pollutant_count> summary;
  bool met = false;                  // E12: every verdict is met
  std::vector<CutWarning> warnings;  // E11: protected key-industry enterprises below grade B
  std::optional<KilnCredit> kilns;   // K8: the kiln rotation on the day, when given
  std::size_t excluded = 0;          // E2
  std::size_t unsourced = 0;         // sources whose rule has no value
  std::size_t unverified = 0;        // sources whose cut rests on an unverified rule

  std::size_t size() const noexcept { return basis.size(); }
  const PollutantCheck& check(EmissionPollutant p) const { return summary[static_cast<std::size_t>(p)]; }
  // E12 for the county as a whole: met when every target is met, short when one is short even
  // with the unsourced sources stopped, else undetermined (a report never says "not met" there).
  Verdict verdict() const {
    if (met) return Verdict::met;
    for (const auto& c : summary)
      if (c.verdict == Verdict::short_) return Verdict::short_;
    return Verdict::undetermined;
  }
};

namespace detail {

struct SourceCut {
  double cut = 0;
  int lines_stopped = -1;
  bool capped = false;
  CutBasis basis = CutBasis::rule;
  int rule = -1;
  FleetMeasure fleet = FleetMeasure::none;
  RuleStatus status = RuleStatus::verified;
};

// E6: ⌈f·n⌉ whole lines (never round a required cut down; the 1e-9 keeps 0.3·10 from becoming 4).
inline int lines_to_stop(double f, int n) noexcept {
  const double k = std::ceil(f * n - 1e-9);
  return static_cast<int>(std::clamp(k, 0.0, static_cast<double>(n)));
}

// E6: the k smallest lines' share of the baseline. Which lines stop is the enterprise's choice;
// the county cannot count on more than the smallest ones (shares are stored smallest first).
inline double share_of_lines(const Inventory& inv, std::size_t i, int k) noexcept {
  if (k <= 0) return 0;
  if (k >= inv.lines[i]) return 1;
  const double* s = inv.shares(i);
  double sum = 0;
  for (int l = 0; l < k; ++l) sum += s[l];
  return sum;
}

inline int rule_index(const IndustryMeasures& m, const IndustryMeasure& r) noexcept {
  return static_cast<int>(&r - m.rules().data());
}

// SPEC E11: an A or 引领性 enterprise takes no ordered measure at any level (whatever a table
// says); its cut is what it commits (the inventory's voluntary_cut, 0 without). An A enterprise
// cites its table row (the principle's sources); a leading one has none.
inline SourceCut exempt_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  SourceCut c;
  c.basis = CutBasis::voluntary;
  c.cut = inv.voluntary(i);
  c.status = RuleStatus::unverified;  // the guide's principle, not the industry's chapter (README)
  if (inv.grade[i] == Grade::A) {
    const IndustryMeasure& r = m.rule(inv.industry[i], Grade::A, level, false);
    c.rule = rule_index(m, r);
    c.status = r.status() == RuleStatus::not_sourced ? RuleStatus::unverified : r.status();
  }
  return c;
}

// E3–E7: an enterprise's row of the table, counted by whole lines (E6), capped for protected
// enterprises (E7).
inline SourceCut enterprise_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  if (is_exempt_grade(inv.grade[i])) return exempt_cut(inv, i, level, m);
  SourceCut c;
  const IndustryMeasure& r = m.rule(inv.industry[i], table_grade(inv.grade[i]), level, inv.low_nox[i] != 0);
  c.rule = rule_index(m, r);
  c.status = r.status();
  if (!r.sourced()) {
    c.cut = std::numeric_limits<double>::quiet_NaN();
    return c;
  }
  c.cut = r.cut;
  if (r.counted_by == CountedBy::line) {
    c.lines_stopped = lines_to_stop(r.cut, inv.lines[i]);
    c.cut = share_of_lines(inv, i, c.lines_stopped);
  }
  // E7: never below the approved maximum load.
  const double load = inv.protected_max_load[i];
  if (!std::isnan(load) && c.cut > 1 - load) {
    c.cut = 1 - load;
    c.capped = true;
  }
  return c;
}

// E4 ⑦ with E8: the owner's transport rule, where the table has one for an ungraded owner, stops
// its heavy trucks at every level the rule holds. False when it does not apply.
inline bool owner_transport_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m,
                                SourceCut& c) {
  if (is_graded(inv.industry[i])) return false;
  const IndustryMeasure& r = m.rule(inv.industry[i], Grade::none, level, false);
  if (!stops_heavy_truck(r.transport, inv.standard[i])) return false;
  c.cut = 1;
  c.fleet = FleetMeasure::owner_transport;
  c.rule = rule_index(m, r);
  c.status = r.verified ? RuleStatus::verified : RuleStatus::unverified;
  return true;
}

// E8: a fleet row stops entirely or not at all, by the plan's fleet measures (the table's [fleet]).
inline SourceCut fleet_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  SourceCut c;
  c.basis = CutBasis::fleet;
  if (inv.exempt[i] != FleetExemption::none) {
    c.fleet = FleetMeasure::exempt;
    return c;
  }
  const FleetRules& f = m.fleet();
  if (inv.vehicle[i] == Vehicle::heavy_truck) {
    if (owner_transport_cut(inv, i, level, m, c)) return c;
    if (f.heavy_truck_ban.levels.contains(level) && inv.standard[i] <= f.heavy_truck_max_standard &&
        inv.trips_per_day[i] > f.trips_per_day_above) {
      c.cut = 1;
      c.fleet = FleetMeasure::heavy_truck_ban;
    } else if (f.restricted_zone.levels.contains(level) && inv.built_up[i]) {
      c.fleet = FleetMeasure::restricted_zone;
    }
    return c;
  }
  if (f.non_road_ban.levels.contains(level) && inv.standard[i] <= f.non_road_max_standard) {
    c.cut = 1;
    c.fleet = FleetMeasure::non_road_ban;
  } else if (f.black_smoke_ban.levels.contains(level) && inv.black_smoke[i] && inv.built_up[i]) {
    c.cut = 1;
    c.fleet = FleetMeasure::black_smoke_ban;
  }
  return c;
}

// E9: a dust row's activity stops at the levels of the plan's dust measure (the table's [dust]).
inline SourceCut dust_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  SourceCut c;
  c.basis = CutBasis::dust;
  if (inv.dust[i] != DustActivity::none) c.cut = m.dust(inv.dust[i]).levels.contains(level) ? 1 : 0;
  return c;
}

inline SourceCut source_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  if (inv.excluded[i] != Exclusion::none) {
    SourceCut c;
    c.basis = CutBasis::excluded;
    return c;
  }
  switch (inv.kind[i]) {
    case SourceKind::enterprise:
      return enterprise_cut(inv, i, level, m);
    case SourceKind::fleet:
      return fleet_cut(inv, i, level, m);
    case SourceKind::dust:
      return dust_cut(inv, i, level, m);
  }
  return {};
}

// County totals from which the check is made: what E10 also recomputes for candidate cuts.
struct CutTotals {
  std::array<double, emission_pollutant_count> baseline{};
  std::array<double, emission_pollutant_count> reduction{};  // sourced cuts, dust in full
  std::array<double, emission_pollutant_count> unverified{};
  std::array<double, emission_pollutant_count> voluntary{};                        // E11
  std::array<double, emission_pollutant_count> kiln_baseline{}, kiln_reduction{};  // K8, included above
  double dust_pm = 0;                                                              // PM reduction of dust sources (R5)
  std::array<double, emission_pollutant_count> unsourced_baseline{};
  std::array<std::size_t, emission_pollutant_count> unsourced_sources{};
};

inline void check_dust_cap(const std::optional<double>& cap) {
  if (cap && !(*cap >= 0 && *cap <= 1))
    throw InvalidArgument("dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got " + format_number(*cap));
}

// R5 on the PM check: dust counts at most dust_cap of the PM baseline.
inline void cap_dust(PollutantCheck& pm, const CutTotals& t, const std::optional<double>& dust_cap) {
  const std::size_t k = static_cast<std::size_t>(EmissionPollutant::pm);
  pm.dust_reduction = t.dust_pm;
  pm.dust_counted = dust_cap ? std::min(t.dust_pm, *dust_cap * pm.baseline) : t.dust_pm;
  pm.reduction = t.reduction[k] - t.dust_pm + pm.dust_counted;
}

// R4: SO2 and NOx met as a pair when both are emitted.
inline void trade_so2_nox(std::array<PollutantCheck, emission_pollutant_count>& out) {
  PollutantCheck& s = out[static_cast<std::size_t>(EmissionPollutant::so2)];
  PollutantCheck& n = out[static_cast<std::size_t>(EmissionPollutant::nox)];
  if (!(s.baseline > 0 && n.baseline > 0)) return;
  const double gap = (s.target + n.target) - (s.ratio + n.ratio);
  const bool pair_met = gap <= target_ratio_tolerance;
  for (PollutantCheck* c : {&s, &n}) {
    c->traded = true;
    c->met = pair_met;
    c->shortfall_pp = pair_met ? 0 : gap * 100;
  }
}

// SPEC R3–R5 on county totals, without the verdicts of E12.
inline std::array<PollutantCheck, emission_pollutant_count> check_ratios(const CutTotals& t, ResponseLevel level,
                                                                         const EmissionTargets& targets,
                                                                         const std::optional<double>& dust_cap) {
  std::array<PollutantCheck, emission_pollutant_count> out;
  for (auto p : all_emission_pollutants) {
    const std::size_t k = static_cast<std::size_t>(p);
    PollutantCheck& c = out[k];
    c.pollutant = p;
    c.baseline = t.baseline[k];
    c.reduction = t.reduction[k];
    c.unverified_reduction = t.unverified[k];
    c.voluntary_reduction = t.voluntary[k];
    c.kiln_baseline = t.kiln_baseline[k];
    c.kiln_reduction = t.kiln_reduction[k];
    c.unsourced_baseline = t.unsourced_baseline[k];
    c.unsourced_sources = t.unsourced_sources[k];
    c.target = targets.ratio(level, p);
    if (p == EmissionPollutant::pm) cap_dust(c, t, dust_cap);
    if (c.baseline > 0) {
      c.ratio = c.reduction / c.baseline;
      c.met_alone = c.ratio >= c.target - target_ratio_tolerance;
      c.shortfall_pp = c.met_alone ? 0 : (c.target - c.ratio) * 100;
    } else {
      c.met_alone = true;  // nothing to reduce
    }
    c.met = c.met_alone;
  }
  if (targets.so2_nox_trade()) trade_so2_nox(out);
  for (auto& c : out) c.shortfall = c.shortfall_pp / 100 * c.baseline;
  return out;
}

// SPEC R3–R5 on county totals with the verdicts of E12: a target not met is `short` when it stays
// short with every source without a sourced rule stopped entirely (their whole baseline
// reduced), else `undetermined`, decided by those sources' baseline. `top` is left to the caller.
inline std::array<PollutantCheck, emission_pollutant_count> check_targets(const CutTotals& t, ResponseLevel level,
                                                                          const EmissionTargets& targets,
                                                                          const std::optional<double>& dust_cap) {
  auto out = check_ratios(t, level, targets, dust_cap);
  CutTotals most = t;
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) most.reduction[k] += t.unsourced_baseline[k];
  const auto reach = check_ratios(most, level, targets, dust_cap);
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
    PollutantCheck& c = out[k];
    c.verdict = c.met ? Verdict::met : reach[k].met ? Verdict::undetermined : Verdict::short_;
    c.deciding_baseline = c.verdict == Verdict::undetermined ? t.unsourced_baseline[k] : 0;
  }
  return out;
}

// Per-source masks for the matrix–vector products of E1: included (E2), the sourced cut, the dust
// cut (R5), the unverified cut, unsourced, the voluntary cut (E11).
struct CutMasks {
  Eigen::ArrayXd included, known, dust, unverified, unsourced, voluntary;
};

// Every source's cut into `r` (sized for the inventory), with the masks and the counts.
inline CutMasks record_source_cuts(const Inventory& inv, ResponseLevel level, const IndustryMeasures& m,
                                   EmissionCuts& r) {
  using Eigen::Index;
  const std::size_t n = inv.size();
  r.cut.resize(static_cast<Index>(n));
  r.lines_stopped.resize(n);
  r.capped.resize(n);
  r.basis.resize(n);
  r.rule.resize(n);
  r.fleet_measure.resize(n);
  r.status.resize(n);
  r.voluntary.resize(n);
  CutMasks mask{Eigen::ArrayXd(n), Eigen::ArrayXd(n), Eigen::ArrayXd(n),
                Eigen::ArrayXd(n), Eigen::ArrayXd(n), Eigen::ArrayXd(n)};
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = source_cut(inv, i, level, m);
    const auto at = static_cast<Index>(i);
    r.cut[at] = c.cut;
    r.lines_stopped[i] = c.lines_stopped;
    r.capped[i] = c.capped;
    r.basis[i] = c.basis;
    r.rule[i] = c.rule;
    r.fleet_measure[i] = c.fleet;
    r.status[i] = c.status;
    r.voluntary[i] = c.basis == CutBasis::voluntary;
    const bool in = c.basis != CutBasis::excluded;
    const bool has_value = !std::isnan(c.cut);
    mask.included[at] = in ? 1 : 0;
    mask.known[at] = has_value ? c.cut : 0;
    mask.dust[at] = has_value && c.basis == CutBasis::dust ? c.cut : 0;
    mask.unverified[at] = has_value && in && c.status == RuleStatus::unverified ? c.cut : 0;
    mask.unsourced[at] = has_value ? 0 : 1;
    mask.voluntary[at] = c.basis == CutBasis::voluntary ? c.cut : 0;
    r.excluded += !in;
    r.unsourced += !has_value;
    r.unverified += in && c.status == RuleStatus::unverified;
  }
  return mask;
}

// E1: county totals are the baseline matrix times the masks. Eᵀ is pollutants × sources with each
// source's column contiguous: column-major matrix–vector products, which need no horizontal sums
// (on those GCC 12 wrongly warns "maybe uninitialized" in Eigen's AVX-512 code, see simd.hpp).
inline CutTotals county_totals(const Inventory& inv, const CutMasks& mask) {
  using Eigen::Index;
  const auto Et = inv.emissions.matrix().transpose();
  const Eigen::Vector4d baseline = Et * mask.included.matrix(), reduced = Et * mask.known.matrix(),
                        unverified_sum = Et * mask.unverified.matrix(), unsourced_sum = Et * mask.unsourced.matrix(),
                        dust_sum = Et * mask.dust.matrix(), voluntary_sum = Et * mask.voluntary.matrix();
  CutTotals t;
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
    const auto p = static_cast<Index>(k);
    t.baseline[k] = baseline[p];
    t.reduction[k] = reduced[p];
    t.unverified[k] = unverified_sum[p];
    t.unsourced_baseline[k] = unsourced_sum[p];
    t.voluntary[k] = voluntary_sum[p];
  }
  t.dust_pm = dust_sum[static_cast<Index>(EmissionPollutant::pm)];
  for (std::size_t i = 0; i < inv.size(); ++i)
    if (mask.unsourced[static_cast<Index>(i)] > 0)
      for (std::size_t k = 0; k < emission_pollutant_count; ++k)
        t.unsourced_sources[k] += inv.emissions(static_cast<Index>(i), static_cast<Index>(k)) > 0;
  return t;
}

// K8: the kilns' baseline and credited reduction join the county's totals.
inline void add_kilns(CutTotals& t, const KilnCredit& k) {
  for (std::size_t p = 0; p < emission_pollutant_count; ++p) {
    t.kiln_baseline[p] = k.baseline[p];
    t.kiln_reduction[p] = k.reduction[p];
    t.baseline[p] += k.baseline[p];
    t.reduction[p] += k.reduction[p];
  }
}

// R6: the largest contributors per pollutant, in one pass: each list is kept sorted and only a
// reduction larger than its last entry gets in (on ties the earlier source stays).
inline void find_top_contributors(EmissionCuts& r, const CutMasks& mask, const CutTotals& t, std::size_t top) {
  using Eigen::Index;
  if (top == 0) return;
  const std::size_t n = r.size();
  for (auto& c : r.summary) c.top.reserve(std::min(top, n) + 1);  // top may be any size_t
  for (std::size_t i = 0; i < n; ++i) {
    if (!(mask.known[static_cast<Index>(i)] > 0)) continue;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
      const double red = r.reduction(static_cast<Index>(i), static_cast<Index>(k));
      auto& list = r.summary[k].top;
      if (!(red > 0) || (list.size() == top && !(red > list.back().reduction))) continue;
      auto at = list.end();
      while (at != list.begin() && (at - 1)->reduction < red) --at;
      list.insert(at, Contributor{i, red, 0});
      if (list.size() > top) list.pop_back();
    }
  }
  for (std::size_t k = 0; k < emission_pollutant_count; ++k)
    for (auto& c : r.summary[k].top) c.share = t.reduction[k] > 0 ? c.reduction / t.reduction[k] : 0;
}

// SPEC E11 (plan §5.5): protected (保障类) enterprises of key industries should be at least grade B;
// one below is reported, not refused.
inline std::vector<CutWarning> grade_warnings(const Inventory& inv) {
  std::vector<CutWarning> out;
  for (std::size_t i = 0; i < inv.size(); ++i) {
    if (inv.kind[i] != SourceKind::enterprise || std::isnan(inv.protected_max_load[i]) || !below_grade_b(inv.grade[i]))
      continue;
    if (inv.excluded[i] != Exclusion::none) continue;
    const std::string g(name(inv.grade[i]));
    out.push_back({i, "E11",
                   "保障类企业" + inv.id[i] + "（" + inv.name[i] + "）绩效等级为" + std::string(name_zh(inv.grade[i])) +
                       "，低于B级（预案§5.5：重点行业保障类企业绩效等级应达到B级及以上）",
                   "protected enterprise " + inv.id[i] + " is grade " + g +
                       ", below B (plan §5.5: protected enterprises of key industries should be at least grade B; "
                       "SPEC E11)"});
  }
  return out;
}

}  // namespace detail

// SPEC E1–E9 and R3–R6: every source's cut at `level` and the county's check against the targets.
// Throws InvalidArgument for level IV/none, a dust_cap outside 0..1, or an incomplete measure table.
inline EmissionCuts emission_cuts(const Inventory& inv, ResponseLevel level, const CutOptions& options = {}) {
  inv.require_consistent();
  const IndustryMeasures& m = options.measures ? *options.measures : builtin_industry_measures();
  const EmissionTargets& targets = options.targets ? *options.targets : builtin_emission_targets();
  detail::measure_level_index(level);  // IV and none have no measures
  detail::check_dust_cap(options.dust_cap);
  if (options.measures) m.require_complete();

  EmissionCuts r;
  r.level = level;
  r.dust_cap = options.dust_cap;
  r.measures_document = m.document();
  r.targets_document = targets.document();
  r.measures = share(m);
  r.targets = share(targets);
  const detail::CutMasks mask = detail::record_source_cuts(inv, level, m, r);
  detail::CutTotals t = detail::county_totals(inv, mask);
  if (options.kilns) detail::add_kilns(t, *options.kilns);
  r.kilns = options.kilns;
  r.reduction = inv.emissions.colwise() * r.cut;
  r.summary = detail::check_targets(t, level, targets, options.dust_cap);
  // E12: met only when every verdict is met.
  r.met = std::all_of(r.summary.begin(), r.summary.end(),
                      [](const PollutantCheck& c) { return c.verdict == Verdict::met; });
  r.warnings = detail::grade_warnings(inv);
  detail::find_top_contributors(r, mask, t, options.top_contributors);
  return r;
}

// What was applied to source i, in words (English), for reports; `m` is the table the cuts were
// computed with.
inline std::string cut_measure(const EmissionCuts& r, const Inventory& inv, std::size_t i, const IndustryMeasures& m) {
  switch (r.basis[i]) {
    case CutBasis::excluded:
      return "excluded (E2: " + std::string(key(inv.excluded[i])) + ")";
    case CutBasis::fleet:
      return describe(r.fleet_measure[i], m.fleet());
    case CutBasis::dust: {
      if (inv.dust[i] == DustActivity::none) return "";
      const SourceRule& d = m.dust(inv.dust[i]);
      if (r.cut[static_cast<Eigen::Index>(i)] > 0 || d.levels.empty()) return d.measure_en;
      return std::string(key(inv.dust[i])) + " continues at this level (E9)";
    }
    case CutBasis::voluntary: {
      const double v = r.cut[static_cast<Eigen::Index>(i)];
      return "grade " + std::string(name(inv.grade[i])) + ": no ordered measure (E11)" +
             (v > 0 ? "; voluntary cut " + detail::format_number(v) + " committed" : std::string());
    }
    case CutBasis::rule:
      break;
  }
  const auto& rule = m.rules()[static_cast<std::size_t>(r.rule[i])];
  std::string s = rule.measure_en;
  if (r.lines_stopped[i] >= 0)
    s += "; " + std::to_string(r.lines_stopped[i]) + " of " + std::to_string(inv.lines[i]) + " lines stop (E6)";
  if (r.capped[i])
    s += "; capped at 1 - approved max load " + detail::format_number(inv.protected_max_load[i]) + " (E7)";
  return s;
}

// As above, with the table the result holds.
inline std::string cut_measure(const EmissionCuts& r, const Inventory& inv, std::size_t i) {
  return cut_measure(r, inv, i, *r.measures);
}

// Where the rule behind source i's cut was read (fleets and dust: the citation of the table's
// section).
inline std::string cut_source(const EmissionCuts& r, std::size_t i, const IndustryMeasures& m) {
  if (r.rule[i] >= 0) return m.rules()[static_cast<std::size_t>(r.rule[i])].source;
  switch (r.basis[i]) {
    case CutBasis::excluded:
      return "plan §5.4.2 (l.115); SPEC E2";
    case CutBasis::fleet:
      return m.fleet().source;
    case CutBasis::dust:
      return m.dust_rules().source;
    case CutBasis::voluntary:
      return std::string(exempt_grade_source);
    default:
      return "";
  }
}

// As above with the table the result holds; a dust source's citation is its activity's rule's.
inline std::string cut_source(const EmissionCuts& r, const Inventory& inv, std::size_t i) {
  if (r.basis[i] == CutBasis::dust && inv.dust[i] != DustActivity::none) return r.measures->dust(inv.dust[i]).source;
  return cut_source(r, i, *r.measures);
}

// What source i's cut applies to: the rule's counted_by (E3–E6); "transport" for a fleet (E8),
// "activity" for a dust source (E9); "" for an excluded one (E2).
inline std::string_view cut_counted_by(const EmissionCuts& r, std::size_t i) {
  switch (r.basis[i]) {
    case CutBasis::rule:
      return key(r.measures->rules()[static_cast<std::size_t>(r.rule[i])].counted_by);
    case CutBasis::fleet:
      return "transport";
    case CutBasis::dust:
      return "activity";
    case CutBasis::voluntary:
      return "voluntary";
    default:
      return "";
  }
}

// The status of the rule behind source i's cut, or "excluded" (E2).
inline std::string_view cut_rule_status(const EmissionCuts& r, std::size_t i) {
  return r.basis[i] == CutBasis::excluded ? std::string_view("excluded") : name(r.status[i]);
}

}  // namespace aqi
