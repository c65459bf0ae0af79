#include "HttpClient.h"
#include "Migrator.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <cmath>

using namespace blog::test;

namespace {

// One scrape, checked against the text format 0.0.4 line by line and kept as `name{labels}` -> value.
struct Scrape
{
    QByteArray body;
    QHash<QString, double> values;
    QString problem; // empty when every line parses

    double value(const QString &series) const { return values.value(series, 0); }
    bool has(const QString &series) const { return values.contains(series); }
};

Scrape parse(const QByteArray &body)
{
    static const QRegularExpression comment(
        QStringLiteral(R"(^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$)"));
    static const QRegularExpression sample(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")"
                       R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? ([^ ]+)$)"));
    Scrape scrape;
    scrape.body = body;
    if (!body.endsWith('\n'))
        scrape.problem = QStringLiteral("the body does not end with a line feed");
    QHash<QString, QString> types;
    for (const QByteArray &raw : body.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || !scrape.problem.isEmpty())
            continue;
        if (const auto match = comment.match(line); match.hasMatch()) {
            if (match.captured(1) == QLatin1String("TYPE")) {
                static const QStringList known { "counter", "gauge", "histogram", "summary", "untyped" };
                if (!known.contains(match.captured(3)) || types.contains(match.captured(2)))
                    scrape.problem = QStringLiteral("bad or repeated TYPE: ") + line;
                types.insert(match.captured(2), match.captured(3));
            }
            continue;
        }
        const auto match = sample.match(line);
        if (!match.hasMatch()) {
            scrape.problem = QStringLiteral("not a sample: ") + line;
            continue;
        }
        QString family = match.captured(1);
        for (const char *suffix : { "_bucket", "_sum", "_count" }) {
            const QString base = family.chopped(qsizetype(qstrlen(suffix)));
            if (family.endsWith(QLatin1String(suffix)) && types.value(base) == QLatin1String("histogram"))
                family = base;
        }
        if (!types.contains(family))
            scrape.problem = QStringLiteral("a sample before its TYPE: ") + line;
        const QString text = match.captured(3);
        bool ok = true;
        const double value = text == QLatin1String("+Inf") ? INFINITY : text.toDouble(&ok);
        if (!ok)
            scrape.problem = QStringLiteral("not a number: ") + line;
        scrape.values.insert(match.captured(1) + match.captured(2), value);
    }
    return scrape;
}

QString requests(const char *route, const char *method, int status)
{
    return QStringLiteral(R"(blog_http_requests_total{route="%1",method="%2",status="%3"})")
        .arg(QLatin1String(route), QLatin1String(method))
        .arg(status);
}

QString latency(const char *suffix, const char *route, const char *method, const QString &le = {})
{
    return QStringLiteral(R"(blog_http_request_duration_seconds%1{route="%2",method="%3"%4})")
        .arg(QLatin1String(suffix), QLatin1String(route), QLatin1String(method),
            le.isEmpty() ? QString() : QStringLiteral(R"(,le="%1")").arg(le));
}

bool runShell(const char *variable)
{
    const QString command = qEnvironmentVariable(variable);
    return !command.isEmpty()
        && QProcess::execute(QStringLiteral("sh"), { QStringLiteral("-c"), command }) == 0;
}

} // namespace

// /metrics on its own port (what is counted, and that the format parses), and /ready on the public one.
class TestMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    Scrape scrape(const TestServer &server)
    {
        const auto response = m_http.get(server.metricsUrl());
        if (response.status != 200)
            qWarning("scrape answered %d", response.status);
        return parse(response.body);
    }
    Scrape scrape() { return scrape(*m_server); }

    static TestServer::Options withMetrics()
    {
        TestServer::Options options;
        options.metrics = true;
        return options;
    }

