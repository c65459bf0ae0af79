#include "MetricsRegistry.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QMap>

#include <cmath>
#include <unistd.h>

namespace blog {

namespace {

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'f', QLocale::FloatingPointShortest); // 0.0005, not 5e-04
}

void header(QByteArray &out, const QByteArray &name, const QByteArray &help, const QByteArray &type)
{
    out += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void sample(QByteArray &out, const QByteArray &name, const QByteArray &labels, double value)
{
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ' + number(value) + '\n';
}

QByteArray joined(const QByteArray &labels, const QByteArray &more)
{
    return labels.isEmpty() ? more : labels + ',' + more;
}

void histogramSamples(QByteArray &out, const QByteArray &name, const QByteArray &labels,
    std::span<const double> bounds, const Histogram::Snapshot &snapshot)
{
    for (std::size_t i = 0; i < bounds.size(); ++i)
        sample(out, name + "_bucket", joined(labels, "le=\"" + number(bounds[i]) + '"'),
            double(snapshot.cumulative.value(qsizetype(i))));
    sample(out, name + "_bucket", joined(labels, QByteArrayLiteral("le=\"+Inf\"")), double(snapshot.count()));
    sample(out, name + "_sum", labels, snapshot.sum);
    sample(out, name + "_count", labels, double(snapshot.count()));
}

} // namespace

QByteArray MetricsRegistry::label(const char *name, const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return QByteArray(name) + "=\"" + escaped + '"';
}

RouteMetrics &MetricsRegistry::route(const QString &label)
{
    QMutexLocker lock(&m_mutex);
    return m_routes.emplace_back(label);
}

void MetricsRegistry::addCounter(const QByteArray &name, const QByteArray &help, QList<Series> series)
{
    QMutexLocker lock(&m_mutex);
    m_families.append(Family { name, help, QByteArrayLiteral("counter"), std::move(series), nullptr });
}

void MetricsRegistry::addGauge(const QByteArray &name, const QByteArray &help, QList<Series> series)
{
    QMutexLocker lock(&m_mutex);
    m_families.append(Family { name, help, QByteArrayLiteral("gauge"), std::move(series), nullptr });
}

void MetricsRegistry::addHistogram(const QByteArray &name, const QByteArray &help, const Histogram &histogram)
{
    QMutexLocker lock(&m_mutex);
    m_families.append(Family { name, help, QByteArrayLiteral("histogram"), {}, &histogram });
}

void MetricsRegistry::renderRoutes(QByteArray &out) const
{
    // Every worker has its own objects for the same routes: added up by route label, then method.
    struct Totals
    {
        std::array<quint64, RouteMetrics::StatusSlots> statuses {};
        Histogram::Snapshot latency;
    };
    QMap<QString, std::array<Totals, RouteMetrics::Methods.size()>> routes;
    for (const RouteMetrics &route : m_routes) {
        auto &methods = routes[route.route()];
        for (std::size_t m = 0; m < RouteMetrics::Methods.size(); ++m) {
            for (std::size_t s = 0; s < RouteMetrics::StatusSlots; ++s)
                methods[m].statuses[s] += route.count(m, s);
            methods[m].latency.add(route.latency(m));
        }
    }
    // Only what happened is shown: all methods times all statuses would be ~170 lines of zeros a route.
    header(out, "blog_http_requests_total",
        "Answers by route template, method and status (499: the client left before its answer).", "counter");
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const QByteArray route = label("route", it.key());
        for (std::size_t m = 0; m < RouteMetrics::Methods.size(); ++m) {
            const QByteArray method = label("method", QString::fromLatin1(RouteMetrics::Methods[m]));
            for (std::size_t s = 0; s < RouteMetrics::StatusSlots; ++s) {
                if (const quint64 count = it.value()[m].statuses[s]) {
                    sample(out, "blog_http_requests_total",
                        route + ',' + method + ",status=\"" + RouteMetrics::statusLabel(s) + '"',
                        double(count));
                }
            }
        }
    }
    header(out, "blog_http_request_duration_seconds",
        "Time from the request read to its answer handed to the socket, by route template and method.",
        "histogram");
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const QByteArray route = label("route", it.key());
        for (std::size_t m = 0; m < RouteMetrics::Methods.size(); ++m) {
            const Histogram::Snapshot &latency = it.value()[m].latency;
            if (latency.count() == 0)
                continue;
            histogramSamples(out, "blog_http_request_duration_seconds",
                route + ',' + label("method", QString::fromLatin1(RouteMetrics::Methods[m])),
                Histogram::LatencySeconds, latency);
        }
    }
}

void MetricsRegistry::addProcessMetrics(const QString &version)
{
    // The first registry of the process is made as the server starts (tests make several).
    static const double started = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    addGauge("blog_build_info", "The running version; always 1.",
        { { label("version", version), [] { return 1.0; } } });
    addGauge("process_start_time_seconds", "When the server started, in seconds since the Unix epoch.",
        { { {}, [] { return started; } } });
    if (!QFile::exists(QStringLiteral("/proc/self/statm")))
        return;
    addGauge("process_resident_memory_bytes", "Resident memory (RSS) of the process.",
        { { {}, [] {
               // statm: size resident shared ... in pages; one small read a scrape.
               QFile statm(QStringLiteral("/proc/self/statm"));
               if (!statm.open(QIODevice::ReadOnly))
                   return 0.0;
               const QList<QByteArray> fields = statm.readAll().split(' ');
               return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) : 0.0;
           } } });
}

QByteArray MetricsRegistry::render() const
{
    QByteArray out;
    out.reserve(16 * 1024);
    QMutexLocker lock(&m_mutex);
    renderRoutes(out);
    for (const Family &family : m_families) {
        header(out, family.name, family.help, family.type);
        if (family.histogram) {
            histogramSamples(
                out, family.name, {}, family.histogram->upperBounds(), family.histogram->snapshot());
            continue;
        }
        for (const Series &series : family.series)
            sample(out, family.name, series.labels, series.read());
    }
    return out;
}

} // namespace blog
