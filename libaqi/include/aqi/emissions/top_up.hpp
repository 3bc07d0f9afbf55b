// SPEC E10 (beyond the plan): when a response's targets are not met, the cheapest set of extra
// cuts that closes every shortfall (R3 with R4 and R5), or a statement that no set can.
//
// A mixed-integer program solved exactly by GLPK (branch and bound, zero optimality gap):
//   minimise   Σ cost_i · (extra activity removed from i)          (lost output value per day)
//   subject to every target of R3 in ratio form; SO2 + NOx as a pair (R4); dust within PM counted
//              up to the cap (R5, linearised with one continuous variable).
// Candidates (Decision, docs/emissions.md): sources not excluded (E2), with a sourced rule and a
// cost, not exempt (power & heat, E4 ⑦; exempt fleets, E8; road dust, E9), with room left below
// their largest cut (1, or 1 − approved max load for protected enterprises, E7). Enterprises whose
// rule counts by line add whole lines (a binary per line not yet stopped, E6); other enterprises
// add any fraction of activity; fleets and dust sources stop entirely (binary).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/detail/glpk.hpp"
#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/error.hpp"

namespace aqi {

struct TopUpOptions {
  CutOptions cuts;  // dust cap (R5), measure table, targets
  // Which sources may take extra cuts (one flag per source); empty = every eligible source.
  std::vector<std::uint8_t> candidates;
  // Seconds GLPK's branch and bound may take to prove the cheapest set; beyond it top_up throws
  // aqi::Error rather than keep an emergency waiting (the scenario's 283 sources take 0.2 ms).
  double time_limit = 10;
};

// One source's extra cut.
struct ExtraCut {
  std::size_t source = 0;
  double extra = 0;      // fraction of activity removed on top of the level's cut
  int extra_lines = -1;  // whole lines added (E6); -1 when not counted by line
  double new_cut = 0;
  double cost = 0;                                           // cost × extra (output value per day)
  std::array<double, emission_pollutant_count> reduction{};  // t/day added
};

struct TopUp {
  ResponseLevel level = ResponseLevel::II;
  bool needed = false;    // some target is not met by the level's cuts
  bool feasible = false;  // the targets can be met (trivially when not needed)
  double cost = 0;        // total of the extra cuts' cost (output value per day)
  std::string explanation;
  std::vector<ExtraCut> cuts;  // largest cost first
  std::array<PollutantCheck, emission_pollutant_count> before;
  std::array<PollutantCheck, emission_pollutant_count> after;  // with the extra cuts; `top` left empty
  std::size_t candidates = 0;
  // Sources that could not take an extra cut, by reason.
  std::size_t no_cost = 0;       // cost not given
  std::size_t not_sourced = 0;   // the level's rule has no value: its cut is unknown
  std::size_t exempt = 0;        // power & heat, exempt fleets, road dust
  std::size_t exempt_grade = 0;  // E11: grade A or 引领性, never proposed
  std::size_t at_maximum = 0;    // already at their largest cut
  std::size_t not_chosen = 0;    // left out by TopUpOptions::candidates
  // E12: what the proposal rests on — the sources without a sourced rule are assumed to cut
  // nothing; "" when there are none. Chinese first.
  std::string assumption_zh;
  std::string assumption;
};

namespace detail {

// One decision variable of the program.
struct TopUpVariable {
  std::size_t source;
  double share;  // fraction of the source's activity per unit of the variable
  double upper;  // 1 for binaries, the room for continuous ones, the count of integer ones
  bool binary;
  bool line;
  bool integer = false;  // a count of equal lines (one variable, not one binary each)
};

inline std::string percent(double ratio) { return format_number(std::round(ratio * 1e4) / 100) + "%"; }

// A NaN limit reached GLPK as INT_MIN milliseconds (a float-to-int conversion of NaN).
inline void check_time_limit(double seconds) {
  if (!(seconds > 0))
    throw InvalidArgument("top_up: time_limit must be a positive number of seconds, got " + format_number(seconds));
}

// Decision — candidates (docs/emissions.md): why source i can take no extra cut, counted in
// `out`; false when it is a candidate, with `room` below its largest cut (1, or 1 − max load, E7).
inline bool not_a_candidate(const Inventory& inv, const EmissionCuts& base, const TopUpOptions& options, std::size_t i,
                            TopUp& out, double& room) {
  auto counted = [](std::size_t& reason) {
    ++reason;
    return true;
  };
  const double cut = base.cut[static_cast<Eigen::Index>(i)];
  if (!options.candidates.empty() && !options.candidates[i]) return counted(out.not_chosen);
  // E11: an A or 引领性 enterprise is never ordered a measure, so never proposed one.
  if (base.basis[i] == CutBasis::voluntary) return counted(out.exempt_grade);
  if (std::isnan(cut)) return counted(out.not_sourced);
  // Power & heat (livelihood, E4 ⑦), exempt fleets (E8), road dust (E9).
  const bool exempt = (inv.kind[i] == SourceKind::enterprise && inv.industry[i] == Industry::power_heat) ||
                      base.fleet_measure[i] == FleetMeasure::exempt ||
                      (inv.kind[i] == SourceKind::dust && inv.dust[i] == DustActivity::road);
  if (exempt) return counted(out.exempt);
  if (std::isnan(inv.cost[i])) return counted(out.no_cost);
  const double load = inv.protected_max_load[i];
  room = (std::isnan(load) ? 1.0 : 1 - load) - cut;
  if (room <= 1e-12) return counted(out.at_maximum);
  return false;
}

// A candidate's variables: fleets and dust stop entirely (a binary); line enterprises add whole
// lines (E6); other enterprises any fraction up to their room.
inline void add_variables(const Inventory& inv, const EmissionCuts& base, std::size_t i, double room,
                          std::vector<TopUpVariable>& vars) {
  if (inv.kind[i] != SourceKind::enterprise) {
    vars.push_back({i, 1.0, 1.0, true, false});
  } else if (base.lines_stopped[i] >= 0) {
    // Lines of equal share are one count, not interchangeable binaries: the branch and bound
    // would otherwise try every equivalent subset (fuzzing: seconds for 20 sources).
    const double* s = inv.shares(i);
    const int first = base.lines_stopped[i];
    bool equal = true;
    for (int l = first + 1; l < inv.lines[i]; ++l) equal = equal && s[l] == s[first];
    if (equal && inv.lines[i] - first > 1)
      vars.push_back({i, s[first], static_cast<double>(inv.lines[i] - first), false, true, true});
    else
      for (int l = first; l < inv.lines[i]; ++l) vars.push_back({i, s[l], 1.0, true, true});
  } else {
    vars.push_back({i, 1.0, room, false, false});
  }
}

// The program's variables, and each source's room below its largest cut.
struct TopUpCandidates {
  std::vector<TopUpVariable> vars;
  std::vector<double> room;
};

inline TopUpCandidates top_up_candidates(const Inventory& inv, const EmissionCuts& base, const TopUpOptions& options,
                                         TopUp& out) {
  TopUpCandidates c{{}, std::vector<double>(inv.size(), 0)};
  for (std::size_t i = 0; i < inv.size(); ++i) {
    if (base.basis[i] == CutBasis::excluded) continue;
    if (not_a_candidate(inv, base, options, i, out, c.room[i])) continue;
    ++out.candidates;
    add_variables(inv, base, i, c.room[i], c.vars);
  }
  return c;
}

// The county's baseline and current reductions (sourced cuts only), split as the constraints
// need them: B, R, and the dust part of PM (R5).
struct TopUpBase {
  std::array<double, emission_pollutant_count> B{}, R{};
  double dust0 = 0;
};

inline TopUpBase top_up_base(const Inventory& inv, const EmissionCuts& base) {
  using Eigen::Index;
  TopUpBase t;
  // K8: the kilns' credit is part of the current reductions (their baseline is in the summary's).
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
    t.B[k] = base.summary[k].baseline;
    t.R[k] = base.summary[k].kiln_reduction;
  }
  for (std::size_t i = 0; i < inv.size(); ++i) {
    const double c = base.cut[static_cast<Index>(i)];
    if (std::isnan(c) || base.basis[i] == CutBasis::excluded) continue;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k)
      t.R[k] += c * inv.emissions(static_cast<Index>(i), static_cast<Index>(k));
    if (inv.kind[i] == SourceKind::dust) t.dust0 += c * inv.emissions(static_cast<Index>(i), 2);
  }
  return t;
}

