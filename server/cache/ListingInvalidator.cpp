#include "ListingInvalidator.h"

#include "ChangeNotifier.h"
#include "FilteredListingCache.h"
#include "ListingCache.h"
#include "ListingPositions.h"

namespace blog {

ListingInvalidator::ListingInvalidator(ListingCache &cache, ListingPositions &positions,
    FilteredListingCache &filtered, ChangeNotifier &notifier)
    : m_cache(cache)
    , m_filtered(filtered)
    , m_positions(positions)
    , m_notifier(notifier)
{
}

void ListingInvalidator::articlesChanged()
{
    m_positions.invalidate();
    m_cache.invalidate();
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Articles);
}

void ListingInvalidator::listingChanged()
{
    m_cache.invalidate();
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Pages);
}

void ListingInvalidator::commentsChanged(const QList<qint64> &articles, const QList<qint64> &articleAuthors)
{
    m_cache.invalidateArticles(articles);
    m_filtered.invalidate();
    m_notifier.commentsChanged(articleAuthors);
}

void ListingInvalidator::socialChanged()
{
    m_filtered.invalidate();
    m_notifier.listingChanged(ChangeNotifier::Scope::Pages);
}

} // namespace blog
