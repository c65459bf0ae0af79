#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonObject>
#include <QTest>

using namespace blog::test;

namespace {
QStringList g_messages;
QtMessageHandler g_previous = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

// What the HTTP layer itself answers: unknown routes, wrong methods, oversized and malformed bodies,
// common headers, and what must never reach a log.
class TestHttpErrors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }

private slots:
    void initTestCase() { m_server = std::make_unique<TestServer>(); }
    void cleanupTestCase() { m_server.reset(); }

    void unknownRoutesAreJson404()
    {
        // "/" is the web home page now (TestWebPages).
        for (const QString path : { "/nope", "/article/title-1-3/nope", "/user", "/user/profile/x" }) {
            const auto response = m_http.get(url(path));
            QCOMPARE(response.status, 404);
            QVERIFY2(response.header("Content-Type").startsWith("application/json"), qPrintable(path));
            QCOMPARE(response.json().value("notFound").toBool(), true);
            QVERIFY(!response.json().value("error").toString().isEmpty());
        }
    }

    void healthAnswersSuccess()
    {
        const auto response = m_http.get(url("/health"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), QJsonObject({ { "success", true } }));
    }

    void wrongMethodsAre405WithAllow_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("GET sign-in") << QByteArray("GET") << "/user/sign-in" << QByteArray("POST");
        QTest::newRow("POST health") << QByteArray("POST") << "/health" << QByteArray("GET");
        QTest::newRow("DELETE profile")
            << QByteArray("DELETE") << "/user/profile" << QByteArray("GET, PATCH");
        QTest::newRow("PUT article list") << QByteArray("PUT") << "/article" << QByteArray("GET, POST");
        QTest::newRow("POST article")
            << QByteArray("POST") << "/article/title-1-3" << QByteArray("GET, PATCH, DELETE");
        QTest::newRow("GET comments")
            << QByteArray("GET") << "/article/title-1-3/comment" << QByteArray("POST");
        QTest::newRow("PATCH comment")
            << QByteArray("PATCH") << "/article/title-1-3/comment/1" << QByteArray("DELETE");
    }

    void wrongMethodsAre405WithAllow()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, allow);
        const auto response
            = m_http.send(method, url(path), "{}", { { "Content-Type", "application/json" } });
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), allow);
        QVERIFY(!response.json().value("error").toString().isEmpty());
    }

    void bodiesOverOneMebibyteAre413()
    {
        const QByteArray huge = "{\"text\":\"" + QByteArray(1024 * 1024 + 10, 'x') + "\"}";
        const auto response
            = m_http.send("POST", url("/article"), huge, { { "Content-Type", "application/json" } });
        QCOMPARE(response.status, 413);
        QVERIFY(response.json().value("error").toString().contains("limit"));
        const auto signIn
            = m_http.send("POST", url("/user/sign-in"), huge, { { "Content-Type", "application/json" } });
        QCOMPARE(signIn.status, 413);
    }

    void malformedBodiesAre400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("email=foo");
        QTest::newRow("truncated") << QByteArray("{\"email\": \"foo@bar.com\"");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("string") << QByteArray("\"hello\"");
        QTest::newRow("invalid utf-8") << QByteArray("{\"email\": \"\xff\xfe\", \"password\": \"x\"}");
        QTest::newRow("deep nesting") << QByteArray(100000, '[') + QByteArray(100000, ']');
        QTest::newRow("huge number") << QByteArray("{\"email\": 1e999999, \"password\": \"x\"}");
        QTest::newRow("duplicate keys")
            << QByteArray(R"({"email":"a@b.cd","email":"foo@bar.com","password":"x"})");
        QTest::newRow("nul byte") << QByteArray("{\"email\": \"a\0b\", \"password\": \"x\"}", 33);
    }

    void malformedBodiesAre400()
    {
        QFETCH(QByteArray, body);
        const auto response
            = m_http.send("POST", url("/user/sign-in"), body, { { "Content-Type", "application/json" } });
        QVERIFY2(response.status == 400 || response.status == 401, response.body.constData());
        QVERIFY(!response.json().value("error").toString().isEmpty());
    }

    void wrongContentTypeIs415()
    {
        const auto response = m_http.send("POST", url("/user/sign-in"),
            "{\"email\":\"foo@bar.com\",\"password\":\"password123\"}",
            { { "Content-Type", "application/x-www-form-urlencoded" } });
        QCOMPARE(response.status, 415);
    }

    void answersCarrySafetyHeaders()
    {
        const auto listing = m_http.get(url("/article"));
        QCOMPARE(listing.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(listing.header("Cache-Control"), QByteArray("no-cache"));
        const QString token = m_http.signIn(url("/user/sign-in"), "foo@bar.com", "password123");
        const auto profile = m_http.get(url("/user/profile"), token);
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(profile.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void passwordsNeverReachTheLog()
    {
        g_messages.clear();
        g_previous = qInstallMessageHandler(recordMessage);
        const QString password = "Very-Secret-Passw0rd";
        m_http.post(url("/user/sign-up"),
            { { "email", "log@example.com" }, { "fullName", "Log" }, { "password", password } });
        m_http.post(url("/user/sign-in"), { { "email", "log@example.com" }, { "password", password } });
        m_http.post(url("/user/sign-in"), { { "email", "log@example.com" }, { "password", password + "x" } });
        m_http.post(url("/user/sign-up"),
            { { "email", "log@example.com" }, { "fullName", "Log" }, { "password", password } });
        qInstallMessageHandler(g_previous);
        for (const QString &message : std::as_const(g_messages)) {
            QVERIFY2(!message.contains(password), qPrintable(message));
            QVERIFY2(!message.contains("$argon2"), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpErrors)
#include "TestHttpErrors.moc"
