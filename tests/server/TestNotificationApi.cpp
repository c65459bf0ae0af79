#include "HttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>

using namespace blog::test;

// GET /user/notifications: new comments on my articles, at once or by long polling; on PostgreSQL also
// across two instances sharing the database.
class TestNotificationApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    QNetworkAccessManager m_network;
    QString m_authorToken;
    QString m_readerToken;
    QString m_slug;

    QUrl url(const QString &path) const { return m_server->url(path); }
    QUrl notificationsUrl(const QString &query) const { return url("/user/notifications?" + query); }
    qint64 cursor()
    {
        const auto response = m_http.get(url("/user/notifications"), m_authorToken);
        return response.status == 200 ? response.json().value("cursor").toInteger() : -1;
    }
    qint64 comment(const QString &text, const QString &token)
    {
        const auto response
            = m_http.post(url("/article/" + m_slug + "/comment"), { { "text", text } }, token);
        return response.status == 201 ? response.json().value("id").toInteger() : 0;
    }
    // A poll sent without waiting for its answer.
    QNetworkReply *startPoll(const QUrl &target, const QString &token)
    {
        QNetworkRequest request(target);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setTransferTimeout(60000);
        return m_network.get(request);
    }
    // A poll on a connection of the test's own, written by hand (so the test decides what else goes
    // on that connection, and when).
    QByteArray rawPoll(int waitSeconds)
    {
        return "GET /user/notifications?after=" + QByteArray::number(cursor())
            + "&wait=" + QByteArray::number(waitSeconds) + " HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer "
            + m_authorToken.toLatin1() + "\r\n\r\n";
    }
    // Reads until `answers` status lines have come (or 10 s have passed).
    static QByteArray readAnswers(QTcpSocket &socket, int answers)
    {
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        while (received.count("HTTP/1.1 ") < answers && timer.elapsed() < 10000) {
            if (socket.waitForReadyRead(100))
                received += socket.readAll();
        }
        return received;
    }
    static QJsonObject jsonOf(QNetworkReply *reply)
    {
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

private slots:
    void init()
    {
        TestServer::Options options;
        options.seed = false;
        m_server = std::make_unique<TestServer>(options);
        m_authorToken
            = m_http.signUp(url("/user/sign-up"), "author@example.com", "Ann Author", "password123");
        m_readerToken
            = m_http.signUp(url("/user/sign-up"), "reader@example.com", "Rex Reader", "password123");
        QVERIFY(!m_authorToken.isEmpty() && !m_readerToken.isEmpty());
        const auto created = m_http.post(url("/article"),
            { { "title", "Notify me" }, { "description", "d" }, { "text", "t" } }, m_authorToken);
        QCOMPARE(created.status, 201);
        m_slug = created.json().value("slug").toString();
    }
    void cleanup() { m_server.reset(); }

    void withoutACursorAnswersTheCurrentOne()
    {
        const qint64 before = cursor();
        QVERIFY(before >= 0);
        QVERIFY(comment("first", m_readerToken) > 0);
        QVERIFY(cursor() > before);
    }

    void newCommentsByOthersOnMyArticlesOnly()
    {
        const qint64 start = cursor();
        const qint64 mine = comment("by the author herself", m_authorToken);
        const qint64 theirs = comment("by a reader", m_readerToken);
        const qint64 deleted = comment("deleted again", m_readerToken);
        QVERIFY(mine > 0 && theirs > 0 && deleted > 0);
        QCOMPARE(m_http.del(url("/article/" + m_slug + "/comment/" + QString::number(deleted)), m_readerToken)
                     .status,
            200);

        const auto response
            = m_http.get(notificationsUrl("after=" + QString::number(start) + "&wait=0"), m_authorToken);
        QCOMPARE(response.status, 200);
        const QJsonArray comments = response.json().value("comments").toArray();
        QCOMPARE(comments.size(), 1);
        const QJsonObject notice = comments.first().toObject();
        QCOMPARE(notice.value("id").toInteger(), theirs);
        QCOMPARE(notice.value("text").toString(), QStringLiteral("by a reader"));
        QCOMPARE(notice.value("articleSlug").toString(), m_slug);
        QCOMPARE(notice.value("articleTitle").toString(), QStringLiteral("Notify me"));
        QCOMPARE(
            notice.value("author").toObject().value("fullName").toString(), QStringLiteral("Rex Reader"));
        QCOMPARE(response.json().value("cursor").toInteger(), theirs);

        // The reader's own poll finds nothing: the article is not theirs.
        const auto reader
            = m_http.get(notificationsUrl("after=" + QString::number(start) + "&wait=0"), m_readerToken);
        QCOMPARE(reader.json().value("comments").toArray().size(), 0);
        QCOMPARE(reader.json().value("cursor").toInteger(), start);
    }

    void aLongPollAnswersWhenACommentComes()
    {
        const qint64 start = cursor();
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *poll
            = startPoll(notificationsUrl("after=" + QString::number(start) + "&wait=20"), m_authorToken);
        QTest::qWait(500);
        QVERIFY(!poll->isFinished()); // nothing new: it waits
        // The author's own comment wakes nobody up for good.
        QVERIFY(comment("talking to myself", m_authorToken) > 0);
        QTest::qWait(300);
        QVERIFY(!poll->isFinished());
        const qint64 id = comment("hello from a reader", m_readerToken);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 5000);
        QVERIFY2(timer.elapsed() < 10000, "answered by the comment, not by the end of the wait");
        QCOMPARE(poll->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = jsonOf(poll);
        QCOMPARE(answer.value("comments").toArray().size(), 1);
        QCOMPARE(answer.value("cursor").toInteger(), id);
        poll->deleteLater();
    }

    void aLongPollEndsEmptyAfterItsWait()
    {
        const qint64 start = cursor();
        QElapsedTimer timer;
        timer.start();
        const auto response
            = m_http.get(notificationsUrl("after=" + QString::number(start) + "&wait=1"), m_authorToken);
        QCOMPARE(response.status, 200);
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(response.json().value("comments").toArray().size(), 0);
        QCOMPARE(response.json().value("cursor").toInteger(), start);
    }

    void stoppingTheServerAnswersWaitingPolls()
    {
        QNetworkReply *poll
            = startPoll(notificationsUrl("after=" + QString::number(cursor()) + "&wait=25"), m_authorToken);
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 5000);
        QVERIFY(timer.elapsed() < 5000);
        poll->deleteLater();
    }

    // While a poll waits, the server does not read its connection; what the client sends meanwhile is
    // read, and answered, once the poll's answer is out, in order, and the connection stays usable.
    void aWaitingConnectionIsReadAgainOnceAnswered()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        socket.write(rawPoll(1));
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(300);
        socket.write("GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
        const QByteArray both = readAnswers(socket, 2);
        QCOMPARE(both.count("HTTP/1.1 200"), 2);
        QVERIFY(timer.elapsed() >= 900); // nothing before the poll's wait was over
        const qsizetype second = both.indexOf("HTTP/1.1 200", 1);
        QVERIFY2(both.indexOf("\"comments\":[]") < second, "the poll's answer comes first");
        QVERIFY(socket.state() == QAbstractSocket::ConnectedState);

        // The same connection, idle again, is read as before.
        socket.write("GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
        QVERIFY(readAnswers(socket, 1).startsWith("HTTP/1.1 200"));
    }

    // A client that hangs up while its poll waits is not noticed until the answer is due; it is then
    // dropped, and neither the server nor the other waiting polls are the worse for it.
    void aClientHangingUpWhileWaitingHarmsNoOne()
    {
        QTcpSocket leaving;
        leaving.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(leaving.waitForConnected(5000));
        leaving.write(rawPoll(1));
        QVERIFY(leaving.waitForBytesWritten(5000));
        QNetworkReply *staying
            = startPoll(notificationsUrl("after=" + QString::number(cursor()) + "&wait=20"), m_authorToken);
        QTest::qWait(300);
        leaving.abort();
        QTest::qWait(1500); // the leaving poll's answer is due, and its connection found gone
        QVERIFY(!staying->isFinished());
        QCOMPARE(m_http.get(url("/health")).status, 200);
        const qint64 id = comment("still listening?", m_readerToken);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(staying->isFinished(), 5000);
        QCOMPARE(jsonOf(staying).value("cursor").toInteger(), id);
        staying->deleteLater();
    }

    void badRequests()
    {
        QCOMPARE(m_http.get(notificationsUrl("after=0")).status, 401);
        QCOMPARE(m_http.get(notificationsUrl("after=-1"), m_authorToken).status, 400);
        QCOMPARE(m_http.get(notificationsUrl("after=abc"), m_authorToken).status, 400);
        const auto tooLong = m_http.get(notificationsUrl("after=0&wait=26"), m_authorToken);
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.json().value("field").toString(), QStringLiteral("wait"));
        QCOMPARE(m_http.post(url("/user/notifications"), {}, m_authorToken).status, 405);
    }

    void aCommentThroughAnotherInstanceWakesThePoll()
    {
        if (!TestServer::isPostgres())
            QSKIP("instances share a database on PostgreSQL only");
        m_server.reset();
        const QString database = TestServer::createPostgresDatabase();
        TestServer::Options options;
        options.seed = false;
        options.databasePath = database;
        options.jwtSecret = QByteArray(32, 'n');
        m_server = std::make_unique<TestServer>(options);
        TestServer other(options);
        m_authorToken = m_http.signUp(url("/user/sign-up"), "a2@example.com", "Ann Author", "password123");
        m_readerToken = m_http.signUp(url("/user/sign-up"), "r2@example.com", "Rex Reader", "password123");
        const auto created = m_http.post(url("/article"),
            { { "title", "Across" }, { "description", "d" }, { "text", "t" } }, m_authorToken);
        QCOMPARE(created.status, 201);
        m_slug = created.json().value("slug").toString();

        QNetworkReply *poll
            = startPoll(notificationsUrl("after=" + QString::number(cursor()) + "&wait=20"), m_authorToken);
        QTest::qWait(300);
        const auto posted = m_http.post(
            other.url("/article/" + m_slug + "/comment"), { { "text", "via B" } }, m_readerToken);
        QCOMPARE(posted.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 5000);
        QCOMPARE(jsonOf(poll).value("comments").toArray().size(), 1);
        poll->deleteLater();
        other.stop();
        m_server.reset();
        TestServer::dropPostgresDatabase(database);
    }
};

QTEST_GUILESS_MAIN(TestNotificationApi)
#include "TestNotificationApi.moc"
