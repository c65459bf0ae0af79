#include "HttpHost.h"

#include "HttpWorker.h"
#include "ListeningSockets.h"
#include "MetricsListener.h"
#include "MetricsRegistry.h"

#include <QHttpServer>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcHttp, "blog.http")

namespace blog {

namespace {

int threadsOr(int configured)
{
    return configured > 0 ? configured : std::max(2, QThread::idealThreadCount());
}

} // namespace

HttpHost::HttpHost(const HttpConfig &config, Database &database, MetricsRegistry &metrics,
    QList<const FrontEnd *> frontEnds, HttpLoadMonitor::Changed loadChanged)
    : m_config(config)
    , m_database(database)
    , m_metrics(metrics)
    , m_pipeline(config, database, metrics, std::move(frontEnds))
    , m_connectionCounter(config.connections.maxConnections, config.connections.maxConnectionsPerAddress,
          config.trustedProxies)
    , m_load(std::move(loadChanged))
{
    registerMetrics();
}

HttpHost::~HttpHost()
{
    stopListening();
    stopThreads();
}

QString HttpHost::listen()
{
    const QHostAddress address(m_config.host);
    if (address.isNull())
        return QStringLiteral("not an IP address: %1").arg(m_config.host);
    const auto bound = ListeningSockets::open(address, m_config.port, threadsOr(m_config.workerThreads));
    if (!bound)
        return bound.error();
    m_port = bound->port;
    for (const qintptr descriptor : bound->descriptors) {
        auto worker = std::make_unique<HttpWorker>(
            descriptor, [this](QHttpServer &server) { m_pipeline.install(server); }, m_database,
            m_config.connections, m_connectionCounter);
        worker->startListening();
        m_load.watch(worker->threadId());
        m_workers.push_back(std::move(worker));
    }
    if (m_config.metricsListen) {
        // Never on the public port: what the server counts is for its operators.
        const QHostAddress metricsAddress(m_config.metricsListen->host);
        if (metricsAddress.isNull())
            return QStringLiteral("not an IP address: %1").arg(m_config.metricsListen->host);
        if (m_config.metricsListen->port == m_port)
            return QStringLiteral("the metrics port cannot be the public port %1").arg(m_port);
        m_metricsListener = std::make_unique<MetricsListener>(m_metrics);
        if (const QString error = m_metricsListener->listen(metricsAddress, m_config.metricsListen->port);
            !error.isEmpty()) {
            m_metricsListener.reset();
            return error;
        }
        qCInfo(lcHttp).noquote() << "metrics on"
                                 << QStringLiteral("http://%1:%2%3")
                                        .arg(m_config.metricsListen->host)
                                        .arg(m_metricsListener->port())
                                        .arg(QLatin1String(MetricsListener::Path));
    }
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("%1:%2").arg(m_config.host).arg(m_port)
                             << "with" << m_workers.size() << "HTTP threads";
    return {};
}

quint16 HttpHost::metricsPort() const
{
    return m_metricsListener ? m_metricsListener->port() : 0;
}

void HttpHost::stopListening()
{
    m_metricsListener.reset();
    for (const auto &worker : m_workers)
        worker->stopListening();
}

void HttpHost::stopThreads()
{
    for (const auto &worker : m_workers) {
        worker->quit();
        worker->wait();
    }
    m_workers.clear();
    m_load.stop();
}

void HttpHost::registerMetrics()
{
    using Series = MetricsRegistry::Series;
    const auto count = [](auto read) { return [read] { return double(read()); }; };
    m_metrics.addGauge("blog_connections_open", "Open client connections on the public port.",
        { Series { {}, count([this] { return m_connectionCounter.open(); }) } });
    m_metrics.addCounter("blog_connections_refused_total",
        "Connections refused at once (503) for being over --max-connections or its per-address cap.",
        { Series { {}, count([this] { return m_connectionCounter.refused(); }) } });
}

} // namespace blog
