#include "ApiServer.h"

#include "ApiPaths.h"
#include "Database.h"
#include "DatabaseError.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "HttpWorker.h"
#include "JsonKeys.h"
#include "ListeningSockets.h"
#include "MetricsListener.h"
#include "Migrator.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "blog.http")
// One line per request: method, path (never the query, a body or a header), status, duration.
Q_LOGGING_CATEGORY(lcAccess, "blog.access")

namespace blog {

namespace {

using Method = QHttpServerRequest::Method;

int threadsOr(int configured)
{
    return configured > 0 ? configured : std::max(2, QThread::idealThreadCount());
}

void logAccess(const HttpRequest &request, const QString &outcome, qint64 nanoseconds)
{
    qCInfo(lcAccess).noquote().nospace()
        << request.clientAddress.toString() << ' ' << request.method << ' ' << request.path << ' ' << outcome
        << ' ' << QString::number(double(nanoseconds) / 1e6, 'f', 2) << "ms";
}

Reply methodNotAllowed(const QByteArray &allowed)
{
    return ErrorReply::from(
        Error { Error::Kind::MethodNotAllowed, QStringLiteral("Method not allowed here"), {} })
        .withHeader("Allow", allowed);
}

} // namespace

ApiServer::ApiServer(const ServerConfig &config, Database &database, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_database(database)
    , m_hasher(config.hashCost)
    , m_hashingPool(threadsOr(config.hashingThreads), config.hashingQueueLimit)
    , m_httpLoad([this](bool busy) { m_hashingPool.setPreferIdle(busy); })
    , m_tokens(config.jwtSecret, config.tokenLifetime)
    , m_listingCache(config.listingCacheTtl)
    , m_listingPositions(config.listingCacheTtl,
          [this] {
              m_listingCache.invalidate();
              m_filteredListingCache.invalidate();
          })
    , m_userCache(config.listingCacheTtl)
    , m_filteredListingCache(config.listingCacheTtl)
    , m_listingInvalidator(m_listingCache, m_listingPositions, m_filteredListingCache, database)
    , m_userRepository(database)
    , m_articleRepository(database)
    , m_commentRepository(database)
    , m_commentWriter(m_commentRepository, m_listingInvalidator, database)
    , m_listingRepository(database)
    , m_followRepository(database)
    , m_favoriteRepository(database)
    , m_users(m_userRepository, m_hasher, m_hashingPool, m_tokens, m_listingInvalidator, m_userCache)
    , m_articles(m_articleRepository, m_commentRepository, m_listingInvalidator)
    , m_comments(m_articleRepository, m_commentRepository, m_listingInvalidator, m_commentWriter)
    , m_listing(m_listingRepository, m_listingCache, m_listingPositions, m_filteredListingCache,
          m_favoriteRepository, m_followRepository)
    , m_profiles(m_userRepository, m_followRepository, m_listingInvalidator)
    , m_favorites(m_articleRepository, m_favoriteRepository, m_followRepository, m_listingInvalidator)
    , m_authenticator(m_tokens, m_users)
    , m_signInThrottle(config.signInAttemptsPerMinute)
    , m_userController(m_users, m_authenticator, m_signInThrottle)
    , m_articleController(m_articles, m_listing, m_authenticator)
    , m_commentController(m_comments, m_authenticator)
    , m_connectionCounter(config.connections.maxConnections, config.connections.maxConnectionsPerAddress,
          config.trustedProxies)
    , m_forwardedRequests(config.connections.maxConnections, config.connections.maxConnectionsPerAddress)
{
    registerMetrics();
}

ApiServer::~ApiServer()
{
    stop();
    m_listingPositions.waitForRefresh(); // it reads through m_listingRepository, which goes first
}

QString ApiServer::listen()
{
    const QHostAddress address(m_config.host);
    if (address.isNull())
        return QStringLiteral("not an IP address: %1").arg(m_config.host);
    const auto bound = ListeningSockets::open(address, m_config.port, threadsOr(m_config.workerThreads));
    if (!bound)
        return bound.error();
    m_port = bound->port;
    if (m_database.url().kind == DatabaseUrl::Kind::Postgres) {
        // Its own thread, so other instances' writes clear our cache within a moment, however busy
        // the rest of the process is.
        m_changeListener = new ChangeListener(m_database);
        m_changeListener->moveToThread(&m_listenerThread);
        connect(&m_listenerThread, &QThread::finished, m_changeListener, &QObject::deleteLater);
        connect(
            m_changeListener, &ChangeListener::changed, m_changeListener,
            [this] {
                m_listingCache.invalidate();
                m_listingPositions.invalidate();
                m_filteredListingCache.invalidate();
                m_userCache.invalidate();
            },
            Qt::DirectConnection);
        m_listenerThread.start();
        QMetaObject::invokeMethod(m_changeListener, &ChangeListener::start, Qt::BlockingQueuedConnection);
    }
    for (const qintptr descriptor : bound->descriptors) {
        auto worker = std::make_unique<HttpWorker>(
            descriptor, [this](QHttpServer &server) { addRoutes(server, &server); }, m_database,
            m_config.connections, m_connectionCounter);
        worker->startListening();
        m_httpLoad.watch(worker->threadId());
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
                             << "with" << m_workers.size() << "HTTP threads and"
                             << m_hashingPool.threadCount() << "hashing threads";
    return {};
}

quint16 ApiServer::metricsPort() const
{
    return m_metricsListener ? m_metricsListener->port() : 0;
}

void ApiServer::stop()
{
    m_metricsListener.reset();
    if (m_workers.empty())
        return;
    for (const auto &worker : m_workers)
        worker->stopListening();
    // Answers computed on the pool and by the comment writer are posted to the workers, so those
    // finish first.
    m_hashingPool.waitForDone();
    m_commentWriter.stop();
    for (const auto &worker : m_workers) {
        worker->quit();
        worker->wait();
    }
    m_workers.clear();
    m_listenerThread.quit();
    m_listenerThread.wait();
    m_changeListener = nullptr;
    m_httpLoad.stop();
}

void ApiServer::addRoutes(QHttpServer &server, QObject *context)
{
    auto &users = m_userController;
    auto &articles = m_articleController;
    auto &comments = m_commentController;
    // This worker's counters for each route, labelled by template (never a concrete path).
    // Pointers, as the handlers outlive this function.
    const auto metrics = [this](const QString &label) { return &m_metrics.route(label); };
    const QString slug = QStringLiteral("/:slug");
    RouteMetrics *const articlesMetrics = metrics(ApiPaths::Articles);
    RouteMetrics *const healthMetrics = metrics(ApiPaths::Health);
    RouteMetrics *const readyMetrics = metrics(ApiPaths::Ready);
    RouteMetrics *const signUpMetrics = metrics(ApiPaths::SignUp);
    RouteMetrics *const signInMetrics = metrics(ApiPaths::SignIn);
    RouteMetrics *const profileMetrics = metrics(ApiPaths::Profile);
    RouteMetrics *const articleMetrics = metrics(ApiPaths::Articles + slug);
    RouteMetrics *const articleByIdMetrics = metrics(ApiPaths::Articles + QStringLiteral("/:id"));
    RouteMetrics *const commentsMetrics
        = metrics(ApiPaths::Articles + slug + QLatin1Char('/') + ApiPaths::CommentsSegment);
    RouteMetrics *const commentMetrics = metrics(
        ApiPaths::Articles + slug + QLatin1Char('/') + ApiPaths::CommentsSegment + QStringLiteral("/:id"));
    RouteMetrics *const unmatchedMetrics = metrics(QStringLiteral("unmatched"));

    // Rules are tried in the order they are added: the busiest route first.
    server.route(ApiPaths::Articles, Method::Get,
        [this, &articles, articlesMetrics](const QHttpServerRequest &request) {
            return answer(
                request, *articlesMetrics, [&articles](const HttpRequest &r) { return articles.list(r); });
        });
    server.route(ApiPaths::Health, Method::Get, [this, healthMetrics](const QHttpServerRequest &request) {
        return answer(request, *healthMetrics, [](const HttpRequest &) { return Reply::success(); });
    });
    server.route(ApiPaths::Ready, Method::Get, [this, readyMetrics](const QHttpServerRequest &request) {
        return answer(request, *readyMetrics, [this](const HttpRequest &) { return readiness(); });
    });

    // argon2id takes ~150 ms on purpose: the hash runs on the hashing pool, never on an HTTP thread.
    server.route(ApiPaths::SignUp, Method::Post,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context, *signUpMetrics,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.signUp(r, std::move(resume), std::move(reply));
                });
        });
    server.route(ApiPaths::SignIn, Method::Post,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context, *signInMetrics,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.signIn(r, std::move(resume), std::move(reply));
                });
        });
    server.route(
        ApiPaths::Profile, Method::Get, [this, &users, profileMetrics](const QHttpServerRequest &request) {
            return answer(
                request, *profileMetrics, [&users](const HttpRequest &r) { return users.profile(r); });
        });
    // A new password is hashed too.
    server.route(ApiPaths::Profile, Method::Patch,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context, *profileMetrics,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.updateProfile(r, std::move(resume), std::move(reply));
                });
        });

    server.route(ApiPaths::Articles, Method::Post,
        [this, &articles, articlesMetrics](const QHttpServerRequest &request) {
            return answer(
                request, *articlesMetrics, [&articles](const HttpRequest &r) { return articles.create(r); });
        });
    const QString article = ApiPaths::Articles + QStringLiteral("/<arg>");
    server.route(article, Method::Get,
        [this, &articles, articleMetrics](const QString &slug, const QHttpServerRequest &request) {
            return answer(request, *articleMetrics,
                [&articles, &slug](const HttpRequest &) { return articles.show(slug); });
        });
    server.route(article, Method::Patch,
        [this, &articles, articleByIdMetrics](const QString &id, const QHttpServerRequest &request) {
            return answer(request, *articleByIdMetrics,
                [&articles, &id](const HttpRequest &r) { return articles.update(id, r); });
        });
    server.route(article, Method::Delete,
        [this, &articles, articleByIdMetrics](const QString &id, const QHttpServerRequest &request) {
            return answer(request, *articleByIdMetrics,
                [&articles, &id](const HttpRequest &r) { return articles.remove(id, r); });
        });
    const QString commentList = article + QLatin1Char('/') + ApiPaths::CommentsSegment;
    server.route(commentList, Method::Post,
        [=, this, &comments](
            const QString &slug, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context, *commentsMetrics,
                [&comments, &slug](const HttpRequest &r, Resume, ReplyCallback reply) {
                    comments.post(slug, r, std::move(reply));
                });
        });
    server.route(commentList + QStringLiteral("/<arg>"), Method::Delete,
        [this, &comments, commentMetrics](
            const QString &slug, const QString &id, const QHttpServerRequest &request) {
            return answer(
                request, *commentMetrics, [&](const HttpRequest &r) { return comments.remove(slug, id, r); });
        });

    // Known paths with another method: 405 with Allow (QtHttpServer would say 404). Registered last,
    // so the rules above match first.
    // OPTIONS (a CORS preflight, or a client asking) gets 204 with Allow.
    const auto notAllowed = [this](QByteArray allowed, RouteMetrics *route) {
        return [this, allowed, route](const QHttpServerRequest &request) {
            return answer(request, *route, [&](const HttpRequest &r) { return otherMethod(r, allowed); });
        };
    };
    server.route(ApiPaths::Health, notAllowed("GET", healthMetrics));
    server.route(ApiPaths::Ready, notAllowed("GET", readyMetrics));
    server.route(ApiPaths::SignUp, notAllowed("POST", signUpMetrics));
    server.route(ApiPaths::SignIn, notAllowed("POST", signInMetrics));
    server.route(ApiPaths::Profile, notAllowed("GET, PATCH", profileMetrics));
    server.route(ApiPaths::Articles, notAllowed("GET, POST", articlesMetrics));
    server.route(article, [notAllowed, articleMetrics](const QString &, const QHttpServerRequest &request) {
        return notAllowed("GET, PATCH, DELETE", articleMetrics)(request);
    });
    server.route(
        commentList, [notAllowed, commentsMetrics](const QString &, const QHttpServerRequest &request) {
            return notAllowed("POST", commentsMetrics)(request);
        });
    server.route(commentList + QStringLiteral("/<arg>"),
        [notAllowed, commentMetrics](const QString &, const QString &, const QHttpServerRequest &request) {
            return notAllowed("DELETE", commentMetrics)(request);
        });

    server.setMissingHandler([=, this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        QElapsedTimer timer;
        timer.start();
        const QString message = QStringLiteral("No such route: %1").arg(request.url().path());
        Reply reply = ErrorReply::from(Error::notFound(message));
        const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
        addCorsHeaders(copy, reply);
        const qint64 elapsed = timer.nsecsElapsed();
        unmatchedMetrics->record(copy.method, reply.status, elapsed);
        toResponse(reply).write(std::move(responder));
        logAccess(copy, QString::number(reply.status), elapsed);
    });
}

