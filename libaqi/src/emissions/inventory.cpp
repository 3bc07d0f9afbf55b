#include "aqi/emissions/inventory.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

namespace {

using detail::CsvTable;

template <std::size_t N>
std::size_t inventory_key(const CsvTable& t, std::size_t r, std::size_t c, const std::array<std::string_view, N>& keys,
                          std::string_view rule) {
  const std::string& s = t.text(r, c);
  for (std::size_t k = 0; k < N; ++k)
    if (keys[k] == s) return k;
  t.fail(r, c,
         "'" + s + "' is not one of: " + detail::key_list(keys, ", ") +
             (rule.empty() ? "" : " (SPEC " + std::string(rule) + ")"));
}

bool inventory_flag(const CsvTable& t, std::size_t r, std::size_t c, bool required, std::string_view why) {
  const std::string& s = t.text(r, c);
  if (s == "1") return true;
  if (s == "0") return false;
  if (s.empty() && !required) return false;
  t.fail(r, c, s.empty() ? "a value is required: 0 or 1" + std::string(why) : "must be 0 or 1, got '" + s + "'");
}

constexpr std::array<std::string_view, 14> required_columns{
    "id",  "name", "kind", "industry",           "grade",    "lines",   "so2",
    "nox", "pm",   "vocs", "protected_max_load", "excluded", "low_nox", "cost"};
constexpr std::array<std::string_view, 9> optional_columns{"line_capacity", "vehicle", "standard",
                                                           "trips_per_day", "exempt",  "built_up",
                                                           "black_smoke",   "dust",    "voluntary_cut"};

// Every column of the header is one of the schema's or the analyst's own (x_…).
void check_header(const CsvTable& t) {
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string& h = t.header[c];
    const bool known = std::find(required_columns.begin(), required_columns.end(), h) != required_columns.end() ||
                       std::find(optional_columns.begin(), optional_columns.end(), h) != optional_columns.end() ||
                       h.rfind("x_", 0) == 0;
    if (!known)
      throw ParseError(
          t.file, 1, c + 1,
          "unknown column '" + h + "' (name your own columns x_…; see docs/emissions.md for the inventory's columns)");
  }
}

// The inventory CSV read row by row into an Inventory, one phase per group of columns; every bad
// cell fails naming file:line:column and the column.
class InventoryReader {
 public:
  explicit InventoryReader(const CsvTable& t) : t_(t) {
    check_header(t);
    for (std::size_t k = 0; k < required_columns.size(); ++k) col_[k] = t.column(required_columns[k]);
    for (std::size_t k = 0; k < optional_columns.size(); ++k) opt_[k] = t.find_column(optional_columns[k]);
  }

  Inventory read() {
    const std::size_t n = t_.size();
    inv_.file = t_.file;
    inv_.emissions.resize(static_cast<Eigen::Index>(n), emission_pollutant_count);
    inv_.share_begin.reserve(n + 1);
    inv_.share_begin.push_back(0);
    seen_.reserve(n);
    for (std::size_t r = 0; r < n; ++r) {
      read_identity(r);
      read_grade(r);
      read_lines(r);
      read_emissions(r);
      read_enterprise_fields(r);
      read_fleet(r);
      read_dust(r);
      read_voluntary_cut(r);
    }
    return std::move(inv_);
  }

 private:
  enum Required : std::size_t {
    id,
    name,
    kind,
    industry,
    grade,
    lines,
    so2,
    nox,
    pm,
    vocs,
    protected_load,
    excluded,
    low_nox,
    cost
  };
  enum Optional : std::size_t { capacity, vehicle, standard, trips, exempt, built_up, black_smoke, dust, voluntary };

  std::size_t at(Required c) const { return col_[c]; }
  const std::optional<std::size_t>& at(Optional c) const { return opt_[c]; }
  bool blank(std::size_t r, Optional c) const { return !opt_[c] || t_.text(r, *opt_[c]).empty(); }
  // The column a kind of row needs (fleet rows: vehicle …), or a ParseError naming it.
  std::size_t need(std::size_t r, Optional c, std::string_view what) const {
    if (!opt_[c])
      throw ParseError(
          t_.file, t_.row_line[r], 0,
          std::string(what) + " rows need column '" + std::string(optional_columns[c]) + "' (see docs/emissions.md)");
    return *opt_[c];
  }

