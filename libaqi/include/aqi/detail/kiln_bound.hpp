// The LP relaxation of the kiln assignment (SPEC K5), solved with GLPK.
//
// Assigning one-line kilns to batches is an integer program: x_ib ∈ {0,1}, Σ_b x_ib = 1,
// maximise z subject to S_m = K_m + Σ_b f_bm Σ_i c_i x_ib ≥ w_m z for every month with w_m > 0.
// Relaxing x_ib to [0,1], the months depend on the x only through the batch totals
// X_b = Σ_i c_i x_ib, and any X ≥ 0 with Σ_b X_b = T is reachable; so the relaxation is the
// small LP over (X, z) below, whose optimum z* bounds every assignment from above.
// A second LP keeps z = z* and minimises the largest S_m/w_m: its X is the target the heuristic
// steers to (the K5 tie-break, smallest spread, holds there as well).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "aqi/detail/glpk.hpp"
#include "aqi/error.hpp"

namespace aqi::detail {

struct KilnLpSolution {
  double bound = 0;            // z*: the largest min_m S_m / w_m of any fractional assignment
  std::vector<double> target;  // X_b at the optimum with the smallest spread
};

// The input of the kiln LP: see solve_kiln_lp.
struct KilnLpInput {
  const std::vector<std::vector<double>>& f;
  const std::vector<double>& constant;
  const std::vector<double>& weight;
  double total;
  std::vector<int> weighted;  // months with w_m > 0
};

// Columns X_1 … X_B, z, and in the second pass u (the largest S_m/w_m) with the objective.
inline void kiln_lp_columns(glp_prob* p, int batches, bool second, double z_star) {
  const int z = batches + 1, u = batches + 2;
  glp_add_cols(p, batches + (second ? 2 : 1));
  for (int b = 1; b <= batches; ++b) glp_set_col_bnds(p, b, GLP_LO, 0.0, 0.0);
  if (second) {
    // z within a hair of z* (the LP cannot exceed it): spread is minimised at the optimum.
    glp_set_col_bnds(p, z, GLP_LO, z_star - 1e-9 * (1 + z_star), 0.0);
    glp_set_col_bnds(p, u, GLP_FR, 0.0, 0.0);
    glp_set_obj_dir(p, GLP_MIN);
    glp_set_obj_coef(p, u, 1.0);
    glp_set_obj_coef(p, z, -1.0);
  } else {
    glp_set_col_bnds(p, z, GLP_FR, 0.0, 0.0);
    glp_set_obj_dir(p, GLP_MAX);
    glp_set_obj_coef(p, z, 1.0);
  }
}

// Rows: Σ X_b = T; per weighted month S_m − w_m z ≥ 0, and in the second pass S_m − w_m u ≤ 0.
inline void kiln_lp_rows(glp_prob* p, const KilnLpInput& in, bool second) {
  const int batches = static_cast<int>(in.f.size());
  const int z = batches + 1, u = batches + 2;
  glp_add_rows(p, 1 + static_cast<int>(in.weighted.size()) * (second ? 2 : 1));
  GlpkMatrix a;
  glp_set_row_bnds(p, 1, GLP_FX, in.total, in.total);
  for (int b = 1; b <= batches; ++b) a.put(1, b, 1.0);
  int r = 2;
  for (int m : in.weighted) {
    // S_m − w_m z ≥ 0  ⇔  Σ_b f_bm X_b − w_m z ≥ −K_m
    glp_set_row_bnds(p, r, GLP_LO, -in.constant[m], 0.0);
    for (int b = 0; b < batches; ++b)
      if (in.f[b][m] != 0) a.put(r, b + 1, in.f[b][m]);
    a.put(r, z, -in.weight[m]);
    ++r;
    if (second) {
      glp_set_row_bnds(p, r, GLP_UP, 0.0, -in.constant[m]);
      for (int b = 0; b < batches; ++b)
        if (in.f[b][m] != 0) a.put(r, b + 1, in.f[b][m]);
      a.put(r, u, -in.weight[m]);
      ++r;
    }
  }
  a.load(p);
}

// One pass of the kiln LP: the first maximises z; the second keeps z = z* and minimises u.
inline KilnLpSolution solve_kiln_lp_pass(const GlpkEnvironment& environment, const KilnLpInput& in, bool second,
                                         double z_star) {
  const int batches = static_cast<int>(in.f.size());
  GlpkProblemPtr lp(glp_create_prob());
  glp_prob* p = lp.get();
  kiln_lp_columns(p, batches, second, z_star);
  kiln_lp_rows(p, in, second);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  int rc = 0;
  if (!glpk_guarded(environment, glp_simplex, p, &parm, &rc)) {
    lp.release();  // the environment frees it
    throw_glpk_failure(environment, "the LP relaxation");
  }
  if (rc != 0 || glp_get_status(p) != GLP_OPT)
    throw Error("K5 bound: GLPK could not solve the LP relaxation (glp_simplex returned " + std::to_string(rc) +
                ", status " + std::to_string(glp_get_status(p)) + ")");
  KilnLpSolution s;
  s.bound = glp_get_col_prim(p, batches + 1);
  for (int b = 1; b <= batches; ++b) s.target.push_back(glp_get_col_prim(p, b));
  return s;
}

// f[b][m]: share of month m covered by batch b's window; constant[m]: K_m (multi-line kilns);
// weight[m]: w_m; total: T (one-line capacity). All in the caller's units (keep them O(1)).
inline KilnLpSolution solve_kiln_lp(const std::vector<std::vector<double>>& f, const std::vector<double>& constant,
                                    const std::vector<double>& weight, double total) {
  KilnLpInput in{f, constant, weight, total, {}};
  for (int m = 0; m < static_cast<int>(weight.size()); ++m)
    if (weight[m] > 0) in.weighted.push_back(m);
  const GlpkEnvironment environment("K5 bound");  // outlives every problem below
  KilnLpSolution first = solve_kiln_lp_pass(environment, in, false, 0.0);
  KilnLpSolution second = solve_kiln_lp_pass(environment, in, true, first.bound);
  second.bound = first.bound;
  return second;
}

}  // namespace aqi::detail
