#include "HttpWorker.h"

#include "Database.h"
#include "GuardedTcpServer.h"

#include <QHttpServer>
#include <QLoggingCategory>
#include <QTcpServer>

#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace blog {

HttpWorker::HttpWorker(qintptr listeningSocket, RouteSetup setup, Database &database,
    const ConnectionPolicy &policy, ConnectionCounter &counter, QObject *parent)
    : QThread(parent)
    , m_socket(listeningSocket)
    , m_setup(std::move(setup))
    , m_database(database)
    , m_policy(policy)
    , m_counter(counter)
{
}

void HttpWorker::startListening()
{
    start();
    m_ready.acquire();
}

void HttpWorker::stopListening()
{
    if (!m_tcpServer)
        return;
    QTcpServer *tcpServer = m_tcpServer;
    QMetaObject::invokeMethod(
        tcpServer, [tcpServer] { tcpServer->close(); }, Qt::BlockingQueuedConnection);
}

void HttpWorker::run()
{
    {
        QHttpServer server;
        auto *tcpServer = new GuardedTcpServer(m_policy, m_counter, &server);
        if (!tcpServer->setSocketDescriptor(m_socket))
            qCCritical(lcHttp) << "cannot adopt the listening socket:" << tcpServer->errorString();
        m_setup(server);
        server.bind(tcpServer);
        m_tcpServer = tcpServer;
        m_context = &server;
        m_threadId = gettid();
        m_ready.release();
        exec();
        m_context = nullptr;
        m_tcpServer = nullptr;
    }
    m_database.closeThreadConnection();
}

} // namespace blog
