#include "SignInThrottle.h"

#include <QDateTime>

namespace blog {

namespace {
constexpr qint64 WindowMs = 60 * 1000;
constexpr qsizetype MaxTrackedKeys = 100000; // beyond this, stale keys are swept
} // namespace

SignInThrottle::SignInThrottle(int perAddress)
    : m_perAddress(perAddress)
    , m_perEmail(std::max(3, perAddress / 3))
{
}

int SignInThrottle::wait(QList<qint64> &times, int limit, qint64 now) const
{
    while (!times.isEmpty() && times.first() <= now - WindowMs)
        times.removeFirst();
    if (times.size() < limit)
        return 0;
    return int((times.first() + WindowMs - now + 999) / 1000);
}

void SignInThrottle::forgetStale(qint64 now)
{
    for (auto *map : { &m_byAddress, &m_byEmail }) {
        for (auto it = map->begin(); it != map->end();) {
            if (it->isEmpty() || it->last() <= now - WindowMs)
                it = map->erase(it);
            else
                ++it;
        }
    }
}

int SignInThrottle::attempt(const QString &clientAddress, const QString &emailKey)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (m_byAddress.size() + m_byEmail.size() > MaxTrackedKeys)
        forgetStale(now);
    QList<qint64> &byAddress = m_byAddress[clientAddress];
    QList<qint64> &byEmail = m_byEmail[emailKey];
    const int waitSeconds = std::max(wait(byAddress, m_perAddress, now), wait(byEmail, m_perEmail, now));
    if (waitSeconds > 0) {
        m_throttled.fetch_add(1, std::memory_order_relaxed);
        return waitSeconds;
    }
    byAddress.append(now);
    byEmail.append(now);
    return 0;
}

} // namespace blog
