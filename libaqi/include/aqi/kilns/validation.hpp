// SPEC K7: checks a given kiln schedule (one a town already published, or one edited by hand)
// against K1–K5 and names every violation; and evaluates its monthly stopped capacity (K5), so
// a published schedule can be compared with the scheduler's.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/error.hpp"
#include "aqi/kilns/kiln.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/season.hpp"
#include "aqi/span.hpp"

namespace aqi {

struct KilnViolation {
  std::string rule;  // "K1" … "K5"; empty for a row that cannot be read as a stop (unknown kiln …)
  std::string kiln;  // empty for a month (K5)
  static constexpr std::size_t no_row = std::numeric_limits<std::size_t>::max();
  std::size_t row = no_row;  // the window (assignment row) at fault, when one is
  std::string message;
};

// K5 for any set of windows.
struct KilnScheduleEvaluation {
  std::vector<MonthStop> months;
  double objective = 0;  // min over weighted months of S_m / w_m
  double spread = 0;
};

namespace detail {

// The stopped days of every line of every kiln over a range around the season, from windows
// that can be read (the others are reported).
class KilnStops {
 public:
  KilnStops(span<const Kiln> kilns, span<const StopWindow> windows, const KilnSeason& season,
            std::vector<KilnViolation>* problems)
      : kilns_(kilns), season_(season) {
    const auto margin = boost::gregorian::days(std::max(0, season.extension_days()));
    range_ = {season.season().first - margin, season.season().last + margin};
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < kilns.size(); ++i) index.emplace(kilns[i].id, i);
    offset_.resize(kilns.size() + 1, 0);
    for (std::size_t i = 0; i < kilns.size(); ++i)
      offset_[i + 1] = offset_[i] + static_cast<std::size_t>(kilns[i].lines);
    days_.assign(offset_.back() * static_cast<std::size_t>(range_.days()), 0);
    rows_.assign(kilns.size(), 0);
    for (std::size_t r = 0; r < windows.size(); ++r) {
      const StopWindow& w = windows[r];
      const std::string at = "assignments[" + std::to_string(r) + "]: kiln '" + w.kiln + "'";
      auto report = [&](const std::string& what) {
        if (problems) problems->push_back({"", w.kiln, r, at + what});
      };
      auto it = index.find(w.kiln);
      if (it == index.end()) {
        report(" is not in the kiln table");
        continue;
      }
      const Kiln& k = kilns[it->second];
      if (w.line < 1 || w.line > k.lines) {
        report(" has " + std::to_string(k.lines) + (k.lines == 1 ? " line" : " lines") + "; there is no line " +
               std::to_string(w.line));
        continue;
      }
      const std::string line = " line " + std::to_string(w.line);
      if (w.start.is_special()) {
        report(line + " has no start date");
        continue;
      }
      if (w.end.is_special()) {
        report(line + " has no end date");
        continue;
      }
      if (w.end < w.start) {
        report(line + " ends (" + iso(w.end) + ") before it starts (" + iso(w.start) + ")");
        continue;
      }
      ++rows_[it->second];
      const auto first = std::max(w.start, range_.first), last = std::min(w.end, range_.last);
      if (last < first) continue;
      char* line_days = &days_[(offset_[it->second] + static_cast<std::size_t>(w.line - 1)) * range_.days()];
      const long a = (first - range_.first).days(), b = (last - range_.first).days();
      std::fill(line_days + a, line_days + b + 1, char{1});
    }
  }

  const DateWindow& range() const { return range_; }
  std::size_t readable_rows(std::size_t kiln) const { return rows_[kiln]; }

  bool stopped(std::size_t kiln, int line, boost::gregorian::date d) const {
    if (!range_.contains(d)) return false;
    return days_[(offset_[kiln] + static_cast<std::size_t>(line - 1)) * range_.days() + (d - range_.first).days()] != 0;
  }

  int lines_stopped(std::size_t kiln, boost::gregorian::date d) const {
    int n = 0;
    for (int l = 1; l <= kilns_[kiln].lines; ++l) n += stopped(kiln, l, d) ? 1 : 0;
    return n;
  }

  bool covers(std::size_t kiln, int line, const DateWindow& w) const {
    for (auto d = w.first; d <= w.last; d += boost::gregorian::days(1))
      if (!stopped(kiln, line, d)) return false;
    return true;
  }

