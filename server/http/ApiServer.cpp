#include "ApiServer.h"

#include "ApiPaths.h"
#include "Database.h"
#include "DatabaseError.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "HttpWorker.h"
#include "ListeningSockets.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
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
    , m_listingPositions(config.listingCacheTtl, [this] { m_listingCache.invalidate(); })
    , m_userCache(config.listingCacheTtl)
    , m_listingInvalidator(m_listingCache, m_listingPositions, database)
    , m_userRepository(database)
    , m_articleRepository(database)
    , m_commentRepository(database)
    , m_commentWriter(m_commentRepository, m_listingInvalidator, database)
    , m_listingRepository(database)
    , m_users(m_userRepository, m_hasher, m_hashingPool, m_tokens, m_listingInvalidator, m_userCache)
    , m_articles(m_articleRepository, m_commentRepository, m_listingInvalidator)
    , m_comments(m_articleRepository, m_commentRepository, m_listingInvalidator, m_commentWriter)
    , m_listing(m_listingRepository, m_listingCache, m_listingPositions)
    , m_authenticator(m_tokens, m_users)
    , m_signInThrottle(config.signInAttemptsPerMinute)
    , m_userController(m_users, m_authenticator, m_signInThrottle)
    , m_articleController(m_articles, m_listing, m_authenticator)
    , m_commentController(m_comments, m_authenticator)
    , m_connectionCounter(config.connections.maxConnections, config.connections.maxConnectionsPerAddress,
          config.trustedProxies)
    , m_forwardedRequests(config.connections.maxConnections, config.connections.maxConnectionsPerAddress)
{
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
        m_httpLoad.watch(worker->cpuClock());
        m_workers.push_back(std::move(worker));
    }
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("%1:%2").arg(m_config.host).arg(m_port)
                             << "with" << m_workers.size() << "HTTP threads and"
                             << m_hashingPool.threadCount() << "hashing threads";
    return {};
}

void ApiServer::stop()
{
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

    // Rules are tried in the order they are added: the busiest route first.
    server.route(ApiPaths::Articles, Method::Get, [this, &articles](const QHttpServerRequest &request) {
        return answer(request, [&articles](const HttpRequest &r) { return articles.list(r); });
    });
    server.route(ApiPaths::Health, Method::Get, [this](const QHttpServerRequest &request) {
        return answer(request, [](const HttpRequest &) { return Reply::success(); });
    });

    // argon2id takes ~150 ms on purpose: the hash runs on the hashing pool, never on an HTTP thread.
    server.route(ApiPaths::SignUp, Method::Post,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.signUp(r, std::move(resume), std::move(reply));
                });
        });
    server.route(ApiPaths::SignIn, Method::Post,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.signIn(r, std::move(resume), std::move(reply));
                });
        });
    server.route(ApiPaths::Profile, Method::Get, [this, &users](const QHttpServerRequest &request) {
        return answer(request, [&users](const HttpRequest &r) { return users.profile(r); });
    });
    // A new password is hashed too.
    server.route(ApiPaths::Profile, Method::Patch,
        [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context,
                [&users](const HttpRequest &r, Resume resume, ReplyCallback reply) {
                    users.updateProfile(r, std::move(resume), std::move(reply));
                });
        });

    server.route(ApiPaths::Articles, Method::Post, [this, &articles](const QHttpServerRequest &request) {
        return answer(request, [&articles](const HttpRequest &r) { return articles.create(r); });
    });
    const QString article = ApiPaths::Articles + QStringLiteral("/<arg>");
    server.route(
        article, Method::Get, [this, &articles](const QString &slug, const QHttpServerRequest &request) {
            return answer(request, [&articles, &slug](const HttpRequest &) { return articles.show(slug); });
        });
    server.route(
        article, Method::Patch, [this, &articles](const QString &id, const QHttpServerRequest &request) {
            return answer(request, [&articles, &id](const HttpRequest &r) { return articles.update(id, r); });
        });
    server.route(
        article, Method::Delete, [this, &articles](const QString &id, const QHttpServerRequest &request) {
            return answer(request, [&articles, &id](const HttpRequest &r) { return articles.remove(id, r); });
        });
    const QString commentList = article + QLatin1Char('/') + ApiPaths::CommentsSegment;
    server.route(commentList, Method::Post,
        [=, this, &comments](
            const QString &slug, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerAsync(request, std::move(responder), context,
                [&comments, &slug](const HttpRequest &r, Resume, ReplyCallback reply) {
                    comments.post(slug, r, std::move(reply));
                });
        });
    server.route(commentList + QStringLiteral("/<arg>"), Method::Delete,
        [this, &comments](const QString &slug, const QString &id, const QHttpServerRequest &request) {
            return answer(request, [&](const HttpRequest &r) { return comments.remove(slug, id, r); });
        });

    // Known paths with another method: 405 with Allow (QtHttpServer would say 404). Registered last,
    // so the rules above match first.
    // OPTIONS (a CORS preflight, or a client asking) gets 204 with Allow.
    const auto notAllowed = [this](QByteArray allowed) {
        return [this, allowed](const QHttpServerRequest &request) {
            return answer(request, [&](const HttpRequest &r) { return otherMethod(r, allowed); });
        };
    };
    server.route(ApiPaths::Health, notAllowed("GET"));
    server.route(ApiPaths::SignUp, notAllowed("POST"));
    server.route(ApiPaths::SignIn, notAllowed("POST"));
    server.route(ApiPaths::Profile, notAllowed("GET, PATCH"));
    server.route(ApiPaths::Articles, notAllowed("GET, POST"));
    server.route(article, [notAllowed](const QString &, const QHttpServerRequest &request) {
        return notAllowed("GET, PATCH, DELETE")(request);
    });
    server.route(commentList, [notAllowed](const QString &, const QHttpServerRequest &request) {
        return notAllowed("POST")(request);
    });
    server.route(commentList + QStringLiteral("/<arg>"),
        [notAllowed](const QString &, const QString &, const QHttpServerRequest &request) {
            return notAllowed("DELETE")(request);
        });

    server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        QElapsedTimer timer;
        timer.start();
        const QString message = QStringLiteral("No such route: %1").arg(request.url().path());
        Reply reply = ErrorReply::from(Error::notFound(message));
        const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
        addCorsHeaders(copy, reply);
        toResponse(reply).write(std::move(responder));
        logAccess(copy, QString::number(reply.status), timer.nsecsElapsed());
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
            // Reopened by the next request, which then finds the database back or answers 503 again.
            m_database.closeThreadConnection();
            return ErrorReply::from(Error::databaseUnavailable());
        }
        qCCritical(lcHttp) << "database fault:" << error.what();
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

