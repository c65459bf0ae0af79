#include "SearchService.h"

#include "ArticleCodec.h"
#include "DatabaseError.h"
#include "FilteredListingCache.h"
#include "SearchPool.h"
#include "SearchRepository.h"
#include "SearchTerms.h"

#include <exception>

namespace blog {

namespace {

Error tooLong(std::chrono::milliseconds limit)
{
    return Error::unavailable(
        QStringLiteral("This search took longer than the server allows (%1 ms); try more specific words")
            .arg(limit.count()));
}

} // namespace

SearchService::SearchService(SearchRepository &search, FilteredListingCache &cache, SearchPool &pool)
    : m_search(search)
    , m_cache(cache)
    , m_pool(pool)
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

template<typename T> void SearchService::offload(std::function<T()> search, Resume resume, Completion<T> done)
{
    const std::chrono::milliseconds limit = m_pool.timeLimit();
    auto task = [this, search = std::move(search), resume, done, limit] {
        try {
            T found;
            try {
                found = search();
            } catch (const DatabaseError &error) {
                // The pool's connection may have died with a database restart while it waited: once
                // more on a new one (an HTTP thread's answers one 503 and reconnects for the next).
                if (error.kind() != DatabaseError::Kind::Unavailable)
                    throw;
                m_pool.reconnect();
                found = search();
            }
            resume([done, found] { done(found); });
        } catch (const DatabaseError &error) {
            if (error.kind() == DatabaseError::Kind::TimedOut) {
                m_timedOut.fetch_add(1, std::memory_order_relaxed);
                resume([done, limit] { done(tooLong(limit)); });
            } else {
                resume([failure = std::current_exception()] { std::rethrow_exception(failure); });
            }
        } catch (...) {
            resume([failure = std::current_exception()] { std::rethrow_exception(failure); });
        }
    };
    if (!m_pool.tryStart(std::move(task)))
        done(Error::busy(m_pool.retryAfterSeconds()));
}

void SearchService::page(const SearchTerms &terms, const ListingQuery &query, std::optional<qint64> readerId,
    Resume resume, Completion<JsonPage> done)
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
        filtered(terms, filter, query.limit, query.offset, std::move(resume), [done](Result<Page> found) {
            if (!found) {
                done(found.error());
                return;
            }
            auto json = std::make_shared<ListingCache::Page>();
            json->body = ArticleCodec::toJsonBytes(**found);
            json->etag = ListingCache::etagOf(json->body);
            done(JsonPage(std::move(json)));
        });
        return;
    }
    const QByteArray pageKey = key(terms, filter, query.limit, query.offset);
    if (JsonPage cached = m_cache.searchJson.find(pageKey)) {
        done(std::move(cached));
        return;
    }
    offload<JsonPage>(
        [this, pageKey, terms, filter, limit = query.limit, offset = query.offset] {
            return m_cache.searchJson.page(pageKey,
                [&] { return ArticleCodec::toJsonBytes(m_search.search(terms, filter, limit, offset)); });
        },
        std::move(resume), std::move(done));
}

void SearchService::filtered(const SearchTerms &terms, const ListingRepository::Filter &filter, int limit,
    qint64 offset, Resume resume, Completion<Page> done)
{
    ListingRepository::Filter unordered = filter;
    unordered.newestFirst = true; // ranked, whatever the filter says
    const QByteArray pageKey = key(terms, unordered, limit, offset);
    if (Page cached = m_cache.searches.find(pageKey)) {
        done(std::move(cached));
        return;
    }
    offload<Page>(
        [this, pageKey, terms, unordered, limit, offset] {
            return m_cache.searches.get(
                pageKey, [&] { return m_search.search(terms, unordered, limit, offset); });
        },
        std::move(resume), std::move(done));
}

} // namespace blog
