// The brick-kiln rotating shutdown of a season (SPEC K1–K6): which batch window each one-line
// kiln stops in, which lines of each multi-line kiln stop, each month's stopped capacity, and
// how close the assignment is to the best possible (K5: the LP-relaxation bound and the gap).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/keys.hpp"
#include "aqi/detail/kiln_bound.hpp"
#include "aqi/error.hpp"
#include "aqi/kilns/kiln.hpp"
#include "aqi/kilns/season.hpp"
#include "aqi/span.hpp"

namespace aqi {

// K3: how the stopped lines of a multi-line kiln are chosen.
enum class LineRotation : std::uint8_t {
  // Lines 1 … ⌈n/2⌉ stop the whole season: one cold stop and one refiring per line, which is
  // what a kiln operator prefers (a Hoffmann or tunnel kiln fires continuously).
  fixed,
  // The season is cut into n near-equal segments; line j stops in segments j … j+⌈n/2⌉−1
  // (mod n), so every line stops the same number of days and each day ⌈n/2⌉ lines are stopped.
  cyclic,
};

inline constexpr std::array<std::string_view, 2> line_rotation_keys{"fixed", "cyclic"};

constexpr std::string_view name(LineRotation r) noexcept { return line_rotation_keys[static_cast<std::size_t>(r)]; }

// Throws UnknownName "unknown line rotation 'x'; expected fixed or cyclic".
inline LineRotation parse_line_rotation(std::string_view text) {
  return static_cast<LineRotation>(detail::parse_key(line_rotation_keys, text, "line rotation"));
}

// The most assignments KilnScheduleOptions::exact_up_to may ask schedule_kilns to try.
inline constexpr double max_exact_assignments = 1e8;

// Without exact_up_to, the exact search runs while it tries at most this many assignments
// (batches^kilns): 3^12 = 531,441, about 30 ms; 12 one-line kilns under three batches, 8 under five.
inline constexpr double default_exact_assignments = 531441;

struct KilnScheduleOptions {
  // K5 weights, one per season month (October … March); empty: the rules' (Nov–Feb 1, else 0).
  std::vector<double> month_weights;
  std::optional<int> january_extension_days;  // K4, 0 to 92; nullopt: the rules' (7 days)
  ExtensionPlacement extension = ExtensionPlacement::after_end;
  LineRotation rotation = LineRotation::fixed;
  // Up to this many one-line kilns the assignment is found by trying every one (B^n of them), so
  // it is optimal; above, a heuristic steers to the LP optimum (K5). nullopt: exact while B^n is
  // at most default_exact_assignments. Asking for more than max_exact_assignments tries is an
  // InvalidArgument, not an afternoon's wait.
  std::optional<std::size_t> exact_up_to;
};

// One stopped line in one window (dates inclusive).
struct StopWindow {
  std::string kiln;
  int line = 1;  // 1-based
  boost::gregorian::date start;
  boost::gregorian::date end;
  int batch = -1;  // one-line kilns: the batch (0 = B1); multi-line kilns (K3): -1

