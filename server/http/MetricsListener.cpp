#include "MetricsListener.h"

#include "MetricsRegistry.h"

#include <QTcpSocket>
#include <QTimer>

namespace blog {

namespace {
// A scrape is a short GET; anything bigger or slower is not Prometheus.
constexpr qsizetype MaxRequestBytes = 8 * 1024;
constexpr int RequestTimeoutMs = 5000;
// Per-connection state rides on the socket, which goes with the connection.
const char *const AnsweredProperty = "blogMetricsAnswered";
const char *const BufferProperty = "blogMetricsBuffer";
} // namespace

MetricsListener::MetricsListener(const MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MetricsListener::accept);
}

QString MetricsListener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port))
        return QStringLiteral("cannot listen for metrics on %1:%2: %3")
            .arg(address.toString())
            .arg(port)
            .arg(m_server.errorString());
    return {};
}

void MetricsListener::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        QTimer::singleShot(RequestTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void MetricsListener::read(QTcpSocket *socket)
{
    if (socket->property(AnsweredProperty).toBool())
        return; // answered already; what else comes is dropped with the connection
    QByteArray request = socket->property(BufferProperty).toByteArray() + socket->readAll();
    const qsizetype end = request.indexOf("\r\n\r\n");
    if (end < 0) {
        if (request.size() > MaxRequestBytes) {
            socket->setProperty(AnsweredProperty, true);
            answer(socket, "431 Request Header Fields Too Large", "text/plain; charset=utf-8",
                "Request too large\n");
            return;
        }
        socket->setProperty(BufferProperty, request);
        return;
    }
    socket->setProperty(AnsweredProperty, true);
    const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
    if (line.size() != 3 || !line[2].startsWith("HTTP/1.")) {
        answer(socket, "400 Bad Request", "text/plain; charset=utf-8", "Bad request\n");
        return;
    }
    QByteArray path = line[1];
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);
    if (path != Path) {
        answer(socket, "404 Not Found", "text/plain; charset=utf-8", "Not found; try /metrics\n");
        return;
    }
    if (line[0] != "GET") {
        answer(socket, "405 Method Not Allowed", "text/plain; charset=utf-8", "Method not allowed\n",
            "Allow: GET\r\n");
        return;
    }
    answer(socket, "200 OK", MetricsRegistry::ContentType, m_registry.render());
}

void MetricsListener::answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &contentType,
    const QByteArray &body, const QByteArray &extraHeaders)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace blog
