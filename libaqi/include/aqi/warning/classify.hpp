// Warning level of a forecast — SPEC W1–W9: the highest level of a rule set whose clause holds
// on one run of day-means, with the explanation of W6 (clause, run, run lengths, peak).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/detail/alignment_runs.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/index/moving_mean.hpp"
#include "aqi/span.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/rule_set.hpp"

namespace aqi {

// What a classification was computed from.
enum class SeriesKind : std::uint8_t { daily, hourly };

constexpr std::string_view name(SeriesKind k) noexcept { return k == SeriesKind::daily ? "daily" : "hourly"; }

// "daily" or "hourly"; throws InvalidArgument naming `field` (the caller's argument).
inline SeriesKind parse_series_kind(std::string_view text, std::string_view field = "kind") {
  for (SeriesKind k : {SeriesKind::daily, SeriesKind::hourly})
    if (text == name(k)) return k;
  throw InvalidArgument(std::string(field) + " must be 'daily' or 'hourly', got '" + std::string(text) + "'");
}

// W2(c): a forecast published as ranges is classified on its upper bound unless asked otherwise.
enum class RangeBasis : std::uint8_t { hi, mid, lo };

constexpr std::string_view name(RangeBasis b) noexcept {
  return b == RangeBasis::hi ? "hi" : b == RangeBasis::mid ? "mid" : "lo";
}

// "hi", "mid" or "lo"; throws InvalidArgument naming `field` (the caller's argument).
inline RangeBasis parse_range_basis(std::string_view text, std::string_view field = "basis") {
  for (RangeBasis b : {RangeBasis::hi, RangeBasis::mid, RangeBasis::lo})
    if (text == name(b)) return b;
  throw InvalidArgument(std::string(field) + " must be 'hi', 'mid' or 'lo', got '" + std::string(text) + "'");
}

// The result of a classification and why (SPEC W6). It shares the rule set it was computed with
// (aqi::share: a built-in set aliased, any other copied), so it outlives the caller's set.
struct Warning {
  std::shared_ptr<const RuleSet> rules;
  SeriesKind kind = SeriesKind::daily;
  int level = 0;              // index in the rule set, 0 = none
  int clause = -1;            // which clause of the level fired
  std::ptrdiff_t first = -1;  // first day (daily) or hour (hourly) of the qualifying run
  std::ptrdiff_t last = -1;   // last day or hour of the qualifying run
  int days_above_200 = 0;     // longest run of day-means > 200 (in the qualifying run, else anywhere)
  int days_above_300 = 0;     // the same above 300
  double peak = std::numeric_limits<double>::quiet_NaN();  // highest day-mean of the series
  int alignment = -1;                                      // hourly: the day-blocks end at hours ≡ alignment (mod 24)
  std::string basis;  // W2(c): "hi", "mid" or "lo" for range forecasts; empty otherwise

  std::string level_name() const { return rules ? rules->level_name(level) : "none"; }
  ResponseLevel response() const { return rules ? rules->response(level) : ResponseLevel::none; }
  // SPEC N5: "橙色"; "无预警" for none.
  std::string level_name_zh() const { return rules ? rules->level_name_zh(level) : "无预警"; }
  std::string clause_text() const {
    if (level == 0 || !rules) return "";
    return rules->levels[static_cast<std::size_t>(level - 1)].clauses[static_cast<std::size_t>(clause)].describe();
  }
  std::string clause_text_zh() const {
    if (level == 0 || !rules) return "";
    return rules->levels[static_cast<std::size_t>(level - 1)].clauses[static_cast<std::size_t>(clause)].describe_zh();
  }

