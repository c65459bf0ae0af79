#include "GuardedTcpServer.h"

#include "ConnectionCounter.h"
#include "ConnectionGuard.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace blog {

GuardedTcpServer::GuardedTcpServer(
    const ConnectionPolicy &policy, ConnectionCounter &counter, QObject *parent)
    : QTcpServer(parent)
    , m_policy(policy)
    , m_counter(counter)
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (!m_counter.tryAdd(peer)) {
        qCWarning(lcHttp) << "too many connections; refusing" << peer.toString();
        socket->write(ConnectionGuard::rejection(503, "Service Unavailable", "Too many connections"));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    // No Nagle: an answer that leaves in two segments would otherwise wait for the client's delayed ACK of
    // the first whenever the client pauses between requests (paced wrk: p50 10 ms instead of ~1 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ConnectionCounter *counter = &m_counter;
    connect(socket, &QObject::destroyed, [counter, peer] { counter->remove(peer); });
    new ConnectionGuard(socket, m_policy);
    addPendingConnection(socket);
}

} // namespace blog
