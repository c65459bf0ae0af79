#include "HashingPool.h"

#include "PoolTaskTimer.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

Q_LOGGING_CATEGORY(lcHashing, "blog.hashing")

namespace blog {

namespace {

using Clock = std::chrono::steady_clock;

// How often runs at idle priority are looked at while there are any.
constexpr std::chrono::milliseconds CheckPeriod(100);
// A run at idle priority starves when it has gone on for this long, or for StarvedAfterHashes average
// hashes if that is longer, since the HTTP threads were last busy.
constexpr std::chrono::milliseconds StarvedAfterAtLeast(1000);
constexpr int StarvedAfterHashes = 4;

void lower(pthread_t thread)
{
#ifdef Q_OS_LINUX
    sched_param parameters {};
    if (pthread_setschedparam(thread, SCHED_IDLE, &parameters) != 0)
        qCWarning(lcHashing) << "cannot move a hashing thread to SCHED_IDLE";
#endif
}

} // namespace

class HashingPool::State : public std::enable_shared_from_this<State>
{
public:
    // Guarded by the mutex, but for `compute`, which runs without it and never changes.
    struct Job
    {
        Compute compute;
        Deliver deliver; // moved out when handed over: a dropped run keeps no request state
        Fail fail;
        bool delivered = false;
        int runs = 0; // queued or going, abandoned ones too
        int active = 0; // queued or going and not abandoned
    };

    struct Worker
    {
        Priority priority;
        std::shared_ptr<Job> job; // while it runs one
        Clock::time_point idleSince; // when its run went to idle priority
        bool retiring = false; // lowered or abandoned: ends after this run, another took its place
        bool abandoned = false; // its run starved and was queued again; it holds no permit
        bool done = false; // its loop has ended; joined when the next worker is added
        std::thread thread;
    };

    State(int threads, int maxPending)
        : threads(std::max(1, threads))
        , maxPending(std::max(1, maxPending))
    {
    }

    void start()
    {
        std::lock_guard lock(mutex);
        for (int i = 0; i < threads; ++i) {
            addWorker(Priority::Normal);
            addWorker(Priority::Idle);
        }
        watchdog = std::thread([self = shared_from_this()] { self->watch(); });
    }

    // Called with the mutex held.
    void addWorker(Priority priority)
    {
        // Workers whose loop ended go first.
        for (auto it = workers.begin(); it != workers.end();) {
            if ((*it)->done) {
                (*it)->thread.join(); // it has left work(): nothing of it waits on the mutex
                it = workers.erase(it);
            } else {
                ++it;
            }
        }
        auto worker = std::make_unique<Worker>();
        worker->priority = priority;
        worker->thread = std::thread([self = shared_from_this(), &w = *worker] { self->work(w); });
        if (priority == Priority::Idle)
            lower(worker->thread.native_handle());
        workers.push_back(std::move(worker));
    }

    bool canTake(const Worker &worker) const
    {
        if (running >= threads)
            return false;
        if (worker.priority == Priority::Normal && !rerunQueue.empty())
            return true;
        return !queue.empty() && preferIdle == (worker.priority == Priority::Idle);
    }

    void work(Worker &worker)
    {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return stopping || canTake(worker); });
            if (stopping)
                break;
            std::shared_ptr<Job> job;
            if (worker.priority == Priority::Normal && !rerunQueue.empty()) {
                job = std::move(rerunQueue.front());
                rerunQueue.pop_front();
                if (job->delivered) { // the starved run finished after all
                    --job->runs;
                    --job->active;
                    continue;
                }
            } else {
                job = std::move(queue.front());
                queue.pop_front();
            }
            ++running;
            worker.job = job;
            worker.idleSince = Clock::now();
            ++startedAt[worker.priority == Priority::Idle];
            if (worker.priority == Priority::Idle)
                watchWake.notify_all();
            lock.unlock();

            std::any result;
            std::exception_ptr failure;
            const auto took = timer.run(
                [&] {
                    try {
                        result = job->compute();
                    } catch (...) {
                        failure = std::current_exception();
                        throw; // for the timer to log
                    }
                },
                lcHashing);