// A constraint: the coefficient of each variable, in ratio units.
struct TopUpRow {
  std::vector<double> coef;
  double rhs;
  bool upper;  // ≤ rhs (else ≥)
  double w;    // coefficient of the counted-dust variable
};

inline TopUpRow top_up_row(const Inventory& inv, const std::vector<TopUpVariable>& vars, const TopUpBase& t,
                           std::size_t k) {
  TopUpRow r{std::vector<double>(vars.size()), 0, false, 0};
  for (std::size_t v = 0; v < vars.size(); ++v)
    r.coef[v] =
        vars[v].share * inv.emissions(static_cast<Eigen::Index>(vars[v].source), static_cast<Eigen::Index>(k)) / t.B[k];
  return r;
}

// R5: PM's non-dust extra + w ≥ t − N0/B, with w ≤ cap (the column's bound) and w ≤ (D0 + dust
// extra)/B.
inline void add_pm_rows(const Inventory& inv, const std::vector<TopUpVariable>& vars, const TopUpBase& t, double target,
                        std::vector<TopUpRow>& rows) {
  constexpr std::size_t pm = 2;
  TopUpRow counted = top_up_row(inv, vars, t, pm), dust = top_up_row(inv, vars, t, pm);
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const bool is_dust = inv.kind[vars[v].source] == SourceKind::dust;
    if (is_dust) counted.coef[v] = 0;
    dust.coef[v] = is_dust ? -dust.coef[v] : 0;
  }
  counted.w = 1;
  counted.rhs = target - (t.R[pm] - t.dust0) / t.B[pm];
  dust.w = 1;
  dust.upper = true;
  dust.rhs = t.dust0 / t.B[pm];
  rows.push_back(std::move(counted));
  rows.push_back(std::move(dust));
}

