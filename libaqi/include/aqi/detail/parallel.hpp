// Split [0, n) into contiguous chunks or blocks and run them on short-lived threads.
#pragma once

#include <algorithm>
#include <atomic>
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

// Calls body(worker, begin, end) on consecutive blocks of `block` items of [0, n), handed out in
// order to `workers` threads as each finishes its last, so a worker slowed by other work on the
// machine takes fewer. body returns false to stop: no block after that one is started, and
// every block before it runs to its end (a caller looking for the first bad item finds it).
// An exception escaping a body is rethrown on the calling thread after every worker has joined.
template <class Body>
void parallel_blocks(std::size_t n, unsigned workers, std::size_t block, Body&& body) {
  block = std::max<std::size_t>(1, block);
  const std::size_t blocks = (n + block - 1) / block;
  workers = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(workers, blocks)));
  std::atomic<std::size_t> next{0}, stop{blocks};
  auto run = [&](unsigned w) {
    for (std::size_t k; (k = next.fetch_add(1, std::memory_order_relaxed)) < stop.load(std::memory_order_relaxed);) {
      if (body(w, k * block, std::min(n, (k + 1) * block))) continue;
      for (std::size_t s = stop.load(); k < s && !stop.compare_exchange_weak(s, k);) {
      }
      return;
    }
  };
  if (workers == 1) {
    run(0);
    return;
  }
  parallel_chunks(workers, workers, 1, [&](unsigned, std::size_t b, std::size_t) { run(static_cast<unsigned>(b)); });
}

}  // namespace aqi::detail
