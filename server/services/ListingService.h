#pragma once

#include "ArticlePage.h"
#include "ListingCache.h"
#include "ListingPositions.h"
#include "Requests.h"

#include <chrono>
#include <memory>
#include <mutex>

namespace blog {

class ListingRepository;

// The paged article listing, served through the ListingCache.
class ListingService
{
public:
    ListingService(ListingRepository &listing, ListingCache &cache, ListingPositions &positions);

    std::shared_ptr<const ListingCache::Page> page(const ListingQuery &query);

private:
    qint64 total();
    QList<ArticleListItem> items(const ListingQuery &query);

    ListingRepository &m_listing;
    ListingCache &m_cache;
    ListingPositions &m_positions;
    // The article count, counted again only when articles come or go (or it expires), not per page.
    std::mutex m_totalMutex;
    quint64 m_totalGeneration = ~quint64(0);
    std::chrono::steady_clock::time_point m_totalExpires;
    qint64 m_total = 0;
};

} // namespace blog
