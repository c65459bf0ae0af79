#pragma once

#include "ArticlePage.h"
#include "ListingCache.h"
#include "ListingPositions.h"
#include "Requests.h"

#include <memory>

namespace blog {

class ListingRepository;

// The paged article listing, served through the ListingCache.
class ListingService
{
public:
    ListingService(ListingRepository &listing, ListingCache &cache, ListingPositions &positions);

    std::shared_ptr<const ListingCache::Page> page(const ListingQuery &query);

private:
    // Counted with the anchors: exact after this server's writes and other instances'; rows added behind
    // the servers' backs count when the anchors expire.
    qint64 total();
    std::shared_ptr<const ListingPositions::Anchors> anchors();
    QList<ArticleListItem> items(const ListingQuery &query);

    ListingRepository &m_listing;
    ListingCache &m_cache;
    ListingPositions &m_positions;
};

} // namespace blog
