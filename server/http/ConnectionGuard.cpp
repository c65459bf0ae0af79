#include "ConnectionGuard.h"

#include "ErrorReply.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace blog {

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionPolicy &policy)
    : QObject(socket)
    , m_socket(socket)
    , m_policy(policy)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    m_timer.start(m_policy.idleTimeout);
}

QByteArray ConnectionGuard::rejection(int status, const QByteArray &reason, const QByteArray &message)
{
    const QByteArray body = ErrorReply::body(QString::fromUtf8(message));
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
          "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

void ConnectionGuard::inspect()
{
    if (m_rejected) {
        drain();
        return;
    }
    // Only what QtHttpServer has not read yet: it reads everything on each readyRead, after us.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    if (!feed(fresh.constData(), fresh.size()))
        drain(); // QtHttpServer must not see a refused request
}

void ConnectionGuard::drain()
{
    constexpr qint64 MaxDrainBytes = 16 * 1024 * 1024;
    const qint64 skipped = m_socket->skip(m_socket->bytesAvailable());
    m_drained += std::max<qint64>(skipped, 0);
    if (m_drainLeft >= 0)
        m_drainLeft -= std::max<qint64>(skipped, 0);
    if ((m_drainLeft >= 0 && m_drainLeft <= 0) || m_drained > MaxDrainBytes)
        m_socket->disconnectFromHost();
}

bool ConnectionGuard::feed(const char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        if (!m_inRequest) {
            m_inRequest = true;
            m_timer.start(m_policy.requestTimeout);
        }
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, size - i);
            m_bodyRemaining -= take;
            i += take;
            if (m_bodyRemaining == 0)
                requestComplete();
            continue;
        }
        const char c = data[i++];
        m_header.append(c);
        if (m_header.size() > m_policy.maxHeaderBytes) {
            reject(431, "Request Header Fields Too Large", "The request's headers are too large");
            return false;
        }
        if (c == '\n' && m_header.endsWith("\r\n\r\n") && !headersComplete())
            return false;
    }
    return true;
}

bool ConnectionGuard::headersComplete()
{
    qint64 length = 0;
    for (const QByteArray &line : m_header.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                reject(400, "Bad Request", "Invalid Content-Length");
                return false;
            }
        } else if (name == "transfer-encoding") {
            // Chunked bodies have no size up front; our clients all send Content-Length.
            reject(411, "Length Required", "Send the body with a Content-Length");
            return false;
        }
    }
    m_header.clear();
    if (length > m_policy.maxBodyBytes) {
        reject(413, "Payload Too Large",
            "The body is over the limit of " + QByteArray::number(m_policy.maxBodyBytes) + " bytes", length);
        return false;
    }
    m_bodyRemaining = length;
    m_inBody = length > 0;
    if (!m_inBody)
        requestComplete();
    return true;
}

void ConnectionGuard::requestComplete()
{
    m_inBody = false;
    m_inRequest = false;
    m_timer.start(m_policy.idleTimeout);
}

void ConnectionGuard::reject(
    int status, const QByteArray &reason, const QByteArray &message, qint64 declaredBody)
{
    constexpr auto DrainDeadline = std::chrono::seconds(2);
    m_rejected = true;
    qCInfo(lcHttp) << "refused a request from" << m_socket->peerAddress().toString() << "with" << status;
    m_socket->write(rejection(status, reason, message));
    m_drainLeft = declaredBody;
    if (declaredBody == 0 || status == 408) {
        m_socket->disconnectFromHost();
        return;
    }
    m_timer.start(DrainDeadline);
}

void ConnectionGuard::timedOut()
{
    if (m_rejected) {
        m_socket->disconnectFromHost(); // the drain deadline
        return;
    }
    if (m_inRequest) {
        reject(408, "Request Timeout", "The request did not arrive in time");
        return;
    }
    m_socket->disconnectFromHost(); // idle keep-alive connection
}

} // namespace blog
