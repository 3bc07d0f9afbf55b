#include "aqi/index/edition.hpp"

#include <algorithm>
#include <limits>

#include "detail/builtin_rules.hpp"
#include "detail/toml.hpp"

namespace aqi {

namespace detail {

// The phases of Edition::parse, in the order the file is read (schema: libaqi/rules/editions/).
struct EditionReader {
  const toml::table& root;
  const std::string& source;
  Edition& e;
  std::vector<double> levels;  // the IAQI column of the table

  static std::size_t index(Indicator i) noexcept { return static_cast<std::size_t>(i); }

  Indicator parse_key(const std::string& k, const toml::node& at) const {
    try {
      return parse_indicator(k);
    } catch (const UnknownName& err) {
      throw toml_error(source, at, err.what());
    }
  }

  // SPEC A1: the IAQI levels, from 0, increasing, 2 to 8 of them.
  void read_levels() {
    const auto& iaqi_array = require_array(root, "iaqi", source);
    for (const auto& n : iaqi_array) {
      levels.push_back(as_number(n, source, "an IAQI level"));
      if (!std::isfinite(levels.back())) throw toml_error(source, n, "an IAQI level must be a finite number");
    }
    if (levels.size() < 2 || levels.size() > max_breakpoints || levels.front() != 0)
      throw toml_error(source, iaqi_array, "'iaqi' must list 2 to 8 levels starting at 0");
    for (std::size_t k = 1; k < levels.size(); ++k)
      if (!(levels[k] > levels[k - 1])) throw toml_error(source, iaqi_array, "'iaqi' levels must increase");
  }

  // One column of concentrations: from 0, increasing, finite, at most one per level.
  BreakpointTable read_breakpoints(const toml::table& t) const {
    const auto& bps = require_array(t, "breakpoints", source);
    if (bps.size() < 2 || bps.size() > levels.size())
      throw toml_error(source, bps, "breakpoints must have 2 to " + std::to_string(levels.size()) + " values");
    BreakpointTable table;
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
    return table;
  }

  // SPEC A1 notes, A4: what a value above the top breakpoint becomes. Without `above_top`, the
  // top level (500), flagged beyond scale.
  AboveTop read_above_top(const toml::table& t) const {
    const auto* above = t.get("above_top");
    if (!above) {
      AboveTop a;
      a.value = levels.back();
      return a;
    }
    const auto* at = above->as_table();
    if (!at) throw toml_error(source, *above, "'above_top' must be a table");
    require_known_keys(*at, source, {"substitute", "value"});
    AboveTop a;
    if (at->contains("substitute")) {
      a.kind = AboveTop::Kind::substitute;
      a.substitute = parse_key(require_string(*at, "substitute", source), *above);
      a.value = std::numeric_limits<double>::quiet_NaN();
    } else {
      a.kind = AboveTop::Kind::fixed_value;
      a.value = require_number(*at, "value", source);
      if (!(a.value >= 0 && std::isfinite(a.value)))
        throw toml_error(source, require_node(*at, "value", source),
                         "'value' must be a finite IAQI ≥ 0, got " + format_number(a.value));
    }
    return a;
  }

  // Every [indicator.<key>] table; returns the aliases (`rated_as`) to resolve once all are read.
  std::vector<std::pair<Indicator, Indicator>> read_indicators(const toml::table& indicators) {
    std::vector<std::pair<Indicator, Indicator>> aliases;
    std::array<std::string_view, indicator_count> written{};  // each indicator's key as the file writes it
    for (const auto& [k, node] : indicators) {
      const Indicator ind = parse_key(std::string(k.str()), node);
      const auto* t = node.as_table();
      if (!t) throw toml_error(source, node, "indicator '" + std::string(k.str()) + "' must be a table");
      require_known_keys(*t, source, {"breakpoints", "above_top", "rated_as"});
      // Keys are read as parse_indicator reads them: pm25_24h and "PM2.5_24h" are one indicator.
      if (e.rated_[index(ind)])
        throw toml_error(source, node,
                         std::string(key(ind)) + " is given twice: as '" + std::string(written[index(ind)]) +
                             "' and as '" + std::string(k.str()) + "'");
      written[index(ind)] = k.str();
      e.rated_[index(ind)] = true;
      if (t->contains("rated_as")) {
        aliases.emplace_back(ind, parse_key(require_string(*t, "rated_as", source), *t->get("rated_as")));
        continue;
      }
      e.tables_[index(ind)] = read_breakpoints(*t);
      e.above_[index(ind)] = read_above_top(*t);
    }
    return aliases;
  }