  long days() const { return (end - start).days() + 1; }
};

// K5: one season month.
struct MonthStop {
  std::string month;  // "2019-11"
  DateWindow days;
  double weight = 0;
  double stopped_capacity = 0;  // S_m
  double share = 0;             // S_m ÷ total capacity of every line in the table
  // The part of S_m each batch's one-line kilns stop (the schedule's; the rest is the multi-line
  // kilns' constant, KilnSchedule::multi_line_capacity). Empty for an evaluated schedule.
  std::vector<double> by_batch;
};

struct BatchSummary {
  std::string name, name_zh;
  DateWindow window;  // K4 included
  DateWindow months;  // K1: the whole months, without K4's days
  bool extended = false;
  std::size_t kilns = 0;
  double capacity = 0;
};

struct KilnSchedule {
  int season = 0;
  DateWindow season_days;           // the season's dates (K3: multi-line kilns stop all of them)
  std::vector<StopWindow> windows;  // by kiln (table order), line, start
  std::vector<int> kiln_batch;      // per kiln of the table: its batch, or -1 for a multi-line kiln
  std::vector<MonthStop> months;
  std::vector<BatchSummary> batches;
  std::size_t lines = 0;  // of every kiln in the table
  std::size_t multi_line_kilns = 0;
  int multi_line_stopped_lines = 0;
  double multi_line_capacity = 0;  // stopped capacity of the multi-line kilns, every day of the season
  double total_capacity = 0;
  double objective = 0;  // K5: min over weighted months of S_m / w_m
  double bound = 0;      // its LP-relaxation upper bound
  double gap = 0;        // (bound − objective) / bound, 0 when the bound is 0
  double spread = 0;     // max − min of S_m / w_m over weighted months (the tie-break)
  bool exact = false;    // found by trying every assignment: optimal, whatever the gap says
  LineRotation rotation = LineRotation::fixed;
  int extension_days = 0;  // K4 as applied
  ExtensionPlacement extension = ExtensionPlacement::after_end;
};

// The batch a stop window belongs to: its batch's name, or "K3" for a line of a multi-line kiln
// (it stops all season, in no batch).
inline constexpr std::string_view multi_line_batch = "K3";

inline std::string_view batch_label(const KilnSchedule& s, const StopWindow& w) {
  return w.batch < 0 ? multi_line_batch : std::string_view(s.batches[static_cast<std::size_t>(w.batch)].name);
}

namespace detail {

// Scores a vector of batch totals (K5): objective, then smaller spread, then — a decision of
// libaqi for ties the spec leaves open — the larger mean S_m / w_m (more capacity stopped in
// the months that matter). Infeasible (a required month without stopped kilns) loses to all.
struct KilnScore {
  bool feasible = false;
  double objective = -std::numeric_limits<double>::infinity();
  double spread = std::numeric_limits<double>::infinity();
  double mean = -std::numeric_limits<double>::infinity();

  bool better_than(const KilnScore& o, double eps) const {
    if (feasible != o.feasible) return feasible;
    if (objective > o.objective + eps) return true;
    if (objective < o.objective - eps) return false;
    if (spread < o.spread - eps) return true;
    if (spread > o.spread + eps) return false;
    return mean > o.mean + eps;
  }
};

class KilnProblem {
 public:
  // `constant`: the multi-line kilns' S_m (K3), which covers a required month; `scored`: whether it
  // counts in the score. The choice of batches scores the one-line kilns alone (K5: multi-line
  // kilns "do not change the choice" — with unequal weights a constant would, pushing every kiln
  // out of the batch of a lightly weighted month); the reported figures count it.
  KilnProblem(const KilnSeason& season, std::vector<double> weight, std::vector<double> constant, bool scored = true)
      : weight_(std::move(weight)), constant_(std::move(constant)), scored_(scored) {
    for (std::size_t b = 0; b < season.batches(); ++b) {
      std::vector<double> row(season.months());
      for (std::size_t m = 0; m < season.months(); ++m) row[m] = season.coverage(season.window(b), m);
      f_.push_back(std::move(row));
    }
    for (std::size_t m : season.required_months()) required_.push_back(m);
  }

  std::size_t batches() const { return f_.size(); }
  std::size_t months() const { return weight_.size(); }
  const std::vector<std::vector<double>>& coverage() const { return f_; }
  const std::vector<double>& weight() const { return weight_; }
  const std::vector<double>& constant() const { return constant_; }

  double stopped(const std::vector<double>& totals, std::size_t m) const {
    double s = scored_ ? constant_[m] : 0.0;
    for (std::size_t b = 0; b < f_.size(); ++b) s += f_[b][m] * totals[b];
    return s;
  }

