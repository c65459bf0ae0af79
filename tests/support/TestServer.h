#pragma once

#include "BlogServer.h"
#include "Database.h"
#include "ServerConfig.h"
#include "TokenService.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace blog::test {

// A real blog-server API in this process: a fresh database (a SQLite file in a temp dir, or with
// BLOG_TEST_BACKEND=postgres a new database on the cluster BLOG_TEST_POSTGRES_URL names), migrations run,
// the demo data seeded (unless asked not to), worker threads listening on 127.0.0.1 and a free port.
// Passwords are hashed with a cheap argon2id cost so suites stay fast; the production cost has its
// own test (TestPasswordHasher).
class TestServer
{
public:
    // Which database a server gets: by default BLOG_TEST_BACKEND's; a suite that moves data between the
    // two names one (Postgres needs BLOG_TEST_POSTGRES_URL).
    enum class Backend { FromEnvironment, Sqlite, Postgres };

    struct Options
    {
        bool seed = true;
        Backend backend = Backend::FromEnvironment;
        int workerThreads = 2;
        std::chrono::seconds tokenLifetime = std::chrono::hours(1);
        std::chrono::milliseconds listingCacheTtl = std::chrono::seconds(5);
        PasswordHasher::Cost hashCost { 1024, 1, 1 };
        // Empty: a fresh database. Set it to share one (another instance, or a restart): a SQLite path,
        // or a PostgreSQL database name made with createPostgresDatabase().
        QString databasePath;
        // PostgreSQL: set to the cluster's socket directory to connect through it instead of TCP.
        QString postgresSocketDirectory;
        // Empty: a random one. Instances that share a database share this too.
        QByteArray jwtSecret;
        ConnectionPolicy connections;
        // High by default so suites that sign in often are not throttled; TestAbuse lowers it.
        int signInAttemptsPerMinute = 100000;
        QList<QByteArray> corsOrigins;
        // As --trusted-proxies takes it: "127.0.0.1,10.0.0.0/8".
        QString trustedProxies;
        int hashingThreads = 2;
        int hashingQueueLimit = 64;
        int searchThreads = 2;
        int searchQueueLimit = 64;
        std::chrono::milliseconds searchTimeLimit = std::chrono::seconds(2);
        // A metrics listener on 127.0.0.1 and a free port of its own.
        bool metrics = false;
        // 0: a free one. A restart names the port it had, so clients find it again.
        quint16 port = 0;
    };

    static bool isPostgres();
    // A new empty database on the test cluster; dropped by dropPostgresDatabase.
    static QString createPostgresDatabase();
    static void dropPostgresDatabase(const QString &name);

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();

    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return m_api->port(); }
    // GET /metrics on the metrics port (Options::metrics).
    QUrl metricsUrl() const;
    Database &database() { return *m_database; }
    BlogServer &api() { return *m_api; }
    const QByteArray &jwtSecret() const { return m_config.jwtSecret; }
    // A TokenService with the server's secret, to forge tokens with other claims.
    TokenService tokenService() const { return TokenService(m_config.jwtSecret, m_config.tokenLifetime); }
    QString databasePath() const { return m_config.database.path; }
    const DatabaseUrl &databaseUrl() const { return m_config.database; }
    void stop();

    static constexpr auto SeedEmail = "foo@bar.com";
    static constexpr auto SeedPassword = "password123";

private:
    Options m_options;
    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<BlogServer> m_api;
    QString m_ownedPostgresDatabase;
};

} // namespace blog::test
