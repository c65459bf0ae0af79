#pragma once

#include "Histogram.h"
#include "RouteMetrics.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <deque>
#include <functional>

namespace blog {

// Everything /metrics shows, rendered in Prometheus' text format 0.0.4. Request counts live in
// RouteMetrics objects handed out here; the rest (cache hits, open connections, ...) stays where it is
// counted and is read through a function at scrape time, so nothing on a request's path looks here.
class MetricsRegistry
{
public:
    using Read = std::function<double()>;
    struct Series
    {
        QByteArray labels; // `kind="query"`, made with label(); empty for none
        Read read;
    };

    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // A new object for one route as one worker registers it; valid as long as the registry. Thread-safe.
    RouteMetrics &route(const QString &label);

    void addCounter(const QByteArray &name, const QByteArray &help, QList<Series> series);
    void addGauge(const QByteArray &name, const QByteArray &help, QList<Series> series);
    // `histogram` must outlive the registry.
    void addHistogram(const QByteArray &name, const QByteArray &help, const Histogram &histogram);

    // blog_build_info, process_start_time_seconds and (on Linux) process_resident_memory_bytes.
    void addProcessMetrics(const QString &version);

    QByteArray render() const;

    // name="value", the value escaped as the format wants (backslash, double quote, line feed).
    static QByteArray label(const char *name, const QString &value);

    static constexpr auto ContentType = "text/plain; version=0.0.4; charset=utf-8";

private:
    struct Family
    {
        QByteArray name;
        QByteArray help;
        QByteArray type;
        QList<Series> series;
        const Histogram *histogram = nullptr;
    };

    void renderRoutes(QByteArray &out) const;

    mutable QMutex m_mutex;
    std::deque<RouteMetrics> m_routes;
    QList<Family> m_families;
};

} // namespace blog
