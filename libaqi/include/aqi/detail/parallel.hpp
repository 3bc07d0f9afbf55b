// Split [0, n) into contiguous chunks and run them on short-lived threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include "aqi/parallelism.hpp"

namespace aqi::detail {

// "No index": nothing bad found, no match.
inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

inline unsigned worker_count(std::size_t n, const Parallelism& p) {
  unsigned t = p.threads != 0 ? p.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t by_size = std::max<std::size_t>(1, n / std::max<std::size_t>(1, p.min_per_thread));
  return static_cast<unsigned>(std::min<std::size_t>(t, by_size));
}

// Calls body(chunk_index, begin, end) for `chunks` contiguous chunks of [0, n), in parallel.
// Chunk boundaries are multiples of `align` (except the last). An exception escaping a body
// is rethrown on the calling thread after every worker has joined.
template <class Body>
void parallel_chunks(std::size_t n, unsigned chunks, std::size_t align, Body&& body) {
  if (chunks <= 1 || n == 0) {
    body(0u, std::size_t{0}, n);
    return;
  }
  const std::size_t units = (n + align - 1) / align;
  const std::size_t per = (units + chunks - 1) / chunks;
  std::vector<std::exception_ptr> errors(chunks);
  std::vector<std::thread> workers;
  workers.reserve(chunks - 1);
  auto run = [&](unsigned c) {
    const std::size_t b = std::min(n, c * per * align);
    const std::size_t e = std::min(n, (c + 1) * per * align);
    try {
      if (b < e) body(c, b, e);
    } catch (...) {
      errors[c] = std::current_exception();
    }
  };
  for (unsigned c = 1; c < chunks; ++c) workers.emplace_back(run, c);
  run(0);
  for (auto& w : workers) w.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace aqi::detail
