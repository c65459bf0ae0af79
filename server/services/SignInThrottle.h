#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>

namespace blog {

// Limits sign-in attempts per client address and per e-mail address over a sliding minute, so
// passwords cannot be guessed at argon2's full speed. Shared by all threads.
class SignInThrottle
{
public:
    // `perAddress` attempts a minute from one address; a third of that (at least 3) for one e-mail.
    explicit SignInThrottle(int perAddress);

    // Records the attempt and returns 0, or returns the seconds to wait (the attempt is not counted).
    int attempt(const QString &clientAddress, const QString &emailKey);
    // Attempts refused so far.
    quint64 throttled() const { return m_throttled.load(std::memory_order_relaxed); }

private:
    int wait(QList<qint64> &times, int limit, qint64 now) const;
    void forgetStale(qint64 now);

    QMutex m_mutex;
    QHash<QString, QList<qint64>> m_byAddress;
    QHash<QString, QList<qint64>> m_byEmail;
    int m_perAddress;
    int m_perEmail;
    std::atomic<quint64> m_throttled { 0 };
};

} // namespace blog
