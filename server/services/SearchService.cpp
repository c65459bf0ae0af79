#include "SearchService.h"

#include "ArticleCodec.h"
#include "FilteredListingCache.h"
#include "SearchRepository.h"
#include "SearchTerms.h"

namespace blog {

SearchService::SearchService(SearchRepository &search, FilteredListingCache &cache)
    : m_search(search)
    , m_cache(cache)
{
}

QByteArray SearchService::key(
    const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset)
{
    // The parsed terms, not the text: "Café  bar" and "café bar" share a page.
    QByteArray key = QByteArray::number(limit);
    key.append(':').append(QByteArray::number(offset)).append(':').append(filter.key()).append(':');
    key.append(terms.key());
    return key;
}

std::shared_ptr<const ListingCache::Page> SearchService::page(
    const SearchTerms &terms, const ListingQuery &query, std::optional<qint64> readerId)
{
    ListingRepository::Filter filter;
    filter.tag = query.tag;
    filter.authorId = query.authorId;
    if (query.isSocial()) {
        // Favourites and follows change these pages and drop only the searches' cache (as for the
        // listing's social pages): the JSON is made per request.
        filter.favoritedBy = query.favoritedBy;
        if (query.feed)
            filter.feedOf = readerId.value_or(0); // nobody: no articles
        const auto found = filtered(terms, filter, query.limit, query.offset);
        auto json = std::make_shared<ListingCache::Page>();
        json->body = ArticleCodec::toJsonBytes(*found);
        json->etag = ListingCache::etagOf(json->body);
        return json;
    }
    return m_cache.searchJson.page(key(terms, filter, query.limit, query.offset),
        [&] { return ArticleCodec::toJsonBytes(m_search.search(terms, filter, query.limit, query.offset)); });
}

std::shared_ptr<const ArticlePage> SearchService::filtered(
    const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset)
{
    ListingRepository::Filter unordered = filter;
    unordered.newestFirst = true; // ranked, whatever the filter says
    return m_cache.searches.get(key(terms, unordered, limit, offset),
        [&] { return m_search.search(terms, unordered, limit, offset); });
}

} // namespace blog
