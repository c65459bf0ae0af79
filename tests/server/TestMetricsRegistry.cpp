#include "MetricsRegistry.h"

#include <QTest>

using namespace blog;

// The text the registry writes, without a server: aggregation across workers, buckets, escaping.
class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void routesOfEveryWorkerAreAddedUp()
    {
        MetricsRegistry registry;
        RouteMetrics &first = registry.route("/article/:slug");
        RouteMetrics &second = registry.route("/article/:slug"); // the same route on another worker
        first.record("GET", 200, 300'000); // 0.3 ms
        second.record("GET", 200, 2'000'000); // 2 ms
        second.record("GET", 404, 20'000'000'000); // 20 s: beyond the last bound
        first.record("BREW", 418, 1000);
        const QByteArray text = registry.render();
        QVERIFY(text.contains(
            "blog_http_requests_total{route=\"/article/:slug\",method=\"GET\",status=\"200\"} 2\n"));
        QVERIFY(text.contains(
            "blog_http_requests_total{route=\"/article/:slug\",method=\"GET\",status=\"404\"} 1\n"));
        QVERIFY(text.contains(
            "blog_http_requests_total{route=\"/article/:slug\",method=\"other\",status=\"other\"} 1\n"));
        const QByteArray prefix
            = "blog_http_request_duration_seconds_bucket{route=\"/article/:slug\",method=\"GET\",";
        QVERIFY(text.contains(prefix + "le=\"0.0005\"} 1\n"));
        QVERIFY(text.contains(prefix + "le=\"0.001\"} 1\n"));
        QVERIFY(text.contains(prefix + "le=\"0.0025\"} 2\n"));
        QVERIFY(text.contains(prefix + "le=\"10\"} 2\n"));
        QVERIFY(text.contains(prefix + "le=\"+Inf\"} 3\n"));
        QVERIFY(text.contains(
            "blog_http_request_duration_seconds_count{route=\"/article/:slug\",method=\"GET\"} 3\n"));
        QVERIFY(text.contains(
            "blog_http_request_duration_seconds_sum{route=\"/article/:slug\",method=\"GET\"} 20.002"));
        // Methods that saw nothing are left out.
        QVERIFY(!text.contains("method=\"POST\""));
    }

    void aValueOnABoundIsInThatBucket()
    {
        static constexpr std::array<double, 3> bounds { 1, 2, 4 };
        Histogram histogram(bounds);
        histogram.observe(1);
        histogram.observe(2);
        histogram.observe(3);
        histogram.observe(5);
        const Histogram::Snapshot snapshot = histogram.snapshot();
        QCOMPARE(snapshot.cumulative, QList<quint64>({ 1, 2, 3, 4 }));
        QCOMPARE(snapshot.count(), quint64(4));
        QCOMPARE(snapshot.sum, 11.0);
    }

    void familiesCarryHelpTypeAndEscapedLabels()
    {
        MetricsRegistry registry;
        registry.addCounter("demo_total", "A demo.",
            { { MetricsRegistry::label("path", "a\"b\\c\nd"), [] { return 3.0; } },
                { MetricsRegistry::label("path", "plain"), [] { return 0.5; } } });
        static constexpr std::array<double, 2> bounds { 0.5, 256 };
        Histogram histogram(bounds);
        histogram.observe(3);
        registry.addHistogram("demo_size", "Sizes.", histogram);
        const QByteArray text = registry.render();
        QVERIFY(text.contains("# HELP demo_total A demo.\n# TYPE demo_total counter\n"));
        QVERIFY(text.contains("demo_total{path=\"a\\\"b\\\\c\\nd\"} 3\n"));
        QVERIFY(text.contains("demo_total{path=\"plain\"} 0.5\n"));
        QVERIFY(text.contains(
            "# TYPE demo_size histogram\ndemo_size_bucket{le=\"0.5\"} 0\ndemo_size_bucket{le=\"256\"} "
            "1\ndemo_size_bucket{le=\"+Inf\"} 1\ndemo_size_sum 3\ndemo_size_count 1\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "TestMetricsRegistry.moc"
