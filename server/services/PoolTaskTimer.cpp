#include "PoolTaskTimer.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace blog {

PoolTaskTimer::PoolTaskTimer(std::chrono::microseconds expected)
    : m_averageMicroseconds(expected.count())
{
}

std::chrono::microseconds PoolTaskTimer::run(const std::function<void()> &task, Category category) const
{
    const auto started = std::chrono::steady_clock::now();
    try {
        task();
    } catch (const std::exception &error) {
        qCCritical(category) << "a task failed:" << error.what();
    } catch (...) {
        qCCritical(category) << "a task failed";
    }
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
}

void PoolTaskTimer::record(std::chrono::microseconds took)
{
    const qint64 previous = m_averageMicroseconds.load(std::memory_order_relaxed);
    m_averageMicroseconds.store((previous * 7 + took.count()) / 8, std::memory_order_relaxed);
}

int PoolTaskTimer::secondsFor(int pending, int threads) const
{
    const double seconds = double(pending) * double(m_averageMicroseconds.load(std::memory_order_relaxed))
        / 1e6 / double(std::max(1, threads));
    return std::max(1, int(std::ceil(seconds)));
}

} // namespace blog
