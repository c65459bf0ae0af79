#include "ListingPositions.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ListingPositions::ListingPositions(std::chrono::milliseconds timeToLive, std::function<void()> changed,
    std::chrono::milliseconds markTrustedFor)
    : m_timeToLive(timeToLive)
    , m_markTrustedFor(markTrustedFor)
    , m_changed(std::move(changed))
{
}

ListingPositions::~ListingPositions()
{
    stop();
}

std::shared_ptr<const ListingPositions::Anchors> ListingPositions::anchors(
    const Loader &load, const MarkReader &readMark)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_current && m_currentGeneration == generation()) {
            if (std::chrono::steady_clock::now() >= m_currentExpires && !m_refreshing && !m_stopping) {
                m_refreshing = true;
                m_refreshLoad = load;
                m_refreshReadMark = readMark;
                if (!m_refresher.joinable())
                    m_refresher = std::thread([this] { runRefresher(); });
                m_wake.notify_one();
            }
            return m_current;
        }
    }
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
    m_currentRead = std::chrono::steady_clock::now();
    m_currentExpires = m_currentRead + m_timeToLive;
    return fresh;
}

void ListingPositions::runRefresher()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_refreshLoad; });
        if (m_stopping)
            break;
        const Loader load = std::exchange(m_refreshLoad, nullptr);
        const MarkReader readMark = std::exchange(m_refreshReadMark, nullptr);
        lock.unlock();
        refresh(load, readMark);
        lock.lock();
    }
    m_refreshLoad = nullptr;
    m_refreshReadMark = nullptr;
    m_refreshing = false;
    m_refreshed.notify_all();
}

bool ListingPositions::unchangedByMark(const MarkReader &readMark)
{
    std::optional<qint64> known;
    {
        const std::lock_guard lock(m_mutex);
        if (m_current && m_currentGeneration == generation()
            && std::chrono::steady_clock::now() - m_currentRead < m_markTrustedFor)
            known = m_current->changeMark;
    }
    return readMark && known && readMark() == known;
}

void ListingPositions::refresh(const Loader &load, const MarkReader &readMark)
{
    const quint64 generationBefore = generation();
    std::shared_ptr<const Anchors> fresh;
    try {
        if (!unchangedByMark(readMark)) // else the current ones just live on
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
            m_currentRead = std::chrono::steady_clock::now();
        }
        m_currentExpires = std::chrono::steady_clock::now() + m_timeToLive; // after a failure: again then
    }
    if (differs && m_changed)
        m_changed();
    const std::lock_guard lock(m_mutex);
    m_refreshing = false;
    m_refreshed.notify_all();
}

void ListingPositions::invalidate()
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

void ListingPositions::waitForRefresh()
{
    std::unique_lock lock(m_mutex);
    m_refreshed.wait(lock, [this] { return !m_refreshing; });
}

void ListingPositions::stop()
{
    std::thread refresher;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        refresher = std::move(m_refresher);
    }
    m_wake.notify_one();
    if (refresher.joinable())
        refresher.join();
}

} // namespace blog