// R3 in ratio form for every emitted pollutant, SO2 and NOx as a pair under R4, PM under R5.
inline std::vector<TopUpRow> top_up_rows(const Inventory& inv, const std::vector<TopUpVariable>& vars,
                                         const TopUpBase& t, const EmissionTargets& targets, ResponseLevel level) {
  constexpr std::size_t so2 = 0, nox = 1, pm = 2, vocs = 3;
  auto target = [&](std::size_t k) { return targets.ratio(level, all_emission_pollutants[k]); };
  std::vector<TopUpRow> rows;
  if (targets.so2_nox_trade() && t.B[so2] > 0 && t.B[nox] > 0) {
    TopUpRow r = top_up_row(inv, vars, t, so2);
    const TopUpRow r2 = top_up_row(inv, vars, t, nox);
    for (std::size_t v = 0; v < vars.size(); ++v) r.coef[v] += r2.coef[v];
    r.rhs = target(so2) + target(nox) - t.R[so2] / t.B[so2] - t.R[nox] / t.B[nox];
    rows.push_back(std::move(r));
  } else {
    for (std::size_t k : {so2, nox})
      if (t.B[k] > 0) {
        TopUpRow r = top_up_row(inv, vars, t, k);
        r.rhs = target(k) - t.R[k] / t.B[k];
        rows.push_back(std::move(r));
      }
  }
  if (t.B[vocs] > 0) {
    TopUpRow r = top_up_row(inv, vars, t, vocs);
    r.rhs = target(vocs) - t.R[vocs] / t.B[vocs];
    rows.push_back(std::move(r));
  }
  if (t.B[pm] > 0) add_pm_rows(inv, vars, t, target(pm), rows);
  return rows;
}