  // One sentence an analyst can read: why this level, or why none.
  std::string explain() const {
    const std::string unit = kind == SeriesKind::daily ? "day" : "hour";
    std::string s;
    if (level == 0) {
      s = "no warning: no run of day-means meets a level of " + (rules ? rules->id : std::string("the rules"));
    } else {
      s = level_name() + " (response " + std::string(name(response())) + "): " + clause_text() + "; run " + unit +
          "s " + std::to_string(first) + "–" + std::to_string(last);
    }
    s += "; longest run > 200: " + std::to_string(days_above_200) + " d, > 300: " + std::to_string(days_above_300) +
         " d; peak day-mean " + (std::isnan(peak) ? std::string("n/a") : detail::format_number(peak));
    if (!basis.empty()) s += "; classified on " + basis;
    return s;
  }

  // SPEC W6, N5: the same sentence in Chinese, fact for fact.
  std::string explain_zh() const {
    const std::string unit = kind == SeriesKind::daily ? "日" : "小时";
    std::string s;
    if (level == 0) {
      s = "无预警：日均值没有任何时段达到" + (rules ? rules->id : std::string("规则")) + "的预警级别";
    } else {
      s = level_name_zh() + "预警（" + std::string(name_zh(response())) + "响应）：" + clause_text_zh() +
          "；达标时段为第 " + std::to_string(first) + "–" + std::to_string(last) + " " + unit + "（输入序号）";
    }
    s += "；日均值 > 200 最长连续 " + std::to_string(days_above_200) + " 天，> 300 最长连续 " +
         std::to_string(days_above_300) + " 天；日均值峰值 " +
         (std::isnan(peak) ? std::string("无") : detail::format_number(peak));
    if (!basis.empty()) s += "；按预报区间 " + basis + " 值研判";
    return s;
  }

