#include "BlogServer.h"

#include "ChangeListener.h"
#include "Database.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace blog {

namespace {

int threadsOr(int configured)
{
    return configured > 0 ? configured : std::max(2, QThread::idealThreadCount());
}

} // namespace

BlogServer::BlogServer(const ServerConfig &config, Database &database)
    : m_config(config)
    , m_database(database)
    , m_hasher(config.hashCost)
    , m_hashingPool(threadsOr(config.hashingThreads), config.hashingQueueLimit)
    , m_tokens(config.jwtSecret, config.tokenLifetime)
    , m_listingCache(config.listingCacheTtl)
    , m_listingPositions(config.listingCacheTtl,
          [this] {
              m_listingCache.invalidate();
              m_filteredListingCache.invalidate();
          })
    , m_userCache(config.listingCacheTtl)
    , m_filteredListingCache(config.listingCacheTtl)
    , m_changeNotifier(database)
    , m_listingInvalidator(m_listingCache, m_listingPositions, m_filteredListingCache, m_changeNotifier)
    , m_userRepository(database)
    , m_articleRepository(database)
    , m_commentRepository(database)
    , m_commentWriter(m_commentRepository, database,
          [this](const CommentWriter::Commented &commented) {
              // Before anyone hears back, so their next listing counts the comment.
              m_listingInvalidator.commentsChanged(commented.articles, commented.articleAuthors);
              m_commentNotifications.commentsAdded(commented.articleAuthors);
          })
    , m_listingRepository(database)
    , m_followRepository(database)
    , m_favoriteRepository(database)
    , m_searchRepository(database)
    , m_searchPool(database, threadsOr(config.searchThreads), config.searchQueueLimit, config.searchTimeLimit)
    , m_users(m_userRepository, m_hasher, m_hashingPool, m_tokens, m_listingInvalidator, m_userCache)
    , m_articles(m_articleRepository, m_listingInvalidator)
    , m_comments(m_articleRepository, m_commentRepository, m_listingInvalidator, m_commentWriter)
    , m_listing(m_listingRepository, m_listingCache, m_listingPositions, m_filteredListingCache,
          m_favoriteRepository, m_followRepository)
    , m_search(m_searchRepository, m_filteredListingCache, m_searchPool)
    , m_notifications(m_commentRepository, m_commentNotifications)
    , m_profiles(m_userRepository, m_followRepository, m_listingInvalidator)
    , m_favorites(m_articleRepository, m_favoriteRepository, m_followRepository, m_listingInvalidator)
    , m_readiness(database)
    , m_authenticator(m_tokens, m_users)
    , m_signInThrottle(config.signInAttemptsPerMinute)
    , m_blogApi({ m_users, m_articles, m_comments, m_listing, m_search, m_notifications, m_favorites,
          m_profiles, m_authenticator, m_signInThrottle, m_readiness })
    , m_realWorldApi({ m_users, m_profiles, m_articles, m_favorites, m_comments, m_listing, m_search,
          m_authenticator, m_signInThrottle })
    , m_readerRepository(database)
    , m_reader(m_readerRepository)
    , m_webSite({ m_articles, m_listing, m_reader, m_listingCache },
          { config.publicUrl, config.siteName, config.listingCacheTtl })
    , m_http(config, database, m_metrics, { &m_blogApi, &m_realWorldApi, &m_webSite },
          // Hashes yield to reads while the HTTP threads are busy, and run at normal priority otherwise.
          [this](bool busy) { m_hashingPool.setPreferIdle(busy); })
{
    registerMetrics();
}

BlogServer::~BlogServer()
{
    stop();
    m_listingPositions.stop(); // it reads through m_listingRepository, which goes first
}

QString BlogServer::listen()
{
    if (m_database.url().kind == DatabaseUrl::Kind::Postgres)
        listenForOtherInstances();
    const QString error = m_http.listen();
    if (error.isEmpty())
        qCInfo(lcHttp).noquote() << "hashing on" << m_hashingPool.threadCount() << "threads";
    return error;
}

