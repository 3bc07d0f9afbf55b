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
#include <vector>

#include "aqi/detail/format.hpp"
#include "aqi/detail/glpk.hpp"
#include "aqi/emissions/cuts.hpp"
#include "aqi/error.hpp"
#include "aqi/emissions/inventory.hpp"

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
  std::size_t no_cost = 0;      // cost not given
  std::size_t not_sourced = 0;  // the level's rule has no value: its cut is unknown
  std::size_t exempt = 0;       // power & heat, exempt fleets, road dust
  std::size_t at_maximum = 0;   // already at their largest cut
  std::size_t not_chosen = 0;   // left out by TopUpOptions::candidates
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

}  // namespace detail

// SPEC E10. Throws like emission_cuts; InvalidArgument when `candidates` has the wrong length or
// time_limit is not a positive number.
inline TopUp top_up(const Inventory& inv, ResponseLevel level, const TopUpOptions& options = {}) {
  using Eigen::Index;
  // A NaN limit reached GLPK as INT_MIN milliseconds (a float-to-int conversion of NaN).
  if (!(options.time_limit > 0))
    throw InvalidArgument("top_up: time_limit must be a positive number of seconds, got " +
                          detail::format_number(options.time_limit));
  const EmissionCuts base = emission_cuts(inv, level, options.cuts);
  const EmissionTargets& targets = options.cuts.targets ? *options.cuts.targets : builtin_emission_targets();
  const std::size_t n = inv.size();
  if (!options.candidates.empty() && options.candidates.size() != n)
    throw InvalidArgument("candidates has " + std::to_string(options.candidates.size()) + " flags for " +
                          std::to_string(n) + " sources");
  TopUp out;
  out.level = level;
  out.before = base.summary;

  // Candidates and their variables.
  std::vector<detail::TopUpVariable> vars;
  std::vector<double> room(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (base.basis[i] == CutBasis::excluded) continue;
    const double cut = base.cut[static_cast<Index>(i)];
    if (!options.candidates.empty() && !options.candidates[i]) {
      ++out.not_chosen;
      continue;
    }
    if (std::isnan(cut)) {
      ++out.not_sourced;
      continue;
    }
    const bool exempt = (inv.kind[i] == SourceKind::enterprise && inv.industry[i] == Industry::power_heat) ||
                        base.fleet_measure[i] == FleetMeasure::exempt ||
                        (inv.kind[i] == SourceKind::dust && inv.dust[i] == DustActivity::road);
    if (exempt) {
      ++out.exempt;
      continue;
    }
    if (std::isnan(inv.cost[i])) {
      ++out.no_cost;
      continue;
    }
    const double load = inv.protected_max_load[i];
    const double largest = std::isnan(load) ? 1.0 : 1 - load;
    room[i] = largest - cut;
    if (room[i] <= 1e-12) {
      ++out.at_maximum;
      continue;
    }
    ++out.candidates;
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
      vars.push_back({i, 1.0, room[i], false, false});
    }
  }

  if (base.met) {
    out.feasible = true;
    out.after = base.summary;
    for (auto& c : out.after) c.top.clear();
    out.explanation =
        "every target of level " + std::string(name(level)) + " is met by its measures: no extra cut needed";
    return out;
  }
  out.needed = true;

  // Current county totals (sourced cuts only), split as the constraints need them.
  const auto E = inv.emissions;
  std::array<double, emission_pollutant_count> B{}, R{};
  double dust0 = 0;
  for (auto p : all_emission_pollutants) {
    const auto k = static_cast<std::size_t>(p);
    B[k] = base.summary[k].baseline;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double c = base.cut[static_cast<Index>(i)];
    if (std::isnan(c) || base.basis[i] == CutBasis::excluded) continue;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k)
      R[k] += c * E(static_cast<Index>(i), static_cast<Index>(k));
    if (inv.kind[i] == SourceKind::dust) dust0 += c * E(static_cast<Index>(i), 2);
  }
  constexpr std::size_t so2 = 0, nox = 1, pm = 2, vocs = 3;
  const bool pair = targets.so2_nox_trade() && B[so2] > 0 && B[nox] > 0;
  const double t_so2 = targets.ratio(level, EmissionPollutant::so2),
               t_nox = targets.ratio(level, EmissionPollutant::nox);
  const double t_pm = targets.ratio(level, EmissionPollutant::pm),
               t_vocs = targets.ratio(level, EmissionPollutant::vocs);
  const auto& cap = options.cuts.dust_cap;

  // Rows: coefficient of each variable per row, in ratio units.
  struct Row {
    std::vector<double> coef;
    double rhs;
    bool upper;  // ≤ rhs (else ≥)
    double w;    // coefficient of the counted-dust variable
  };
  std::vector<Row> rows;
  auto row_for = [&](std::size_t k) {
    Row r{std::vector<double>(vars.size()), 0, false, 0};
    for (std::size_t v = 0; v < vars.size(); ++v)
      r.coef[v] = vars[v].share * E(static_cast<Index>(vars[v].source), static_cast<Index>(k)) / B[k];
    return r;
  };
  if (pair) {
    Row r = row_for(so2);
    const Row r2 = row_for(nox);
    for (std::size_t v = 0; v < vars.size(); ++v) r.coef[v] += r2.coef[v];
    r.rhs = t_so2 + t_nox - R[so2] / B[so2] - R[nox] / B[nox];
    rows.push_back(std::move(r));
  } else {
    for (std::size_t k : {so2, nox})
      if (B[k] > 0) {
        Row r = row_for(k);
        r.rhs = targets.ratio(level, all_emission_pollutants[k]) - R[k] / B[k];
        rows.push_back(std::move(r));
      }
  }
  if (B[vocs] > 0) {
    Row r = row_for(vocs);
    r.rhs = t_vocs - R[vocs] / B[vocs];
    rows.push_back(std::move(r));
  }
  const bool has_pm = B[pm] > 0;
  if (has_pm) {
    // PM: non-dust extra + w ≥ t − N0/B, with w ≤ cap and w ≤ (D0 + dust extra)/B (R5).
    Row target = row_for(pm), dust_row = row_for(pm);
    for (std::size_t v = 0; v < vars.size(); ++v) {
      const bool is_dust = inv.kind[vars[v].source] == SourceKind::dust;
      if (is_dust) target.coef[v] = 0;
      dust_row.coef[v] = is_dust ? -dust_row.coef[v] : 0;
    }
    target.w = 1;
    target.rhs = t_pm - (R[pm] - dust0) / B[pm];
    dust_row.w = 1;
    dust_row.upper = true;
    dust_row.rhs = dust0 / B[pm];
    rows.push_back(std::move(target));
    rows.push_back(std::move(dust_row));
  }

  // The largest reach, for the statement of infeasibility: every candidate at its largest cut.
  auto totals_with = [&](const std::vector<double>& extra) {
    detail::CutTotals t;
    for (std::size_t k = 0; k < emission_pollutant_count; ++k) {
      t.baseline[k] = B[k];
      t.reduction[k] = R[k];
      t.unverified[k] = base.summary[k].unverified_reduction;
      t.unsourced_baseline[k] = base.summary[k].unsourced_baseline;
      t.unsourced_sources[k] = base.summary[k].unsourced_sources;
    }
    t.dust_pm = dust0;
    for (std::size_t v = 0; v < vars.size(); ++v) {
      const std::size_t i = vars[v].source;
      for (std::size_t k = 0; k < emission_pollutant_count; ++k)
        t.reduction[k] += extra[v] * vars[v].share * E(static_cast<Index>(i), static_cast<Index>(k));
      if (inv.kind[i] == SourceKind::dust) t.dust_pm += extra[v] * vars[v].share * E(static_cast<Index>(i), 2);
    }
    return t;
  };
  std::vector<double> x(vars.size(), 0);
  bool solved = false;
  if (!vars.empty()) {
    const detail::GlpkEnvironment environment("E10 top-up");  // outlives the problem
    detail::GlpkProblemPtr prob(glp_create_prob());
    glp_prob* lp = prob.get();
    glp_set_obj_dir(lp, GLP_MIN);
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
    const int wcol = ncols;
    if (has_pm) {
      // A cap below the solver's tolerance is 0: GLPK's presolve asserted lb < ub on a denormal one.
      if (cap)
        glp_set_col_bnds(lp, wcol, *cap > 1e-12 ? GLP_DB : GLP_FX, 0.0, *cap > 1e-12 ? *cap : 0.0);
      else
        glp_set_col_bnds(lp, wcol, GLP_LO, 0.0, 0.0);
    }
    // Protected line enterprises: lines added stay within the room below 1 − max load (E7).
    std::vector<std::vector<std::size_t>> protected_lines;
    for (std::size_t v = 0; v < vars.size();) {
      std::size_t e = v;
      while (e < vars.size() && vars[e].source == vars[v].source) ++e;
      if (vars[v].line && !std::isnan(inv.protected_max_load[vars[v].source])) {
        std::vector<std::size_t> group;
        for (std::size_t u = v; u < e; ++u) group.push_back(u);
        protected_lines.push_back(std::move(group));
      }
      v = e;
    }
    glp_add_rows(lp, static_cast<int>(rows.size() + protected_lines.size()));
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    int row_index = 0;
    for (const Row& r : rows) {
      ++row_index;
      glp_set_row_bnds(lp, row_index, r.upper ? GLP_UP : GLP_LO, r.rhs, r.rhs);
      // Rows are in ratio units: a coefficient below 1e-12 moves a ratio by less than a
      // millionth of the 1e-6 target tolerance, and left in, such (denormal) coefficients beside
      // ones near 1 made GLPK's branch and bound run for seconds (fuzzing: a source of 1.8e308
      // t/day of SO2 made every other source's SO2 coefficient 1e-306). The answer is checked
      // against the exact sums afterwards.
      for (std::size_t v = 0; v < vars.size(); ++v)
        if (std::fabs(r.coef[v]) > 1e-12) {
          ia.push_back(row_index);
          ja.push_back(static_cast<int>(v) + 1);
          ar.push_back(r.coef[v]);
        }
      if (r.w != 0) {
        ia.push_back(row_index);
        ja.push_back(wcol);
        ar.push_back(r.w);
      }
    }
    for (const auto& group : protected_lines) {
      ++row_index;
      glp_set_row_bnds(lp, row_index, GLP_UP, 0.0, room[vars[group.front()].source] + 1e-12);
      for (std::size_t v : group) {
        ia.push_back(row_index);
        ja.push_back(static_cast<int>(v) + 1);
        ar.push_back(vars[v].share);
      }
    }
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    // The LP relaxation first, then branch and bound from its optimal basis. Not glp_intopt's own
    // presolver: GLPK 5.0's returned "optimal" for a program whose relaxation is infeasible (a VOC
    // target 0.45 % out of reach — found by fuzzing, tests/cpp/top_up_test.cpp).
    glp_smcp lp_parm;
    glp_init_smcp(&lp_parm);
    lp_parm.msg_lev = GLP_MSG_OFF;
    int ret = 0;
    if (!detail::glpk_guarded(environment, glp_simplex, lp, &lp_parm, &ret)) {
      prob.release();  // the environment frees it
      detail::throw_glpk_failure(environment, "the top-up program's LP relaxation");
    }
    if (ret != 0 || (glp_get_status(lp) != GLP_OPT && glp_get_status(lp) != GLP_NOFEAS))
      throw Error("E10: GLPK failed to solve the top-up program's LP relaxation (glp_simplex returned " +
                  std::to_string(ret) + ", status " + std::to_string(glp_get_status(lp)) + ")");
    if (glp_get_status(lp) == GLP_OPT) {
      glp_iocp parm;
      glp_init_iocp(&parm);
      parm.msg_lev = GLP_MSG_OFF;
      parm.mip_gap = 0.0;
      parm.cov_cuts = GLP_OFF;  // its knapsack solver keeps static state: not thread-safe (detail/glpk.hpp)
      // GLPK takes int milliseconds: 2e6 s (23 days) stands for any longer limit.
      parm.tm_lim = static_cast<int>(std::clamp(options.time_limit, 0.001, 2e6) * 1000);
      if (!detail::glpk_guarded(environment, glp_intopt, lp, &parm, &ret)) {
        prob.release();
        detail::throw_glpk_failure(environment, "the top-up program");
      }
      if (ret == GLP_ETMLIM)
        throw Error("E10: the cheapest set of extra cuts was not proven within the time limit of " +
                    detail::format_number(options.time_limit) + " s (TopUpOptions::time_limit)");
      if (ret != 0)
        throw Error("E10: GLPK failed to solve the top-up program (glp_intopt returned " + std::to_string(ret) + ")");
      if (glp_mip_status(lp) == GLP_OPT) {
        solved = true;
        for (std::size_t v = 0; v < vars.size(); ++v) {
          const double value = glp_mip_col_val(lp, static_cast<int>(v) + 1);
          x[v] = vars[v].binary || vars[v].integer ? std::round(value)
                                                   : std::clamp(value < 1e-12 ? 0.0 : value, 0.0, vars[v].upper);
        }
      }
    }
  }

  std::string not_candidates;
  auto reason = [&](std::size_t count, const char* what) {
    if (count) not_candidates += (not_candidates.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  };
  reason(out.not_sourced, "with no sourced rule (cut unknown, counted as 0)");
  reason(out.no_cost, "without a cost");
  reason(out.exempt, "exempt");
  reason(out.at_maximum, "already at their largest cut");
  reason(out.not_chosen, "not among the candidates given");
  const std::string others = not_candidates.empty() ? "" : " Not candidates: " + not_candidates + ".";

  if (!solved) {
    std::vector<double> most(vars.size());
    for (std::size_t v = 0; v < vars.size(); ++v) most[v] = vars[v].upper;
    const auto reach = detail::check_targets(totals_with(most), level, targets, cap);
    std::string why;
    const auto& s = reach[so2];
    const auto& nx = reach[nox];
    for (const auto& c : reach) {
      if (c.met) continue;
      if (c.traded && c.pollutant == EmissionPollutant::nox) continue;  // said once, with SO2
      std::string part;
      if (c.traded) {
        part = "SO2 + NOx reach " + detail::percent(s.ratio) + " + " + detail::percent(nx.ratio) + " (targets " +
               detail::percent(s.target) + " + " + detail::percent(nx.target) + ", R4)";
      } else {
        part = std::string(display_name(c.pollutant)) + " reaches " + detail::percent(c.ratio) + " (target " +
               detail::percent(c.target) + ")";
        if (c.pollutant == EmissionPollutant::pm && cap && c.dust_counted < c.dust_reduction)
          part += ", dust counted only up to the cap of " + detail::percent(*cap) + " of the PM baseline (R5)";
      }
      why += (why.empty() ? "" : "; ") + part;
    }
    out.feasible = false;
    out.after = base.summary;
    for (auto& c : out.after) c.top.clear();
    out.explanation = "no set of extra cuts meets every target of level " + std::string(name(level)) + ": with " +
                      std::to_string(out.candidates) + " candidate sources all at their largest cut, " + why + "." +
                      others;
    return out;
  }

  out.feasible = true;
  out.after = detail::check_targets(totals_with(x), level, targets, cap);
  // The solver's answer is checked, not trusted: an "optimal" set that leaves a target short is
  // a solver failure, never a plan to publish.
  for (const auto& c : out.after)
    if (!c.met)
      throw Error("E10: the solver's extra cuts leave the " + std::string(display_name(c.pollutant)) +
                  " target of level " + std::string(name(level)) + " short; no top-up is given");
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
      c.reduction[k] = c.extra * E(static_cast<Index>(i), static_cast<Index>(k));
    out.cost += c.cost;
    out.cuts.push_back(c);
  }
  std::sort(out.cuts.begin(), out.cuts.end(), [](const ExtraCut& a, const ExtraCut& b) {
    return a.cost != b.cost ? a.cost > b.cost : a.source < b.source;
  });
  out.explanation = std::to_string(out.cuts.size()) + " extra cuts close every shortfall of level " +
                    std::string(name(level)) + " at a cost of " +
                    detail::format_number(std::round(out.cost * 100) / 100) +
                    " (output value per day), the least of any set (E10)." + others;
  return out;
}

}  // namespace aqi
