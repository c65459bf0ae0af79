#include "HttpLoadMonitor.h"

namespace blog {

namespace {
// Busy from 30 % of the watched threads' capacity, idle again below 15 %. Low on purpose: with the
// load generator on the same cores (as in our benchmarks, or a proxy on the same machine) saturated
// HTTP threads show ~50-60 % each, and hashing at idle priority loses nothing while cores are free.
constexpr double BusyShare = 0.30;
constexpr double IdleShare = 0.15;
} // namespace

HttpLoadMonitor::HttpLoadMonitor(Changed changed, std::chrono::milliseconds period)
    : m_changed(std::move(changed))
    , m_period(period)
{
}

HttpLoadMonitor::~HttpLoadMonitor()
{
    stop();
}

void HttpLoadMonitor::watch(clockid_t threadClock)
{
    std::lock_guard lock(m_mutex);
    m_clocks.append(threadClock);
    if (!m_thread.joinable() && !m_stopping)
        m_thread = std::thread([this] { run(); });
}

void HttpLoadMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::chrono::nanoseconds HttpLoadMonitor::cpuTime()
{
    std::chrono::nanoseconds total { 0 };
    for (const clockid_t clock : std::as_const(m_clocks)) {
        timespec time {};
        if (clock_gettime(clock, &time) == 0) // fails once its thread has ended: it then counts nothing
            total += std::chrono::seconds(time.tv_sec) + std::chrono::nanoseconds(time.tv_nsec);
    }
    return total;
}

void HttpLoadMonitor::run()
{
    std::unique_lock lock(m_mutex);
    auto lastWall = std::chrono::steady_clock::now();
    auto lastCpu = cpuTime();
    while (!m_wake.wait_for(lock, m_period, [this] { return m_stopping; })) {
        const auto wall = std::chrono::steady_clock::now();
        const auto cpu = cpuTime();
        const double load
            = double((cpu - lastCpu).count()) / double(std::max<qint64>(1, (wall - lastWall).count()));
        lastWall = wall;
        lastCpu = cpu;
        m_lastLoad.store(load, std::memory_order_relaxed);
        const double capacity = double(m_clocks.size());
        const bool wasBusy = m_busy.load(std::memory_order_relaxed);
        const bool busy = wasBusy ? load >= IdleShare * capacity : load >= BusyShare * capacity;
        if (busy != wasBusy) {
            m_busy.store(busy, std::memory_order_relaxed);
            lock.unlock();
            m_changed(busy);
            lock.lock();
        }
    }
}

} // namespace blog
