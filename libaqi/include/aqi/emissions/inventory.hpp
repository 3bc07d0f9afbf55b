// The county's emission-reduction inventory (应急减排清单) — SPEC E1, E2, E7, E8, E9: enterprises,
// mobile-source fleets and dust sources with their baseline emissions of SO2, NOx, PM and VOCs
// (tonnes per day), read from one CSV an analyst keeps in a spreadsheet. Every bad cell is an error
// naming file:line:column and the column; nothing is dropped or defaulted silently.
//
// Schema (docs/emissions.md has the full description):
//   id, name, kind (enterprise | fleet | dust), industry, grade (A, B, B-, C, D, leading, non_leading,
//   their Chinese spellings, or empty: E3, E11), lines (≥ 1),
//   so2, nox, pm, vocs (t/day ≥ 0), protected_max_load (empty or 0-1, E7),
//   excluded (empty or an E2 kind), low_nox (0/1, gas boilers), cost (output value per day, E10);
//   optional: line_capacity ("a;b;c", E6); fleets (E8): vehicle, standard, trips_per_day, exempt,
//   built_up, black_smoke; dust sources (E9): dust; A / 引领性 enterprises (E11): voluntary_cut. Columns named x_… are
//   the analyst's own and skipped.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <Eigen/Core>

#include "aqi/detail/format.hpp"
#include "aqi/detail/keys.hpp"
#include "aqi/emissions/fleet_dust_rules.hpp"  // DustActivity (E9)
#include "aqi/emissions/industry.hpp"
#include "aqi/emissions/pollutant.hpp"
#include "aqi/error.hpp"

namespace aqi {

enum class SourceKind : std::uint8_t { enterprise, fleet, dust };
inline constexpr std::array<std::string_view, 3> source_kind_keys{"enterprise", "fleet", "dust"};
constexpr std::string_view key(SourceKind k) noexcept { return source_kind_keys[static_cast<std::size_t>(k)]; }
inline SourceKind parse_source_kind(std::string_view text) {
  return static_cast<SourceKind>(detail::parse_key(source_kind_keys, text, "source kind"));
}

// SPEC E2 (plan §5.4.2): sources struck from the reduction list; they count for nothing.
enum class Exclusion : std::uint8_t { none, zombie, fake, long_stopped, yellow_label, banned, eliminated_boiler };
inline constexpr std::array<std::string_view, 7> exclusion_keys{
    "", "zombie", "fake", "long_stopped", "yellow_label", "banned", "eliminated_boiler"};
constexpr std::string_view key(Exclusion e) noexcept { return exclusion_keys[static_cast<std::size_t>(e)]; }
inline Exclusion parse_exclusion(std::string_view text) {  // "" → none
  return static_cast<Exclusion>(detail::parse_key(exclusion_keys, text, "exclusion"));
}

// SPEC E8: what a fleet row is.
enum class Vehicle : std::uint8_t { none, heavy_truck, non_road };
inline constexpr std::array<std::string_view, 3> vehicle_keys{"", "heavy_truck", "non_road"};
constexpr std::string_view key(Vehicle v) noexcept { return vehicle_keys[static_cast<std::size_t>(v)]; }
inline Vehicle parse_vehicle(std::string_view text) {  // "" → none
  return static_cast<Vehicle>(detail::parse_key(vehicle_keys, text, "vehicle"));
}

// SPEC E8 exemptions (plan §5.5.2/3 (3)③): livelihood logistics, special and hazardous-goods
// vehicles; clean-energy and emergency-repair machines.
enum class FleetExemption : std::uint8_t { none, livelihood, special, clean_energy, emergency_repair };
inline constexpr std::array<std::string_view, 5> fleet_exemption_keys{"", "livelihood", "special", "clean_energy",
                                                                      "emergency_repair"};
constexpr std::string_view key(FleetExemption e) noexcept { return fleet_exemption_keys[static_cast<std::size_t>(e)]; }
inline FleetExemption parse_fleet_exemption(std::string_view text) {  // "" → none
  return static_cast<FleetExemption>(detail::parse_key(fleet_exemption_keys, text, "fleet exemption"));
}

// Baseline emissions or reductions, sources × pollutants (so2, nox, pm, vocs), t/day. Row-major:
// a source's four values are contiguous, so Eᵀ·cut is a column-major matrix–vector product.
using EmissionMatrix = Eigen::Array<double, Eigen::Dynamic, emission_pollutant_count, Eigen::RowMajor>;

// Column-wise: element i of every vector is source i.
struct Inventory {
  std::string file;  // where it was read ("<DataFrame>" for a pandas frame)
  std::vector<std::string> id;
  std::vector<std::string> name;
  std::vector<SourceKind> kind;
  std::vector<Industry> industry;
  std::vector<Grade> grade;
  std::vector<int> lines;
  // E6: each source's lines' shares of its baseline, smallest first (equal lines: 1/n each).
  std::vector<std::size_t> share_begin;  // size() + 1 offsets into line_share
  std::vector<double> line_share;
  std::vector<std::string> line_capacity;  // as written ("" = equal lines)
  EmissionMatrix emissions;                // t/day
  std::vector<double> protected_max_load;  // NaN = not protected (E7)
  std::vector<Exclusion> excluded;         // E2
  std::vector<std::uint8_t> low_nox;       // 1 = low-NOx retrofitted gas boiler (E4 ⑧)
  std::vector<double> cost;                // output value per day; NaN = not given (E10)
  // Fleets (E8); neutral values on other rows.
  std::vector<Vehicle> vehicle;
  std::vector<int> standard;          // China emission stage 0..6 (国0 … 国六); -1 = not a fleet
  std::vector<double> trips_per_day;  // the operating unit's heavy-vehicle trips a day; NaN = not given
  std::vector<FleetExemption> exempt;
  std::vector<std::uint8_t> built_up;     // operates in the built-up area
  std::vector<std::uint8_t> black_smoke;  // visibly smoking machinery (冒黑烟)
  // Dust sources (E9).
  std::vector<DustActivity> dust;
  // SPEC E11: the fraction of activity an A or 引领性 enterprise commits voluntarily; NaN = none.
  // Empty when the inventory has no such column (as a hand-built one may).
  std::vector<double> voluntary_cut;
  std::vector<std::size_t> line;  // line of the row in `file`

