// The calendar of a brick-kiln rotation season (SPEC K1, K2, K4, K6): its months, the batch
// windows of one-line kilns with the Spring Festival allowance, and how much of each month a
// window covers. The plan's rules are data (a plan's kilns.toml, libaqi/rules/plans/<plan>/); the
// season's year is a parameter and month lengths and leap years come from the Gregorian calendar.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/dates.hpp"
#include "aqi/detail/keys.hpp"
#include "aqi/error.hpp"

namespace aqi {

namespace detail {

// K5 weights are relative. Positive weights further apart than this make the LP of the K5 bound
// so badly scaled that GLPK aborts the process (it did on 1e308 beside 5e-324), so they are
// refused; a month that does not matter takes weight 0.
inline constexpr double max_month_weight_ratio = 1e6;

// Empty when the positive weights lie within max_month_weight_ratio of each other, else why not.
inline std::string month_weight_spread_problem(const std::vector<double>& w) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (double x : w)
    if (x > 0) {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  if (!(hi > 0) || hi <= lo * max_month_weight_ratio) return {};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%g and %g", lo, hi);
  return "positive month weights must lie within a factor of 10^6 of each other (got " + std::string(buf) +
         "); weights are relative: give 0 to a month that does not count (SPEC K5)";
}

}  // namespace detail

// A batch of one-line kilns (K1): `months` whole calendar months from `first_month`.
struct KilnBatch {
  std::string name;     // "B1"
  std::string name_zh;  // "第一批"
  int first_month = 10;
  int months = 3;
};

// K4: where the extra days of a window that includes January go. The plan says only 多停7天;
// SPEC K4 decides "after the window's end" and makes it configurable.
enum class ExtensionPlacement : std::uint8_t { after_end, before_start };

inline constexpr std::array<std::string_view, 2> extension_placement_keys{"after_end", "before_start"};

constexpr std::string_view name(ExtensionPlacement p) noexcept {
  return extension_placement_keys[static_cast<std::size_t>(p)];
}

// Throws UnknownName "unknown extension placement 'x'; expected after_end or before_start".
inline ExtensionPlacement parse_extension_placement(std::string_view text) {
  return static_cast<ExtensionPlacement>(detail::parse_key(extension_placement_keys, text, "extension placement"));
}

// A plan's kiln rules (libaqi/rules/kilns/<id>.toml).
struct KilnRules {
  std::string id;
  std::string document;
  std::string quote_zh;
  int season_first_month = 10;  // 秋冬季: 1 October …
  int season_months = 6;        // … 31 March
  std::vector<KilnBatch> batches;
  int january_extension_days = 7;
  double multi_line_stop_share = 0.5;
  std::vector<int> required_months;   // calendar months that must have stopped kilns (K5)
  std::vector<double> month_weights;  // default K5 weights, season order

  // K3 with E6: a share of n lines is ⌈share·n⌉ lines (a required cut is never rounded down).
  // The small tolerance keeps 0.5·4 = 2 from becoming 3 through a floating-point artefact.
  int lines_to_stop(int lines) const { return static_cast<int>(std::ceil(multi_line_stop_share * lines - 1e-9)); }

  // Season month index (0 = the season's first month) of a calendar month, or -1.
  int season_index(int calendar_month) const {
    const int i = (calendar_month - season_first_month + 12) % 12;
    return i < season_months ? i : -1;
  }

  static KilnRules parse(std::string_view toml_text, const std::string& source);

