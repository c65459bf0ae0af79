#include "ApiClient.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QStandardPaths>
#include <QTest>

using namespace blog;
using namespace blog::test;

// ApiClient against a real server: two clients editing one article, each saving changes based on
// the version it loaded.
class TestApiClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<ApiClient> signedInClient()
    {
        HttpClient http;
        auto client = std::make_unique<ApiClient>();
        client->setBaseUrl(m_server->url(""));
        client->setToken(
            http.signIn(m_server->url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword));
        return client;
    }
    ApiResult<Article> fetch(ApiClient &client, const QString &slug)
    {
        std::optional<ApiResult<Article>> result;
        client.fetchArticle(slug, this, [&](const ApiResult<Article> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qFatal("no answer to GET");
        return *result;
    }
    ApiResult<Article> update(ApiClient &client, qint64 id, const QString &title, qint64 basedOnVersion)
    {
        std::optional<ApiResult<Article>> result;
        ArticlePatch patch;
        patch.title = title;
        client.updateArticle(
            id, patch, this, [&](const ApiResult<Article> &r) { result = r; }, basedOnVersion);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qFatal("no answer to PATCH");
        return *result;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void aChangeBasedOnAnOldVersionIsAConflictCarryingTheCurrentArticle()
    {
        auto first = signedInClient();
        auto second = signedInClient();
        const auto loadedByFirst = fetch(*first, "title-1-3");
        const auto loadedBySecond = fetch(*second, "title-1-3");
        QVERIFY(loadedByFirst && loadedBySecond);
        QVERIFY(loadedByFirst->version > 0);
        QCOMPARE(loadedBySecond->version, loadedByFirst->version);

        const auto saved = update(*first, loadedByFirst->id, "From the first", loadedByFirst->version);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(saved->title, "From the first");
        QVERIFY(saved->version > loadedByFirst->version);

        const auto refused = update(*second, loadedBySecond->id, "From the second", loadedBySecond->version);
        QVERIFY(!refused);
        QVERIFY(refused.error().isConflict());
        QVERIFY(!refused.error().message.isEmpty());
        QVERIFY(refused.error().current);
        QCOMPARE(refused.error().current->title, "From the first");
        QCOMPARE(refused.error().current->version, saved->version);
        QCOMPARE(fetch(*second, "title-1-3")->title, "From the first");

        // Based on the version it now knows, the second client's change goes through.
        const auto merged
            = update(*second, loadedBySecond->id, "From the second", refused.error().current->version);
        QVERIFY(merged);
        QCOMPARE(merged->title, "From the second");

        // Without a version, a change overwrites as before.
        const auto overwritten = update(*first, loadedByFirst->id, "Overwritten", 0);
        QVERIFY(overwritten);
        QCOMPARE(overwritten->title, "Overwritten");
        QVERIFY(overwritten->version > merged->version);
    }
};

QTEST_MAIN(TestApiClient)
#include "TestApiClient.moc"
