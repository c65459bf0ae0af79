#pragma once

#include <QList>
#include <QtGlobal>

#include <array>
#include <atomic>
#include <span>

namespace blog {

// Observations counted in fixed buckets (Prometheus' histogram): one relaxed atomic add for the bucket and
// one for the sum, no lock. Buckets are kept apart and added up at scrape time, so `count` is always
// the +Inf bucket.
class Histogram
{
public:
    // Request latencies in seconds: 0.5 ms (a cached page) up to 10 s (a sign-in queued behind argon2).
    static constexpr std::array<double, 14> LatencySeconds { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
        0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

    struct Snapshot
    {
        QList<quint64> cumulative; // one per bound, then +Inf
        double sum = 0;
        quint64 count() const { return cumulative.isEmpty() ? 0 : cumulative.last(); }
        // Adds another snapshot of a histogram with the same bounds.
        void add(const Snapshot &other);
    };

    static constexpr std::size_t MaxBounds = 16;

    // `upperBounds` ascending, at most MaxBounds, in storage that outlives the histogram; +Inf comes on top.
    explicit Histogram(std::span<const double> upperBounds);

    void observe(double value)
    {
        std::size_t bucket = 0;
        while (bucket < m_bounds.size() && value > m_bounds[bucket])
            ++bucket;
        m_counts[bucket].fetch_add(1, std::memory_order_relaxed);
        m_sum.fetch_add(value, std::memory_order_relaxed);
    }

    std::span<const double> upperBounds() const { return m_bounds; }
    Snapshot snapshot() const;

private:
    std::span<const double> m_bounds;
    // Inline, not on the heap: a worker's counts stay within its own (cache-line aligned) RouteMetrics.
    std::array<std::atomic<quint64>, MaxBounds + 1> m_counts {};
    std::atomic<double> m_sum { 0 };
};

} // namespace blog
