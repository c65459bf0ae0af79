#include "SearchPool.h"

#include "Database.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSearchPool, "blog.search")

namespace blog {

SearchPool::SearchPool(Database &database, int threads, int maxPending, std::chrono::milliseconds timeLimit)
    : m_database(database)
    , m_maxPending(std::max(1, maxPending))
    , m_timeLimit(timeLimit)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { work(); });
}

SearchPool::~SearchPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

bool SearchPool::tryStart(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_pending.load(std::memory_order_relaxed) >= m_maxPending)
            return false;
        m_pending.fetch_add(1, std::memory_order_relaxed);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

void SearchPool::reconnect()
{
    m_database.closeThreadConnection(); // the time limit stays: it is the thread's
}

void SearchPool::waitForDone()
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return m_pending.load(std::memory_order_relaxed) == 0; });
}

int SearchPool::retryAfterSeconds() const
{
    return m_timer.secondsFor(pending(), threadCount());
}

void SearchPool::work()
{
    m_database.limitThreadQueries(m_timeLimit);
    std::unique_lock lock(m_mutex);
    for (;;) {
        // Queued searches still run when stopping: each holds a client's answer.
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            break;
        std::function<void()> task = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_database.restartThreadQueryClock();
        m_timer.record(m_timer.run(task, lcSearchPool));
        lock.lock();
        if (m_pending.fetch_sub(1, std::memory_order_relaxed) == 1)
            m_drained.notify_all();
    }
    lock.unlock();
    m_database.closeThreadConnection();
}

} // namespace blog
