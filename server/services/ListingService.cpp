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
        const ArticlePage page = m_listing.page(query.limit, query.offset,
                                                query.newestFirst ? ListingRepository::Order::NewestFirst
                                                                  : ListingRepository::Order::OldestFirst);
        return QJsonDocument(ArticleCodec::toJson(page)).toJson(QJsonDocument::Compact);
    });
}

} // namespace blog
