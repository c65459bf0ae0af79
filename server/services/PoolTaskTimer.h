#pragma once

#include <QLoggingCategory>

#include <atomic>
#include <chrono>
#include <functional>

namespace blog {

// What the worker pools (hashing, searches) share: a queued task runs so that nothing it throws ends
// the pool's thread, and how long tasks take is kept as a moving average, for the Retry-After of a
// refused one (and the hashing pool's patience with a starved hash).
class PoolTaskTimer
{
public:
    using Category = const QLoggingCategory &(*)();

    explicit PoolTaskTimer(std::chrono::microseconds expected);

    // Runs `task` and says how long it took; what it throws is logged under `category` (tasks answer
    // their own failures).
    std::chrono::microseconds run(const std::function<void()> &task, Category category) const;
    // Takes a run's time into the average.
    void record(std::chrono::microseconds took);
    std::chrono::microseconds average() const
    {
        return std::chrono::microseconds(m_averageMicroseconds.load(std::memory_order_relaxed));
    }
    // Seconds until `pending` tasks spread over `threads` are done; at least 1.
    int secondsFor(int pending, int threads) const;

private:
    std::atomic<qint64> m_averageMicroseconds;
};

} // namespace blog
