#pragma once

#include "ArticlePage.h"
#include "FilteredListingCache.h"
#include "ListingCache.h"
#include "ListingPositions.h"
#include "ListingRepository.h"
#include "Requests.h"

#include <QSet>

#include <memory>

namespace blog {

class FavoriteRepository;
class FollowRepository;

// The paged article listing, served through the ListingCache; filtered listings (tag, author,
// favourited by, a reader's feed) and the tags, served through the FilteredListingCache.
class ListingService
{
public:
    using Filter = ListingRepository::Filter;
    // How one reader stands to the articles of a page (not cached: pages are shared by all readers).
    struct Marks
    {
        QSet<qint64> favorited; // article ids
        QSet<qint64> followedAuthors; // user ids
    };

    ListingService(ListingRepository &listing, ListingCache &cache, ListingPositions &positions,
        FilteredListingCache &filteredCache, FavoriteRepository &favorites, FollowRepository &follows);

    // The seed API's listing page, filtered or not, as JSON. `readerId`: who asks for their feed
    // (query.feed; the caller has authenticated them).
    std::shared_ptr<const ListingCache::Page> page(
        const ListingQuery &query, std::optional<qint64> readerId = std::nullopt);
    // Items carry every column (ArticleListItem's timestamps, usernames, favourite counts).
    std::shared_ptr<const ArticlePage> filtered(const Filter &filter, int limit, qint64 offset);
    Marks marks(qint64 viewerId, const ArticlePage &page);
    std::shared_ptr<const QStringList> tags();

private:
    // Counted with the anchors: exact after this server's writes and other instances'; rows added behind
    // the servers' backs count when the anchors expire.
    qint64 total();
    std::shared_ptr<const ListingPositions::Anchors> anchors();
    QList<ArticleListItem> items(const ListingQuery &query);

    ListingRepository &m_listing;
    ListingCache &m_cache;
    ListingPositions &m_positions;
    FilteredListingCache &m_filteredCache;
    FavoriteRepository &m_favorites;
    FollowRepository &m_follows;
};

} // namespace blog
