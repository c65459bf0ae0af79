#include "Database.h"
#include "DatabaseError.h"
#include "HttpClient.h"
#include "SearchPool.h"
#include "SideConnection.h"
#include "SqlQuery.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

using namespace blog;
using namespace blog::test;

// Searches the cache does not hold run on the search pool, not on the HTTP threads: while searches
// wait, everything else is still answered; beyond the pool's queue a search is refused (503,
// Retry-After); past its time limit it is stopped (503). Real server, real database (SQLite;
// PostgreSQL in the pg run); searches are kept waiting by tasks of the test's own on the server's pool,
// or on PostgreSQL by a side connection's lock on the search index.
class TestSearchPool : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }

    void start(int searchThreads, int searchQueueLimit, std::chrono::milliseconds searchTimeLimit)
    {
        TestServer::Options options;
        options.searchThreads = searchThreads;
        options.searchQueueLimit = searchQueueLimit;
        options.searchTimeLimit = searchTimeLimit;
        m_server = std::make_unique<TestServer>(options);
    }

    // Keeps every thread of the server's search pool busy until release(), so the searches sent
    // meanwhile wait in its queue as slow ones would.
    class PoolHold
    {
    public:
        explicit PoolHold(SearchPool &pool)
            : m_threads(pool.threadCount())
        {
            for (int i = 0; i < m_threads; ++i) {
                pool.tryStart([this] {
                    std::unique_lock lock(m_mutex);
                    ++m_running;
                    m_changed.notify_all();
                    m_changed.wait(lock, [this] { return m_released; });
                });
            }
            std::unique_lock lock(m_mutex);
            m_changed.wait_for(lock, std::chrono::seconds(5), [this] { return m_running == m_threads; });
        }
        ~PoolHold() { release(); }
        int threads() const { return m_threads; }
        void release()
        {
            std::lock_guard lock(m_mutex);
            m_released = true;
            m_changed.notify_all();
        }

    private:
        const int m_threads;
        std::mutex m_mutex;
        std::condition_variable m_changed;
        int m_running = 0;
        bool m_released = false;
    };

    // A search sent on a connection of the test's own, without waiting for its answer.
    std::unique_ptr<QTcpSocket> sendSearch(const QString &words)
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!socket->waitForConnected(5000))
            return nullptr;
        socket->write("GET /article?q=" + QUrl::toPercentEncoding(words)
            + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        socket->flush();
        return socket;
    }
    // The status of the (whole) answer on `socket`; 0 if none came within 10 s.
    static int statusOf(QTcpSocket &socket)
    {
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            const qsizetype headersEnd = received.indexOf("\r\n\r\n");
            if (headersEnd > 0) {
                const QByteArray headers = received.left(headersEnd).toLower();
                const qsizetype at = headers.indexOf("content-length:");
                const qsizetype length
                    = at < 0 ? 0 : headers.mid(at + 15).split('\r').first().trimmed().toLongLong();
                if (received.size() >= headersEnd + 4 + length)
                    break;
            }
            if (socket.waitForReadyRead(100))
                received += socket.readAll();
        }
        if (!received.startsWith("HTTP/1.1 ") || !received.contains("\r\n\r\n"))
            return 0;
        return received.mid(9, 3).toInt();
    }