  // The same classification: the same rule set (by id), kind, level and run, the same W6
  // details (a NaN peak equals a NaN peak: no day-mean either way), alignment and basis.
  friend bool operator==(const Warning& a, const Warning& b) {
    const auto id = [](const Warning& w) { return w.rules ? w.rules->id : std::string(); };
    const bool same_peak = a.peak == b.peak || (std::isnan(a.peak) && std::isnan(b.peak));
    return id(a) == id(b) && a.kind == b.kind && a.level == b.level && a.clause == b.clause && a.first == b.first &&
           a.last == b.last && a.days_above_200 == b.days_above_200 && a.days_above_300 == b.days_above_300 &&
           same_peak && a.alignment == b.alignment && a.basis == b.basis;
  }
  friend bool operator!=(const Warning& a, const Warning& b) { return !(a == b); }
};

namespace detail {

// A qualifying run found in a series of day-blocks.
struct BlockMatch {
  int level = 0;
  int clause = -1;
  int first = -1;  // block index
  int last = -1;
};

// Longest stretch of consecutive blocks in [s, e] where `holds`, or their count when !consecutive.
template <class Get, class Pred>
int stretch(Get get, int s, int e, bool consecutive, Pred holds) {
  int best = 0, cur = 0, count = 0;
  for (int j = s; j <= e; ++j) {
    if (holds(get(j))) {
      ++cur;
      ++count;
      best = std::max(best, cur);
    } else {
      cur = 0;
    }
  }
  return consecutive ? best : count;
}

// Does `clause` hold on a run of blocks[0..n)? get(j) is the day-mean of block j (NaN =
// missing or dust, W5/W8: satisfies nothing). Runs of the first term separated by at most
// `merge_gap` failing blocks are one run (MEE 2017); their gap blocks are not counted.
// Returns the first qualifying run.
template <class Get>
bool find_run(const Clause& clause, int merge_gap, int n, Get get, int& first, int& last) {
  const RunTerm& base = clause.terms[0];
  int j = 0;
  while (j < n) {
    if (!base.holds(get(j))) {
      if (clause.anchored) return false;
      ++j;
      continue;
    }
    const int s = j;
    int e = j, count = 1;
    ++j;
    while (j < n) {
      if (base.holds(get(j))) {
        e = j;
        ++count;
        ++j;
        continue;
      }
      int g = j;
      while (g < n && g - j < merge_gap && !base.holds(get(g))) ++g;
      if (g < n && g - j <= merge_gap && g > j && base.holds(get(g))) {
        j = g;
        continue;
      }
      break;
    }
    if (count >= base.days) {
      bool all = true;
      for (std::size_t t = 1; t < clause.terms.size() && all; ++t) {
        const RunTerm& term = clause.terms[t];
        all = stretch(get, s, e, term.consecutive, [&](double d) { return term.holds(d); }) >= term.days;
      }
      if (all) {
        first = s;
        last = e;
        return true;
      }
    }
    if (clause.anchored) return false;
  }
  return false;
}

// The highest level with a qualifying run, and that run; levels are tried from the top so the
// first match is the answer. `floor` skips levels not above it (batch early exit).
template <class Get>
BlockMatch evaluate_blocks(const RuleSet& rules, int n, Get get, int floor = 0) {
  BlockMatch m;
  for (int level = rules.level_count(); level > floor; --level) {
    const auto& clauses = rules.levels[static_cast<std::size_t>(level - 1)].clauses;
    for (std::size_t c = 0; c < clauses.size(); ++c) {
      int s, e;
      if (find_run(clauses[c], rules.merge_gap_days, n, get, s, e)) return {level, static_cast<int>(c), s, e};
    }
  }
  return m;
}

inline void check_aqi_value(double x, std::size_t i, const char* field) {
  if (std::isinf(x) || x < 0.0)
    throw InvalidValue(field, i,
                       std::isinf(x) ? "infinite AQI (SPEC W9)" : "negative AQI " + format_number(x) + " (SPEC W9)");
}

inline void check_dust(span<const std::uint8_t> dust, std::size_t n) {
  if (!dust.empty() && dust.size() != n)
    throw InvalidArgument("dust has " + std::to_string(dust.size()) + " flags for " + std::to_string(n) + " values");
}

// W6 details over blocks [s, e] of one series.
template <class Get>
void describe_run(Warning& w, Get get, int s, int e) {
  if (s > e) return;
  w.days_above_200 = stretch(get, s, e, true, [](double d) { return d > 200; });
  w.days_above_300 = stretch(get, s, e, true, [](double d) { return d > 300; });
}

// The best level over the 24 alignments of an hourly series' day-means m[0..n): W3 ("aligned at
// ANY hour"). Ties go to the run that starts earliest. The result's `rules` is left to the caller.
inline Warning classify_day_means(const RuleSet& rules, const double* m, std::size_t n, int floor = 0) {
  Warning best;
  best.kind = SeriesKind::hourly;
  double peak = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t t = day_window - 1; t < n; ++t)
    if (m[t] == m[t] && !(m[t] <= peak)) peak = m[t];
  best.peak = peak;
  if (n < day_window) return best;  // W9: shorter than one block
  int longest200 = 0, longest300 = 0;
  for (std::size_t a = 0; a < day_window && day_window - 1 + a < n; ++a) {
    const std::size_t first_end = day_window - 1 + a;
    const int blocks = static_cast<int>((n - 1 - first_end) / day_window + 1);
    auto get = [&](int j) { return m[first_end + static_cast<std::size_t>(j) * day_window]; };
    const BlockMatch match = evaluate_blocks(rules, blocks, get, std::max(floor, best.level - 1));
    longest200 = std::max(longest200, stretch(get, 0, blocks - 1, true, [](double d) { return d > 200; }));
    longest300 = std::max(longest300, stretch(get, 0, blocks - 1, true, [](double d) { return d > 300; }));
    if (match.level == 0) continue;
    const std::ptrdiff_t first_hour =
        static_cast<std::ptrdiff_t>(first_end + static_cast<std::size_t>(match.first) * day_window) + 1 -
        static_cast<std::ptrdiff_t>(day_window);
    if (match.level > best.level || (match.level == best.level && first_hour < best.first)) {
      best.level = match.level;
      best.clause = match.clause;
      best.first = first_hour;
      best.last = static_cast<std::ptrdiff_t>(first_end + static_cast<std::size_t>(match.last) * day_window);
      best.alignment = static_cast<int>(first_end % day_window);
      describe_run(best, get, match.first, match.last);
    }
  }
  if (best.level == 0) {
    best.days_above_200 = longest200;
    best.days_above_300 = longest300;
  }
  return best;
}

// The level alone (no explanation) of an hourly series' day-means: the batch's hot path.
inline int hourly_level(const RuleSet& rules, const double* m, std::size_t n) {
  int best = 0;
  for (std::size_t a = 0; a < day_window && day_window - 1 + a < n; ++a) {
    const std::size_t first_end = day_window - 1 + a;
    const int blocks = static_cast<int>((n - 1 - first_end) / day_window + 1);
    auto get = [&](int j) { return m[first_end + static_cast<std::size_t>(j) * day_window]; };
    best = std::max(best, evaluate_blocks(rules, blocks, get, best).level);
    if (best == rules.level_count()) break;
  }
  return best;
}

// The classifications without their `rules` handle: the public entry points below attach it,
// the season attaches its own (no rule set is copied per forecast).
inline Warning classify_daily_values(span<const double> days, span<const std::uint8_t> dust, const RuleSet& rules) {
  rules.require_valid();
  check_dust(dust, days.size());
  for (std::size_t i = 0; i < days.size(); ++i) check_aqi_value(days[i], i, "values");
  const int n = static_cast<int>(days.size());
  auto get = [&](int j) {
    const auto k = static_cast<std::size_t>(j);
    return (!dust.empty() && dust[k]) ? std::numeric_limits<double>::quiet_NaN() : days[k];
  };
  Warning w;
  w.kind = SeriesKind::daily;
  for (int j = 0; j < n; ++j)
    if (get(j) == get(j) && !(get(j) <= w.peak)) w.peak = get(j);
  const BlockMatch m = evaluate_blocks(rules, n, get);
  w.level = m.level;
  w.clause = m.clause;
  w.first = m.first;
  w.last = m.last;
  if (m.level > 0)
    describe_run(w, get, m.first, m.last);
  else
    describe_run(w, get, 0, n - 1);
  return w;
}

inline Warning classify_hourly_values(span<const double> hours, span<const std::uint8_t> dust, const RuleSet& rules) {
  rules.require_valid();
  check_dust(dust, hours.size());
  for (std::size_t i = 0; i < hours.size(); ++i) check_aqi_value(hours[i], i, "values");
  std::vector<double> m(hours.size()), work(6 * hours.size());
  day_means(hours.data(), dust.empty() ? nullptr : dust.data(), hours.size(), m.data(), work.data());
  return classify_day_means(rules, m.data(), m.size());
}

inline Warning classify_range_values(span<const double> lo, span<const double> hi, RangeBasis basis,
                                     span<const std::uint8_t> dust, const RuleSet& rules) {
  if (lo.size() != hi.size())
    throw InvalidArgument("lo has " + std::to_string(lo.size()) + " days, hi has " + std::to_string(hi.size()));
  std::vector<double> v(lo.size());
  for (std::size_t i = 0; i < lo.size(); ++i) {
    check_aqi_value(lo[i], i, "lo");
    check_aqi_value(hi[i], i, "hi");
    if (lo[i] > hi[i])
      throw InvalidValue(
          "lo", i,
          "lower bound " + format_number(lo[i]) + " above the upper bound " + format_number(hi[i]) + " (SPEC W2)");
    v[i] = basis == RangeBasis::hi ? hi[i] : basis == RangeBasis::lo ? lo[i] : (lo[i] + hi[i]) / 2;
  }
  Warning w = classify_daily_values(v, dust, rules);
  w.basis = std::string(name(basis));
  return w;
}

inline Warning with_rules(Warning w, std::shared_ptr<const RuleSet> rules) {
  w.rules = std::move(rules);
  return w;
}

}  // namespace detail