  // HJ 633-2026 rates the 1-hour PM columns on the 24-hour tables (`rated_as`).
  void resolve_aliases(const std::vector<std::pair<Indicator, Indicator>>& aliases, const toml::table& indicators) {
    for (auto [alias, target] : aliases) {
      if (!e.rated_[index(target)] || e.tables_[index(target)].points == 0)
        throw toml_error(
            source, indicators,
            std::string(key(alias)) + " is rated_as " + std::string(key(target)) + ", which has no breakpoints");
      e.tables_[index(alias)] = e.tables_[index(target)];
      e.above_[index(alias)] = e.above_[index(target)];
    }
  }

  // HJ 633-2012 notes: a substitute must itself be rated.
  void check_substitutes(const toml::table& indicators) const {
    for (std::size_t i = 0; i < indicator_count; ++i) {
      const auto& a = e.above_[i];
      if (e.rated_[i] && a.kind == AboveTop::Kind::substitute && !e.rated_[index(a.substitute)])
        throw toml_error(source, indicators,
                         std::string(key(all_indicators[i])) + " substitutes an indicator the edition does not rate");
    }
  }

  // SPEC A3: the indicators of a report, each rated by the edition.
  std::vector<Indicator> read_report(std::string_view name) const {
    std::vector<Indicator> out;
    for (const auto& n : require_array(root, name, source)) {
      auto s = n.value<std::string>();
      if (!s) throw toml_error(source, n, "indicator keys must be strings");
      const Indicator i = parse_key(*s, n);
      if (!e.rates(i)) throw toml_error(source, n, *s + " is listed but has no breakpoints");
      out.push_back(i);
    }
    return out;
  }
};

}  // namespace detail

Edition Edition::parse(std::string_view toml_text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, source);
  require_known_keys(root, source,
                     {"id", "title", "in_force_from", "iaqi", "daily_indicators", "hourly_indicators", "indicator"});
  Edition e;
  e.id_ = require_string(root, "id", source);
  e.title_ = require_string(root, "title", source);
  e.in_force_from_ = require_date(root, "in_force_from", source);
  EditionReader reader{root, source, e, {}};
  reader.read_levels();
  const auto& indicators = require_table(root, "indicator", source);
  reader.resolve_aliases(reader.read_indicators(indicators), indicators);
  reader.check_substitutes(indicators);
  e.daily_ = reader.read_report("daily_indicators");
  e.hourly_ = reader.read_report("hourly_indicators");
  return e;
}

Edition Edition::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

const std::vector<Edition>& builtin_editions() {
  static const std::vector<Edition> editions = [] {
    auto v = detail::parse_builtin_folder<Edition>("editions/", Edition::parse);
    std::sort(v.begin(), v.end(),
              [](const Edition& a, const Edition& b) { return a.in_force_from() < b.in_force_from(); });
    return v;
  }();
  return editions;
}

std::shared_ptr<const Edition> share(const Edition& e) { return detail::share_or_copy(e, builtin_editions()); }

std::string edition_id_list() {
  std::string s;
  for (const auto& e : builtin_editions()) s += (s.empty() ? "" : ", ") + e.id();
  return s;
}

const Edition& edition(std::string_view id) {
  return detail::find_by_id(
      builtin_editions(), id, [](const Edition& e) -> const std::string& { return e.id(); }, "AQI edition");
}

}  // namespace aqi
