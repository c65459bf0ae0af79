#include "ListingService.h"

#include "ArticleCodec.h"
#include "FavoriteRepository.h"
#include "FollowRepository.h"
#include "ListingRepository.h"

namespace blog {

namespace {
// Anchors every 128 articles: a page skips fewer than 128 entries of the primary key, whatever its offset.
// Reading them costs about the same at any spacing (a pass over the key: at a million articles 0.26 s on
// PostgreSQL for 1,954 anchors, 0.28 s for 7,813); a random page's statement at 512 took 0.15-0.17 ms of
// PostgreSQL's time, at 128 0.12 ms.
constexpr int AnchorEvery = 128;
} // namespace

ListingService::ListingService(ListingRepository &listing, ListingCache &cache, ListingPositions &positions,
    FilteredListingCache &filteredCache, FavoriteRepository &favorites, FollowRepository &follows)
    : m_listing(listing)
    , m_cache(cache)
    , m_positions(positions)
    , m_filteredCache(filteredCache)
    , m_favorites(favorites)
    , m_follows(follows)
{
}

std::shared_ptr<const ListingCache::Page> ListingService::page(
    const ListingQuery &query, std::optional<qint64> readerId)
{
    if (query.isSocial()) {
        // Favourites and follows change these pages, and they drop only the FilteredListingCache: the
        // pages come from there, their JSON is made per request (microseconds for a page).
        Filter filter;
        filter.tag = query.tag;
        filter.authorId = query.authorId;
        filter.favoritedBy = query.favoritedBy;
        if (query.feed)
            filter.feedOf = readerId.value_or(0); // nobody: no articles
        filter.newestFirst = query.newestFirst;
        const auto page = filtered(filter, query.limit, query.offset);
        auto json = std::make_shared<ListingCache::Page>();
        json->body = ArticleCodec::toJsonBytes(*page);
        json->etag = ListingCache::etagOf(json->body);
        return json;
    }
    if (query.isFiltered()) {
        Filter filter;
        filter.tag = query.tag;
        filter.authorId = query.authorId;
        filter.newestFirst = query.newestFirst;
        // The seed API's JSON shows nothing a favourite or a follow changes, so the ListingCache's
        // invalidation covers it.
        const QByteArray key = "f:" + QByteArray::number(query.limit) + ':' + QByteArray::number(query.offset)
            + ':' + filter.key();
        return m_cache.page(key, [&] {
            ArticlePage page = m_listing.filtered(filter, query.limit, query.offset);
            return ListingCache::Made(ArticleCodec::toJsonBytes(page), page.ids());
        });
    }
    const QByteArray key = QByteArray::number(query.limit) + ':' + QByteArray::number(query.offset) + ':'
        + (query.newestFirst ? 'n' : 'o');
    return m_cache.page(key, [&] {
        ArticlePage page;
        page.total = total();
        page.items = items(query);
        return ListingCache::Made(ArticleCodec::toJsonBytes(page), page.ids());
    });
}

std::shared_ptr<const ArticlePage> ListingService::filtered(const Filter &filter, int limit, qint64 offset)
{
    const QByteArray key = QByteArray::number(limit) + ':' + QByteArray::number(offset) + ':' + filter.key();
    return m_filteredCache.pages.get(key, [&] {
        // Every article: the count the listing's anchors keep (exact after writes), not a pass over the
        // table (~70 ms at a million articles).
        return m_listing.filtered(
            filter, limit, offset, filter.isEverything() ? std::optional(total()) : std::nullopt);
    });
}

ListingService::Marks ListingService::marks(qint64 viewerId, const ArticlePage &page)
{
    QList<qint64> articleIds;
    QList<qint64> authorIds;
    for (const ArticleListItem &item : page.items) {
        articleIds.append(item.id);
        if (!authorIds.contains(item.authorId))
            authorIds.append(item.authorId);
    }
    return Marks { m_favorites.favoritedAmong(viewerId, articleIds),
        m_follows.followedAmong(viewerId, authorIds) };
}

std::shared_ptr<const QStringList> ListingService::tags()
{
    return m_filteredCache.tags.get(QByteArrayLiteral("tags"), [this] { return m_listing.tagsInUse(); });
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
    return m_positions.anchors(
        [this] { return m_listing.anchors(AnchorEvery); }, [this] { return m_listing.articlesChangeMark(); });
}

} // namespace blog