void BlogServer::listenForOtherInstances()
{
    // Its own thread, so other instances' writes clear our cache within a moment, however busy the
    // rest of the process is.
    m_changeListener = new ChangeListener(m_database, m_changeNotifier.origin());
    m_changeListener->moveToThread(&m_listenerThread);
    QObject::connect(&m_listenerThread, &QThread::finished, m_changeListener, &QObject::deleteLater);
    QObject::connect(
        m_changeListener, &ChangeListener::changed, m_changeListener,
        [this](bool articles) {
            m_listingCache.invalidate();
            if (articles)
                m_listingPositions.invalidate();
            m_filteredListingCache.invalidate();
            m_userCache.invalidate();
        },
        Qt::DirectConnection);
    QObject::connect(
        m_changeListener, &ChangeListener::commentsAdded, m_changeListener,
        [this](const QList<qint64> &articleAuthors) { m_commentNotifications.commentsAdded(articleAuthors); },
        Qt::DirectConnection);
    m_listenerThread.start();
    QMetaObject::invokeMethod(m_changeListener, &ChangeListener::start, Qt::BlockingQueuedConnection);
}

void BlogServer::stop()
{
    m_http.stopListening();
    m_commentNotifications.stop(); // the long polls answer what they have
    // Answers computed on the pool and by the comment writer are posted to the HTTP threads, so those
    // finish first.
    m_hashingPool.waitForDone();
    m_searchPool.waitForDone();
    m_commentWriter.stop();
    m_http.stopThreads();
    m_listenerThread.quit();
    m_listenerThread.wait();
    m_changeListener = nullptr;
}

void BlogServer::registerMetrics()
{
    using Series = MetricsRegistry::Series;
    const auto count = [](auto read) { return [read] { return double(read()); }; };
    m_metrics.addProcessMetrics(QStringLiteral(BLOG_VERSION));
    m_metrics.addCounter("blog_listing_cache_hits_total", "Listing pages sent from the cache.",
        { Series { {}, count([this] { return m_listingCache.hits(); }) } });
    m_metrics.addCounter("blog_listing_cache_misses_total", "Listing pages read from the database.",
        { Series { {}, count([this] { return m_listingCache.misses(); }) } });
    m_metrics.addCounter("blog_page_cache_hits_total", "Web pages and feeds sent from the cache.",
        { Series { {}, count([this] { return m_webSite.cache().hits(); }) } });
    m_metrics.addCounter("blog_page_cache_misses_total", "Web pages and feeds made anew.",
        { Series { {}, count([this] { return m_webSite.cache().misses(); }) } });
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
    m_metrics.addCounter("blog_hashes_lowered_total",
        "Running hashes lowered to idle priority because the HTTP threads became busy.",
        { Series { {}, count([this] { return m_hashingPool.lowered(); }) } });
    m_metrics.addCounter("blog_hashes_rerun_total",
        "Hashes run again at normal priority after starving at idle priority beside busy processes.",
        { Series { {}, count([this] { return m_hashingPool.rerun(); }) } });
    m_metrics.addGauge("blog_search_queue_length",
        "Searches not in the cache waiting for or in the search pool (refused beyond --search-queue).",
        { Series { {}, count([this] { return m_searchPool.pending(); }) } });
    m_metrics.addCounter("blog_searches_stopped_total", "Searches stopped by --search-time-limit (503).",
        { Series { {}, count([this] { return m_search.timedOut(); }) } });
    m_metrics.addGauge("blog_notification_waiters", "Requests waiting for new comments (long polls).",
        { Series { {}, count([this] { return m_commentNotifications.waiting(); }) } });
    m_metrics.addHistogram("blog_comment_batch_size",
        "Comments written in one transaction by the comment writer.", m_commentWriter.batchSizes());
    const RequestPipeline &pipeline = m_http.pipeline();
    m_metrics.addCounter("blog_database_errors_total",
        "Requests and comment batches the database failed: unavailable (503) or a query fault (500).",
        { Series { MetricsRegistry::label("kind", QStringLiteral("unavailable")), count([this, &pipeline] {
                      return pipeline.databaseUnavailable() + m_commentWriter.unavailableErrors();
                  }) },
            Series { MetricsRegistry::label("kind", QStringLiteral("query")), count([this, &pipeline] {
                        return pipeline.databaseFaults() + m_commentWriter.faultErrors();
                    }) } });
}

} // namespace blog
