// An edition of the AQI regulation (HJ 633-2012, HJ 633-2026): its breakpoint tables, the notes
// on values above the top breakpoint, and which indicators the daily and hourly reports rate.
// Editions are data (SPEC A7): each is one TOML file under libaqi/rules/editions/, compiled in.
#pragma once

#include <array>
#include <cmath>
#include <ctime>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/ascii.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/error.hpp"
#include "aqi/index/indicator.hpp"

namespace aqi {

// Daily report (日报: 24-hour means, SPEC A3) or hourly real-time report (实时报).
enum class Period : std::uint8_t { daily, hourly };

constexpr std::string_view name(Period p) noexcept { return p == Period::daily ? "daily" : "hourly"; }

// The report's name in HJ 633: 日报, 实时报.
constexpr std::string_view name_zh(Period p) noexcept { return p == Period::daily ? "日报" : "实时报"; }

// "daily" or "hourly" (any case), 日报 or 实时报; throws InvalidArgument otherwise.
inline Period parse_period(std::string_view text) {
  for (Period p : {Period::daily, Period::hourly})
    if (detail::same_name(text, name(p)) || text == name_zh(p)) return p;
  throw InvalidArgument("period must be 'daily' or 'hourly', got '" + std::string(text) + "'");
}

// The report a set of columns is for when the caller does not say: hourly when a 1-hour column
// other than O3's is given (o3_1h is also a daily indicator under HJ 633-2012, SPEC A3), else daily.
template <class Indicators>
Period default_period(const Indicators& columns) noexcept {
  for (Indicator i : columns)
    if (averaging_hours(i) == 1 && i != Indicator::o3_1h) return Period::hourly;
  return Period::daily;
}

// What a concentration above the top breakpoint becomes (SPEC A1 notes, A4).
struct AboveTop {
  enum class Kind : std::uint8_t {
    beyond_scale,  // IAQI 500, flagged "beyond scale" (A4)
    substitute,    // not rated; the pollutant's IAQI comes from another indicator (2012 notes)
    fixed_value,   // a fixed IAQI (2026 notes b, c)
  };
  Kind kind = Kind::beyond_scale;
  Indicator substitute = Indicator::so2_24h;  // for Kind::substitute
  double value = 500;                         // for Kind::fixed_value and beyond_scale
};

// The name()/parse_above_top_kind() pair: "beyond_scale", "substitute", "fixed_value".
constexpr std::string_view name(AboveTop::Kind k) noexcept {
  constexpr std::array<std::string_view, 3> names{"beyond_scale", "substitute", "fixed_value"};
  return names[static_cast<std::size_t>(k)];
}

inline AboveTop::Kind parse_above_top_kind(std::string_view text) {
  for (auto k : {AboveTop::Kind::beyond_scale, AboveTop::Kind::substitute, AboveTop::Kind::fixed_value})
    if (detail::same_name(text, name(k))) return k;
  throw UnknownName("unknown above-top rule '" + std::string(text) +
                    "'; expected one of: beyond_scale, substitute, fixed_value");
}

// The rule in a few words: "beyond_scale", "value 200", "substitute so2_24h".
inline std::string describe(const AboveTop& a) {
  switch (a.kind) {
    case AboveTop::Kind::substitute:
      return "substitute " + std::string(key(a.substitute));
    case AboveTop::Kind::fixed_value:
      return "value " + detail::format_number(a.value);
    case AboveTop::Kind::beyond_scale:
      break;
  }
  return "beyond_scale";
}

namespace detail {

inline constexpr std::size_t max_breakpoints = 8;
inline constexpr std::size_t max_segments = max_breakpoints - 1;

// One column of the breakpoint table, also kept in the form the vectorised kernel wants:
// IAQI(c) = sum_k slope[k] * clamp(c - lo[k], 0, width[k]), padded to max_segments with zero
// widths so every column runs the same fixed-length loop.
struct BreakpointTable {
  std::size_t points = 0;
  std::array<double, max_breakpoints> concentration{};
  std::array<double, max_breakpoints> iaqi{};
  std::array<double, max_segments> lo{};
  std::array<double, max_segments> width{};
  std::array<double, max_segments> slope{};
  double top = 0;  // highest rated concentration

