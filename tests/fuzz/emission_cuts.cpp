// emission_cuts and top_up on fuzz-built inventories: every kind of source, industry, grade,
// exclusion, line count and capacity, protected load, fleet and dust field, with emissions and
// costs from plain decimals to the largest and smallest doubles, and any dust cap or candidate
// set (SPEC E1–E10, R3–R6). Invariants: bad options are aqi errors; otherwise each cut is in
// [0, 1] (NaN without a sourced rule), no source loses more than its baseline, the county
// baseline is the included sources' sum, and a feasible top-up meets every target with extra
// cuts that stay within [0, 1].
#include "aqi/emissions/top_up.hpp"
#include "fuzzer-common.h"

namespace {

double amount(aqi_fuzz::Input& in) {
  const double x = in.valid_number();
  return std::isnan(x) ? 0.0 : x;
}

aqi::Inventory build(aqi_fuzz::Input& in) {
  aqi::Inventory inv;
  inv.file = "<fuzz>";
  const std::size_t n = in.below(40);
  inv.emissions.resize(static_cast<Eigen::Index>(n), aqi::emission_pollutant_count);
  inv.share_begin.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto kind = static_cast<aqi::SourceKind>(in.below(3));
    const auto industry = static_cast<aqi::Industry>(in.below(aqi::industry_count));
    inv.id.push_back("s" + std::to_string(i));
    inv.name.emplace_back();
    inv.kind.push_back(kind);
    inv.industry.push_back(industry);
    const bool enterprise = kind == aqi::SourceKind::enterprise;
    inv.grade.push_back(enterprise && aqi::is_graded(industry) ? static_cast<aqi::Grade>(1 + in.below(4))
                                                                : aqi::Grade::none);
    inv.excluded.push_back(in.byte() < 20 ? static_cast<aqi::Exclusion>(1 + in.below(6)) : aqi::Exclusion::none);
    const int lines = 1 + static_cast<int>(in.below(6));
    inv.lines.push_back(lines);
    std::vector<double> cap(static_cast<std::size_t>(lines), 1.0);
    const bool unequal = in.flag();
    if (unequal)
      for (auto& c : cap) c = std::max(amount(in), std::numeric_limits<double>::denorm_min());
    std::sort(cap.begin(), cap.end());
    double total = 0;
    for (double c : cap) total += c;
    for (double c : cap) inv.line_share.push_back(std::isfinite(total) ? c / total : 1.0 / lines);
    inv.share_begin.push_back(inv.line_share.size());
    inv.line_capacity.emplace_back(unequal ? "fuzz" : "");
    for (std::size_t p = 0; p < aqi::emission_pollutant_count; ++p)
      inv.emissions(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(p)) = amount(in);
    inv.protected_max_load.push_back(enterprise && in.byte() < 40 ? in.byte() / 255.0
                                                                   : std::numeric_limits<double>::quiet_NaN());
    inv.low_nox.push_back(in.flag());
    inv.cost.push_back(in.byte() < 30 ? std::numeric_limits<double>::quiet_NaN() : amount(in));
    const bool fleet = kind == aqi::SourceKind::fleet;
    const auto vehicle = fleet ? static_cast<aqi::Vehicle>(1 + in.below(2)) : aqi::Vehicle::none;
    inv.vehicle.push_back(vehicle);
    inv.standard.push_back(fleet ? static_cast<int>(in.below(7)) : -1);
    inv.trips_per_day.push_back(vehicle == aqi::Vehicle::heavy_truck ? amount(in)
                                                                     : std::numeric_limits<double>::quiet_NaN());
    inv.exempt.push_back(fleet && in.byte() < 40 ? static_cast<aqi::FleetExemption>(1 + in.below(4))
                                                 : aqi::FleetExemption::none);
    inv.built_up.push_back(fleet && in.flag());
    inv.black_smoke.push_back(vehicle == aqi::Vehicle::non_road && in.flag());
    inv.dust.push_back(kind == aqi::SourceKind::dust ? static_cast<aqi::DustActivity>(1 + in.below(10))
                                                     : aqi::DustActivity::none);
    inv.line.push_back(i + 2);
  }
  return inv;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  aqi::TopUpOptions options;
    options.time_limit = 2;  // a slow branch and bound is an aqi::Error, not a fuzzer timeout
  if (mode & 1) options.cuts.dust_cap = mode & 2 ? in.number() : in.byte() / 255.0;
  options.cuts.top_contributors = in.below(8);
  const aqi::Inventory inv = build(in);
  if (mode & 4)
    for (std::size_t i = 0; i < inv.size() + (mode & 8 ? 1 : 0); ++i) options.candidates.push_back(in.flag());
  for (aqi::ResponseLevel level : {aqi::ResponseLevel::III, aqi::ResponseLevel::II, aqi::ResponseLevel::I})
    aqi_fuzz::expect_aqi_errors([&] {
      const aqi::EmissionCuts cuts = aqi::emission_cuts(inv, level, options.cuts);
      for (std::size_t k = 0; k < aqi::emission_pollutant_count; ++k) {
        double included = 0;
        for (std::size_t i = 0; i < inv.size(); ++i)
          if (inv.excluded[i] == aqi::Exclusion::none)
            included += inv.emissions(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
        AQI_FUZZ_CHECK(!std::isfinite(included) ||
                       std::fabs(cuts.summary[k].baseline - included) <= 1e-12 * included);
      }
      for (std::size_t i = 0; i < inv.size(); ++i) {
        const double c = cuts.cut[static_cast<Eigen::Index>(i)];
        AQI_FUZZ_CHECK(std::isnan(c) || (c >= 0 && c <= 1));
        for (std::size_t k = 0; k < aqi::emission_pollutant_count; ++k) {
          const double r = cuts.reduction(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
          AQI_FUZZ_CHECK(std::isnan(c) || r <= inv.emissions(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)));
        }
      }
      const aqi::TopUp t = aqi::top_up(inv, level, options);
      AQI_FUZZ_CHECK(t.needed == !cuts.met);
      if (t.feasible)
        for (const auto& c : t.after) AQI_FUZZ_CHECK(c.met);
      for (const auto& c : t.cuts) AQI_FUZZ_CHECK(c.extra > 0 && c.new_cut <= 1 && c.source < inv.size());
    });
  return 0;
}
