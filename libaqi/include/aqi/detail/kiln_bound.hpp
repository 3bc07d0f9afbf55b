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

// f[b][m]: share of month m covered by batch b's window; constant[m]: K_m (multi-line kilns);
// weight[m]: w_m; total: T (one-line capacity). All in the caller's units (keep them O(1)).
inline KilnLpSolution solve_kiln_lp(const std::vector<std::vector<double>>& f, const std::vector<double>& constant,
                                    const std::vector<double>& weight, double total) {
  const int batches = static_cast<int>(f.size());
  const int months = static_cast<int>(weight.size());
  std::vector<int> weighted;
  for (int m = 0; m < months; ++m)
    if (weight[m] > 0) weighted.push_back(m);

  const GlpkEnvironment environment("K5 bound");  // outlives every problem below
  auto solve = [&](bool second, double z_star) {
    GlpkProblemPtr lp(glp_create_prob());
    glp_prob* p = lp.get();
    // Columns: X_1 … X_B, z, and u (the largest S_m/w_m) in the second pass.
    const int cols = batches + (second ? 2 : 1);
    const int z = batches + 1, u = batches + 2;
    glp_add_cols(p, cols);
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
    const int rows = 1 + static_cast<int>(weighted.size()) * (second ? 2 : 1);
    glp_add_rows(p, rows);
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    auto put = [&](int r, int c, double v) {
      ia.push_back(r);
      ja.push_back(c);
      ar.push_back(v);
    };
    // Σ X_b = T
    glp_set_row_bnds(p, 1, GLP_FX, total, total);
    for (int b = 1; b <= batches; ++b) put(1, b, 1.0);
    int r = 2;
    for (int m : weighted) {
      // S_m − w_m z ≥ 0  ⇔  Σ_b f_bm X_b − w_m z ≥ −K_m
      glp_set_row_bnds(p, r, GLP_LO, -constant[m], 0.0);
      for (int b = 0; b < batches; ++b)
        if (f[b][m] != 0) put(r, b + 1, f[b][m]);
      put(r, z, -weight[m]);
      ++r;
      if (second) {
        // S_m − w_m u ≤ 0
        glp_set_row_bnds(p, r, GLP_UP, 0.0, -constant[m]);
        for (int b = 0; b < batches; ++b)
          if (f[b][m] != 0) put(r, b + 1, f[b][m]);
        put(r, u, -weight[m]);
        ++r;
      }
    }
    glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
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
    s.bound = glp_get_col_prim(p, z);
    for (int b = 1; b <= batches; ++b) s.target.push_back(glp_get_col_prim(p, b));
    return s;
  };

  KilnLpSolution first = solve(false, 0.0);
  KilnLpSolution second = solve(true, first.bound);
  second.bound = first.bound;
  return second;
}

}  // namespace aqi::detail
