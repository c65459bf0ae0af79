#pragma once

#include <QList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <time.h>

namespace blog {

// Tells whether our HTTP threads are busy, from the CPU time they used in the last tenth of a second
// (their own CPU clocks: a request's wall time would also count waiting for a core). Calls `changed`,
// on its own thread, when the answer changes; with hysteresis, so it does not flap around one load.
class HttpLoadMonitor
{
public:
    using Changed = std::function<void(bool busy)>;

    explicit HttpLoadMonitor(
        Changed changed, std::chrono::milliseconds period = std::chrono::milliseconds(100));
    ~HttpLoadMonitor();
    HttpLoadMonitor(const HttpLoadMonitor &) = delete;
    HttpLoadMonitor &operator=(const HttpLoadMonitor &) = delete;

    // The CPU clock of an HTTP thread (pthread_getcpuclockid); watching starts with the first one.
    void watch(clockid_t threadClock);
    void stop();
    bool isBusy() const { return m_busy.load(std::memory_order_relaxed); }
    // The last sample: CPU time used by all watched threads over wall time, 1.0 = one core.
    double lastLoad() const { return m_lastLoad.load(std::memory_order_relaxed); }

private:
    void run();
    std::chrono::nanoseconds cpuTime();

    Changed m_changed;
    std::chrono::milliseconds m_period;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<clockid_t> m_clocks;
    bool m_stopping = false;
    std::atomic_bool m_busy { false };
    std::atomic<double> m_lastLoad { 0 };
    std::thread m_thread;
};

} // namespace blog
