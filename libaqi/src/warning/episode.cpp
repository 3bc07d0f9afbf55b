#include "warning/episode.hpp"

#include <cmath>
#include <limits>

namespace aqi::detail {

namespace {

// The first qualifying run of `clause` with start ≤ last_start and end ≥ first_end, searched run
// after run as aqi::day_levels does (an anchored clause has one candidate: the first day's).
bool find_run_in_window(const Clause& clause, const RuleSet& rules, span<const double> v, int last_start, int first_end,
                        int& s, int& e) {
  const int n = static_cast<int>(v.size());
  for (int from = 0; from < n;) {
    auto get = [&](int j) { return v[static_cast<std::size_t>(from + j)]; };
    if (!find_run(clause, rules.merge_gap_days, n - from, get, s, e)) return false;
    s += from;
    e += from;
    if (s > last_start) return false;  // every later run starts later still
    if (e >= first_end) return true;
    from = e + 1;
    if (clause.anchored) return false;
  }
  return false;
}

}  // namespace

Warning classify_window(span<const double> values, const RuleSet& rules, int last_start, int first_end) {
  rules.require_valid();
  const int n = static_cast<int>(values.size());
  auto get = [&](int j) { return values[static_cast<std::size_t>(j)]; };
  Warning w;
  w.kind = SeriesKind::daily;
  for (int j = 0; j < n; ++j)
    if (get(j) == get(j) && !(get(j) <= w.peak)) w.peak = get(j);
  for (int level = rules.level_count(); level > 0 && w.level == 0; --level) {
    const auto& clauses = rules.levels[static_cast<std::size_t>(level - 1)].clauses;
    for (std::size_t c = 0; c < clauses.size(); ++c) {
      int s = -1, e = -1;
      if (!find_run_in_window(clauses[c], rules, values, last_start, first_end, s, e)) continue;
      w.level = level;
      w.clause = static_cast<int>(c);
      w.first = s;
      w.last = e;
      break;
    }
  }
  if (w.level > 0)
    describe_run(w, get, static_cast<int>(w.first), static_cast<int>(w.last));
  else
    describe_run(w, get, 0, n - 1);
  return w;
}

int last_start_within(boost::gregorian::date first, boost::posix_time::ptime now, int horizon_hours) {
  const auto ahead = (now + boost::posix_time::hours(horizon_hours)) - boost::posix_time::ptime(first);
  if (ahead.is_negative()) return -1;
  const long long whole_days = ahead.total_seconds() / (24LL * 3600);
  return whole_days > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(whole_days);
}

}  // namespace aqi::detail