  // id (unique), name, line; kind, industry and the E2 exclusion.
  void read_identity(std::size_t r) {
    const std::string& id_text = t_.text(r, at(id));
    if (id_text.empty()) t_.fail(r, at(id), "a value is required");
    if (auto [it, fresh] = seen_.emplace(id_text, r); !fresh)
      t_.fail(r, at(id),
              "duplicate id '" + id_text + "' (first on line " + std::to_string(t_.row_line[it->second]) + ")");
    inv_.id.push_back(id_text);
    inv_.name.push_back(t_.text(r, at(name)));
    inv_.line.push_back(t_.row_line[r]);
    inv_.kind.push_back(static_cast<SourceKind>(inventory_key(t_, r, at(kind), source_kind_keys, "")));
    Industry ind = Industry::other;
    try {
      ind = parse_industry(t_.text(r, at(industry)));
    } catch (const UnknownName&) {
      t_.fail(r, at(industry),
              "unknown industry '" + t_.text(r, at(industry)) + "'; expected one of: " + industry_key_list());
    }
    inv_.industry.push_back(ind);
    inv_.excluded.push_back(static_cast<Exclusion>(inventory_key(t_, r, at(excluded), exclusion_keys, "E2")));
  }

  // SPEC E3, E11: A, B, B-, C, D for (and only for) an enterprise of a graded key industry, unless
  // excluded (E2); leading / non_leading (or empty) for an ungraded key industry; else empty.
  void read_grade(std::size_t r) {
    const std::string& text = t_.text(r, at(grade));
    const SourceKind k = inv_.kind.back();
    const Industry ind = inv_.industry.back();
    Grade g = Grade::none;
    try {
      g = parse_grade(text);
    } catch (const InvalidArgument& e) {
      t_.fail(r, at(grade), e.what());
    }
    if (k != SourceKind::enterprise && g != Grade::none)
      t_.fail(r, at(grade), "grade " + text + " on a " + std::string(key(k)) + " row: grades are for enterprises");
    if (k == SourceKind::enterprise && g != Grade::none && !is_graded(ind) && !grade_fits(ind, g))
      t_.fail(r, at(grade),
              "grade " + text + " on " + std::string(key(ind)) +
                  (industry_class(ind) == IndustryClass::ungraded_key
                       ? ", an ungraded key industry: leading (引领性), non_leading (非引领性) or empty (SPEC E11)"
                       : ", which is not a graded industry (SPEC E3)"));
    if (k == SourceKind::enterprise && g == Grade::none && is_graded(ind) && inv_.excluded.back() == Exclusion::none)
      t_.fail(r, at(grade), std::string(key(ind)) + " is a graded key industry: grade A, B, C or D required (SPEC E3)");
    if (k == SourceKind::enterprise && g != Grade::none && is_graded(ind) && !grade_fits(ind, g))
      t_.fail(r, at(grade),
              "grade " + text + " on " + std::string(key(ind)) +
                  ", a graded key industry: A, B, B-, C or D (SPEC E3, E11)");
    inv_.grade.push_back(g);
  }

  // SPEC E11: what an A or 引领性 enterprise commits voluntarily, a fraction of its activity 0-1;
  // empty = nothing. Refused on any other row: the others take the ordered measure.
  void read_voluntary_cut(std::size_t r) {
    double v = std::numeric_limits<double>::quiet_NaN();
    if (!blank(r, voluntary)) {
      v = t_.number(r, *at(voluntary));
      if (!(v >= 0 && v <= 1))
        t_.fail(r, *at(voluntary), detail::format_number(v) + " is outside 0-1 (a fraction of activity, SPEC E11)");
      if (inv_.kind.back() != SourceKind::enterprise || !is_exempt_grade(inv_.grade.back()))
        t_.fail(r, *at(voluntary),
                "a voluntary cut is for enterprises of grade A or leading (引领性), which take no ordered measure "
                "(SPEC E11); grade '" +
                    t_.text(r, at(grade)) + "' takes the measure of its grade");
    }
    if (opt_[voluntary]) inv_.voluntary_cut.push_back(v);
  }

