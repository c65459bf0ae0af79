#include "RequestPipeline.h"

#include "Database.h"
#include "DatabaseError.h"
#include "FrontEnd.h"
#include "HttpRequest.h"
#include "MetricsRegistry.h"
#include "SocketReadPause.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)
// One line per request: client, method, path (never the query, a body or a header), status, duration.
Q_LOGGING_CATEGORY(lcAccess, "blog.access")

namespace blog {

// An asynchronous route's responder until its answer is written; touched only on the socket's thread.
struct RequestPipeline::PendingAnswer
{
    explicit PendingAnswer(QHttpServerResponder &&responder)
        : socket(responder.socket())
        , responder(std::move(responder))
    {
    }

    QPointer<QTcpSocket> socket;
    QHttpServerResponder responder;
    bool sent = false;
    bool readPaused = false;
};

struct RequestPipeline::Exchange
{
    std::shared_ptr<const HttpRequest> request;
    const FrontEnd *frontEnd = nullptr;
    RouteMetrics *metrics = nullptr;
    QElapsedTimer timer;
};

namespace {

const QString UnmatchedLabel = QStringLiteral("unmatched");

void logAccess(const HttpRequest &request, const QString &outcome, qint64 nanoseconds)
{
    qCInfo(lcAccess).noquote().nospace()
        << request.clientAddress.toString() << ' ' << request.method << ' ' << request.path << ' ' << outcome
        << ' ' << QString::number(double(nanoseconds) / 1e6, 'f', 2) << "ms";
}

} // namespace

RequestPipeline::RequestPipeline(
    const HttpConfig &config, Database &database, MetricsRegistry &metrics, QList<const FrontEnd *> frontEnds)
    : m_config(config)
    , m_database(database)
    , m_metrics(metrics)
    , m_frontEnds(std::move(frontEnds))
    , m_forwardedRequests(config.connections.maxConnections, config.connections.maxConnectionsPerAddress)
{
    for (const FrontEnd *frontEnd : std::as_const(m_frontEnds)) {
        for (const RouteTable::Route &route : frontEnd->routes().routes()) {
            qsizetype slot = m_metricsLabels.indexOf(route.pattern);
            if (slot < 0) {
                slot = m_metricsLabels.size();
                m_metricsLabels.append(route.pattern);
            }
            m_entries.push_back({ frontEnd, &route, slot });
        }
    }
}

void RequestPipeline::install(QHttpServer &server)
{
    // This worker's counters, labelled by route pattern (never a concrete path).
    auto metrics = std::make_shared<WorkerMetrics>();
    for (const QString &label : std::as_const(m_metricsLabels))
        metrics->push_back(&m_metrics.route(label));
    metrics->push_back(&m_metrics.route(UnmatchedLabel));
    QObject *const context = &server;
    // No rules in QtHttpServer's router: every request comes here, and the tables decide.
    server.setMissingHandler(
        [this, context, metrics](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder), context, *metrics);
        });
}

void RequestPipeline::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder,
    QObject *context, const WorkerMetrics &metrics)
{
    Exchange exchange;
    exchange.timer.start();
    exchange.request
        = std::make_shared<const HttpRequest>(HttpRequest::from(request, m_config.trustedProxies));
    const HttpRequest &copy = *exchange.request;
    const QString encodedPath = request.url().path(QUrl::FullyEncoded);
    const QList<QStringView> segments = RouteTable::segmentsOf(encodedPath);

    PathArguments arguments;
    const Entry *matched = nullptr;
    const Entry *pathMatched = nullptr;
    for (const Entry &entry : m_entries) {
        if (entry.route->method == copy.method && RouteTable::matches(*entry.route, segments, &arguments)) {
            matched = &entry;
            break;
        }
        if (!pathMatched && RouteTable::matches(*entry.route, segments, nullptr))
            pathMatched = &entry;
    }

    Reply reply;
    if (matched) {
        exchange.frontEnd = matched->frontEnd;
        exchange.metrics = metrics[std::size_t(matched->metricsSlot)];
        const RouteTable::Route &route = *matched->route;
        if (copy.body.size() > m_config.connections.maxBodyBytes) {
            reply = exchange.frontEnd->errorReply(
                HttpError::payloadTooLarge(m_config.connections.maxBodyBytes));
        } else if (route.asyncHandler) {
            handleAsync(std::move(exchange), route.asyncHandler, arguments, std::move(responder), context);
            return;
        } else {
            reply = run(*exchange.frontEnd, [&] { return route.handler(copy, arguments); });
        }
    } else if (pathMatched) {
        // A known path with another method: 405 with Allow (or 204 for OPTIONS).
        exchange.frontEnd = pathMatched->frontEnd;
        exchange.metrics = metrics[std::size_t(pathMatched->metricsSlot)];
        reply = otherMethod(*exchange.frontEnd, copy, exchange.frontEnd->routes().allowedMethods(segments));
    } else {
        exchange.frontEnd = &frontEndFor(copy);
        exchange.metrics = metrics.back();
        reply = exchange.frontEnd->errorReply(HttpError::noRoute(copy.path));
    }
    finish(exchange, reply, reply.status);
    toResponse(reply).write(std::move(responder));
}

