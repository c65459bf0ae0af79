#pragma once

#include <QSemaphore>
#include <QThread>

#include <functional>
#include <sys/types.h>

class QHttpServer;
class QTcpServer;

namespace blog {

class ConnectionCounter;
class Database;
struct ConnectionPolicy;

// One thread with its own QHttpServer on its own listening socket (SO_REUSEPORT): handlers run
// synchronously here, and several workers keep every core busy without sharing an event loop.
class HttpWorker : public QThread
{
    Q_OBJECT

public:
    using RouteSetup = std::function<void(QHttpServer &)>;

    HttpWorker(qintptr listeningSocket, RouteSetup setup, Database &database, const ConnectionPolicy &policy,
        ConnectionCounter &counter, QObject *parent = nullptr);

    // Blocks until the worker is listening.
    void startListening();
    // Stops accepting connections; requests already read are still answered.
    void stopListening();
    // Where answers computed on other threads are delivered (lives in this thread).
    QObject *context() const { return m_context; }
    // This thread's kernel id (for HttpLoadMonitor); valid once listening.
    pid_t threadId() const { return m_threadId; }

protected:
    void run() override;

private:
    qintptr m_socket;
    RouteSetup m_setup;
    Database &m_database;
    const ConnectionPolicy &m_policy;
    ConnectionCounter &m_counter;
    QSemaphore m_ready;
    pid_t m_threadId = 0;
    QObject *m_context = nullptr;
    QTcpServer *m_tcpServer = nullptr;
};

} // namespace blog