  // The runs of stopped days of a line, as "2019-11-01 … 2020-01-31, …".
  std::string runs(std::size_t kiln, int line) const {
    std::string s;
    for (auto d = range_.first; d <= range_.last; d += boost::gregorian::days(1)) {
      if (!stopped(kiln, line, d)) continue;
      auto e = d;
      while (e < range_.last && stopped(kiln, line, e + boost::gregorian::days(1))) e += boost::gregorian::days(1);
      s += (s.empty() ? "" : ", ") + DateWindow{d, e}.text();
      d = e;
    }
    return s;
  }

  // S_m: capacity × stopped days in the month ÷ days in the month, over every line. `line_days`,
  // when given, receives the stopped line-days of each month: whether a month has stopped kilns
  // (K5) is read from them, not from S_m, which a tiny capacity can underflow to 0.
  std::vector<double> stopped_capacity(std::vector<long>* line_days = nullptr) const {
    std::vector<double> s(season_.months(), 0.0);
    if (line_days) line_days->assign(season_.months(), 0);
    for (std::size_t k = 0; k < kilns_.size(); ++k)
      for (std::size_t m = 0; m < season_.months(); ++m) {
        const DateWindow& month = season_.month(m);
        long days = 0;
        for (int l = 1; l <= kilns_[k].lines; ++l)
          for (auto d = month.first; d <= month.last; d += boost::gregorian::days(1)) days += stopped(k, l, d) ? 1 : 0;
        // The share of the month first: capacity × days overflowed for the largest capacities.
        s[m] += kilns_[k].capacity * (static_cast<double>(days) / static_cast<double>(season_.days_in_month(m)));
        if (line_days) (*line_days)[m] += days;
      }
    return s;
  }

 private:
  span<const Kiln> kilns_;
  const KilnSeason& season_;
  DateWindow range_;
  std::vector<std::size_t> offset_;  // first line slot of each kiln
  std::vector<char> days_;           // [line slot][day]
  std::vector<std::size_t> rows_;    // readable windows per kiln
};

inline std::string batch_list(const KilnSeason& cal) {
  std::string s;
  for (std::size_t b = 0; b < cal.batches(); ++b) s += (b ? ", " : "") + cal.batch(b).name + " " + cal.window(b).text();
  return s;
}

inline std::string month_list(const KilnSeason& cal, const std::vector<std::size_t>& months) {
  std::string s;
  for (std::size_t i = 0; i < months.size(); ++i)
    s += (i == 0 ? "" : i + 1 == months.size() ? " and " : ", ") + cal.month_label(months[i]);
  return s;
}

inline std::string share_text(const KilnRules& rules, int lines) {
  if (rules.multi_line_stop_share == 0.5) return "⌈" + std::to_string(lines) + "/2⌉";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", rules.multi_line_stop_share);
  return "⌈" + std::string(buf) + "·" + std::to_string(lines) + "⌉";
}

inline KilnScheduleEvaluation evaluate(const KilnStops& stops, const KilnSeason& cal, const std::vector<double>& weight,
                                       double total) {
  KilnScheduleEvaluation e;
  const auto s = stops.stopped_capacity();
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (std::size_t m = 0; m < cal.months(); ++m) {
    e.months.push_back({cal.month_label(m), cal.month(m), weight[m], s[m], total > 0 ? s[m] / total : 0.0, {}});
    if (weight[m] > 0) {
      lo = std::min(lo, s[m] / weight[m]);
      hi = std::max(hi, s[m] / weight[m]);
    }
  }
  e.objective = lo;
  e.spread = hi - lo;
  return e;
}

// K1, K2: a one-line kiln stops over one whole batch window; K4: with its extra days. A longer
// stop is compliant. Nothing when the kiln complies.
inline std::optional<KilnViolation> one_line_violation(const KilnStops& stops, const KilnSeason& cal, std::size_t i,
                                                       const Kiln& k, const std::string& who) {
  for (std::size_t b = 0; b < cal.batches(); ++b)
    if (stops.covers(i, 1, cal.window(b))) return std::nullopt;
  const std::string runs = stops.runs(i, 1);
  if (runs.empty())
    return KilnViolation{
        "K1", k.id, KilnViolation::no_row,
        "K1: " + who + " is not stopped; a one-line kiln stops in one batch window: " + batch_list(cal)};
  std::size_t short_of = cal.batches();
  for (std::size_t b = 0; b < cal.batches() && short_of == cal.batches(); ++b)
    if (cal.includes_january(b) && cal.extension_days() > 0 && stops.covers(i, 1, cal.base_window(b))) short_of = b;
  if (short_of < cal.batches())
    return KilnViolation{"K4", k.id, KilnViolation::no_row,
                         "K4: " + who + " is stopped " + runs + "; a window that includes January stops " +
                             std::to_string(cal.extension_days()) + " more days: " + cal.batch(short_of).name + " " +
                             cal.window(short_of).text()};
  return KilnViolation{"K2", k.id, KilnViolation::no_row,
                       "K1, K2: " + who + " is stopped " + runs + ", which covers no batch window: " + batch_list(cal)};
}

// K3: at least ⌈n/2⌉ lines stopped on every day of the season; each run of days short of it,
// with the same count, is one violation.
inline void multi_line_violations(const KilnStops& stops, const KilnSeason& cal, std::size_t i, const Kiln& k,
                                  const std::string& who, std::vector<KilnViolation>& out) {
  const DateWindow whole = cal.season();
  const int need = cal.rules().lines_to_stop(k.lines);
  for (auto d = whole.first; d <= whole.last; d += boost::gregorian::days(1)) {
    const int have = stops.lines_stopped(i, d);
    if (have >= need) continue;
    auto e = d;
    while (e < whole.last && stops.lines_stopped(i, e + boost::gregorian::days(1)) == have)
      e += boost::gregorian::days(1);
    const std::string has = have == 0 ? "no line" : have == 1 ? "1 line" : std::to_string(have) + " lines";
    out.push_back({"K3", k.id, KilnViolation::no_row,
                   "K3: " + who + " has " + has + " stopped " + DateWindow{d, e}.text() + "; " +
                       share_text(cal.rules(), k.lines) + " = " + std::to_string(need) +
                       " must be stopped every day of " + whole.text()});
    d = e;
  }
}

// K5: every required month has stopped kilns (read from stopped line-days, not S_m, which a tiny
// capacity can underflow to 0).
inline void month_violations(const KilnStops& stops, const KilnSeason& cal, std::vector<KilnViolation>& out) {
  std::vector<long> line_days;
  stops.stopped_capacity(&line_days);
  for (std::size_t m : cal.required_months())
    if (line_days[m] == 0)
      out.push_back({"K5", "", KilnViolation::no_row,
                     "K5: no kiln is stopped in " + cal.month_label(m) + "; " + month_list(cal, cal.required_months()) +
                         " each need stopped kilns"});
}

}  // namespace detail

