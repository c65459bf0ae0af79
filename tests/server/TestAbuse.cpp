#include "HttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
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

qint64 residentKiB()
{
    QFile status("/proc/self/status");
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A raw connection, optionally from another loopback address (127.0.0.2 is "another client").
std::unique_ptr<QTcpSocket> connectFrom(const QString &from, quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!from.isEmpty())
        socket->bind(QHostAddress(from));
    socket->connectToHost(QHostAddress::LocalHost, port);
    socket->waitForConnected(5000);
    return socket;
}

// Everything the server sends until it closes the connection or `ms` pass.
QByteArray readUntilClosed(QTcpSocket &socket, int ms = 5000)
{
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < ms) {
        socket.waitForReadyRead(50);
        all += socket.readAll();
    }
    all += socket.readAll();
    return all;
}

QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

// Clients that misbehave: huge or endless requests, slow trickles, idle and surplus connections,
// password guessing; plus the access log, CORS, and malformed HTTP.
class TestAbuse : public QObject
{
    Q_OBJECT

private slots:
    void oversizedBodiesAreRefusedBeforeTheyAreRead()
    {
        TestServer server;
        const qint64 before = residentKiB();
        for (int i = 0; i < 5; ++i) {
            auto socket = connectFrom({}, server.port());
            socket->write("POST /article HTTP/1.1\r\nHost: x\r\nContent-Type: "
                          "application/json\r\nContent-Length: 209715200\r\n\r\n");
            socket->write(QByteArray(4 * 1024 * 1024, 'x'));
            const QByteArray answer = readUntilClosed(*socket);
            QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
            QVERIFY(answer.contains("Connection: close"));
            QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
        }
        const qint64 growth = residentKiB() - before;
        qInfo() << "resident memory growth after 5 refused 200 MB uploads (4 MB sent each):" << growth
                << "KiB";
        QVERIFY2(growth < 64 * 1024, qPrintable(QString::number(growth)));
        HttpClient http;
        QCOMPARE(http.get(server.url("/article")).status, 200);
    }

