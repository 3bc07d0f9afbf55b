#include "aqi/emissions/targets.hpp"

#include "detail/toml.hpp"

namespace aqi {

EmissionTargets EmissionTargets::parse(std::string_view toml_text, const std::string& file) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, file);
  require_known_keys(root, file, {"document", "source", "so2_nox_trade", "target"});
  EmissionTargets t;
  t.document_ = require_string(root, "document", file);
  t.source_ = require_string(root, "source", file);
  t.trade_ = require_bool(root, "so2_nox_trade", file);
  std::array<bool, 3> seen{};
  for (const auto& node : require_array(root, "target", file)) {
    const auto* row = node.as_table();
    if (!row) throw toml_error(file, node, "each [[target]] must be a table");
    require_known_keys(*row, file, {"response", "so2", "nox", "pm", "vocs"});
    const std::string response = require_string(*row, "response", file);
    const auto measure = measure_level(response);  // R3: III, II, I in any of the plan's spellings
    if (!measure)
      throw toml_error(file, *row->get("response"), "'response' must be III, II or I; got '" + response + "'");
    const std::size_t level = measure_level_index(*measure);
    if (seen[level]) throw toml_error(file, node, "duplicate target for level " + std::string(name(*measure)));
    seen[level] = true;
    for (auto p : all_emission_pollutants) {
      const double v = require_number(*row, key(p), file);
      if (!(v >= 0 && v <= 1))
        throw toml_error(file, *row->get(key(p)),
                         "'" + std::string(key(p)) + "' must be a ratio in 0..1, got " + format_number(v));
      t.ratio_[level][static_cast<std::size_t>(p)] = v;
    }
  }
  for (std::size_t l = 0; l < 3; ++l)
    if (!seen[l]) throw toml_error(file, root, "no target for level " + std::string(name(measure_levels[l])));
  return t;
}

EmissionTargets EmissionTargets::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

}  // namespace aqi
