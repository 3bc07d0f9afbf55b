// Per-source emission cuts at a response level and the county's target check — SPEC E1–E9, R3–R6.
//
// The cut of a source is the fraction of its activity removed (E1): the industry measure of its
// industry × grade × level (E3–E5) counted by whole lines where the rule says so (E6), capped for
// protected enterprises (E7); the fleet measures of E8; the dust measures of E9. Excluded sources
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
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "aqi/emissions/pollutant.hpp"
#include "aqi/emissions/targets.hpp"
#include "aqi/error.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

// A ratio this close below its target counts as met: floating-point sums and the E10 solver's
// feasibility tolerance, 0.0001 percentage points, far below any inventory's precision.
inline constexpr double target_ratio_tolerance = 1e-6;

// Why a source has its cut.
enum class CutBasis : std::uint8_t {
  rule,      // the industry measure table (E3–E7)
  excluded,  // E2: counts for nothing
  fleet,     // E8
  dust,      // E9
};

constexpr std::string_view key(CutBasis b) noexcept {
  constexpr std::array<std::string_view, 4> keys{"rule", "excluded", "fleet", "dust"};
  return keys[static_cast<std::size_t>(b)];
}

// Which E8 measure decided a fleet's cut.
enum class FleetMeasure : std::uint8_t {
  none,             // no measure at this level
  exempt,           // livelihood, special, clean-energy or emergency-repair (E8)
  owner_transport,  // the owner's rule forbids these trucks (E4 ⑦ power & heat; the table's `transport`)
  heavy_truck_ban,  // II, I: units with > 10 heavy-vehicle trips a day stop National-IV-or-older trucks
  non_road_ban,     // II, I: National-II-or-older non-road machinery stops
  black_smoke_ban,  // black-smoke machinery banned in the built-up area (from III on)
  restricted_zone,  // III: heavy-diesel restricted zone in the built-up area; not quantified, cut 0
};

constexpr std::string_view describe(FleetMeasure m) noexcept {
  constexpr std::array<std::string_view, 7> text{
      "no fleet measure at this level (E8)",
      "exempt: livelihood, special, clean-energy or emergency-repair (E8)",
      "the owner's rule stops these heavy trucks (E4 ⑦ / measure table `transport`)",
      "National-IV-or-older heavy trucks of a unit with > 10 heavy-vehicle trips a day stop (E8, II and I)",
      "National-II-or-older non-road machinery stops (E8, II and I)",
      "black-smoke machinery banned in the built-up area (E8, III and above)",
      "heavy-diesel restricted zone in the built-up area (E8, III): restrictions not quantified, no cut counted"};
  return text[static_cast<std::size_t>(m)];
}

struct CutOptions {
  // SPEC R5: the largest share of the PM baseline that dust reductions may count for (the dust
  // share of the local PM2.5 source apportionment), 0..1; nullopt = dust counts in full.
  std::optional<double> dust_cap;
  const IndustryMeasures* measures = nullptr;  // nullptr = builtin_industry_measures()
  const EmissionTargets* targets = nullptr;    // nullptr = builtin_emission_targets()
  std::size_t top_contributors = 5;            // R6: sources listed per pollutant
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
  std::vector<Contributor> top;                             // R6, largest first
};

struct EmissionCuts {
  ResponseLevel level = ResponseLevel::II;
  std::optional<double> dust_cap;
  std::string measures_document;
  std::string targets_document;
  // Per source.
  Eigen::ArrayXd cut;                // fraction of activity removed; NaN = the rule has no value
  EmissionMatrix reduction;          // t/day, sources × pollutants; NaN where cut is NaN
  std::vector<int> lines_stopped;    // E6; -1 when not counted by line
  std::vector<std::uint8_t> capped;  // E7 lowered the cut
  std::vector<CutBasis> basis;
  std::vector<int> rule;  // index into the measure table's rules(); -1 when none
  std::vector<FleetMeasure> fleet_measure;
  std::vector<RuleStatus> status;  // of the rule behind the cut (fleets and dust: the plan, verified)
  // The county.
  std::array<PollutantCheck, emission_pollutant_count> summary;
  bool met = false;
  std::size_t excluded = 0;    // E2
  std::size_t unsourced = 0;   // sources whose rule has no value
  std::size_t unverified = 0;  // sources whose cut rests on an unverified rule

