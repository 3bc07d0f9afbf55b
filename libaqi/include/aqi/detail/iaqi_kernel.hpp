// The IAQI inner loop, SPEC A1/A2/A6, written once over the pack layer (detail/simd.hpp).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "aqi/detail/parallel.hpp"
#include "aqi/detail/simd.hpp"
#include "aqi/index/edition.hpp"

namespace aqi::detail {

// SPEC A6: IAQI is rounded up (A2), but a decimal input such as CO 1h 65.4 mg/m³ is stored as
// 65.40000000000000568 and would round 218 up to 219. Fractions below 1e-9 index points are
// floating-point noise: the finest real input (0.001 µg/m³ on the flattest segment, NO2 1h
// 1200–2340) moves the IAQI by 8.8e-5, far above this.
inline constexpr double rounding_tolerance = 1e-9;

// One indicator's table as a sum of ramps: on [0, top],
//   IAQI(x) = slope0·x + Σ_k dslope[k]·max(x − knot[k], 0)
// with a knot at every inner breakpoint: three operations per knot, no segment search.
struct IaqiKernel {
  double slope0 = 0;
  double knot[max_segments - 1] = {};
  double dslope[max_segments - 1] = {};
  std::size_t knots = 0;
  double top = 0;
  double above_value = 0;  // NaN for "not rated, substitute"
  bool above_is_beyond_scale = false;
  // The value above the top is the ramp's own value at the top (500 at 500, 200 at SO2 1h 800 of
  // HJ 633-2026…): clamping the concentration to the top then rates it, no select needed.
  bool clamp_at_top = false;

  IaqiKernel(const Edition& e, Indicator i) {
    const BreakpointTable& t = e.table(i);
    slope0 = t.slope[0];
    knots = t.points - 2;
    for (std::size_t k = 0; k < knots; ++k) {
      knot[k] = t.concentration[k + 1];
      dslope[k] = t.slope[k + 1] - t.slope[k];
    }
    top = t.top;
    const AboveTop& a = e.above_top(i);
    above_value = a.kind == AboveTop::Kind::substitute ? std::numeric_limits<double>::quiet_NaN() : a.value;
    above_is_beyond_scale = a.kind == AboveTop::Kind::beyond_scale;
    clamp_at_top = a.kind != AboveTop::Kind::substitute && a.value == t.iaqi[t.points - 1];
  }
};

inline bool is_bad_concentration(double c) noexcept {
  return c < 0.0 || c > std::numeric_limits<double>::max();  // negative, -inf, +inf
}

// The kernel's constants, broadcast once per call.
template <class P>
struct IaqiConstants {
  typename P::D slope0, top, above, knot[max_segments - 1], dslope[max_segments - 1];
  std::size_t knots = 0;
  bool clamp_at_top = false;
  IaqiConstants() = default;
  explicit IaqiConstants(const IaqiKernel& k)
      : slope0(P::set1(k.slope0)),
        top(P::set1(k.top)),
        above(P::set1(k.above_value)),
        knots(k.knots),
        clamp_at_top(k.clamp_at_top) {
    for (std::size_t j = 0; j < knots; ++j) {
      knot[j] = P::set1(k.knot[j]);
      dslope[j] = P::set1(k.dslope[j]);
    }
  }
};

// ceil(ramp sum − A6 tolerance) of one pack: the IAQI wherever 0 ≤ x ≤ top (meaningless
// elsewhere; callers select).
template <class P>
inline typename P::D ramp_ceil(const IaqiConstants<P>& k, typename P::D x) noexcept {
  const typename P::D zero = P::set1(0.0);
  typename P::D v = P::mul(k.slope0, x);
  for (std::size_t j = 0; j < k.knots; ++j) v = P::fma(k.dslope[j], P::max(P::sub(x, k.knot[j]), zero), v);
  return P::ceil(P::sub(v, P::set1(rounding_tolerance)));
}

// IAQI of one pack: NaN stays NaN, above the top the edition's value (500, a fixed value, or
// NaN where another indicator is substituted). `+ 0` turns the -0.0 that ceil(-tolerance)
// gives at x = 0 into 0.
template <class P>
inline typename P::D iaqi_pack(const IaqiConstants<P>& k, typename P::D x) noexcept {
  typename P::D r = P::add(ramp_ceil<P>(k, x), P::set1(0.0));
  r = P::select(P::gt(x, k.top), k.above, r);
  return P::select(P::is_nan(x), x, r);
}

template <class P>
inline typename P::M is_bad_pack(typename P::D x) noexcept {
  return P::mor(P::lt(x, P::set1(0.0)), P::gt(x, P::set1(std::numeric_limits<double>::max())));
}

inline std::size_t first_bad(const double* c, std::size_t n) noexcept {
  for (std::size_t j = 0; j < n; ++j)
    if (is_bad_concentration(c[j])) return j;
  return npos;
}

// IAQI of c[0..n) into out with pack P (the tail with the scalar pack). Returns the index of
// the first negative or infinite value, or npos; outputs at bad indices are unspecified.
template <class P>
inline std::size_t iaqi_span_with(const IaqiKernel& k, const double* c, double* out, std::size_t n) noexcept {
  const IaqiConstants<P> kp(k);
  const IaqiConstants<simd::Scalar> ks(k);
  unsigned bad = 0;
  std::size_t i = 0;
  for (; i + P::width <= n; i += P::width) {
    const typename P::D x = P::load(c + i);
    P::store(out + i, iaqi_pack<P>(kp, x));
    bad |= P::bits(is_bad_pack<P>(x));
  }
  for (; i < n; ++i) {
    out[i] = iaqi_pack<simd::Scalar>(ks, c[i]);
    bad |= is_bad_concentration(c[i]);
  }
  return bad ? first_bad(c, n) : npos;
}

inline std::size_t iaqi_span(const IaqiKernel& k, const double* c, double* out, std::size_t n) noexcept {
  return iaqi_span_with<simd::Widest>(k, c, out, n);
}

inline double iaqi_scalar(const IaqiKernel& k, double x) noexcept {
  return iaqi_pack<simd::Scalar>(IaqiConstants<simd::Scalar>(k), x);
}

// SPEC A6 option: round a concentration to the reporting precision (µg/m³ to an integer, CO to
// 0.1 mg/m³) with GB/T 8170 rounding (round half to even). A value within the tolerance of a
// half is treated as the exact decimal half it was written as.
inline double round_to_reporting(double c, Indicator i) noexcept {
  // Beyond 2^52 every double is a whole number; scaling the largest ones by 10 would overflow to
  // infinity (fuzzing: CO 1.8e308 rounded became inf, then "negative concentration").
  if (!(std::fabs(c) < 0x1p52)) return c;
  const double scale = pollutant_of(i) == Pollutant::co ? 10.0 : 1.0;
  const double x = c * scale;
  const double f = std::floor(x);
  const double frac = x - f;
  double r;
  if (std::fabs(frac - 0.5) < 1e-9 * (1.0 + std::fabs(x)))
    r = std::fmod(f, 2.0) == 0.0 ? f : f + 1.0;
  else
    r = std::nearbyint(x);
  return r / scale;
}

}  // namespace aqi::detail
