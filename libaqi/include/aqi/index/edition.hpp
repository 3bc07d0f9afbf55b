// An edition of the AQI regulation (HJ 633-2012, HJ 633-2026): its breakpoint tables, the notes
// on values above the top breakpoint, and which indicators the daily and hourly reports rate.
// Editions are data (SPEC A7): each is one TOML file under libaqi/rules/editions/, compiled in.
#pragma once

#include <array>
#include <cmath>
#include <ctime>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/embedded_rules.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/detail/toml.hpp"
#include "aqi/error.hpp"
#include "aqi/index/indicator.hpp"

namespace aqi {

// Daily report (日报: 24-hour means, SPEC A3) or hourly real-time report (实时报).
enum class Period : std::uint8_t { daily, hourly };

constexpr std::string_view name(Period p) noexcept { return p == Period::daily ? "daily" : "hourly"; }

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

}  // namespace detail

class Edition {
 public:
  // Parses the TOML form of libaqi/rules/editions/*.toml; `source` names it in errors.
  static Edition parse(std::string_view toml_text, const std::string& source) {
    using namespace detail;
    const toml::table root = parse_toml(toml_text, source);
    require_known_keys(root, source,
                       {"id", "title", "in_force_from", "iaqi", "daily_indicators", "hourly_indicators", "indicator"});
    Edition e;
    e.id_ = require_string(root, "id", source);
    e.title_ = require_string(root, "title", source);
    e.in_force_from_ = require_date(root, "in_force_from", source);

    std::vector<double> levels;
    const auto& iaqi_array = require_array(root, "iaqi", source);
    for (const auto& n : iaqi_array) {
      levels.push_back(as_number(n, source, "an IAQI level"));
      if (!std::isfinite(levels.back())) throw toml_error(source, n, "an IAQI level must be a finite number");
    }
    if (levels.size() < 2 || levels.size() > max_breakpoints || levels.front() != 0)
      throw toml_error(source, iaqi_array, "'iaqi' must list 2 to 8 levels starting at 0");
    for (std::size_t k = 1; k < levels.size(); ++k)
      if (!(levels[k] > levels[k - 1])) throw toml_error(source, iaqi_array, "'iaqi' levels must increase");

    const auto& indicators = require_table(root, "indicator", source);
    std::vector<std::pair<Indicator, Indicator>> aliases;
    for (const auto& [k, node] : indicators) {
      const Indicator ind = parse_key(std::string(k.str()), source, node);
      const auto* t = node.as_table();
      if (!t) throw toml_error(source, node, "indicator '" + std::string(k.str()) + "' must be a table");
      require_known_keys(*t, source, {"breakpoints", "above_top", "rated_as"});
      auto& slot = e.rated_[index(ind)];
      slot = true;
      if (t->contains("rated_as")) {
        const auto* other = t->get("rated_as");
        aliases.emplace_back(ind, parse_key(require_string(*t, "rated_as", source), source, *other));
        continue;
      }
      const auto& bps = require_array(*t, "breakpoints", source);
      auto& table = e.tables_[index(ind)];
      if (bps.size() < 2 || bps.size() > levels.size())
        throw toml_error(source, bps, "breakpoints must have 2 to " + std::to_string(levels.size()) + " values");
      table.points = bps.size();
      for (std::size_t p = 0; p < bps.size(); ++p) {
        table.concentration[p] = as_number(*bps.get(p), source, "a breakpoint");
        // An infinite top breakpoint made every IAQI above the one before it 0 (inf − inf).
        if (!std::isfinite(table.concentration[p]))
          throw toml_error(source, *bps.get(p), "a breakpoint must be a finite number");
        table.iaqi[p] = levels[p];
        if (p == 0 && table.concentration[p] != 0) throw toml_error(source, bps, "breakpoints must start at 0");
        if (p > 0 && !(table.concentration[p] > table.concentration[p - 1]))
          throw toml_error(source, bps, "breakpoints must increase");
      }
      table.finish();
      e.above_[index(ind)] = AboveTop{};
      if (const auto* above = t->get("above_top")) {
        const auto* at = above->as_table();
        if (!at) throw toml_error(source, *above, "'above_top' must be a table");
        require_known_keys(*at, source, {"substitute", "value"});
        AboveTop a;
        if (at->contains("substitute")) {
          a.kind = AboveTop::Kind::substitute;
          a.substitute = parse_key(require_string(*at, "substitute", source), source, *above);
          a.value = std::numeric_limits<double>::quiet_NaN();
        } else {
          a.kind = AboveTop::Kind::fixed_value;
          a.value = require_number(*at, "value", source);
          if (!(a.value >= 0 && std::isfinite(a.value)))
            throw toml_error(source, require_node(*at, "value", source),
                             "'value' must be a finite IAQI ≥ 0, got " + format_number(a.value));
        }
        e.above_[index(ind)] = a;
      } else {
        e.above_[index(ind)].value = levels.back();  // SPEC A4: 500, flagged
      }
    }
    for (auto [alias, target] : aliases) {
      if (!e.rated_[index(target)] || e.tables_[index(target)].points == 0)
        throw toml_error(
            source, indicators,
            std::string(key(alias)) + " is rated_as " + std::string(key(target)) + ", which has no breakpoints");
      e.tables_[index(alias)] = e.tables_[index(target)];
      e.above_[index(alias)] = e.above_[index(target)];
    }
    for (std::size_t i = 0; i < indicator_count; ++i) {
      const auto& a = e.above_[i];
      if (e.rated_[i] && a.kind == AboveTop::Kind::substitute && !e.rated_[index(a.substitute)])
        throw toml_error(source, indicators,
                         std::string(key(all_indicators[i])) + " substitutes an indicator the edition does not rate");
    }
    e.daily_ = read_list(root, "daily_indicators", source, e);
    e.hourly_ = read_list(root, "hourly_indicators", source, e);
    return e;
  }

