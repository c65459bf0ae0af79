#include "TestServer.h"

#include "DemoSeeder.h"
#include "Migrator.h"

#include <QRandomGenerator>
#include <QTest>

namespace blog::test {

TestServer::TestServer()
    : TestServer(Options {})
{
}

TestServer::TestServer(Options options)
    : m_options(std::move(options))
{
    QVERIFY2(m_dir.isValid(), "no temp dir");
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = 0;
    m_config.workerThreads = m_options.workerThreads;
    m_config.hashingThreads = 2;
    m_config.tokenLifetime = m_options.tokenLifetime;
    m_config.listingCacheTtl = m_options.listingCacheTtl;
    m_config.hashCost = m_options.hashCost;
    QByteArray secret(32, Qt::Uninitialized);
    for (char &byte : secret)
        byte = char(QRandomGenerator::global()->bounded(256));
    m_config.jwtSecret = secret;
    m_config.database.kind = DatabaseUrl::Kind::Sqlite;
    m_config.database.path = m_options.databasePath.isEmpty() ? m_dir.filePath(QStringLiteral("blog.sqlite"))
                                                              : m_options.databasePath;

    m_database = std::make_unique<Database>(m_config.database);
    Migrator(*m_database).migrate();
    if (m_options.seed) {
        const PasswordHasher hasher(m_config.hashCost);
        DemoSeeder(*m_database, hasher).seed();
    }
    m_api = std::make_unique<ApiServer>(m_config, *m_database);
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
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

} // namespace blog::test
