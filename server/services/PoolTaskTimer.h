#pragma once

#include <QLoggingCategory>

#include <atomic>
#include <chrono>
#include <functional>

namespace blog {

// What the worker pools (hashing, searches) share: a queued task runs so that nothing it throws ends
// the pool's thread, and how long tasks take is kept as a moving average, for the Retry-After of a
// refused one.
class PoolTaskTimer
{
public:
    using Category = const QLoggingCategory &(*)();

    explicit PoolTaskTimer(std::chrono::microseconds expected);

    // Runs `task`; what it throws is logged under `category` (tasks answer their own failures).
    void run(const std::function<void()> &task, Category category);
    // Seconds until `pending` tasks spread over `threads` are done; at least 1.
    int secondsFor(int pending, int threads) const;

private:
    std::atomic<qint64> m_averageMicroseconds;
};

} // namespace blog
