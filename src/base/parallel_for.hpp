// Work spread over the cores (internal): fn(i) for every index, each exactly once.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace zhinan::detail {

// Runs fn(i) for every i in [0, count) on up to `threads` threads (0: every core), this
// one among them, each i exactly once; callers write to slot i only, so results do not
// depend on the schedule. An exception from fn stops the rest of the work and the first
// one is rethrown here once every thread has ended (none escapes a thread, which would end
// the process).
template <class F>
void parallel_for(std::size_t count, unsigned threads, F&& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;  // the first exception, rethrown here once every thread is done
  std::mutex failure_mutex;
  const auto work = [&] {
    try {
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) fn(i);
    } catch (...) {
      next = count;
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace zhinan::detail