// Each classification comes in two forms: with a `const RuleSet&` (the result holds
// aqi::share(rules): the built-in sets aliased, any other copied once per call) and with a
// `std::shared_ptr<const RuleSet>` (held as is: no copy, e.g. a Plan's set or share(set) made once).

// SPEC W2(a), W3–W6, W8, W9: a daily series of AQI day-means for consecutive days. NaN is a
// missing day; `dust` (optional, same length) flags days caused by sand and dust (W5). Negative
// or infinite values throw InvalidValue naming the day.
inline Warning classify_daily(span<const double> days, span<const std::uint8_t> dust,
                              std::shared_ptr<const RuleSet> rules) {
  return detail::with_rules(detail::classify_daily_values(days, dust, detail::require_rules(rules)), rules);
}
inline Warning classify_daily(span<const double> days, span<const std::uint8_t> dust = {},
                              const RuleSet& rules = yiyuan_2019()) {
  return detail::with_rules(detail::classify_daily_values(days, dust, rules), share(rules));
}

// SPEC W1, W2(b), W3: an hourly AQI series; the day-means are the trailing 24-hour means
// (A5: at least 20 valid hours), and k-day runs are k back-to-back 24-hour blocks aligned at
// any hour. `dust` flags hours; a window containing one does not exceed any threshold (W5).
// `first`/`last` of the result are hours of the input.
inline Warning classify_hourly(span<const double> hours, span<const std::uint8_t> dust,
                               std::shared_ptr<const RuleSet> rules) {
  return detail::with_rules(detail::classify_hourly_values(hours, dust, detail::require_rules(rules)), rules);
}
inline Warning classify_hourly(span<const double> hours, span<const std::uint8_t> dust = {},
                               const RuleSet& rules = yiyuan_2019()) {
  return detail::with_rules(detail::classify_hourly_values(hours, dust, rules), share(rules));
}

