#include "HttpLoadMonitor.h"

#include <QTest>

#include <atomic>
#include <pthread.h>
#include <sched.h>
#include <thread>
#include <unistd.h>

using namespace blog;

namespace {

// A thread that spins until stopped, as an HTTP thread with requests to answer, at normal or idle
// priority; the monitor watches it from its start.
class SpinningThread
{
public:
    SpinningThread(HttpLoadMonitor &monitor, int policy)
    {
        std::atomic_bool watched { false };
        m_thread = std::thread([&] {
            sched_param parameters {};
            pthread_setschedparam(pthread_self(), policy, &parameters);
            monitor.watch(gettid());
            watched = true;
            while (!m_stop.load(std::memory_order_relaxed)) { }
        });
        while (!watched)
            std::this_thread::yield();
    }
    ~SpinningThread()
    {
        m_stop = true;
        m_thread.join();
    }

private:
    std::atomic_bool m_stop { false };
    std::thread m_thread;
};

} // namespace

// What counts as our HTTP threads being busy (and so sends password hashing to idle priority).
class TestHttpLoadMonitor : public QObject
{
    Q_OBJECT

private slots:
    void aThreadWithWorkIsBusyAndIdleAgainAfterIt()
    {
        std::atomic_int changes { 0 };
        HttpLoadMonitor monitor([&](bool) { ++changes; });
        {
            SpinningThread thread(monitor, SCHED_OTHER);
            QTRY_VERIFY_WITH_TIMEOUT(monitor.isBusy(), 2000);
            // The first busy sample may have caught the thread's start; a whole one shows it running.
            QTRY_VERIFY_WITH_TIMEOUT(monitor.lastRunning() > 0.5, 2000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isBusy(), 2000);
        QCOMPARE(changes.load(), 2);
    }

    void waitingForACoreWithoutRunningIsNotLoadOfOurs()
    {
        // Samples measured on two HTTP threads (demand, running).
        // One client signing in beside two busy processes: its request waited for a core most of a
        // sample. Taken for load, it sent a running hash to idle priority, where they starved it.
        QVERIFY(!HttpLoadMonitor::hadWork(0.84, 0.03, 2, false));
        // A sign-in flood alone: the HTTP threads wait behind the hashes, but have little to do.
        QVERIFY(!HttpLoadMonitor::hadWork(0.87, 0.03, 2, false));
        // The first sample of 32 connections reading the listing, and reads during a sign-in flood.
        QVERIFY(HttpLoadMonitor::hadWork(2.19, 0.59, 2, false));
        QVERIFY(HttpLoadMonitor::hadWork(1.97, 0.99, 2, false));
        // Busy threads stay busy on less, not on waiting alone.
        QVERIFY(!HttpLoadMonitor::hadWork(0.5, 0.3, 2, false));
        QVERIFY(HttpLoadMonitor::hadWork(0.5, 0.3, 2, true));
        QVERIFY(!HttpLoadMonitor::hadWork(0.5, 0.05, 2, true));
    }
};

QTEST_GUILESS_MAIN(TestHttpLoadMonitor)
#include "TestHttpLoadMonitor.moc"
