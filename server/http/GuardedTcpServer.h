#pragma once

#include "ConnectionPolicy.h"

#include <QTcpServer>

namespace blog {

class ConnectionCounter;

// The listening socket of one worker: counts connections against the caps (503 beyond them) and
// puts a ConnectionGuard on each before QtHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const ConnectionPolicy &policy, ConnectionCounter &counter, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    const ConnectionPolicy &m_policy;
    ConnectionCounter &m_counter;
};

} // namespace blog