    void hugeHeadersAre431()
    {
        TestServer server;
        auto socket = connectFrom({}, server.port());
        socket->write(
            "GET /article HTTP/1.1\r\nHost: x\r\nX-Junk: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
        const QByteArray answer = readUntilClosed(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    }

    void chunkedAndBadLengthsAreRefused()
    {
        TestServer server;
        auto chunked = connectFrom({}, server.port());
        chunked->write(
            "POST /article HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QVERIFY(readUntilClosed(*chunked).startsWith("HTTP/1.1 411"));
        auto bad = connectFrom({}, server.port());
        bad->write("POST /article HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
        QVERIFY(readUntilClosed(*bad).startsWith("HTTP/1.1 400"));
    }

    void slowRequestsGet408AndIdleConnectionsClose()
    {
        TestServer::Options options;
        options.connections.requestTimeout = std::chrono::milliseconds(800);
        options.connections.idleTimeout = std::chrono::milliseconds(800);
        TestServer server(options);
        auto slow = connectFrom({}, server.port());
        slow->write("GET /article HTTP/1.1\r\nHost: x\r\n"); // and never the end of the headers
        QElapsedTimer timer;
        timer.start();
        const QByteArray answer = readUntilClosed(*slow, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
        QVERIFY(timer.elapsed() < 3000);

        auto slowBody = connectFrom({}, server.port());
        slowBody->write("POST /article HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        "application/json\r\nContent-Length: 100\r\n\r\n{\"ti");
        QVERIFY(readUntilClosed(*slowBody, 5000).startsWith("HTTP/1.1 408"));

        auto idle = connectFrom({}, server.port());
        idle->write(get("/article"));
        QVERIFY(idle->waitForReadyRead(3000));
        QVERIFY(idle->readAll().startsWith("HTTP/1.1 200"));
        QVERIFY(idle->state() == QAbstractSocket::ConnectedState); // kept alive for now
        timer.restart();
        readUntilClosed(*idle, 5000);
        QCOMPARE(idle->state(), QAbstractSocket::UnconnectedState);
        qInfo() << "idle keep-alive connection closed after" << timer.elapsed() << "ms";
    }

    void headersSplitAcrossReadsAreStillGuarded()
    {
        TestServer server;
        const auto sendInPieces = [](QTcpSocket &socket, const QList<QByteArray> &pieces) {
            for (const QByteArray &piece : pieces) {
                socket.write(piece);
                socket.waitForBytesWritten(1000);
                QTest::qWait(30); // each piece its own read on the server
            }
        };
        auto big = connectFrom({}, server.port());
        sendInPieces(
            *big, { "POST /article HTTP/1.1\r\nHost: x\r\nContent-Le", "ngth: 2000000\r", "\n\r", "\n" });
        QVERIFY(readUntilClosed(*big, 5000).startsWith("HTTP/1.1 413"));

        auto split = connectFrom({}, server.port());
        sendInPieces(*split, { "GET /article HTTP/1.1\r\nHost: x\r\n\r", "\n" });
        QVERIFY(split->bytesAvailable() > 0 || split->waitForReadyRead(3000)); // may be in already
        QVERIFY(split->readAll().startsWith("HTTP/1.1 200"));
    }

    void aBusyKeepAliveConnectionIsNeverTimedOut()
    {
        TestServer::Options options;
        options.connections.requestTimeout = std::chrono::milliseconds(500);
        options.connections.idleTimeout = std::chrono::milliseconds(500);
        TestServer server(options);
        auto socket = connectFrom({}, server.port());
        // 8 requests 200 ms apart: each within both limits, together well past them.
        for (int i = 0; i < 8; ++i) {
            socket->write(get("/article"));
            QVERIFY(socket->waitForReadyRead(3000));
            QTest::qWait(200);
            QVERIFY2(socket->readAll().startsWith("HTTP/1.1 200"), qPrintable(QString::number(i)));
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        }
    }

    void connectionCapsHoldOneAddressBackNotOthers()
    {
        TestServer::Options options;
        options.connections.maxConnectionsPerAddress = 20;
        TestServer server(options);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 30; ++i)
            sockets.push_back(connectFrom("127.0.0.1", server.port()));
        int refused = 0;
        for (auto &socket : sockets) {
            if (socket->waitForReadyRead(300) && socket->readAll().startsWith("HTTP/1.1 503"))
                ++refused;
        }
        QCOMPARE(refused, 10);
        auto other = connectFrom("127.0.0.2", server.port());
        other->write(get("/article"));
        QVERIFY(other->waitForReadyRead(3000));
        QVERIFY(other->readAll().startsWith("HTTP/1.1 200"));
    }

    void aNormalRequestAnswersWhile300SlowClientsTrickle()
    {
        TestServer::Options options;
        options.connections.requestTimeout = std::chrono::seconds(30);
        options.connections.maxConnectionsPerAddress = 1000;
        TestServer server(options);
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        const QByteArray request = "POST /user/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                   "application/json\r\nContent-Length: 500\r\n\r\n";
        for (int i = 0; i < 300; ++i)
            slow.push_back(connectFrom("127.0.0.1", server.port()));
        QList<qint64> latencies;
        for (int round = 0; round < 10; ++round) {
            for (auto &socket : slow) {
                socket->write(request.mid(round * 8, 8)); // a few bytes each, every round
                socket->flush();
            }
            QElapsedTimer timer;
            timer.start();
            auto normal = connectFrom("127.0.0.2", server.port());
            normal->write(get("/article/title-1-3"));
            QVERIFY(normal->waitForReadyRead(1000));
            QVERIFY(normal->readAll().startsWith("HTTP/1.1 200"));
            latencies.append(timer.elapsed());
            QTest::qWait(50);
        }
        std::sort(latencies.begin(), latencies.end());
        qInfo() << "normal request latency with 300 trickling clients: median" << latencies[5] << "ms, max"
                << latencies.last() << "ms";
        QVERIFY(latencies.last() < 1000);
    }

    void signInAttemptsAreRateLimited()
    {
        TestServer::Options options;
        options.signInAttemptsPerMinute = 6; // per e-mail: 3 (a third, at least 3)
        TestServer server(options);
        HttpClient http;
        const QJsonObject wrong { { "email", "foo@bar.com" }, { "password", "guess-guess" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.post(server.url("/user/sign-in"), wrong).status, 401);
        const auto limited = http.post(server.url("/user/sign-in"), wrong);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        QVERIFY(limited.json().value("error").toString().contains("Too many"));
        // Other e-mails from this address: up to the address's 6, then refused too.
        const QJsonObject other { { "email", "x@bar.com" }, { "password", "guess-guess" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.post(server.url("/user/sign-in"), other).status, 401);
        QCOMPARE(http.post(server.url("/user/sign-in"), other).status, 429);
        // Everything else still answers at once.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(http.get(server.url("/article")).status, 200);
        QVERIFY(timer.elapsed() < 1000);
        // Another client address is not held back by this one (but the e-mail still is).
        auto socket = connectFrom("127.0.0.2", server.port());
        const QByteArray body = R"({"email":"new@bar.com","password":"guess-guess"})";
        socket->write(
            "POST /user/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket->waitForReadyRead(5000));
        QVERIFY(socket->readAll().startsWith("HTTP/1.1 401"));
    }

    void corsIsOffUnlessTheOriginIsAllowed()
    {
        TestServer::Options options;
        options.corsOrigins = { "https://blog.example.org" };
        TestServer server(options);
        HttpClient http;
        const auto allowed
            = http.get(server.url("/article"), {}, { { "Origin", "https://blog.example.org" } });
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"), QByteArray("https://blog.example.org"));
        const auto foreign = http.get(server.url("/article"), {}, { { "Origin", "https://evil.example" } });
        QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
        const auto preflight = http.send("OPTIONS", server.url("/article"), {},
            { { "Origin", "https://blog.example.org" }, { "Access-Control-Request-Method", "POST" } });
        QCOMPARE(preflight.status, 204);
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        TestServer plain;
        QVERIFY(http.get(plain.url("/article"), {}, { { "Origin", "https://blog.example.org" } })
                    .header("Access-Control-Allow-Origin")
                    .isEmpty());
    }

    void everyRequestIsLoggedWithoutSecrets()
    {
        TestServer server;
        HttpClient http;
        g_log.clear();
        g_previous = qInstallMessageHandler(record);
        const QString token = http.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123");
        http.get(server.url("/user/profile"), token);
        http.get(server.url("/article?limit=2"));
        http.get(server.url("/nope"));
        QTest::qWait(100);
        qInstallMessageHandler(g_previous);
        const QStringList access = g_log.filter(QRegularExpression("^blog.access "));
        QVERIFY2(access.size() >= 4, qPrintable(g_log.join('\n')));
        QVERIFY(access.filter(QRegularExpression("POST /user/sign-in 200 [0-9.]+ms")).size() == 1);
        QVERIFY(access.filter(QRegularExpression("GET /user/profile 200")).size() == 1);
        QVERIFY(access.filter(QRegularExpression("GET /article 200")).size() == 1);
        QVERIFY(access.filter(QRegularExpression("GET /nope 404")).size() == 1);
        for (const QString &line : std::as_const(g_log)) {
            QVERIFY(!line.contains(token));
            QVERIFY(!line.contains("password123"));
        }
    }

    void malformedHttpNeverHurtsTheServer()
    {
        TestServer server;
        for (const QByteArray &garbage : { QByteArray("BLAH\r\n\r\n"), QByteArray("GET / HTTP/9.9\r\n\r\n"),
                 QByteArray(1000, '\0'), QByteArray("\xff\xfe\xfd\r\n\r\n"),
                 QByteArray("GET /article HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n") }) {
            auto socket = connectFrom({}, server.port());
            socket->write(garbage);
            readUntilClosed(*socket, 1500);
        }
        HttpClient http;
        QCOMPARE(http.get(server.url("/article")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAbuse)
#include "TestAbuse.moc"
