#pragma once

#include <QList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <sys/types.h>
#include <thread>

namespace blog {

// Tells whether our HTTP threads are busy: how much of each sample period they spent running or waiting
// for a core (Linux's per-thread schedstat). Waiting counts too, so threads that have work but share the
// cores with other processes still count as busy; their CPU time alone would not say it. But they must
// also have run a tenth of it: beside busy processes one client's request waits for a core most of a
// sample, and taking that for load of ours lowered running hashes to idle priority, where those
// processes starved them (a sign-in took 6.4 s). Calls `changed`,
// on its own thread, when the answer changes: busy after one busy sample (reads that arrive in the middle
// of a sign-in flood should share the cores with normal-priority hashes as briefly as can be: with a tenth
// of a second to notice, that moment set the listing's p99 during a flood), idle again only after
// `idleAfter` of quiet samples, so it does not flap.
class HttpLoadMonitor
{
public:
    using Changed = std::function<void(bool busy)>;

    explicit HttpLoadMonitor(Changed changed,
        std::chrono::milliseconds period = std::chrono::milliseconds(20),
        std::chrono::milliseconds idleAfter = std::chrono::milliseconds(250));
    ~HttpLoadMonitor();
    HttpLoadMonitor(const HttpLoadMonitor &) = delete;
    HttpLoadMonitor &operator=(const HttpLoadMonitor &) = delete;

    // An HTTP thread of this process, by its kernel thread id (gettid()); watching starts with the first.
    void watch(pid_t threadId);
    void stop();
    bool isBusy() const { return m_busy.load(std::memory_order_relaxed); }
    // The last sample: running plus runnable time of all watched threads over wall time; 1.0 = one
    // thread that always had work.
    double lastDemand() const { return m_lastDemand.load(std::memory_order_relaxed); }
    // Of that, the time they ran on a core.
    double lastRunning() const { return m_lastRunning.load(std::memory_order_relaxed); }

    // Whether a sample says `threads` threads had work of their own: `demand` and `running` as
    // lastDemand() and lastRunning(); `staying` asks the lower bar that keeps them busy.
    static bool hadWork(double demand, double running, int threads, bool staying);

    struct Times
    {
        std::chrono::nanoseconds running { 0 };
        std::chrono::nanoseconds waiting { 0 }; // runnable, on a run queue
    };

private:
    void run();
    Times times() const;

    Changed m_changed;
    std::chrono::milliseconds m_period;
    std::chrono::milliseconds m_idleAfter;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<pid_t> m_threads;
    bool m_stopping = false;
    std::atomic_bool m_busy { false };
    std::atomic<double> m_lastDemand { 0 };
    std::atomic<double> m_lastRunning { 0 };
    std::thread m_thread;
};

} // namespace blog
