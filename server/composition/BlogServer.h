#pragma once

#include "ArticleRepository.h"
#include "ArticleService.h"
#include "Authenticator.h"
#include "BlogApi.h"
#include "ChangeNotifier.h"
#include "CommentNotifications.h"
#include "CommentRepository.h"
#include "CommentService.h"
#include "CommentWriter.h"
#include "FavoriteRepository.h"
#include "FavoriteService.h"
#include "FilteredListingCache.h"
#include "FollowRepository.h"
#include "HashingPool.h"
#include "HttpHost.h"
#include "ListingCache.h"
#include "ListingInvalidator.h"
#include "ListingPositions.h"
#include "ListingRepository.h"
#include "ListingService.h"
#include "MetricsRegistry.h"
#include "NotificationService.h"
#include "PasswordHasher.h"
#include "ProfileService.h"
#include "ReaderRepository.h"
#include "ReaderService.h"
#include "ReadinessCheck.h"
#include "RealWorldApi.h"
#include "SearchPool.h"
#include "SearchRepository.h"
#include "SearchService.h"
#include "ServerConfig.h"
#include "SignInThrottle.h"
#include "TokenService.h"
#include "UserCache.h"
#include "UserRepository.h"
#include "UserService.h"
#include "WebSite.h"

#include <QThread>

namespace blog {

class ChangeListener;
class Database;

// The whole server, wired: repositories, caches, services, the front ends and the HTTP host that serves
// them. The one place the parts are put together; `serve` and the tests both use it.
class BlogServer
{
public:
    BlogServer(const ServerConfig &config, Database &database);
    ~BlogServer();
    BlogServer(const BlogServer &) = delete;
    BlogServer &operator=(const BlogServer &) = delete;

    // Returns an error message, or an empty string once every HTTP thread listens.
    QString listen();
    quint16 port() const { return m_http.port(); }
    // 0 unless ServerConfig::metricsListen asked for a metrics listener.
    quint16 metricsPort() const { return m_http.metricsPort(); }
    // Graceful: stop accepting, answer what is in flight (sign-ins being hashed included), end the threads.
    void stop();

    ListingCache &listingCache() { return m_listingCache; }
    HashingPool &hashingPool() { return m_hashingPool; }
    SearchPool &searchPool() { return m_searchPool; }
    const HttpLoadMonitor &httpLoad() const { return m_http.load(); }
    const MetricsRegistry &metrics() const { return m_metrics; }
    CommentRepository &comments() { return m_commentRepository; }

private:
    void listenForOtherInstances();
    void registerMetrics();

    ServerConfig m_config;
    Database &m_database;
    MetricsRegistry m_metrics; // before the parts whose counts it reads, so it goes after them
    PasswordHasher m_hasher;
    HashingPool m_hashingPool;
    TokenService m_tokens;
    ListingCache m_listingCache;
    ListingPositions m_listingPositions;
    UserCache m_userCache;
    FilteredListingCache m_filteredListingCache;
    ChangeNotifier m_changeNotifier;
    ListingInvalidator m_listingInvalidator;
    QThread m_listenerThread;
    ChangeListener *m_changeListener = nullptr; // lives in m_listenerThread
    UserRepository m_userRepository;
    ArticleRepository m_articleRepository;
    CommentRepository m_commentRepository;
    CommentNotifications m_commentNotifications;
    CommentWriter m_commentWriter;
    ListingRepository m_listingRepository;
    FollowRepository m_followRepository;
    FavoriteRepository m_favoriteRepository;
    SearchRepository m_searchRepository;
    SearchPool m_searchPool;
    UserService m_users;
    ArticleService m_articles;
    CommentService m_comments;
    ListingService m_listing;
    SearchService m_search;
    NotificationService m_notifications;
    ProfileService m_profiles;
    FavoriteService m_favorites;
    ReadinessCheck m_readiness;
    Authenticator m_authenticator;
    SignInThrottle m_signInThrottle;
    BlogApi m_blogApi;
    RealWorldApi m_realWorldApi;
    ReaderRepository m_readerRepository;
    ReaderService m_reader;
    WebSite m_webSite;
    HttpHost m_http; // last: it serves the front ends above
};

} // namespace blog
