#pragma once

#include "TrustedProxies.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <atomic>

namespace blog {

// Open connections (or requests in flight) in all and per client address, shared by the worker threads.
// Trusted proxies carry many clients on their connections, so those count against the total only.
class ConnectionCounter
{
public:
    ConnectionCounter(int maxTotal, int maxPerAddress, TrustedProxies exempt = {});

    // Counts the connection in, or refuses it when a cap is reached.
    bool tryAdd(const QHostAddress &address);
    void remove(const QHostAddress &address);

    int open() const { return m_open.load(std::memory_order_relaxed); }
    quint64 refused() const { return m_refused.load(std::memory_order_relaxed); }

private:
    TrustedProxies m_exempt;
    QMutex m_mutex;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    int m_maxTotal;
    int m_maxPerAddress;
    // Copies for the metrics, read without the mutex.
    std::atomic<int> m_open { 0 };
    std::atomic<quint64> m_refused { 0 };
};

} // namespace blog
