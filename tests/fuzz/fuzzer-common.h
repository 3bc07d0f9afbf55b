// Shared by the fuzz targets (one small target per entry point, as fmt's test/fuzzing/ does).
//
// The contract every target checks: bad input ends in an aqi::Error (the documented outcome, with
// a message naming what is wrong); anything else — a crash, a sanitizer report, another exception
// type, a hang, or a broken invariant checked with AQI_FUZZ_CHECK — is a finding, and aborting
// makes libFuzzer keep the input that caused it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <limits>
#include <string>
#include <sstream>
#include <string_view>
#include <typeinfo>
#include <vector>

#include "aqi/error.hpp"

namespace aqi_fuzz {

[[noreturn]] inline void finding(const char* what, const char* detail) {
  std::fprintf(stderr, "aqi fuzz finding: %s: %s\n", what, detail);
  std::abort();
}

// Runs `body`; an aqi::Error is the expected end of bad input, everything else a finding.
template <class Body>
void expect_aqi_errors(Body&& body) {
  try {
    body();
  } catch (const aqi::Error&) {
  } catch (const std::exception& e) {
    finding(typeid(e).name(), e.what());
  } catch (...) {
    finding("exception", "not derived from std::exception");
  }
}

// An invariant of a result the input was accepted for.
#define AQI_FUZZ_CHECK(condition)                                                        \
  do {                                                                                   \
    if (!(condition)) ::aqi_fuzz::finding("invariant broken", #condition " (" __FILE__ ")"); \
  } while (false)

// A file of the source tree (AQI_SOURCE_DIR), read once at start-up by targets that need real
// data beside the fuzzed part (the scenario's inventory, say).
inline std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(AQI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) finding("cannot read", relative.c_str());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// NaN equals NaN: results are compared cell by cell.
inline bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// The bytes of an input read as typed values, front to back; past the end everything reads 0.
class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  bool empty() const noexcept { return at_ >= size_; }
  std::size_t remaining() const noexcept { return empty() ? 0 : size_ - at_; }

  std::uint8_t byte() noexcept { return empty() ? 0 : data_[at_++]; }

  template <class T>
  T raw() noexcept {
    T v{};
    const std::size_t n = std::min(sizeof(T), remaining());
    if (n) std::memcpy(&v, data_ + at_, n);
    at_ += n;
    return v;
  }

  // A whole number in [0, n) (0 when n is 0).
  std::size_t below(std::size_t n) noexcept { return n == 0 ? 0 : raw<std::uint16_t>() % n; }
  bool flag() noexcept { return byte() & 1; }

  // A double drawn from the values that break numeric code — NaN, ±inf, the largest and
  // smallest magnitudes, denormals, -0, negatives, raw bit patterns — and from plain decimals
  // (whole numbers, tenths, hundredths) around the ranges the library rates.
  double number() noexcept {
    const std::uint8_t tag = byte();
    switch (tag % 16) {
      case 0:
        return std::numeric_limits<double>::quiet_NaN();
      case 1:
        return std::numeric_limits<double>::infinity();
      case 2:
        return -std::numeric_limits<double>::infinity();
      case 3:
        return std::numeric_limits<double>::max();
      case 4:
        return std::numeric_limits<double>::denorm_min() * (1 + byte());
      case 5:
        return -0.0;
      case 6:
        return -static_cast<double>(raw<std::uint16_t>()) / 10;
      case 7:
        return raw<double>();
      case 8:
        return std::numeric_limits<double>::min();
      case 9:
        return std::ldexp(1.0, static_cast<int>(byte()) * 8 - 1000);  // 2^-1000 … 2^1032 (inf)
      case 10:
      case 11:
        return static_cast<double>(raw<std::uint16_t>() % 1200) / 10;  // 0 … 119.9
      case 12:
      case 13:
        return static_cast<double>(raw<std::uint16_t>() % 6000);  // 0 … 5999
      default:
        return static_cast<double>(raw<std::uint32_t>() % 100000) / 100;  // 0 … 999.99
    }
  }

  // Like number(), but only values a caller may legally pass: NaN (missing) or finite ≥ 0.
  double valid_number() noexcept {
    const double x = number();
    if (std::isnan(x)) return x;
    if (!std::isfinite(x)) return std::numeric_limits<double>::max();
    return std::fabs(x);
  }

  std::vector<double> numbers(std::size_t n) {
    std::vector<double> v(n);
    for (auto& x : v) x = number();
    return v;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace aqi_fuzz
