#include "ApiServer.h"

#include "ApiPaths.h"
#include "Database.h"
#include "DatabaseError.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "HttpWorker.h"
#include "ListeningSockets.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "blog.http")

namespace blog {

namespace {

using Method = QHttpServerRequest::Method;

int threadsOr(int configured)
{
    return configured > 0 ? configured : std::max(2, QThread::idealThreadCount());
}

Reply methodNotAllowed(const QByteArray &allowed)
{
    return ErrorReply::from(Error { Error::Kind::MethodNotAllowed, QStringLiteral("Method not allowed here"), {} })
        .withHeader("Allow", allowed);
}

} // namespace

ApiServer::ApiServer(const ServerConfig &config, Database &database, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_database(database)
    , m_hasher(config.hashCost)
    , m_tokens(config.jwtSecret, config.tokenLifetime)
    , m_listingCache(config.listingCacheTtl)
    , m_listingInvalidator(m_listingCache, database)
    , m_userRepository(database)
    , m_articleRepository(database)
    , m_commentRepository(database)
    , m_listingRepository(database)
    , m_users(m_userRepository, m_hasher, m_tokens, m_listingInvalidator)
    , m_articles(m_articleRepository, m_commentRepository, m_listingInvalidator)
    , m_comments(m_articleRepository, m_commentRepository, m_listingInvalidator)
    , m_listing(m_listingRepository, m_listingCache)
    , m_authenticator(m_tokens, m_users)
    , m_userController(m_users, m_authenticator)
    , m_articleController(m_articles, m_listing, m_authenticator)
    , m_commentController(m_comments, m_authenticator)
{
    m_hashingPool.setMaxThreadCount(threadsOr(config.hashingThreads));
}

ApiServer::~ApiServer()
{
    stop();
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
        connect(m_changeListener, &ChangeListener::changed, m_changeListener,
                [this] { m_listingCache.invalidate(); }, Qt::DirectConnection);
        m_listenerThread.start();
        QMetaObject::invokeMethod(m_changeListener, &ChangeListener::start, Qt::BlockingQueuedConnection);
    }
    for (const qintptr descriptor : bound->descriptors) {
        auto worker = std::make_unique<HttpWorker>(
            descriptor, [this](QHttpServer &server) { addRoutes(server, &server); }, m_database);
        worker->startListening();
        m_workers.push_back(std::move(worker));
    }
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("%1:%2").arg(m_config.host).arg(m_port) << "with"
                             << m_workers.size() << "HTTP threads and" << m_hashingPool.maxThreadCount()
                             << "hashing threads";
    return {};
}

void ApiServer::stop()
{
    if (m_workers.empty())
        return;
    for (const auto &worker : m_workers)
        worker->stopListening();
    // Answers computed on the pool are posted to the workers, so the pool drains first.
    m_hashingPool.waitForDone();
    for (const auto &worker : m_workers) {
        worker->quit();
        worker->wait();
    }
    m_workers.clear();
    m_listenerThread.quit();
    m_listenerThread.wait();
    m_changeListener = nullptr;
}

void ApiServer::addRoutes(QHttpServer &server, QObject *context)
{
    auto &users = m_userController;
    auto &articles = m_articleController;
    auto &comments = m_commentController;

    // argon2id takes ~150 ms on purpose: these run on the hashing pool, never on an HTTP thread.
    server.route(ApiPaths::SignUp, Method::Post, [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        answerLater(request, std::move(responder), context, [&users](const HttpRequest &r) { return users.signUp(r); });
    });
    server.route(ApiPaths::SignIn, Method::Post, [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        answerLater(request, std::move(responder), context, [&users](const HttpRequest &r) { return users.signIn(r); });
    });
    server.route(ApiPaths::Profile, Method::Get, [this, &users](const QHttpServerRequest &request) {
        return answer(request, [&users](const HttpRequest &r) { return users.profile(r); });
    });
    // A new password is hashed too, so profile changes also go to the pool.
    server.route(ApiPaths::Profile, Method::Patch, [=, this, &users](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        answerLater(request, std::move(responder), context, [&users](const HttpRequest &r) { return users.updateProfile(r); });
    });

    server.route(ApiPaths::Articles, Method::Get, [this, &articles](const QHttpServerRequest &request) {
        return answer(request, [&articles](const HttpRequest &r) { return articles.list(r); });
    });
    server.route(ApiPaths::Articles, Method::Post, [this, &articles](const QHttpServerRequest &request) {
        return answer(request, [&articles](const HttpRequest &r) { return articles.create(r); });
    });
    const QString article = ApiPaths::Articles + QStringLiteral("/<arg>");
    server.route(article, Method::Get, [this, &articles](const QString &slug, const QHttpServerRequest &request) {
        return answer(request, [&articles, &slug](const HttpRequest &) { return articles.show(slug); });
    });
    server.route(article, Method::Patch, [this, &articles](const QString &id, const QHttpServerRequest &request) {
        return answer(request, [&articles, &id](const HttpRequest &r) { return articles.update(id, r); });
    });
    server.route(article, Method::Delete, [this, &articles](const QString &id, const QHttpServerRequest &request) {
        return answer(request, [&articles, &id](const HttpRequest &r) { return articles.remove(id, r); });
    });
    const QString commentList = article + QLatin1Char('/') + ApiPaths::CommentsSegment;
    server.route(commentList, Method::Post, [this, &comments](const QString &slug, const QHttpServerRequest &request) {
        return answer(request, [&comments, &slug](const HttpRequest &r) { return comments.post(slug, r); });
    });
    server.route(commentList + QStringLiteral("/<arg>"), Method::Delete,
                 [this, &comments](const QString &slug, const QString &id, const QHttpServerRequest &request) {
                     return answer(request, [&](const HttpRequest &r) { return comments.remove(slug, id, r); });
                 });

    // Known paths with another method: 405 with Allow (QtHttpServer would say 404). Registered last,
    // so the rules above match first.
    const auto notAllowed = [](QByteArray allowed) {
        return [allowed](const QHttpServerRequest &) { return toResponse(methodNotAllowed(allowed)); };
    };
    server.route(ApiPaths::SignUp, notAllowed("POST"));
    server.route(ApiPaths::SignIn, notAllowed("POST"));
    server.route(ApiPaths::Profile, notAllowed("GET, PATCH"));
    server.route(ApiPaths::Articles, notAllowed("GET, POST"));
    server.route(article, [](const QString &, const QHttpServerRequest &) {
        return toResponse(methodNotAllowed("GET, PATCH, DELETE"));
    });
    server.route(commentList, [](const QString &, const QHttpServerRequest &) {
        return toResponse(methodNotAllowed("POST"));
    });
    server.route(commentList + QStringLiteral("/<arg>"), [](const QString &, const QString &, const QHttpServerRequest &) {
        return toResponse(methodNotAllowed("DELETE"));
    });

    server.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QString message = QStringLiteral("No such route: %1").arg(request.url().path());
        toResponse(ErrorReply::from(Error::notFound(message))).write(std::move(responder));
    });
}