  // `count[b]`: how many kilns batch b holds (a required month needs one, whatever its size).
  KilnScore score(const std::vector<double>& totals, const std::vector<std::size_t>& count) const {
    KilnScore s;
    s.feasible = true;
    for (std::size_t m : required_) {
      bool covered = constant_[m] > 0;
      for (std::size_t b = 0; b < f_.size() && !covered; ++b) covered = f_[b][m] > 0 && count[b] > 0;
      s.feasible = s.feasible && covered;
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, sum = 0;
    std::size_t n = 0;
    for (std::size_t m = 0; m < weight_.size(); ++m) {
      if (!(weight_[m] > 0)) continue;
      const double r = stopped(totals, m) / weight_[m];
      lo = std::min(lo, r);
      hi = std::max(hi, r);
      sum += r;
      ++n;
    }
    s.objective = lo;
    s.spread = hi - lo;
    s.mean = sum / static_cast<double>(n);
    return s;
  }

 private:
  std::vector<std::vector<double>> f_;  // [batch][month]
  std::vector<double> weight_;
  std::vector<double> constant_;
  bool scored_ = true;
  std::vector<std::size_t> required_;
};

// Every assignment, in lexicographic order (kiln 0 most significant, B1 < B2 < B3); the first
// best one wins, so ties beyond the score go to earlier batches for earlier kilns.
inline std::vector<int> assign_exhaustive(const KilnProblem& problem, const std::vector<double>& cap, double eps) {
  const std::size_t n = cap.size(), nb = problem.batches();
  std::vector<int> a(n, 0), best;
  KilnScore best_score;
  std::vector<double> totals(nb);
  std::vector<std::size_t> count(nb);
  for (;;) {
    std::fill(totals.begin(), totals.end(), 0.0);
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t i = 0; i < n; ++i) {  // summed in table order: equal assignments, equal sums
      totals[a[i]] += cap[i];
      ++count[a[i]];
    }
    const KilnScore s = problem.score(totals, count);
    if (best.empty() || s.better_than(best_score, eps)) {
      best = a;
      best_score = s;
    }
    std::size_t i = n;
    while (i > 0) {
      --i;
      if (++a[i] < static_cast<int>(nb)) break;
      a[i] = 0;
      if (i == 0) return best;
    }
    if (n == 0) return best;
  }
}

// An assignment under construction: each kiln's batch, the batch totals and kiln counts.
struct KilnAssignment {
  std::vector<int> batch;
  std::vector<double> totals;
  std::vector<std::size_t> count;

