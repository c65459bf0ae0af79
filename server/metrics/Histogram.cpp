#include "Histogram.h"

#include <algorithm>

namespace blog {

Histogram::Histogram(std::span<const double> upperBounds)
    : m_bounds(upperBounds.first(std::min(upperBounds.size(), MaxBounds)))
{
    Q_ASSERT(upperBounds.size() <= MaxBounds);
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot snapshot;
    snapshot.cumulative.reserve(qsizetype(m_bounds.size() + 1));
    quint64 total = 0;
    for (std::size_t i = 0; i <= m_bounds.size(); ++i) {
        total += m_counts[i].load(std::memory_order_relaxed);
        snapshot.cumulative.append(total);
    }
    snapshot.sum = m_sum.load(std::memory_order_relaxed);
    return snapshot;
}

void Histogram::Snapshot::add(const Snapshot &other)
{
    if (cumulative.isEmpty()) {
        *this = other;
        return;
    }
    for (qsizetype i = 0; i < cumulative.size() && i < other.cumulative.size(); ++i)
        cumulative[i] += other.cumulative[i];
    sum += other.sum;
}

} // namespace blog