void RequestPipeline::handleAsync(Exchange exchange, const RouteTable::AsyncHandler &handler,
    const PathArguments &arguments, QHttpServerResponder &&responder, QObject *context)
{
    const HttpRequest &copy = *exchange.request;
    const FrontEnd &frontEnd = *exchange.frontEnd;
    // Through a proxy, a client's requests share the proxy's connections; what one client may keep
    // waiting here (hashes, comment writes) is capped per client instead. Routes answered at once need
    // no count: an HTTP thread serves one request at a time.
    QHostAddress countedAs;
    if (copy.isForwarded) {
        if (!m_forwardedRequests.tryAdd(copy.clientAddress)) {
            Reply reply = frontEnd.errorReply(Error::tooManyRequests(1));
            finish(exchange, reply, reply.status);
            toResponse(reply).write(std::move(responder));
            return;
        }
        countedAs = copy.clientAddress;
    }
    const std::shared_ptr<const HttpRequest> request = exchange.request;
    const auto answer = std::make_shared<PendingAnswer>(std::move(responder));
    const ReplyCallback reply = replyLater(answer, context, std::move(exchange), countedAs);
    // Whatever a step throws gets run()'s answer (503 or 500), like a synchronous handler's throw.
    const FrontEnd *const answering = &frontEnd;
    const auto failed = [this, reply, answering] { reply(run(*answering, []() -> Reply { throw; })); };
    const Resume resume = [context, failed](std::function<void()> step) {
        QMetaObject::invokeMethod(
            context,
            [step = std::move(step), failed] {
                try {
                    step();
                } catch (...) {
                    failed();
                }
            },
            Qt::QueuedConnection);
    };
    try {
        handler(*request, arguments, resume, reply);
    } catch (...) {
        failed();
    }
    // Not answered at once (a listing page is; a search or a hash is not): the connection is not read
    // meanwhile, so what the client sends next waits in the kernel and is answered after this.
    if (!answer->sent) {
        answer->readPaused = true;
        SocketReadPause::pause(answer->socket);
    }
}

Reply RequestPipeline::run(const FrontEnd &frontEnd, const std::function<Reply()> &handler)
{
    try {
        return handler();
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::Unavailable) {
            qCWarning(lcHttp) << "database unavailable:" << error.what();
            m_databaseUnavailable.add();
            // Reopened by the next request, which then finds the database back or answers 503 again.
            m_database.closeThreadConnection();
            return frontEnd.errorReply(Error::databaseUnavailable());
        }
        if (error.kind() == DatabaseError::Kind::TimedOut) {
            // Only threads given a time limit meet it (the search pool's), and those answer it themselves.
            qCWarning(lcHttp) << "query past its time limit:" << error.what();
            return frontEnd.errorReply(Error::busy(1));
        }
        qCCritical(lcHttp) << "database fault:" << error.what();
        m_databaseFaults.add();
    } catch (const std::exception &error) {
        qCCritical(lcHttp) << "unexpected fault:" << error.what();
    }
    return frontEnd.errorReply(Error::internal());
}