private slots:
    void initTestCase() { m_server = std::make_unique<TestServer>(withMetrics()); }
    void cleanupTestCase() { m_server.reset(); }

    void metricsHaveAPortOfTheirOwn()
    {
        QVERIFY(m_server->api().metricsPort() != 0);
        QVERIFY(m_server->api().metricsPort() != m_server->port());
        const auto response = m_http.get(m_server->metricsUrl());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const Scrape parsed = parse(response.body);
        QVERIFY2(parsed.problem.isEmpty(), qPrintable(parsed.problem));
        QVERIFY(
            parsed.has(QStringLiteral(R"(blog_build_info{version="%1"})").arg(QLatin1String(BLOG_VERSION))));
        QVERIFY(parsed.value(QStringLiteral("process_start_time_seconds")) > 1.7e9);

        // Not on the public port, and nothing else on the metrics port.
        QCOMPARE(m_http.get(m_server->url("/metrics")).status, 404);
        QUrl other = m_server->metricsUrl();
        other.setPath(QStringLiteral("/article"));
        QCOMPARE(m_http.get(other).status, 404);
        QCOMPARE(m_http.send("POST", m_server->metricsUrl(), "x").status, 405);
    }

    void requestsAreCountedByRouteTemplate()
    {
        const Scrape before = scrape();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(m_http.get(m_server->url("/article?limit=5")).status, 200);
            QCOMPARE(m_http.get(m_server->url("/article/title-1-3")).status, 200);
        }
        QCOMPARE(m_http.get(m_server->url("/article/no-such-article-here")).status, 404);
        QCOMPARE(m_http.get(m_server->url("/nowhere/in/particular")).status, 404);
        QCOMPARE(
            m_http.send("PUT", m_server->url("/article"), "{}", { { "Content-Type", "application/json" } })
                .status,
            405);
        const Scrape after = scrape();
        QVERIFY2(after.problem.isEmpty(), qPrintable(after.problem));

        const auto delta = [&](const QString &series) { return after.value(series) - before.value(series); };
        QCOMPARE(delta(requests("/article", "GET", 200)), 3.0);
        QCOMPARE(delta(requests("/article/:slug", "GET", 200)), 3.0);
        QCOMPARE(delta(requests("/article/:slug", "GET", 404)), 1.0);
        QCOMPARE(delta(requests("unmatched", "GET", 404)), 1.0);
        QCOMPARE(delta(requests("/article", "other", 405)), 1.0); // HttpRequest calls PUT "OTHER"
        QCOMPARE(delta(latency("_count", "/article/:slug", "GET")), 4.0);
        // Concrete paths never become labels.
        QVERIFY(!after.body.contains("title-1-3"));
        QVERIFY(!after.body.contains("no-such-article-here"));
        QVERIFY(!after.body.contains("nowhere"));
    }

    void histogramsAreCumulativeAndAddUp()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_http.get(m_server->url("/health")).status, 200);
        const Scrape parsed = scrape();
        QVERIFY2(parsed.problem.isEmpty(), qPrintable(parsed.problem));
        int histograms = 0;
        // Every bucket line of every histogram, in the order printed (le ascending).
        QHash<QString, double> previous;
        static const QRegularExpression bucket(QStringLiteral("^(\\w+)_bucket\\{(.*?),?le=\"([^\"]+)\"\\}$"));
        for (const QString &line : QString::fromUtf8(parsed.body).split(QLatin1Char('\n'))) {
            const QString series = line.section(QLatin1Char(' '), 0, 0);
            const auto match = bucket.match(series);
            if (!match.hasMatch())
                continue;
            const QString key = match.captured(1) + QLatin1Char('{') + match.captured(2) + QLatin1Char('}');
            const double value = parsed.value(series);
            QVERIFY2(value >= previous.value(key, 0), qPrintable(series));
            previous.insert(key, value);
            if (match.captured(3) == QLatin1String("+Inf")) {
                ++histograms;
                const QString labels = match.captured(2).isEmpty()
                    ? QString()
                    : QLatin1Char('{') + match.captured(2) + QLatin1Char('}');
                QCOMPARE(parsed.value(match.captured(1) + QStringLiteral("_count") + labels), value);
                QVERIFY(parsed.has(match.captured(1) + QStringLiteral("_sum") + labels));
            }
        }
        QVERIFY(histograms >= 2); // GET /health at least, and the comment batches
        // The route's count is the sum of its statuses.
        QCOMPARE(
            parsed.value(latency("_count", "/health", "GET")), parsed.value(requests("/health", "GET", 200)));
        QVERIFY(parsed.value(latency("_bucket", "/health", "GET", "10")) >= 5);
        QVERIFY(parsed.value(latency("_sum", "/health", "GET")) > 0);
    }

    void listingCacheHitsAndMisses()
    {
        const Scrape before = scrape();
        // A page nobody asked for yet: read once, then sent from the cache.
        QCOMPARE(m_http.get(m_server->url("/article?limit=7&offset=1")).status, 200);
        QCOMPARE(m_http.get(m_server->url("/article?limit=7&offset=1")).status, 200);
        QCOMPARE(m_http.get(m_server->url("/article?limit=7&offset=1")).status, 200);
        const Scrape after = scrape();
        QCOMPARE(
            after.value("blog_listing_cache_misses_total") - before.value("blog_listing_cache_misses_total"),
            1.0);
        QCOMPARE(after.value("blog_listing_cache_hits_total") - before.value("blog_listing_cache_hits_total"),
            2.0);
    }

    void commentBatchesAndTheHashingQueue()
    {
        const Scrape before = scrape();
        const QString token
            = m_http.signIn(m_server->url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword);
        QVERIFY(!token.isEmpty());
        const QJsonObject comment { { "text", "counted" } };
        QCOMPARE(m_http.post(m_server->url("/article/title-2-3/comment"), comment, token).status, 201);
        const Scrape after = scrape();
        QCOMPARE(after.value("blog_comment_batch_size_count") - before.value("blog_comment_batch_size_count"),
            1.0);
        QCOMPARE(
            after.value("blog_comment_batch_size_sum") - before.value("blog_comment_batch_size_sum"), 1.0);
        QCOMPARE(after.value(R"(blog_comment_batch_size_bucket{le="1"})")
                - before.value(R"(blog_comment_batch_size_bucket{le="1"})"),
            1.0);
        QCOMPARE(after.value(requests("/article/:slug/comment", "POST", 201))
                - before.value(requests("/article/:slug/comment", "POST", 201)),
            1.0);
        QCOMPARE(after.value(requests("/user/sign-in", "POST", 200))
                - before.value(requests("/user/sign-in", "POST", 200)),
            1.0);
        // Nothing waits for a hashing thread now. A sign-in counts until just after its answer is handed
        // over, which may be after the client has it: read again until then.
        QVERIFY(after.has("blog_hashing_queue_length"));
        QTRY_COMPARE(scrape().value("blog_hashing_queue_length"), 0.0);
    }

    void refusedConnectionsAreCounted()
    {
        TestServer::Options options = withMetrics();
        options.seed = false;
        options.connections.maxConnectionsPerAddress = 1;
        TestServer server(options);
        const double refusedBefore = scrape(server).value("blog_connections_refused_total");
        const double openBefore = scrape(server).value("blog_connections_open");

        // 127.0.0.2 is another client than the test's HTTP client: one connection, then a refusal.
        auto first = std::make_unique<QTcpSocket>();
        first->bind(QHostAddress(QStringLiteral("127.0.0.2")));
        first->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(first->waitForConnected(5000));
        QTRY_COMPARE(scrape(server).value("blog_connections_open"), openBefore + 1);
        QTcpSocket second;
        second.bind(QHostAddress(QStringLiteral("127.0.0.2")));
        second.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(second.waitForConnected(5000));
        QByteArray refusal;
        while (second.waitForReadyRead(2000))
            refusal += second.readAll();
        QVERIFY2(refusal.startsWith("HTTP/1.1 503"), refusal.constData());

        const Scrape after = scrape(server);
        QCOMPARE(after.value("blog_connections_refused_total") - refusedBefore, 1.0);
        QCOMPARE(after.value("blog_connections_open"), openBefore + 1);
        first.reset();
        QTRY_COMPARE(scrape(server).value("blog_connections_open"), openBefore);
    }

    void throttledSignInsAreCounted()
    {
        TestServer::Options options = withMetrics();
        options.signInAttemptsPerMinute = 3; // and 3 an e-mail
        TestServer server(options);
        const QJsonObject wrong { { "email", TestServer::SeedEmail }, { "password", "not the password" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http.post(server.url("/user/sign-in"), wrong).status, 401);
        QCOMPARE(m_http.post(server.url("/user/sign-in"), wrong).status, 429);
        QCOMPARE(m_http.post(server.url("/user/sign-in"), wrong).status, 429);
        const Scrape after = scrape(server);
        QCOMPARE(after.value("blog_sign_ins_throttled_total"), 2.0);
        QCOMPARE(after.value(requests("/user/sign-in", "POST", 401)), 3.0);
        QCOMPARE(after.value(requests("/user/sign-in", "POST", 429)), 2.0);
    }

    void databaseFaultsAreCounted()
    {
        TestServer server(withMetrics());
        const double before = scrape(server).value(R"(blog_database_errors_total{kind="query"})");
        {
            SideConnection side(server.databaseUrl());
            QVERIFY(side.exec(QStringLiteral("DROP VIEW article_listing")));
        }
        QCOMPARE(m_http.get(server.url("/article?limit=3&offset=2")).status, 500);
        const Scrape after = scrape(server);
        QCOMPARE(after.value(R"(blog_database_errors_total{kind="query"})") - before, 1.0);
        QCOMPARE(after.value(requests("/article", "GET", 500)), 1.0);
    }

    void readyWhenMigratedAndReachable()
    {
        const auto response = m_http.get(m_server->url("/ready"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), QJsonObject({ { "ready", true } }));
        QCOMPARE(m_http.send("POST", m_server->url("/ready")).status, 405);
        QVERIFY(scrape().value(requests("/ready", "GET", 200)) >= 1);
    }

    void notReadyWhileAMigrationIsMissing()
    {
        TestServer server;
        const int latest = blog::Migrator::available().last().version;
        SideConnection side(server.databaseUrl());
        const QVariantList row = side.row(
            QStringLiteral("SELECT name, applied_at FROM schema_migrations WHERE version = ?"), latest);
        QCOMPARE(row.size(), 2);
        QVERIFY(side.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = %1").arg(latest)));

        const auto notReady = m_http.get(server.url("/ready"));
        QCOMPARE(notReady.status, 503);
        QVERIFY(notReady.json().value("error").toString().contains("migration"));
        QCOMPARE(m_http.get(server.url("/health")).status, 200); // alive all the same

        QVERIFY(side.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                         "VALUES (%1, '%2', '%3')")
                              .arg(latest)
                              .arg(row[0].toString(), row[1].toString())));
        QCOMPARE(m_http.get(server.url("/ready")).status, 200);
    }

    void notReadyWhileTheDatabaseIsDown()
    {
        if (!TestServer::isPostgres() || qEnvironmentVariableIsEmpty("BLOG_TEST_POSTGRES_STOP"))
            QSKIP("needs the PostgreSQL cluster ./dev test starts (it is stopped and started again)");
        TestServer server(withMetrics());
        QCOMPARE(m_http.get(server.url("/ready")).status, 200);
        QVERIFY(runShell("BLOG_TEST_POSTGRES_STOP"));
        const auto down = m_http.get(server.url("/ready"));
        QVERIFY(runShell("BLOG_TEST_POSTGRES_START"));
        QCOMPARE(down.status, 503);
        QVERIFY(!down.json().value("error").toString().isEmpty());
        QVERIFY(scrape(server).value(R"(blog_database_errors_total{kind="unavailable"})") >= 1);
        QVERIFY(QTest::qWaitFor([&] { return m_http.get(server.url("/ready")).status == 200; }, 15000));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "TestMetrics.moc"
