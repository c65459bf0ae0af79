#include "SocketReadPause.h"

#include <QSocketNotifier>
#include <QTcpSocket>

namespace blog::SocketReadPause {

namespace {

// QAbstractSocket has no call for this: its socket engine (a child) watches the descriptor with
// QSocketNotifier children, and turns its read notifier on and off itself the same way.
void setReading(QTcpSocket *socket, bool enabled)
{
    if (!socket)
        return;
    for (QSocketNotifier *notifier : socket->findChildren<QSocketNotifier *>()) {
        if (notifier->type() == QSocketNotifier::Read && notifier->socket() == socket->socketDescriptor())
            notifier->setEnabled(enabled);
    }
}

} // namespace

void pause(QTcpSocket *socket)
{
    setReading(socket, false);
}

void resume(QTcpSocket *socket)
{
    if (socket && socket->state() == QAbstractSocket::ConnectedState)
        setReading(socket, true);
}

} // namespace blog::SocketReadPause
