#include "ApiClient.h"
#include "CommentWatcher.h"
#include "DesktopNotifier.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace blog;
using namespace blog::test;

// A stand-in for the desktop's notification service: records what it is asked to show.
class NotificationServiceStandIn : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        QString summary;
        QString body;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(hints)
        Q_UNUSED(expireTimeout)
        calls.append({ appName, summary, body });
        return uint(calls.size());
    }
};

// New comments on my articles reach the desktop: CommentWatcher long-polls a real server, and
// DesktopNotifier calls the notification service on a private D-Bus session (run under
// dbus-run-session), here a stand-in on a connection of its own.
class TestCommentNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    QString m_authorToken;
    QString m_readerToken;
    QString m_slug;

    QUrl url(const QString &path) const { return m_server->url(path); }
    qint64 comment(const QString &text, const QString &token)
    {
        const auto response
            = m_http.post(url("/article/" + m_slug + "/comment"), { { "text", text } }, token);
        return response.status == 201 ? response.json().value("id").toInteger() : 0;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        TestServer::Options options;
        options.seed = false;
        m_server = std::make_unique<TestServer>(options);
        m_authorToken
            = m_http.signUp(url("/user/sign-up"), "author@example.com", "Ann Author", "password123");
        m_readerToken
            = m_http.signUp(url("/user/sign-up"), "reader@example.com", "Rex Reader", "password123");
        const auto created = m_http.post(url("/article"),
            { { "title", "Pasta al limone" }, { "description", "d" }, { "text", "t" } }, m_authorToken);
        QCOMPARE(created.status, 201);
        m_slug = created.json().value("slug").toString();
    }
    void cleanup() { m_server.reset(); }

    void aNewCommentOnMyArticleArrivesWithinMoments()
    {
        ApiClient api;
        api.setBaseUrl(url("/"));
        api.setToken(m_authorToken);
        CommentWatcher watcher(api);
        QSignalSpy arrived(&watcher, &CommentWatcher::commentsArrived);
        QVERIFY(comment("before the app started: not news", m_readerToken) > 0);
        watcher.start();
        QTest::qWait(500); // the first poll learns the cursor, the second waits on the server
        QCOMPARE(api.pendingRequests(), 0); // a long poll is not "busy"
        QVERIFY(comment("my own: not news either", m_authorToken) > 0);
        const qint64 id = comment("Lovely, with more lemon!", m_readerToken);
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 5000);
        const auto notices = arrived.first().first().value<QList<CommentNotice>>();
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().comment.id, id);
        QCOMPARE(notices.first().articleTitle, QStringLiteral("Pasta al limone"));
        QCOMPARE(notices.first().comment.author.fullName, QStringLiteral("Rex Reader"));
        QTest::qWait(300);
        QCOMPARE(arrived.size(), 1);
    }

    void theWatcherComesBackAfterTheServerWasAway()
    {
        if (TestServer::isPostgres())
            QSKIP("a restart on the same database is a SQLite file here");
        ApiClient api;
        api.setBaseUrl(url("/"));
        api.setToken(m_authorToken);
        CommentWatcher watcher(api);
        watcher.setRetryInterval(std::chrono::milliseconds(200));
        watcher.setWaitSeconds(2);
        QSignalSpy arrived(&watcher, &CommentWatcher::commentsArrived);
        watcher.start();
        QTest::qWait(300);
        // The server goes away and comes back on another port with the same database.
        TestServer::Options options;
        options.seed = false;
        options.databasePath = m_server->databasePath();
        options.jwtSecret = m_server->jwtSecret();
        m_server->stop();
        const auto stopped = std::move(m_server); // its temp dir holds the database file
        QTest::qWait(500);
        m_server = std::make_unique<TestServer>(options);
        api.setBaseUrl(url("/"));
        QVERIFY(comment("after the outage", m_readerToken) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 8000);
        QCOMPARE(arrived.first().first().value<QList<CommentNotice>>().first().comment.text,
            QStringLiteral("after the outage"));
        m_server.reset(); // before the stopped one takes the database file with it
    }

    void theDesktopServiceShowsThem()
    {
        QDBusConnection session = QDBusConnection::sessionBus();
        if (!session.isConnected())
            QFAIL("no D-Bus session: run under dbus-run-session (ctest does)");
        // The stand-in has a connection of its own, so calls go through the bus as from any app.
        QDBusConnection standInBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, "stand-in");
        NotificationServiceStandIn standIn;
        QVERIFY(standInBus.registerObject(
            "/org/freedesktop/Notifications", &standIn, QDBusConnection::ExportAllSlots));
        QVERIFY(standInBus.registerService("org.freedesktop.Notifications"));

        DesktopNotifier notifier;
        CommentNotice notice;
        notice.articleTitle = QStringLiteral("Pasta al limone");
        notice.comment.author.fullName = QStringLiteral("Rex Reader");
        notice.comment.text = QStringLiteral("Lovely,\n with more lemon!");
        QCOMPARE(notifier.showComments({ notice }), DesktopNotifier::Channel::DesktopService);
        QTRY_COMPARE(standIn.calls.size(), 1);
        QCOMPARE(standIn.calls.first().summary, QStringLiteral("New comment on “Pasta al limone”"));
        QCOMPARE(standIn.calls.first().body, QStringLiteral("Rex Reader: Lovely, with more lemon!"));

        // Many at once: one summary.
        QCOMPARE(notifier.showComments({ notice, notice, notice, notice }),
            DesktopNotifier::Channel::DesktopService);
        QTRY_COMPARE(standIn.calls.size(), 2);
        QCOMPARE(standIn.calls.last().summary, QStringLiteral("4 new comment(s) on your articles"));

        // No service (and no tray offscreen): nothing shown, nothing blocks.
        QVERIFY(standInBus.unregisterService("org.freedesktop.Notifications"));
        QTRY_VERIFY(!session.interface()->isServiceRegistered("org.freedesktop.Notifications"));
        QCOMPARE(notifier.show("s", "b"), DesktopNotifier::Channel::None);
        QDBusConnection::disconnectFromBus("stand-in");
    }
};

QTEST_MAIN(TestCommentNotifications)
#include "TestCommentNotifications.moc"