std::optional<Reply> ApiServer::rejectEarly(const QHttpServerRequest &request) const
{
    if (request.body().size() > m_config.connections.maxBodyBytes) {
        return ErrorReply::from(Error { Error::Kind::PayloadTooLarge,
            QStringLiteral("The body is over the limit of %1 bytes").arg(m_config.connections.maxBodyBytes),
            {} });
    }
    return std::nullopt;
}

Reply ApiServer::run(const Handler &handler, const HttpRequest &request)
{
    try {
        return handler(request);
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::Unavailable) {
            qCWarning(lcHttp) << "database unavailable:" << error.what();
            m_databaseUnavailable.add();
            // Reopened by the next request, which then finds the database back or answers 503 again.
            m_database.closeThreadConnection();
            return ErrorReply::from(Error::databaseUnavailable());
        }
        qCCritical(lcHttp) << "database fault:" << error.what();
        m_databaseFaults.add();
    } catch (const std::exception &error) {
        qCCritical(lcHttp) << "unexpected fault:" << error.what();
    }
    return ErrorReply::from(Error::internal());
}

Reply ApiServer::otherMethod(const HttpRequest &request, const QByteArray &allowed) const
{
    if (request.method != "OPTIONS")
        return methodNotAllowed(allowed);
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

bool ApiServer::isAllowedOrigin(const QByteArray &origin) const
{
    return !origin.isEmpty() && m_config.corsOrigins.contains(origin);
}

void ApiServer::addCorsHeaders(const HttpRequest &request, Reply &reply) const
{
    if (!isAllowedOrigin(request.origin))
        return;
    reply.withHeader("Access-Control-Allow-Origin", request.origin)
        .withHeader("Access-Control-Expose-Headers", "ETag, Retry-After")
        .withHeader("Vary", "Origin");
}

QHttpServerResponse ApiServer::answer(
    const QHttpServerRequest &request, RouteMetrics &route, const Handler &handler)
{
    QElapsedTimer timer;
    timer.start();
    const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
    const std::optional<Reply> rejection = rejectEarly(request);
    Reply reply = rejection ? *rejection : run(handler, copy);
    addCorsHeaders(copy, reply);
    const qint64 elapsed = timer.nsecsElapsed();
    route.record(copy.method, reply.status, elapsed);
    logAccess(copy, QString::number(reply.status), elapsed);
    return toResponse(reply);
}

void ApiServer::answerAsync(const QHttpServerRequest &request, QHttpServerResponder &&responder,
    QObject *context, RouteMetrics &route, const AsyncHandler &handler)
{
    QElapsedTimer timer;
    timer.start();
    const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
    if (refusedEarly(request, copy, responder, timer, route))
        return;
    // Through a proxy, a client's requests share the proxy's connections; what one client may keep
    // waiting here (hashes, comment writes) is capped per client instead. Routes answered at once need
    // no count: an HTTP thread serves one request at a time.
    QHostAddress countedAs;
    if (copy.isForwarded) {
        if (!m_forwardedRequests.tryAdd(copy.clientAddress)) {
            Reply reply = ErrorReply::from(Error::tooManyRequests(1));
            addCorsHeaders(copy, reply);
            const qint64 elapsed = timer.nsecsElapsed();
            route.record(copy.method, reply.status, elapsed);
            toResponse(reply).write(std::move(responder));
            logAccess(copy, QString::number(reply.status), elapsed);
            return;
        }
        countedAs = copy.clientAddress;
    }
    const ReplyCallback reply = replyLater(std::move(responder), context, copy, timer, &route, countedAs);
    // Whatever a step throws gets run()'s answer (503 or 500), like a synchronous handler's throw.
    const auto failed
        = [this, reply, copy] { reply(run([](const HttpRequest &) -> Reply { throw; }, copy)); };
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
        handler(copy, resume, reply);
    } catch (...) {
        failed();
    }
}

