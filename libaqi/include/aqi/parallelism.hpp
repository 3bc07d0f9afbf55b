// How many threads a bulk call may use. No thread pool lives between calls (no global state):
// a call that is large enough starts its workers and joins them before it returns.
#pragma once

#include <cstddef>

namespace aqi {

struct Parallelism {
  // 0 = std::thread::hardware_concurrency(); 1 = run on the calling thread only.
  unsigned threads = 0;
  // Below this many elements per worker a call stays on the calling thread: starting a thread
  // costs tens of microseconds.
  std::size_t min_per_thread = std::size_t{1} << 15;
};

}  // namespace aqi
