#include "HttpClient.h"
#include "ServerProcess.h"
#include "SideConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace blog;
using namespace blog::test;

// A power-cut rehearsal: clients post comments, the server is killed with SIGKILL in the middle,
// and every comment that was acknowledged with a 2xx must be in the database afterwards.
class TestDurability : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    quint16 startServer(QProcess &server, const QString &url)
    {
        return startServeProcess(
            server, QStringLiteral(BLOG_SERVER_EXECUTABLE), url, "durability-test-secret");
    }

private slots:
    void acknowledgedCommentsSurviveSigkill()
    {
        const QString url = "sqlite:" + m_dir.filePath("durable.sqlite");
        QVERIFY(
            QProcess::execute(QStringLiteral(BLOG_SERVER_EXECUTABLE), { "seed", "--database", url }) == 0);
        QProcess server;
        const quint16 port = startServer(server, url);
        QVERIFY(port != 0);
        const QUrl base(QString("http://127.0.0.1:%1").arg(port));
        HttpClient http;
        const QString token = http.signIn(base.resolved(QUrl("/user/sign-in")), "foo@bar.com", "password123");
        QVERIFY(!token.isEmpty());

        QNetworkAccessManager network;
        QSet<QString> acknowledged;
        int sent = 0;
        int failed = 0;
        bool killed = false;
        std::function<void()> postNext = [&] {
            if (killed)
                return;
            const QString text = QString("durable comment %1").arg(++sent);
            QNetworkRequest request(base.resolved(QUrl("/article/title-1-3/comment")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            QNetworkReply *reply
                = network.post(request, QJsonDocument(QJsonObject { { "text", text } }).toJson());
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, text] {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status >= 200 && status < 300)
                    acknowledged.insert(text);
                else
                    ++failed;
                reply->deleteLater();
                postNext();
            });
        };
        for (int client = 0; client < 8; ++client)
            postNext();
        (void)QTest::qWaitFor([&] { return acknowledged.size() >= 300; }, 20000);
        ::kill(pid_t(server.processId()), SIGKILL);
        killed = true;
        QVERIFY(server.waitForFinished(5000));
        QTest::qWait(200); // replies of the dead server fail now
        qInfo() << "acknowledged" << acknowledged.size() << "comments before SIGKILL;" << failed
                << "requests cut off";
        QVERIFY(acknowledged.size() >= 300);

        // The server comes back on the same file, and everything it acknowledged is there.
        QProcess again;
        QVERIFY(startServer(again, url) != 0);
        DatabaseUrl databaseUrl;
        databaseUrl.path = m_dir.filePath("durable.sqlite");
        SideConnection side(databaseUrl);
        QSet<QString> stored;
        for (const QString &row : side.rows("SELECT text FROM comments WHERE text LIKE 'durable comment %'"))
            stored.insert(row);
        const QSet<QString> lost = acknowledged - stored;
        QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(", ")));
        again.terminate();
        QVERIFY(again.waitForFinished(5000));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
