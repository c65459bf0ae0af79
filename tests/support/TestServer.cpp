#include "TestServer.h"

#include "DemoSeeder.h"
#include "Migrator.h"
#include "PhraseIndex.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

namespace blog::test {

namespace {

DatabaseUrl postgresAdminUrl()
{
    const auto url = DatabaseUrl::parse(qEnvironmentVariable("BLOG_TEST_POSTGRES_URL"));
    if (!url || url->kind != DatabaseUrl::Kind::Postgres)
        qFatal(
            "BLOG_TEST_BACKEND=postgres needs BLOG_TEST_POSTGRES_URL=postgres://... (./dev test sets both)");
    return *url;
}

void adminExec(const QString &sql)
{
    const DatabaseUrl url = postgresAdminUrl();
    const QString name = QStringLiteral("blog-test-admin");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.name);
        if (!db.open())
            qFatal("cannot reach the test PostgreSQL: %s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(sql))
            qWarning("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

bool TestServer::isPostgres()
{
    return qgetenv("BLOG_TEST_BACKEND") == "postgres";
}

QString TestServer::createPostgresDatabase()
{
    static std::atomic_int counter { 0 };
    const QString name = QStringLiteral("blog_t_%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++counter)
                             .arg(QRandomGenerator::global()->bounded(1000000));
    adminExec(QStringLiteral("CREATE DATABASE %1").arg(name));
    return name;
}

void TestServer::dropPostgresDatabase(const QString &name)
{
    adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

TestServer::TestServer()
    : TestServer(Options {})
{
}

TestServer::TestServer(Options options)
    : m_options(std::move(options))
{
    QVERIFY2(m_dir.isValid(), "no temp dir");
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = m_options.port;
    m_config.workerThreads = m_options.workerThreads;
    m_config.hashingThreads = m_options.hashingThreads;
    m_config.hashingQueueLimit = m_options.hashingQueueLimit;
    m_config.searchThreads = m_options.searchThreads;
    m_config.searchQueueLimit = m_options.searchQueueLimit;
    m_config.searchTimeLimit = m_options.searchTimeLimit;
    const auto proxies = TrustedProxies::parse(m_options.trustedProxies);
    QVERIFY2(proxies.hasValue(), qPrintable(m_options.trustedProxies));
    m_config.trustedProxies = *proxies;
    m_config.tokenLifetime = m_options.tokenLifetime;
    m_config.listingCacheTtl = m_options.listingCacheTtl;
    m_config.hashCost = m_options.hashCost;
    m_config.connections = m_options.connections;
    m_config.signInAttemptsPerMinute = m_options.signInAttemptsPerMinute;
    m_config.corsOrigins = m_options.corsOrigins;
    if (m_options.metrics)
        m_config.metricsListen = ServerConfig::Endpoint { QStringLiteral("127.0.0.1"), 0 };
    QByteArray secret(32, Qt::Uninitialized);
    for (char &byte : secret)
        byte = char(QRandomGenerator::global()->bounded(256));
    m_config.jwtSecret = m_options.jwtSecret.isEmpty() ? secret : m_options.jwtSecret;
    const bool postgres = m_options.backend == Backend::Postgres
        || (m_options.backend == Backend::FromEnvironment && isPostgres());
    if (postgres) {
        m_config.database = postgresAdminUrl();
        if (m_options.databasePath.isEmpty())
            m_ownedPostgresDatabase = m_config.database.name = createPostgresDatabase();
        else
            m_config.database.name = m_options.databasePath;
        if (!m_options.postgresSocketDirectory.isEmpty()) {
            m_config.database.host = m_options.postgresSocketDirectory;
            m_config.database.password.clear(); // ./dev's clusters trust local connections
        }
    } else {
        m_config.database.kind = DatabaseUrl::Kind::Sqlite;
        m_config.database.path = m_options.databasePath.isEmpty()
            ? m_dir.filePath(QStringLiteral("blog.sqlite"))
            : m_options.databasePath;
    }

    m_database = std::make_unique<Database>(m_config.database);
    Migrator(*m_database).migrate();
    PhraseIndex(*m_database).catchUpQueued(); // what serve's PhraseIndexJob does first
    if (m_options.seed) {
        const PasswordHasher hasher(m_config.hashCost);
        DemoSeeder(*m_database, hasher).seed();
    }
    m_api = std::make_unique<BlogServer>(m_config, *m_database);
    const QString error = m_api->listen();
    if (!error.isEmpty())
        qFatal("TestServer cannot listen: %s", qPrintable(error));
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::stop()
{
    if (m_api)
        m_api->stop();
    m_api.reset();
    m_database.reset();
    if (!m_ownedPostgresDatabase.isEmpty())
        dropPostgresDatabase(m_ownedPostgresDatabase);
    m_ownedPostgresDatabase.clear();
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

QUrl TestServer::metricsUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_api->metricsPort()));
}

} // namespace blog::test