// SPEC K5 for a given schedule: each month's stopped capacity, share, the objective and spread.
// Windows that cannot be read (unknown kiln or line, missing or reversed dates) are left out;
// validate_kiln_schedule names them.
inline KilnScheduleEvaluation evaluate_kiln_schedule(span<const Kiln> kilns, span<const StopWindow> windows, int season,
                                                     const KilnScheduleOptions& options = {},
                                                     const KilnRules& rules = kiln_rules()) {
  check_kilns(kilns);
  const KilnSeason cal(season, rules, options.january_extension_days, options.extension);
  const auto weight = detail::kiln_month_weights(cal, options.month_weights);
  const detail::KilnStops stops(kilns, windows, cal, nullptr);
  return detail::evaluate(stops, cal, weight, total_capacity(kilns));
}

// SPEC K7: every violation of K1–K5 by `windows` (dates inclusive; `batch` is not read), in
// order: unreadable rows, then kilns in table order, then months. Empty when the schedule is
// valid. Throws (InvalidValue) only for a bad kiln table.
inline std::vector<KilnViolation> validate_kiln_schedule(span<const Kiln> kilns, span<const StopWindow> windows,
                                                         int season, const KilnScheduleOptions& options = {},
                                                         const KilnRules& rules = kiln_rules()) {
  check_kilns(kilns);
  const KilnSeason cal(season, rules, options.january_extension_days, options.extension);
  std::vector<KilnViolation> out;
  const detail::KilnStops stops(kilns, windows, cal, &out);
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    const Kiln& k = kilns[i];
    const std::string who = "kiln '" + k.id + "' (" + std::to_string(k.lines) + (k.lines == 1 ? " line)" : " lines)");
    if (k.lines > 1) {
      detail::multi_line_violations(stops, cal, i, k, who, out);
    } else if (auto v = detail::one_line_violation(stops, cal, i, k, who)) {
      out.push_back(std::move(*v));
    }
  }
  detail::month_violations(stops, cal, out);
  return out;
}

}  // namespace aqi
