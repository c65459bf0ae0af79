#include "HashingPool.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <sched.h>
#include <semaphore>

using namespace blog;

// The pool that runs argon2: which priority a task gets, the bound on its queue, and draining.
class TestHashingPool : public QObject
{
    Q_OBJECT

    // The scheduling policy of the thread that runs a task started now.
    static int policyOfATask(HashingPool &pool)
    {
        std::atomic_int policy { -1 };
        std::binary_semaphore done { 0 };
        if (!pool.tryStart([&] {
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
        QVERIFY(pool.tryStart([&] {
            started.release();
            release.acquire();
        }));
        started.acquire();
        std::atomic_int policy { -1 };
        QVERIFY(pool.tryStart([&] { policy = sched_getscheduler(0); })); // queued behind the first
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
        QVERIFY(pool.tryStart([&] {
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
            accepted += pool.tryStart([&] {
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
        QVERIFY(pool.tryStart([&] { ++ran; })); // room again
        pool.waitForDone();
        QCOMPARE(ran.load(), 4);
    }

    void neverRunsMoreThanItsThreadsAtOnce()
    {
        HashingPool pool(2, 64);
        std::atomic_int running { 0 };
        std::atomic_int most { 0 };
        for (int i = 0; i < 20; ++i) {
            QVERIFY(pool.tryStart([&] {
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

    void aThrowingTaskDoesNotTakeThePoolDown()
    {
        HashingPool pool(1, 4);
        QVERIFY(pool.tryStart([] { throw std::runtime_error("argon2: out of memory"); }));
        std::atomic_bool ran { false };
        QVERIFY(pool.tryStart([&] { ran = true; }));
        pool.waitForDone();
        QVERIFY(ran);
    }
};

QTEST_GUILESS_MAIN(TestHashingPool)
#include "TestHashingPool.moc"
