#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace blog {

class MetricsRegistry;

// The metrics port: GET /metrics in Prometheus' text format, 404 for other paths, 405 for other methods,
// one request a connection. Apart from the public port on purpose (what the server counts is for the
// operators, not the Internet); small enough to run on the thread that creates it.
class MetricsListener : public QObject
{
    Q_OBJECT

public:
    explicit MetricsListener(const MetricsRegistry &registry, QObject *parent = nullptr);

    // An error message, or an empty string once it listens.
    QString listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }

    static constexpr auto Path = "/metrics";

private:
    void accept();
    void read(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &contentType,
        const QByteArray &body, const QByteArray &extraHeaders = {});

    const MetricsRegistry &m_registry;
    QTcpServer m_server;
};

} // namespace blog
