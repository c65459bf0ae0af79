#pragma once

#include "ListingCache.h"
#include "Requests.h"

#include <memory>

namespace blog {

class ListingRepository;

// The paged article listing, served through the ListingCache.
class ListingService
{
public:
    ListingService(ListingRepository &listing, ListingCache &cache);

    std::shared_ptr<const ListingCache::Page> page(const ListingQuery &query);

private:
    ListingRepository &m_listing;
    ListingCache &m_cache;
};

} // namespace blog