bool ApiServer::refusedEarly(const QHttpServerRequest &request, const HttpRequest &copy,
    QHttpServerResponder &responder, const QElapsedTimer &timer, RouteMetrics &route) const
{
    std::optional<Reply> rejection = rejectEarly(request);
    if (!rejection)
        return false;
    addCorsHeaders(copy, *rejection);
    const qint64 elapsed = timer.nsecsElapsed();
    route.record(copy.method, rejection->status, elapsed);
    toResponse(*rejection).write(std::move(responder));
    logAccess(copy, QString::number(rejection->status), elapsed);
    return true;
}

ReplyCallback ApiServer::replyLater(QHttpServerResponder &&responder, QObject *context, HttpRequest request,
    QElapsedTimer timer, RouteMetrics *route, QHostAddress countedAs)
{
    // QtHttpServer 6.4 crashes if a QFuture outlives its client; instead the responder waits here, and
    // the answer is written, on the socket's own thread, only if the socket is still there by then.
    QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto shared = std::make_shared<const HttpRequest>(std::move(request));
    return
        [this, socket, pending, context, request = std::move(shared), timer, route, countedAs](Reply reply) {
            addCorsHeaders(*request, reply);
            auto send = [this, socket, pending, reply = std::move(reply), request, timer, route,
                            countedAs]() mutable {
                if (!countedAs.isNull())
                    m_forwardedRequests.remove(countedAs);
                const bool connected = socket && socket->state() == QAbstractSocket::ConnectedState;
                // Counted before it is written, so a client that reads its answer finds it counted.
                const qint64 elapsed = timer.nsecsElapsed();
                route->record(request->method, connected ? reply.status : RouteMetrics::ClientGone, elapsed);
                if (connected)
                    toResponse(reply).write(std::move(*pending));
                logAccess(*request, connected ? QString::number(reply.status) : QStringLiteral("client-gone"),
                    elapsed);
            };
            // On the socket's thread already (an answer after Resume, or at once): written now, so a
            // stopping worker does not leave it queued.
            if (QThread::currentThread() == context->thread())
                send();
            else
                QMetaObject::invokeMethod(context, std::move(send), Qt::QueuedConnection);
        };
}