  std::size_t size() const noexcept { return basis.size(); }
  const PollutantCheck& check(EmissionPollutant p) const { return summary[static_cast<std::size_t>(p)]; }
};

namespace detail {

// E9: the dust measures of plan §5.5.1–3 (3)②; earlier levels' stops continue at higher levels.
inline double dust_cut(DustActivity a, ResponseLevel level) noexcept {
  switch (a) {
    case DustActivity::mine:
    case DustActivity::sand_gravel:
    case DustActivity::stone_works:
    case DustActivity::earthwork:
    case DustActivity::demolition:
    case DustActivity::painting:
    case DustActivity::uncovered_transport:
      return 1;
    case DustActivity::slope_spraying:
    case DustActivity::concrete:
      return level >= ResponseLevel::II ? 1 : 0;
    default:
      return 0;
  }
}

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

inline SourceCut source_cut(const Inventory& inv, std::size_t i, ResponseLevel level, const IndustryMeasures& m) {
  SourceCut c;
  if (inv.excluded[i] != Exclusion::none) {
    c.basis = CutBasis::excluded;
    return c;
  }
  switch (inv.kind[i]) {
    case SourceKind::enterprise: {
      const IndustryMeasure& r = m.rule(inv.industry[i], inv.grade[i], level, inv.low_nox[i] != 0);
      c.rule = static_cast<int>(&r - m.rules().data());
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
    case SourceKind::fleet: {
      c.basis = CutBasis::fleet;
      if (inv.exempt[i] != FleetExemption::none) {
        c.fleet = FleetMeasure::exempt;
        return c;
      }
      const bool severe = level >= ResponseLevel::II;
      if (inv.vehicle[i] == Vehicle::heavy_truck) {
        // The owner's transport rule, where the table has one for an ungraded owner (E4 ⑦).
        if (!is_graded(inv.industry[i])) {
          const IndustryMeasure& r = m.rule(inv.industry[i], Grade::none, level, false);
          const bool stops = r.transport == TransportRule::no_road_transport ||
                             (r.transport == TransportRule::no_heavy_truck_cn4_or_older && inv.standard[i] <= 4);
          if (stops) {
            c.cut = 1;
            c.fleet = FleetMeasure::owner_transport;
            c.rule = static_cast<int>(&r - m.rules().data());
            c.status = r.verified ? RuleStatus::verified : RuleStatus::unverified;
            return c;
          }
        }
        if (severe && inv.standard[i] <= 4 && inv.trips_per_day[i] > 10) {
          c.cut = 1;
          c.fleet = FleetMeasure::heavy_truck_ban;
        } else if (!severe && inv.built_up[i]) {
          c.fleet = FleetMeasure::restricted_zone;
        }
        return c;
      }
      if (severe && inv.standard[i] <= 2) {
        c.cut = 1;
        c.fleet = FleetMeasure::non_road_ban;
      } else if (inv.black_smoke[i] && inv.built_up[i]) {
        c.cut = 1;
        c.fleet = FleetMeasure::black_smoke_ban;
      }
      return c;
    }
    case SourceKind::dust:
      c.basis = CutBasis::dust;
      c.cut = dust_cut(inv.dust[i], level);
      return c;
  }
  return c;
}

// County totals from which the check is made: what E10 also recomputes for candidate cuts.
struct CutTotals {
  std::array<double, emission_pollutant_count> baseline{};
  std::array<double, emission_pollutant_count> reduction{};  // sourced cuts, dust in full
  std::array<double, emission_pollutant_count> unverified{};
  double dust_pm = 0;  // PM reduction of dust sources (R5)
  std::array<double, emission_pollutant_count> unsourced_baseline{};
  std::array<std::size_t, emission_pollutant_count> unsourced_sources{};
};

inline void check_dust_cap(const std::optional<double>& cap) {
  if (cap && !(*cap >= 0 && *cap <= 1))
    throw InvalidArgument("dust_cap must be a share of the PM baseline in 0..1 (SPEC R5), got " + format_number(*cap));
}

// SPEC R3–R5 on county totals; `top` is left to the caller.
inline std::array<PollutantCheck, emission_pollutant_count> check_targets(const CutTotals& t, ResponseLevel level,
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
    c.unsourced_baseline = t.unsourced_baseline[k];
    c.unsourced_sources = t.unsourced_sources[k];
    c.target = targets.ratio(level, p);
    if (p == EmissionPollutant::pm) {
      // R5: dust counts at most dust_cap of the PM baseline.
      c.dust_reduction = t.dust_pm;
      c.dust_counted = dust_cap ? std::min(t.dust_pm, *dust_cap * c.baseline) : t.dust_pm;
      c.reduction = t.reduction[k] - t.dust_pm + c.dust_counted;
    }
    if (c.baseline > 0) {
      c.ratio = c.reduction / c.baseline;
      c.met_alone = c.ratio >= c.target - target_ratio_tolerance;
      c.shortfall_pp = c.met_alone ? 0 : (c.target - c.ratio) * 100;
    } else {
      c.met_alone = true;  // nothing to reduce
    }
    c.met = c.met_alone;
  }
  // R4: SO2 and NOx met as a pair when both are emitted.
  PollutantCheck& s = out[static_cast<std::size_t>(EmissionPollutant::so2)];
  PollutantCheck& n = out[static_cast<std::size_t>(EmissionPollutant::nox)];
  if (targets.so2_nox_trade() && s.baseline > 0 && n.baseline > 0) {
    const double gap = (s.target + n.target) - (s.ratio + n.ratio);
    const bool pair_met = gap <= target_ratio_tolerance;
    for (PollutantCheck* c : {&s, &n}) {
      c->traded = true;
      c->met = pair_met;
      c->shortfall_pp = pair_met ? 0 : gap * 100;
    }
  }
  for (auto& c : out) c.shortfall = c.shortfall_pp / 100 * c.baseline;
  return out;
}

}  // namespace detail

