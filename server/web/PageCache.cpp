#include "PageCache.h"

#include "HttpDate.h"
#include "ListingCache.h"

#include <QCryptographicHash>

namespace blog {

namespace {
// A bound on memory: a crawler may ask for every article and every page.
constexpr qsizetype MaxEntries = 2048;
} // namespace

PageCache::PageCache(const ListingCache &listing, std::chrono::milliseconds timeToLive)
    : m_listing(listing)
    , m_timeToLive(timeToLive)
{
}

std::shared_ptr<const PageCache::Page> PageCache::page(const QByteArray &key, const Loader &load)
{
    const auto now = std::chrono::steady_clock::now();
    const quint64 generation = m_listing.generation();
    std::shared_ptr<const Page> previous;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd()) {
            if (it->generation == generation && it->expires > now) {
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return it->page;
            }
            previous = it->page;
        }
    }
    m_misses.fetch_add(1, std::memory_order_relaxed);
    const Made made = load();
    auto page = std::make_shared<Page>();
    page->body = made.body;
    page->status = made.status;
    page->etag = '"' + QCryptographicHash::hash(page->body, QCryptographicHash::Sha1).toHex().left(32) + '"';
    // HTTP dates have whole seconds; a page made again with the same bytes keeps its date.
    page->lastModified = previous && previous->etag == page->etag
        ? previous->lastModified
        : QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    page->lastModifiedHeader = HttpDate::format(page->lastModified);

    QMutexLocker lock(&m_mutex);
    // Made while a write came in: it may not show it, so it is sent but not kept. Nor are "not found"
    // pages: made from any path a client invents, they would push the real pages out.
    if (m_listing.generation() == generation && page->status == 200) {
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
        m_entries.insert(key, Entry { page, std::chrono::steady_clock::now() + m_timeToLive, generation });
    }
    return page;
}

} // namespace blog
