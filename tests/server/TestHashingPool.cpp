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
    std::atomic_int failed { 0 };
    std::atomic_int deliveredPolicy { -1 }; // of the run that was handed over
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

// Starts a task that only computes: what the tests run needs no hand-over.
template<typename F> bool start(HashingPool &pool, F f)
{
    return pool.tryStart(
        [f] {
            f();
            return std::any();
        },
        [](std::any) {}, [](std::exception_ptr) {});
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
        if (!start(pool, [&] {
                policy = sched_getscheduler(0);
                done.release();
            }))
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
        QVERIFY(start(pool, [&] {
            started.release();
            release.acquire();
        }));
        started.acquire();
        std::atomic_int policy { -1 };
        QVERIFY(start(pool, [&] { policy = sched_getscheduler(0); })); // queued behind the first
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
        QVERIFY(start(pool, [&] {
            before = sched_getscheduler(0);
            started.release();
            lowered.acquire();
            after = sched_getscheduler(0);
        }));
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
            accepted += start(pool, [&] {
                release.acquire();
                ++ran;
            });
        }
        QCOMPARE(accepted, 3);
        QCOMPARE(pool.pending(), 3);
        QVERIFY(pool.retryAfterSeconds() >= 1);
        release.release(3);
        pool.waitForDone();
        QCOMPARE(ran.load(), 3);
        QCOMPARE(pool.pending(), 0);
        QVERIFY(start(pool, [&] { ++ran; })); // room again
        pool.waitForDone();
        QCOMPARE(ran.load(), 4);
    }

    void neverRunsMoreThanItsThreadsAtOnce()
    {
        HashingPool pool(2, 64);
        std::atomic_int running { 0 };
        std::atomic_int most { 0 };
        for (int i = 0; i < 20; ++i) {
            QVERIFY(start(pool, [&] {
                const int now = ++running;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) { }
                QThread::msleep(5);
                --running;
            }));
            if (i == 10)
                pool.setPreferIdle(true); // both sets of threads in use, still two at a time
        }
        pool.waitForDone();
        QCOMPARE(most.load(), 2);
    }

    void aHashStarvedAtIdlePriorityRunsAgainOnceTheHttpThreadsAreQuiet()
    {
        auto runs = std::make_shared<Runs>();
        const auto compute = [runs] {
            ++runs->started;
            spin(std::chrono::milliseconds(50));
            ++runs->finished;
            if (sched_getscheduler(0) == SCHED_OTHER)
                ++runs->finishedAtNormalPriority;
            return std::any(sched_getscheduler(0));
        };
        auto pool = std::make_unique<HashingPool>(1, 4);
        BusyNeighbours neighbours(2); // stopped first if the test fails, so the pool can drain
        pool->setPreferIdle(true);
        QVERIFY(pool->tryStart(
            compute,
            [runs](std::any policy) {
                runs->deliveredPolicy = std::any_cast<int>(policy);
                ++runs->delivered;
            },
            [runs](std::exception_ptr) { ++runs->failed; }));
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
        QCOMPARE(runs->deliveredPolicy.load(), SCHED_OTHER); // the rerun's result
        QCOMPARE(runs->failed.load(), 0);
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

    void aRerunLoweredInTurnIsRunAgainToo()
    {
        auto runs = std::make_shared<Runs>();
        // Two threads: at most as many starved runs may be left going as there are threads.
        auto pool = std::make_unique<HashingPool>(2, 4);
        BusyNeighbours neighbours(2); // stopped first if the test fails, so the pool can drain
        pool->setPreferIdle(true);
        QVERIFY(pool->tryStart(
            [runs] {
                ++runs->started;
                spin(std::chrono::milliseconds(300));
                ++runs->finished;
                return std::any();
            },
            [runs](std::any) { ++runs->delivered; }, [runs](std::exception_ptr) { ++runs->failed; }));
        QTRY_COMPARE(runs->started.load(), 1);
        pool->setPreferIdle(false);
        QTRY_COMPARE_WITH_TIMEOUT(runs->started.load(), 2, 5000); // run again at normal priority
        // The HTTP threads are busy again before it is done: it is lowered, and starves in turn.
        pool->setPreferIdle(true);
        QCOMPARE(pool->lowered(), quint64(1));
        QCOMPARE(runs->delivered.load(), 0);
        QTest::qWait(300);
        pool->setPreferIdle(false);
        QTRY_COMPARE_WITH_TIMEOUT(runs->delivered.load(), 1, 10000);
        QCOMPARE(pool->rerun(), quint64(2));
        QCOMPARE(runs->started.load(), 3);
        QCOMPARE(runs->failed.load(), 0);
        QElapsedTimer destruction;
        destruction.start();
        pool.reset(); // two starved runs are still going
        QVERIFY2(destruction.elapsed() < 1000, qPrintable(QString::number(destruction.elapsed())));
        neighbours.stop();
        QTRY_COMPARE_WITH_TIMEOUT(runs->finished.load(), 3, 10000);
        QCOMPARE(runs->delivered.load(), 1);
    }

    void aThrowingTaskIsAnsweredByItsFailureAndTheThreadsGoOn()
    {
        HashingPool pool(1, 4);
        std::atomic_int delivered { 0 };
        std::atomic_int failed { 0 };
        QString why;
        QVERIFY(pool.tryStart([]() -> std::any { throw std::runtime_error("argon2: out of memory"); },
            [&](std::any) { ++delivered; },
            [&](std::exception_ptr failure) {
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception &error) {
                    why = QString::fromUtf8(error.what());
                }
                ++failed;
            }));
        // A hand-over that throws does not end the thread either.
        QVERIFY(pool.tryStart([] { return std::any(1); }, [](std::any) { throw std::runtime_error("gone"); },
            [](std::exception_ptr) {}));
        std::atomic_bool ran { false };
        QVERIFY(start(pool, [&] { ran = true; }));
        pool.waitForDone();
        QVERIFY(ran);
        QCOMPARE(failed.load(), 1);
        QCOMPARE(delivered.load(), 0);
        QCOMPARE(why, "argon2: out of memory");
        QCOMPARE(pool.pending(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHashingPool)
#include "TestHashingPool.moc"
