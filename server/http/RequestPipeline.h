#pragma once

#include "ConnectionCounter.h"
#include "Counter.h"
#include "HttpConfig.h"
#include "Reply.h"
#include "RouteTable.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>

#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;
class QObject;

namespace blog {

class Database;
class FrontEnd;
class MetricsRegistry;
class RouteMetrics;
struct HttpRequest;

// What every request goes through, whichever front end's route it matches: routing (404, 405 with the
// Allow the route tables give, OPTIONS), the body limit, the per-client cap on requests waiting behind
// a proxy, the handler, faults (the database's become 503, anything else a logged 500), CORS headers,
// the route's metrics and the access log. Shared by the HTTP threads; each has its own counters.
class RequestPipeline
{
public:
    // The front ends are asked in order; their tables and they outlive the pipeline.
    RequestPipeline(const HttpConfig &config, Database &database, MetricsRegistry &metrics,
        QList<const FrontEnd *> frontEnds);

    // Makes `server` (on its worker thread) send every request here.
    void install(QHttpServer &server);

    quint64 databaseUnavailable() const { return m_databaseUnavailable.value(); }
    quint64 databaseFaults() const { return m_databaseFaults.value(); }

private:
    struct Entry
    {
        const FrontEnd *frontEnd;
        const RouteTable::Route *route;
        qsizetype metricsSlot;
    };
    // One worker's counters: one object a route name, plus the unmatched requests' at the end.
    using WorkerMetrics = std::vector<RouteMetrics *>;
    struct Exchange; // one request on its way
    struct PendingAnswer;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder, QObject *context,
        const WorkerMetrics &metrics);
    void handleAsync(Exchange exchange, const RouteTable::AsyncHandler &handler,
        const PathArguments &arguments, QHttpServerResponder &&responder, QObject *context);
    Reply run(const FrontEnd &frontEnd, const std::function<Reply()> &handler);
    Reply otherMethod(const FrontEnd &frontEnd, const HttpRequest &request, const QByteArray &allowed) const;
    const FrontEnd &frontEndFor(const HttpRequest &request) const;
    // Sends the reply it is given on `context`'s thread, if the client is still connected, and logs it.
    // `countedAs`: the forwarded client whose request in flight this is (null: none counted).
    ReplyCallback replyLater(
        std::shared_ptr<PendingAnswer> answer, QObject *context, Exchange exchange, QHostAddress countedAs);
    // Adds the CORS headers, counts and logs the answer; then it is ready to write.
    void finish(const Exchange &exchange, Reply &reply, int loggedStatus) const;
    bool isAllowedOrigin(const QByteArray &origin) const;
    static QHttpServerResponse toResponse(const Reply &reply);

    HttpConfig m_config;
    Database &m_database;
    MetricsRegistry &m_metrics;
    QList<const FrontEnd *> m_frontEnds;
    std::vector<Entry> m_entries;
    QList<QString> m_metricsLabels;
    Counter m_databaseUnavailable;
    Counter m_databaseFaults;
    // Requests in flight on the routes that answer later, per client behind a trusted proxy: the
    // per-address cap, for clients whose connections are the proxy's.
    ConnectionCounter m_forwardedRequests;
};

} // namespace blog