private slots:
    void cleanup() { m_server.reset(); }

    void otherRequestsAreAnsweredWhileSearchesWait()
    {
        start(2, 64, std::chrono::seconds(30));
        QCOMPARE(m_http.get(url("/article")).status, 200); // the listing's first page, now in the cache
        PoolHold hold(m_server->api().searchPool());
        // More searches than there are HTTP threads, each a query of its own (none in the cache).
        std::vector<std::unique_ptr<QTcpSocket>> searches;
        for (const char *word :
            { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel" }) {
            searches.push_back(sendSearch(QString::fromLatin1(word)));
            QVERIFY(searches.back());
        }
        const int waiting = hold.threads() + int(searches.size());
        QTRY_COMPARE(m_server->api().searchPool().pending(), waiting);

        // Before the pool, each search held the HTTP thread that took it; these waited behind them.
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer timer;
            timer.start();
            QCOMPARE(m_http.get(url("/health")).status, 200);
            QCOMPARE(m_http.get(url("/article")).status, 200);
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        }
        QCOMPARE(m_server->api().searchPool().pending(), waiting);

        hold.release();
        for (const auto &socket : searches)
            QCOMPARE(statusOf(*socket), 200);
    }

    void searchesBeyondTheQueueAreRefused()
    {
        start(1, 3, std::chrono::seconds(30));
        QCOMPARE(m_http.get(url("/article?q=demo")).status, 200); // now in the cache
        PoolHold hold(m_server->api().searchPool());
        const auto first = sendSearch("first");
        const auto second = sendSearch("second");
        QVERIFY(first && second);
        QTRY_COMPARE(m_server->api().searchPool().pending(), 3);

        const auto refused = m_http.get(url("/article?q=third"));
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        QVERIFY(!refused.json().value("error").toString().isEmpty());
        const auto refusedRealWorld = m_http.get(url("/api/articles?q=third"));
        QCOMPARE(refusedRealWorld.status, 503);
        // A page in the cache needs no pool.
        QCOMPARE(m_http.get(url("/article?q=demo")).status, 200);

        hold.release();
        QCOMPARE(statusOf(*first), 200);
        QCOMPARE(statusOf(*second), 200);
        QCOMPARE(m_http.get(url("/article?q=third")).status, 200);
        QCOMPARE(m_http.get(url("/api/articles?q=third")).status, 200);
    }

    void aSearchPastItsTimeLimitIsStopped()
    {
        if (!TestServer::isPostgres())
            QSKIP("SQLite has no lock that stops readers while other connections are open; its time limit "
                  "is tested in aQueryPastTheThreadsLimitIsStopped");
        start(2, 64, std::chrono::milliseconds(300));
        // Only searches wait on this lock; nothing else reads the search index.
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.exec("BEGIN") && side.exec("LOCK TABLE article_search IN ACCESS EXCLUSIVE MODE"));
        QElapsedTimer timer;
        timer.start();
        const auto stopped = m_http.get(url("/article?q=demo"));
        QCOMPARE(stopped.status, 503);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(stopped.json().value("error").toString().contains("took longer"));
        QCOMPARE(m_http.get(url("/api/articles?q=demo")).status, 503);
        // Everything else is still answered.
        QCOMPARE(m_http.get(url("/article")).status, 200);

        QVERIFY(side.exec("ROLLBACK"));
        const auto found = m_http.get(url("/article?q=demo"));
        QCOMPARE(found.status, 200);
        QVERIFY(!found.json().value("items").toArray().isEmpty());
    }

    // The settings a search thread's PostgreSQL connections get, read on a search thread: both stop
    // long statements; the one for matching plans at each call, the one for rows by id once.
    void searchThreadsPlanEachSearchAndStopLongOnes()
    {
        if (!TestServer::isPostgres())
            QSKIP("PostgreSQL settings (SQLite's limit is tested in aQueryPastTheThreadsLimitIsStopped)");
        start(1, 4, std::chrono::milliseconds(1500));
        Database &database = m_server->database();
        QStringList settings;
        std::mutex mutex;
        std::condition_variable read;
        QVERIFY(m_server->api().searchPool().tryStart([&] {
            QStringList found;
            for (const auto planning : { Database::Planning::PerCall, Database::Planning::Once }) {
                SqlQuery query(database.connection(planning), database.dialect(),
                    "SELECT current_setting('plan_cache_mode') || ' ' || "
                    "current_setting('statement_timeout') "
                    "|| ' ' || pg_backend_pid()");
                query.exec();
                found.append(query.next() ? query.value(0).toString() : QStringLiteral("none"));
            }
            std::lock_guard lock(mutex);
            settings = found;
            read.notify_all();
        }));
        std::unique_lock lock(mutex);
        QVERIFY(read.wait_for(lock, std::chrono::seconds(5), [&] { return !settings.isEmpty(); }));
        QCOMPARE(settings.size(), 2);
        const QStringList perCall = settings.at(0).split(' ');
        const QStringList once = settings.at(1).split(' ');
        // Custom plans: a generic one, kept after a run of searches for rare words, took 1.5 s for a
        // word most articles have.
        QCOMPARE(perCall.mid(0, 2), QStringList({ "force_custom_plan", "1500ms" }));
        QCOMPARE(once.mid(0, 2), QStringList({ "force_generic_plan", "1500ms" }));
        QVERIFY(perCall.at(2) != once.at(2)); // two sessions
    }

    // The mechanism under the pool's time limit, on a thread of the test's own: a query that would
    // never end is stopped, with its own kind of error, and the connection serves the next query.
    void aQueryPastTheThreadsLimitIsStopped()
    {
        start(1, 1, std::chrono::seconds(2));
        Database database(m_server->databaseUrl());
        std::optional<DatabaseError::Kind> failure;
        qint64 stoppedAfter = -1;
        QVariant next;
        std::thread thread([&] {
            database.limitThreadQueries(std::chrono::milliseconds(200));
            QElapsedTimer timer;
            timer.start();
            try {
                SqlQuery endless(database.connection(), database.dialect(),
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
                endless.exec();
                endless.next();
            } catch (const DatabaseError &error) {
                failure = error.kind();
            }
            stoppedAfter = timer.elapsed();
            database.restartThreadQueryClock();
            try {
                SqlQuery count(database.connection(), database.dialect(), "SELECT count(*) FROM users");
                count.exec();
                if (count.next())
                    next = count.value(0);
            } catch (const DatabaseError &) {
            }
            database.closeThreadConnection();
        });
        thread.join();
        QVERIFY(failure.has_value());
        QCOMPARE(int(*failure), int(DatabaseError::Kind::TimedOut));
        QVERIFY2(stoppedAfter >= 150 && stoppedAfter < 3000, qPrintable(QString::number(stoppedAfter)));
        QVERIFY(next.toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchPool)
#include "TestSearchPool.moc"
