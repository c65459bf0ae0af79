#include "ChangeListener.h"
#include "ChangeNotifier.h"
#include "HttpClient.h"
#include "SideConnection.h"
#include "SqlQuery.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace blog::test;

// PostgreSQL only: several blog-server instances over one database, and a database that goes away
// and comes back under a running server.
class TestScaleOut : public QObject
{
    Q_OBJECT

private:
    HttpClient m_http;

    // totalComments of the first article in `server`'s listing.
    int firstTotalComments(const TestServer &server)
    {
        return m_http.get(server.url("/article"))
            .json()
            .value("items")
            .toArray()
            .first()
            .toObject()
            .value("totalComments")
            .toInt();
    }

    static bool runShell(const char *variable)
    {
        const QString command = qEnvironmentVariable(variable);
        if (command.isEmpty())
            qFatal("%s is not set (./dev test sets it)", variable);
        return QProcess::execute(QStringLiteral("sh"), { QStringLiteral("-c"), command }) == 0;
    }

private slots:
    void initTestCase()
    {
        if (!TestServer::isPostgres())
            qFatal("TestScaleOut needs BLOG_TEST_BACKEND=postgres");
    }

    // A notice says whether the set of articles changed: only then do the listeners read the listing's
    // anchors again (at a million articles ~2,000 queries, which every comment post used to cost every
    // instance); the empty payload of older versions still means everything.
    void aNoticeSaysWhetherTheArticlesChanged()
    {
        TestServer::Options options;
        options.databasePath = TestServer::createPostgresDatabase();
        TestServer server(options);
        blog::ChangeListener listener(server.database());
        QSignalSpy changed(&listener, &blog::ChangeListener::changed);
        listener.start();
        blog::ChangeNotifier notifier(server.database());
        notifier.listingChanged(blog::ChangeNotifier::Scope::Pages);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().first().toBool(), false);
        notifier.listingChanged(blog::ChangeNotifier::Scope::Articles);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().first().toBool(), true);
        blog::SqlQuery::exec(server.database().connection(), server.database().dialect(),
            "SELECT pg_notify('" + blog::SqlDialect::listingChannel() + "', '')");
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().first().toBool(), true);
    }

    // An instance skips its own notices (it cleared its caches before sending them) and hears the
    // others'. PostgreSQL delivers one connection's notices in order, so the other's notice arriving
    // alone means our own was skipped, not late.
    void anInstanceSkipsItsOwnNotices()
    {
        TestServer::Options options;
        options.databasePath = TestServer::createPostgresDatabase();
        TestServer server(options);
        blog::ChangeNotifier ours(server.database());
        blog::ChangeNotifier theirs(server.database());
        QVERIFY(ours.origin() != theirs.origin());
        blog::ChangeListener listener(server.database(), ours.origin());
        QSignalSpy changed(&listener, &blog::ChangeListener::changed);
        QSignalSpy comments(&listener, &blog::ChangeListener::commentsAdded);
        listener.start();

        ours.listingChanged(blog::ChangeNotifier::Scope::Articles);
        ours.commentsChanged({ 1 });
        theirs.commentsChanged({ 2, 3 }); // both notices in one statement
        QTRY_COMPARE(comments.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().first().toBool(), false); // theirs: pages only
        QCOMPARE(comments.takeFirst().first().value<QList<qint64>>(), QList<qint64>({ 2, 3 }));

        // A notice of an older version, without an origin: heard, ids and all.
        blog::SqlQuery::exec(server.database().connection(), server.database().dialect(),
            "SELECT pg_notify('" + blog::SqlDialect::commentsChannel() + "', '7,8')");
        QTRY_COMPARE(comments.size(), 1);
        QCOMPARE(comments.takeFirst().first().value<QList<qint64>>(), QList<qint64>({ 7, 8 }));
    }

    void aWriteThroughOneInstanceShowsInTheOtherAtOnce()
    {
        const QString database = TestServer::createPostgresDatabase();
        TestServer::Options options;
        options.databasePath = database;
        options.listingCacheTtl = std::chrono::minutes(10); // expiry cannot be what refreshes B
        options.jwtSecret = QByteArray(32, 'k');
        {
            TestServer a(options);
            TestServer b(options);
            QCOMPARE(
                m_http.get(b.url("/article")).json().value("total").toInt(), 3); // B's cache now holds it
            QCOMPARE(m_http.get(b.url("/article")).json().value("total").toInt(), 3);
            // So do B's search caches, of both APIs.
            QCOMPARE(m_http.get(b.url("/article?q=across")).json().value("total").toInt(), 0);
            QCOMPARE(m_http.get(b.url("/api/articles?q=across")).json().value("articlesCount").toInt(), 0);

            const QString token = m_http.signIn(a.url("/user/sign-in"), "foo@bar.com", "password123");
            QCOMPARE(m_http
                         .post(a.url("/article"),
                             { { "title", "Across" }, { "description", "d" }, { "text", "t" } }, token)
                         .status,
                201);
            // B hears A's NOTIFY a moment after A answered (on a busy machine, a few ms late); the cache
            // would hold for 10 minutes, which is what the 1 s here tells apart.
            QTRY_COMPARE_WITH_TIMEOUT(
                m_http.get(b.url("/article?order=newest")).json().value("total").toInt(), 4, 1000);
            const QJsonObject listing = m_http.get(b.url("/article?order=newest")).json();
            QCOMPARE(listing.value("items").toArray().first().toObject().value("slug").toString(), "across");
            QCOMPARE(m_http.get(b.url("/article?q=across")).json().value("total").toInt(), 1);
            QCOMPARE(m_http.get(b.url("/api/articles?q=across")).json().value("articlesCount").toInt(), 1);

            // And the other way round, with a comment count.
            QCOMPARE(firstTotalComments(a), 2);
            QCOMPARE(m_http.post(b.url("/article/title-1-3/comment"), { { "text", "from B" } }, token).status,
                201);
            QTRY_COMPARE_WITH_TIMEOUT(firstTotalComments(a), 3, 1000);

            // A profile that B holds in its user cache changes through A.
            QCOMPARE(m_http.get(b.url("/user/profile"), token).status, 200);
            QCOMPARE(m_http.patch(a.url("/user/profile"), { { "bio", "changed on A" } }, token).status, 200);
            // B drops it when A's NOTIFY arrives, a moment after A answered; far sooner than the cache's
            // 5 s time to live, which is what the 1 s here tells apart.
            QTRY_COMPARE_WITH_TIMEOUT(
                m_http.get(b.url("/user/profile"), token).json().value("bio").toString(),
                QString("changed on A"), 1000);
        }
        TestServer::dropPostgresDatabase(database);
    }

    // RealWorld's lists are cached per filter on each instance too: a favourite or a follow through one
    // instance reaches the other's cached pages through NOTIFY, far sooner than their 10 minutes.
    // An instance on the database's machine may connect through its Unix socket
    // (postgres://USER@:PORT/DB?host=/socket/directory); it works with one over TCP as any other.
    void anInstanceConnectsThroughTheUnixSocket()
    {
        const QString directory = qEnvironmentVariable("BLOG_TEST_POSTGRES_SOCKET_DIR");
        if (directory.isEmpty())
            qFatal("BLOG_TEST_POSTGRES_SOCKET_DIR is not set (./dev test sets it)");
        const QString database = TestServer::createPostgresDatabase();
        TestServer::Options options;
        options.databasePath = database;
        options.jwtSecret = QByteArray(32, 'k');
        {
            TestServer overTcp(options);
            options.postgresSocketDirectory = directory;
            TestServer overSocket(options);
            QVERIFY(overSocket.database().url().isUnixSocket());
            // Connections that came through the socket have no client address.
            SideConnection side(overTcp.database().url());
            QVERIFY(side.isOpen());
            QVERIFY(side.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                "AND backend_type = 'client backend' AND client_addr IS NULL")
                        .toInt()
                > 0);

            const QString token
                = m_http.signIn(overSocket.url("/user/sign-in"), "foo@bar.com", "password123");
            QVERIFY(!token.isEmpty());
            QCOMPARE(
                m_http
                    .post(overSocket.url("/article"),
                        { { "title", "Through the socket" }, { "description", "d" }, { "text", "t" } }, token)
                    .status,
                201);
            QTRY_COMPARE_WITH_TIMEOUT(
                m_http.get(overTcp.url("/article/through-the-socket")).status, 200, 1000);
        }
        TestServer::dropPostgresDatabase(database);
    }

    void aFavouriteOrAFollowThroughOneInstanceShowsInTheOther()
    {
        const QString database = TestServer::createPostgresDatabase();
        TestServer::Options options;
        options.databasePath = database;
        options.listingCacheTtl = std::chrono::minutes(10);
        options.jwtSecret = QByteArray(32, 'k');
        {
            TestServer a(options);
            TestServer b(options);
            const QString token = m_http.signIn(a.url("/user/sign-in"), "foo@bar.com", "password123");
            const HttpClient::Headers auth { { "Authorization", "Token " + token.toLatin1() } };
            const auto countOn = [this](TestServer &server, const QString &query) {
                return m_http.get(server.url("/api/articles" + query)).json().value("articlesCount").toInt();
            };
            QCOMPARE(countOn(b, "?favorited=foo"), 0); // cached on B now
            QCOMPARE(m_http.send("POST", a.url("/api/articles/title-1-3/favorite"), {}, auth).status, 200);
            QTRY_COMPARE_WITH_TIMEOUT(countOn(b, "?favorited=foo"), 1, 1000);

            const QString reader
                = m_http.signUp(a.url("/user/sign-up"), "reader@example.com", "Reader", "password123");
            const HttpClient::Headers readerAuth { { "Authorization", "Token " + reader.toLatin1() } };
            const auto feedOn = [&](TestServer &server) {
                return m_http.get(server.url("/api/articles/feed"), {}, readerAuth)
                    .json()
                    .value("articlesCount")
                    .toInt();
            };
            QCOMPARE(feedOn(b), 0);
            QCOMPARE(m_http.send("POST", a.url("/api/profiles/foo/follow"), {}, readerAuth).status, 200);
            QTRY_COMPARE_WITH_TIMEOUT(feedOn(b), 3, 1000);
        }
        TestServer::dropPostgresDatabase(database);
    }

    void theServerRidesOutADatabaseRestart()
    {
        TestServer server;
        const QString token = m_http.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123");
        QCOMPARE(m_http.get(server.url("/article/title-1-3")).status, 200);
        for (const char *word : { "lorem", "ipsum", "dolor", "amet" }) // every search thread connects
            QCOMPARE(m_http.get(server.url(QStringLiteral("/article?q=") + QLatin1String(word))).status, 200);

        QVERIFY(runShell("BLOG_TEST_POSTGRES_STOP"));
        QCOMPARE(m_http.get(server.url("/article?q=tempor")).status, 503);
        const auto detail = m_http.get(server.url("/article/title-1-3"));
        QCOMPARE(detail.status, 503);
        QVERIFY(!detail.json().value("error").toString().isEmpty());
        QCOMPARE(m_http.get(server.url("/user/profile"), token).status, 503);
        QCOMPARE(m_http
                     .post(server.url("/user/sign-in"),
                         { { "email", "foo@bar.com" }, { "password", "password123" } })
                     .status,
            503);

        QVERIFY(runShell("BLOG_TEST_POSTGRES_START"));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_http.get(server.url("/article/title-1-3")).status == 200; }, 15000));
        QCOMPARE(m_http.get(server.url("/user/profile"), token).status, 200);
        QCOMPARE(
            m_http.post(server.url("/article/title-2-3/comment"), { { "text", "back again" } }, token).status,
            201);
        // Both workers and the hashing pool reconnected, not just one of them.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(m_http.get(server.url("/article/title-2-3")).status, 200);
        // So did the search threads, at their first search (each a query the cache does not hold).
        for (const char *word :
            { "sed", "eiusmod", "incididunt", "labore", "magna", "aliqua", "enim", "minim" })
            QCOMPARE(m_http.get(server.url(QStringLiteral("/article?q=") + QLatin1String(word))).status, 200);
        QVERIFY(!m_http.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "TestScaleOut.moc"
