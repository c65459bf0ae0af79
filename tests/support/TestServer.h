#pragma once

#include "ApiServer.h"
#include "Database.h"
#include "ServerConfig.h"
#include "TokenService.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace blog::test {

// A real blog-server API in this process: a fresh SQLite file in a temp dir, migrations run, the demo
// data seeded (unless asked not to), worker threads listening on 127.0.0.1 and a free port.
// Passwords are hashed with a cheap argon2id cost so suites stay fast; the production cost has its
// own test (TestPasswordHasher).
class TestServer
{
public:
    struct Options
    {
        bool seed = true;
        int workerThreads = 2;
        std::chrono::seconds tokenLifetime = std::chrono::hours(1);
        std::chrono::milliseconds listingCacheTtl = std::chrono::seconds(5);
        PasswordHasher::Cost hashCost { 1024, 1, 1 };
        // Empty: a file in the temp dir. Set it to reuse a database across restarts.
        QString databasePath;
    };

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();

    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return m_api->port(); }
    Database &database() { return *m_database; }
    ApiServer &api() { return *m_api; }
    const QByteArray &jwtSecret() const { return m_config.jwtSecret; }
    // A TokenService with the server's secret, to forge tokens with other claims.
    TokenService tokenService() const { return TokenService(m_config.jwtSecret, m_config.tokenLifetime); }
    QString databasePath() const { return m_config.database.path; }
    void stop();

    static constexpr auto SeedEmail = "foo@bar.com";
    static constexpr auto SeedPassword = "password123";

private:
    Options m_options;
    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ApiServer> m_api;
};

} // namespace blog::test
