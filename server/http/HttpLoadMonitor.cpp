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

// Nanoseconds on a CPU and waiting on a run queue, the first two fields of schedstat.
std::chrono::nanoseconds threadDemand(pid_t threadId)
{
    QFile file(QStringLiteral("/proc/self/task/%1/schedstat").arg(threadId));
    if (!file.open(QIODevice::ReadOnly))
        return std::chrono::nanoseconds(0); // the thread has ended
    const QList<QByteArray> fields = file.read(128).split(' ');
    if (fields.size() < 2)
        return std::chrono::nanoseconds(0);
    return std::chrono::nanoseconds(fields[0].toLongLong() + fields[1].toLongLong());
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

std::chrono::nanoseconds HttpLoadMonitor::demand() const
{
    std::chrono::nanoseconds total { 0 };
    for (const pid_t thread : m_threads)
        total += threadDemand(thread);
    return total;
}

void HttpLoadMonitor::run()
{
    std::unique_lock lock(m_mutex);
    auto lastWall = std::chrono::steady_clock::now();
    auto lastDemand = demand();
    bool quiet = false; // while busy: the samples since quietSince were all quiet
    auto quietSince = lastWall;
    while (!m_wake.wait_for(lock, m_period, [this] { return m_stopping; })) {
        const auto wall = std::chrono::steady_clock::now();
        const auto now = demand();
        const double share
            = double((now - lastDemand).count()) / double(std::max<qint64>(1, (wall - lastWall).count()));
        lastWall = wall;
        lastDemand = now;
        m_lastDemand.store(share, std::memory_order_relaxed);
        const double capacity = double(m_threads.size());
        const bool wasBusy = m_busy.load(std::memory_order_relaxed);
        bool busy = share >= BusyShare * capacity;
        if (wasBusy) {
            if (share >= IdleShare * capacity) {
                quiet = false;
            } else if (!quiet) {
                quiet = true;
                quietSince = wall;
            }
            busy = !quiet || wall - quietSince < m_idleAfter;
        }
        if (busy != wasBusy) {
            quiet = false;
            qCDebug(lcHttp) << "HTTP threads" << (busy ? "busy" : "idle") << "at demand" << share;
            m_busy.store(busy, std::memory_order_relaxed);
            lock.unlock();
            m_changed(busy);
            lock.lock();
        }
    }
}

} // namespace blog