  // E6: the lines and their shares of the baseline, smallest first (equal lines: 1/n each).
  void read_lines(std::size_t r) {
    const long long n = t_.integer(r, at(lines));
    if (n < 1) t_.fail(r, at(lines), "must be a whole number ≥ 1, got " + std::to_string(n));
    if (n > 100000) t_.fail(r, at(lines), std::to_string(n) + " lines: at most 100000");
    inv_.lines.push_back(static_cast<int>(n));
    const std::size_t share_at = inv_.line_share.size();
    if (!blank(r, capacity)) {
      const std::string& s = t_.text(r, *at(capacity));
      const std::vector<double> cap = line_capacities(r, s, n);
      double total = 0;
      for (double v : cap) total += v;
      // An infinite total made every share 0: the lines' cuts silently counted for nothing.
      if (!std::isfinite(total))
        t_.fail(r, *at(capacity), "line capacities sum to more than a double can hold; write them in a larger unit");
      for (double v : cap) inv_.line_share.push_back(v / total);
      inv_.line_capacity.push_back(s);
    } else {
      inv_.line_share.insert(inv_.line_share.end(), static_cast<std::size_t>(n), 1.0 / static_cast<double>(n));
      inv_.line_capacity.emplace_back();
    }
    inv_.share_begin.push_back(share_at + static_cast<std::size_t>(n));
  }

  // "a;b;c": one positive capacity per line, sorted smallest first.
  std::vector<double> line_capacities(std::size_t r, const std::string& s, long long n) const {
    std::vector<double> cap;
    std::size_t from = 0;
    for (;;) {
      const std::size_t to = std::min(s.find(';', from), s.size());
      const std::string part = s.substr(from, to - from);
      double v = 0;
      const char* b = part.data();
      auto [p, ec] = std::from_chars(b, b + part.size(), v);
      if (part.empty() || ec != std::errc() || p != b + part.size() || !std::isfinite(v))
        t_.fail(r, *at(capacity), "'" + part + "' is not a number (write capacities as a;b;c)");
      if (!(v > 0)) t_.fail(r, *at(capacity), "line capacities must be > 0, got " + detail::format_number(v));
      cap.push_back(v);
      if (to == s.size()) break;
      from = to + 1;
    }
    if (cap.size() != static_cast<std::size_t>(n))
      t_.fail(r, *at(capacity),
              std::to_string(cap.size()) + " capacities for " + std::to_string(n) + " lines (SPEC E6)");
    std::sort(cap.begin(), cap.end());
    return cap;
  }

  void read_emissions(std::size_t r) {
    const std::array<std::size_t, emission_pollutant_count> pcol{at(so2), at(nox), at(pm), at(vocs)};
    for (std::size_t p = 0; p < emission_pollutant_count; ++p) {
      const double v = t_.number(r, pcol[p], /*allow_missing=*/false);
      if (v < 0) t_.fail(r, pcol[p], "negative emission " + detail::format_number(v) + " (t/day must be ≥ 0)");
      inv_.emissions(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(p)) = v;
    }
  }

  // E7 approved maximum load, E4 ⑧ low-NOx retrofit, E10 cost.
  void read_enterprise_fields(std::size_t r) {
    const SourceKind k = inv_.kind.back();
    const double load = t_.number(r, at(protected_load));
    if (!std::isnan(load) && !(load >= 0 && load <= 1))
      t_.fail(r, at(protected_load), detail::format_number(load) + " is outside 0-1 (approved maximum load, SPEC E7)");
    if (!std::isnan(load) && k != SourceKind::enterprise)
      t_.fail(r, at(protected_load), "a protected maximum load applies to enterprises only (SPEC E7)");
    inv_.protected_max_load.push_back(load);
    const bool gas_boiler = k == SourceKind::enterprise && inv_.industry.back() == Industry::gas_boiler;
    inv_.low_nox.push_back(inventory_flag(t_, r, at(low_nox), gas_boiler && inv_.excluded.back() == Exclusion::none,
                                          " for a gas boiler (SPEC E4 ⑧)"));
    const double c = t_.number(r, at(cost));
    if (!std::isnan(c) && c < 0) t_.fail(r, at(cost), "negative cost " + detail::format_number(c));
    inv_.cost.push_back(c);
  }