QHttpServerResponse ApiServer::answer(const QHttpServerRequest &request, const Handler &handler)
{
    QElapsedTimer timer;
    timer.start();
    const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
    const std::optional<Reply> rejection = rejectEarly(request);
    Reply reply = rejection ? *rejection : run(handler, copy);
    addCorsHeaders(copy, reply);
    logAccess(copy, QString::number(reply.status), timer.nsecsElapsed());
    return toResponse(reply);
}

void ApiServer::answerAsync(const QHttpServerRequest &request, QHttpServerResponder &&responder,
    QObject *context, const AsyncHandler &handler)
{
    QElapsedTimer timer;
    timer.start();
    const HttpRequest copy = HttpRequest::from(request, m_config.trustedProxies);
    if (refusedEarly(request, copy, responder, timer))
        return;
    // Through a proxy, a client's requests share the proxy's connections; what one client may keep
    // waiting here (hashes, comment writes) is capped per client instead. Routes answered at once need
    // no count: an HTTP thread serves one request at a time.
    QHostAddress countedAs;
    if (copy.isForwarded) {
        if (!m_forwardedRequests.tryAdd(copy.clientAddress)) {
            Reply reply = ErrorReply::from(Error::tooManyRequests(1));
            addCorsHeaders(copy, reply);
            toResponse(reply).write(std::move(responder));
            logAccess(copy, QString::number(reply.status), timer.nsecsElapsed());
            return;
        }
        countedAs = copy.clientAddress;
    }
    const ReplyCallback reply = replyLater(std::move(responder), context, copy, timer, countedAs);
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
    QHttpServerResponder &responder, const QElapsedTimer &timer) const
{
    std::optional<Reply> rejection = rejectEarly(request);
    if (!rejection)
        return false;
    addCorsHeaders(copy, *rejection);
    toResponse(*rejection).write(std::move(responder));
    logAccess(copy, QString::number(rejection->status), timer.nsecsElapsed());
    return true;
}

ReplyCallback ApiServer::replyLater(QHttpServerResponder &&responder, QObject *context, HttpRequest request,
    QElapsedTimer timer, QHostAddress countedAs)
{
    // QtHttpServer 6.4 crashes if a QFuture outlives its client; instead the responder waits here, and
    // the answer is written, on the socket's own thread, only if the socket is still there by then.
    QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto shared = std::make_shared<const HttpRequest>(std::move(request));
    return [this, socket, pending, context, request = std::move(shared), timer, countedAs](Reply reply) {
        addCorsHeaders(*request, reply);
        auto send = [this, socket, pending, reply = std::move(reply), request, timer, countedAs]() mutable {
            if (!countedAs.isNull())
                m_forwardedRequests.remove(countedAs);
            const bool connected = socket && socket->state() == QAbstractSocket::ConnectedState;
            if (connected)
                toResponse(reply).write(std::move(*pending));
            logAccess(*request, connected ? QString::number(reply.status) : QStringLiteral("client-gone"),
                timer.nsecsElapsed());
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

} // namespace blog
