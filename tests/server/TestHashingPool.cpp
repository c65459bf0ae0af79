#include "BusyNeighbours.h"
#include "HashingPool.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>
#include <sched.h>
#include <semaphore>
#include <time.h>

using namespace blog;
using namespace blog::test;

namespace {
// What the runs of one task saw; shared with them, since a starved run may outlive the test's scope.
struct Runs
{
    std::atomic_int started { 0 };
    std::atomic_int finished { 0 };
    std::atomic_int finishedAtNormalPriority { 0 };
    std::atomic_int delivered { 0 };
};

// Spends `cpu` of its own thread's CPU time, as a hash would.
void spin(std::chrono::milliseconds cpu)
{
    const auto now = [] {
        timespec time {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
        return std::chrono::seconds(time.tv_sec) + std::chrono::nanoseconds(time.tv_nsec);
    };
    const auto end = now() + cpu;
    while (now() < end) { }
}

// A task that only computes: what the tests run needs no hand-over.
template<typename F> HashingPool::Task computing(F f)
{
    return [f]() -> HashingPool::Delivery {
        f();
        return {};
    };
}
} // namespace

// The pool that runs argon2: which priority a task gets, the bound on its queue, and draining.
class TestHashingPool : public QObject
{
    Q_OBJECT

    // The scheduling policy of the thread that runs a task started now.
    static int policyOfATask(HashingPool &pool)
    {
        std::atomic_int policy { -1 };
        std::binary_semaphore done { 0 };
        if (!pool.tryStart(computing([&] {
                policy = sched_getscheduler(0);
                done.release();
            })))
            return -2;
        done.acquire();
        return policy;
    }

private slots:
    void runsAtNormalPriorityUnlessHttpThreadsAreBusy()
    {
        HashingPool pool(2, 8);
        QCOMPARE(policyOfATask(pool), SCHED_OTHER);
        pool.setPreferIdle(true);
        QCOMPARE(policyOfATask(pool), SCHED_IDLE);
        pool.setPreferIdle(false);
        // Linux does not let a thread go back from SCHED_IDLE: this must be another thread.
        QCOMPARE(policyOfATask(pool), SCHED_OTHER);
    }

    void theChoiceIsMadeWhenATaskStartsNotWhenItIsQueued()
    {
        HashingPool pool(1, 8);
        std::binary_semaphore release { 0 };
        std::binary_semaphore started { 0 };
        QVERIFY(pool.tryStart(computing([&] {
            started.release();
            release.acquire();
        })));
        started.acquire();
        std::atomic_int policy { -1 };
        QVERIFY(pool.tryStart(computing([&] { policy = sched_getscheduler(0); }))); // queued behind the first
        pool.setPreferIdle(true);
        release.release();
        pool.waitForDone();
        QCOMPARE(policy.load(), SCHED_IDLE);
    }

    void aRunningHashIsLoweredWhenHttpThreadsBecomeBusy()
    {
        HashingPool pool(1, 8);
        std::binary_semaphore started { 0 };
        std::binary_semaphore lowered { 0 };
        std::atomic_int before { -1 };
        std::atomic_int after { -1 };
        QVERIFY(pool.tryStart(computing([&] {
            before = sched_getscheduler(0);
            started.release();
            lowered.acquire();
            after = sched_getscheduler(0);
        })));
        started.acquire();
        pool.setPreferIdle(true);
        lowered.release();
        pool.waitForDone();
        QCOMPARE(before.load(), SCHED_OTHER);
        QCOMPARE(after.load(), SCHED_IDLE);
        // Its place among the normal threads was taken by a new one.
        pool.setPreferIdle(false);
        QCOMPARE(policyOfATask(pool), SCHED_OTHER);
        pool.setPreferIdle(true);
        QCOMPARE(policyOfATask(pool), SCHED_IDLE);
    }

