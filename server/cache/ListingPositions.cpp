#include "ListingPositions.h"

namespace blog {

ListingPositions::ListingPositions(std::chrono::milliseconds timeToLive)
    : m_timeToLive(timeToLive)
{
}

std::shared_ptr<const ListingPositions::Anchors> ListingPositions::anchors(const Loader &load)
{
    std::shared_ptr<const Anchors> previous;
    {
        const std::lock_guard lock(m_mutex);
        if (m_current && m_currentGeneration == generation()
            && std::chrono::steady_clock::now() < m_currentExpires)
            return m_current;
        previous = m_current;
    }
    std::unique_lock loading(m_loading, std::defer_lock);
    if (previous) {
        if (!loading.try_lock())
            return previous; // being read again by another thread
    } else {
        loading.lock();
        const std::lock_guard lock(m_mutex);
        if (m_current)
            return m_current; // read by the thread we waited for
    }
    const quint64 generationBefore = generation();
    auto fresh = std::make_shared<const Anchors>(load());
    const std::lock_guard lock(m_mutex);
    m_current = fresh;
    m_currentGeneration = generationBefore; // a change during the read leaves them stale
    m_currentExpires = std::chrono::steady_clock::now() + m_timeToLive;
    return fresh;
}

void ListingPositions::invalidate()
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

} // namespace blog