// SPEC E1–E9 and R3–R6: every source's cut at `level` and the county's check against the targets.
// Throws InvalidArgument for level IV/none, a dust_cap outside 0..1, or an incomplete measure table.
inline EmissionCuts emission_cuts(const Inventory& inv, ResponseLevel level, const CutOptions& options = {}) {
  using Eigen::Index;
  inv.require_consistent();
  const IndustryMeasures& m = options.measures ? *options.measures : builtin_industry_measures();
  const EmissionTargets& targets = options.targets ? *options.targets : builtin_emission_targets();
  detail::measure_level_index(level);  // IV and none have no measures
  detail::check_dust_cap(options.dust_cap);
  if (options.measures) m.require_complete();

  const std::size_t n = inv.size();
  EmissionCuts r;
  r.level = level;
  r.dust_cap = options.dust_cap;
  r.measures_document = m.document();
  r.targets_document = targets.document();
  r.cut.resize(static_cast<Index>(n));
  r.lines_stopped.resize(n);
  r.capped.resize(n);
  r.basis.resize(n);
  r.rule.resize(n);
  r.fleet_measure.resize(n);
  r.status.resize(n);
  // Masks for the matrix–vector products: included (E2), sourced cut, dust (R5), unverified, unsourced.
  Eigen::ArrayXd included(n), known(n), dust(n), unverified(n), unsourced(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = detail::source_cut(inv, i, level, m);
    const auto at = static_cast<Index>(i);
    r.cut[at] = c.cut;
    r.lines_stopped[i] = c.lines_stopped;
    r.capped[i] = c.capped;
    r.basis[i] = c.basis;
    r.rule[i] = c.rule;
    r.fleet_measure[i] = c.fleet;
    r.status[i] = c.status;
    const bool in = c.basis != CutBasis::excluded;
    const bool has_value = !std::isnan(c.cut);
    included[at] = in ? 1 : 0;
    known[at] = has_value ? c.cut : 0;
    dust[at] = has_value && c.basis == CutBasis::dust ? c.cut : 0;
    unverified[at] = has_value && in && c.status == RuleStatus::unverified ? c.cut : 0;
    unsourced[at] = has_value ? 0 : 1;
    r.excluded += !in;
    r.unsourced += !has_value;
    r.unverified += in && c.status == RuleStatus::unverified;
  }
  // E1: reductions are the baseline matrix times the cut vectors. Eᵀ is pollutants × sources with
  // each source's column contiguous: column-major matrix–vector products, which need no horizontal
  // sums (on those GCC 12 wrongly warns "maybe uninitialized" in Eigen's AVX-512 code, see simd.hpp).
  const auto Et = inv.emissions.matrix().transpose();
  const Eigen::Vector4d baseline = Et * included.matrix(), reduced = Et * known.matrix(),
                        unverified_sum = Et * unverified.matrix(), unsourced_sum = Et * unsourced.matrix(),
                        dust_sum = Et * dust.matrix();
  detail::CutTotals t;
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
    const auto p = static_cast<Index>(k);
    t.baseline[k] = baseline[p];
    t.reduction[k] = reduced[p];
    t.unverified[k] = unverified_sum[p];
    t.unsourced_baseline[k] = unsourced_sum[p];
  }
  t.dust_pm = dust_sum[static_cast<Index>(EmissionPollutant::pm)];
  for (std::size_t i = 0; i < n; ++i)
    if (unsourced[static_cast<Index>(i)] > 0)
      for (std::size_t k = 0; k < emission_pollutant_count; ++k)
        t.unsourced_sources[k] += inv.emissions(static_cast<Index>(i), static_cast<Index>(k)) > 0;
  r.reduction = inv.emissions.colwise() * r.cut;
  r.summary = detail::check_targets(t, level, targets, options.dust_cap);
  r.met = std::all_of(r.summary.begin(), r.summary.end(), [](const PollutantCheck& c) { return c.met; });

  // R6: the largest contributors per pollutant, in one pass: each list is kept sorted and only a
  // reduction larger than its last entry gets in (on ties the earlier source stays).
  const std::size_t top = options.top_contributors;
  if (top > 0) {
    for (auto& c : r.summary) c.top.reserve(std::min(top, n) + 1);  // top may be any size_t
    for (std::size_t i = 0; i < n; ++i) {
      if (!(known[static_cast<Index>(i)] > 0)) continue;
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
  return r;
}

// What was applied to source i, in words (English), for reports.
inline std::string cut_measure(const EmissionCuts& r, const Inventory& inv, std::size_t i, const IndustryMeasures& m) {
  switch (r.basis[i]) {
    case CutBasis::excluded:
      return "excluded (E2: " + std::string(key(inv.excluded[i])) + ")";
    case CutBasis::fleet:
      return std::string(describe(r.fleet_measure[i]));
    case CutBasis::dust: {
      const std::string what(key(inv.dust[i]));
      if (inv.dust[i] == DustActivity::road) return "road dust: more sweeping and watering, no activity stops (E9)";
      return r.cut[static_cast<Eigen::Index>(i)] > 0 ? what + " stops (E9)" : what + " continues at this level (E9)";
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

// Where the rule behind source i's cut was read.
inline std::string cut_source(const EmissionCuts& r, std::size_t i, const IndustryMeasures& m) {
  if (r.rule[i] >= 0) return m.rules()[static_cast<std::size_t>(r.rule[i])].source;
  switch (r.basis[i]) {
    case CutBasis::excluded:
      return "plan §5.4.2 (l.115); SPEC E2";
    case CutBasis::fleet:
      return "plan §5.5.1-3 (3)③ (l.163, l.195-197, l.231-233); SPEC E8";
    case CutBasis::dust:
      return "plan §5.5.1-3 (3)② (l.159-161, l.193, l.229); SPEC E9";
    default:
      return "";
  }
}

}  // namespace aqi