// County totals with the variables at `extra`: what check_targets judges.
inline CutTotals top_up_totals(const Inventory& inv, const EmissionCuts& base, const TopUpBase& b,
                               const std::vector<TopUpVariable>& vars, const std::vector<double>& extra) {
  using Eigen::Index;
  CutTotals t;
  for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
    t.baseline[k] = b.B[k];
    t.reduction[k] = b.R[k];
    t.unverified[k] = base.summary[k].unverified_reduction;
    t.voluntary[k] = base.summary[k].voluntary_reduction;
    t.unsourced_baseline[k] = base.summary[k].unsourced_baseline;
    t.unsourced_sources[k] = base.summary[k].unsourced_sources;
    t.kiln_baseline[k] = base.summary[k].kiln_baseline;
    t.kiln_reduction[k] = base.summary[k].kiln_reduction;
  }
  t.dust_pm = b.dust0;
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const std::size_t i = vars[v].source;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k)
      t.reduction[k] += extra[v] * vars[v].share * inv.emissions(static_cast<Index>(i), static_cast<Index>(k));
    if (inv.kind[i] == SourceKind::dust)
      t.dust_pm += extra[v] * vars[v].share * inv.emissions(static_cast<Index>(i), 2);
  }
  return t;
}

// The columns: a variable per decision (cost × share of activity), then the counted dust w (R5).
inline void top_up_columns(glp_prob* lp, const Inventory& inv, const std::vector<TopUpVariable>& vars, bool has_pm,
                           const std::optional<double>& cap) {
  const int ncols = static_cast<int>(vars.size()) + (has_pm ? 1 : 0);
  glp_add_cols(lp, ncols);
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const int j = static_cast<int>(v) + 1;
    if (vars[v].binary) {
      glp_set_col_kind(lp, j, GLP_BV);
    } else if (vars[v].integer) {
      glp_set_col_kind(lp, j, GLP_IV);
      glp_set_col_bnds(lp, j, GLP_DB, 0.0, vars[v].upper);
    } else {
      glp_set_col_bnds(lp, j, GLP_DB, 0.0, vars[v].upper);
    }
    glp_set_obj_coef(lp, j, inv.cost[vars[v].source] * vars[v].share);
  }
  if (!has_pm) return;
  // A cap below the solver's tolerance is 0: GLPK's presolve asserted lb < ub on a denormal one.
  if (cap)
    glp_set_col_bnds(lp, ncols, *cap > 1e-12 ? GLP_DB : GLP_FX, 0.0, *cap > 1e-12 ? *cap : 0.0);
  else
    glp_set_col_bnds(lp, ncols, GLP_LO, 0.0, 0.0);
}

// Protected line enterprises' variables, by source: their lines stay within the room below
// 1 − max load (E7).
inline std::vector<std::vector<std::size_t>> protected_line_groups(const Inventory& inv,
                                                                   const std::vector<TopUpVariable>& vars) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t v = 0; v < vars.size();) {
    std::size_t e = v;
    while (e < vars.size() && vars[e].source == vars[v].source) ++e;
    if (vars[v].line && !std::isnan(inv.protected_max_load[vars[v].source])) {
      std::vector<std::size_t> group;
      for (std::size_t u = v; u < e; ++u) group.push_back(u);
      out.push_back(std::move(group));
    }
    v = e;
  }
  return out;
}

// The constraint rows and the E7 rows of protected line enterprises.
inline void top_up_constraints(glp_prob* lp, const Inventory& inv, const std::vector<TopUpVariable>& vars,
                               const std::vector<TopUpRow>& rows, const std::vector<double>& room, int wcol) {
  const auto groups = protected_line_groups(inv, vars);
  glp_add_rows(lp, static_cast<int>(rows.size() + groups.size()));
  GlpkMatrix a;
  int row_index = 0;
  for (const TopUpRow& r : rows) {
    ++row_index;
    glp_set_row_bnds(lp, row_index, r.upper ? GLP_UP : GLP_LO, r.rhs, r.rhs);
    // Rows are in ratio units: a coefficient below 1e-12 moves a ratio by less than a
    // millionth of the 1e-6 target tolerance, and left in, such (denormal) coefficients beside
    // ones near 1 made GLPK's branch and bound run for seconds (fuzzing: a source of 1.8e308
    // t/day of SO2 made every other source's SO2 coefficient 1e-306). The answer is checked
    // against the exact sums afterwards.
    for (std::size_t v = 0; v < vars.size(); ++v)
      if (std::fabs(r.coef[v]) > 1e-12) a.put(row_index, static_cast<int>(v) + 1, r.coef[v]);
    if (r.w != 0) a.put(row_index, wcol, r.w);
  }
  for (const auto& group : groups) {
    ++row_index;
    glp_set_row_bnds(lp, row_index, GLP_UP, 0.0, room[vars[group.front()].source] + 1e-12);
    for (std::size_t v : group) a.put(row_index, static_cast<int>(v) + 1, vars[v].share);
  }
  a.load(lp);
}

