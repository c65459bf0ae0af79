#pragma once

#include <QtGlobal>

#include <any>
#include <exception>
#include <functional>
#include <memory>
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
// normal set: reads that arrive in the middle of a sign-in flood wait for no hash.
// A hash left at idle priority when our HTTP threads are quiet again starves for as long as neighbour
// processes keep every core busy (it took 6.4 s beside two `yes`, and would have taken minutes). So once
// the HTTP threads have been quiet for longer than a few hashes take, such a hash is run again from the
// start at normal priority; the first run to finish is handed over and the other's result dropped (a run
// that throws answers only if no other run of it is left). The starved run keeps its memory until it ends
// (at most `threads` such runs at once) and does not hold up shutdown. At most `threads` hashes run at once
// otherwise (each holds 64 MiB), and at most `maxPending` wait or run: beyond that a request is refused
// rather than queued without bound.
class HashingPool
{
public:
    enum class Priority { Normal, Idle };
    // Computes on a hashing thread and returns the result. It may run twice, even at the same time, and
    // a dropped run may outlive the server (see above): it owns all it reads and holds no request state.
    using Compute = std::function<std::any()>;
    // Hands the first run's result over (to the request's thread); called once a task.
    using Deliver = std::function<void(std::any result)>;
    // Called instead when every run of the task threw.
    using Fail = std::function<void(std::exception_ptr failure)>;

    HashingPool(int threads, int maxPending);
    ~HashingPool();
    HashingPool(const HashingPool &) = delete;
    HashingPool &operator=(const HashingPool &) = delete;

    // Thread-safe. Queues a task; false (and nothing runs) when maxPending tasks already wait or run.
    bool tryStart(Compute compute, Deliver deliver, Fail fail);
    // Told by whoever watches the HTTP threads; tasks that start from now on run at this priority.
    void setPreferIdle(bool preferIdle);
    // Blocks until every queued task has been handed over.
    void waitForDone();

    int threadCount() const;
    // Tasks queued or running and not yet handed over.
    int pending() const;
    // An estimate of when a refused request could be taken: the queue's work spread over the threads.
    int retryAfterSeconds() const;
    // Tasks started at each priority so far (for metrics and tests).
    quint64 started(Priority priority) const;
    // Running tasks lowered to idle priority because the HTTP threads became busy.
    quint64 lowered() const;
    // Tasks run again at normal priority because their run at idle priority starved.
    quint64 rerun() const;
    // The native handles of the pool's threads (QThread::currentThreadId() on them), for tests to see
    // what they did.
    std::vector<quintptr> threadHandles();

private:
    class State;
    std::shared_ptr<State> m_state; // shared with the threads: a starved run may outlive the pool
};

} // namespace blog
