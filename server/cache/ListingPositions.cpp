#include "ListingPositions.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ListingPositions::ListingPositions(std::chrono::milliseconds timeToLive, std::function<void()> changed)
    : m_timeToLive(timeToLive)
    , m_changed(std::move(changed))
{
}

ListingPositions::~ListingPositions()
{
    waitForRefresh();
}

std::shared_ptr<const ListingPositions::Anchors> ListingPositions::anchors(const Loader &load)
{
    std::thread finished; // the previous refresh's thread, done (joined outside the lock)
    std::shared_ptr<const Anchors> current;
    {
        const std::lock_guard lock(m_mutex);
        if (m_current && m_currentGeneration == generation()) {
            if (std::chrono::steady_clock::now() >= m_currentExpires && !m_refreshing) {
                m_refreshing = true;
                finished = std::move(m_refresher);
                m_refresher = std::thread([this, load] { refresh(load); });
            }
            current = m_current;
        }
    }
    if (finished.joinable())
        finished.join();
    if (current)
        return current;
    // None yet, or the articles changed: read them now, once for all the threads asking.
    const std::lock_guard loading(m_loading);
    {
        const std::lock_guard lock(m_mutex);
        if (m_current && m_currentGeneration == generation())
            return m_current;
    }
    const quint64 generationBefore = generation();
    auto fresh = std::make_shared<const Anchors>(load());
    const std::lock_guard lock(m_mutex);
    m_current = fresh;
    m_currentGeneration = generationBefore; // a change during the read leaves them stale
    m_currentExpires = std::chrono::steady_clock::now() + m_timeToLive;
    return fresh;
}

void ListingPositions::refresh(Loader load)
{
    const quint64 generationBefore = generation();
    std::shared_ptr<const Anchors> fresh;
    try {
        fresh = std::make_shared<const Anchors>(load());
    } catch (const std::exception &error) {
        qCWarning(lcDatabase) << "cannot read the listing's anchors:" << error.what();
    }
    bool differs = false;
    {
        const std::lock_guard lock(m_mutex);
        if (fresh && generation() == generationBefore) {
            differs = !m_current || !(*m_current == *fresh);
            m_current = fresh;
            m_currentGeneration = generationBefore;
        }
        m_currentExpires = std::chrono::steady_clock::now() + m_timeToLive; // after a failure: again then
        m_refreshing = false;
    }
    if (differs && m_changed)
        m_changed();
}

void ListingPositions::invalidate()
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

void ListingPositions::waitForRefresh()
{
    std::thread refresher;
    {
        const std::lock_guard lock(m_mutex);
        refresher = std::move(m_refresher);
    }
    if (refresher.joinable())
        refresher.join();
}

} // namespace blog