    void refusesBeyondItsQueueAndEstimatesTheWait()
    {
        HashingPool pool(1, 3);
        std::counting_semaphore<8> release { 0 };
        std::atomic_int ran { 0 };
        int accepted = 0;
        for (int i = 0; i < 6; ++i) {
            accepted += pool.tryStart(computing([&] {
                release.acquire();
                ++ran;
            }));
        }
        QCOMPARE(accepted, 3);
        QCOMPARE(pool.pending(), 3);
        QVERIFY(pool.retryAfterSeconds() >= 1);
        release.release(3);
        pool.waitForDone();
        QCOMPARE(ran.load(), 3);
        QCOMPARE(pool.pending(), 0);
        QVERIFY(pool.tryStart(computing([&] { ++ran; }))); // room again
        pool.waitForDone();
        QCOMPARE(ran.load(), 4);
    }

    void neverRunsMoreThanItsThreadsAtOnce()
    {
        HashingPool pool(2, 64);
        std::atomic_int running { 0 };
        std::atomic_int most { 0 };
        for (int i = 0; i < 20; ++i) {
            QVERIFY(pool.tryStart(computing([&] {
                const int now = ++running;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) { }
                QThread::msleep(5);
                --running;
            })));
            if (i == 10)
                pool.setPreferIdle(true); // both sets of threads in use, still two at a time
        }
        pool.waitForDone();
        QCOMPARE(most.load(), 2);
    }

    void aHashStarvedAtIdlePriorityRunsAgainOnceTheHttpThreadsAreQuiet()
    {
        auto runs = std::make_shared<Runs>();
        const auto task = [runs]() -> HashingPool::Delivery {
            ++runs->started;
            spin(std::chrono::milliseconds(50));
            ++runs->finished;
            if (sched_getscheduler(0) == SCHED_OTHER)
                ++runs->finishedAtNormalPriority;
            return [runs] { ++runs->delivered; };
        };
        BusyNeighbours neighbours(2);
        auto pool = std::make_unique<HashingPool>(1, 4);
        pool->setPreferIdle(true);
        QVERIFY(pool->tryStart(task));
        QTRY_COMPARE(runs->started.load(), 1);
        // While the HTTP threads are busy, reads come first: the hash waits.
        QTest::qWait(1500);
        QCOMPARE(pool->rerun(), quint64(0));
        QCOMPARE(runs->delivered.load(), 0);
        QElapsedTimer quiet;
        quiet.start();
        pool->setPreferIdle(false);
        QTRY_COMPARE_WITH_TIMEOUT(runs->delivered.load(), 1, 10000);
        qInfo() << "delivered" << quiet.elapsed() << "ms after the HTTP threads were quiet";
        QCOMPARE(pool->rerun(), quint64(1));
        QCOMPARE(runs->started.load(), 2);
        QCOMPARE(runs->finishedAtNormalPriority.load(), 1);
        QCOMPARE(pool->pending(), 0);
        // The starved run is still going, and the pool does not wait for it to go away.
        QCOMPARE(runs->finished.load(), 1);
        QElapsedTimer destruction;
        destruction.start();
        pool.reset();
        QVERIFY2(destruction.elapsed() < 1000, qPrintable(QString::number(destruction.elapsed())));
        neighbours.stop();
        QTRY_COMPARE_WITH_TIMEOUT(runs->finished.load(), 2, 10000);
        QCOMPARE(runs->delivered.load(), 1); // its result was dropped
    }

    void aThrowingTaskDoesNotTakeThePoolDown()
    {
        HashingPool pool(1, 4);
        QVERIFY(pool.tryStart(computing([] { throw std::runtime_error("argon2: out of memory"); })));
        std::atomic_bool ran { false };
        QVERIFY(pool.tryStart(computing([&] { ran = true; })));
        pool.waitForDone();
        QVERIFY(ran);
    }
};

QTEST_GUILESS_MAIN(TestHashingPool)
#include "TestHashingPool.moc"
