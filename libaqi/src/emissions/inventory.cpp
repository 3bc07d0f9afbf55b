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
  std::string list;
  for (auto k : keys)
    if (!k.empty()) list += (list.empty() ? "" : ", ") + std::string(k);
  t.fail(r, c, "'" + s + "' is not one of: " + list + (rule.empty() ? "" : " (SPEC " + std::string(rule) + ")"));
}

bool inventory_flag(const CsvTable& t, std::size_t r, std::size_t c, bool required, std::string_view why) {
  const std::string& s = t.text(r, c);
  if (s == "1") return true;
  if (s == "0") return false;
  if (s.empty() && !required) return false;
  t.fail(r, c, s.empty() ? "a value is required: 0 or 1" + std::string(why) : "must be 0 or 1, got '" + s + "'");
}

}  // namespace

Inventory parse_inventory(std::string_view text, const std::string& file) {
  using detail::CsvTable;
  const CsvTable t = detail::parse_csv(text, file);
  static constexpr std::array<std::string_view, 14> required{
      "id",  "name", "kind", "industry",           "grade",    "lines",   "so2",
      "nox", "pm",   "vocs", "protected_max_load", "excluded", "low_nox", "cost"};
  static constexpr std::array<std::string_view, 8> optional{"line_capacity", "vehicle",  "standard",    "trips_per_day",
                                                            "exempt",        "built_up", "black_smoke", "dust"};
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string& h = t.header[c];
    const bool known = std::find(required.begin(), required.end(), h) != required.end() ||
                       std::find(optional.begin(), optional.end(), h) != optional.end() || h.rfind("x_", 0) == 0;
    if (!known)
      throw ParseError(
          file, 1, c + 1,
          "unknown column '" + h + "' (name your own columns x_…; see docs/emissions.md for the inventory's columns)");
  }
  std::array<std::size_t, required.size()> col{};
  for (std::size_t k = 0; k < required.size(); ++k) col[k] = t.column(required[k]);
  const auto [c_id, c_name, c_kind, c_industry, c_grade, c_lines, c_so2, c_nox, c_pm, c_vocs, c_protected, c_excluded,
              c_low_nox, c_cost] = col;
  const auto c_capacity = t.find_column("line_capacity");
  const auto c_vehicle = t.find_column("vehicle");
  const auto c_standard = t.find_column("standard");
  const auto c_trips = t.find_column("trips_per_day");
  const auto c_exempt = t.find_column("exempt");
  const auto c_built_up = t.find_column("built_up");
  const auto c_black_smoke = t.find_column("black_smoke");
  const auto c_dust = t.find_column("dust");

  const std::size_t n = t.size();
  Inventory inv;
  inv.file = file;
  inv.emissions.resize(static_cast<Eigen::Index>(n), emission_pollutant_count);
  inv.share_begin.reserve(n + 1);
  inv.share_begin.push_back(0);
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(n);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto blank = [&](std::size_t r, std::optional<std::size_t> c) { return !c || t.text(r, *c).empty(); };
  auto need = [&](std::size_t r, std::optional<std::size_t> c, std::string_view column, std::string_view what) {
    if (!c)
      throw ParseError(file, t.row_line[r], 0,
                       std::string(what) + " rows need column '" + std::string(column) + "' (see docs/emissions.md)");
    return *c;
  };
  for (std::size_t r = 0; r < n; ++r) {
    const std::string& id = t.text(r, c_id);
    if (id.empty()) t.fail(r, c_id, "a value is required");
    if (auto [it, fresh] = seen.emplace(id, r); !fresh)
      t.fail(r, c_id, "duplicate id '" + id + "' (first on line " + std::to_string(t.row_line[it->second]) + ")");
    inv.id.push_back(id);
    inv.name.push_back(t.text(r, c_name));
    inv.line.push_back(t.row_line[r]);

    const auto kind = static_cast<SourceKind>(inventory_key(t, r, c_kind, source_kind_keys, ""));
    inv.kind.push_back(kind);
    Industry industry = Industry::other;
    try {
      industry = parse_industry(t.text(r, c_industry));
    } catch (const UnknownName&) {
      t.fail(r, c_industry,
             "unknown industry '" + t.text(r, c_industry) + "'; expected one of: " + industry_key_list());
    }
    inv.industry.push_back(industry);

    const auto excluded = static_cast<Exclusion>(inventory_key(t, r, c_excluded, exclusion_keys, "E2"));
    inv.excluded.push_back(excluded);

    const std::string& grade_text = t.text(r, c_grade);
    Grade grade = Grade::none;
    try {
      grade = parse_grade(grade_text);
    } catch (const InvalidArgument& e) {
      t.fail(r, c_grade, e.what());
    }
    if (kind != SourceKind::enterprise && grade != Grade::none)
      t.fail(r, c_grade,
             "grade " + grade_text + " on a " + std::string(key(kind)) + " row: grades are for enterprises");
    if (kind == SourceKind::enterprise && grade != Grade::none && !is_graded(industry))
      t.fail(
          r, c_grade,
          "grade " + grade_text + " on " + std::string(key(industry)) + ", which is not a graded industry (SPEC E3)");
    if (kind == SourceKind::enterprise && grade == Grade::none && is_graded(industry) && excluded == Exclusion::none)
      t.fail(r, c_grade,
             std::string(key(industry)) + " is a graded key industry: grade A, B, C or D required (SPEC E3)");
    inv.grade.push_back(grade);

    const long long lines = t.integer(r, c_lines);
    if (lines < 1) t.fail(r, c_lines, "must be a whole number ≥ 1, got " + std::to_string(lines));
    if (lines > 100000) t.fail(r, c_lines, std::to_string(lines) + " lines: at most 100000");
    inv.lines.push_back(static_cast<int>(lines));
    const std::size_t share_at = inv.line_share.size();
    if (!blank(r, c_capacity)) {
      const std::string& s = t.text(r, *c_capacity);
      std::vector<double> cap;
      std::size_t from = 0;
      for (;;) {
        const std::size_t to = std::min(s.find(';', from), s.size());
        const std::string part = s.substr(from, to - from);
        double v = 0;
        const char* b = part.data();
        auto [p, ec] = std::from_chars(b, b + part.size(), v);
        if (part.empty() || ec != std::errc() || p != b + part.size() || !std::isfinite(v))
          t.fail(r, *c_capacity, "'" + part + "' is not a number (write capacities as a;b;c)");
        if (!(v > 0)) t.fail(r, *c_capacity, "line capacities must be > 0, got " + detail::format_number(v));
        cap.push_back(v);
        if (to == s.size()) break;
        from = to + 1;
      }
      if (cap.size() != static_cast<std::size_t>(lines))
        t.fail(r, *c_capacity,
               std::to_string(cap.size()) + " capacities for " + std::to_string(lines) + " lines (SPEC E6)");
      std::sort(cap.begin(), cap.end());
      double total = 0;
      for (double v : cap) total += v;
      // An infinite total made every share 0: the lines' cuts silently counted for nothing.
      if (!std::isfinite(total))
        t.fail(r, *c_capacity, "line capacities sum to more than a double can hold; write them in a larger unit");
      for (double v : cap) inv.line_share.push_back(v / total);
      inv.line_capacity.push_back(s);
    } else {
      inv.line_share.insert(inv.line_share.end(), static_cast<std::size_t>(lines), 1.0 / static_cast<double>(lines));
      inv.line_capacity.emplace_back();
    }
    inv.share_begin.push_back(share_at + static_cast<std::size_t>(lines));

    const std::array<std::size_t, emission_pollutant_count> pcol{c_so2, c_nox, c_pm, c_vocs};
    for (std::size_t p = 0; p < emission_pollutant_count; ++p) {
      const double v = t.number(r, pcol[p], /*allow_missing=*/false);
      if (v < 0) t.fail(r, pcol[p], "negative emission " + detail::format_number(v) + " (t/day must be ≥ 0)");
      inv.emissions(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(p)) = v;
    }

    const double load = t.number(r, c_protected);
    if (!std::isnan(load) && !(load >= 0 && load <= 1))
      t.fail(r, c_protected, detail::format_number(load) + " is outside 0-1 (approved maximum load, SPEC E7)");
    if (!std::isnan(load) && kind != SourceKind::enterprise)
      t.fail(r, c_protected, "a protected maximum load applies to enterprises only (SPEC E7)");
    inv.protected_max_load.push_back(load);

    const bool gas_boiler = kind == SourceKind::enterprise && industry == Industry::gas_boiler;
    inv.low_nox.push_back(inventory_flag(t, r, c_low_nox, gas_boiler && excluded == Exclusion::none,
                                                 " for a gas boiler (SPEC E4 ⑧)"));

    const double cost = t.number(r, c_cost);
    if (!std::isnan(cost) && cost < 0) t.fail(r, c_cost, "negative cost " + detail::format_number(cost));
    inv.cost.push_back(cost);

    // Fleets (E8).
    Vehicle vehicle = Vehicle::none;
    int standard = -1;
    double trips = nan;
    FleetExemption exempt = FleetExemption::none;
    bool built_up = false, black_smoke = false;
    if (kind == SourceKind::fleet) {
      const std::size_t cv = need(r, c_vehicle, "vehicle", "fleet");
      if (t.text(r, cv).empty()) t.fail(r, cv, "a value is required for a fleet: heavy_truck or non_road (SPEC E8)");
      vehicle = static_cast<Vehicle>(inventory_key(t, r, cv, vehicle_keys, "E8"));
      const std::size_t cs = need(r, c_standard, "standard", "fleet");
      const long long st = t.integer(r, cs);
      if (st < 0 || st > 6) t.fail(r, cs, "China emission stage must be 0-6, got " + std::to_string(st));
      standard = static_cast<int>(st);
      if (vehicle == Vehicle::heavy_truck) {
        const std::size_t ct = need(r, c_trips, "trips_per_day", "heavy-truck fleet");
        trips = t.number(r, ct, /*allow_missing=*/false);
        if (trips < 0) t.fail(r, ct, "negative trips " + detail::format_number(trips));
      } else if (!blank(r, c_trips)) {
        t.fail(r, *c_trips, "trips_per_day applies to heavy-truck fleets only (SPEC E8)");
      }
      if (c_exempt)
        exempt = static_cast<FleetExemption>(inventory_key(t, r, *c_exempt, fleet_exemption_keys, "E8"));
      if (c_built_up) built_up = inventory_flag(t, r, *c_built_up, false, "");
      if (c_black_smoke) black_smoke = inventory_flag(t, r, *c_black_smoke, false, "");
      if (black_smoke && vehicle != Vehicle::non_road)
        t.fail(r, *c_black_smoke, "black_smoke applies to non-road machinery (SPEC E8)");
    } else {
      for (auto c : {c_vehicle, c_standard, c_trips, c_exempt})
        if (!blank(r, c)) t.fail(r, *c, "applies to fleet rows only (SPEC E8)");
      for (auto c : {c_built_up, c_black_smoke})
        if (!blank(r, c) && t.text(r, *c) != "0") t.fail(r, *c, "applies to fleet rows only (SPEC E8)");
    }
    inv.vehicle.push_back(vehicle);
    inv.standard.push_back(standard);
    inv.trips_per_day.push_back(trips);
    inv.exempt.push_back(exempt);
    inv.built_up.push_back(built_up);
    inv.black_smoke.push_back(black_smoke);

    // Dust sources (E9).
    DustActivity dust = DustActivity::none;
    if (kind == SourceKind::dust) {
      const std::size_t cd = need(r, c_dust, "dust", "dust");
      if (t.text(r, cd).empty()) t.fail(r, cd, "a value is required for a dust source (SPEC E9)");
      dust = static_cast<DustActivity>(inventory_key(t, r, cd, dust_activity_keys, "E9"));
    } else if (!blank(r, c_dust)) {
      t.fail(r, *c_dust, "applies to dust rows only (SPEC E9)");
    }
    inv.dust.push_back(dust);
  }
  return inv;
}

Inventory read_inventory(const std::string& path) { return parse_inventory(detail::read_text_file(path), path); }

}  // namespace aqi