  void move(std::size_t kiln, std::size_t to, double capacity) {
    const auto from = static_cast<std::size_t>(batch[kiln]);
    totals[from] -= capacity;
    totals[to] += capacity;
    --count[from];
    ++count[to];
    batch[kiln] = static_cast<int>(to);
  }
};

// The score of `a` with `amount` moved from batch `from` to `to` and `kilns` kilns with it.
inline KilnScore score_change(const KilnProblem& problem, const KilnAssignment& a, std::size_t from, std::size_t to,
                              double amount, long kilns, std::vector<double>& t, std::vector<std::size_t>& c) {
  t = a.totals;  // scratch, reused by the caller: no allocation per trial
  c = a.count;
  t[from] -= amount;
  t[to] += amount;
  c[from] = static_cast<std::size_t>(static_cast<long>(c[from]) - kilns);
  c[to] = static_cast<std::size_t>(static_cast<long>(c[to]) + kilns);
  return problem.score(t, c);
}

// Largest kilns first (`order`), each into the batch furthest below its LP target.
inline KilnAssignment greedy_assignment(const std::vector<double>& cap, const std::vector<double>& target,
                                        const std::vector<std::size_t>& order) {
  const std::size_t nb = target.size();
  KilnAssignment a{std::vector<int>(cap.size(), 0), std::vector<double>(nb, 0.0), std::vector<std::size_t>(nb, 0)};
  for (std::size_t i : order) {
    std::size_t pick = 0;
    double deficit = -std::numeric_limits<double>::infinity();
    for (std::size_t b = 0; b < nb; ++b)
      if (target[b] - a.totals[b] > deficit + 1e-15) {
        deficit = target[b] - a.totals[b];
        pick = b;
      }
    a.batch[i] = static_cast<int>(pick);
    a.totals[pick] += cap[i];
    ++a.count[pick];
  }
  return a;
}

// The best single move of a kiln to another batch, if one improves on `best` (which it updates).
inline bool best_single_move(const KilnProblem& problem, KilnAssignment& a, const std::vector<double>& cap,
                             const std::vector<std::size_t>& order, KilnScore& best, double eps) {
  const std::size_t n = cap.size(), nb = problem.batches();
  std::vector<double> t;
  std::vector<std::size_t> c;
  std::size_t best_i = n, best_to = 0;
  for (std::size_t i : order) {
    const auto from = static_cast<std::size_t>(a.batch[i]);
    for (std::size_t to = 0; to < nb; ++to) {
      if (to == from) continue;
      const KilnScore s = score_change(problem, a, from, to, cap[i], 1, t, c);
      if (s.better_than(best, eps)) {
        best = s;
        best_i = i;
        best_to = to;
      }
    }
  }
  if (best_i == n) return false;
  a.move(best_i, best_to, cap[best_i]);
  return true;
}

// The best swap of two kilns between batches, looking near the capacity difference that would
// bring both totals to their targets, if one improves on `best` (which it updates).
inline bool best_swap(const KilnProblem& problem, KilnAssignment& a, const std::vector<double>& cap,
                      const std::vector<double>& target, KilnScore& best, double eps) {
  const std::size_t n = cap.size(), nb = problem.batches();
  std::vector<std::vector<std::pair<double, std::size_t>>> members(nb);
  for (std::size_t i = 0; i < n; ++i) members[a.batch[i]].push_back({cap[i], i});
  for (auto& v : members) std::sort(v.begin(), v.end());
  std::vector<double> t;
  std::vector<std::size_t> c;
  std::size_t swap_i = n, swap_j = n;
  for (std::size_t x = 0; x < nb; ++x)
    for (std::size_t y = 0; y < nb; ++y) {
      if (x == y || members[y].empty()) continue;
      const double want = ((a.totals[x] - target[x]) - (a.totals[y] - target[y])) / 2;  // move from x to y
      for (const auto& [ci, i] : members[x]) {
        auto it = std::lower_bound(members[y].begin(), members[y].end(), std::make_pair(ci - want, std::size_t{0}));
        for (int k = -1; k <= 0; ++k) {
          auto jt = it + k;
          if (jt < members[y].begin() || jt >= members[y].end() || ci == jt->first) continue;
          const KilnScore s = score_change(problem, a, x, y, ci - jt->first, 0, t, c);
          if (s.better_than(best, eps)) {
            best = s;
            swap_i = i;
            swap_j = jt->second;
          }
        }
      }
    }
  if (swap_i == n) return false;
  const auto x = static_cast<std::size_t>(a.batch[swap_i]), y = static_cast<std::size_t>(a.batch[swap_j]);
  a.totals[x] += cap[swap_j] - cap[swap_i];
  a.totals[y] += cap[swap_i] - cap[swap_j];
  std::swap(a.batch[swap_i], a.batch[swap_j]);
  return true;
}

// Large instances: largest kilns first into the batch furthest below its LP target, then single
// moves and pairwise swaps while they improve the score.
inline std::vector<int> assign_heuristic(const KilnProblem& problem, const std::vector<double>& cap,
                                         const std::vector<double>& target, double eps) {
  std::vector<std::size_t> order(cap.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return cap[x] > cap[y]; });
  KilnAssignment a = greedy_assignment(cap, target, order);
  KilnScore current = problem.score(a.totals, a.count);
  for (int round = 0; round < 200; ++round) {
    KilnScore best = current;
    if (!best_single_move(problem, a, cap, order, best, eps) && !best_swap(problem, a, cap, target, best, eps)) break;
    current = best;
  }
  return a.batch;
}

inline std::vector<double> kiln_month_weights(const KilnSeason& season, const std::vector<double>& given) {
  const auto& w = given.empty() ? season.rules().month_weights : given;
  if (w.size() != season.months())
    throw InvalidArgument("month_weights: one weight per season month is needed (" + std::to_string(season.months()) +
                          ": " + season.month_label(0) + " … " + season.month_label(season.months() - 1) + "), got " +
                          std::to_string(w.size()));
  bool any = false;
  for (std::size_t m = 0; m < w.size(); ++m) {
    if (!std::isfinite(w[m]) || w[m] < 0)
      throw InvalidValue("month_weights", m, "a weight must be a finite number ≥ 0 (" + season.month_label(m) + ")");
    any = any || w[m] > 0;
  }
  if (!any) throw InvalidArgument("month_weights: at least one month needs a positive weight (SPEC K5)");
  if (const std::string p = month_weight_spread_problem(w); !p.empty()) throw InvalidArgument("month_weights: " + p);
  return w;
}

// K3: the stop windows of the lines of a kiln with n ≥ 2 lines over [season.first, season.last].
inline void multi_line_windows(const Kiln& k, int stop, const DateWindow& season, LineRotation rotation,
                               std::vector<StopWindow>& out) {
  const int n = k.lines;
  if (rotation == LineRotation::fixed) {
    for (int line = 1; line <= stop; ++line) out.push_back({k.id, line, season.first, season.last, -1});
    return;
  }
  const long days = season.days();
  auto seg_first = [&](long s) { return season.first + boost::gregorian::days(s * days / n); };
  for (int j = 0; j < n; ++j) {
    // Segments j … j+stop−1 (mod n): one run, or two when it wraps past the season's end.
    const long s0 = j, s1 = j + stop - 1;  // inclusive, may exceed n−1
    std::vector<StopWindow> w;
    if (s1 < n) {
      w.push_back({k.id, j + 1, seg_first(s0), seg_first(s1 + 1) - boost::gregorian::days(1), -1});
    } else {
      w.push_back({k.id, j + 1, season.first, seg_first(s1 - n + 1) - boost::gregorian::days(1), -1});
      w.push_back({k.id, j + 1, seg_first(s0), season.last, -1});
    }
    if (w.size() == 2 && w[0].end + boost::gregorian::days(1) == w[1].start) {  // the whole season
      w[0].end = w[1].end;
      w.pop_back();
    }
    for (auto& x : w)
      if (x.start <= x.end) out.push_back(std::move(x));
  }
}

// The one-line kilns (K1, K2) with their capacities in units of the table's total, and the
// stopped capacity the multi-line kilns (K3) add to every month in those units.
struct KilnSplit {
  std::vector<std::size_t> single;
  std::vector<double> cap;
  double multi = 0;
};

inline KilnSplit split_kilns(span<const Kiln> kilns, const KilnRules& rules, double unit, KilnSchedule& out) {
  KilnSplit k;
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    out.lines += static_cast<std::size_t>(kilns[i].lines);
    if (kilns[i].lines == 1) {
      k.single.push_back(i);
      k.cap.push_back(kilns[i].capacity / unit);
    } else {
      const int stop = rules.lines_to_stop(kilns[i].lines);
      k.multi += stop * kilns[i].capacity / unit;
      ++out.multi_line_kilns;
      out.multi_line_stopped_lines += stop;
    }
  }
  for (const auto& kiln : kilns)
    if (kiln.lines > 1) out.multi_line_capacity += rules.lines_to_stop(kiln.lines) * kiln.capacity;
  return k;
}

