#include "HttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace blog::test;

// Several clients at once: slow sign-ins beside fast reads, clients that vanish mid-request, and
// races on unique things (e-mails, slugs).
class TestConcurrency : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    QNetworkReply *postAsync(const QUrl &url, const QJsonObject &body, const QString &token = {})
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    static bool waitAll(const QList<QNetworkReply *> &replies, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                return std::all_of(
                    replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); });
            },
            timeoutMs);
    }

    static int status(QNetworkReply *reply)
    {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    void signInBurstDoesNotStallTheListing()
    {
        // The production argon2id cost (64 MiB, t=3, p=4): every sign-in is ~150 ms of CPU.
        TestServer::Options options;
        options.hashCost = blog::PasswordHasher::Cost {};
        TestServer server(options);
        QList<QNetworkReply *> signIns;
        for (int i = 0; i < 16; ++i)
            signIns.append(postAsync(
                server.url("/user/sign-in"), { { "email", "foo@bar.com" }, { "password", "password123" } }));
        QTest::qWait(50); // let the burst reach the server

        HttpClient reader;
        QList<qint64> latencies;
        int signInsDoneWhenReadsFinished = 0;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            QCOMPARE(reader.get(server.url("/article?offset=" + QString::number(i % 3))).status, 200);
            latencies.append(timer.elapsed());
        }
        signInsDoneWhenReadsFinished = int(
            std::count_if(signIns.begin(), signIns.end(), [](QNetworkReply *r) { return r->isFinished(); }));
        QVERIFY(waitAll(signIns));
        for (QNetworkReply *reply : signIns)
            QCOMPARE(status(reply), 200);
        std::sort(latencies.begin(), latencies.end());
        qInfo() << "listing latency during a burst of 16 sign-ins: median" << latencies[latencies.size() / 2]
                << "ms, max" << latencies.last()
                << "ms; sign-ins finished meanwhile:" << signInsDoneWhenReadsFinished;
        // 16 hashes on 2 threads take over a second; all 20 reads were answered before the burst ended.
        QVERIFY2(signInsDoneWhenReadsFinished < signIns.size(), "the reads waited for the sign-ins");
        qDeleteAll(signIns);
    }

    void clientsThatDisconnectMidRequestDoNotHurtTheServer()
    {
        TestServer server;
        const QByteArray body = R"({"email":"foo@bar.com","password":"password123"})";
        const QByteArray request
            = "POST /user/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        // Some send the whole request and leave while it is hashed; some leave halfway through it;
        // some leave while a listing is being answered.
        for (int round = 0; round < 200; ++round) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(socket.waitForConnected(5000));
            if (round % 3 == 0)
                socket.write(request);
            else if (round % 3 == 1)
                socket.write(request.left(request.size() / 2));
            else
                socket.write("GET /article HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            socket.waitForBytesWritten(1000);
            if (round % 10 == 0)
                QTest::qWait(5);
            socket.abort();
        }
        QTest::qWait(300); // the sign-ins of vanished clients finish on the pool
        HttpClient client;
        QCOMPARE(client.get(server.url("/article")).status, 200);
        QVERIFY(!client.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123").isEmpty());
    }

    void concurrentSignUpsWithOneEmailMakeOneAccount()
    {
        TestServer server;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 10; ++i)
            replies.append(postAsync(server.url("/user/sign-up"),
                { { "email", i % 2 ? "race@example.com" : "RACE@example.com" },
                    { "fullName", "Racer " + QString::number(i) }, { "password", "password123" } }));
        QVERIFY(waitAll(replies));
        int created = 0, conflicts = 0;
        for (QNetworkReply *reply : replies) {
            created += status(reply) == 201;
            conflicts += status(reply) == 409;
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, 9);
        qDeleteAll(replies);
    }

    void concurrentArticlesWithOneTitleGetDistinctSlugs()
    {
        TestServer server;
        HttpClient client;
        const QString token = client.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123");
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i)
            replies.append(postAsync(server.url("/article"),
                { { "title", "Same Title" }, { "description", "d" }, { "text", "t" } }, token));
        QVERIFY(waitAll(replies));
        QSet<QString> slugs;
        for (QNetworkReply *reply : replies) {
            QCOMPARE(status(reply), 201);
            slugs.insert(QJsonDocument::fromJson(reply->readAll()).object().value("slug").toString());
        }
        QCOMPARE(slugs.size(), 12);
        QVERIFY(slugs.contains("same-title"));
        QVERIFY(slugs.contains("same-title-12"));
        qDeleteAll(replies);
    }

    void concurrentCommentsAreAllKept()
    {
        TestServer server;
        HttpClient client;
        const QString token = client.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123");
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 40; ++i)
            replies.append(postAsync(server.url("/article/title-2-3/comment"),
                { { "text", "comment " + QString::number(i) } }, token));
        QVERIFY(waitAll(replies));
        for (QNetworkReply *reply : replies)
            QCOMPARE(status(reply), 201);
        const QJsonObject article = client.get(server.url("/article/title-2-3")).json();
        QCOMPARE(article.value("comments").toArray().size(), 41);
        const QJsonObject listing = client.get(server.url("/article")).json();
        QCOMPARE(listing.value("items").toArray().at(1).toObject().value("totalComments").toInt(), 41);
        qDeleteAll(replies);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "TestConcurrency.moc"
