#include "HttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace blog::test;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;
void record(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category) + QLatin1Char(' ') + message);
    if (g_previous)
        g_previous(type, context, message);
}

std::unique_ptr<QTcpSocket> connectFrom(const QString &from, quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->bind(QHostAddress(from));
    socket->connectToHost(QHostAddress::LocalHost, port);
    socket->waitForConnected(5000);
    return socket;
}

// What the server sent within `ms` (or until it closed the connection): a refusal may come with the
// close, before the test starts waiting.
QByteArray answerOf(QTcpSocket &socket, int ms = 3000)
{
    QByteArray all = socket.readAll();
    QElapsedTimer timer;
    timer.start();
    while (!all.contains("\r\n\r\n") && socket.state() == QAbstractSocket::ConnectedState
        && timer.elapsed() < ms) {
        socket.waitForReadyRead(50);
        all += socket.readAll();
    }
    return all + socket.readAll();
}

} // namespace

// blog-server behind a reverse proxy: the client is who a trusted proxy says it is, for the sign-in
// limit, the per-address caps and the access log; anyone else's X-Forwarded-For is ignored.
class TestProxiedClients : public QObject
{
    Q_OBJECT

    static int wrongSignIn(HttpClient &http, TestServer &server, const QByteArray &forwardedFor,
        const QByteArray &email = "foo@bar.com")
    {
        HttpClient::Headers headers { { "Content-Type", "application/json" } };
        if (!forwardedFor.isEmpty())
            headers.append({ "X-Forwarded-For", forwardedFor });
        return http
            .send("POST", server.url("/user/sign-in"),
                R"({"email":")" + email + R"(","password":"not-the-password"})", headers)
            .status;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void differentClientsBehindTheProxyHaveTheirOwnLimits()
    {
        TestServer::Options options;
        options.trustedProxies = "127.0.0.1";
        options.signInAttemptsPerMinute = 30;
        TestServer server(options);
        HttpClient http;
        // 35 people, one attempt each, each on their own e-mail: the proxy's address would have hit 30.
        for (int i = 1; i <= 35; ++i) {
            const QByteArray client = "198.51.100." + QByteArray::number(i);
            QCOMPARE(
                wrongSignIn(http, server, "6.6.6.6, " + client, "user" + QByteArray::number(i) + "@bar.com"),
                401);
        }
        // One client guessing: limited after 30 attempts (10 per e-mail: different e-mails).
        int limitedAt = 0;
        for (int i = 1; i <= 40 && !limitedAt; ++i) {
            const int status
                = wrongSignIn(http, server, "203.0.113.5", "guess" + QByteArray::number(i % 4) + "@bar.com");
            if (status == 429)
                limitedAt = i;
            else
                QCOMPARE(status, 401);
        }
        QCOMPARE(limitedAt, 31);
        // ...and only that client.
        QCOMPARE(wrongSignIn(http, server, "203.0.113.6", "other@bar.com"), 401);
    }

    void anUntrustedPeerCannotSpoofItsAddress()
    {
        TestServer::Options options;
        options.trustedProxies = "10.0.0.0/8"; // not us
        options.signInAttemptsPerMinute = 6;
        TestServer server(options);
        HttpClient http;
        int limited = 0;
        for (int i = 1; i <= 10; ++i) {
            if (wrongSignIn(http, server, "198.51.100." + QByteArray::number(i),
                    "x" + QByteArray::number(i) + "@bar.com")
                == 429)
                ++limited;
        }
        QCOMPARE(limited, 4); // a new address in each header changed nothing
    }

    void aTrustedProxysConnectionsCountAgainstTheTotalOnly()
    {
        TestServer::Options options;
        options.trustedProxies = "127.0.0.1";
        options.connections.maxConnectionsPerAddress = 4;
        options.connections.maxConnections = 20;
        TestServer server(options);
        std::vector<std::unique_ptr<QTcpSocket>> proxy;
        for (int i = 0; i < 12; ++i)
            proxy.push_back(connectFrom("127.0.0.1", server.port()));
        for (auto &socket : proxy)
            socket->write("GET /article HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.1\r\n\r\n");
        for (auto &socket : proxy)
            QVERIFY(answerOf(*socket).startsWith("HTTP/1.1 200"));
        // Another peer still meets the per-address cap.
        std::vector<std::unique_ptr<QTcpSocket>> other;
        for (int i = 0; i < 6; ++i)
            other.push_back(connectFrom("127.0.0.2", server.port()));
        int refused = 0;
        for (auto &socket : other) {
            if (answerOf(*socket, 300).startsWith("HTTP/1.1 503"))
                ++refused;
        }
        QCOMPARE(refused, 2);
        // And the total holds: 12 + 4 open, 4 more fill it, the next is refused.
        for (int i = 0; i < 4; ++i) {
            proxy.push_back(connectFrom("127.0.0.1", server.port()));
            // Answered, so counted: the two HTTP threads accept in parallel, and the surplus must come last.
            proxy.back()->write("GET /article HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(answerOf(*proxy.back()).startsWith("HTTP/1.1 200"));
        }
        auto surplus = connectFrom("127.0.0.1", server.port());
        QVERIFY(answerOf(*surplus).startsWith("HTTP/1.1 503"));
    }

    void theAccessLogNamesTheClient()
    {
        TestServer::Options options;
        options.trustedProxies = "127.0.0.1";
        TestServer server(options);
        HttpClient http;
        g_log.clear();
        g_previous = qInstallMessageHandler(record);
        http.get(server.url("/article"), {}, { { "X-Forwarded-For", "198.51.100.77" } });
        http.get(server.url("/article"));
        wrongSignIn(http, server, "2001:db8::77");
        qInstallMessageHandler(g_previous);
        const QStringList access = g_log.filter(QRegularExpression("^blog.access "));
        QCOMPARE(
            access.filter(QRegularExpression("^blog.access 198\\.51\\.100\\.77 GET /article 200")).size(), 1);
        QCOMPARE(
            access.filter(QRegularExpression("^blog.access 127\\.0\\.0\\.1 GET /article 200")).size(), 1);
        QCOMPARE(
            access.filter(QRegularExpression("^blog.access 2001:db8::77 POST /user/sign-in 401")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProxiedClients)
#include "TestProxiedClients.moc"