  // E8: a fleet's vehicle, stage, trips, exemption and flags; neutral values on other rows.
  void read_fleet(std::size_t r) {
    Vehicle v = Vehicle::none;
    int stage = -1;
    double trips_value = std::numeric_limits<double>::quiet_NaN();
    FleetExemption exemption = FleetExemption::none;
    bool in_built_up = false, smoking = false;
    if (inv_.kind.back() == SourceKind::fleet) {
      const std::size_t cv = need(r, vehicle, "fleet");
      if (t_.text(r, cv).empty()) t_.fail(r, cv, "a value is required for a fleet: heavy_truck or non_road (SPEC E8)");
      v = static_cast<Vehicle>(inventory_key(t_, r, cv, vehicle_keys, "E8"));
      const std::size_t cs = need(r, standard, "fleet");
      const long long st = t_.integer(r, cs);
      if (st < 0 || st > 6) t_.fail(r, cs, "China emission stage must be 0-6, got " + std::to_string(st));
      stage = static_cast<int>(st);
      trips_value = read_trips(r, v);
      if (at(exempt))
        exemption = static_cast<FleetExemption>(inventory_key(t_, r, *at(exempt), fleet_exemption_keys, "E8"));
      if (at(built_up)) in_built_up = inventory_flag(t_, r, *at(built_up), false, "");
      if (at(black_smoke)) smoking = inventory_flag(t_, r, *at(black_smoke), false, "");
      if (smoking && v != Vehicle::non_road)
        t_.fail(r, *at(black_smoke), "black_smoke applies to non-road machinery (SPEC E8)");
    } else {
      for (auto c : {vehicle, standard, trips, exempt})
        if (!blank(r, c)) t_.fail(r, *at(c), "applies to fleet rows only (SPEC E8)");
      for (auto c : {built_up, black_smoke})
        if (!blank(r, c) && t_.text(r, *at(c)) != "0") t_.fail(r, *at(c), "applies to fleet rows only (SPEC E8)");
    }
    inv_.vehicle.push_back(v);
    inv_.standard.push_back(stage);
    inv_.trips_per_day.push_back(trips_value);
    inv_.exempt.push_back(exemption);
    inv_.built_up.push_back(in_built_up);
    inv_.black_smoke.push_back(smoking);
  }

  // E8: the operating unit's heavy-vehicle trips a day, required of heavy-truck fleets only.
  double read_trips(std::size_t r, Vehicle v) const {
    if (v == Vehicle::heavy_truck) {
      const std::size_t ct = need(r, trips, "heavy-truck fleet");
      const double x = t_.number(r, ct, /*allow_missing=*/false);
      if (x < 0) t_.fail(r, ct, "negative trips " + detail::format_number(x));
      return x;
    }
    if (!blank(r, trips)) t_.fail(r, *at(trips), "trips_per_day applies to heavy-truck fleets only (SPEC E8)");
    return std::numeric_limits<double>::quiet_NaN();
  }

  // E9: the activity of a dust row.
  void read_dust(std::size_t r) {
    DustActivity d = DustActivity::none;
    if (inv_.kind.back() == SourceKind::dust) {
      const std::size_t cd = need(r, dust, "dust");
      if (t_.text(r, cd).empty()) t_.fail(r, cd, "a value is required for a dust source (SPEC E9)");
      d = static_cast<DustActivity>(inventory_key(t_, r, cd, dust_activity_keys, "E9"));
    } else if (!blank(r, dust)) {
      t_.fail(r, *at(dust), "applies to dust rows only (SPEC E9)");
    }
    inv_.dust.push_back(d);
  }

  const CsvTable& t_;
  std::array<std::size_t, required_columns.size()> col_{};
  std::array<std::optional<std::size_t>, optional_columns.size()> opt_{};
  Inventory inv_;
  std::unordered_map<std::string, std::size_t> seen_;
};

}  // namespace

Inventory parse_inventory(std::string_view text, const std::string& file) {
  const CsvTable t = detail::parse_csv(text, file);
  return InventoryReader(t).read();
}

Inventory read_inventory(const std::string& path) { return parse_inventory(detail::read_text_file(path), path); }

}  // namespace aqi
