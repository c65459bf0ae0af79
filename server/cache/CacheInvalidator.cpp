#include "CacheInvalidator.h"

#include "ArticleCache.h"
#include "ChangeNotifier.h"
#include "FilteredListingCache.h"
#include "ListingCache.h"
#include "ListingPositions.h"

namespace blog {

CacheInvalidator::CacheInvalidator(ListingCache &cache, ListingPositions &positions,
    FilteredListingCache &filtered, ArticleCache &articles, ChangeNotifier &notifier)
    : m_cache(cache)
    , m_filtered(filtered)
    , m_positions(positions)
    , m_articles(articles)
    , m_notifier(notifier)
{
}

// The articles go first: the web pages are made from them and kept by the listing's generation, so a
// page made between the two would keep an article from before the write.

void CacheInvalidator::articlesChanged()
{
    m_articles.invalidate();
    m_positions.invalidate();
    m_cache.invalidate();
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Articles);
}

void CacheInvalidator::listingChanged()
{
    m_articles.invalidate();
    m_cache.invalidate();
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Pages);
}

void CacheInvalidator::commentsChanged(const QList<qint64> &articles, const QList<qint64> &articleAuthors)
{
    m_articles.forgetArticles(articles);
    m_cache.invalidateArticles(articles);
    m_filtered.invalidate();
    m_notifier.commentsChanged(articleAuthors);
}

void CacheInvalidator::socialChanged()
{
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Pages);
}

} // namespace blog
