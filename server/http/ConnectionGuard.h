#pragma once

#include "ConnectionPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace blog {

// Watches the bytes of one connection before QtHttpServer parses them (its readyRead slot runs
// first and only peeks): refuses oversized headers (431) and bodies (413) before they are read,
// answers requests that arrive too slowly with 408, and closes idle keep-alive connections.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionPolicy &policy);

    static QByteArray rejection(int status, const QByteArray &reason, const QByteArray &message);

private:
    void inspect();
    bool feed(const char *data, qsizetype size);
    bool headersComplete();
    void requestComplete();
    void reject(int status, const QByteArray &reason, const QByteArray &message, qint64 declaredBody = -1);
    void timedOut();
    // What the timer enforces (request, idle or drain time) now ends `fromNow`.
    void setDeadline(std::chrono::milliseconds fromNow);
    void arm(std::chrono::milliseconds fromNow);
    void drain();

    QTcpSocket *m_socket;
    const ConnectionPolicy &m_policy;
    QTimer m_timer;
    std::chrono::steady_clock::time_point m_deadline;
    std::chrono::steady_clock::time_point m_timerDue;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    bool m_inBody = false;
    bool m_inRequest = false;
    bool m_rejected = false;
    // After a refusal we read and drop what the client still sends, so it gets to read our answer
    // instead of a reset; up to the body it announced, a cap, and a deadline.
    qint64 m_drainLeft = -1;
    qint64 m_drained = 0;
};

} // namespace blog
