#pragma once

#include "ArticlePage.h"
#include "ListingCache.h"
#include "ListingRepository.h"
#include "Requests.h"

#include <memory>

namespace blog {

struct FilteredListingCache;
class SearchRepository;
struct SearchTerms;

// Full-text search over the articles, paged like the listing and cached like it (FilteredListingCache:
// dropped by every write that changes the listing, here and on other instances).
class SearchService
{
public:
    SearchService(SearchRepository &search, FilteredListingCache &cache);

    // The seed API's page of `terms` (the query's `search`, parsed) as JSON: the listing's shape and
    // total; the query's filters narrow it (`readerId`: whose feed, for query.feed), its limit and offset
    // page it.
    std::shared_ptr<const ListingCache::Page> page(
        const SearchTerms &terms, const ListingQuery &query, std::optional<qint64> readerId = std::nullopt);
    // Items carry every column, like ListingService::filtered; every filter given must hold too.
    std::shared_ptr<const ArticlePage> filtered(
        const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset);

private:
    static QByteArray key(
        const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset);

    SearchRepository &m_search;
    FilteredListingCache &m_cache;
};

} // namespace blog
