// Runs of back-to-back day-blocks on all 24 alignments at once (SPEC W3: blocks aligned at ANY
// hour; W4: k days in a row), as bitsets over window ends: bit t says the 24-hour mean ending
// at hour t satisfies a condition, so the block after it is bit t + 24 and every alignment is
// one residue of t mod 24. A run of k blocks is then an AND of k shifts of one bitset, 64
// windows per machine word, with no loop over alignments or blocks.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace aqi::detail {

inline constexpr unsigned day_bits = 24;  // one block later: 24 window ends later

// windows[i] &= windows[i + 24]: from windows of k blocks starting at i, those of k + 1.
inline void extend_windows(std::uint64_t* windows, std::size_t words) noexcept {
  for (std::size_t w = 0; w < words; ++w) {  // ascending: word w + 1 is still the old one
    const std::uint64_t later = w + 1 < words ? windows[w + 1] << (64 - day_bits) : 0;
    windows[w] &= (windows[w] >> day_bits) | later;
  }
}

// x[i] = x[i − 24]: each bit moved one block later.
inline void one_block_later(std::uint64_t* x, std::size_t words) noexcept {
  for (std::size_t w = words; w-- > 0;) {  // descending: word w − 1 is still the old one
    const std::uint64_t earlier = w > 0 ? x[w - 1] >> (64 - day_bits) : 0;
    x[w] = (x[w] << day_bits) | earlier;
  }
}

inline bool any_bit(const std::uint64_t* x, std::size_t words) noexcept {
  std::uint64_t any = 0;
  for (std::size_t w = 0; w < words; ++w) any |= x[w];
  return any != 0;
}

// covered := every block of the windows of k blocks whose first block is set in `starts`
// (`moved` is scratch of the same size).
inline void cover_windows(const std::uint64_t* starts, int k, std::size_t words, std::uint64_t* covered,
                          std::uint64_t* moved) noexcept {
  std::copy(starts, starts + words, covered);
  std::copy(starts, starts + words, moved);
  for (int r = 1; r < k; ++r) {
    one_block_later(moved, words);
    for (std::size_t w = 0; w < words; ++w) covered[w] |= moved[w];
  }
}

}  // namespace aqi::detail
