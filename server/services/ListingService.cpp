#include "ListingService.h"

#include "ArticleCodec.h"
#include "ListingRepository.h"

#include <QJsonDocument>

namespace blog {

ListingService::ListingService(ListingRepository &listing, ListingCache &cache)
    : m_listing(listing)
    , m_cache(cache)
{
}

std::shared_ptr<const ListingCache::Page> ListingService::page(const ListingQuery &query)
{
    const QByteArray key = QByteArray::number(query.limit) + ':' + QByteArray::number(query.offset) + ':'
        + (query.newestFirst ? 'n' : 'o');
    return m_cache.page(key, [&] {
        ArticlePage page;
        page.total = total();
        page.items = m_listing.items(query.limit, query.offset,
            query.newestFirst ? ListingRepository::Order::NewestFirst
                              : ListingRepository::Order::OldestFirst);
        return QJsonDocument(ArticleCodec::toJson(page)).toJson(QJsonDocument::Compact);
    });
}

qint64 ListingService::total()
{
    const quint64 generation = m_cache.generation();
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(m_totalMutex);
    if (generation != m_totalGeneration || now >= m_totalExpires) {
        m_total = m_listing.count();
        m_totalGeneration = generation;
        m_totalExpires = now + m_cache.timeToLive();
    }
    return m_total;
}

} // namespace blog