  std::size_t size() const noexcept { return id.size(); }

  double baseline(std::size_t source, EmissionPollutant p) const {
    return emissions(static_cast<Eigen::Index>(source), static_cast<Eigen::Index>(p));
  }

  // The shares of source i's lines, smallest first.
  const double* shares(std::size_t i) const noexcept { return line_share.data() + share_begin[i]; }

  // SPEC E11: source i's voluntary cut, 0 when none is given.
  double voluntary(std::size_t i) const noexcept {
    return voluntary_cut.empty() || std::isnan(voluntary_cut[i]) ? 0.0 : voluntary_cut[i];
  }

  // Position of an id; throws UnknownName.
  std::size_t index(std::string_view source_id) const {
    for (std::size_t i = 0; i < id.size(); ++i)
      if (id[i] == source_id) return i;
    throw UnknownName("no source with id '" + std::string(source_id) + "' in the inventory " + file);
  }

  // Every column has size() elements; a hand-built inventory that breaks this is refused.
  void require_consistent() const {
    const std::size_t n = size();
    const bool ok = name.size() == n && kind.size() == n && industry.size() == n && grade.size() == n &&
                    lines.size() == n && share_begin.size() == n + 1 && line_capacity.size() == n &&
                    static_cast<std::size_t>(emissions.rows()) == n && protected_max_load.size() == n &&
                    excluded.size() == n && low_nox.size() == n && cost.size() == n && vehicle.size() == n &&
                    standard.size() == n && trips_per_day.size() == n && exempt.size() == n && built_up.size() == n &&
                    black_smoke.size() == n && dust.size() == n && line.size() == n &&
                    (voluntary_cut.empty() || voluntary_cut.size() == n) && share_begin.back() == line_share.size();
    if (!ok) throw InvalidArgument("inventory " + file + ": columns differ in length");
    // What parse_inventory guarantees and the cuts rely on: one share per line (shares(i) reads
    // lines[i] of them) and finite, non-negative baselines.
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t shares = share_begin[i + 1] >= share_begin[i] ? share_begin[i + 1] - share_begin[i] : 0;
      if (lines[i] < 1 || shares != static_cast<std::size_t>(lines[i]))
        throw InvalidValue("lines", i,
                           "source '" + id[i] + "' of inventory " + file + " has " + std::to_string(lines[i]) +
                               " lines and " + std::to_string(shares) + (shares == 1 ? " line share" : " line shares") +
                               " (one per line, at least one line)");
      if (!voluntary_cut.empty() && !std::isnan(voluntary_cut[i]) && !(voluntary_cut[i] >= 0 && voluntary_cut[i] <= 1))
        throw InvalidValue("voluntary_cut", i,
                           "source '" + id[i] + "' of inventory " + file + ": voluntary cut " +
                               detail::format_number(voluntary_cut[i]) + " is outside 0-1 (SPEC E11)");
      for (auto p : all_emission_pollutants) {
        const double e = baseline(i, p);
        if (!(e >= 0 && std::isfinite(e)))
          throw InvalidValue(std::string(key(p)), i,
                             "source '" + id[i] + "' of inventory " + file + ": emission " + detail::format_number(e) +
                                 " t/day is not a finite number ≥ 0");
      }
    }
  }
};

// Reads the inventory CSV (schema above). `file` names the source in errors.
Inventory parse_inventory(std::string_view text, const std::string& file);

Inventory read_inventory(const std::string& path);

}  // namespace aqi