// SPEC W2(c): daily forecasts published as ranges [lo, hi]; classified on hi unless asked.
inline Warning classify_daily_range(span<const double> lo, span<const double> hi, RangeBasis basis,
                                    span<const std::uint8_t> dust, std::shared_ptr<const RuleSet> rules) {
  return detail::with_rules(detail::classify_range_values(lo, hi, basis, dust, detail::require_rules(rules)), rules);
}
inline Warning classify_daily_range(span<const double> lo, span<const double> hi, RangeBasis basis = RangeBasis::hi,
                                    span<const std::uint8_t> dust = {}, const RuleSet& rules = yiyuan_2019()) {
  return detail::with_rules(detail::classify_range_values(lo, hi, basis, dust, rules), share(rules));
}

// The level each day belongs to: the highest level of a qualifying run that covers it (0 when
// none). The observed side of the verification of SPEC L4.
inline std::vector<std::int8_t> day_levels(span<const double> days, span<const std::uint8_t> dust = {},
                                           const RuleSet& rules = yiyuan_2019()) {
  rules.require_int8_levels();
  rules.require_valid();
  detail::check_dust(dust, days.size());
  for (std::size_t i = 0; i < days.size(); ++i) detail::check_aqi_value(days[i], i, "values");
  const int n = static_cast<int>(days.size());
  std::vector<std::int8_t> out(days.size(), 0);
  std::vector<double> rest(days.begin(), days.end());
  for (std::size_t i = 0; i < rest.size(); ++i)
    if (!dust.empty() && dust[i]) rest[i] = std::numeric_limits<double>::quiet_NaN();
  for (int level = 1; level <= rules.level_count(); ++level)
    for (const auto& clause : rules.levels[static_cast<std::size_t>(level - 1)].clauses) {
      // Every qualifying run, not only the first: search again after each one.
      for (int from = 0; from < n;) {
        int s, e;
        auto get = [&](int j) { return rest[static_cast<std::size_t>(from + j)]; };
        if (!detail::find_run(clause, rules.merge_gap_days, n - from, get, s, e)) break;
        for (int j = from + s; j <= from + e; ++j) out[static_cast<std::size_t>(j)] = static_cast<std::int8_t>(level);
        from += e + 1;
        if (clause.anchored) break;
      }
    }
  return out;
}

}  // namespace aqi
