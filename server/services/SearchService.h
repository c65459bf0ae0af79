#pragma once

#include "ArticlePage.h"
#include "ListingCache.h"
#include "ListingRepository.h"
#include "Requests.h"
#include "Resume.h"

#include <atomic>
#include <memory>

namespace blog {

struct FilteredListingCache;
class SearchPool;
class SearchRepository;
struct SearchTerms;

// Full-text search over the articles, paged like the listing and cached like it (FilteredListingCache:
// dropped by every write that changes the listing, here and on other instances). A page in the cache
// is answered at once; any other is searched on the SearchPool and completes through `resume`, back
// on the thread that took the request, or at once with an error (the pool's queue is full, 503).
class SearchService
{
public:
    using JsonPage = std::shared_ptr<const ListingCache::Page>;
    using Page = std::shared_ptr<const ArticlePage>;

    SearchService(SearchRepository &search, FilteredListingCache &cache, SearchPool &pool);

    // The seed API's page of `terms` (the query's `search`, parsed) as JSON: the listing's shape and
    // total; the query's filters narrow it (`readerId`: whose feed, for query.feed), its limit and offset
    // page it.
    void page(const SearchTerms &terms, const ListingQuery &query, std::optional<qint64> readerId,
        Resume resume, Completion<JsonPage> done);
    // Items carry every column, like ListingService::filtered; every filter given must hold too.
    void filtered(const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset,
        Resume resume, Completion<Page> done);

    // Searches stopped by the pool's time limit so far.
    quint64 timedOut() const { return m_timedOut.load(std::memory_order_relaxed); }

private:
    static QByteArray key(
        const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset);
    // Runs `search` on the pool and hands its outcome to `done` through `resume`.
    template<typename T> void offload(std::function<T()> search, Resume resume, Completion<T> done);

    SearchRepository &m_search;
    FilteredListingCache &m_cache;
    SearchPool &m_pool;
    std::atomic<quint64> m_timedOut { 0 };
};

} // namespace blog
