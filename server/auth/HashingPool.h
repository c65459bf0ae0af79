#pragma once

#include "PoolTaskTimer.h"

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace blog {

// The threads that run argon2 (and nothing else: no database work, which would hold SQLite's writer
// lock at whatever priority we run at). Whether a hash may slow anything else depends on who it competes
// with, and no one fixed priority serves both cases:
//  - while our own HTTP threads are busy, hashing takes only CPU time they leave (SCHED_IDLE), so a
//    sign-in flood does not slow cached reads;
//  - otherwise it runs at normal priority, so busy neighbour processes share the CPU with it fairly
//    instead of starving it (SCHED_IDLE lost to two `yes` processes: 0.45 s sign-ins took 11 s).
// Linux lets a thread lower its priority but not raise it back, so there are two sets of threads, one
// at each priority; the choice is made when a hash starts, not when it is queued. When the HTTP threads
// become busy, the hashes already running at normal priority are lowered too (argon2 starts new lane
// threads every slice, ~1/12 of a hash, and they inherit it), and fresh threads take their place in the
// normal set: reads that arrive in the middle of a sign-in flood wait for no hash. At most `threads`
// hashes run at once (each holds 64 MiB), and at most `maxPending` wait or run: beyond that a request
// is refused rather than queued without bound.
class HashingPool
{
public:
    enum class Priority { Normal, Idle };

    HashingPool(int threads, int maxPending);
    ~HashingPool();
    HashingPool(const HashingPool &) = delete;
    HashingPool &operator=(const HashingPool &) = delete;

    // Thread-safe. Queues `task`; false (and nothing runs) when maxPending tasks already wait or run.
    bool tryStart(std::function<void()> task);
    // Told by whoever watches the HTTP threads; tasks that start from now on run at this priority.
    void setPreferIdle(bool preferIdle);
    // Blocks until every queued task has run.
    void waitForDone();

    int threadCount() const { return m_threads; }
    int pending() const { return m_pending.load(std::memory_order_relaxed); }
    // An estimate of when a refused request could be taken: the queue's work spread over the threads.
    int retryAfterSeconds() const;
    // Tasks started at each priority so far (for metrics and tests).
    quint64 started(Priority priority) const
    {
        return m_started[priority == Priority::Idle].load(std::memory_order_relaxed);
    }
    // The native handles of the pool's threads (QThread::currentThreadId() on them), for tests to see
    // what they did.
    std::vector<quintptr> threadHandles();

private:
    struct Worker
    {
        Priority priority;
        bool running = false;
        bool done = false; // its loop has ended; joined when the next worker is added
        std::thread thread;
    };

    void addWorker(Priority priority);
    void work(Worker &worker);

    const int m_threads;
    const int m_maxPending;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<std::function<void()>> m_queue;
    int m_running = 0;
    bool m_preferIdle = false;
    bool m_stopping = false;
    std::atomic_int m_pending { 0 };
    PoolTaskTimer m_timer { std::chrono::milliseconds(150) };
    std::atomic<quint64> m_started[2] = { 0, 0 };
    std::vector<std::unique_ptr<Worker>> m_workers; // guarded by m_mutex
};

} // namespace blog
