#include "aqi/kilns/kiln.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

namespace {

// K8: the emission columns, all four or none.
std::optional<std::array<std::size_t, 4>> emission_columns(const detail::CsvTable& t) {
  std::array<std::optional<std::size_t>, 4> found;
  std::size_t given = 0;
  for (std::size_t p = 0; p < 4; ++p) given += (found[p] = t.find_column(kiln_emission_columns[p])).has_value();
  if (given == 0) return std::nullopt;
  std::array<std::size_t, 4> out{};
  for (std::size_t p = 0; p < 4; ++p) {
    if (!found[p])
      throw ParseError(t.file, 1, 0,
                       "kiln emissions need all four columns so2, nox, pm, vocs (t/day, SPEC K8); column '" +
                           std::string(kiln_emission_columns[p]) + "' is missing");
    out[p] = *found[p];
  }
  return out;
}

// A row's emissions: all four cells or none.
std::optional<std::array<double, 4>> kiln_emissions(const detail::CsvTable& t, std::size_t r,
                                                    const std::array<std::size_t, 4>& c) {
  std::size_t blank = 0;
  for (std::size_t col : c) blank += t.text(r, col).empty();
  if (blank == 4) return std::nullopt;
  std::array<double, 4> e{};
  for (std::size_t p = 0; p < 4; ++p) {
    if (t.text(r, c[p]).empty())
      t.fail(r, c[p], "a value is required: a kiln gives all four emissions or none (t/day, SPEC K8)");
    e[p] = t.number(r, c[p], false);
    if (auto problem = detail::kiln_problem_emission(e[p]); !problem.empty()) t.fail(r, c[p], problem);
  }
  return e;
}

}  // namespace

std::vector<Kiln> parse_kilns(std::string_view csv_text, const std::string& file) {
  const auto t = detail::parse_csv(csv_text, file);
  const std::size_t c_id = t.column("id"), c_lines = t.column("lines"), c_cap = t.column("capacity");
  const auto c_emissions = emission_columns(t);
  std::vector<Kiln> out;
  out.reserve(t.size());
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t r = 0; r < t.size(); ++r) {
    Kiln k;
    k.id = t.text(r, c_id);
    if (k.id.empty()) t.fail(r, c_id, "a kiln id is required");
    auto [it, fresh] = first.emplace(k.id, r);
    if (!fresh)
      t.fail(r, c_id,
             "duplicate kiln id '" + k.id + "' (first on line " + std::to_string(t.row_line[it->second]) + ")");
    const long long lines = t.integer(r, c_lines);
    if (auto p = detail::kiln_problem_lines(lines); !p.empty()) t.fail(r, c_lines, p);
    k.lines = static_cast<int>(lines);
    k.capacity = t.number(r, c_cap, false);
    if (auto p = detail::kiln_problem_capacity(k.capacity); !p.empty()) t.fail(r, c_cap, p);
    if (c_emissions) k.emissions = kiln_emissions(t, r, *c_emissions);
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<Kiln> read_kilns(const std::string& path) { return parse_kilns(detail::read_text_file(path), path); }

}  // namespace aqi
