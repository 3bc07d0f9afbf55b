// The brick-kiln table of the rotating shutdown (SPEC K1–K8): one row per enterprise with its
// number of production lines and the capacity of each line (bricks or tonnes a day — any unit,
// the same for every row), and optionally its baseline emissions (K8: so2, nox, pm, vocs in
// t/day, all four or none). From a CSV file (`id,lines,capacity[,so2,nox,pm,vocs]`, other columns
// ignored) or built in code; either way checked the same.
#pragma once

#include <array>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aqi/error.hpp"
#include "aqi/span.hpp"

namespace aqi {

struct Kiln {
  Kiln() = default;
  // Not an aggregate: {id, lines, capacity} keeps meaning a kiln without emissions (K8's are
  // optional) and -Wmissing-field-initializers stays quiet.
  Kiln(std::string id_, int lines_, double capacity_, std::optional<std::array<double, 4>> emissions_ = std::nullopt)
      : id(std::move(id_)), lines(lines_), capacity(capacity_), emissions(emissions_) {}

  std::string id;
  int lines = 1;
  double capacity = 0;  // per line; > 0
  // K8: the kiln's baseline emissions with every line running, t/day (so2, nox, pm, vocs);
  // nullopt when the table gives none (the kiln then counts toward no target).
  std::optional<std::array<double, 4>> emissions;
};

// The emission columns of K8, in the order of Kiln::emissions.
inline constexpr std::array<std::string_view, 4> kiln_emission_columns{"so2", "nox", "pm", "vocs"};

// Lines × capacity summed over the table.
inline double total_capacity(span<const Kiln> kilns) {
  double t = 0;
  for (const auto& k : kilns) t += k.lines * k.capacity;
  return t;
}

namespace detail {
// Empty when the kiln is acceptable, else why not.
inline std::string kiln_problem_lines(long long lines) {
  if (lines < 1) return "a kiln has at least 1 line (got " + std::to_string(lines) + ")";
  if (lines > 1000) return "more than 1000 lines (got " + std::to_string(lines) + ")";
  return {};
}
inline std::string kiln_problem_emission(double e) {
  if (!std::isfinite(e) || e < 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", e);
    return std::string("an emission must be a finite number ≥ 0 t/day (got ") + buf + ", SPEC K8)";
  }
  return {};
}
inline std::string kiln_problem_capacity(double c) {
  if (!std::isfinite(c) || c <= 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", c);
    return std::string("capacity must be a positive number (got ") + buf + ")";
  }
  return {};
}
}  // namespace detail

// Throws InvalidValue naming the row ("kilns[3]: …") for an empty or duplicate id, fewer than
// one line, a capacity that is not a positive number, or a table whose total capacity overflows
// (the schedule works in shares of the total; an infinite total made the K5 bound's LP abort).
inline void check_kilns(span<const Kiln> kilns) {
  std::unordered_map<std::string_view, std::size_t> first;
  double total = 0;
  for (std::size_t i = 0; i < kilns.size(); ++i) {
    const Kiln& k = kilns[i];
    if (k.id.empty()) throw InvalidValue("kilns", i, "the id is empty");
    if (auto p = detail::kiln_problem_lines(k.lines); !p.empty())
      throw InvalidValue("kilns", i, "kiln '" + k.id + "': " + p);
    if (auto p = detail::kiln_problem_capacity(k.capacity); !p.empty())
      throw InvalidValue("kilns", i, "kiln '" + k.id + "': " + p);
    if (k.emissions)
      for (std::size_t p = 0; p < 4; ++p)
        if (auto e = detail::kiln_problem_emission((*k.emissions)[p]); !e.empty())
          throw InvalidValue("kilns", i, "kiln '" + k.id + "' " + std::string(kiln_emission_columns[p]) + ": " + e);
    auto [it, fresh] = first.emplace(k.id, i);
    if (!fresh)
      throw InvalidValue("kilns", i,
                         "duplicate kiln id '" + k.id + "' (first at kilns[" + std::to_string(it->second) + "])");
    total += k.lines * k.capacity;
    if (!std::isfinite(total))
      throw InvalidValue(
          "kilns", i, "kiln '" + k.id + "': the table's total capacity (lines × capacity) is too large to represent");
  }
}

// The kiln table from its columns, as a data frame holds them (lines as 64-bit integers). Throws
// InvalidArgument for columns of different lengths and InvalidValue for a line count no int holds;
// every other check is check_kilns', made by every call that takes the table.
inline std::vector<Kiln> kilns_from_columns(span<const std::string> ids, span<const std::int64_t> lines,
                                            span<const double> capacity) {
  const std::size_t n = ids.size();
  if (lines.size() != n || capacity.size() != n)
    throw InvalidArgument("kilns: the id, lines and capacity columns differ in length");
  std::vector<Kiln> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i] < INT_MIN || lines[i] > INT_MAX)  // the same words as check_kilns, with the value as given
      throw InvalidValue("kilns", i, "kiln '" + ids[i] + "': " + detail::kiln_problem_lines(lines[i]));
    out[i] = {ids[i], static_cast<int>(lines[i]), capacity[i]};
  }
  return out;
}

// Reads `id,lines,capacity` and, when the header has them, `so2,nox,pm,vocs` (K8: all four
// columns or none; on a row all four cells or none); other columns ignored. Errors name
// file:line:column and the column.
std::vector<Kiln> parse_kilns(std::string_view csv_text, const std::string& file);

std::vector<Kiln> read_kilns(const std::string& path);

}  // namespace aqi
