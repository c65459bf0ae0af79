#include "HttpLoadMonitor.h"

#include <QByteArray>
#include <QFile>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace blog {

namespace {
// Busy when the HTTP threads had work 40 % of a sample, idle again after samples below 20 %. Under a read
// load that saturates them they have work all the time; hashing at idle priority then loses nothing a read
// needs.
constexpr double BusyShare = 0.40;
constexpr double IdleShare = 0.20;
// ... and ran on a core at least this share of it (waiting alone may be other processes' load).
constexpr double RunningShare = 0.10;

// Nanoseconds on a CPU and waiting on a run queue, the first two fields of schedstat.
HttpLoadMonitor::Times threadTimes(pid_t threadId)
{
    QFile file(QStringLiteral("/proc/self/task/%1/schedstat").arg(threadId));
    if (!file.open(QIODevice::ReadOnly))
        return {}; // the thread has ended
    const QList<QByteArray> fields = file.read(128).split(' ');
    if (fields.size() < 2)
        return {};
    return { std::chrono::nanoseconds(fields[0].toLongLong()),
        std::chrono::nanoseconds(fields[1].toLongLong()) };
}
} // namespace

HttpLoadMonitor::HttpLoadMonitor(
    Changed changed, std::chrono::milliseconds period, std::chrono::milliseconds idleAfter)
    : m_changed(std::move(changed))
    , m_period(period)
    , m_idleAfter(idleAfter)
{
}

HttpLoadMonitor::~HttpLoadMonitor()
{
    stop();
}

void HttpLoadMonitor::watch(pid_t threadId)
{
    std::lock_guard lock(m_mutex);
    if (!QFile::exists(QStringLiteral("/proc/self/task/%1/schedstat").arg(threadId))) {
        qCWarning(lcHttp)
            << "no scheduler statistics for HTTP threads; password hashing stays at normal priority";
        return;
    }
    m_threads.append(threadId);
    if (!m_thread.joinable() && !m_stopping)
        m_thread = std::thread([this] { run(); });
}

void HttpLoadMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool HttpLoadMonitor::hadWork(double demand, double running, int threads, bool staying)
{
    const double capacity = double(threads);
    return demand >= (staying ? IdleShare : BusyShare) * capacity && running >= RunningShare * capacity;
}

HttpLoadMonitor::Times HttpLoadMonitor::times() const
{
    Times total;
    for (const pid_t thread : m_threads) {
        const Times one = threadTimes(thread);
        total.running += one.running;
        total.waiting += one.waiting;
    }
    return total;
}

void HttpLoadMonitor::run()
{
    std::unique_lock lock(m_mutex);
    auto lastWall = std::chrono::steady_clock::now();
    Times last = times();
    bool quiet = false; // while busy: the samples since quietSince were all quiet
    auto quietSince = lastWall;
    while (!m_wake.wait_for(lock, m_period, [this] { return m_stopping; })) {
        const auto wall = std::chrono::steady_clock::now();
        const Times now = times();
        const double elapsed = double(std::max<qint64>(1, (wall - lastWall).count()));
        const double running = double((now.running - last.running).count()) / elapsed;
        const double demand = running + double((now.waiting - last.waiting).count()) / elapsed;
        lastWall = wall;
        last = now;
        m_lastDemand.store(demand, std::memory_order_relaxed);
        m_lastRunning.store(running, std::memory_order_relaxed);
        const int threads = int(m_threads.size());
        const bool wasBusy = m_busy.load(std::memory_order_relaxed);
        bool busy = hadWork(demand, running, threads, false);
        if (wasBusy) {
            if (hadWork(demand, running, threads, true)) {
                quiet = false;
            } else if (!quiet) {
                quiet = true;
                quietSince = wall;
            }
            busy = !quiet || wall - quietSince < m_idleAfter;
        }
        if (busy != wasBusy) {
            quiet = false;
            qCDebug(lcHttp) << "HTTP threads" << (busy ? "busy" : "idle") << "at demand" << demand
                            << "running" << running;
            m_busy.store(busy, std::memory_order_relaxed);
            lock.unlock();
            m_changed(busy);
            lock.lock();
        }
    }
}

} // namespace blog
