#pragma once

#include "PoolTaskTimer.h"

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace blog {

class Database;

// The threads that run searches the cache does not hold. A search of common words can read for a
// while; on the HTTP threads a few of them stalled every other request that landed there (the kernel
// spreads connections over the threads' shared port, so a request cannot avoid a busy thread). Here
// they wait their turn instead: at most `threads` run at once, at most `maxPending` wait or run
// (beyond it a search is refused, 503), and each has `timeLimit` of database time
// (Database::limitThreadQueries) before it is stopped.
class SearchPool
{
public:
    SearchPool(Database &database, int threads, int maxPending, std::chrono::milliseconds timeLimit);
    ~SearchPool();
    SearchPool(const SearchPool &) = delete;
    SearchPool &operator=(const SearchPool &) = delete;

    // Thread-safe. Queues `task`; false (and nothing runs) when maxPending tasks already wait or run.
    bool tryStart(std::function<void()> task);
    // From a task: closes this thread's database connection, so the next query opens a new one (after
    // a database restart the old one is dead).
    void reconnect();
    // Blocks until every queued search has run.
    void waitForDone();

    int threadCount() const { return int(m_threads.size()); }
    int pending() const { return m_pending.load(std::memory_order_relaxed); }
    std::chrono::milliseconds timeLimit() const { return m_timeLimit; }
    // An estimate of when a refused search could be taken: the queue's work spread over the threads.
    int retryAfterSeconds() const;

private:
    void work();

    Database &m_database;
    const int m_maxPending;
    const std::chrono::milliseconds m_timeLimit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::atomic_int m_pending { 0 };
    PoolTaskTimer m_timer { std::chrono::milliseconds(10) };
    std::vector<std::thread> m_threads;
};

} // namespace blog