QHttpServerResponse ApiServer::toResponse(const Reply &reply)
{
    const auto status = static_cast<QHttpServerResponse::StatusCode>(reply.status);
    QHttpServerResponse response = reply.status == 304
        ? QHttpServerResponse(status)
        : QHttpServerResponse(QByteArrayLiteral("application/json"), reply.body, status);
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

Reply ApiServer::readiness()
{
    try {
        if (Migrator(m_database).isCurrent())
            return Reply::json(QJsonObject { { JsonKeys::Ready, true } });
        return ErrorReply::from(Error::unavailable(QStringLiteral("Database migrations are pending")));
    } catch (const DatabaseError &error) {
        if (error.kind() != DatabaseError::Kind::Unavailable) {
            // A missing schema_migrations table, say: not ready either, and not a fault of ours.
            qCWarning(lcHttp) << "not ready:" << error.what();
            return ErrorReply::from(Error::unavailable(QStringLiteral("The database schema is not ready")));
        }
        m_databaseUnavailable.add();
        m_database.closeThreadConnection();
        return ErrorReply::from(Error::databaseUnavailable());
    }
}

void ApiServer::registerMetrics()
{
    using Series = MetricsRegistry::Series;
    const auto count = [](auto read) { return [read] { return double(read()); }; };
    m_metrics.addProcessMetrics(QStringLiteral(BLOG_VERSION));
    m_metrics.addGauge("blog_connections_open", "Open client connections on the public port.",
        { Series { {}, count([this] { return m_connectionCounter.open(); }) } });
    m_metrics.addCounter("blog_connections_refused_total",
        "Connections refused at once (503) for being over --max-connections or its per-address cap.",
        { Series { {}, count([this] { return m_connectionCounter.refused(); }) } });
    m_metrics.addCounter("blog_listing_cache_hits_total", "Listing pages sent from the cache.",
        { Series { {}, count([this] { return m_listingCache.hits(); }) } });
    m_metrics.addCounter("blog_listing_cache_misses_total", "Listing pages read from the database.",
        { Series { {}, count([this] { return m_listingCache.misses(); }) } });
    m_metrics.addCounter("blog_sign_ins_throttled_total",
        "Sign-in attempts refused with 429 (per client address or per e-mail).",
        { Series { {}, count([this] { return m_signInThrottle.throttled(); }) } });
    m_metrics.addGauge("blog_hashing_queue_length",
        "Sign-ups, sign-ins and password changes waiting for or in hashing (refused beyond --hashing-queue).",
        { Series { {}, count([this] { return m_hashingPool.pending(); }) } });
    m_metrics.addCounter("blog_hashes_started_total",
        "Hashes started, by the priority they ran at (idle while the HTTP threads were busy).",
        { Series { MetricsRegistry::label("priority", QStringLiteral("normal")),
              count([this] { return m_hashingPool.started(HashingPool::Priority::Normal); }) },
            Series { MetricsRegistry::label("priority", QStringLiteral("idle")),
                count([this] { return m_hashingPool.started(HashingPool::Priority::Idle); }) } });
    m_metrics.addHistogram("blog_comment_batch_size",
        "Comments written in one transaction by the comment writer.", m_commentWriter.batchSizes());
    m_metrics.addCounter("blog_database_errors_total",
        "Requests and comment batches the database failed: unavailable (503) or a query fault (500).",
        { Series { MetricsRegistry::label("kind", QStringLiteral("unavailable")),
              count([this] { return m_databaseUnavailable.value() + m_commentWriter.unavailableErrors(); }) },
            Series { MetricsRegistry::label("kind", QStringLiteral("query")),
                count([this] { return m_databaseFaults.value() + m_commentWriter.faultErrors(); }) } });
}

} // namespace blog
