#pragma once

#include "ConnectionCounter.h"
#include "HttpConfig.h"
#include "HttpLoadMonitor.h"
#include "RequestPipeline.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace blog {

class Database;
class FrontEnd;
class HttpWorker;
class MetricsListener;
class MetricsRegistry;

// The public port: one HTTP thread a core, each with its own listening socket, sending every request
// through one RequestPipeline to the front ends it serves; and, if asked, the metrics port.
class HttpHost
{
public:
    // `loadChanged` hears (on the monitor's thread) when the HTTP threads become busy or idle again.
    HttpHost(const HttpConfig &config, Database &database, MetricsRegistry &metrics,
        QList<const FrontEnd *> frontEnds, HttpLoadMonitor::Changed loadChanged);
    ~HttpHost();
    HttpHost(const HttpHost &) = delete;
    HttpHost &operator=(const HttpHost &) = delete;

    // Returns an error message, or an empty string once every worker listens.
    QString listen();
    quint16 port() const { return m_port; }
    // 0 unless HttpConfig::metricsListen asked for a metrics listener.
    quint16 metricsPort() const;
    const HttpLoadMonitor &load() const { return m_load; }
    const RequestPipeline &pipeline() const { return m_pipeline; }

    // Stopping takes two steps, so that answers still being computed elsewhere (hashes, comment
    // batches) can be delivered in between: no new connections, then the threads end.
    void stopListening();
    void stopThreads();

private:
    void registerMetrics();

    HttpConfig m_config;
    Database &m_database;
    MetricsRegistry &m_metrics;
    RequestPipeline m_pipeline;
    ConnectionCounter m_connectionCounter;
    HttpLoadMonitor m_load;
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::unique_ptr<MetricsListener> m_metricsListener;
    quint16 m_port = 0;
};

} // namespace blog
