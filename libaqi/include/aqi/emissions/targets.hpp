// Emission-reduction targets of a response — SPEC R3 (the ratios), R4 (SO2/NOx trade). Data:
// a plan's targets.toml (libaqi/rules/plans/yiyuan-2019/, plan §5.3), compiled in; a file of the same form
// replaces it.
#pragma once

#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>

#include "aqi/detail/format.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/pollutant.hpp"
#include "aqi/error.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

class EmissionTargets {
 public:
  static EmissionTargets parse(std::string_view toml_text, const std::string& file);

  static EmissionTargets load(const std::string& path);

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
const EmissionTargets& builtin_emission_targets();

// A shared handle for results that refer to targets: a built-in plan's aliased, any other copied.
std::shared_ptr<const EmissionTargets> share(const EmissionTargets& targets);

}  // namespace aqi