// Whether every assignment of `kilns` one-line kilns to `batches` batches is tried (K5). Trying
// costs about 40 ns each: 3^16 take 2 s, 3^20 over 2 minutes, 3^30 years; so the default counts
// assignments, not kilns (a plan of 5 batches reaches 5^12 with 12 kilns), and an exact_up_to
// asking for more than max_exact_assignments is refused.
inline bool use_exact_search(const KilnScheduleOptions& options, std::size_t batches, std::size_t kilns) {
  const double assignments = std::pow(static_cast<double>(batches), static_cast<double>(kilns));
  if (!options.exact_up_to) return assignments <= default_exact_assignments;
  if (kilns > *options.exact_up_to) return false;
  if (assignments > max_exact_assignments)
    throw InvalidArgument("kiln schedule: exact_up_to = " + std::to_string(*options.exact_up_to) +
                          " asks to try every assignment of " + std::to_string(kilns) + " one-line kilns to " +
                          std::to_string(batches) + " batches (" + std::to_string(batches) + "^" +
                          std::to_string(kilns) + "), more than the " +
                          std::to_string(static_cast<long long>(max_exact_assignments)) +
                          " libaqi tries; lower exact_up_to to use the heuristic and its LP bound (SPEC K5)");
  return true;
}

// K5: a required month without stopped kilns makes the season impossible.
inline void require_feasible(const KilnScore& score, const KilnSeason& cal) {
  if (score.feasible) return;
  std::string months;
  for (std::size_t m : cal.required_months()) months += (months.empty() ? "" : ", ") + cal.month_label(m);
  throw InvalidArgument("kiln schedule: no assignment of these kilns stops kilns in every one of " + months +
                        " (SPEC K5)");
}

