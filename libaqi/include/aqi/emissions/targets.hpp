// Emission-reduction targets of a response — SPEC R3 (the ratios), R4 (SO2/NOx trade). Data:
// libaqi/rules/targets/yiyuan-2019.toml (plan §5.3), compiled in; a file of the same form replaces it.
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "aqi/detail/embedded_rules.hpp"
#include "aqi/detail/format.hpp"
#include "aqi/detail/toml.hpp"
#include "aqi/emissions/pollutant.hpp"
#include "aqi/error.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

class EmissionTargets {
 public:
  static EmissionTargets parse(std::string_view toml_text, const std::string& file) {
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
      if (response != "III" && response != "II" && response != "I")
        throw toml_error(file, *row->get("response"), "'response' must be III, II or I; got '" + response + "'");
      const std::size_t level = measure_level_index(parse_response_level(response));
      if (seen[level]) throw toml_error(file, node, "duplicate target for level " + response);
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

  static EmissionTargets load(const std::string& path) { return parse(detail::read_text_file(path), path); }

  // The minimum reduction ratio of `p` at `level` (SPEC R3); InvalidArgument for IV or none.
  double ratio(ResponseLevel level, EmissionPollutant p) const {
    return ratio_[detail::measure_level_index(level)][static_cast<std::size_t>(p)];
  }
  // SPEC R4: SO2 and NOx are met as a pair, r_SO2 + r_NOx ≥ t_SO2 + t_NOx.
  bool so2_nox_trade() const noexcept { return trade_; }
  const std::string& document() const noexcept { return document_; }
  const std::string& source() const noexcept { return source_; }

 private:
  std::string document_;
  std::string source_;
  bool trade_ = true;
  std::array<std::array<double, emission_pollutant_count>, 3> ratio_{};
};

// The plan's targets (immutable, built once on first use).
inline const EmissionTargets& builtin_emission_targets() {
  static const EmissionTargets targets = EmissionTargets::parse(detail::embedded_rule_file("targets/yiyuan-2019.toml"),
                                                                "libaqi/rules/targets/yiyuan-2019.toml");
  return targets;
}

}  // namespace aqi
