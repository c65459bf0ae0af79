#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace blog {

// Open connections in all and per client address, shared by the worker threads.
class ConnectionCounter
{
public:
    ConnectionCounter(int maxTotal, int maxPerAddress);

    // Counts the connection in, or refuses it when a cap is reached.
    bool tryAdd(const QHostAddress &address);
    void remove(const QHostAddress &address);

private:
    QMutex m_mutex;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    int m_maxTotal;
    int m_maxPerAddress;
};

} // namespace blog