Reply RequestPipeline::otherMethod(
    const FrontEnd &frontEnd, const HttpRequest &request, const QByteArray &allowed) const
{
    if (request.method != "OPTIONS")
        return frontEnd.errorReply(HttpError::methodNotAllowed(allowed));
    Reply reply;
    reply.status = 204;
    reply.withHeader("Allow", allowed + ", OPTIONS");
    if (isAllowedOrigin(request.origin)) {
        reply.withHeader("Access-Control-Allow-Methods", allowed + ", OPTIONS")
            .withHeader(
                "Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match")
            .withHeader("Access-Control-Max-Age", "600");
    }
    return reply;
}

const FrontEnd &RequestPipeline::frontEndFor(const HttpRequest &request) const
{
    for (const FrontEnd *frontEnd : m_frontEnds) {
        if (frontEnd->claimsUnmatched(request))
            return *frontEnd;
    }
    const QString &path = request.path;
    const FrontEnd *best = m_frontEnds.constFirst();
    qsizetype bestLength = -1;
    for (const FrontEnd *frontEnd : m_frontEnds) {
        const QString prefix = frontEnd->pathPrefix();
        const bool owns = path == prefix || path.startsWith(prefix + QLatin1Char('/')) || prefix.isEmpty();
        if (owns && prefix.size() > bestLength) {
            best = frontEnd;
            bestLength = prefix.size();
        }
    }
    return *best;
}

ReplyCallback RequestPipeline::replyLater(
    std::shared_ptr<PendingAnswer> answer, QObject *context, Exchange exchange, QHostAddress countedAs)
{
    // QtHttpServer 6.4 crashes if a QFuture outlives its client; instead the responder waits here, and
    // the answer is written, on the socket's own thread, only if the socket is still there by then.
    return [this, answer, context, exchange = std::move(exchange), countedAs](Reply reply) {
        auto send = [this, answer, reply = std::move(reply), exchange, countedAs]() mutable {
            if (!countedAs.isNull())
                m_forwardedRequests.remove(countedAs);
            const QPointer<QTcpSocket> &socket = answer->socket;
            const bool connected = socket && socket->state() == QAbstractSocket::ConnectedState;
            answer->sent = true;
            if (answer->readPaused)
                SocketReadPause::resume(socket);
            // Counted before it is written, so a client that reads its answer finds it counted.
            finish(exchange, reply, connected ? reply.status : RouteMetrics::ClientGone);
            if (connected)
                toResponse(reply).write(std::move(answer->responder));
        };
        // On the socket's thread already (an answer after Resume, or at once): written now, so a
        // stopping worker does not leave it queued.
        if (QThread::currentThread() == context->thread())
            send();
        else
            QMetaObject::invokeMethod(context, std::move(send), Qt::QueuedConnection);
    };
}

void RequestPipeline::finish(const Exchange &exchange, Reply &reply, int loggedStatus) const
{
    const HttpRequest &request = *exchange.request;
    if (isAllowedOrigin(request.origin)) {
        reply.withHeader("Access-Control-Allow-Origin", request.origin)
            .withHeader("Access-Control-Expose-Headers", "ETag, Retry-After")
            .withHeader("Vary", "Origin");
    }
    const qint64 elapsed = exchange.timer.nsecsElapsed();
    exchange.metrics->record(request.method, loggedStatus, elapsed);
    logAccess(request,
        loggedStatus == RouteMetrics::ClientGone ? QStringLiteral("client-gone")
                                                 : QString::number(loggedStatus),
        elapsed);
}

bool RequestPipeline::isAllowedOrigin(const QByteArray &origin) const
{
    return !origin.isEmpty() && m_config.corsOrigins.contains(origin);
}

QHttpServerResponse RequestPipeline::toResponse(const Reply &reply)
{
    const auto status = static_cast<QHttpServerResponse::StatusCode>(reply.status);
    QHttpServerResponse response = reply.status == 304
        ? QHttpServerResponse(status)
        : QHttpServerResponse(reply.contentType, reply.body, status);
    bool cacheControl = false;
    for (const auto &[name, value] : reply.headers) {
        response.addHeader(name, value);
        cacheControl = cacheControl || name == "Cache-Control";
    }
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    if (!cacheControl)
        response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

} // namespace blog
