#pragma once

#include "Counter.h"
#include "Histogram.h"

#include <QByteArray>
#include <QString>

#include <array>

namespace blog {

// The answers of one route, by method and status, and their latencies by method. Each HTTP worker gets
// its own object for each route it registers, so counting a request is a few uncontended relaxed adds
// with no lookup; the registry adds the objects of a route up at scrape time. Aligned to a cache line so
// two workers' objects never share one.
class alignas(64) RouteMetrics
{
public:
    // Methods and statuses get fixed slots; anything else lands in the last one ("other"). The methods are
    // those HttpRequest names; it calls the rest (PUT, HEAD, ...) OTHER.
    static constexpr std::array<const char *, 6> Methods { "GET", "POST", "PATCH", "DELETE", "OPTIONS",
        "other" };
    // 499: the answer was ready but the client had gone (nginx's name for it).
    static constexpr std::array<int, 20> Statuses { 200, 201, 204, 304, 400, 401, 403, 404, 405, 408, 409,
        411, 412, 413, 415, 429, 431, 499, 500, 503 };
    static constexpr int ClientGone = 499;
    static constexpr std::size_t StatusSlots = Statuses.size() + 1;

    // `route`: the template as operators read it ("/article/:slug"), never a concrete path.
    explicit RouteMetrics(QString route);

    const QString &route() const { return m_route; }
    void record(const QByteArray &method, int status, qint64 nanoseconds)
    {
        PerMethod &slot = m_methods[methodSlot(method)];
        slot.statuses[statusSlot(status)].add();
        slot.latency.observe(double(nanoseconds) * 1e-9);
    }

    quint64 count(std::size_t method, std::size_t status) const
    {
        return m_methods[method].statuses[status].value();
    }
    Histogram::Snapshot latency(std::size_t method) const { return m_methods[method].latency.snapshot(); }

    static std::size_t methodSlot(const QByteArray &method);
    static std::size_t statusSlot(int status);
    // "200", ..., or "other".
    static QByteArray statusLabel(std::size_t slot);

private:
    struct PerMethod
    {
        std::array<Counter, StatusSlots> statuses;
        Histogram latency { Histogram::LatencySeconds };
    };

    QString m_route;
    std::array<PerMethod, Methods.size()> m_methods;
};

} // namespace blog
