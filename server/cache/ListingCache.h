#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace blog {

// Ready-to-send listing pages (JSON bytes and their ETag), kept for a short time and dropped at once
// by any write that changes what the listing shows: all of them, or only those showing the articles a
// comment went to. Shared by all worker threads.
class ListingCache
{
public:
    struct Page
    {
        QByteArray body;
        QByteArray etag;
    };
    // What a loader makes: the page, and the articles it shows if it says (a page that does not is
    // dropped by every invalidateArticles()).
    struct Made
    {
        Made(QByteArray body, std::optional<QList<qint64>> articles = std::nullopt)
            : body(std::move(body))
            , articles(std::move(articles))
        {
        }
        QByteArray body;
        std::optional<QList<qint64>> articles;
    };
    using Loader = std::function<Made()>;

    // At most `maxEntries` pages are kept (past it the cache starts again empty): a bound on memory, as a
    // crawler can ask for every offset there is.
    explicit ListingCache(
        std::chrono::milliseconds timeToLive = std::chrono::seconds(5), qsizetype maxEntries = 1024);

    // The cached page for `key`, or the one `load` makes, which is then cached unless a write came
    // in while it was being made (it might not show that write).
    std::shared_ptr<const Page> page(const QByteArray &key, const Loader &load);
    // The cached page for `key` if there is one to send, else null (and page() will make it).
    std::shared_ptr<const Page> find(const QByteArray &key);
    void invalidate();
    // Drops the pages that show any of `articles` (a comment changes only its article's count), and the
    // expired ones; the others stay. Bumps generation() all the same.
    void invalidateArticles(const QList<qint64> &articles);
    // The ETag of a page's body, as the cached pages have it.
    static QByteArray etagOf(const QByteArray &body);
    // Bumped by every invalidate() and invalidateArticles(): caches of what is made from the listing (the web
    // pages) compare it.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        std::shared_ptr<const Page> page;
        std::optional<QList<qint64>> articles;
        std::chrono::steady_clock::time_point expires;
        quint64 generation = 0;
    };

    std::chrono::milliseconds m_timeToLive;
    qsizetype m_maxEntries;
    QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    QSet<QByteArray> m_refilling; // expired pages a thread is making again
    std::atomic<quint64> m_generation { 0 };
    std::atomic<quint64> m_hits { 0 };
    std::atomic<quint64> m_misses { 0 };
};

} // namespace blog