std::optional<Reply> ApiServer::rejectEarly(const QHttpServerRequest &request) const
{
    if (request.body().size() > m_config.maxBodyBytes) {
        return ErrorReply::from(Error { Error::Kind::PayloadTooLarge,
                                        QStringLiteral("The body is over the limit of %1 bytes").arg(m_config.maxBodyBytes),
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
            return ErrorReply::from(Error { Error::Kind::Unavailable,
                                            QStringLiteral("The database is unavailable, try again shortly"), {} });
        }
        qCCritical(lcHttp) << "database fault:" << error.what();
    } catch (const std::exception &error) {
        qCCritical(lcHttp) << "unexpected fault:" << error.what();
    }
    return ErrorReply::from(Error { Error::Kind::Internal, QStringLiteral("Internal server error"), {} });
}

QHttpServerResponse ApiServer::answer(const QHttpServerRequest &request, const Handler &handler)
{
    if (auto rejection = rejectEarly(request))
        return toResponse(*rejection);
    return toResponse(run(handler, HttpRequest::from(request)));
}

void ApiServer::answerLater(const QHttpServerRequest &request, QHttpServerResponder &&responder, QObject *context,
                            Handler handler)
{
    if (auto rejection = rejectEarly(request)) {
        toResponse(*rejection).write(std::move(responder));
        return;
    }
    // QtHttpServer 6.4 crashes if a QFuture outlives its client; instead the responder waits here, and
    // the answer is written only if its socket is still there when the pool is done.
    QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    m_hashingPool.start([this, socket, pending, context, handler = std::move(handler),
                         copy = HttpRequest::from(request)]() mutable {
        Reply reply = run(handler, copy);
        QMetaObject::invokeMethod(
            context,
            [socket, pending, reply = std::move(reply)]() mutable {
                if (socket && socket->state() == QAbstractSocket::ConnectedState)
                    toResponse(reply).write(std::move(*pending));
            },
            Qt::QueuedConnection);
    });
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
