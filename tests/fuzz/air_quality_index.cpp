// air_quality_index on arbitrary doubles: indicator columns chosen by the input (duplicates and
// columns an edition does not rate included), undated under either edition or dated across the
// HJ 633-2026 change-over, daily or hourly (SPEC A2–A4, A7). Invariants: a negative or infinite
// value is an InvalidValue naming the lowest bad record; otherwise every record's AQI is the
// largest IAQI of its indicators (with the HJ 633-2012 substitutions; NaN when one of them
// cannot be rated), its category is the AQI's, and the one-record API agrees with the table.
#include "aqi/index/air_quality_index.hpp"
#include "fuzzer-common.h"

namespace {

// The AQI of record r from the scalar IAQI, the way SPEC A3 and the A1 notes define it.
double expected_aqi(const aqi::Edition& e, const aqi::AqiColumnUse& use, const std::vector<aqi::IndicatorColumn>& cols,
                    std::size_t r) {
  auto value = [&](aqi::Indicator i) {
    for (const auto& c : cols)
      if (c.indicator == i) return c.values[r];
    return std::numeric_limits<double>::quiet_NaN();
  };
  double best = -1;
  for (aqi::Indicator i : use.used) {
    const double x = value(i);
    if (std::isnan(x)) continue;
    const aqi::AboveTop& a = e.above_top(i);
    double v;
    if (a.kind == aqi::AboveTop::Kind::substitute && x > e.table(i).top) {
      bool given = false;
      for (const auto& c : cols) given = given || c.indicator == a.substitute;
      if (!given) return std::numeric_limits<double>::quiet_NaN();
      v = aqi::iaqi(e, a.substitute, value(a.substitute));
      if (std::isnan(v)) return v;
    } else {
      v = aqi::iaqi(e, i, x);
    }
    best = std::max(best, v);
  }
  return best < 0 ? std::numeric_limits<double>::quiet_NaN() : best;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::Input in(data, size);
  const std::uint8_t mode = in.byte();
  const aqi::Period period = mode & 1 ? aqi::Period::hourly : aqi::Period::daily;
  const std::size_t n = in.below(40);
  const std::size_t k = 1 + in.below(6);
  std::vector<std::vector<double>> values(k);
  std::vector<aqi::IndicatorColumn> cols;
  for (std::size_t j = 0; j < k; ++j) {
    const auto i = aqi::all_indicators[in.below(aqi::indicator_count)];
    values[j] = in.numbers(n);
    cols.push_back({i, values[j]});
  }
  std::vector<boost::gregorian::date> dates;
  for (std::size_t r = 0; r < n; ++r)
    dates.push_back(boost::gregorian::date(2026, 2, 25) + boost::gregorian::days(static_cast<long>(in.byte()) - 128));
  const bool dated = mode & 2;
  const aqi::Edition& e = mode & 4 ? aqi::hj633_2026() : aqi::hj633_2012();
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::AqiTable t = dated ? aqi::air_quality_index(aqi::span<const boost::gregorian::date>(dates), cols, period)
                                  : aqi::air_quality_index(e, cols, period);
    AQI_FUZZ_CHECK(t.size() == n);
    for (std::size_t r = 0; r < n; ++r) {
      const aqi::Edition& er = *t.record_edition[r];
      AQI_FUZZ_CHECK(!dated || &er == &aqi::edition_in_force(dates[r]));
      const aqi::AqiColumnUse* use = nullptr;
      for (const auto& u : t.uses)
        if (u.first.get() == &er) use = &u.second;
      AQI_FUZZ_CHECK(use != nullptr);
      AQI_FUZZ_CHECK(aqi_fuzz::same(t.aqi[r], expected_aqi(er, *use, cols, r)));
      AQI_FUZZ_CHECK(t.category[r] == static_cast<std::int8_t>(aqi::category_of(t.aqi[r])));
      AQI_FUZZ_CHECK((t.primary_mask[r] != 0) == (t.aqi[r] > 50));
      aqi::Concentrations one;
      bool twice = false;
      for (const auto& c : cols) {
        twice = twice || one.has(c.indicator);
        one.set(c.indicator, c.values[r]);
      }
      if (twice) continue;
      aqi_fuzz::expect_aqi_errors([&] {
        const aqi::AqiResult a = aqi::air_quality_index(er, one, period);
        AQI_FUZZ_CHECK(aqi_fuzz::same(a.aqi, t.aqi[r]) && a.primary.bits() == t.primary_mask[r]);
      });
    }
  });
  return 0;
}
