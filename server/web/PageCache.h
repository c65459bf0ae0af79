#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace blog {

class ListingCache;

// Ready-to-send web pages and feeds (bytes, ETag, Last-Modified). They show what the listing shows, so
// they go whenever the listing cache is invalidated (by a write here, another instance's NOTIFY, or
// anchors found changed): an entry made under another listing generation is never sent. They also
// expire, like the listing, for rows changed behind the server's back.
class PageCache
{
public:
    struct Page
    {
        QByteArray body;
        QByteArray etag;
        // When these bytes were first made: kept while a refill makes the same bytes again.
        QDateTime lastModified;
        // The same as an HTTP date ("Wed, 02 Dec 2026 09:08:30 GMT"), written once, not per answer.
        QByteArray lastModifiedHeader;
        int status = 200;
    };
    struct Made
    {
        QByteArray body;
        int status = 200;
    };
    using Loader = std::function<Made()>;

    PageCache(const ListingCache &listing, std::chrono::milliseconds timeToLive);

    std::shared_ptr<const Page> page(const QByteArray &key, const Loader &load);

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        std::shared_ptr<const Page> page;
        std::chrono::steady_clock::time_point expires;
        quint64 generation = 0;
    };

    const ListingCache &m_listing;
    std::chrono::milliseconds m_timeToLive;
    QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::atomic<quint64> m_hits { 0 };
    std::atomic<quint64> m_misses { 0 };
};

} // namespace blog
