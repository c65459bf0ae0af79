#include "ListingService.h"

#include "ArticleCodec.h"
#include "ListingRepository.h"

namespace blog {

namespace {
// Anchors every 512 articles: a page skips fewer than 512 rows of the primary key, whatever its offset.
constexpr int AnchorEvery = 512;
} // namespace

ListingService::ListingService(ListingRepository &listing, ListingCache &cache, ListingPositions &positions)
    : m_listing(listing)
    , m_cache(cache)
    , m_positions(positions)
{
}

std::shared_ptr<const ListingCache::Page> ListingService::page(const ListingQuery &query)
{
    const QByteArray key = QByteArray::number(query.limit) + ':' + QByteArray::number(query.offset) + ':'
        + (query.newestFirst ? 'n' : 'o');
    return m_cache.page(key, [&] {
        ArticlePage page;
        page.total = total();
        page.items = items(query);
        return ArticleCodec::toJsonBytes(page);
    });
}

QList<ArticleListItem> ListingService::items(const ListingQuery &query)
{
    const auto order
        = query.newestFirst ? ListingRepository::Order::NewestFirst : ListingRepository::Order::OldestFirst;
    if (query.offset < AnchorEvery)
        return m_listing.items(query.limit, query.offset, order);
    const auto anchors = this->anchors();
    if (query.offset >= anchors->total)
        return {};
    // The page's ascending positions, first to last.
    qint64 first = query.offset;
    qint64 last = std::min(anchors->total - 1, query.offset + query.limit - 1);
    if (query.newestFirst) {
        last = anchors->total - 1 - query.offset;
        first = std::max<qint64>(0, last - query.limit + 1);
    }
    const qint64 anchor = first / anchors->every;
    return m_listing.itemsFrom(
        anchors->ids.at(anchor), first - anchor * anchors->every, int(last - first + 1), order);
}

qint64 ListingService::total()
{
    return anchors()->total;
}

std::shared_ptr<const ListingPositions::Anchors> ListingService::anchors()
{
    return m_positions.anchors([this] { return m_listing.anchors(AnchorEvery); });
}

} // namespace blog
