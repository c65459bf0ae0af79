#include "BusyNeighbours.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace blog;
using namespace blog::test;

namespace {

QByteArray signInRequest(const QByteArray &email, const QByteArray &password)
{
    const QByteArray body = R"({"email":")" + email + R"(","password":")" + password + R"("})";
    return "POST /user/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Keeps the server's HTTP threads busy with cached listing reads until stopped.
class ReadLoad
{
public:
    ReadLoad(quint16 port, int clients)
    {
        for (int i = 0; i < clients; ++i) {
            m_threads.emplace_back([this, port] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                if (!socket.waitForConnected(5000))
                    return;
                while (!m_stop) {
                    socket.write("GET /article HTTP/1.1\r\nHost: x\r\n\r\n");
                    QByteArray answer;
                    while (!answer.contains("\r\n\r\n") || !answer.endsWith("}")) {
                        if (!socket.waitForReadyRead(2000))
                            return;
                        answer += socket.readAll();
                    }
                }
            });
        }
    }
    ~ReadLoad()
    {
        m_stop = true;
        for (std::thread &thread : m_threads)
            thread.join();
    }

private:
    std::atomic_bool m_stop { false };
    std::vector<std::thread> m_threads;
};

qint64 medianSignInMs(HttpClient &http, TestServer &server, int rounds)
{
    QList<qint64> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto answer = http.post(server.url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        if (answer.status != 200)
            return -1;
        times.append(timer.elapsed());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

// Where password hashing runs, and at what priority: only argon2 on the hashing pool, at idle priority
// while our HTTP threads are busy and at normal priority otherwise, with a bounded queue.
class TestSignInScheduling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hashingThreadsNeverTouchTheDatabase()
    {
        TestServer server;
        HttpClient http;
        const QString token = http.signUp(server.url("/user/sign-up"), "new@bar.com", "New", "password123");
        QVERIFY(!token.isEmpty());
        QVERIFY(!http.signIn(server.url("/user/sign-in"), "new@bar.com", "password123").isEmpty());
        QCOMPARE(
            http.patch(server.url("/user/profile"), { { "password", "another-password" } }, token).status,
            200);
        QVERIFY(!http.signIn(server.url("/user/sign-in"), "new@bar.com", "another-password").isEmpty());
        // Each thread's connection is named after its thread: none of them may be a hashing thread's,
        // or a write there would hold SQLite's writer lock at the hashing priority.
        const QStringList names = QSqlDatabase::connectionNames();
        QVERIFY(!names.isEmpty());
        for (const quintptr handle : server.api().hashingPool().threadHandles()) {
            const QString suffix = QStringLiteral("-%1").arg(handle);
            for (const QString &name : names)
                QVERIFY2(!name.endsWith(suffix), qPrintable(name));
        }
    }

    void hashesRunAtIdlePriorityOnlyWhileReadsKeepHttpThreadsBusy()
    {
        TestServer server;
        HashingPool &pool = server.api().hashingPool();
        HttpClient http;
        QVERIFY(!http.signIn(server.url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword)
                     .isEmpty());
        QCOMPARE(pool.started(HashingPool::Priority::Normal), quint64(1));
        QCOMPARE(pool.started(HashingPool::Priority::Idle), quint64(0));
        {
            ReadLoad load(server.port(), 4);
            QTRY_VERIFY_WITH_TIMEOUT(server.api().httpLoad().isBusy(), 10000);
            qInfo() << "HTTP threads' demand under reads:" << server.api().httpLoad().lastDemand();
            QVERIFY(!http.signIn(server.url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword)
                         .isEmpty());
            QCOMPARE(pool.started(HashingPool::Priority::Idle), quint64(1));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!server.api().httpLoad().isBusy(), 5000);
        QVERIFY(!http.signIn(server.url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword)
                     .isEmpty());
        QCOMPARE(pool.started(HashingPool::Priority::Normal), quint64(2));
    }

    void busyNeighbourProcessesDoNotStarveSignIns()
    {
        TestServer::Options options;
        options.hashCost = { 16 * 1024, 2, 2 }; // ~20-40 ms: long enough to be scheduled, short for a test
        TestServer server(options);
        HttpClient http;
        QVERIFY(medianSignInMs(http, server, 3) >= 0); // warm up
        const qint64 idle = medianSignInMs(http, server, 7);
        QVERIFY(idle >= 0);
        BusyNeighbours neighbours;
        QTest::qWait(200);
        const HashingPool &pool = server.api().hashingPool();
        const quint64 idleBefore = pool.started(HashingPool::Priority::Idle);
        const qint64 busy = medianSignInMs(http, server, 15);
        // Our HTTP threads had nothing to do: every hash ran at normal priority, beside the neighbours,
        // though each request waited for a core most of the time it was runnable.
        QCOMPARE(pool.started(HashingPool::Priority::Idle), idleBefore);
        QCOMPARE(pool.lowered(), quint64(0));
        QCOMPARE(pool.rerun(), quint64(0));
        neighbours.stop();
        qInfo() << "sign-in median: idle" << idle << "ms, beside busy processes" << busy << "ms";
        QVERIFY(busy >= 0);
        // At idle priority they took 20x and more; at normal priority about 2x (the target is 3x, the
        // bench measures it with the production cost). 10x leaves room for a machine busier than this.
        QVERIFY2(busy <= std::max<qint64>(10 * idle, 100), qPrintable(QString::number(busy)));
    }

    void aSignInStarvedBesideBusyProcessesIsAnsweredOnceReadsEnd()
    {
        TestServer::Options options;
        options.hashCost = { 16 * 1024, 2, 2 };
        TestServer server(options);
        const HashingPool &pool = server.api().hashingPool();
        BusyNeighbours neighbours(2);
        QTcpSocket socket;
        {
            ReadLoad load(server.port(), 4);
            QTRY_VERIFY_WITH_TIMEOUT(server.api().httpLoad().isBusy(), 10000);
            socket.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(signInRequest(TestServer::SeedEmail, TestServer::SeedPassword));
            QVERIFY(socket.waitForBytesWritten(5000));
            // Reads come first: the hash starts at idle priority and waits while they go on.
            QTRY_COMPARE_WITH_TIMEOUT(pool.started(HashingPool::Priority::Idle), quint64(1), 5000);
            QTest::qWait(500);
        }
        QElapsedTimer sinceReads;
        sinceReads.start();
        QByteArray answer;
        while (!answer.contains("}") && socket.waitForReadyRead(15000))
            answer += socket.readAll();
        const qint64 waited = sinceReads.elapsed();
        qInfo() << "answered" << waited << "ms after the reads ended; hashes run again:" << pool.rerun();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        // The neighbours alone would have held the idle-priority hash for minutes.
        QCOMPARE(pool.rerun(), quint64(1));
        QVERIFY2(waited < 5000, qPrintable(QString::number(waited)));
    }

    void aFloodBeyondTheQueueGets503WithRetryAfter()
    {
        TestServer::Options options;
        options.hashCost = { 32 * 1024, 2, 1 };
        options.hashingThreads = 1;
        options.hashingQueueLimit = 2;
        TestServer server(options);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 10; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(socket->waitForConnected(5000));
            sockets.push_back(std::move(socket));
        }
        for (auto &socket : sockets) {
            socket->write(signInRequest(TestServer::SeedEmail, TestServer::SeedPassword));
            socket->flush(); // all ten arrive together
        }
        int ok = 0;
        int refused = 0;
        for (auto &socket : sockets) {
            QByteArray answer;
            while (!answer.contains("}") && socket->waitForReadyRead(10000))
                answer += socket->readAll();
            if (answer.startsWith("HTTP/1.1 200"))
                ++ok;
            if (answer.startsWith("HTTP/1.1 503")) {
                ++refused;
                QVERIFY2(answer.contains("Retry-After: "), answer.constData());
                QVERIFY(answer.contains("busy"));
            }
        }
        qInfo() << ok << "signed in," << refused << "refused";
        QCOMPARE(ok + refused, 10);
        QVERIFY(ok >= 2);
        QVERIFY(refused >= 1);
        // A task counts as pending until just after it has handed its answer over.
        QTRY_COMPARE(server.api().hashingPool().pending(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSignInScheduling)
#include "TestSignInScheduling.moc"