  void finish() {
    top = concentration[points - 1];
    for (std::size_t k = 0; k < max_segments; ++k) {
      if (k + 1 < points) {
        lo[k] = concentration[k];
        width[k] = concentration[k + 1] - concentration[k];
        slope[k] = (iaqi[k + 1] - iaqi[k]) / width[k];
      } else {
        lo[k] = top;
        width[k] = 0;
        slope[k] = 0;
      }
    }
  }
};

struct EditionReader;  // the phases of Edition::parse (src/index/edition.cpp)

}  // namespace detail

class Edition {
 public:
  // Parses the TOML form of libaqi/rules/editions/*.toml; `source` names it in errors.
  static Edition parse(std::string_view toml_text, const std::string& source);

  static Edition load(const std::string& path);

  const std::string& id() const noexcept { return id_; }
  const std::string& title() const noexcept { return title_; }
  boost::gregorian::date in_force_from() const noexcept { return in_force_from_; }

  bool rates(Indicator i) const noexcept { return rated_[index(i)]; }

  // Throws UnknownName when the edition does not rate `i` (pm25_1h under HJ 633-2012).
  const detail::BreakpointTable& table(Indicator i) const {
    require_rated(i);
    return tables_[index(i)];
  }
  const AboveTop& above_top(Indicator i) const {
    require_rated(i);
    return above_[index(i)];
  }

  void require_rated(Indicator i) const {
    if (!rated_[index(i)]) throw UnknownName(std::string(key(i)) + " is not rated by " + id_);
  }

  // The indicators of the daily (SPEC A3) or hourly report.
  const std::vector<Indicator>& indicators(Period p) const noexcept { return p == Period::daily ? daily_ : hourly_; }

 private:
  friend struct detail::EditionReader;

  static std::size_t index(Indicator i) noexcept { return static_cast<std::size_t>(i); }

  std::string id_;
  std::string title_;
  boost::gregorian::date in_force_from_;
  std::array<bool, indicator_count> rated_{};
  std::array<detail::BreakpointTable, indicator_count> tables_{};
  std::array<AboveTop, indicator_count> above_{};
  std::vector<Indicator> daily_;
  std::vector<Indicator> hourly_;
};

// A shared handle for results that refer to an edition (an AqiTable): a built-in edition is
// aliased (it lives for the program), any other copied — the caller's may be a temporary.
std::shared_ptr<const Edition> share(const Edition& edition);

// The editions libaqi ships, oldest first. They are immutable and built once on first use
// (thread-safe static initialisation); nothing about them can change afterwards.
const std::vector<Edition>& builtin_editions();

std::string edition_id_list();

// "hj633-2012" or "hj633-2026"; throws UnknownName naming the valid ids.
const Edition& edition(std::string_view id);

inline const Edition& hj633_2012() { return edition("hj633-2012"); }
inline const Edition& hj633_2026() { return edition("hj633-2026"); }

// SPEC A7: the edition in force on a date. Dates before the oldest edition's date take the
// oldest edition (historical data sets are all under HJ 633-2012).
inline const Edition& edition_in_force(boost::gregorian::date day) {
  const auto& all = builtin_editions();
  const Edition* found = &all.front();
  for (const auto& e : all)
    if (e.in_force_from() <= day) found = &e;
  return *found;
}

// Today's date in China Standard Time (UTC+8, no daylight saving).
inline boost::gregorian::date today_in_china() {
  const std::time_t now = std::time(nullptr) + 8 * 3600;
  return boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(static_cast<long>(now / 86400));
}

// SPEC A7: undated calls default to the edition in force now.
inline const Edition& current_edition() { return edition_in_force(today_in_china()); }

}  // namespace aqi