// The LP relaxation first, then branch and bound from its optimal basis. Not glp_intopt's own
// presolver: GLPK 5.0's returned "optimal" for a program whose relaxation is infeasible (a VOC
// target 0.45 % out of reach — found by fuzzing, tests/cpp/emissions/top_up_test.cpp). False when
// the program has no solution.
inline bool run_top_up_solver(const GlpkEnvironment& environment, GlpkProblemPtr& prob, double time_limit) {
  glp_prob* lp = prob.get();
  glp_smcp lp_parm;
  glp_init_smcp(&lp_parm);
  lp_parm.msg_lev = GLP_MSG_OFF;
  int ret = 0;
  if (!glpk_guarded(environment, glp_simplex, lp, &lp_parm, &ret)) {
    prob.release();  // the environment frees it
    throw_glpk_failure(environment, "the top-up program's LP relaxation");
  }
  if (ret != 0 || (glp_get_status(lp) != GLP_OPT && glp_get_status(lp) != GLP_NOFEAS))
    throw Error("E10: GLPK failed to solve the top-up program's LP relaxation (glp_simplex returned " +
                std::to_string(ret) + ", status " + std::to_string(glp_get_status(lp)) + ")");
  if (glp_get_status(lp) != GLP_OPT) return false;
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.mip_gap = 0.0;
  parm.cov_cuts = GLP_OFF;  // its knapsack solver keeps static state: not thread-safe (detail/glpk.hpp)
  // GLPK takes int milliseconds: 2e6 s (23 days) stands for any longer limit.
  parm.tm_lim = static_cast<int>(std::clamp(time_limit, 0.001, 2e6) * 1000);
  if (!glpk_guarded(environment, glp_intopt, lp, &parm, &ret)) {
    prob.release();
    throw_glpk_failure(environment, "the top-up program");
  }
  if (ret == GLP_ETMLIM)
    throw Error("E10: the cheapest set of extra cuts was not proven within the time limit of " +
                format_number(time_limit) + " s (TopUpOptions::time_limit)");
  if (ret != 0)
    throw Error("E10: GLPK failed to solve the top-up program (glp_intopt returned " + std::to_string(ret) + ")");
  return glp_mip_status(lp) == GLP_OPT;
}

// The cheapest values of the variables, or nothing when no set meets the targets.
inline std::optional<std::vector<double>> solve_top_up(const Inventory& inv, const TopUpCandidates& c,
                                                       const std::vector<TopUpRow>& rows, bool has_pm,
                                                       const std::optional<double>& cap, double time_limit) {
  const auto& vars = c.vars;
  if (vars.empty()) return std::nullopt;
  const GlpkEnvironment environment("E10 top-up");  // outlives the problem
  GlpkProblemPtr prob(glp_create_prob());
  glp_set_obj_dir(prob.get(), GLP_MIN);
  top_up_columns(prob.get(), inv, vars, has_pm, cap);
  top_up_constraints(prob.get(), inv, vars, rows, c.room, static_cast<int>(vars.size()) + (has_pm ? 1 : 0));
  if (!run_top_up_solver(environment, prob, time_limit)) return std::nullopt;
  std::vector<double> x(vars.size(), 0);
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const double value = glp_mip_col_val(prob.get(), static_cast<int>(v) + 1);
    x[v] = vars[v].binary || vars[v].integer ? std::round(value)
                                             : std::clamp(value < 1e-12 ? 0.0 : value, 0.0, vars[v].upper);
  }
  return x;
}

