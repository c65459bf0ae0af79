#include "ListingCache.h"

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>

namespace blog {

ListingCache::ListingCache(std::chrono::milliseconds timeToLive, qsizetype maxEntries)
    : m_timeToLive(timeToLive)
    , m_maxEntries(maxEntries)
{
}

std::shared_ptr<const ListingCache::Page> ListingCache::page(const QByteArray &key, const Loader &load)
{
    const auto now = std::chrono::steady_clock::now();
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    bool refilling = false;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->generation == generation) {
            // An expired page that no write has touched: one thread makes it again, and the others
            // keep sending it meanwhile, so the moment it expires costs one refill, not one a request.
            if (it->expires > now || m_refilling.contains(key)) {
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return it->page;
            }
            m_refilling.insert(key);
            refilling = true;
        }
    }
    m_misses.fetch_add(1, std::memory_order_relaxed);
    auto page = std::make_shared<Page>();
    std::optional<QList<qint64>> articles;
    try {
        Made made = load();
        page->body = std::move(made.body);
        articles = std::move(made.articles);
    } catch (...) {
        if (refilling) {
            QMutexLocker lock(&m_mutex);
            m_refilling.remove(key);
        }
        throw;
    }
    page->etag = etagOf(page->body);

    QMutexLocker lock(&m_mutex);
    if (refilling)
        m_refilling.remove(key);
    if (m_generation.load(std::memory_order_acquire) == generation) {
        if (m_entries.size() >= m_maxEntries)
            m_entries.clear();
        m_entries.insert(key,
            Entry { page, std::move(articles), std::chrono::steady_clock::now() + m_timeToLive, generation });
    }
    return page;
}

std::shared_ptr<const ListingCache::Page> ListingCache::find(const QByteArray &key)
{
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || it->generation != generation
        || (it->expires <= std::chrono::steady_clock::now() && !m_refilling.contains(key)))
        return nullptr;
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return it->page;
}

QByteArray ListingCache::etagOf(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex().left(32) + '"';
}

void ListingCache::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_entries.clear();
}

void ListingCache::invalidateArticles(const QList<qint64> &articles)
{
    const QSet<qint64> changed(articles.begin(), articles.end());
    const auto now = std::chrono::steady_clock::now();
    QMutexLocker lock(&m_mutex);
    // Under the lock, so no page is kept or found between the bump and the pages' new stamps. A page
    // being made meanwhile is not kept, as after invalidate(): it may show the change or not.
    const quint64 generation = m_generation.fetch_add(1, std::memory_order_acq_rel) + 1;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        // An expired page goes too: one being made again would not be kept (the generation moved), and
        // the old one, stamped anew, would be sent on while comments keep coming.
        const bool drop = !it->articles || it->expires <= now
            || std::any_of(it->articles->begin(), it->articles->end(),
                [&](qint64 article) { return changed.contains(article); });
        if (drop) {
            it = m_entries.erase(it);
        } else {
            it->generation = generation;
            ++it;
        }
    }
}

} // namespace blog