  static Edition load(const std::string& path) { return parse(detail::read_text_file(path), path); }

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
  static std::size_t index(Indicator i) noexcept { return static_cast<std::size_t>(i); }

  static Indicator parse_key(const std::string& k, const std::string& source, const toml::node& at) {
    try {
      return parse_indicator(k);
    } catch (const UnknownName& e) {
      throw detail::toml_error(source, at, e.what());
    }
  }

  static std::vector<Indicator> read_list(const toml::table& root, std::string_view name, const std::string& source,
                                          const Edition& e) {
    std::vector<Indicator> out;
    for (const auto& n : detail::require_array(root, name, source)) {
      auto s = n.value<std::string>();
      if (!s) throw detail::toml_error(source, n, "indicator keys must be strings");
      const Indicator i = parse_key(*s, source, n);
      if (!e.rates(i)) throw detail::toml_error(source, n, *s + " is listed but has no breakpoints");
      out.push_back(i);
    }
    return out;
  }

  std::string id_;
  std::string title_;
  boost::gregorian::date in_force_from_;
  std::array<bool, indicator_count> rated_{};
  std::array<detail::BreakpointTable, indicator_count> tables_{};
  std::array<AboveTop, indicator_count> above_{};
  std::vector<Indicator> daily_;
  std::vector<Indicator> hourly_;
};

// The editions libaqi ships, oldest first. They are immutable and built once on first use
// (thread-safe static initialisation); nothing about them can change afterwards.
inline const std::vector<Edition>& builtin_editions() {
  static const std::vector<Edition> editions = [] {
    std::vector<Edition> v;
    for (std::string_view file : {"editions/hj633-2012.toml", "editions/hj633-2026.toml"})
      v.push_back(Edition::parse(detail::embedded_rule_file(file), "libaqi/rules/" + std::string(file)));
    return v;
  }();
  return editions;
}

inline std::string edition_id_list() {
  std::string s;
  for (const auto& e : builtin_editions()) s += (s.empty() ? "" : ", ") + e.id();
  return s;
}

// "hj633-2012" or "hj633-2026"; throws UnknownName naming the valid ids.
inline const Edition& edition(std::string_view id) {
  for (const auto& e : builtin_editions())
    if (e.id() == id) return e;
  throw UnknownName("unknown AQI edition '" + std::string(id) + "'; expected one of: " + edition_id_list());
}

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