// " Not candidates: 2 without a cost, 1 exempt." — or "".
inline std::string not_candidates_text(const TopUp& out) {
  std::string s;
  auto reason = [&](std::size_t count, const char* what) {
    if (count) s += (s.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  };
  reason(out.not_sourced, "with no sourced rule (cut unknown, counted as 0)");
  reason(out.no_cost, "without a cost");
  reason(out.exempt, "exempt");
  reason(out.exempt_grade, "of grade A or leading (E11: no ordered measure)");
  reason(out.at_maximum, "already at their largest cut");
  reason(out.not_chosen, "not among the candidates given");
  return s.empty() ? "" : " Not candidates: " + s + ".";
}

// Which targets stay out of reach with every candidate at its largest cut (the constraints only
// grow with the cuts, so that is exactly the test of feasibility).
inline std::string unreachable_targets(const std::array<PollutantCheck, emission_pollutant_count>& reach,
                                       const std::optional<double>& cap) {
  const auto& s = reach[0];
  const auto& nx = reach[1];
  std::string why;
  for (const auto& c : reach) {
    if (c.met) continue;
    if (c.traded && c.pollutant == EmissionPollutant::nox) continue;  // said once, with SO2
    std::string part;
    if (c.traded) {
      part = "SO2 + NOx reach " + percent(s.ratio) + " + " + percent(nx.ratio) + " (targets " + percent(s.target) +
             " + " + percent(nx.target) + ", R4)";
    } else {
      part = std::string(display_name(c.pollutant)) + " reaches " + percent(c.ratio) + " (target " + percent(c.target) +
             ")";
      if (c.pollutant == EmissionPollutant::pm && cap && c.dust_counted < c.dust_reduction)
        part += ", dust counted only up to the cap of " + percent(*cap) + " of the PM baseline (R5)";
    }
    why += (why.empty() ? "" : "; ") + part;
  }
  return why;
}

// Each source's extra cut from the variables' values, largest cost first.
inline void record_extra_cuts(const Inventory& inv, const EmissionCuts& base, const std::vector<TopUpVariable>& vars,
                              const std::vector<double>& x, TopUp& out) {
  using Eigen::Index;
  for (std::size_t v = 0; v < vars.size();) {
    const std::size_t i = vars[v].source;
    ExtraCut c;
    c.source = i;
    int lines = 0;
    for (; v < vars.size() && vars[v].source == i; ++v) {
      c.extra += x[v] * vars[v].share;
      lines += vars[v].line ? static_cast<int>(std::lround(x[v])) : 0;
      if (vars[v].line) c.extra_lines = lines;
    }
    if (c.extra <= 0) continue;
    c.new_cut = std::min(base.cut[static_cast<Index>(i)] + c.extra, 1.0);
    c.cost = inv.cost[i] * c.extra;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k)
      c.reduction[k] = c.extra * inv.emissions(static_cast<Index>(i), static_cast<Index>(k));
    out.cost += c.cost;
    out.cuts.push_back(c);
  }
  std::sort(out.cuts.begin(), out.cuts.end(), [](const ExtraCut& a, const ExtraCut& b) {
    return a.cost != b.cost ? a.cost > b.cost : a.source < b.source;
  });
}

// The check with no extra cut (`top` left empty, as for any `after`).
inline std::array<PollutantCheck, emission_pollutant_count> without_top(
    std::array<PollutantCheck, emission_pollutant_count> checks) {
  for (auto& c : checks) c.top.clear();
  return checks;
}

}  // namespace detail

// TopUpOptions::candidates from the ids of the sources that may take extra cuts. Throws
// UnknownName for an id that is not in the inventory.
inline std::vector<std::uint8_t> candidate_flags(const Inventory& inv, const std::vector<std::string>& ids) {
  std::unordered_map<std::string_view, std::size_t> at;
  at.reserve(inv.size());
  for (std::size_t i = 0; i < inv.size(); ++i) at.emplace(inv.id[i], i);
  std::vector<std::uint8_t> flags(inv.size(), 0);
  for (const auto& id : ids) {
    const auto it = at.find(id);
    if (it == at.end()) throw UnknownName("no source with id '" + id + "' in the inventory " + inv.file);
    flags[it->second] = 1;
  }
  return flags;
}