// K1–K4: every stop window, by kiln in table order.
inline std::vector<StopWindow> kiln_windows(span<const Kiln> kilns, const KilnSeason& cal,
                                            const std::vector<int>& batch, LineRotation rotation) {
  std::vector<StopWindow> out;
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    const Kiln& k = kilns[i];
    if (k.lines == 1) {
      const auto& w = cal.window(static_cast<std::size_t>(batch[i]));
      out.push_back({k.id, 1, w.first, w.last, batch[i]});
    } else {
      multi_line_windows(k, cal.rules().lines_to_stop(k.lines), cal.season(), rotation, out);
    }
  }
  return out;
}

// K5: each month's stopped capacity S_m and share of the total.
inline std::vector<MonthStop> kiln_months(const KilnSeason& cal, const std::vector<double>& weight,
                                          const KilnProblem& reported, const std::vector<double>& batch_capacity,
                                          double total) {
  std::vector<MonthStop> out;
  for (std::size_t m = 0; m < cal.months(); ++m) {
    const double s = reported.stopped(batch_capacity, m);
    std::vector<double> by_batch;
    for (std::size_t b = 0; b < batch_capacity.size(); ++b)
      by_batch.push_back(reported.coverage()[b][m] * batch_capacity[b]);
    out.push_back({cal.month_label(m), cal.month(m), weight[m], s, s / total, std::move(by_batch)});
  }
  return out;
}

inline std::vector<BatchSummary> kiln_batches(const KilnSeason& cal, const std::vector<std::size_t>& count,
                                              const std::vector<double>& batch_capacity) {
  std::vector<BatchSummary> out;
  for (std::size_t b = 0; b < cal.batches(); ++b)
    out.push_back({cal.batch(b).name, cal.batch(b).name_zh, cal.window(b), cal.base_window(b),
                   cal.includes_january(b) && cal.extension_days() > 0, count[b], batch_capacity[b]});
  return out;
}

// K5's figures in the table's own units, summed from the capacities as given (no round trip
// through the normalised units: 2·10 + 2·5 stays 30), with the LP's bound.
inline void report_kiln_figures(span<const Kiln> kilns, const KilnSeason& cal, const std::vector<double>& weight,
                                const KilnSplit& split, const std::vector<int>& assignment, const KilnLpSolution& lp,
                                double top_weight, KilnSchedule& out) {
  const std::size_t nb = cal.batches();
  std::vector<double> batch_capacity(nb, 0.0);
  std::vector<std::size_t> count(nb, 0);
  for (std::size_t k = 0; k < split.single.size(); ++k) {
    batch_capacity[assignment[k]] += kilns[split.single[k]].capacity;
    ++count[assignment[k]];
  }
  const KilnProblem reported(cal, weight, std::vector<double>(cal.months(), out.multi_line_capacity));
  const KilnScore score = reported.score(batch_capacity, count);
  out.objective = score.objective;
  out.spread = score.spread;
  // The LP worked in units of the total capacity with weights scaled to a largest of 1; its
  // rounding must not undercut a real value.
  out.bound = std::max(lp.bound / top_weight * out.total_capacity, out.objective);
  out.gap = out.bound > 0 ? (out.bound - out.objective) / out.bound : 0.0;
  if (out.gap < 1e-12) out.gap = 0;
  out.months = kiln_months(cal, weight, reported, batch_capacity, out.total_capacity);
  out.batches = kiln_batches(cal, count, batch_capacity);
}

