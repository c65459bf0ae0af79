#include "HashingPool.h"

#include <QLoggingCategory>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

Q_LOGGING_CATEGORY(lcHashing, "blog.hashing")

namespace blog {

namespace {

void lower(pthread_t thread)
{
#ifdef Q_OS_LINUX
    sched_param parameters {};
    if (pthread_setschedparam(thread, SCHED_IDLE, &parameters) != 0)
        qCWarning(lcHashing) << "cannot move a hashing thread to SCHED_IDLE";
#endif
}

} // namespace

HashingPool::HashingPool(int threads, int maxPending)
    : m_threads(std::max(1, threads))
    , m_maxPending(std::max(1, maxPending))
{
    std::lock_guard lock(m_mutex);
    for (int i = 0; i < m_threads; ++i) {
        addWorker(Priority::Normal);
        addWorker(Priority::Idle);
    }
}

HashingPool::~HashingPool()
{
    waitForDone();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (const auto &worker : m_workers)
        worker->thread.join();
}

void HashingPool::addWorker(Priority priority)
{
    // Workers whose loop ended (lowered ones beyond the idle set's size) go first.
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if ((*it)->done) {
            (*it)->thread.join(); // it has left work(): nothing of it waits on m_mutex
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
    auto worker = std::make_unique<Worker>();
    worker->priority = priority;
    Worker &self = *worker;
    worker->thread = std::thread([this, &self] { work(self); });
    if (priority == Priority::Idle)
        lower(worker->thread.native_handle());
    m_workers.push_back(std::move(worker));
}

bool HashingPool::tryStart(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.load(std::memory_order_relaxed) >= m_maxPending)
            return false;
        m_pending.fetch_add(1, std::memory_order_relaxed);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_all();
    return true;
}

void HashingPool::setPreferIdle(bool preferIdle)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_preferIdle == preferIdle)
            return;
        m_preferIdle = preferIdle;
        if (preferIdle) {
            std::vector<Worker *> lowered;
            for (const auto &worker : m_workers) {
                if (worker->priority == Priority::Normal && worker->running && !worker->done)
                    lowered.push_back(worker.get());
            }
            for (Worker *worker : lowered) {
                lower(worker->thread.native_handle());
                worker->priority = Priority::Idle;
                addWorker(Priority::Normal);
            }
        }
    }
    m_wake.notify_all();
}

void HashingPool::waitForDone()
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return m_queue.empty() && m_running == 0; });
}

int HashingPool::retryAfterSeconds() const
{
    return m_timer.secondsFor(pending(), m_threads);
}

std::vector<quintptr> HashingPool::threadHandles()
{
    std::vector<quintptr> handles;
    std::lock_guard lock(m_mutex);
    for (const auto &worker : m_workers)
        handles.push_back(quintptr(worker->thread.native_handle()));
    return handles;
}

void HashingPool::work(Worker &worker)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this, &worker] {
            return m_stopping
                || (!m_queue.empty() && m_running < m_threads
                    && m_preferIdle == (worker.priority == Priority::Idle));
        });
        if (m_stopping)
            break;
        std::function<void()> task = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        worker.running = true;
        m_started[worker.priority == Priority::Idle].fetch_add(1, std::memory_order_relaxed);
        lock.unlock();
        m_timer.run(task, lcHashing);
        lock.lock();
        worker.running = false;
        --m_running;
        m_pending.fetch_sub(1, std::memory_order_relaxed);
        if (m_queue.empty() && m_running == 0)
            m_drained.notify_all();
        m_wake.notify_all(); // a permit is free again
        // A lowered worker beyond the idle set's size ends here; its place in the normal set was filled.
        const auto idleWorkers = std::count_if(m_workers.begin(), m_workers.end(),
            [](const auto &w) { return w->priority == Priority::Idle && !w->done; });
        if (worker.priority == Priority::Idle && idleWorkers > m_threads)
            break;
    }
    worker.done = true;
}

} // namespace blog
