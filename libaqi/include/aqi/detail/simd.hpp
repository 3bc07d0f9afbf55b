// A minimal pack layer: the same kernel source runs on one double, four (AVX2) or eight
// (AVX-512). Only what libaqi's kernels use. The scalar pack is the reference; tests run every
// pack the compiler provides against it.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#if defined(__AVX2__) || defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace aqi::detail::simd {

struct Scalar {
  using D = double;
  using M = bool;
  static constexpr std::size_t width = 1;
  static D load(const double* p) noexcept { return *p; }
  static void store(double* p, D v) noexcept { *p = v; }
  static D set1(double x) noexcept { return x; }
  static D add(D a, D b) noexcept { return a + b; }
  static D sub(D a, D b) noexcept { return a - b; }
  static D mul(D a, D b) noexcept { return a * b; }
  static D div(D a, D b) noexcept { return a / b; }
  static D fma(D a, D b, D c) noexcept { return a * b + c; }
  static D max(D a, D b) noexcept { return a > b ? a : b; }  // b when a is NaN
  static D min(D a, D b) noexcept { return a < b ? a : b; }  // b when a is NaN
  static D ceil(D a) noexcept { return std::ceil(a); }
  // Bitwise OR of the lanes' bit patterns (small integers kept as raw bits, not values).
  static D bor(D a, D b) noexcept {
    std::uint64_t x, y;
    std::memcpy(&x, &a, 8);
    std::memcpy(&y, &b, 8);
    x |= y;
    std::memcpy(&a, &x, 8);
    return a;
  }
  static D from_bits(std::uint64_t bits) noexcept {
    D d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  static M gt(D a, D b) noexcept { return a > b; }
  static M lt(D a, D b) noexcept { return a < b; }
  static M ge(D a, D b) noexcept { return a >= b; }
  static M le(D a, D b) noexcept { return a <= b; }
  static M eq(D a, D b) noexcept { return a == b; }
  static M is_nan(D a) noexcept { return a != a; }
  static M mor(M a, M b) noexcept { return a || b; }
  static M mand(M a, M b) noexcept { return a && b; }
  static D select(M m, D a, D b) noexcept { return m ? a : b; }
  static unsigned bits(M m) noexcept { return m ? 1u : 0u; }
  static M mask(unsigned bits) noexcept { return (bits & 1u) != 0; }  // the inverse of bits()
};

#if defined(__AVX2__) && defined(__FMA__)
struct Avx2 {
  using D = __m256d;
  using M = __m256d;  // all-ones lanes
  static constexpr std::size_t width = 4;
  static D load(const double* p) noexcept { return _mm256_loadu_pd(p); }
  static void store(double* p, D v) noexcept { _mm256_storeu_pd(p, v); }
  static D set1(double x) noexcept { return _mm256_set1_pd(x); }
  static D add(D a, D b) noexcept { return _mm256_add_pd(a, b); }
  static D sub(D a, D b) noexcept { return _mm256_sub_pd(a, b); }
  static D mul(D a, D b) noexcept { return _mm256_mul_pd(a, b); }
  static D div(D a, D b) noexcept { return _mm256_div_pd(a, b); }
  static D fma(D a, D b, D c) noexcept { return _mm256_fmadd_pd(a, b, c); }
  static D max(D a, D b) noexcept { return _mm256_max_pd(a, b); }
  static D min(D a, D b) noexcept { return _mm256_min_pd(a, b); }
  static D bor(D a, D b) noexcept { return _mm256_or_pd(a, b); }
  static D from_bits(std::uint64_t bits) noexcept {
    return _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(bits)));
  }
  static D ceil(D a) noexcept { return _mm256_round_pd(a, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC); }
  static M gt(D a, D b) noexcept { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
  static M lt(D a, D b) noexcept { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
  static M ge(D a, D b) noexcept { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
  static M le(D a, D b) noexcept { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
  static M eq(D a, D b) noexcept { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
  static M is_nan(D a) noexcept { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) noexcept { return _mm256_or_pd(a, b); }
  static M mand(M a, M b) noexcept { return _mm256_and_pd(a, b); }
  static D select(M m, D a, D b) noexcept { return _mm256_blendv_pd(b, a, m); }
  static unsigned bits(M m) noexcept { return static_cast<unsigned>(_mm256_movemask_pd(m)); }
  static M mask(unsigned bits) noexcept {
    const __m256i lane = _mm256_setr_epi64x(1, 2, 4, 8);
    const __m256i set = _mm256_and_si256(_mm256_set1_epi64x(static_cast<long long>(bits)), lane);
    return _mm256_castsi256_pd(_mm256_cmpeq_epi64(set, lane));
  }
  // The pack `r` lanes later in the stream prev, cur: lane i is cur[i − r], or prev[4 + i − r].
  template <int r>
  static D shift_in(D cur, D prev) noexcept {
    static_assert(r == 1 || r == 2, "lags of 1 or 2 lanes (a whole pack is the previous pack)");
    const D mid = _mm256_permute2f128_pd(prev, cur, 0x21);  // prev[2], prev[3], cur[0], cur[1]
    if constexpr (r == 2)
      return mid;
    else
      return _mm256_shuffle_pd(mid, cur, 0x5);  // prev[3], cur[0], cur[1], cur[2]
  }
};
#endif

#if defined(__AVX512F__)
struct Avx512 {
  using D = __m512d;
  using M = __mmask8;
  static constexpr std::size_t width = 8;
  // The maskz_ forms with a full mask: GCC 12 warns "maybe uninitialized" on the plain forms,
  // which pass _mm512_undefined_pd() (a false positive fixed in GCC 13).
  static constexpr __mmask8 all = 0xFF;
  static D load(const double* p) noexcept { return _mm512_loadu_pd(p); }
  static void store(double* p, D v) noexcept { _mm512_storeu_pd(p, v); }
  static D set1(double x) noexcept { return _mm512_set1_pd(x); }
  static D add(D a, D b) noexcept { return _mm512_add_pd(a, b); }
  static D sub(D a, D b) noexcept { return _mm512_sub_pd(a, b); }
  static D mul(D a, D b) noexcept { return _mm512_mul_pd(a, b); }
  static D div(D a, D b) noexcept { return _mm512_div_pd(a, b); }
  static D fma(D a, D b, D c) noexcept { return _mm512_fmadd_pd(a, b, c); }
  static D max(D a, D b) noexcept { return _mm512_maskz_max_pd(all, a, b); }
  static D min(D a, D b) noexcept { return _mm512_maskz_min_pd(all, a, b); }
  static D bor(D a, D b) noexcept {
    return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(a), _mm512_castpd_si512(b)));
  }
  static D from_bits(std::uint64_t bits) noexcept {
    return _mm512_castsi512_pd(_mm512_set1_epi64(static_cast<long long>(bits)));
  }
  static D ceil(D a) noexcept { return _mm512_maskz_roundscale_pd(all, a, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC); }
  static M gt(D a, D b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
  static M lt(D a, D b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
  static M ge(D a, D b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
  static M le(D a, D b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
  static M eq(D a, D b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
  static M is_nan(D a) noexcept { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) noexcept { return static_cast<M>(a | b); }
  static M mand(M a, M b) noexcept { return static_cast<M>(a & b); }
  static D select(M m, D a, D b) noexcept { return _mm512_mask_blend_pd(m, b, a); }
  static unsigned bits(M m) noexcept { return m; }
  static M mask(unsigned bits) noexcept { return static_cast<M>(bits); }
  // The pack `r` lanes later in the stream prev, cur: lane i is cur[i − r], or prev[8 + i − r].
  template <int r>
  static D shift_in(D cur, D prev) noexcept {
    static_assert(r > 0 && r < 8, "lags within a pack");
    return _mm512_castsi512_pd(
        _mm512_maskz_alignr_epi64(all, _mm512_castpd_si512(cur), _mm512_castpd_si512(prev), 8 - r));
  }
};
#endif

// The widest pack the caller's target provides.
#if defined(__AVX512F__)
using Widest = Avx512;
#elif defined(__AVX2__) && defined(__FMA__)
using Widest = Avx2;
#else
using Widest = Scalar;
#endif

}  // namespace aqi::detail::simd
