#include "aqi/kilns/kiln.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

std::vector<Kiln> parse_kilns(std::string_view csv_text, const std::string& file) {
  const auto t = detail::parse_csv(csv_text, file);
  const std::size_t c_id = t.column("id"), c_lines = t.column("lines"), c_cap = t.column("capacity");
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
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<Kiln> read_kilns(const std::string& path) { return parse_kilns(detail::read_text_file(path), path); }

}  // namespace aqi