namespace detail {

// E12: the assumption every proposal rests on while sources lack a sourced rule.
inline void state_assumption(const EmissionCuts& base, TopUp& out) {
  if (base.unsourced == 0) return;
  std::string tonnes, tonnes_zh;
  for (const auto& c : base.summary) {
    if (!(c.unsourced_baseline > 0)) continue;
    const std::string t = format_number(std::round(c.unsourced_baseline * 100) / 100) + " t/day " +
                          std::string(display_name(c.pollutant));
    tonnes += (tonnes.empty() ? "" : ", ") + t;
    tonnes_zh += (tonnes_zh.empty() ? "" : "，") + std::string(display_name(c.pollutant)) + " " +
                 format_number(std::round(c.unsourced_baseline * 100) / 100) + "吨/日";
  }
  const std::string n = std::to_string(base.unsourced);
  out.assumption_zh = "假定" + n + "个无来源规则的源不减排（" + tonnes_zh + "）；其规则补齐后须重新计算（SPEC E12）";
  out.assumption = "assumes the " + n + " sources without a sourced rule (" + tonnes +
                   ") cut nothing; recompute once their rules are known (SPEC E12)";
}

}  // namespace detail

// SPEC E10. Throws like emission_cuts; InvalidArgument when `candidates` has the wrong length or
// time_limit is not a positive number.
inline TopUp top_up(const Inventory& inv, ResponseLevel level, const TopUpOptions& options = {}) {
  detail::check_time_limit(options.time_limit);
  const EmissionCuts base = emission_cuts(inv, level, options.cuts);
  const EmissionTargets& targets = *base.targets;
  if (!options.candidates.empty() && options.candidates.size() != inv.size())
    throw InvalidArgument("candidates has " + std::to_string(options.candidates.size()) + " flags for " +
                          std::to_string(inv.size()) + " sources");
  TopUp out;
  out.level = level;
  out.before = base.summary;
  const detail::TopUpCandidates c = detail::top_up_candidates(inv, base, options, out);
  if (base.met) {
    out.feasible = true;
    out.after = detail::without_top(base.summary);
    out.explanation =
        "every target of level " + std::string(name(level)) + " is met by its measures: no extra cut needed";
    return out;
  }
  out.needed = true;
  detail::state_assumption(base, out);
  const detail::TopUpBase b = detail::top_up_base(inv, base);
  const auto& cap = options.cuts.dust_cap;
  const auto rows = detail::top_up_rows(inv, c.vars, b, targets, level);
  const auto x = detail::solve_top_up(inv, c, rows, b.B[2] > 0, cap, options.time_limit);
  const std::string others = detail::not_candidates_text(out);
  if (!x) {
    std::vector<double> most(c.vars.size());
    for (std::size_t v = 0; v < c.vars.size(); ++v) most[v] = c.vars[v].upper;
    const auto reach = detail::check_targets(detail::top_up_totals(inv, base, b, c.vars, most), level, targets, cap);
    out.after = detail::without_top(base.summary);
    out.explanation = "no set of extra cuts meets every target of level " + std::string(name(level)) + ": with " +
                      std::to_string(out.candidates) + " candidate sources all at their largest cut, " +
                      detail::unreachable_targets(reach, cap) + "." + others;
    return out;
  }
  out.feasible = true;
  out.after = detail::check_targets(detail::top_up_totals(inv, base, b, c.vars, *x), level, targets, cap);
  // The solver's answer is checked, not trusted: an "optimal" set that leaves a target short is
  // a solver failure, never a plan to publish.
  for (const auto& check : out.after)
    if (!check.met)
      throw Error("E10: the solver's extra cuts leave the " + std::string(display_name(check.pollutant)) +
                  " target of level " + std::string(name(level)) + " short; no top-up is given");
  detail::record_extra_cuts(inv, base, c.vars, *x, out);
  out.explanation = std::to_string(out.cuts.size()) + " extra cuts close every shortfall of level " +
                    std::string(name(level)) + " at a cost of " +
                    detail::format_number(std::round(out.cost * 100) / 100) +
                    " (output value per day), the least of any set (E10)." + others;
  return out;
}

}  // namespace aqi
