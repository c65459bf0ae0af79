#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace blog {

// Results read from the database (filtered listing pages, the tags), kept for a short time per key and
// dropped at once by invalidate(): the same rules as ListingCache, for values instead of JSON bytes. A
// value loaded while a write came in is returned but not kept (it might not show that write). Shared
// by all worker threads.
template<typename T> class ResultCache
{
public:
    using Loader = std::function<T()>;

    // At most `maxEntries` values are kept; past it the cache starts again empty.
    explicit ResultCache(std::chrono::milliseconds timeToLive, qsizetype maxEntries = 4096)
        : m_timeToLive(timeToLive)
        , m_maxEntries(maxEntries)
    {
    }

    std::shared_ptr<const T> get(const QByteArray &key, const Loader &load)
    {
        const quint64 generation = m_generation.load(std::memory_order_acquire);
        if (auto value = find(key, generation))
            return value;
        m_misses.fetch_add(1, std::memory_order_relaxed);
        auto value = std::make_shared<const T>(load());
        QMutexLocker lock(&m_mutex);
        if (m_generation.load(std::memory_order_acquire) == generation) {
            // A bound on memory: a crawler can ask for every filter and offset there is.
            if (m_entries.size() >= m_maxEntries)
                m_entries.clear();
            m_entries.insert(
                key, Entry { value, std::chrono::steady_clock::now() + m_timeToLive, generation });
        }
        return value;
    }

    // The cached value for `key`, or null (and get() will load it).
    std::shared_ptr<const T> find(const QByteArray &key)
    {
        return find(key, m_generation.load(std::memory_order_acquire));
    }

    void invalidate()
    {
        m_generation.fetch_add(1, std::memory_order_acq_rel);
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    std::shared_ptr<const T> find(const QByteArray &key, quint64 generation)
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.constEnd() || it->generation != generation
            || it->expires <= std::chrono::steady_clock::now())
            return nullptr;
        m_hits.fetch_add(1, std::memory_order_relaxed);
        return it->value;
    }

    struct Entry
    {
        std::shared_ptr<const T> value;
        std::chrono::steady_clock::time_point expires;
        quint64 generation = 0;
    };

    const std::chrono::milliseconds m_timeToLive;
    const qsizetype m_maxEntries;
    QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::atomic<quint64> m_generation { 0 };
    std::atomic<quint64> m_hits { 0 };
    std::atomic<quint64> m_misses { 0 };
};

} // namespace blog
