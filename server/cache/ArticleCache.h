#pragma once

#include "Article.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace blog {

// Articles as their page shows them (fields, author, live comments), by slug, for a short time: a
// popular article is read from memory on every instance instead of from the database on every request.
// Dropped at once by the writes that change what it shows (CacheInvalidator) and by other instances'
// writes (ChangeListener); a value loaded while such a write came in is returned but not kept. Who reads
// it (favourited, following) is not in it. Shared by all worker threads.
class ArticleCache
{
public:
    using Loader = std::function<std::optional<Article>()>;

    // At most about `maxBytes` of articles are kept; past it the cache starts again empty (a popular
    // article is back at its next request).
    explicit ArticleCache(std::chrono::milliseconds timeToLive, qsizetype maxBytes = 8 * 1024 * 1024);

    // The cached article, or the one `load` finds, or null if there is none (not kept: it may be
    // posted any moment).
    std::shared_ptr<const Article> get(const QString &slug, const Loader &load);
    // Comments came or went on these articles.
    void forgetArticles(const QList<qint64> &ids);
    void invalidate();

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

    // What an article takes in memory, roughly: its text and its comments' dominate.
    static qsizetype sizeOf(const Article &article);

private:
    struct Entry
    {
        std::shared_ptr<const Article> article;
        std::chrono::steady_clock::time_point expires;
        qsizetype bytes = 0;
    };
    void eraseLocked(const QString &slug);

    const std::chrono::milliseconds m_timeToLive;
    const qsizetype m_maxBytes;
    QMutex m_mutex;
    QHash<QString, Entry> m_bySlug;
    QHash<qint64, QString> m_slugById;
    qsizetype m_bytes = 0;
    // Bumped by every write reported: a load that saw another generation begin is not kept.
    std::atomic<quint64> m_generation { 0 };
    std::atomic<quint64> m_hits { 0 };
    std::atomic<quint64> m_misses { 0 };
};

} // namespace blog
