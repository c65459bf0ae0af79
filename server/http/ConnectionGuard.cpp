#include "ConnectionGuard.h"

#include "ErrorCodec.h"

#include <QLoggingCategory>
#include <QTcpSocket>

#include <string_view>

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
    setDeadline(m_policy.idleTimeout);
}

QByteArray ConnectionGuard::rejection(int status, const QByteArray &reason, const QByteArray &message)
{
    const QByteArray body = ErrorCodec::toBytes(QString::fromUtf8(message));
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
    static constexpr std::string_view HeaderEnd = "\r\n\r\n";
    qsizetype i = 0;
    while (i < size) {
        if (!m_inRequest) {
            m_inRequest = true;
            setDeadline(m_policy.requestTimeout);
        }
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, size - i);
            m_bodyRemaining -= take;
            i += take;
            if (m_bodyRemaining == 0)
                requestComplete();
            continue;
        }
        // Headers, up to the blank line that ends them; it may straddle two reads.
        const std::string_view chunk(data + i, size_t(size - i));
        qsizetype end = -1; // in chunk, just past the blank line
        if (!m_header.isEmpty()) {
            const qsizetype carried = std::min<qsizetype>(3, m_header.size());
            const QByteArray joint
                = m_header.right(carried) + QByteArray(chunk.data(), std::min<qsizetype>(3, chunk.size()));
            const qsizetype at = joint.indexOf(HeaderEnd.data());
            if (at >= 0)
                end = at + 4 - carried;
        }
        if (end < 0) {
            const size_t at = chunk.find(HeaderEnd);
            if (at != std::string_view::npos)
                end = qsizetype(at) + 4;
        }
        const qsizetype take = end >= 0 ? end : qsizetype(chunk.size());
        if (m_header.size() + take > m_policy.maxHeaderBytes) {
            reject(431, "Request Header Fields Too Large", "The request's headers are too large");
            return false;
        }
        m_header.append(chunk.data(), take);
        i += take;
        if (end >= 0 && !headersComplete())
            return false;
    }
    return true;
}

namespace {
std::string_view trimmed(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

bool namedAs(std::string_view name, std::string_view expected)
{
    return name.size() == expected.size()
        && qstrnicmp(name.data(), name.size(), expected.data(), expected.size()) == 0;
}
} // namespace

bool ConnectionGuard::headersComplete()
{
    qint64 length = 0;
    std::string_view rest(m_header.constData(), size_t(m_header.size()));
    while (!rest.empty()) {
        const size_t newline = rest.find('\n');
        const std::string_view line = rest.substr(0, newline);
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            continue;
        const std::string_view name = trimmed(line.substr(0, colon));
        if (namedAs(name, "content-length")) {
            const std::string_view value = trimmed(line.substr(colon + 1));
            bool ok = false;
            length = QByteArray::fromRawData(value.data(), qsizetype(value.size())).toLongLong(&ok);
            if (!ok || length < 0) {
                reject(400, "Bad Request", "Invalid Content-Length");
                return false;
            }
        } else if (namedAs(name, "transfer-encoding")) {
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
    setDeadline(m_policy.idleTimeout);
}

void ConnectionGuard::setDeadline(std::chrono::milliseconds fromNow)
{
    m_deadline = std::chrono::steady_clock::now() + fromNow;
    // Re-arming a QTimer costs a timer registration; twice a request that was ~2 % of a cached
    // answer. The timer stays armed for the earliest deadline we had, and moves on when it fires early.
    if (!m_timer.isActive() || m_timerDue > m_deadline)
        arm(fromNow);
}

void ConnectionGuard::arm(std::chrono::milliseconds fromNow)
{
    m_timerDue = std::chrono::steady_clock::now() + fromNow;
    m_timer.start(fromNow);
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
    m_deadline = std::chrono::steady_clock::now() + DrainDeadline;
    arm(DrainDeadline);
}

void ConnectionGuard::timedOut()
{
    const auto now = std::chrono::steady_clock::now();
    if (!m_rejected && now < m_deadline) {
        arm(std::chrono::ceil<std::chrono::milliseconds>(m_deadline - now));
        return;
    }
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