// The assignment of the one-line kilns (K5): exact or the heuristic, checked feasible.
inline std::vector<int> assign_kilns(const KilnProblem& problem, const KilnSplit& split, const KilnSeason& cal,
                                     const KilnLpSolution& lp, bool exact) {
  const double eps = 1e-9;
  std::vector<int> assignment =
      exact ? assign_exhaustive(problem, split.cap, eps) : assign_heuristic(problem, split.cap, lp.target, eps);
  std::vector<double> totals(problem.batches(), 0.0);
  std::vector<std::size_t> count(problem.batches(), 0);
  for (std::size_t k = 0; k < split.single.size(); ++k) {
    totals[assignment[k]] += split.cap[k];
    ++count[assignment[k]];
  }
  require_feasible(problem.score(totals, count), cal);
  return assignment;
}

}  // namespace detail

// SPEC K1–K6: the rotation of `kilns` over the season starting in `season` (2019 = 2019-10-01
// … 2020-03-31). Throws InvalidValue for a bad kiln row or weight, InvalidArgument for an empty
// table, a season no assignment can satisfy (K5: a required month without stopped kilns), an
// exact search of more than max_exact_assignments, or kiln rules built in code that break
// KilnRules' invariants.
inline KilnSchedule schedule_kilns(span<const Kiln> kilns, int season, const KilnScheduleOptions& options = {},
                                   const KilnRules& rules = kiln_rules()) {
  check_kilns(kilns);
  if (kilns.empty()) throw InvalidArgument("kiln schedule: the kiln table is empty");
  const KilnSeason cal(season, rules, options.january_extension_days, options.extension);
  const auto weight = detail::kiln_month_weights(cal, options.month_weights);
  KilnSchedule out;
  out.season = season;
  out.season_days = cal.season();
  out.rotation = options.rotation;
  out.extension_days = cal.extension_days();
  out.extension = cal.placement();
  out.total_capacity = total_capacity(kilns);
  // Work in units of the total capacity: the LP and the tolerances then see numbers near 1.
  const double unit = out.total_capacity;
  const detail::KilnSplit split = detail::split_kilns(kilns, rules, unit, out);
  // K3: every multi-line kiln has ⌈n/2⌉ lines stopped on every day of the season, so it adds
  // the same S_m to every month, whichever lines rotate.
  const std::vector<double> multi(cal.months(), split.multi);
  const detail::KilnProblem problem(cal, weight, multi, /*scored=*/false);
  // The LP sees weights scaled to a largest of 1 (z scales by the same factor; X does not).
  const double top_weight = *std::max_element(weight.begin(), weight.end());
  std::vector<double> lp_weight(weight);
  for (double& w : lp_weight) w /= top_weight;
  double one_line = 0;
  for (double c : split.cap) one_line += c;
  // The choice's LP (one-line kilns alone) steers the heuristic; the reported bound is the LP's
  // with the multi-line kilns, as the reported objective counts them.
  const auto lp =
      detail::solve_kiln_lp(problem.coverage(), std::vector<double>(cal.months(), 0.0), lp_weight, one_line);
  const auto lp_reported = split.multi > 0 ? detail::solve_kiln_lp(problem.coverage(), multi, lp_weight, one_line) : lp;
  out.exact = detail::use_exact_search(options, cal.batches(), split.single.size());
  const std::vector<int> assignment = detail::assign_kilns(problem, split, cal, lp, out.exact);
  detail::report_kiln_figures(kilns, cal, weight, split, assignment, lp_reported, top_weight, out);
  out.kiln_batch.assign(kilns.size(), -1);
  for (std::size_t k = 0; k < split.single.size(); ++k) out.kiln_batch[split.single[k]] = assignment[k];
  out.windows = detail::kiln_windows(kilns, cal, out.kiln_batch, options.rotation);
  return out;
}

}  // namespace aqi