            lock.lock();
            worker.job.reset();
            if (worker.abandoned) {
                --abandonedRuns;
            } else {
                --running;
                --job->active;
                timer.record(took);
            }
            --job->runs;
            wake.notify_all(); // a permit is free again
            // A success answers at once; a failure only when no other run of the task is left to succeed.
            if (!job->delivered && (!failure || job->runs == 0)) {
                job->delivered = true;
                Deliver deliver = std::move(job->deliver);
                Fail fail = std::move(job->fail);
                job->deliver = nullptr;
                job->fail = nullptr;
                lock.unlock();
                const auto handOver = [&] {
                    if (failure)
                        fail(failure);
                    else
                        deliver(std::move(result));
                };
                timer.run(handOver, lcHashing);
                lock.lock();
                if (--pending == 0) // counted until just after the hand-over, for waitForDone()
                    drained.notify_all();
            }
            if (worker.retiring)
                break;
        }
        worker.done = true;
    }

    // Runs again, at normal priority, what starves at idle priority while the HTTP threads are quiet.
    void watch()
    {
        std::unique_lock lock(mutex);
        while (!stopping) {
            const bool watching = std::any_of(workers.begin(), workers.end(),
                [](const auto &w) { return w->job && w->priority == Priority::Idle && !w->abandoned; });
            if (watching)
                watchWake.wait_for(lock, CheckPeriod);
            else
                watchWake.wait(lock);
            if (stopping || preferIdle)
                continue;
            const auto now = Clock::now();
            const auto starvedAfter = std::max<std::chrono::microseconds>(
                StarvedAfterAtLeast, StarvedAfterHashes * timer.average());
            const auto starvedFor = [&](const Worker &worker) {
                return std::chrono::duration_cast<std::chrono::milliseconds>(
                    now - std::max(worker.idleSince, quietSince));
            };
            std::vector<Worker *> starved;
            for (const auto &worker : workers) {
                // Only a task's last live run is run again (a rerun lowered in turn may be again).
                if (worker->job && worker->priority == Priority::Idle && !worker->abandoned
                    && !worker->job->delivered && worker->job->active == 1
                    && starvedFor(*worker) >= starvedAfter)
                    starved.push_back(worker.get());
            }
            for (Worker *worker : starved) {
                if (abandonedRuns >= threads)
                    break; // their memory is bounded too
                qCInfo(lcHashing).nospace()
                    << "a hash starved at idle priority for " << starvedFor(*worker).count()
                    << " ms; running it again at normal priority";
                worker->abandoned = true;
                --running;
                ++abandonedRuns;
                ++rerunCount;
                ++worker->job->runs; // the abandoned run is still one, and goes on
                rerunQueue.push_back(worker->job); // active: one less (abandoned), one more (queued)
                if (!worker->retiring) {
                    worker->retiring = true;
                    addWorker(Priority::Idle);
                }
            }
            if (!starved.empty())
                wake.notify_all();
        }
    }

    const int threads;
    const int maxPending;
    std::mutex mutex;
    std::condition_variable wake; // workers: something to take, or stop
    std::condition_variable watchWake; // the watchdog
    std::condition_variable drained;
    std::deque<std::shared_ptr<Job>> queue;
    std::deque<std::shared_ptr<Job>> rerunQueue; // starved jobs, for normal-priority workers first
    int pending = 0; // jobs not yet delivered
    int running = 0; // runs holding a permit
    int abandonedRuns = 0; // starved runs still going, their job queued again
    bool preferIdle = false;
    Clock::time_point quietSince; // when the HTTP threads were last busy
    bool stopping = false;
    PoolTaskTimer timer { std::chrono::milliseconds(150) };
    quint64 startedAt[2] = { 0, 0 };
    quint64 loweredCount = 0;
    quint64 rerunCount = 0;
    std::vector<std::unique_ptr<Worker>> workers;
    std::thread watchdog;
};

HashingPool::HashingPool(int threads, int maxPending)
    : m_state(std::make_shared<State>(threads, maxPending))
{
    m_state->start();
}

HashingPool::~HashingPool()
{
    waitForDone();
    std::vector<std::thread> joined;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
        for (const auto &worker : m_state->workers) {
            // Every task has been handed over: a run still going is one whose result was dropped, which
            // could take minutes more beside busy neighbours at idle priority.
            if (worker->job)
                worker->thread.detach();
            else
                joined.push_back(std::move(worker->thread));
        }
        joined.push_back(std::move(m_state->watchdog));
    }
    m_state->wake.notify_all();
    m_state->watchWake.notify_all();
    for (std::thread &thread : joined)
        thread.join();
}

bool HashingPool::tryStart(Compute compute, Deliver deliver, Fail fail)
{
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->pending >= m_state->maxPending)
            return false;
        ++m_state->pending;
        auto job = std::make_shared<State::Job>();
        job->compute = std::move(compute);
        job->deliver = std::move(deliver);
        job->fail = std::move(fail);
        job->runs = 1;
        job->active = 1;
        m_state->queue.push_back(std::move(job));
    }
    m_state->wake.notify_all();
    return true;
}

void HashingPool::setPreferIdle(bool preferIdle)
{
    State &state = *m_state;
    {
        std::lock_guard lock(state.mutex);
        if (state.preferIdle == preferIdle)
            return;
        state.preferIdle = preferIdle;
        if (!preferIdle) {
            state.quietSince = Clock::now();
        } else {
            std::vector<State::Worker *> lowered;
            for (const auto &worker : state.workers) {
                if (worker->priority == Priority::Normal && worker->job && !worker->retiring)
                    lowered.push_back(worker.get());
            }
            for (State::Worker *worker : lowered) {
                lower(worker->thread.native_handle());
                worker->priority = Priority::Idle;
                worker->idleSince = Clock::now();
                worker->retiring = true;
                ++state.loweredCount;
                state.addWorker(Priority::Normal);
            }
        }
    }
    state.wake.notify_all();
    state.watchWake.notify_all();
}

void HashingPool::waitForDone()
{
    std::unique_lock lock(m_state->mutex);
    m_state->drained.wait(lock, [this] { return m_state->pending == 0; });
}

int HashingPool::threadCount() const
{
    return m_state->threads;
}

int HashingPool::pending() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->pending;
}

int HashingPool::retryAfterSeconds() const
{
    return m_state->timer.secondsFor(pending(), m_state->threads);
}

quint64 HashingPool::started(Priority priority) const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->startedAt[priority == Priority::Idle];
}

quint64 HashingPool::lowered() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->loweredCount;
}

quint64 HashingPool::rerun() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->rerunCount;
}

std::vector<quintptr> HashingPool::threadHandles()
{
    std::vector<quintptr> handles;
    std::lock_guard lock(m_state->mutex);
    for (const auto &worker : m_state->workers)
        handles.push_back(quintptr(worker->thread.native_handle()));
    return handles;
}

} // namespace blog