  static KilnRules load(const std::string& path);
};

// The kiln rules libaqi ships, by id ("yiyuan-2019"); built once, immutable.
const KilnRules& kiln_rules(std::string_view id = "yiyuan-2019");

// A shared handle for results that refer to rules: a built-in plan's rules aliased, any other copied.
std::shared_ptr<const KilnRules> share(const KilnRules& rules);

namespace detail {
// Empty when rules built in code hold what KilnRules::parse checks (and KilnSeason relies on: a
// batch outside the season indexed a month before the first), else what is wrong.
inline std::string kiln_rules_problem(const KilnRules& r) {
  auto month = [](int m) { return m >= 1 && m <= 12; };
  if (!month(r.season_first_month)) return "season_first_month must be 1 to 12";
  if (r.season_months < 1 || r.season_months > 12) return "season_months must be 1 to 12";
  if (r.batches.empty()) return "at least one batch is required";
  for (const auto& b : r.batches) {
    const int start = month(b.first_month) ? r.season_index(b.first_month) : -1;
    if (b.months < 1 || start < 0 || start + b.months > r.season_months)
      return "batch " + b.name + " does not lie within the season";
  }
  if (r.january_extension_days < 0 || r.january_extension_days > 92) return "january_extension_days must be 0 to 92";
  if (!(r.multi_line_stop_share > 0 && r.multi_line_stop_share <= 1)) return "multi_line_stop_share must be in (0, 1]";
  for (int m : r.required_months)
    if (!month(m) || r.season_index(m) < 0)
      return "required month " + std::to_string(m) + " is not a month of the season";
  return {};
}
}  // namespace detail

// Inclusive dates, as schedules are published ("11月1日至1月31日").
struct DateWindow {
  boost::gregorian::date first;
  boost::gregorian::date last;
  long days() const { return (last - first).days() + 1; }
  bool contains(boost::gregorian::date d) const { return first <= d && d <= last; }
  std::string text() const { return detail::iso(first) + " … " + detail::iso(last); }
};

// Days of [a.first, a.last] ∩ [b.first, b.last].
inline long overlap_days(const DateWindow& a, const DateWindow& b) {
  const auto f = std::max(a.first, b.first);
  const auto l = std::min(a.last, b.last);
  return l < f ? 0 : (l - f).days() + 1;
}

namespace detail {
// K4: the extra days a window that includes January stops; nullopt takes the rules'. The
// message names Python's None as well: std::nullopt reads the same way.
inline int january_extension(std::optional<int> days, const KilnRules& rules) {
  if (!days) return rules.january_extension_days;
  if (*days < 0)
    throw InvalidArgument("january_extension_days must be 0 to 92 (None: the rules' " +
                          std::to_string(rules.january_extension_days) + "), got " + std::to_string(*days));
  if (*days > 92)
    throw InvalidArgument("january_extension_days must be at most 92 (got " + std::to_string(*days) + ")");
  return *days;
}
}  // namespace detail

// One season (K6: the year it starts in) under a rule set and the K4 choices. The season shares
// its rules (a built-in plan's aliased, others copied): it never refers to rules its caller may
// destroy.
class KilnSeason {
 public:
  // extension_days: K4's extra days, 0 to 92; nullopt takes the rules' (7).
  explicit KilnSeason(int year, const KilnRules& rules = kiln_rules(), std::optional<int> extension_days = std::nullopt,
                      ExtensionPlacement placement = ExtensionPlacement::after_end)
      : rules_(share(rules)), year_(year), placement_(placement) {
    if (const std::string p = detail::kiln_rules_problem(rules); !p.empty())
      throw InvalidArgument("kiln rules " + rules.id + ": " + p);
    if (year < 1901 || year > 9998)
      throw InvalidArgument("season must be the year the season starts in, e.g. 2019 (got " + std::to_string(year) +
                            ")");
    extension_days_ = detail::january_extension(extension_days, rules);
    for (int m = 0; m < rules.season_months; ++m) {
      const int zero_based = rules.season_first_month - 1 + m;
      const boost::gregorian::date first(year + zero_based / 12, zero_based % 12 + 1, 1);
      months_.push_back({first, first.end_of_month()});
    }
    for (const auto& b : rules.batches) add_batch(b);
    for (int m : rules.required_months) required_.push_back(static_cast<std::size_t>(rules.season_index(m)));
  }

  const KilnRules& rules() const noexcept { return *rules_; }
  const std::shared_ptr<const KilnRules>& shared_rules() const noexcept { return rules_; }
  int year() const noexcept { return year_; }
  int extension_days() const noexcept { return extension_days_; }
  ExtensionPlacement placement() const noexcept { return placement_; }

