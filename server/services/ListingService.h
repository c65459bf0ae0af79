#pragma once

#include "ListingCache.h"
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
    ListingService(ListingRepository &listing, ListingCache &cache);

    std::shared_ptr<const ListingCache::Page> page(const ListingQuery &query);

private:
    qint64 total();

    ListingRepository &m_listing;
    ListingCache &m_cache;
    // The article count, counted once per cache generation and expiry instead of once per page.
    std::mutex m_totalMutex;
    quint64 m_totalGeneration = ~quint64(0);
    std::chrono::steady_clock::time_point m_totalExpires;
    qint64 m_total = 0;
};

} // namespace blog
