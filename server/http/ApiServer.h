#pragma once

#include "ArticleController.h"
#include "ArticleRepository.h"
#include "ArticleService.h"
#include "Authenticator.h"
#include "ChangeListener.h"
#include "CommentController.h"
#include "CommentRepository.h"
#include "CommentService.h"
#include "CommentWriter.h"
#include "ConnectionCounter.h"
#include "FavoriteRepository.h"
#include "FavoriteService.h"
#include "FilteredListingCache.h"
#include "FollowRepository.h"
#include "HashingPool.h"
#include "HttpLoadMonitor.h"
#include "ListingCache.h"
#include "ListingInvalidator.h"
#include "ListingPositions.h"
#include "ListingRepository.h"
#include "ListingService.h"
#include "MetricsRegistry.h"
#include "PasswordHasher.h"
#include "ProfileService.h"
#include "Reply.h"
#include "ServerConfig.h"
#include "SignInThrottle.h"
#include "TokenService.h"
#include "UserCache.h"
#include "UserController.h"
#include "UserRepository.h"
#include "UserService.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;

namespace blog {

class Database;
class HttpWorker;
class MetricsListener;
struct HttpRequest;

// The REST API: wires routes to controllers on every worker thread, sends their replies, and turns
// anything thrown into a logged 500 (or a 503 while the database is away).
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(const ServerConfig &config, Database &database, QObject *parent = nullptr);
    ~ApiServer() override;

    // Returns an error message, or an empty string once every worker listens.
    QString listen();
    quint16 port() const { return m_port; }
    // Graceful: stop accepting, answer what is in flight (sign-ins being hashed included), end the threads.
    void stop();

    ListingCache &listingCache() { return m_listingCache; }
    HashingPool &hashingPool() { return m_hashingPool; }
    const HttpLoadMonitor &httpLoad() const { return m_httpLoad; }
    // 0 unless ServerConfig::metricsListen asked for a metrics listener.
    quint16 metricsPort() const;
    const MetricsRegistry &metrics() const { return m_metrics; }

private:
    using Handler = std::function<Reply(const HttpRequest &)>;

    void addRoutes(QHttpServer &server, QObject *context);
    // Each answer is counted in the route's RouteMetrics as it is logged.
    QHttpServerResponse answer(
        const QHttpServerRequest &request, RouteMetrics &route, const Handler &handler);
    using AsyncHandler = std::function<void(const HttpRequest &, Resume, ReplyCallback)>;
    // For handlers that answer later: from the CommentWriter's thread (comment posts), or back on this
    // thread through `Resume` after hashing.
    void answerAsync(const QHttpServerRequest &request, QHttpServerResponder &&responder, QObject *context,
        RouteMetrics &route, const AsyncHandler &handler);
    // Answers a request that rejectEarly() refuses; false if it does not.
    bool refusedEarly(const QHttpServerRequest &request, const HttpRequest &copy,
        QHttpServerResponder &responder, const QElapsedTimer &timer, RouteMetrics &route) const;
    // Sends the reply it is given on `context`'s thread, if the client is still connected, and logs it.
    // `countedAs`: the forwarded client whose request in flight this is (null: none counted).
    ReplyCallback replyLater(QHttpServerResponder &&responder, QObject *context, HttpRequest request,
        QElapsedTimer timer, RouteMetrics *route, QHostAddress countedAs);
    Reply readiness();
    void registerMetrics();
    Reply run(const Handler &handler, const HttpRequest &request);
    Reply otherMethod(const HttpRequest &request, const QByteArray &allowed) const;
    bool isAllowedOrigin(const QByteArray &origin) const;
    void addCorsHeaders(const HttpRequest &request, Reply &reply) const;
    std::optional<Reply> rejectEarly(const QHttpServerRequest &request) const;
    static QHttpServerResponse toResponse(const Reply &reply);

    ServerConfig m_config;
    Database &m_database;
    MetricsRegistry m_metrics; // before the parts whose counts it reads, so it goes after them
    Counter m_databaseUnavailable;
    Counter m_databaseFaults;
    PasswordHasher m_hasher;
    HashingPool m_hashingPool;
    HttpLoadMonitor m_httpLoad;
    TokenService m_tokens;
    ListingCache m_listingCache;
    ListingPositions m_listingPositions;
    UserCache m_userCache;
    FilteredListingCache m_filteredListingCache;
    ListingInvalidator m_listingInvalidator;
    QThread m_listenerThread;
    ChangeListener *m_changeListener = nullptr; // lives in m_listenerThread
    UserRepository m_userRepository;
    ArticleRepository m_articleRepository;
    CommentRepository m_commentRepository;
    CommentWriter m_commentWriter;
    ListingRepository m_listingRepository;
    FollowRepository m_followRepository;
    FavoriteRepository m_favoriteRepository;
    UserService m_users;
    ArticleService m_articles;
    CommentService m_comments;
    ListingService m_listing;
    ProfileService m_profiles;
    FavoriteService m_favorites;
    Authenticator m_authenticator;
    SignInThrottle m_signInThrottle;
    UserController m_userController;
    ArticleController m_articleController;
    CommentController m_commentController;
    ConnectionCounter m_connectionCounter;
    // Requests in flight on the routes that answer later, per client behind a trusted proxy: the
    // per-address cap, for clients whose connections are the proxy's.
    ConnectionCounter m_forwardedRequests;
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::unique_ptr<MetricsListener> m_metricsListener;
    quint16 m_port = 0;
};

} // namespace blog