  // The season: 1 October … 31 March under the Yiyuan rules.
  DateWindow season() const { return {months_.front().first, months_.back().last}; }

  std::size_t months() const noexcept { return months_.size(); }
  const DateWindow& month(std::size_t m) const { return months_[m]; }
  long days_in_month(std::size_t m) const { return months_[m].days(); }
  // "2019-10"
  std::string month_label(std::size_t m) const { return detail::iso(months_[m].first).substr(0, 7); }
  // Season month indices that must have stopped kilns (K5).
  const std::vector<std::size_t>& required_months() const noexcept { return required_; }

  std::size_t batches() const noexcept { return windows_.size(); }
  const KilnBatch& batch(std::size_t b) const { return rules_->batches[b]; }
  // K1 with K4: the stop window of batch b, extension included.
  const DateWindow& window(std::size_t b) const { return windows_[b]; }
  // K1 alone: whole calendar months.
  const DateWindow& base_window(std::size_t b) const { return base_[b]; }
  bool includes_january(std::size_t b) const { return january_[b]; }

  // K5: the share of month m a stop window covers (days stopped ÷ days in the month).
  double coverage(const DateWindow& w, std::size_t m) const {
    return static_cast<double>(overlap_days(w, months_[m])) / static_cast<double>(days_in_month(m));
  }

 private:
  // K1 with K4: batch b's whole months, and its window with the January extension.
  void add_batch(const KilnBatch& b) {
    const int i = rules_->season_index(b.first_month);
    const DateWindow base{months_[i].first, months_[i + b.months - 1].last};
    bool january = false;
    for (int k = 0; k < b.months; ++k) january = january || months_[i + k].first.month() == 1;
    DateWindow w = base;
    if (january && placement_ == ExtensionPlacement::after_end) {
      if (detail::days_left(w.last) < extension_days_)
        throw InvalidArgument("season " + std::to_string(year_) + ": batch " + b.name +
                              " with the January extension (K4) runs past 9999-12-31, the last date libaqi handles");
      w.last += boost::gregorian::days(extension_days_);
    }
    if (january && placement_ == ExtensionPlacement::before_start) w.first -= boost::gregorian::days(extension_days_);
    base_.push_back(base);
    windows_.push_back(w);
    january_.push_back(january);
  }

  std::shared_ptr<const KilnRules> rules_;
  int year_;
  int extension_days_ = 0;
  ExtensionPlacement placement_;
  std::vector<DateWindow> months_;
  std::vector<DateWindow> base_;
  std::vector<DateWindow> windows_;
  std::vector<bool> january_;
  std::vector<std::size_t> required_;
};

// A K5 weight given for a calendar month (1–12) or a season month by its label ("2019-12").
struct MonthWeight {
  std::variant<int, std::string> month;
  double weight = 0;
};

// Season-ordered K5 weights from weights given by month: months left out weigh 0, a month given
// twice takes the later weight. Throws UnknownName naming a month that is not of the season.
inline std::vector<double> weights_by_month(const KilnSeason& season, const std::vector<MonthWeight>& given) {
  std::vector<double> out(season.months(), 0.0);
  for (const auto& g : given) {
    std::optional<std::size_t> at;
    std::string shown;
    if (const int* m = std::get_if<int>(&g.month)) {
      shown = std::to_string(*m);
      for (std::size_t k = 0; k < season.months() && !at; ++k)
        if (season.month(k).first.month() == *m) at = k;
    } else {
      const std::string& label = std::get<std::string>(g.month);
      shown = "'" + label + "'";
      for (std::size_t k = 0; k < season.months() && !at; ++k)
        if (season.month_label(k) == label) at = k;
    }
    if (!at)
      throw UnknownName("month_weights: " + shown + " is not a month of season " + std::to_string(season.year()) +
                        " (" + season.month_label(0) + " … " + season.month_label(season.months() - 1) +
                        "); use 1–12 or 'YYYY-MM'");
    out[*at] = g.weight;
  }
  return out;
}

}  // namespace aqi
